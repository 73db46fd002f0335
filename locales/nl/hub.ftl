# De verbindingshub: verzoeken om steun en hun behandeling (GCM par. 43 a)).
hub-title = Verbindingshub
hub-intro = De verbindingshub helpt landen de steun te vinden die zij nodig hebben om het Mondiaal Migratiepact uit te voeren: een lidstaat vraagt om steun, het secretariaat beoordeelt het verzoek, en partners met de juiste deskundigheid en middelen helpen het uit te voeren.
hub-how = Zo werkt het
hub-how-request = Het contactpunt van een lidstaat (of een lokale overheid of belanghebbende met instemming van de regering) stelt een verzoek om steun op en dient het in.
hub-how-assess = Het secretariaat beoordeelt het verzoek, vraagt zo nodig om verduidelijking en aanvaardt of weigert het met redenen.
hub-how-match = Partners met de juiste deskundigheid, aanwezigheid en middelen worden voorgesteld en uitgenodigd; de instemming van elke partner wordt vastgelegd.
hub-how-implement = Een leidende partner en een werkplan met mijlpalen worden vastgesteld, en de uitvoering begint. De aanvrager ziet elke stap.
hub-requests-title = Verzoeken om steun
hub-requests-summary = De verzoeken om steun van landen en hoe ver elk verzoek is.
hub-requests-count =
    { $count ->
        [0] Geen enkel verzoek komt overeen.
        [one] Eén verzoek.
       *[other] { $count } verzoeken.
    }
