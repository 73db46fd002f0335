## Basisstructuur van de site
site-name = gcm-hub
site-tagline = Het Mondiaal Pact voor veilige, ordelijke en reguliere migratie uitvoeren, financieren en evalueren
skip-to-content = Naar de hoofdinhoud
nav-label = Hoofdnavigatie
nav-home = Home
nav-compact = Het Pact
nav-practices = Praktijken
nav-hub = Verbindingshub
nav-fund = Startfonds
nav-pledges = Toezeggingen
nav-reviews = Evaluaties
nav-network = Netwerk
nav-data = Data
language-label = Taal
language-switch-to = Lees deze pagina in { $language }
footer-about = gcm-hub is opensourcesoftware voor de follow-up van resolutie 73/195 van de Algemene Vergadering van de Verenigde Naties.
footer-api = API-documentatie
footer-openapi = OpenAPI-document
footer-health = Status van de dienst
footer-license = Gelicentieerd onder Apache 2.0

lang-en = English
lang-fr = Français
lang-es = Español
lang-nb = Norsk bokmål
lang-nl = Nederlands

## Startpagina
home-title = Een gedeelde plek om het Mondiaal Pact voor migratie uit te voeren
home-intro = Het Mondiaal Pact voor veilige, ordelijke en reguliere migratie, in december 2018 door de Algemene Vergadering van de Verenigde Naties aangenomen in resolutie 73/195, omvat 23 doelstellingen op basis van 10 horizontale leidende beginselen. gcm-hub brengt samen wat de hoofdstukken over uitvoering en follow-up beschrijven: een mechanisme voor capaciteitsopbouw, het netwerk van de Verenigde Naties inzake migratie en de bijbehorende Hub, en de evaluatie van de voortgang.
home-audience = Voor contactpunten van de lidstaten, VN-entiteiten, het maatschappelijk middenveld, migranten- en diasporaorganisaties, lokale autoriteiten, vakbonden, de particuliere sector, de academische wereld, peerreviewers en het publiek.
home-facts-label = Het Pact in cijfers
home-fact-objectives = { $count } doelstellingen
home-fact-principles = { $count } leidende beginselen
home-fact-languages = { $count } talen
home-areas-title = Wat u hier kunt doen
home-area-open = Ga naar { $area }

## Onderdelen van het platform (landingspagina's)
area-compact-summary = De 23 doelstellingen van het Pact, met hun verbintenissen en acties, en de 10 leidende beginselen, in alle beschikbare talen, met koppelingen naar de thematische clusters van het GFMD, het actieplan van het maatschappelijk middenveld en de duurzame-ontwikkelingsdoelen.
area-compact-mandate = Het Pact berust op 23 doelstellingen; elke doelstelling bevat een verbintenis, gevolgd door een reeks acties die als relevante beleidsinstrumenten en beste praktijken worden beschouwd (paragrafen 16 tot en met 39).
area-practices-summary = Een wereldwijd kennisplatform: een open opslagplaats van gegevens, praktijken en initiatieven, door vakgenoten getoetst aan de doelstellingen en leidende beginselen van het Pact.
area-practices-mandate = Paragraaf 43 c): een wereldwijd kennisplatform als online open gegevensbron, dat fungeert als opslagplaats voor bestaande gegevens, praktijken en initiatieven, en de toegang tot kennis en het delen van oplossingen vergemakkelijkt.
area-hub-summary = Landen vragen steun bij het ontwikkelen van oplossingen; de verbindingshub beoordeelt elk verzoek, stelt uitvoerende partners en soortgelijke initiatieven voor, en regelt de uitvoering en financiering.
area-hub-mandate = Paragraaf 43 a): een verbindingshub die vraaggestuurde, op maat gesneden en geïntegreerde oplossingen vergemakkelijkt, door te adviseren over verzoeken van landen en deze te beoordelen en te verwerken.
area-fund-summary = Startkapitaal voor projecten: ontvangen vrijwillige bijdragen, conceptnota's beoordeeld door de stuurgroep, en verantwoording van elke subsidie.
area-fund-mandate = Paragraaf 43 b): een startfonds voor initiële financiering om projectgerichte oplossingen te realiseren, dat vrijwillige bijdragen ontvangt van de lidstaten en andere belanghebbenden.
area-pledges-summary = Meetbare toezeggingen van regeringen en belanghebbenden voor de doelstellingen en leidende beginselen van het Pact, en de voortgang die daarbij is geboekt.
area-pledges-mandate = Het toezeggingsinitiatief van het netwerk van de Verenigde Naties inzake migratie nodigt uit tot meetbare toezeggingen ter ondersteuning van de uitvoering van het Pact.
area-reviews-summary = Nationale uitvoeringsplannen en vrijwillige evaluaties, regionale evaluaties en het Internationaal forum voor de evaluatie van migratie.
area-reviews-mandate = Paragrafen 48 tot en met 54: follow-up en evaluatie op nationaal, regionaal en mondiaal niveau, met het Internationaal forum voor de evaluatie van migratie om de vier jaar, te beginnen in 2022.
area-network-summary = Het netwerk van de Verenigde Naties inzake migratie: de aangesloten entiteiten, het uitvoerend comité, de werkstromen, de nationale en regionale netwerken, de kampioenlanden, de discussieruimtes, de deskundigen en de evenementen.
area-network-mandate = Paragraaf 45: de secretaris-generaal richt een netwerk van de Verenigde Naties inzake migratie op om te zorgen voor doeltreffende en samenhangende systeembrede ondersteuning van de uitvoering.
area-data-summary = Open data: elk openbaar item als CSV en JSON, met een gegevenswoordenboek, indicatoren en landenprofielen.
area-data-mandate = Doelstelling 1: nauwkeurige en uitgesplitste gegevens verzamelen en gebruiken als basis voor een empirisch onderbouwd beleid.
area-in-this-area = In dit onderdeel
area-coming = Dit onderdeel is in aanbouw. De paragraaf van het Pact waarop het berust, staat hierboven; de gegevens en diensten verschijnen hier.

