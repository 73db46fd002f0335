# Partnersiden av kontaktmekanismen: profiler, tilbud, forslag og finansiering (routes/partners/).
partners-hub = Kontaktmekanismen
partners-title = Partnere
partners-intro = Organisasjoner som kan støtte land i å gjennomføre kompakten: deres oppgitte kompetanse per mål, hvor de arbeider, kapasiteten deres og hva plattformen viser av arbeidet deres.
partners-count =
    { $count ->
        [0] Ingen organisasjon passer.
        [one] Én organisasjon.
       *[other] { $count } organisasjoner.
    }
partners-country = Land
partners-country-hint = ISO-kode med tre bokstaver, f.eks. SEN.
partners-region = Region
partners-edit = Rediger partnerprofilen
partners-edit-of = Partnerprofilen til { $org }
partners-org-page = Organisasjonens side
partners-no-profile = Denne organisasjonen har ikke fylt ut partnerprofilen ennå; det som følger, er det plattformen viser av arbeidet dens.
partners-expertise = Kompetanse per mål
partners-expertise-hint = For hvert mål: hvor sentralt det er i arbeidet deres. La «ingen» stå der dere ikke har kompetanse.
partners-level-none = Ingen
partners-level-1 = Noe kompetanse
partners-level-2 = Betydelig kompetanse
partners-level-3 = Kjernen i mandatet
partners-capacity = Kapasitet og tilstedeværelse
partners-home-country = Hjemland
partners-presence = Arbeider i
partners-staff = Ansatte
partners-budget = Årlig budsjett for migrasjonsarbeid
partners-languages = Arbeidsspråk
partners-languages-hint = Språkkoder atskilt med mellomrom, f.eks. nb en.
partners-not-declared = Ikke oppgitt
partners-staff-up_to_10 = Opptil 10 personer
partners-staff-up_to_50 = 11 til 50 personer
partners-staff-up_to_250 = 51 til 250 personer
partners-staff-up_to_1000 = 251 til 1000 personer
partners-staff-over_1000 = Mer enn 1000 personer
partners-budget-up_to_1m = Opptil 1 million USD
partners-budget-up_to_10m = 1 til 10 millioner USD
partners-budget-up_to_100m = 10 til 100 millioner USD
partners-budget-over_100m = Mer enn 100 millioner USD
partners-priorities = Finansieringsprioriteringer
partners-priorities-hint = Som giver: målene og regionene dere finansierer og det største tilskuddet dere gir. La en rad stå tom for ikke å legge til noe.
partners-priority-of = Finansieringsprioritering fra { $org }
partners-any-objective = Hvilket som helst mål
partners-anywhere = Hvor som helst
partners-any-language = Hvilket som helst språk
partners-ceiling-up-to = opptil { $amount }
partners-evidence = Hva plattformen viser
partners-practices =
    { $count ->
        [0] Ingen publisert praksis.
        [one] Én publisert praksis.
       *[other] { $count } publiserte praksiser.
    }
partners-partnerships =
    { $count ->
        [0] Ingen partnerskap i mekanismen ennå.
        [one] Partner i én forespørsel.
       *[other] Partner i { $count } forespørsler.
    }
partners-by-objective = Publiserte praksiser per mål
partners-by-country = Publiserte praksiser per land
partners-practices-col = Praksiser
partners-field-summary = Hva organisasjonen tilbyr, med noen få linjer
partners-field-countries = Land
partners-countries-hint = ISO-koder med tre bokstaver atskilt med mellomrom, f.eks. SEN MLI GHA.
partners-field-regions = Regioner
partners-field-ceiling = Høyeste beløp (USD)
partners-field-note = Merknad
partners-field-until = Tilbudet gjelder til
partners-save = Lagre profilen
partners-error-summary = Sammendraget er for langt.
partners-error-languages = Et arbeidsspråk er ikke en språkkode med to bokstaver (f.eks. nb).
partners-error-expertise = Et mål i kompetansen er ikke ett av kompaktens 23 mål.
partners-error-expertise-level = Et kompetansenivå må være 1, 2 eller 3.
partners-error-countries = Et land er ikke en kjent ISO-kode (bruk tre bokstaver, f.eks. SEN).
partners-error-regions = En region er ikke en kjent M49-region fra FN.
partners-error-priorities = Det er for mange finansieringsprioriteringer.
partners-error-priority-objective = Målet for en finansieringsprioritering er ikke ett av de 23 målene.
partners-error-priority-region = Regionen for en finansieringsprioritering er ikke en kjent M49-region.
partners-error-priority-ceiling = Det største tilskuddet må være et positivt heltall i amerikanske dollar.
partners-error-priority-note = Merknaden til en finansieringsprioritering er for lang.
partners-error-staff-range = Velg antall ansatte fra listen.
partners-error-budget-range = Velg budsjettet fra listen.
partners-error-support-kind = Velg type støtte fra listen.
partners-error-title = Gi tilbudet en tittel på høyst 300 tegn.
partners-error-description = Beskrivelsen er for lang.
partners-error-lang = Velg språket tilbudet er skrevet på.
partners-error-objectives = Velg minst ett av kompaktens mål.
partners-error-ceiling-usd = Det høyeste beløpet må være et positivt heltall i amerikanske dollar.
partners-error-until-on = Skriv datoen som ÅÅÅÅ-MM-DD.
partners-error-org-id = Velg organisasjonen som tilbyr støtten.
partners-offers-title = Tilbud om støtte
partners-offers-intro = Støtte som organisasjoner tilbyr land som gjennomfører kompakten: teknisk støtte, finansiering, kompetanse og erfaringsutveksling. Tilbudene kobles til landenes forespørsler.
partners-offers-count =
    { $count ->
        [0] Ingen tilbud passer.
        [one] Ett tilbud.
       *[other] { $count } tilbud.
    }
