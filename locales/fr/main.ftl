## Structure du site
site-name = gcm-hub
site-tagline = Mettre en œuvre, financer et examiner le Pacte mondial pour des migrations sûres, ordonnées et régulières
skip-to-content = Aller au contenu principal
nav-label = Navigation principale
nav-home = Accueil
nav-compact = Le Pacte
nav-practices = Pratiques
nav-hub = Pôle de liaison
nav-fund = Fonds d'amorçage
nav-pledges = Engagements
nav-reviews = Examens
nav-network = Réseau
nav-data = Données
language-label = Langue
language-switch-to = Lire cette page en { $language }
footer-about = gcm-hub est un logiciel libre destiné au suivi de la résolution 73/195 de l'Assemblée générale des Nations Unies.
footer-api = Documentation de l'API
footer-openapi = Document OpenAPI
footer-health = État du service
footer-license = Sous licence Apache 2.0

lang-en = English
lang-fr = Français
lang-es = Español
lang-nb = Norsk bokmål
lang-nl = Nederlands

## Page d'accueil
home-title = Un espace commun pour mettre en œuvre le Pacte mondial sur les migrations
home-intro = Le Pacte mondial pour des migrations sûres, ordonnées et régulières, adopté par l'Assemblée générale des Nations Unies dans sa résolution 73/195 en décembre 2018, fixe 23 objectifs reposant sur 10 principes directeurs transversaux. gcm-hub réunit ce que décrivent ses chapitres consacrés à la mise en œuvre et au suivi : un mécanisme de renforcement des capacités, le Réseau des Nations Unies sur les migrations et son Hub, et l'examen des progrès accomplis.
home-audience = Pour les points focaux des États Membres, les entités des Nations Unies, la société civile, les organisations de migrants et de la diaspora, les autorités locales, les syndicats, le secteur privé, les milieux universitaires, les évaluateurs pairs et le public.
home-facts-label = Le Pacte en chiffres
home-fact-objectives = { $count } objectifs
home-fact-principles = { $count } principes directeurs
home-fact-languages = { $count } langues
home-areas-title = Ce que vous pouvez faire ici
home-area-open = Ouvrir la rubrique { $area }

## Rubriques de la plateforme (pages d'entrée)
area-compact-summary = Les 23 objectifs du Pacte, avec leurs engagements et leurs mesures, et les 10 principes directeurs, dans toutes les langues disponibles, avec des tableaux de correspondance vers les groupes thématiques du FMMD, le plan d'action de la société civile et les objectifs de développement durable.
area-compact-mandate = Le Pacte repose sur 23 objectifs, chacun assorti d'un engagement, suivi d'une série de mesures considérées comme des instruments d'action et des pratiques optimales pertinents (paragraphes 16 à 39).
area-practices-summary = Une plateforme mondiale de connaissances : un répertoire ouvert de données factuelles, de pratiques et d'initiatives, évaluées par des pairs au regard des objectifs et des principes directeurs du Pacte.
area-practices-mandate = Paragraphe 43 c) : une plateforme mondiale de connaissances, source de données ouverte en ligne, qui sert de répertoire des données factuelles, pratiques et initiatives existantes et facilite l'accès aux connaissances et le partage de solutions.
area-hub-summary = Les pays demandent un appui pour élaborer des solutions ; le pôle de liaison évalue chaque demande, propose des partenaires de mise en œuvre et des initiatives similaires, puis organise la mise en œuvre et le financement.
area-hub-mandate = Paragraphe 43 a) : un pôle de liaison qui facilite la mise en place de solutions intégrées, adaptées et axées sur la demande, en donnant des conseils sur les demandes des pays, en les évaluant et en y donnant suite.
area-fund-summary = Un financement d'amorçage pour les projets : contributions volontaires reçues, notes conceptuelles évaluées par le comité directeur et justification de l'emploi de chaque subvention.
area-fund-mandate = Paragraphe 43 b) : un fonds d'amorçage destiné au financement initial de solutions axées sur des projets, qui reçoit des contributions volontaires des États Membres et d'autres parties prenantes.
area-pledges-summary = Les engagements mesurables pris par les gouvernements et les parties prenantes en faveur des objectifs et des principes directeurs du Pacte, et les progrès accomplis dans leur réalisation.
area-pledges-mandate = L'initiative d'annonces d'engagements du Réseau des Nations Unies sur les migrations invite à prendre des engagements mesurables à l'appui de la mise en œuvre du Pacte.
area-reviews-summary = Les plans nationaux de mise en œuvre et les examens volontaires, les examens régionaux et le Forum d'examen des migrations internationales.
area-reviews-mandate = Paragraphes 48 à 54 : suivi et examen aux niveaux national, régional et mondial, avec le Forum d'examen des migrations internationales tous les quatre ans à compter de 2022.
area-network-summary = Le Réseau des Nations Unies sur les migrations : ses entités membres, son comité exécutif, ses axes de travail, les réseaux nationaux et régionaux, les pays champions, les espaces de discussion, les experts et les événements.
area-network-mandate = Paragraphe 45 : le Secrétaire général crée un réseau des Nations Unies sur les migrations afin d'assurer un appui efficace et cohérent à la mise en œuvre à l'échelle du système.
area-data-summary = Données ouvertes : chaque élément public en CSV et en JSON, avec un dictionnaire des données, des indicateurs et des profils de pays.
area-data-mandate = Objectif 1 : collecter et utiliser des données précises et ventilées qui serviront à l'élaboration de politiques fondées sur la connaissance des faits.
area-in-this-area = Dans cette rubrique
area-coming = Cette rubrique est en construction. Le paragraphe du Pacte qui la prévoit est cité ci-dessus ; ses données et services apparaîtront ici.

