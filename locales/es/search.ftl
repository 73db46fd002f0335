# Búsqueda en todo el contenido, en cinco idiomas.

search-title = Búsqueda
search-title-for = Búsqueda: { $q }
search-label = Buscar en las prácticas, los recursos, las recomendaciones y el Pacto
search-submit = Buscar
search-count = { $count ->
    [one] Un resultado
   *[other] { $count } resultados
}
search-refine = Refinar
search-selected = (seleccionado; elíjalo de nuevo para quitarlo)
search-why = Coincide porque:
search-reason-text = las palabras figuran en su { $field } ({ $lang })
search-reason-glossary = «{ $term }» designa el objetivo { $number } ({ $objective }), al que está vinculado este elemento
search-reason-principle = «{ $term }» designa el principio rector { $principle }
search-reason-translation = «{ $term }» se traduce como «{ $translation }» ({ $lang })
search-reason-fuzzy = una palabra que se escribe de forma parecida a «{ $term }»
search-reason-prefix = una palabra que empieza por «{ $term }»
search-field-title = título
search-field-body = texto
search-field-summary = resumen
search-facet-kind = Tipo
search-facet-objective = Objetivo
search-facet-principle = Principio rector
search-facet-country = País
search-facet-theme = Tema
search-facet-lang = Idioma
search-facet-year = Año
search-kind-practice = Práctica
search-kind-resource = Recurso
search-kind-recommendation = Recomendación
search-kind-call = Convocatoria de prácticas
search-kind-compact = El Pacto
search-sort-relevance = Relevancia
search-notice-query-truncated = Su búsqueda era muy larga: solo se ha utilizado el principio.
search-notice-too-many-terms = Su búsqueda tenía muchas palabras: solo se han utilizado las primeras.
search-notice-unbalanced-quote = Unas comillas no se cerraron: las palabras se han buscado por separado.
search-notice-no-searchable-terms = Su búsqueda no contiene palabras que buscar; se muestra todo lo que coincide con los filtros.
search-notice-limit-clamped = Se muestran como máximo 100 resultados a la vez.
search-notice-offset-too-large = No hay resultados tan abajo en la lista.
search-notice-unknown-language = No se reconoce ese idioma; se busca en todos los idiomas.
search-notice-not-found = No se ha encontrado.
similar-title = Prácticas similares
similar-shared = En común: { $what }
api-error-search-unavailable = La búsqueda no está disponible en este servidor en este momento.
search-facet-region = Región (ONU)
