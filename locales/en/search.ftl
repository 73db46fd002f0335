# Search across everything, in five languages.

search-title = Search
search-title-for = Search: { $q }
search-label = Search practices, resources, recommendations and the Compact
search-submit = Search
search-count = { $count ->
    [one] One result
   *[other] { $count } results
}
search-refine = Refine
search-selected = (selected, choose again to remove)
search-why = Matched because:
search-reason-text = the words are in its { $field } ({ $lang })
search-reason-glossary = "{ $term }" names objective { $number } ({ $objective }), which it is tagged with
search-reason-principle = "{ $term }" names the guiding principle { $principle }
search-reason-translation = "{ $term }" translates as "{ $translation }" ({ $lang })
search-reason-fuzzy = a word spelt like "{ $term }"
search-reason-prefix = a word starting with "{ $term }"
search-field-title = title
search-field-body = text
search-field-summary = summary
search-facet-kind = Kind
search-facet-objective = Objective
search-facet-principle = Guiding principle
search-facet-country = Country
search-facet-theme = Theme
search-facet-lang = Language
search-facet-year = Year
search-kind-practice = Practice
search-kind-resource = Resource
search-kind-recommendation = Recommendation
search-kind-call = Call for practices
search-kind-compact = The Compact
search-sort-relevance = Best match
search-notice-query-truncated = Your search was very long: only its beginning was used.
search-notice-too-many-terms = Your search had many words: only the first ones were used.
search-notice-unbalanced-quote = A quotation mark was not closed: the words were searched on their own.
search-notice-no-searchable-terms = Your search has no words to look for; showing everything that matches the filters.
search-notice-limit-clamped = At most 100 results are shown at a time.
search-notice-offset-too-large = There are no results that far down.
search-notice-unknown-language = That language is not known; all languages are searched.
search-notice-not-found = Not found.
similar-title = Similar practices
similar-shared = Shares: { $what }
api-error-search-unavailable = Search is not available on this server at the moment.
search-facet-region = UN region
