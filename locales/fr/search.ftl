# Recherche dans l'ensemble du contenu, en cinq langues.

search-title = Recherche
search-title-for = Recherche : { $q }
search-label = Rechercher dans les pratiques, les ressources, les recommandations et le Pacte
search-submit = Rechercher
search-count = { $count ->
    [one] { $count } résultat
   *[other] { $count } résultats
}
search-refine = Affiner
search-selected = (sélectionné ; choisissez-le de nouveau pour le retirer)
search-why = Résultat retenu parce que :
search-reason-text = les mots figurent dans son { $field } ({ $lang })
search-reason-glossary = « { $term } » désigne l'objectif { $number } ({ $objective }), auquel cet élément est associé
search-reason-principle = « { $term } » désigne le principe directeur { $principle }
search-reason-translation = « { $term } » se traduit par « { $translation } » ({ $lang })
search-reason-fuzzy = un mot dont l'orthographe est proche de « { $term } »
search-reason-prefix = un mot commençant par « { $term } »
search-field-title = titre
search-field-body = texte
search-field-summary = résumé
search-facet-kind = Type
search-facet-objective = Objectif
search-facet-principle = Principe directeur
search-facet-country = Pays
search-facet-theme = Thème
search-facet-lang = Langue
search-facet-year = Année
search-kind-practice = Pratique
search-kind-resource = Ressource
search-kind-recommendation = Recommandation
search-kind-call = Appel à pratiques
search-kind-compact = Le Pacte
search-sort-relevance = Pertinence
search-notice-query-truncated = Votre recherche était très longue : seul son début a été pris en compte.
search-notice-too-many-terms = Votre recherche comportait de nombreux mots : seuls les premiers ont été pris en compte.
search-notice-unbalanced-quote = Un guillemet n'a pas été fermé : les mots ont été recherchés séparément.
search-notice-no-searchable-terms = Votre recherche ne contient aucun mot à rechercher ; tout ce qui correspond aux filtres est affiché.
search-notice-limit-clamped = Au plus 100 résultats sont affichés à la fois.
search-notice-offset-too-large = Il n'y a pas de résultats aussi loin dans la liste.
search-notice-unknown-language = Cette langue n'est pas reconnue ; la recherche porte sur toutes les langues.
search-notice-not-found = Introuvable.
similar-title = Pratiques similaires
similar-shared = Points communs : { $what }
api-error-search-unavailable = La recherche n'est pas disponible sur ce serveur pour le moment.
search-facet-region = Région (ONU)
