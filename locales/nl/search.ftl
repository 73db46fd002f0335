# Zoeken in alle inhoud, in vijf talen.

search-title = Zoeken
search-title-for = Zoeken: { $q }
search-label = Zoeken in praktijken, hulpmiddelen, aanbevelingen en het Pact
search-submit = Zoeken
search-count = { $count ->
    [one] Eén resultaat
   *[other] { $count } resultaten
}
search-refine = Verfijnen
search-selected = (geselecteerd, kies opnieuw om te verwijderen)
search-why = Gevonden omdat:
search-reason-text = de woorden staan in de { $field } ({ $lang })
search-reason-glossary = "{ $term }" verwijst naar doelstelling { $number } ({ $objective }), waaraan dit item is gekoppeld
search-reason-principle = "{ $term }" verwijst naar het leidende beginsel { $principle }
search-reason-translation = "{ $term }" wordt vertaald als "{ $translation }" ({ $lang })
search-reason-fuzzy = een woord dat ongeveer als "{ $term }" wordt gespeld
search-reason-prefix = een woord dat begint met "{ $term }"
search-field-title = titel
search-field-body = tekst
search-field-summary = samenvatting
search-facet-kind = Soort
search-facet-objective = Doelstelling
search-facet-principle = Leidend beginsel
search-facet-country = Land
search-facet-theme = Thema
search-facet-lang = Taal
search-facet-year = Jaar
search-kind-practice = Praktijk
search-kind-resource = Hulpmiddel
search-kind-recommendation = Aanbeveling
search-kind-call = Oproep voor praktijken
search-kind-compact = Het Pact
search-sort-relevance = Beste overeenkomst
search-notice-query-truncated = Uw zoekopdracht was erg lang: alleen het begin is gebruikt.
search-notice-too-many-terms = Uw zoekopdracht bevatte veel woorden: alleen de eerste zijn gebruikt.
search-notice-unbalanced-quote = Een aanhalingsteken is niet gesloten: er is afzonderlijk op de woorden gezocht.
search-notice-no-searchable-terms = Uw zoekopdracht bevat geen woorden om op te zoeken; alles wat aan de filters voldoet, wordt getoond.
search-notice-limit-clamped = Er worden hoogstens 100 resultaten tegelijk getoond.
search-notice-offset-too-large = Zo ver in de lijst zijn er geen resultaten.
search-notice-unknown-language = Die taal is onbekend; er wordt in alle talen gezocht.
search-notice-not-found = Niet gevonden.
similar-title = Vergelijkbare praktijken
similar-shared = Gemeenschappelijk: { $what }
api-error-search-unavailable = Zoeken is op dit moment niet beschikbaar op deze server.
search-facet-region = VN-regio
