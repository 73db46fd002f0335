# Le pôle de connexion : demandes d'appui et leur traitement (PMM, par. 43 a)).
hub-title = Pôle de connexion
hub-intro = Le pôle de connexion aide les pays à trouver l'appui dont ils ont besoin pour mettre en œuvre le Pacte mondial sur les migrations : un État membre demande un appui, le secrétariat évalue la demande, et des partenaires disposant de l'expertise et des ressources voulues contribuent à la réaliser.
hub-how = Comment ça marche
hub-how-request = Le point focal d'un État membre (ou une autorité locale ou une partie prenante avec l'aval du gouvernement) rédige et soumet une demande d'appui.
hub-how-assess = Le secrétariat évalue la demande, demande des précisions si besoin, puis l'accepte ou la refuse en motivant sa décision.
hub-how-match = Des partenaires ayant l'expertise, la présence et les ressources voulues sont proposés et invités ; l'accord de chaque partenaire est consigné.
hub-how-implement = Un partenaire chef de file et un plan de travail avec des jalons sont fixés, puis la mise en œuvre commence. Le demandeur voit chaque étape.
hub-requests-title = Demandes d'appui
hub-requests-summary = Les demandes d'appui des pays et l'état d'avancement de chacune.
hub-requests-count =
    { $count ->
        [0] Aucune demande ne correspond.
        [one] Une demande.
       *[other] { $count } demandes.
    }
