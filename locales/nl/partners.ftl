# De partnerkant van het verbindingsmechanisme: profielen, aanbiedingen, suggesties en financiering (routes/partners/).
partners-hub = Verbindingsmechanisme
partners-title = Partners
partners-intro = Organisaties die landen kunnen steunen bij de uitvoering van het Pact: hun opgegeven deskundigheid per doelstelling, waar zij werken, hun capaciteit en wat het platform van hun werk laat zien.
partners-count =
    { $count ->
        [0] Geen enkele organisatie komt overeen.
        [one] Eén organisatie.
       *[other] { $count } organisaties.
    }
partners-country = Land
partners-country-hint = ISO-code van drie letters, bijv. SEN.
partners-region = Regio
partners-edit = Het partnerprofiel bewerken
partners-edit-of = Partnerprofiel van { $org }
partners-org-page = Pagina van de organisatie
partners-no-profile = Deze organisatie heeft haar partnerprofiel nog niet ingevuld; hieronder staat wat het platform van haar werk laat zien.
partners-expertise = Deskundigheid per doelstelling
partners-expertise-hint = Geef per doelstelling aan hoe centraal die in uw werk staat. Laat „geen” staan waar u geen deskundigheid hebt.
partners-level-none = Geen
partners-level-1 = Enige deskundigheid
partners-level-2 = Aanzienlijke deskundigheid
partners-level-3 = Kern van het mandaat
partners-capacity = Capaciteit en aanwezigheid
partners-home-country = Thuisland
partners-presence = Werkt in
partners-staff = Personeel
partners-budget = Jaarbudget voor migratiewerk
partners-languages = Werktalen
partners-languages-hint = Taalcodes gescheiden door spaties, bijv. nl en.
partners-not-declared = Niet opgegeven
partners-staff-up_to_10 = Tot 10 personen
partners-staff-up_to_50 = 11 tot 50 personen
partners-staff-up_to_250 = 51 tot 250 personen
partners-staff-up_to_1000 = 251 tot 1000 personen
partners-staff-over_1000 = Meer dan 1000 personen
partners-budget-up_to_1m = Tot 1 miljoen USD
partners-budget-up_to_10m = 1 tot 10 miljoen USD
partners-budget-up_to_100m = 10 tot 100 miljoen USD
partners-budget-over_100m = Meer dan 100 miljoen USD
partners-priorities = Financieringsprioriteiten
partners-priorities-hint = Als donor: de doelstellingen en regio's die u financiert en de grootste subsidie die u verleent. Laat een rij leeg om niets toe te voegen.
partners-priority-of = Financieringsprioriteit van { $org }
partners-any-objective = Elke doelstelling
partners-anywhere = Overal
partners-any-language = Elke taal
partners-ceiling-up-to = tot { $amount }
partners-evidence = Wat het platform laat zien
partners-practices =
    { $count ->
        [0] Geen gepubliceerde praktijk.
        [one] Eén gepubliceerde praktijk.
       *[other] { $count } gepubliceerde praktijken.
    }
partners-partnerships =
    { $count ->
        [0] Nog geen partnerschap in het mechanisme.
        [one] Partner bij één verzoek.
       *[other] Partner bij { $count } verzoeken.
    }
partners-by-objective = Gepubliceerde praktijken per doelstelling
partners-by-country = Gepubliceerde praktijken per land
partners-practices-col = Praktijken
partners-field-summary = Wat de organisatie aanbiedt, in enkele regels
partners-field-countries = Landen
partners-countries-hint = ISO-codes van drie letters gescheiden door spaties, bijv. SEN MLI GHA.
partners-field-regions = Regio's
partners-field-ceiling = Hoogste bedrag (USD)
partners-field-note = Opmerking
partners-field-until = Aanbod geldig tot
partners-save = Het profiel opslaan
partners-error-summary = De samenvatting is te lang.
partners-error-languages = Een werktaal is geen taalcode van twee letters (bijv. nl).
partners-error-expertise = Een doelstelling van de deskundigheid is niet een van de 23 doelstellingen van het Pact.
partners-error-expertise-level = Een niveau van deskundigheid moet 1, 2 of 3 zijn.
partners-error-countries = Een land is geen bekende ISO-code (gebruik drie letters, bijv. SEN).
partners-error-regions = Een regio is geen bekende M49-regio van de Verenigde Naties.
partners-error-priorities = Er zijn te veel financieringsprioriteiten.
partners-error-priority-objective = De doelstelling van een financieringsprioriteit is niet een van de 23 doelstellingen.
partners-error-priority-region = De regio van een financieringsprioriteit is geen bekende M49-regio.
partners-error-priority-ceiling = De grootste subsidie moet een positief geheel getal in Amerikaanse dollars zijn.
partners-error-priority-note = De opmerking bij een financieringsprioriteit is te lang.
partners-error-staff-range = Kies het personeel uit de lijst.
partners-error-budget-range = Kies het budget uit de lijst.
partners-error-support-kind = Kies het soort steun uit de lijst.
partners-error-title = Geef het aanbod een titel van hoogstens 300 tekens.
partners-error-description = De beschrijving is te lang.
partners-error-lang = Kies de taal waarin het aanbod is geschreven.
partners-error-objectives = Kies ten minste één doelstelling van het Pact.
partners-error-ceiling-usd = Het hoogste bedrag moet een positief geheel getal in Amerikaanse dollars zijn.
partners-error-until-on = Schrijf de datum als JJJJ-MM-DD.
partners-error-org-id = Kies de organisatie die de steun aanbiedt.
partners-offers-title = Aanbod van steun
partners-offers-intro = Steun die organisaties aanbieden aan landen die het Pact uitvoeren: technische steun, financiering, deskundigheid en uitwisseling tussen vakgenoten. Het aanbod wordt gekoppeld aan de verzoeken van landen.
partners-offers-count =
    { $count ->
        [0] Geen aanbod komt overeen.
        [one] Eén aanbod.
       *[other] { $count } aanbiedingen.
    }
