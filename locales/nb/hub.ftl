# Koblingsknutepunktet: anmodninger om støtte og behandlingen av dem (GCM avsn. 43 a)).
hub-title = Koblingsknutepunkt
hub-intro = Koblingsknutepunktet hjelper land å finne støtten de trenger for å gjennomføre den globale migrasjonsplattformen: en medlemsstat ber om støtte, sekretariatet vurderer anmodningen, og partnere med riktig kompetanse og ressurser hjelper til med å gjennomføre den.
hub-how = Slik fungerer det
hub-how-request = En medlemsstats kontaktpunkt (eller en lokal myndighet eller aktør med myndighetenes tilslutning) skriver og sender inn en anmodning om støtte.
hub-how-assess = Sekretariatet vurderer anmodningen, ber om utdyping ved behov, og godtar eller avslår den med begrunnelse.
hub-how-match = Partnere med riktig kompetanse, tilstedeværelse og ressurser foreslås og inviteres; hver partners samtykke registreres.
hub-how-implement = En ledende partner og en arbeidsplan med milepæler fastsettes, og gjennomføringen starter. Den som ba om støtte, ser hvert steg.
hub-requests-title = Anmodninger om støtte
hub-requests-summary = Landenes anmodninger om støtte og hvor hver enkelt står.
hub-requests-count =
    { $count ->
        [0] Ingen anmodning passer.
        [one] Én anmodning.
       *[other] { $count } anmodninger.
    }