hub-offers-title = Offres d'appui
hub-offers-summary = Ce que proposent les organisations : formation, expertise, financement, échanges entre pairs.
hub-partners-title = Partenaires
hub-partners-summary = Les organisations prêtes à appuyer la mise en œuvre, avec leur expertise et leur présence.
hub-dashboard-title = Tableau de bord du pôle
hub-dashboard-summary = Les demandes par étape, objectif et région, et la rapidité des réponses.
hub-new = Demander un appui
hub-data = Données ouvertes sur les demandes publiques
hub-any-status = Toute étape
hub-any-country = Tout pays
hub-any-objective = Tout objectif
hub-filter = Filtrer
hub-draft = Brouillon
hub-new-title = Demander un appui
hub-edit-title = Modifier la demande
hub-form-intro = Enregistrez un brouillon à tout moment et revenez-y plus tard ; soumettez-le quand il est complet. La soumission exige une description, au moins un objectif et un type d'appui.
hub-actions-hint = Références des mesures du Pacte, séparées par des espaces, par exemple gcm:obj:20:c.
hub-counterparts-hint = Une par ligne : le ministère ou l'organisme, deux-points, puis son rôle (par exemple « Ministère du Travail : politique de migration de main-d'œuvre »).
hub-endorsement = Aval du gouvernement
hub-endorsement-hint = Requis avant la soumission lorsque la demande ne vient pas du gouvernement d'un État membre : l'organisation gouvernementale du même pays qui l'a approuvée, quand et comment.
hub-save-draft = Enregistrer le brouillon
hub-save-submit = Enregistrer et soumettre
hub-edit = Modifier le brouillon
hub-submit = Soumettre la demande
hub-since = depuis le { $date }
hub-awaiting-answer = Le secrétariat a posé une question et attend la réponse du demandeur.
hub-where = Où en est la demande
hub-dates = Dates
hub-send-answer = Envoyer la réponse
hub-invited-as = Votre organisation est invitée à être partenaire en tant que { $role }.
hub-accept = Accepter
hub-decline = Refuser
hub-process = Traitement
hub-suggestions = Partenaires proposés
hub-funding = Possibilités de financement
hub-move = Passer à cette étape
hub-reasons-hint = Obligatoire pour refuser ou clore ; communiqué au demandeur. Pour les autres étapes, un conseil au demandeur.
hub-ask = Interroger le demandeur
hub-invite = Inviter
hub-partners = Partenaires
hub-workplan = Plan de travail
hub-done = Terminé
hub-mark-done = Marquer comme terminé
hub-add-milestone = Ajouter le jalon
hub-similar = Pratiques et demandes similaires
hub-connected-on = points focaux mis en relation le { $date }
hub-connect = Mettre les points focaux en relation
hub-withdraw = Retirer la demande
hub-withdraw-invitation = Retirer l'invitation
hub-history = Historique
hub-similar-objectives = objectifs en commun : { $list }
hub-similar-countries = pays en commun : { $list }
hub-similar-kind-practice = Pratique
search-kind-hub_request = Demande d'appui
hub-similar-kind-hub-request = Demande
hub-link-potential-duplication = Doublon possible
hub-link-peer-exchange = Échange entre pairs
hub-error-field = Veuillez vérifier le champ « { $name } ».
hub-field-org-id = Organisation demandeuse
hub-field-lang = Langue de la demande
hub-field-title = Titre
hub-field-description = Description
hub-field-country = Pays
hub-field-region = Région
hub-field-objectives = Objectifs
hub-field-actions = Mesures
hub-field-principles = Principes directeurs
hub-field-support = Types d'appui recherchés
hub-field-starts-on = Appui souhaité à partir du
hub-field-ends-on = Appui souhaité jusqu'au
hub-field-timeline = Calendrier
hub-field-budget-usd = Budget estimé (dollars des États-Unis)
hub-field-budget-public = Rendre le budget public
hub-field-is-public = Rendre la demande publique une fois soumise (titre, description, objectifs, pays, types d'appui et étapes)
hub-field-languages = Langues de travail possibles
hub-field-counterparts = Homologues nationaux (approche mobilisant l'ensemble des pouvoirs publics)
hub-field-stakeholders-consulted = Parties prenantes consultées (approche mobilisant l'ensemble de la société)
hub-field-existing-initiatives = Initiatives existantes
hub-field-endorsed-by-org = Organisation gouvernementale ayant donné son aval
hub-field-endorsed-on = Date de l'aval
hub-field-endorsement-note = Référence de l'aval
hub-field-status = Étape
hub-field-to = Étape suivante
hub-field-reasons = Motifs ou conseils
hub-field-question = Question au demandeur
hub-field-answer = Votre réponse au secrétariat
hub-field-partner = Organisation partenaire
hub-field-role = Rôle
hub-field-override-reason = Motif de ce choix (s'il s'écarte des propositions)
hub-field-suggested-score = Score de la proposition
hub-field-note = Note
hub-field-milestone = Jalon
hub-field-due-on = Échéance
hub-field-responsible-org = Partenaire responsable
hub-field-kind = Type de lien
hub-field-other-id = Élément lié
hub-field-other-kind = Type d'élément lié
hub-field-text = Texte
hub-status-draft = Brouillon
hub-status-received = Reçue
hub-status-under-assessment = En cours d'évaluation
hub-status-accepted = Acceptée
hub-status-declined = Refusée
hub-status-matching = Recherche de partenaires
hub-status-implementation-setup = Préparation de la mise en œuvre
hub-status-in-implementation = En cours de mise en œuvre
hub-status-completed = Achevée
hub-status-closed = Close
hub-support-technical = Assistance technique
hub-support-financial = Appui financier
hub-support-expertise = Ressources humaines et expertise
hub-support-peer-exchange = Échange entre pairs
hub-role-lead = Entité chef de file
hub-role-co-implementer = Co-exécutant
hub-role-technical-adviser = Conseiller technique
hub-role-funder = Bailleur de fonds
hub-partner-invited = Invité
hub-partner-accepted = A accepté
hub-partner-declined = A refusé
hub-partner-withdrawn = Invitation retirée
hub-event-step = Passage à l'étape « { $step } »
hub-event-drafted = Brouillon commencé
hub-event-clarification-asked = Le secrétariat a demandé des précisions
hub-event-clarification-answered = Le demandeur a répondu
hub-event-partner-invited = Partenaire invité
hub-event-partner-accepted = Partenaire ayant accepté
hub-event-partner-declined = Partenaire ayant refusé
hub-event-partner-withdrawn = Invitation retirée
hub-event-milestone-added = Jalon ajouté
hub-event-milestone-done = Jalon terminé
hub-event-linked = Élément similaire signalé
hub-event-connected = Points focaux mis en relation
hub-event-reminded = Rappel envoyé
hub-dashboard-total = Demandes soumises
hub-dashboard-open-offers = Offres ouvertes
hub-dashboard-times = Délais de réponse
hub-dashboard-first-response = De la soumission à la première réponse
hub-dashboard-setup = De la soumission à la préparation de la mise en œuvre
hub-dashboard-days = médiane { $median } jours, 90e centile { $p90 } jours ({ $count } demandes)
hub-dashboard-no-data = aucune demande mesurée pour l'instant
hub-dashboard-by-status = Demandes par étape
hub-dashboard-by-objective = Demandes par objectif
hub-dashboard-by-region = Demandes par région
hub-dashboard-count = Demandes
api-error-hub-step-out-of-order = Une demande à l'étape « { $from } » ne peut pas passer à « { $to } » : les étapes se suivent dans l'ordre.
api-error-hub-request-not-draft = Seul un brouillon peut être modifié ; cette demande a été soumise.
api-error-hub-reference-taken = De nombreuses demandes ont été soumises au même moment ; veuillez réessayer.
api-error-hub-needs-accepted-partner = La préparation de la mise en œuvre exige au moins un partenaire ayant accepté.
api-error-hub-needs-lead-and-milestone = La mise en œuvre peut commencer quand un partenaire chef de file a accepté et que le plan de travail compte au moins un jalon.
api-error-hub-request-not-open = Cette demande est close ou encore à l'état de brouillon.
api-error-hub-answer-awaited = La dernière question n'a pas encore reçu de réponse.
api-error-hub-no-question = Aucune question n'attend de réponse.
api-error-hub-not-matching = Les partenaires sont invités pendant la recherche de partenaires ou la préparation.
api-error-hub-already-invited = Cette organisation a déjà été invitée pour cette demande.
api-error-hub-already-answered = Il a déjà été répondu à cette invitation.
api-error-hub-already-withdrawn = Cette invitation a déjà été retirée.
api-error-hub-not-in-setup = Les jalons sont fixés pendant la préparation et la mise en œuvre.
api-error-hub-milestone-done = Ce jalon est déjà terminé.
api-error-hub-no-organisation = La pratique liée ne nomme aucune organisation à mettre en relation.
api-error-hub-no-focal-point = L'une des deux organisations n'a pas de point focal à mettre en relation.

## Lettres du pôle de connexion ($link est la page de la demande dans la langue du lecteur)
mail-hub-submitted-subject = Nouvelle demande d'appui { $reference } : { $title }
mail-hub-submitted-body = { $org } a soumis la demande d'appui { $reference } (« { $title } ») au pôle de connexion.

    Veuillez l'évaluer : { $link }
mail-hub-step-subject = { $reference } : désormais { $to }
mail-hub-step-body = Votre demande d'appui { $reference } (« { $title } ») est passée de « { $from } » à « { $to } ».{ $reasons }

    { $link }
mail-hub-reasons = Motifs et conseils du secrétariat : { $text }
mail-hub-question-subject = { $reference } : le secrétariat pose une question
mail-hub-question-body = Le secrétariat pose une question sur votre demande d'appui { $reference } :

    { $text }

    Répondez sur la page de la demande : { $link }
mail-hub-answered-subject = { $reference } : le demandeur a répondu
mail-hub-answered-body = { $org } a répondu au sujet de { $reference } :

    { $text }

    { $link }
mail-hub-reminder-subject = Rappel : { $reference } attend
mail-hub-reminder-body = La demande d'appui { $reference } (« { $title } ») attend à l'étape « { $status } » depuis plus de { $days } jours et requiert votre action : { $link }
mail-hub-invitation-subject = { $reference } : invitation à devenir partenaire
mail-hub-invitation-body = Le secrétariat du pôle de connexion invite { $org } à appuyer la demande { $reference } en tant que { $role }. Lisez la demande et répondez : { $link }
mail-hub-answer-subject = { $answer ->
        [accept] { $reference } : { $org } a accepté
       *[decline] { $reference } : { $org } a décliné
    }
mail-hub-answer-body = { $answer ->
        [accept] { $org } a accepté l'invitation à appuyer { $reference } en tant que { $role }.
       *[decline] { $org } a décliné l'invitation à appuyer { $reference } en tant que { $role }.
    }

    { $link }
mail-hub-withdrawn-subject = { $reference } : invitation retirée
mail-hub-withdrawn-body = Le secrétariat du pôle de connexion a retiré l'invitation faite à { $org } d'appuyer { $reference }.

    { $link }
mail-hub-connect-subject = { $reference } : rencontrez un pair qui travaille sur la même question
mail-hub-connect-body = { $side ->
        [requester] Le secrétariat du pôle de connexion vous met en relation avec { $peers } au sujet de travaux semblables à votre demande d'appui { $reference }.
       *[peer] Le secrétariat du pôle de connexion vous met en relation avec { $peers } au sujet de la demande d'appui { $reference }, semblable à vos travaux.
    }

    { $link }
