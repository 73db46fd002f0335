## Nettstedets ramme
site-name = gcm-hub
site-tagline = Gjennomføring, finansiering og evaluering av Global plattform for trygg, velordnet og regulær migrasjon
skip-to-content = Gå til hovedinnholdet
nav-label = Hovedmeny
nav-home = Forside
nav-compact = Den globale plattformen
nav-practices = Praksis
nav-hub = Sammenbindende nav
nav-fund = Oppstartfond
nav-pledges = Tilsagn
nav-reviews = Gjennomganger
nav-network = Nettverk
nav-data = Data
language-label = Språk
language-switch-to = Les denne siden på { $language }
footer-about = gcm-hub er programvare med åpen kildekode for oppfølgingen av resolusjon 73/195 fra FNs generalforsamling.
footer-api = API-dokumentasjon
footer-openapi = OpenAPI-dokument
footer-health = Tjenestestatus
footer-license = Lisensiert under Apache 2.0

lang-en = English
lang-fr = Français
lang-es = Español
lang-nb = Norsk bokmål
lang-nl = Nederlands

## Forside
home-title = Et felles sted for å gjennomføre den globale plattformen for migrasjon
home-intro = Den globale plattformen for trygg, velordnet og regulær migrasjon, som FNs generalforsamling vedtok i resolusjon 73/195 i desember 2018, fastsetter 23 mål basert på 10 gjennomgående veiledende prinsipper. gcm-hub samler det som kapitlene om gjennomføring og oppfølging beskriver: en kapasitetsbyggingsmekanisme, FN-nettverket om migrasjon og nettverkets Hub, og evalueringen av fremdriften.
home-audience = For kontaktpunkter i medlemsstatene, FN-organer, sivilsamfunnet, migrant- og diasporaorganisasjoner, lokale myndigheter, fagforeninger, privat sektor, akademia, fagfellevurderere og allmennheten.
home-facts-label = Plattformen i tall
home-fact-objectives = { $count } mål
home-fact-principles = { $count } veiledende prinsipper
home-fact-languages = { $count } språk
home-areas-title = Dette kan du gjøre her
home-area-open = Åpne { $area }

## Områdene på nettstedet (landingssider)
area-compact-summary = Plattformens 23 mål med forpliktelser og handlinger, og de 10 veiledende prinsippene, på alle tilgjengelige språk, med koblinger til GFMDs tematiske klynger, sivilsamfunnets handlingsplan og bærekraftsmålene.
area-compact-mandate = Plattformen bygger på 23 mål; hvert mål inneholder en forpliktelse, etterfulgt av en rekke handlingsmuligheter som regnes som relevante politiske virkemidler og beste praksis (avsnitt 16 til 39).
area-practices-summary = En global kunnskapsplattform: en åpen bank for dokumentasjon, praksis og initiativer, fagfellevurdert opp mot plattformens mål og veiledende prinsipper.
area-practices-mandate = Avsnitt 43 c): en global kunnskapsplattform som en online åpen datakilde, som skal tjene som en bank for eksisterende dokumentasjon, praksis og initiativer, og legge til rette for tilgangen til kunnskap og deling av løsninger.
area-hub-summary = Land ber om støtte til å utvikle løsninger; det sammenbindende navet vurderer hver forespørsel, foreslår partnere for gjennomføring og lignende initiativer, og legger til rette for gjennomføring og finansiering.
area-hub-mandate = Avsnitt 43 a): et sammenbindende nav som legger til rette for etterspørselsdrevne, skreddersydde og integrerte løsninger ved å gi råd om, evaluere og behandle landforespørsler.
area-fund-summary = Såkornfinansiering til prosjekter: mottatte frivillige bidrag, prosjektskisser vurdert av styringskomiteen og regnskap for hvert tilskudd.
area-fund-mandate = Avsnitt 43 b): et oppstartfond for startfinansiering for å realisere prosjektorienterte løsninger, som mottar frivillige bidrag fra medlemsstater og andre aktører.
area-pledges-summary = Målbare tilsagn fra regjeringer og andre aktører til plattformens mål og veiledende prinsipper, og fremdriften i oppfyllelsen av dem.
area-pledges-mandate = Tilsagnsinitiativet til FN-nettverket om migrasjon inviterer til målbare forpliktelser til støtte for gjennomføringen av plattformen.
area-reviews-summary = Nasjonale gjennomføringsplaner og frivillige gjennomganger, regionale gjennomganger og Internasjonalt forum for migrasjonsgjennomgang.
area-reviews-mandate = Avsnitt 48 til 54: oppfølging og evaluering på nasjonalt, regionalt og globalt plan, med Internasjonalt forum for migrasjonsgjennomgang hvert fjerde år fra og med 2022.
area-network-summary = FN-nettverket om migrasjon: medlemsorganisasjonene, eksekutivkomiteen, arbeidsstrømmene, nasjonale og regionale nettverk, foregangslandene, diskusjonsforaene, ekspertene og arrangementene.
area-network-mandate = Avsnitt 45: Generalsekretæren etablerer et FN-nettverk om migrasjon for å sikre effektiv og helhetlig støtte til gjennomføring i hele FN-systemet.
area-data-summary = Åpne data: alle offentlige elementer som CSV og JSON, med dataordbok, indikatorer og landprofiler.
area-data-mandate = Mål 1: samle og utnytte nøyaktige og detaljerte (disaggregerte) data som grunnlag for kunnskapsbasert politikk.
area-in-this-area = I dette området
area-coming = Dette området er under utvikling. Avsnittet i plattformen som gir mandatet for det, er sitert ovenfor; data og tjenester kommer her.