hub-offers-title = Aanbod van steun
hub-offers-summary = Wat organisaties aanbieden: opleiding, deskundigheid, financiering, uitwisseling tussen collega's.
hub-partners-title = Partners
hub-partners-summary = Organisaties die klaarstaan om de uitvoering te steunen, met hun deskundigheid en aanwezigheid.
hub-dashboard-title = Overzicht van de hub
hub-dashboard-summary = Verzoeken per stap, doelstelling en regio, en hoe snel ze worden beantwoord.
hub-new = Steun aanvragen
hub-data = Open data over openbare verzoeken
hub-any-status = Elke stap
hub-any-country = Elk land
hub-any-objective = Elke doelstelling
hub-filter = Filteren
hub-draft = Concept
hub-new-title = Steun aanvragen
hub-edit-title = Het verzoek bewerken
hub-form-intro = Bewaar op elk moment een concept en ga er later mee verder; dien het in wanneer het volledig is. Indienen vraagt een beschrijving, ten minste één doelstelling en één soort steun.
hub-actions-hint = Verwijzingen naar de acties van het Pact, gescheiden door spaties, bijvoorbeeld gcm:obj:20:c.
hub-counterparts-hint = Eén per regel: het ministerie of de dienst, een dubbele punt, dan zijn rol (bijvoorbeeld "Ministerie van Arbeid: arbeidsmigratiebeleid").
hub-endorsement = Instemming van de regering
hub-endorsement-hint = Nodig vóór het indienen wanneer het verzoek niet van de regering van een lidstaat komt: de overheidsorganisatie van hetzelfde land die ermee instemde, wanneer en hoe.
hub-save-draft = Concept bewaren
hub-save-submit = Bewaren en indienen
hub-edit = Het concept bewerken
hub-submit = Het verzoek indienen
hub-since = sinds { $date }
hub-awaiting-answer = Het secretariaat heeft een vraag gesteld en wacht op het antwoord van de aanvrager.
hub-where = Hoe ver het verzoek is
hub-dates = Data
hub-send-answer = Het antwoord versturen
hub-invited-as = Uw organisatie is uitgenodigd als partner in de rol { $role }.
hub-accept = Aanvaarden
hub-decline = Afwijzen
hub-process = Behandeling
hub-suggestions = Voorgestelde partners
hub-funding = Financieringsmogelijkheden
hub-move = Naar deze stap
hub-reasons-hint = Verplicht om te weigeren of af te sluiten; de aanvrager ziet het. Bij andere stappen: advies aan de aanvrager.
hub-ask = De aanvrager een vraag stellen
hub-invite = Uitnodigen
hub-partners = Partners
hub-workplan = Werkplan
hub-done = Afgerond
hub-mark-done = Als afgerond markeren
hub-add-milestone = De mijlpaal toevoegen
hub-similar = Vergelijkbare praktijken en verzoeken
hub-connected-on = contactpunten met elkaar in contact gebracht op { $date }
hub-connect = De contactpunten met elkaar in contact brengen
hub-withdraw = Het verzoek intrekken
hub-withdraw-invitation = De uitnodiging intrekken
hub-history = Geschiedenis
hub-similar-objectives = gemeenschappelijke doelstellingen: { $list }
hub-similar-countries = gemeenschappelijke landen: { $list }
hub-similar-kind-practice = Praktijk
search-kind-hub_request = Verzoek om steun
hub-similar-kind-hub-request = Verzoek
hub-link-potential-duplication = Mogelijke overlap
hub-link-peer-exchange = Uitwisseling tussen collega's
hub-error-field = Controleer het veld ‘{ $name }’.
hub-field-org-id = Aanvragende organisatie
hub-field-lang = Taal van het verzoek
hub-field-title = Titel
hub-field-description = Beschrijving
hub-field-country = Land
hub-field-region = Regio
hub-field-objectives = Doelstellingen
hub-field-actions = Acties
hub-field-principles = Leidende beginselen
hub-field-support = Gevraagde soorten steun
hub-field-starts-on = Steun gewenst vanaf
hub-field-ends-on = Steun gewenst tot
hub-field-timeline = Tijdpad
hub-field-budget-usd = Geraamd budget (Amerikaanse dollar)
hub-field-budget-public = Het budget openbaar tonen
hub-field-is-public = Het verzoek na indiening openbaar maken (titel, beschrijving, doelstellingen, land, soorten steun en stappen)
hub-field-languages = Talen waarin het werk kan worden gedaan
hub-field-counterparts = Nationale tegenhangers (de hele overheid)
hub-field-stakeholders-consulted = Geraadpleegde belanghebbenden (de hele samenleving)
hub-field-existing-initiatives = Bestaande initiatieven
hub-field-endorsed-by-org = Overheidsorganisatie die instemde
hub-field-endorsed-on = Datum van de instemming
hub-field-endorsement-note = Kenmerk van de instemming
hub-field-status = Stap
hub-field-to = Volgende stap
hub-field-reasons = Redenen of advies
hub-field-question = Vraag aan de aanvrager
hub-field-answer = Uw antwoord aan het secretariaat
hub-field-partner = Partnerorganisatie
hub-field-role = Rol
hub-field-override-reason = Reden voor deze keuze (als die afwijkt van de voorstellen)
hub-field-suggested-score = Score van het voorstel
hub-field-note = Opmerking
hub-field-milestone = Mijlpaal
hub-field-due-on = Uiterste datum
hub-field-responsible-org = Verantwoordelijke partner
hub-field-kind = Soort koppeling
hub-field-other-id = Gekoppeld item
hub-field-other-kind = Soort gekoppeld item
hub-field-text = Tekst
hub-status-draft = Concept
hub-status-received = Ontvangen
hub-status-under-assessment = In beoordeling
hub-status-accepted = Aanvaard
hub-status-declined = Geweigerd
hub-status-matching = Partners worden gezocht
hub-status-implementation-setup = Uitvoering wordt voorbereid
hub-status-in-implementation = In uitvoering
hub-status-completed = Voltooid
hub-status-closed = Afgesloten
hub-support-technical = Technische bijstand
hub-support-financial = Financiële steun
hub-support-expertise = Personeel en deskundigheid
hub-support-peer-exchange = Uitwisseling tussen collega's
hub-role-lead = Leidende entiteit
hub-role-co-implementer = Mede-uitvoerder
hub-role-technical-adviser = Technisch adviseur
hub-role-funder = Financier
hub-partner-invited = Uitgenodigd
hub-partner-accepted = Heeft aanvaard
hub-partner-declined = Heeft afgewezen
hub-partner-withdrawn = Uitnodiging ingetrokken
hub-event-step = Naar ‘{ $step }’
hub-event-drafted = Concept begonnen
hub-event-clarification-asked = Het secretariaat vroeg om verduidelijking
hub-event-clarification-answered = De aanvrager antwoordde
hub-event-partner-invited = Partner uitgenodigd
hub-event-partner-accepted = Partner aanvaardde
hub-event-partner-declined = Partner wees af
hub-event-partner-withdrawn = Uitnodiging ingetrokken
hub-event-milestone-added = Mijlpaal toegevoegd
hub-event-milestone-done = Mijlpaal afgerond
hub-event-linked = Vergelijkbaar item gemarkeerd
hub-event-connected = Contactpunten met elkaar in contact gebracht
hub-event-reminded = Herinnering verstuurd
hub-dashboard-total = Ingediende verzoeken
hub-dashboard-open-offers = Open aanbod
hub-dashboard-times = Reactietijden
hub-dashboard-first-response = Van indiening tot eerste reactie
hub-dashboard-setup = Van indiening tot voorbereide uitvoering
hub-dashboard-days = mediaan { $median } dagen, 90e percentiel { $p90 } dagen ({ $count } verzoeken)
hub-dashboard-no-data = nog geen verzoeken gemeten
hub-dashboard-by-status = Verzoeken per stap
hub-dashboard-by-objective = Verzoeken per doelstelling
hub-dashboard-by-region = Verzoeken per regio
hub-dashboard-count = Verzoeken
api-error-hub-step-out-of-order = Een verzoek in de stap ‘{ $from }’ kan niet naar ‘{ $to }’: de stappen volgen elkaar op in volgorde.
api-error-hub-request-not-draft = Alleen een concept kan worden gewijzigd; dit verzoek is ingediend.
api-error-hub-reference-taken = Er werden tegelijk veel verzoeken ingediend; probeer het opnieuw.
api-error-hub-needs-accepted-partner = Het voorbereiden van de uitvoering vraagt ten minste één partner die heeft aanvaard.
api-error-hub-needs-lead-and-milestone = De uitvoering kan beginnen zodra een leidende partner heeft aanvaard en het werkplan ten minste één mijlpaal heeft.
api-error-hub-request-not-open = Dit verzoek is afgesloten of nog een concept.
api-error-hub-answer-awaited = De laatste vraag is nog niet beantwoord.
api-error-hub-no-question = Er wacht geen vraag op antwoord.
api-error-hub-not-matching = Partners worden uitgenodigd terwijl partners worden gezocht of de uitvoering wordt voorbereid.
api-error-hub-already-invited = Deze organisatie is al uitgenodigd voor dit verzoek.
api-error-hub-already-answered = Deze uitnodiging is al beantwoord.
api-error-hub-already-withdrawn = Deze uitnodiging is al ingetrokken.
api-error-hub-not-in-setup = Mijlpalen worden vastgesteld tijdens de voorbereiding en de uitvoering.
api-error-hub-milestone-done = Deze mijlpaal is al afgerond.
api-error-hub-no-organisation = De gekoppelde praktijk noemt geen organisatie om mee in contact te brengen.
api-error-hub-no-focal-point = Een van de twee organisaties heeft geen contactpunt om mee in contact te brengen.

