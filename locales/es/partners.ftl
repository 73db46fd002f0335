# La parte de socios del mecanismo de conexión: perfiles, ofertas, sugerencias y financiación (routes/partners/).
partners-hub = Mecanismo de conexión
partners-title = Socios
partners-intro = Organizaciones que pueden apoyar a los países en la aplicación del Pacto: su experiencia declarada por objetivo, dónde trabajan, su capacidad y lo que la plataforma muestra de su trabajo.
partners-count =
    { $count ->
        [0] Ninguna organización coincide.
        [one] Una organización.
       *[other] { $count } organizaciones.
    }
partners-country = País
partners-country-hint = Código ISO de tres letras, p. ej. SEN.
partners-region = Región
partners-edit = Editar el perfil de socio
partners-edit-of = Perfil de socio de { $org }
partners-org-page = Página de la organización
partners-no-profile = Esta organización aún no ha completado su perfil de socio; lo que sigue es lo que la plataforma muestra de su trabajo.
partners-expertise = Experiencia por objetivo
partners-expertise-hint = Para cada objetivo, qué lugar ocupa en su trabajo. Deje «ninguna» donde no tenga experiencia.
partners-level-none = Ninguna
partners-level-1 = Cierta experiencia
partners-level-2 = Experiencia sustancial
partners-level-3 = Parte central del mandato
partners-capacity = Capacidad y presencia
partners-home-country = País de origen
partners-presence = Trabaja en
partners-staff = Personal
partners-budget = Presupuesto anual para migración
partners-languages = Idiomas de trabajo
partners-languages-hint = Códigos de idioma separados por espacios, p. ej. es en.
partners-not-declared = No indicado
partners-staff-up_to_10 = Hasta 10 personas
partners-staff-up_to_50 = De 11 a 50 personas
partners-staff-up_to_250 = De 51 a 250 personas
partners-staff-up_to_1000 = De 251 a 1000 personas
partners-staff-over_1000 = Más de 1000 personas
partners-budget-up_to_1m = Hasta 1 millón de USD
partners-budget-up_to_10m = De 1 a 10 millones de USD
partners-budget-up_to_100m = De 10 a 100 millones de USD
partners-budget-over_100m = Más de 100 millones de USD
partners-priorities = Prioridades de financiación
partners-priorities-hint = Como donante: los objetivos y regiones que financia y la mayor subvención que concede. Deje una fila vacía para no añadir nada.
partners-priority-of = Prioridad de financiación de { $org }
partners-any-objective = Cualquier objetivo
partners-anywhere = En cualquier lugar
partners-any-language = Cualquier idioma
partners-ceiling-up-to = hasta { $amount }
partners-evidence = Lo que muestra la plataforma
partners-practices =
    { $count ->
        [0] Ninguna práctica publicada.
        [one] Una práctica publicada.
       *[other] { $count } prácticas publicadas.
    }
partners-partnerships =
    { $count ->
        [0] Aún sin alianzas en el mecanismo.
        [one] Socio en una solicitud.
       *[other] Socio en { $count } solicitudes.
    }
partners-by-objective = Prácticas publicadas por objetivo
partners-by-country = Prácticas publicadas por país
partners-practices-col = Prácticas
partners-field-summary = Lo que ofrece la organización, en pocas líneas
partners-field-countries = Países
partners-countries-hint = Códigos ISO de tres letras separados por espacios, p. ej. SEN MLI GHA.
partners-field-regions = Regiones
partners-field-ceiling = Importe máximo (USD)
partners-field-note = Nota
partners-field-until = Oferta válida hasta
partners-save = Guardar el perfil
partners-error-summary = El resumen es demasiado largo.
partners-error-languages = Un idioma de trabajo no es un código de idioma de dos letras (p. ej. es).
partners-error-expertise = Un objetivo de la experiencia no es uno de los 23 objetivos del Pacto.
partners-error-expertise-level = Un nivel de experiencia debe ser 1, 2 o 3.
partners-error-countries = Un país no es un código ISO conocido (tres letras, p. ej. SEN).
partners-error-regions = Una región no es una región M49 conocida de las Naciones Unidas.
partners-error-priorities = Hay demasiadas prioridades de financiación.
partners-error-priority-objective = El objetivo de una prioridad de financiación no es uno de los 23 objetivos.
partners-error-priority-region = La región de una prioridad de financiación no es una región M49 conocida.
partners-error-priority-ceiling = La subvención máxima debe ser un número entero positivo de dólares estadounidenses.
partners-error-priority-note = La nota de una prioridad de financiación es demasiado larga.
partners-error-staff-range = Elija el personal de la lista.
partners-error-budget-range = Elija el presupuesto de la lista.
partners-error-support-kind = Elija el tipo de apoyo de la lista.
partners-error-title = Dé a la oferta un título de 300 caracteres como máximo.
partners-error-description = La descripción es demasiado larga.
partners-error-lang = Elija el idioma en que está redactada la oferta.
partners-error-objectives = Elija al menos un objetivo del Pacto.
partners-error-ceiling-usd = El importe máximo debe ser un número entero positivo de dólares estadounidenses.
partners-error-until-on = Escriba la fecha como AAAA-MM-DD.
partners-error-org-id = Elija la organización que ofrece el apoyo.
partners-offers-title = Ofertas de apoyo
partners-offers-intro = El apoyo que las organizaciones ofrecen a los países que aplican el Pacto: apoyo técnico, financiación, experiencia e intercambio entre pares. Las ofertas se vinculan con las solicitudes de los países.
partners-offers-count =
    { $count ->
        [0] Ninguna oferta coincide.
        [one] Una oferta.
       *[other] { $count } ofertas.
    }
