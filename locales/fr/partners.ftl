# Le volet partenaires du mécanisme de mise en relation : profils, offres, suggestions et financement (routes/partners/).
partners-hub = Mécanisme de mise en relation
partners-title = Partenaires
partners-intro = Les organisations qui peuvent aider les pays à mettre en œuvre le Pacte : leur expertise déclarée par objectif, où elles travaillent, leurs capacités et ce que la plateforme montre de leur travail.
partners-count =
    { $count ->
        [0] Aucune organisation ne correspond.
        [one] Une organisation.
       *[other] { $count } organisations.
    }
partners-country = Pays
partners-country-hint = Code ISO de trois lettres, par ex. SEN.
partners-region = Région
partners-edit = Modifier le profil de partenaire
partners-edit-of = Profil de partenaire de { $org }
partners-org-page = Page de l'organisation
partners-no-profile = Cette organisation n'a pas encore rempli son profil de partenaire ; voici ce que la plateforme montre de son travail.
partners-expertise = Expertise par objectif
partners-expertise-hint = Pour chaque objectif, sa place dans votre travail. Laissez « aucune » là où vous n'avez pas d'expertise.
partners-level-none = Aucune
partners-level-1 = Une certaine expertise
partners-level-2 = Une expertise importante
partners-level-3 = Cœur du mandat
partners-capacity = Capacités et présence
partners-home-country = Pays d'origine
partners-presence = Travaille dans
partners-staff = Personnel
partners-budget = Budget annuel consacré aux migrations
partners-languages = Langues de travail
partners-languages-hint = Codes de langue séparés par des espaces, par ex. fr en.
partners-not-declared = Non indiqué
partners-staff-up_to_10 = Jusqu'à 10 personnes
partners-staff-up_to_50 = De 11 à 50 personnes
partners-staff-up_to_250 = De 51 à 250 personnes
partners-staff-up_to_1000 = De 251 à 1 000 personnes
partners-staff-over_1000 = Plus de 1 000 personnes
partners-budget-up_to_1m = Jusqu'à 1 million USD
partners-budget-up_to_10m = De 1 à 10 millions USD
partners-budget-up_to_100m = De 10 à 100 millions USD
partners-budget-over_100m = Plus de 100 millions USD
partners-priorities = Priorités de financement
partners-priorities-hint = En tant que bailleur : les objectifs et régions que vous financez et la subvention la plus élevée que vous accordez. Laissez une ligne vide pour ne rien ajouter.
partners-priority-of = Priorité de financement de { $org }
partners-any-objective = Tout objectif
partners-anywhere = Partout
partners-any-language = Toute langue
partners-ceiling-up-to = jusqu'à { $amount }
partners-evidence = Ce que montre la plateforme
partners-practices =
    { $count ->
        [0] Aucune pratique publiée.
        [one] Une pratique publiée.
       *[other] { $count } pratiques publiées.
    }
partners-partnerships =
    { $count ->
        [0] Aucun partenariat dans le mécanisme pour l'instant.
        [one] Partenaire d'une demande.
       *[other] Partenaire de { $count } demandes.
    }
partners-by-objective = Pratiques publiées par objectif
partners-by-country = Pratiques publiées par pays
partners-practices-col = Pratiques
partners-field-summary = Ce que l'organisation propose, en quelques lignes
partners-field-countries = Pays
partners-countries-hint = Codes ISO de trois lettres séparés par des espaces, par ex. SEN MLI GHA.
partners-field-regions = Régions
partners-field-ceiling = Montant maximal (USD)
partners-field-note = Remarque
partners-field-until = Offre valable jusqu'au
partners-save = Enregistrer le profil
partners-error-summary = Le résumé est trop long.
partners-error-languages = Une langue de travail n'est pas un code de langue de deux lettres (par ex. fr).
partners-error-expertise = Un objectif de l'expertise n'est pas l'un des 23 objectifs du Pacte.
partners-error-expertise-level = Un niveau d'expertise doit valoir 1, 2 ou 3.
partners-error-countries = Un pays n'est pas un code ISO connu (trois lettres, par ex. SEN).
partners-error-regions = Une région n'est pas une région M49 connue des Nations Unies.
partners-error-priorities = Il y a trop de priorités de financement.
partners-error-priority-objective = L'objectif d'une priorité de financement n'est pas l'un des 23 objectifs.
partners-error-priority-region = La région d'une priorité de financement n'est pas une région M49 connue.
partners-error-priority-ceiling = La subvention maximale doit être un nombre entier positif de dollars des États-Unis.
partners-error-priority-note = La remarque d'une priorité de financement est trop longue.
partners-error-staff-range = Choisissez le personnel dans la liste.
partners-error-budget-range = Choisissez le budget dans la liste.
partners-error-support-kind = Choisissez le type d'appui dans la liste.
partners-error-title = Donnez à l'offre un titre de 300 caractères au plus.
partners-error-description = La description est trop longue.
partners-error-lang = Choisissez la langue dans laquelle l'offre est rédigée.
partners-error-objectives = Choisissez au moins un objectif du Pacte.
partners-error-ceiling-usd = Le montant maximal doit être un nombre entier positif de dollars des États-Unis.
partners-error-until-on = Écrivez la date sous la forme AAAA-MM-JJ.
partners-error-org-id = Choisissez l'organisation qui offre l'appui.
partners-offers-title = Offres d'appui
partners-offers-intro = L'appui que des organisations offrent aux pays qui mettent en œuvre le Pacte : appui technique, financement, expertise et échanges entre pairs. Les offres sont rapprochées des demandes des pays.
partners-offers-count =
    { $count ->
        [0] Aucune offre ne correspond.
        [one] Une offre.
       *[other] { $count } offres.
    }