hub-offers-title = Tilbud om støtte
hub-offers-summary = Hva organisasjoner tilbyr: opplæring, kompetanse, finansiering, erfaringsutveksling.
hub-partners-title = Partnere
hub-partners-summary = Organisasjoner som er klare til å støtte gjennomføringen, med sin kompetanse og tilstedeværelse.
hub-dashboard-title = Oversikt over knutepunktet
hub-dashboard-summary = Anmodninger etter steg, mål og region, og hvor raskt de besvares.
hub-new = Be om støtte
hub-data = Åpne data om offentlige anmodninger
hub-any-status = Alle steg
hub-any-country = Alle land
hub-any-objective = Alle mål
hub-filter = Filtrer
hub-draft = Utkast
hub-new-title = Be om støtte
hub-edit-title = Rediger anmodningen
hub-form-intro = Lagre et utkast når som helst og kom tilbake til det senere; send det inn når det er fullstendig. Innsending krever en beskrivelse, minst ett mål og én type støtte.
hub-actions-hint = Referanser til plattformens tiltak, adskilt med mellomrom, for eksempel gcm:obj:20:c.
hub-counterparts-hint = Én per linje: departementet eller etaten, et kolon, så dens rolle (for eksempel «Arbeidsdepartementet: arbeidsmigrasjonspolitikk»).
hub-endorsement = Myndighetenes tilslutning
hub-endorsement-hint = Kreves før innsending når anmodningen ikke kommer fra en medlemsstats myndigheter: myndighetsorganisasjonen i samme land som sluttet seg til den, når og hvordan.
hub-save-draft = Lagre utkast
hub-save-submit = Lagre og send inn
hub-edit = Rediger utkastet
hub-submit = Send inn anmodningen
hub-since = siden { $date }
hub-awaiting-answer = Sekretariatet har stilt et spørsmål og venter på svar fra den som ba om støtte.
hub-where = Hvor anmodningen står
hub-dates = Datoer
hub-send-answer = Send svaret
hub-invited-as = Organisasjonen din er invitert som partner i rollen { $role }.
hub-accept = Godta
hub-decline = Avslå
hub-process = Behandling
hub-suggestions = Foreslåtte partnere
hub-funding = Finansieringsmuligheter
hub-move = Gå til dette steget
hub-reasons-hint = Påkrevd for å avslå eller avslutte; vises for den som ba om støtte. For andre steg: råd til den som ba om støtte.
hub-ask = Spør den som ba om støtte
hub-invite = Inviter
hub-partners = Partnere
hub-workplan = Arbeidsplan
hub-done = Fullført
hub-mark-done = Merk som fullført
hub-add-milestone = Legg til milepælen
hub-similar = Lignende praksiser og anmodninger
hub-connected-on = kontaktpunktene satt i forbindelse { $date }
hub-connect = Sett kontaktpunktene i forbindelse
hub-withdraw = Trekk anmodningen
hub-withdraw-invitation = Trekk invitasjonen
hub-history = Historikk
hub-similar-objectives = felles mål: { $list }
hub-similar-countries = felles land: { $list }
hub-similar-kind-practice = Praksis
search-kind-hub_request = Anmodning om støtte
hub-similar-kind-hub-request = Anmodning
hub-link-potential-duplication = Mulig dobbeltarbeid
hub-link-peer-exchange = Erfaringsutveksling
hub-error-field = Kontroller feltet «{ $name }».
hub-field-org-id = Organisasjonen som ber om støtte
hub-field-lang = Anmodningens språk
hub-field-title = Tittel
hub-field-description = Beskrivelse
hub-field-country = Land
hub-field-region = Region
hub-field-objectives = Mål
hub-field-actions = Tiltak
hub-field-principles = Veiledende prinsipper
hub-field-support = Typer støtte det bes om
hub-field-starts-on = Støtte ønskes fra
hub-field-ends-on = Støtte ønskes til
hub-field-timeline = Tidsplan
hub-field-budget-usd = Anslått budsjett (amerikanske dollar)
hub-field-budget-public = Vis budsjettet offentlig
hub-field-is-public = Gjør anmodningen offentlig når den er sendt inn (tittel, beskrivelse, mål, land, typer støtte og steg)
hub-field-languages = Språk arbeidet kan gjøres på
hub-field-counterparts = Nasjonale motparter (hele forvaltningen)
hub-field-stakeholders-consulted = Aktører som er rådspurt (hele samfunnet)
hub-field-existing-initiatives = Eksisterende initiativer
hub-field-endorsed-by-org = Myndighetsorganisasjon som sluttet seg til anmodningen
hub-field-endorsed-on = Dato for tilslutningen
hub-field-endorsement-note = Referanse for tilslutningen
hub-field-status = Steg
hub-field-to = Neste steg
hub-field-reasons = Begrunnelse eller råd
hub-field-question = Spørsmål til den som ba om støtte
hub-field-answer = Ditt svar til sekretariatet
hub-field-partner = Partnerorganisasjon
hub-field-role = Rolle
hub-field-override-reason = Begrunnelse for valget (hvis det avviker fra forslagene)
hub-field-suggested-score = Forslagets poengsum
hub-field-note = Merknad
hub-field-milestone = Milepæl
hub-field-due-on = Frist
hub-field-responsible-org = Ansvarlig partner
hub-field-kind = Type kobling
hub-field-other-id = Koblet element
hub-field-other-kind = Type koblet element
hub-field-text = Tekst
hub-status-draft = Utkast
hub-status-received = Mottatt
hub-status-under-assessment = Under vurdering
hub-status-accepted = Godtatt
hub-status-declined = Avslått
hub-status-matching = Partnere søkes
hub-status-implementation-setup = Gjennomføringen forberedes
hub-status-in-implementation = Under gjennomføring
hub-status-completed = Fullført
hub-status-closed = Avsluttet
hub-support-technical = Teknisk bistand
hub-support-financial = Økonomisk støtte
hub-support-expertise = Personell og kompetanse
hub-support-peer-exchange = Erfaringsutveksling
hub-role-lead = Ledende aktør
hub-role-co-implementer = Medgjennomfører
hub-role-technical-adviser = Teknisk rådgiver
hub-role-funder = Finansiør
hub-partner-invited = Invitert
hub-partner-accepted = Har godtatt
hub-partner-declined = Har avslått
hub-partner-withdrawn = Invitasjonen trukket
hub-event-step = Flyttet til «{ $step }»
hub-event-drafted = Utkast påbegynt
hub-event-clarification-asked = Sekretariatet ba om utdyping
hub-event-clarification-answered = Den som ba om støtte, svarte
hub-event-partner-invited = Partner invitert
hub-event-partner-accepted = Partner godtok
hub-event-partner-declined = Partner avslo
hub-event-partner-withdrawn = Invitasjonen trukket
hub-event-milestone-added = Milepæl lagt til
hub-event-milestone-done = Milepæl fullført
hub-event-linked = Lignende element markert
hub-event-connected = Kontaktpunktene satt i forbindelse
hub-event-reminded = Påminnelse sendt
hub-dashboard-total = Innsendte anmodninger
hub-dashboard-open-offers = Åpne tilbud
hub-dashboard-times = Svartider
hub-dashboard-first-response = Fra innsending til første svar
hub-dashboard-setup = Fra innsending til forberedt gjennomføring
hub-dashboard-days = median { $median } dager, 90. persentil { $p90 } dager ({ $count } anmodninger)
hub-dashboard-no-data = ingen anmodninger målt ennå
hub-dashboard-by-status = Anmodninger etter steg
hub-dashboard-by-objective = Anmodninger etter mål
hub-dashboard-by-region = Anmodninger etter region
hub-dashboard-count = Anmodninger
api-error-hub-step-out-of-order = En anmodning på steget «{ $from }» kan ikke gå til «{ $to }»: stegene følger hverandre i rekkefølge.
api-error-hub-request-not-draft = Bare et utkast kan endres; denne anmodningen er sendt inn.
api-error-hub-reference-taken = Mange anmodninger ble sendt inn samtidig; prøv igjen.
api-error-hub-needs-accepted-partner = Forberedelse av gjennomføringen krever minst én partner som har godtatt.
api-error-hub-needs-lead-and-milestone = Gjennomføringen kan starte når en ledende partner har godtatt og arbeidsplanen har minst én milepæl.
api-error-hub-request-not-open = Denne anmodningen er avsluttet eller fortsatt et utkast.
api-error-hub-answer-awaited = Det siste spørsmålet er ikke besvart ennå.
api-error-hub-no-question = Ingen spørsmål venter på svar.
api-error-hub-not-matching = Partnere inviteres mens det søkes partnere eller gjennomføringen forberedes.
api-error-hub-already-invited = Denne organisasjonen er allerede invitert til denne anmodningen.
api-error-hub-already-answered = Denne invitasjonen er allerede besvart.
api-error-hub-already-withdrawn = Denne invitasjonen er allerede trukket.
api-error-hub-not-in-setup = Milepæler fastsettes under forberedelse og gjennomføring.
api-error-hub-milestone-done = Denne milepælen er allerede fullført.
api-error-hub-no-organisation = Den koblede praksisen oppgir ingen organisasjon å sette i forbindelse.
api-error-hub-no-focal-point = En av de to organisasjonene har ikke noe kontaktpunkt å sette i forbindelse.