## Brieven van de verbindingshub ($link is de pagina van het verzoek in de taal van de lezer)
mail-hub-submitted-subject = Nieuw verzoek om steun { $reference }: { $title }
mail-hub-submitted-body = { $org } heeft het verzoek om steun { $reference } ('{ $title }') bij de verbindingshub ingediend.

    Beoordeel het hier: { $link }
mail-hub-step-subject = { $reference }: nu { $to }
mail-hub-step-body = Uw verzoek om steun { $reference } ('{ $title }') is van '{ $from }' naar '{ $to }' gegaan.{ $reasons }

    { $link }
mail-hub-reasons = Redenen en advies van het secretariaat: { $text }
mail-hub-question-subject = { $reference }: het secretariaat stelt een vraag
mail-hub-question-body = Het secretariaat heeft een vraag over uw verzoek om steun { $reference }:

    { $text }

    Antwoord op de pagina van het verzoek: { $link }
mail-hub-answered-subject = { $reference }: de aanvrager heeft geantwoord
mail-hub-answered-body = { $org } heeft geantwoord over { $reference }:

    { $text }

    { $link }
mail-hub-reminder-subject = Herinnering: { $reference } wacht
mail-hub-reminder-body = Het verzoek om steun { $reference } ('{ $title }') wacht al meer dan { $days } dagen bij de stap '{ $status }' en vraagt om uw actie: { $link }
mail-hub-invitation-subject = { $reference }: uitnodiging om partner te worden
mail-hub-invitation-body = Het secretariaat van de verbindingshub nodigt { $org } uit om het verzoek { $reference } te steunen als { $role }. Lees het verzoek en antwoord: { $link }
mail-hub-answer-subject = { $answer ->
        [accept] { $reference }: { $org } heeft aanvaard
       *[decline] { $reference }: { $org } heeft afgewezen
    }
mail-hub-answer-body = { $answer ->
        [accept] { $org } heeft de uitnodiging aanvaard om { $reference } te steunen als { $role }.
       *[decline] { $org } heeft de uitnodiging afgewezen om { $reference } te steunen als { $role }.
    }

    { $link }
mail-hub-withdrawn-subject = { $reference }: uitnodiging ingetrokken
mail-hub-withdrawn-body = Het secretariaat van de verbindingshub heeft de uitnodiging aan { $org } om { $reference } te steunen ingetrokken.

    { $link }
mail-hub-connect-subject = { $reference }: maak kennis met een collega die aan dezelfde vraag werkt
mail-hub-connect-body = { $side ->
        [requester] Het secretariaat van de verbindingshub brengt u in contact met { $peers } over werk dat lijkt op uw verzoek om steun { $reference }.
       *[peer] Het secretariaat van de verbindingshub brengt u in contact met { $peers } over het verzoek om steun { $reference }, dat lijkt op uw werk.
    }

    { $link }