partners-offers-closed-too = Incluir ofertas cerradas
partners-offer-new = Publicar una oferta de apoyo
partners-offer-publish = Publicar la oferta
partners-offer-open = Abierta
partners-offer-closed = Cerrada
partners-offer-close = Cerrar esta oferta
partners-offer = Oferta
partners-offered-by = Ofrecido por
partners-offer-countries-hint = Dónde se aplica la oferta; deje países y regiones vacíos para cualquier lugar.
partners-until = hasta el { $date }
partners-where = Dónde
partners-kind = Tipo de apoyo
partners-kind-technical = Apoyo técnico
partners-kind-financial = Apoyo financiero
partners-kind-expertise = Experiencia y recursos humanos
partners-kind-peer_exchange = Intercambio entre pares
partners-matched-requests = Solicitudes con las que coincide esta oferta
partners-matched-requests-caption = Solicitudes de apoyo que coinciden con esta oferta, las mejores primero
partners-matched-requests-none = Ninguna solicitud de apoyo coincide con esta oferta por ahora.
partners-request = Solicitud
partners-shared-objectives = Objetivos en común
partners-score = Puntuación
partners-suggestions = Socios sugeridos
partners-suggestions-for = Socios sugeridos para { $request }
partners-suggestions-how = Cada organización recibe una puntuación de 0 a 1 en cinco factores: adecuación a los objetivos, presencia, trayectoria, capacidad e idioma. La tabla explica por qué; la secretaría puede invitar a cualquier organización, con un motivo cuando se aparta de la clasificación.
partners-suggestions-none = Ninguna organización se ajusta aún a los objetivos de esta solicitud.
partners-score-of = puntuación { $score }
partners-likely-role = Función probable: { $role }
partners-why = Por qué se sugiere { $org }
partners-factor = Factor
partners-weight = Peso
partners-reason = Por qué
partners-factor-objective-fit = Adecuación a los objetivos
partners-factor-presence = Presencia
partners-factor-track-record = Trayectoria
partners-factor-capacity = Capacidad
partners-factor-language = Idioma
partners-role = Función
partners-role-lead = Líder
partners-role-co_implementer = Coejecutor
partners-role-technical_adviser = Asesor técnico
partners-role-funder = Financiador
partners-invite = Invitar
partners-invite-role = Invitar a { $org } como
partners-invite-other = Invitar a una organización que no fue sugerida
partners-organisation = Organización
partners-find-org = Buscar una organización por su nombre
partners-find = Buscar
partners-find-none = Ninguna organización no sugerida tiene «{ $text }» en su nombre.
partners-override-reason = Por qué esta organización
partners-override-reason-optional = Motivo si se aparta de la clasificación (opcional)
partners-override-hint = Obligatorio: el motivo se guarda con la invitación y se muestra al solicitante.
partners-matching-offers = Ofertas de apoyo que coinciden con esta solicitud
partners-matching-offers-none = Ninguna oferta abierta coincide con esta solicitud.
partners-reason-declared = Declara { $level } en el objetivo { $objective }.
partners-reason-practices-only = Ha publicado prácticas sobre { $objectives }.
partners-reason-missing = Nada sobre { $objectives }.
partners-reason-in-country = Trabaja en el país.
partners-reason-in-region = Trabaja en { $region }.
partners-reason-worldwide = Trabaja en todo el mundo.
partners-reason-not-present = No trabaja ni en el país ni en su región.
partners-reason-no-place = La solicitud no indica ningún país.
partners-reason-track = { $objectives } prácticas publicadas sobre estos objetivos, { $country } en el país, { $region } en la región; { $partnerships } alianzas en el mecanismo.
partners-reason-staff = Personal: { $staff }.
partners-reason-budget = Presupuesto: { $budget }.
partners-reason-covers = Su presupuesto anual supera el presupuesto de la solicitud.
partners-reason-not-covers = Su presupuesto anual es inferior al presupuesto de la solicitud.
partners-reason-not-declared = No indicado en su perfil.
partners-reason-languages = Trabaja en { $languages }.
partners-reason-no-language = No trabaja en ninguno de los idiomas de la solicitud.
partners-reason-any-language = La solicitud acepta cualquier idioma.
partners-funding = Oportunidades de financiación
partners-funding-for = Oportunidades de financiación para { $request }
partners-funding-how = Ofertas de apoyo financiero y prioridades de financiación que los donantes indican en sus perfiles, clasificadas por objetivos, región y si su límite cubre el presupuesto de la solicitud.
partners-funding-none = Ninguna oportunidad de financiación coincide aún con esta solicitud.
partners-request-budget = presupuesto { $amount }
partners-source = Fuente
partners-source-offer = Oferta
partners-source-priority = Prioridad de un donante
partners-covers = Cubre el presupuesto
partners-covers-yes = Sí
partners-covers-no = No
partners-covers-unknown = Desconocido
