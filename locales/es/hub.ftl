# El centro de conexión: solicitudes de apoyo y su tramitación (PMM, párr. 43 a)).
hub-title = Centro de conexión
hub-intro = El centro de conexión ayuda a los países a encontrar el apoyo que necesitan para aplicar el Pacto Mundial para la Migración: un Estado miembro solicita apoyo, la secretaría evalúa la solicitud y asociados con la experiencia y los recursos adecuados contribuyen a llevarla a cabo.
hub-how = Cómo funciona
hub-how-request = El punto focal de un Estado miembro (o una autoridad local o parte interesada con el aval del gobierno) redacta y presenta una solicitud de apoyo.
hub-how-assess = La secretaría evalúa la solicitud, pide aclaraciones si hace falta y la acepta o la rechaza con motivos.
hub-how-match = Se proponen e invitan asociados con la experiencia, la presencia y los recursos adecuados; se deja constancia del acuerdo de cada asociado.
hub-how-implement = Se fijan un asociado principal y un plan de trabajo con hitos, y comienza la ejecución. El solicitante ve cada paso.
hub-requests-title = Solicitudes de apoyo
hub-requests-summary = Las solicitudes de apoyo de los países y en qué punto está cada una.
hub-requests-count =
    { $count ->
        [0] Ninguna solicitud coincide.
        [one] Una solicitud.
       *[other] { $count } solicitudes.
    }