## Feil (sider)
error-404-title = Fant ikke siden
error-404-body = Vi fant ingen side på denne adressen. Den kan ha blitt flyttet, eller adressen kan være skrevet feil.
error-500-title = Noe gikk galt hos oss
error-500-body = Siden kunne ikke vises på grunn av en intern feil. Feilen er logget; prøv igjen om litt.
error-back-home = Gå til forsiden
error-code = Feilkode: { $code }

## Feil (API-meldinger, etter feilkode)
api-error-not-found = Ressursen ble ikke funnet.
api-error-route-not-found = Det finnes ikke noe API-endepunkt på denne stien.
api-error-method-not-allowed = Denne metoden er ikke tillatt for dette endepunktet.
api-error-bad-request = Forespørselen er feilformatert.
api-error-invalid-parameter = Parameteren «{ $name }» er ikke gyldig.
api-error-unauthorized = Du må være logget inn eller sende et API-token.
api-error-forbidden = Du har ikke tillatelse til å gjøre dette.
api-error-conflict = Forespørselen er i konflikt med ressursens nåværende tilstand.
api-error-payload-too-large = Innholdet i forespørselen er for stort.
api-error-unprocessable = Forespørselen kunne ikke behandles.
api-error-rate-limited = For mange forespørsler; vent litt før du prøver igjen.
api-error-internal = Det oppstod en intern feil. Den er logget.
api-error-unavailable = Tjenesten er midlertidig utilgjengelig.

## Den globale plattformen
compact-title = Global plattform for trygg, velordnet og regulær migrasjon
compact-intro = Vedtatt av FNs generalforsamling i resolusjon 73/195 (desember 2018). Hvert av de 23 målene innledes med en forpliktelse, etterfulgt av tiltak hentet fra politiske virkemidler og god praksis; ti gjennomgående veiledende prinsipper gjelder for alle målene.
compact-objectives = De 23 målene
compact-principles = De 10 veiledende prinsippene
compact-chapters = Kapitler
compact-frameworks = Andre rammeverk og koblinger
compact-alignment = Samsvar mellom oversettelsene
compact-compare = Sammenlign to oversettelser
compact-source-translation = Tekst fra den uoffisielle oversettelsen av det endelige utkastet (11. juli 2018). Språk: { $language }.
compact-source-summary = Sammendrag skrevet på engelsk av gcm-hub – ikke den offisielle teksten til den globale plattformen.
compact-objective-n = Mål { $number }
compact-commitment = Forpliktelse
compact-paragraph-n = Avsnitt { $number }
compact-actions = Tiltak
compact-action-anchor = Lenke til tiltak { $letter }
compact-not-in-translation = Ikke tilgjengelig i denne oversettelsen.
compact-linked-here = Koblet hit
compact-linked-here-intro = Elementer på dette nettstedet som er merket med dette målet eller ett av tiltakene under det.
compact-previous = Forrige mål
compact-next = Neste mål
compact-breadcrumb = Du er her
compact-left = Venstre kolonne
compact-right = Høyre kolonne
compact-show = Vis
compact-gaps = Steder der oversettelsene ikke stemmer overens
compact-gaps-intro = Uttrekksverktøyet sammenligner den norske og den nederlandske oversettelsen element for element og lister opp hvert sted der de avviker fra hverandre, i stedet for å forskyve dem i forhold til hverandre uten å si fra.
compact-gap-location = Referanse
compact-gap-kind = Type
compact-gap-missing-in = Mangler i
compact-gap-description = Hva som ble funnet
compact-gap-resolution = Hvordan det ble håndtert
compact-no-gaps = Det ble ikke funnet noen avvik.
compact-section-preamble = Innledning
compact-section-vision = Visjon og ledende prinsipper
compact-section-cooperative-framework = Rammeverket for samarbeidet
compact-section-objectives = Mål og forpliktelser
compact-section-implementation = Gjennomføring
compact-section-follow-up = Oppfølging og evaluering
kind-practice = Praksis
kind-pledge = Tilsagn
kind-request = Støtteforespørsler
kind-project = Prosjekter
kind-review = Gjennomganger
api-error-invalid-reference = «{ $reference }» er ikke en gyldig referanse (forventet f.eks. gcm:obj:20, gcm:obj:20:c, gcm:para:43:a:iii, gcm:gp:human-rights).
api-error-unknown-reference = Referansen «{ $reference }» viser ikke til noe i den globale plattformen eller rammeverkene.