partners-offers-closed-too = Ta med lukkede tilbud
partners-offer-new = Publiser et tilbud om støtte
partners-offer-publish = Publiser tilbudet
partners-offer-open = Åpent
partners-offer-closed = Lukket
partners-offer-close = Lukk dette tilbudet
partners-offer = Tilbud
partners-offered-by = Tilbys av
partners-offer-countries-hint = Hvor tilbudet gjelder; la land og regioner stå tomme for hvor som helst.
partners-until = til { $date }
partners-where = Hvor
partners-kind = Type støtte
partners-kind-technical = Teknisk støtte
partners-kind-financial = Økonomisk støtte
partners-kind-expertise = Kompetanse og personell
partners-kind-peer_exchange = Erfaringsutveksling
partners-matched-requests = Forespørsler dette tilbudet passer til
partners-matched-requests-caption = Forespørsler om støtte som passer til dette tilbudet, de beste først
partners-matched-requests-none = Ingen forespørsel om støtte passer til dette tilbudet nå.
partners-request = Forespørsel
partners-shared-objectives = Felles mål
partners-score = Poengsum
partners-suggestions = Foreslåtte partnere
partners-suggestions-for = Foreslåtte partnere for { $request }
partners-suggestions-how = Hver organisasjon får en poengsum fra 0 til 1 på fem faktorer: samsvar med målene, tilstedeværelse, erfaring, kapasitet og språk. Tabellen forklarer hvorfor; sekretariatet kan invitere hvilken som helst organisasjon, med en begrunnelse når det fraviker rangeringen.
partners-suggestions-none = Ingen organisasjon passer ennå til målene i denne forespørselen.
partners-score-of = poengsum { $score }
partners-likely-role = Sannsynlig rolle: { $role }
partners-why = Hvorfor { $org } foreslås
partners-factor = Faktor
partners-weight = Vekt
partners-reason = Hvorfor
partners-factor-objective-fit = Samsvar med målene
partners-factor-presence = Tilstedeværelse
partners-factor-track-record = Erfaring
partners-factor-capacity = Kapasitet
partners-factor-language = Språk
partners-role = Rolle
partners-role-lead = Ledende partner
partners-role-co_implementer = Medgjennomfører
partners-role-technical_adviser = Teknisk rådgiver
partners-role-funder = Finansieringskilde
partners-invite = Inviter
partners-invite-role = Inviter { $org } som
partners-invite-other = Inviter en organisasjon som ikke ble foreslått
partners-organisation = Organisasjon
partners-find-org = Finn en organisasjon etter navn
partners-find = Finn
partners-find-none = Ingen organisasjon som ikke ble foreslått, har «{ $text }» i navnet.
partners-override-reason = Hvorfor denne organisasjonen
partners-override-reason-optional = Begrunnelse hvis du fraviker rangeringen (valgfritt)
partners-override-hint = Påkrevd: begrunnelsen lagres med invitasjonen og vises til den som spør.
partners-matching-offers = Tilbud om støtte som passer til denne forespørselen
partners-matching-offers-none = Ingen åpne tilbud passer til denne forespørselen.
partners-reason-declared = Oppgir { $level } på mål { $objective }.
partners-reason-practices-only = Har publisert praksiser om { $objectives }.
partners-reason-missing = Ingenting om { $objectives }.
partners-reason-in-country = Arbeider i landet.
partners-reason-in-region = Arbeider i { $region }.
partners-reason-worldwide = Arbeider over hele verden.
partners-reason-not-present = Arbeider verken i landet eller i regionen.
partners-reason-no-place = Forespørselen nevner ikke noe land.
partners-reason-track = { $objectives } publiserte praksiser om disse målene, { $country } i landet, { $region } i regionen; { $partnerships } partnerskap i mekanismen.
partners-reason-staff = Ansatte: { $staff }.
partners-reason-budget = Budsjett: { $budget }.
partners-reason-covers = Det årlige budsjettet er større enn forespørselens budsjett.
partners-reason-not-covers = Det årlige budsjettet er mindre enn forespørselens budsjett.
partners-reason-not-declared = Ikke oppgitt i profilen.
partners-reason-languages = Arbeider på { $languages }.
partners-reason-no-language = Arbeider ikke på noen av forespørselens språk.
partners-reason-any-language = Forespørselen godtar alle språk.
partners-funding = Finansieringsmuligheter
partners-funding-for = Finansieringsmuligheter for { $request }
partners-funding-how = Tilbud om økonomisk støtte og finansieringsprioriteringene givere oppgir i profilene sine, rangert etter mål, region og om taket dekker forespørselens budsjett.
partners-funding-none = Ingen finansieringsmulighet passer ennå til denne forespørselen.
partners-request-budget = budsjett { $amount }
partners-source = Kilde
partners-source-offer = Tilbud
partners-source-priority = Givers prioritering
partners-covers = Dekker budsjettet
partners-covers-yes = Ja
partners-covers-no = Nei
partners-covers-unknown = Ukjent