hub-offers-title = Ofertas de apoyo
hub-offers-summary = Lo que ofrecen las organizaciones: formación, experiencia, financiación, intercambio entre pares.
hub-partners-title = Asociados
hub-partners-summary = Organizaciones dispuestas a apoyar la aplicación, con su experiencia y su presencia.
hub-dashboard-title = Panel del centro
hub-dashboard-summary = Solicitudes por etapa, objetivo y región, y la rapidez con que se responden.
hub-new = Solicitar apoyo
hub-data = Datos abiertos sobre las solicitudes públicas
hub-any-status = Cualquier etapa
hub-any-country = Cualquier país
hub-any-objective = Cualquier objetivo
hub-filter = Filtrar
hub-draft = Borrador
hub-new-title = Solicitar apoyo
hub-edit-title = Modificar la solicitud
hub-form-intro = Guarde un borrador en cualquier momento y vuelva a él más tarde; preséntelo cuando esté completo. La presentación requiere una descripción, al menos un objetivo y un tipo de apoyo.
hub-actions-hint = Referencias de las medidas del Pacto, separadas por espacios, por ejemplo gcm:obj:20:c.
hub-counterparts-hint = Una por línea: el ministerio u organismo, dos puntos y su función (por ejemplo «Ministerio de Trabajo: política de migración laboral»).
hub-endorsement = Aval del gobierno
hub-endorsement-hint = Necesario antes de presentar la solicitud cuando no procede del gobierno de un Estado miembro: la organización gubernamental del mismo país que la avaló, cuándo y cómo.
hub-save-draft = Guardar borrador
hub-save-submit = Guardar y presentar
hub-edit = Modificar el borrador
hub-submit = Presentar la solicitud
hub-since = desde el { $date }
hub-awaiting-answer = La secretaría hizo una pregunta y espera la respuesta del solicitante.
hub-where = En qué punto está la solicitud
hub-dates = Fechas
hub-send-answer = Enviar la respuesta
hub-invited-as = Se invita a su organización a participar como { $role }.
hub-accept = Aceptar
hub-decline = Rechazar
hub-process = Tramitación
hub-suggestions = Asociados propuestos
hub-funding = Oportunidades de financiación
hub-move = Pasar a esta etapa
hub-reasons-hint = Obligatorio para rechazar o cerrar; se comunica al solicitante. En las demás etapas, un consejo para el solicitante.
hub-ask = Preguntar al solicitante
hub-invite = Invitar
hub-partners = Asociados
hub-workplan = Plan de trabajo
hub-done = Cumplido
hub-mark-done = Marcar como cumplido
hub-add-milestone = Añadir el hito
hub-similar = Prácticas y solicitudes similares
hub-connected-on = puntos focales puestos en contacto el { $date }
hub-connect = Poner en contacto a los puntos focales
hub-withdraw = Retirar la solicitud
hub-withdraw-invitation = Retirar la invitación
hub-history = Historial
hub-similar-objectives = objetivos en común: { $list }
hub-similar-countries = países en común: { $list }
hub-similar-kind-practice = Práctica
search-kind-hub_request = Solicitud de apoyo
hub-similar-kind-hub-request = Solicitud
hub-link-potential-duplication = Posible duplicación
hub-link-peer-exchange = Intercambio entre pares
hub-error-field = Revise el campo «{ $name }».
hub-field-org-id = Organización solicitante
hub-field-lang = Idioma de la solicitud
hub-field-title = Título
hub-field-description = Descripción
hub-field-country = País
hub-field-region = Región
hub-field-objectives = Objetivos
hub-field-actions = Medidas
hub-field-principles = Principios rectores
hub-field-support = Tipos de apoyo solicitados
hub-field-starts-on = Apoyo deseado desde
hub-field-ends-on = Apoyo deseado hasta
hub-field-timeline = Calendario
hub-field-budget-usd = Presupuesto estimado (dólares de los Estados Unidos)
hub-field-budget-public = Mostrar el presupuesto públicamente
hub-field-is-public = Hacer pública la solicitud una vez presentada (título, descripción, objetivos, país, tipos de apoyo y etapas)
hub-field-languages = Idiomas en que puede realizarse el trabajo
hub-field-counterparts = Contrapartes nacionales (enfoque pangubernamental)
hub-field-stakeholders-consulted = Partes interesadas consultadas (enfoque pansocial)
hub-field-existing-initiatives = Iniciativas existentes
hub-field-endorsed-by-org = Organización gubernamental que dio su aval
hub-field-endorsed-on = Fecha del aval
hub-field-endorsement-note = Referencia del aval
hub-field-status = Etapa
hub-field-to = Etapa siguiente
hub-field-reasons = Motivos o consejos
hub-field-question = Pregunta al solicitante
hub-field-answer = Su respuesta a la secretaría
hub-field-partner = Organización asociada
hub-field-role = Función
hub-field-override-reason = Motivo de esta elección (si se aparta de las propuestas)
hub-field-suggested-score = Puntuación de la propuesta
hub-field-note = Nota
hub-field-milestone = Hito
hub-field-due-on = Fecha prevista
hub-field-responsible-org = Asociado responsable
hub-field-kind = Tipo de vínculo
hub-field-other-id = Elemento vinculado
hub-field-other-kind = Tipo de elemento vinculado
hub-field-text = Texto
hub-status-draft = Borrador
hub-status-received = Recibida
hub-status-under-assessment = En evaluación
hub-status-accepted = Aceptada
hub-status-declined = Rechazada
hub-status-matching = Búsqueda de asociados
hub-status-implementation-setup = Preparación de la ejecución
hub-status-in-implementation = En ejecución
hub-status-completed = Concluida
hub-status-closed = Cerrada
hub-support-technical = Asistencia técnica
hub-support-financial = Apoyo financiero
hub-support-expertise = Recursos humanos y conocimientos especializados
hub-support-peer-exchange = Intercambio entre pares
hub-role-lead = Entidad principal
hub-role-co-implementer = Coejecutor
hub-role-technical-adviser = Asesor técnico
hub-role-funder = Financiador
hub-partner-invited = Invitado
hub-partner-accepted = Ha aceptado
hub-partner-declined = Ha rechazado
hub-partner-withdrawn = Invitación retirada
hub-event-step = Pasó a «{ $step }»
hub-event-drafted = Borrador iniciado
hub-event-clarification-asked = La secretaría pidió aclaraciones
hub-event-clarification-answered = El solicitante respondió
hub-event-partner-invited = Asociado invitado
hub-event-partner-accepted = El asociado aceptó
hub-event-partner-declined = El asociado rechazó
hub-event-partner-withdrawn = Invitación retirada
hub-event-milestone-added = Hito añadido
hub-event-milestone-done = Hito cumplido
hub-event-linked = Elemento similar señalado
hub-event-connected = Puntos focales puestos en contacto
hub-event-reminded = Recordatorio enviado
hub-dashboard-total = Solicitudes presentadas
hub-dashboard-open-offers = Ofertas abiertas
hub-dashboard-times = Plazos de respuesta
hub-dashboard-first-response = De la presentación a la primera respuesta
hub-dashboard-setup = De la presentación a la preparación de la ejecución
hub-dashboard-days = mediana { $median } días, percentil 90 { $p90 } días ({ $count } solicitudes)
hub-dashboard-no-data = aún no se ha medido ninguna solicitud
hub-dashboard-by-status = Solicitudes por etapa
hub-dashboard-by-objective = Solicitudes por objetivo
hub-dashboard-by-region = Solicitudes por región
hub-dashboard-count = Solicitudes
api-error-hub-step-out-of-order = Una solicitud en la etapa «{ $from }» no puede pasar a «{ $to }»: las etapas se suceden en orden.
api-error-hub-request-not-draft = Solo se puede modificar un borrador; esta solicitud ya se presentó.
api-error-hub-reference-taken = Se presentaron muchas solicitudes al mismo tiempo; inténtelo de nuevo.
api-error-hub-needs-accepted-partner = La preparación de la ejecución requiere al menos un asociado que haya aceptado.
api-error-hub-needs-lead-and-milestone = La ejecución puede comenzar cuando un asociado principal haya aceptado y el plan de trabajo tenga al menos un hito.
api-error-hub-request-not-open = Esta solicitud está cerrada o sigue siendo un borrador.
api-error-hub-answer-awaited = La última pregunta aún no tiene respuesta.
api-error-hub-no-question = No hay ninguna pregunta pendiente de respuesta.
api-error-hub-not-matching = Los asociados se invitan durante la búsqueda de asociados o la preparación.
api-error-hub-already-invited = Esta organización ya fue invitada a esta solicitud.
api-error-hub-already-answered = Esta invitación ya ha sido respondida.
api-error-hub-already-withdrawn = Esta invitación ya ha sido retirada.
api-error-hub-not-in-setup = Los hitos se fijan durante la preparación y la ejecución.
api-error-hub-milestone-done = Este hito ya está cumplido.
api-error-hub-no-organisation = La práctica vinculada no indica ninguna organización con la que establecer contacto.
api-error-hub-no-focal-point = Una de las dos organizaciones no tiene punto focal con el que establecer contacto.