partners-offers-closed-too = Ook gesloten aanbiedingen tonen
partners-offer-new = Steun aanbieden
partners-offer-publish = Het aanbod publiceren
partners-offer-open = Open
partners-offer-closed = Gesloten
partners-offer-close = Dit aanbod sluiten
partners-offer = Aanbod
partners-offered-by = Aangeboden door
partners-offer-countries-hint = Waar het aanbod geldt; laat landen en regio's leeg voor overal.
partners-until = tot { $date }
partners-where = Waar
partners-kind = Soort steun
partners-kind-technical = Technische steun
partners-kind-financial = Financiële steun
partners-kind-expertise = Deskundigheid en personeel
partners-kind-peer_exchange = Uitwisseling tussen vakgenoten
partners-matched-requests = Verzoeken waarbij dit aanbod past
partners-matched-requests-caption = Verzoeken om steun die bij dit aanbod passen, de beste eerst
partners-matched-requests-none = Geen enkel verzoek om steun past op dit moment bij dit aanbod.
partners-request = Verzoek
partners-shared-objectives = Gemeenschappelijke doelstellingen
partners-score = Score
partners-suggestions = Voorgestelde partners
partners-suggestions-for = Voorgestelde partners voor { $request }
partners-suggestions-how = Elke organisatie krijgt een score van 0 tot 1 op vijf factoren: aansluiting bij de doelstellingen, aanwezigheid, staat van dienst, capaciteit en taal. De tabel zegt waarom; het secretariaat kan elke organisatie uitnodigen, met een reden wanneer het van de rangschikking afwijkt.
partners-suggestions-none = Nog geen enkele organisatie past bij de doelstellingen van dit verzoek.
partners-score-of = score { $score }
partners-likely-role = Waarschijnlijke rol: { $role }
partners-why = Waarom { $org } wordt voorgesteld
partners-factor = Factor
partners-weight = Gewicht
partners-reason = Waarom
partners-factor-objective-fit = Aansluiting bij de doelstellingen
partners-factor-presence = Aanwezigheid
partners-factor-track-record = Staat van dienst
partners-factor-capacity = Capaciteit
partners-factor-language = Taal
partners-role = Rol
partners-role-lead = Hoofdpartner
partners-role-co_implementer = Mede-uitvoerder
partners-role-technical_adviser = Technisch adviseur
partners-role-funder = Financier
partners-invite = Uitnodigen
partners-invite-role = { $org } uitnodigen als
partners-invite-other = Een organisatie uitnodigen die niet werd voorgesteld
partners-organisation = Organisatie
partners-find-org = Een organisatie zoeken op naam
partners-find = Zoeken
partners-find-none = Geen organisatie die niet werd voorgesteld heeft „{ $text }” in haar naam.
partners-override-reason = Waarom deze organisatie
partners-override-reason-optional = Reden als u van de rangschikking afwijkt (facultatief)
partners-override-hint = Verplicht: de reden wordt bij de uitnodiging bewaard en aan de verzoeker getoond.
partners-matching-offers = Aanbod van steun dat bij dit verzoek past
partners-matching-offers-none = Geen open aanbod past bij dit verzoek.
partners-reason-declared = Geeft { $level } op voor doelstelling { $objective }.
partners-reason-practices-only = Heeft praktijken gepubliceerd over { $objectives }.
partners-reason-missing = Niets over { $objectives }.
partners-reason-in-country = Werkt in het land.
partners-reason-in-region = Werkt in { $region }.
partners-reason-worldwide = Werkt wereldwijd.
partners-reason-not-present = Werkt niet in het land en niet in de regio.
partners-reason-no-place = Het verzoek noemt geen land.
partners-reason-track = { $objectives } gepubliceerde praktijken over deze doelstellingen, { $country } in het land, { $region } in de regio; { $partnerships } partnerschappen in het mechanisme.
partners-reason-staff = Personeel: { $staff }.
partners-reason-budget = Budget: { $budget }.
partners-reason-covers = Het jaarbudget is groter dan het budget van het verzoek.
partners-reason-not-covers = Het jaarbudget is kleiner dan het budget van het verzoek.
partners-reason-not-declared = Niet opgegeven in het profiel.
partners-reason-languages = Werkt in het { $languages }.
partners-reason-no-language = Werkt in geen van de talen van het verzoek.
partners-reason-any-language = Het verzoek aanvaardt elke taal.
partners-funding = Financieringsmogelijkheden
partners-funding-for = Financieringsmogelijkheden voor { $request }
partners-funding-how = Aanbod van financiële steun en de financieringsprioriteiten die donoren in hun profiel opgeven, gerangschikt naar doelstellingen, regio en of hun plafond het budget van het verzoek dekt.
partners-funding-none = Nog geen enkele financieringsmogelijkheid past bij dit verzoek.
partners-request-budget = budget { $amount }
partners-source = Bron
partners-source-offer = Aanbod
partners-source-priority = Prioriteit van een donor
partners-covers = Dekt het budget
partners-covers-yes = Ja
partners-covers-no = Nee
partners-covers-unknown = Onbekend