## Erreurs (pages)
error-404-title = Page introuvable
error-404-body = Nous n'avons trouvé aucune page à cette adresse. Elle a peut-être été déplacée, ou l'adresse comporte une faute de frappe.
error-500-title = Une erreur s'est produite de notre côté
error-500-body = La page n'a pas pu être affichée en raison d'une erreur interne. L'erreur a été consignée ; veuillez réessayer dans un instant.
error-back-home = Aller à la page d'accueil
error-code = Code d'erreur : { $code }

## Erreurs (messages de l'API, par code d'erreur)
api-error-not-found = La ressource est introuvable.
api-error-route-not-found = Aucun point de terminaison de l'API ne correspond à ce chemin.
api-error-method-not-allowed = Cette méthode n'est pas autorisée sur ce point de terminaison.
api-error-bad-request = La requête est mal formée.
api-error-invalid-parameter = Le paramètre « { $name } » n'est pas valide.
api-error-unauthorized = Vous devez vous connecter ou envoyer un jeton d'API.
api-error-forbidden = Vous n'avez pas l'autorisation d'effectuer cette action.
api-error-conflict = La requête est en conflit avec l'état actuel de la ressource.
api-error-payload-too-large = Le corps de la requête est trop volumineux.
api-error-unprocessable = La requête n'a pas pu être traitée.
api-error-rate-limited = Trop de requêtes ; veuillez patienter un peu.
api-error-internal = Une erreur interne s'est produite. Elle a été consignée.
api-error-unavailable = Le service est temporairement indisponible.

## Le Pacte
compact-title = Le Pacte mondial pour des migrations sûres, ordonnées et régulières
compact-intro = Adopté par l'Assemblée générale des Nations Unies dans sa résolution 73/195 (décembre 2018). Chacun de ses 23 objectifs s'ouvre sur un engagement, suivi de mesures tirées d'instruments d'action et de bonnes pratiques ; dix principes directeurs transversaux s'appliquent à l'ensemble des objectifs.
compact-objectives = Les 23 objectifs
compact-principles = Les 10 principes directeurs
compact-chapters = Chapitres
compact-frameworks = Autres cadres et tableaux de correspondance
compact-alignment = Alignement des traductions
compact-compare = Comparer deux traductions
compact-source-translation = Texte de la traduction non officielle de la version finale du projet (11 juillet 2018). Langue : { $language }.
compact-source-summary = Résumés rédigés en anglais par gcm-hub ; il ne s'agit pas du texte officiel du Pacte.
compact-objective-n = Objectif { $number }
compact-commitment = Engagement
compact-paragraph-n = Paragraphe { $number }
compact-actions = Mesures
compact-action-anchor = Lien vers la mesure { $letter }
compact-not-in-translation = Non disponible dans cette traduction.
compact-linked-here = Éléments liés
compact-linked-here-intro = Éléments de cette plateforme associés à cet objectif ou à l'une de ses mesures.
compact-previous = Objectif précédent
compact-next = Objectif suivant
compact-breadcrumb = Vous êtes ici
compact-left = Colonne de gauche
compact-right = Colonne de droite
compact-show = Afficher
compact-gaps = Points où les traductions ne concordent pas
compact-gaps-intro = L'extracteur compare les traductions norvégienne et néerlandaise élément par élément et répertorie chaque point où elles diffèrent, au lieu de les décaler silencieusement l'une par rapport à l'autre.
compact-gap-location = Référence
compact-gap-kind = Type
compact-gap-missing-in = Absent de
compact-gap-description = Constat
compact-gap-resolution = Traitement retenu
compact-no-gaps = Aucun écart n'a été constaté.
compact-section-preamble = Préambule
compact-section-vision = Notre vision et nos principes directeurs
compact-section-cooperative-framework = Notre cadre de coopération
compact-section-objectives = Objectifs et engagements
compact-section-implementation = Mise en œuvre
compact-section-follow-up = Suivi et examen
kind-practice = Pratiques
kind-pledge = Engagements
kind-request = Demandes d'appui
kind-project = Projets
kind-review = Examens
api-error-invalid-reference = « { $reference } » n'est pas une référence valide (exemples attendus : gcm:obj:20, gcm:obj:20:c, gcm:para:43:a:iii, gcm:gp:human-rights).
api-error-unknown-reference = La référence « { $reference } » ne renvoie à aucun élément du Pacte ni des cadres.