partners-offers-closed-too = Inclure les offres closes
partners-offer-new = Publier une offre d'appui
partners-offer-publish = Publier l'offre
partners-offer-open = Ouverte
partners-offer-closed = Close
partners-offer-close = Clore cette offre
partners-offer = Offre
partners-offered-by = Offert par
partners-offer-countries-hint = Où l'offre s'applique ; laissez pays et régions vides pour partout.
partners-until = jusqu'au { $date }
partners-where = Où
partners-kind = Type d'appui
partners-kind-technical = Appui technique
partners-kind-financial = Appui financier
partners-kind-expertise = Expertise et ressources humaines
partners-kind-peer_exchange = Échange entre pairs
partners-matched-requests = Demandes auxquelles cette offre correspond
partners-matched-requests-caption = Demandes d'appui correspondant à cette offre, les meilleures d'abord
partners-matched-requests-none = Aucune demande d'appui ne correspond à cette offre pour le moment.
partners-request = Demande
partners-shared-objectives = Objectifs en commun
partners-score = Score
partners-suggestions = Partenaires suggérés
partners-suggestions-for = Partenaires suggérés pour { $request }
partners-suggestions-how = Chaque organisation reçoit un score de 0 à 1 sur cinq facteurs : adéquation aux objectifs, présence, antécédents, capacités et langue. Le tableau dit pourquoi ; le secrétariat peut inviter toute organisation, avec une raison lorsqu'il s'écarte du classement.
partners-suggestions-none = Aucune organisation ne correspond encore aux objectifs de cette demande.
partners-score-of = score { $score }
partners-likely-role = Rôle probable : { $role }
partners-why = Pourquoi { $org } est suggérée
partners-factor = Facteur
partners-weight = Poids
partners-reason = Pourquoi
partners-factor-objective-fit = Adéquation aux objectifs
partners-factor-presence = Présence
partners-factor-track-record = Antécédents
partners-factor-capacity = Capacités
partners-factor-language = Langue
partners-role = Rôle
partners-role-lead = Chef de file
partners-role-co_implementer = Co-exécutant
partners-role-technical_adviser = Conseiller technique
partners-role-funder = Bailleur de fonds
partners-invite = Inviter
partners-invite-role = Inviter { $org } comme
partners-invite-other = Inviter une organisation qui n'a pas été suggérée
partners-organisation = Organisation
partners-find-org = Chercher une organisation par son nom
partners-find = Chercher
partners-find-none = Aucune organisation non suggérée n’a « { $text } » dans son nom.
partners-override-reason = Pourquoi cette organisation
partners-override-reason-optional = Raison si vous vous écartez du classement (facultatif)
partners-override-hint = Obligatoire : la raison est conservée avec l'invitation et montrée au demandeur.
partners-matching-offers = Offres d'appui correspondant à cette demande
partners-matching-offers-none = Aucune offre ouverte ne correspond à cette demande.
partners-reason-declared = Déclare { $level } pour l'objectif { $objective }.
partners-reason-practices-only = A publié des pratiques sur { $objectives }.
partners-reason-missing = Rien sur { $objectives }.
partners-reason-in-country = Travaille dans le pays.
partners-reason-in-region = Travaille en { $region }.
partners-reason-worldwide = Travaille dans le monde entier.
partners-reason-not-present = Ne travaille ni dans le pays ni dans sa région.
partners-reason-no-place = La demande ne nomme aucun pays.
partners-reason-track = { $objectives } pratiques publiées sur ces objectifs, { $country } dans le pays, { $region } dans la région ; { $partnerships } partenariats dans le mécanisme.
partners-reason-staff = Personnel : { $staff }.
partners-reason-budget = Budget : { $budget }.
partners-reason-covers = Son budget annuel dépasse le budget de la demande.
partners-reason-not-covers = Son budget annuel est inférieur au budget de la demande.
partners-reason-not-declared = Non indiqué dans son profil.
partners-reason-languages = Travaille en { $languages }.
partners-reason-no-language = Ne travaille dans aucune des langues de la demande.
partners-reason-any-language = La demande accepte toute langue.
partners-funding = Possibilités de financement
partners-funding-for = Possibilités de financement pour { $request }
partners-funding-how = Les offres d'appui financier et les priorités de financement que les bailleurs indiquent dans leur profil, classées selon les objectifs, la région et la couverture du budget de la demande par leur plafond.
partners-funding-none = Aucune possibilité de financement ne correspond encore à cette demande.
partners-request-budget = budget { $amount }
partners-source = Source
partners-source-offer = Offre
partners-source-priority = Priorité d'un bailleur
partners-covers = Couvre le budget
partners-covers-yes = Oui
partners-covers-no = Non
partners-covers-unknown = Inconnu