## Fouten (pagina's)
error-404-title = Pagina niet gevonden
error-404-body = We konden geen pagina op dit adres vinden. Misschien is ze verplaatst, of is het adres verkeerd getypt.
error-500-title = Er is bij ons iets misgegaan
error-500-body = De pagina kon door een interne fout niet worden weergegeven. De fout is vastgelegd; probeer het over een ogenblik opnieuw.
error-back-home = Naar de startpagina
error-code = Foutcode: { $code }

## Fouten (API-meldingen, per foutcode)
api-error-not-found = De resource is niet gevonden.
api-error-route-not-found = Er is geen API-endpoint op dit pad.
api-error-method-not-allowed = Deze methode is niet toegestaan op dit endpoint.
api-error-bad-request = Het verzoek is onjuist opgebouwd.
api-error-invalid-parameter = De parameter ‘{ $name }’ is niet geldig.
api-error-unauthorized = U moet aangemeld zijn of een API-token meesturen.
api-error-forbidden = U hebt geen toestemming om dit te doen.
api-error-conflict = Het verzoek is in strijd met de huidige status van de resource.
api-error-payload-too-large = De inhoud van het verzoek is te groot.
api-error-unprocessable = Het verzoek kon niet worden verwerkt.
api-error-rate-limited = Te veel verzoeken; wacht even voordat u het opnieuw probeert.
api-error-internal = Er is een interne fout opgetreden. De fout is vastgelegd.
api-error-unavailable = De dienst is tijdelijk niet beschikbaar.

## Het Pact
compact-title = Het Mondiaal Pact voor veilige, ordelijke en reguliere migratie
compact-intro = Aangenomen door de Algemene Vergadering van de Verenigde Naties in resolutie 73/195 (december 2018). Elk van de 23 doelstellingen begint met een verbintenis, gevolgd door acties die ontleend zijn aan beleidsinstrumenten en goede praktijken; tien horizontale leidende beginselen gelden voor alle doelstellingen.
compact-objectives = De 23 doelstellingen
compact-principles = De 10 leidende beginselen
compact-chapters = Hoofdstukken
compact-frameworks = Andere kaders en koppelingen
compact-alignment = Uitlijning van de vertalingen
compact-compare = Twee vertalingen vergelijken
compact-source-translation = Tekst van de onofficiële vertaling in het { $language } van het definitieve ontwerp (11 juli 2018).
compact-source-summary = Samenvattingen in het Engels, geschreven door gcm-hub; dit is niet de officiële tekst van het Pact.
compact-objective-n = Doelstelling { $number }
compact-commitment = Verbintenis
compact-paragraph-n = Paragraaf { $number }
compact-actions = Acties
compact-action-anchor = Link naar actie { $letter }
compact-not-in-translation = Niet beschikbaar in deze vertaling.
compact-linked-here = Hieraan gekoppeld
compact-linked-here-intro = Items op dit platform die aan deze doelstelling of aan een van de bijbehorende acties zijn gekoppeld.
compact-previous = Vorige doelstelling
compact-next = Volgende doelstelling
compact-breadcrumb = U bent hier
compact-left = Linkerkolom
compact-right = Rechterkolom
compact-show = Tonen
compact-gaps = Plaatsen waar de vertalingen niet overeenkomen
compact-gaps-intro = De extractor vergelijkt de Noorse en de Nederlandse vertaling element voor element en vermeldt elke plaats waar ze van elkaar verschillen, in plaats van ze ongemerkt verkeerd uit te lijnen.
compact-gap-location = Verwijzing
compact-gap-kind = Soort
compact-gap-missing-in = Ontbreekt in
compact-gap-description = Wat er is gevonden
compact-gap-resolution = Hoe het is opgelost
compact-no-gaps = Er zijn geen verschillen gevonden.
compact-section-preamble = Inleiding
compact-section-vision = Onze visie en leidende beginselen
compact-section-cooperative-framework = Ons samenwerkingskader
compact-section-objectives = Doelstellingen en verplichtingen
compact-section-implementation = Uitvoering
compact-section-follow-up = Follow-up en evaluatie
kind-practice = Praktijken
kind-pledge = Toezeggingen
kind-request = Steunverzoeken
kind-project = Projecten
kind-review = Evaluaties
api-error-invalid-reference = ‘{ $reference }’ is geen geldige verwijzing (verwacht bijvoorbeeld gcm:obj:20, gcm:obj:20:c, gcm:para:43:a:iii, gcm:gp:human-rights).
api-error-unknown-reference = De verwijzing ‘{ $reference }’ verwijst naar niets in het Pact of de kaders.
