# Søk i alt innhold, på fem språk.

search-title = Søk
search-title-for = Søk: { $q }
search-label = Søk i praksiser, ressurser, anbefalinger og den globale plattformen
search-submit = Søk
search-count = { $count ->
    [one] Ett treff
   *[other] { $count } treff
}
search-refine = Avgrens
search-selected = (valgt, velg igjen for å fjerne)
search-why = Funnet fordi:
search-reason-text = ordene står i { $field } ({ $lang })
search-reason-glossary = «{ $term }» betegner mål { $number } ({ $objective }), som elementet er merket med
search-reason-principle = «{ $term }» betegner det veiledende prinsippet { $principle }
search-reason-translation = «{ $term }» oversettes med «{ $translation }» ({ $lang })
search-reason-fuzzy = et ord som staves omtrent som «{ $term }»
search-reason-prefix = et ord som begynner med «{ $term }»
search-field-title = tittelen
search-field-body = teksten
search-field-summary = sammendraget
search-facet-kind = Type
search-facet-objective = Mål
search-facet-principle = Veiledende prinsipp
search-facet-country = Land
search-facet-theme = Tema
search-facet-lang = Språk
search-facet-year = År
search-kind-practice = Praksis
search-kind-resource = Ressurs
search-kind-recommendation = Anbefaling
search-kind-call = Utlysning av praksiser
search-kind-compact = Den globale plattformen
search-sort-relevance = Beste treff
search-notice-query-truncated = Søket ditt var svært langt: Bare begynnelsen ble brukt.
search-notice-too-many-terms = Søket ditt inneholdt mange ord: Bare de første ble brukt.
search-notice-unbalanced-quote = Et anførselstegn ble ikke lukket: Det ble søkt etter ordene hver for seg.
search-notice-no-searchable-terms = Søket ditt inneholder ingen ord å søke etter; alt som samsvarer med filtrene, vises.
search-notice-limit-clamped = Høyst 100 treff vises om gangen.
search-notice-offset-too-large = Det finnes ingen treff så langt ned i listen.
search-notice-unknown-language = Det språket er ukjent; det søkes på alle språk.
search-notice-not-found = Ikke funnet.
similar-title = Lignende praksiser
similar-shared = Felles: { $what }
api-error-search-unavailable = Søk er ikke tilgjengelig på denne serveren for øyeblikket.
search-facet-region = FN-region