## Brev fra koblingsknutepunktet ($link er anmodningens side på leserens språk)
mail-hub-submitted-subject = Ny anmodning om støtte { $reference }: { $title }
mail-hub-submitted-body = { $org } har sendt anmodningen om støtte { $reference } («{ $title }») til koblingsknutepunktet.

    Vennligst vurder den: { $link }
mail-hub-step-subject = { $reference }: nå { $to }
mail-hub-step-body = Anmodningen deres om støtte { $reference } («{ $title }») er flyttet fra «{ $from }» til «{ $to }».{ $reasons }

    { $link }
mail-hub-reasons = Begrunnelse og råd fra sekretariatet: { $text }
mail-hub-question-subject = { $reference }: sekretariatet stiller et spørsmål
mail-hub-question-body = Sekretariatet spør om anmodningen deres om støtte { $reference }:

    { $text }

    Svar på anmodningens side: { $link }
mail-hub-answered-subject = { $reference }: anmoderen har svart
mail-hub-answered-body = { $org } har svart om { $reference }:

    { $text }

    { $link }
mail-hub-reminder-subject = Påminnelse: { $reference } venter
mail-hub-reminder-body = Anmodningen om støtte { $reference } («{ $title }») har ventet på trinnet «{ $status }» i mer enn { $days } dager og trenger at dere handler: { $link }
mail-hub-invitation-subject = { $reference }: invitasjon til å bli partner
mail-hub-invitation-body = Sekretariatet for koblingsknutepunktet inviterer { $org } til å støtte anmodningen { $reference } som { $role }. Les anmodningen og svar: { $link }
mail-hub-answer-subject = { $answer ->
        [accept] { $reference }: { $org } har takket ja
       *[decline] { $reference }: { $org } har takket nei
    }
mail-hub-answer-body = { $answer ->
        [accept] { $org } har takket ja til invitasjonen til å støtte { $reference } som { $role }.
       *[decline] { $org } har takket nei til invitasjonen til å støtte { $reference } som { $role }.
    }

    { $link }
mail-hub-withdrawn-subject = { $reference }: invitasjonen er trukket tilbake
mail-hub-withdrawn-body = Sekretariatet for koblingsknutepunktet har trukket tilbake invitasjonen til { $org } om å støtte { $reference }.

    { $link }
mail-hub-connect-subject = { $reference }: møt en likemann som arbeider med det samme spørsmålet
mail-hub-connect-body = { $side ->
        [requester] Sekretariatet for koblingsknutepunktet setter dere i kontakt med { $peers } om arbeid som ligner anmodningen deres om støtte { $reference }.
       *[peer] Sekretariatet for koblingsknutepunktet setter dere i kontakt med { $peers } om anmodningen om støtte { $reference }, som ligner arbeidet deres.
    }

    { $link }
