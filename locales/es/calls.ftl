# Convocatorias temáticas de prácticas (routes/practices/calls.rs).
calls-title = Convocatorias de prácticas
calls-intro = La secretaría de la Red de las Naciones Unidas sobre la Migración abre convocatorias de prácticas sobre un tema u objetivos del Pacto, con un plazo. Las organizaciones responden a una convocatoria presentándole una práctica.
calls-new = Nueva convocatoria
calls-all = Todas las convocatorias
calls-open = Convocatorias abiertas
calls-upcoming = Próximas convocatorias
calls-past = Convocatorias pasadas
calls-none-open = No hay ninguna convocatoria abierta en este momento.
calls-none-past = No hay convocatorias pasadas.
calls-status-open = Abierta
calls-status-upcoming = Aún no abierta
calls-status-closed = Cerrada antes del plazo
calls-status-past = Plazo vencido
calls-status = Estado
calls-deadline = Plazo
calls-opens-on = Apertura
calls-days-left =
    { $days ->
        [0] último día para presentar
        [one] queda un día
       *[other] quedan { $days } días
    }
calls-answered =
    { $count ->
        [0] aún no se ha publicado ninguna práctica en respuesta
        [one] una práctica publicada en respuesta
       *[other] { $count } prácticas publicadas en respuesta
    }
calls-answered-all = Respuestas: { $submitted } presentadas o más avanzadas, { $published } publicadas, { $drafts } borradores.
calls-seeks = Qué busca esta convocatoria
calls-theme = Tema
calls-any-theme = Cualquier tema
calls-objectives = Objetivos
calls-answers = Prácticas publicadas en respuesta a esta convocatoria
calls-answers-none = Aún no se ha publicado ninguna práctica en respuesta a esta convocatoria.
calls-submit = Presentar una práctica a esta convocatoria
calls-edit = Editar esta convocatoria
calls-close = Cerrar esta convocatoria ahora
calls-close-hint = Cerrar la convocatoria antes del plazo impide nuevas presentaciones.
calls-new-title = Nueva convocatoria de prácticas
calls-edit-title = Editar la convocatoria de prácticas
calls-field-title = Título
calls-field-description = Descripción
calls-field-lang = Idioma del texto
calls-field-theme = Tema
calls-field-objectives = Objetivos buscados
calls-field-opens-on = Apertura
calls-field-deadline = Plazo
calls-date-hint = Con el formato AAAA-MM-DD, por ejemplo 2027-03-31. La convocatoria está abierta hasta el final del día del plazo (UTC).
calls-save = Guardar la convocatoria
calls-error-title = Título: escriba un título de 300 caracteres como máximo.
calls-error-description = Descripción: escriba 10 000 caracteres como máximo.
calls-error-lang = Idioma del texto: elija uno de los idiomas ofrecidos.
calls-error-theme = Tema: elija uno de los temas ofrecidos, o ninguno.
calls-error-objectives = Objetivos buscados: marque al menos un objetivo del 1 al 23.
calls-error-opens-on = Apertura: escriba una fecha real con el formato AAAA-MM-DD.
calls-error-deadline = Plazo: escriba una fecha real con el formato AAAA-MM-DD.
calls-error-deadline-order = Plazo: el plazo no puede ser anterior a la fecha de apertura.
calls-error-go = Ir al campo
calls-data = Datos abiertos
calls-date = { $day } de { $month } de { $year }
calls-month-1 = enero
calls-month-2 = febrero
calls-month-3 = marzo
calls-month-4 = abril
calls-month-5 = mayo
calls-month-6 = junio
calls-month-7 = julio
calls-month-8 = agosto
calls-month-9 = septiembre
calls-month-10 = octubre
calls-month-11 = noviembre
calls-month-12 = diciembre
api-error-call-unknown = Esta convocatoria de prácticas no existe.
api-error-call-not-yet-open = Esta convocatoria de prácticas aún no está abierta: se abre el { $date }.
api-error-call-past-deadline = El plazo de esta convocatoria de prácticas ({ $date }) ha vencido.
api-error-call-closed = Esta convocatoria de prácticas se ha cerrado.