## Cartas del centro de conexión ($link es la página de la solicitud en el idioma del lector)
mail-hub-submitted-subject = Nueva solicitud de apoyo { $reference }: { $title }
mail-hub-submitted-body = { $org } presentó la solicitud de apoyo { $reference } («{ $title }») al centro de conexión.

    Evalúela aquí: { $link }
mail-hub-step-subject = { $reference }: ahora { $to }
mail-hub-step-body = Su solicitud de apoyo { $reference } («{ $title }») pasó de «{ $from }» a «{ $to }».{ $reasons }

    { $link }
mail-hub-reasons = Motivos y consejos de la secretaría: { $text }
mail-hub-question-subject = { $reference }: la secretaría hace una pregunta
mail-hub-question-body = La secretaría pregunta sobre su solicitud de apoyo { $reference }:

    { $text }

    Responda en la página de la solicitud: { $link }
mail-hub-answered-subject = { $reference }: el solicitante respondió
mail-hub-answered-body = { $org } respondió sobre { $reference }:

    { $text }

    { $link }
mail-hub-reminder-subject = Recordatorio: { $reference } está en espera
mail-hub-reminder-body = La solicitud de apoyo { $reference } («{ $title }») lleva más de { $days } días en la etapa «{ $status }» y requiere su intervención: { $link }
mail-hub-invitation-subject = { $reference }: invitación a ser socio
mail-hub-invitation-body = La secretaría del centro de conexión invita a { $org } a apoyar la solicitud { $reference } como { $role }. Lea la solicitud y responda: { $link }
mail-hub-answer-subject = { $answer ->
        [accept] { $reference }: { $org } aceptó
       *[decline] { $reference }: { $org } declinó
    }
mail-hub-answer-body = { $answer ->
        [accept] { $org } aceptó la invitación a apoyar { $reference } como { $role }.
       *[decline] { $org } declinó la invitación a apoyar { $reference } como { $role }.
    }

    { $link }
mail-hub-withdrawn-subject = { $reference }: invitación retirada
mail-hub-withdrawn-body = La secretaría del centro de conexión retiró la invitación a { $org } para apoyar { $reference }.

    { $link }
mail-hub-connect-subject = { $reference }: conozca a un par que trabaja en la misma cuestión
mail-hub-connect-body = { $side ->
        [requester] La secretaría del centro de conexión le pone en contacto con { $peers } sobre un trabajo similar a su solicitud de apoyo { $reference }.
       *[peer] La secretaría del centro de conexión le pone en contacto con { $peers } sobre la solicitud de apoyo { $reference }, similar a su trabajo.
    }

    { $link }
