# Appels thématiques à pratiques (routes/practices/calls.rs).
calls-title = Appels à pratiques
calls-intro = Le secrétariat du Réseau des Nations Unies sur les migrations lance des appels à pratiques sur un thème ou sur des objectifs du Pacte, avec une date limite. Les organisations répondent à un appel en lui soumettant une pratique.
calls-new = Nouvel appel
calls-all = Tous les appels
calls-open = Appels ouverts
calls-upcoming = Appels à venir
calls-past = Appels passés
calls-none-open = Aucun appel n'est ouvert pour le moment.
calls-none-past = Aucun appel passé.
calls-status-open = Ouvert
calls-status-upcoming = Pas encore ouvert
calls-status-closed = Clos avant la date limite
calls-status-past = Date limite dépassée
calls-status = État
calls-deadline = Date limite
calls-opens-on = Ouverture
calls-days-left =
    { $days ->
        [0] dernier jour pour soumettre
        [one] un jour restant
       *[other] { $days } jours restants
    }
calls-answered =
    { $count ->
        [0] aucune pratique publiée en réponse pour l'instant
        [one] une pratique publiée en réponse
       *[other] { $count } pratiques publiées en réponse
    }
calls-answered-all = Réponses : { $submitted } soumises ou au-delà, { $published } publiées, { $drafts } brouillons.
calls-seeks = Ce que cet appel recherche
calls-theme = Thème
calls-any-theme = Tous les thèmes
calls-objectives = Objectifs
calls-answers = Pratiques publiées en réponse à cet appel
calls-answers-none = Aucune pratique répondant à cet appel n'a encore été publiée.
calls-submit = Soumettre une pratique à cet appel
calls-edit = Modifier cet appel
calls-close = Clore cet appel maintenant
calls-close-hint = Clore l'appel avant sa date limite met fin aux soumissions.
calls-new-title = Nouvel appel à pratiques
calls-edit-title = Modifier l'appel à pratiques
calls-field-title = Titre
calls-field-description = Description
calls-field-lang = Langue du texte
calls-field-theme = Thème
calls-field-objectives = Objectifs recherchés
calls-field-opens-on = Ouverture
calls-field-deadline = Date limite
calls-date-hint = Au format AAAA-MM-JJ, par exemple 2027-03-31. L'appel reste ouvert jusqu'à la fin du jour de la date limite (UTC).
calls-save = Enregistrer l'appel
calls-error-title = Titre : saisissez un titre de 300 caractères au plus.
calls-error-description = Description : écrivez 10 000 caractères au plus.
calls-error-lang = Langue du texte : choisissez l'une des langues proposées.
calls-error-theme = Thème : choisissez l'un des thèmes proposés, ou aucun.
calls-error-objectives = Objectifs recherchés : cochez au moins un objectif de 1 à 23.
calls-error-opens-on = Ouverture : saisissez une date réelle au format AAAA-MM-JJ.
calls-error-deadline = Date limite : saisissez une date réelle au format AAAA-MM-JJ.
calls-error-deadline-order = Date limite : la date limite ne peut pas précéder la date d'ouverture.
calls-error-go = Aller au champ
calls-data = Données ouvertes
calls-date = { $day } { $month } { $year }
calls-month-1 = janvier
calls-month-2 = février
calls-month-3 = mars
calls-month-4 = avril
calls-month-5 = mai
calls-month-6 = juin
calls-month-7 = juillet
calls-month-8 = août
calls-month-9 = septembre
calls-month-10 = octobre
calls-month-11 = novembre
calls-month-12 = décembre
api-error-call-unknown = Cet appel à pratiques n'existe pas.
api-error-call-not-yet-open = Cet appel à pratiques n'est pas encore ouvert : il ouvre le { $date }.
api-error-call-past-deadline = La date limite de cet appel à pratiques ({ $date }) est dépassée.
api-error-call-closed = Cet appel à pratiques a été clos.
