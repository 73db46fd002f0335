# Thematische oproepen voor praktijken (routes/practices/calls.rs).
calls-title = Oproepen voor praktijken
calls-intro = Het secretariaat van het VN-netwerk voor migratie doet oproepen voor praktijken over een thema of over doelstellingen van het Pact, met een uiterste datum. Organisaties beantwoorden een oproep door er een praktijk voor in te dienen.
calls-new = Nieuwe oproep
calls-all = Alle oproepen
calls-open = Open oproepen
calls-upcoming = Komende oproepen
calls-past = Eerdere oproepen
calls-none-open = Er is op dit moment geen oproep open.
calls-none-past = Geen eerdere oproepen.
calls-status-open = Open
calls-status-upcoming = Nog niet open
calls-status-closed = Vroegtijdig gesloten
calls-status-past = Uiterste datum verstreken
calls-status = Status
calls-deadline = Uiterste datum
calls-opens-on = Opent op
calls-days-left =
    { $days ->
        [0] laatste dag om in te dienen
        [one] nog één dag
       *[other] nog { $days } dagen
    }
calls-answered =
    { $count ->
        [0] nog geen praktijk gepubliceerd als antwoord
        [one] één praktijk gepubliceerd als antwoord
       *[other] { $count } praktijken gepubliceerd als antwoord
    }
calls-answered-all = Antwoorden: { $submitted } ingediend of verder, { $published } gepubliceerd, { $drafts } concepten.
calls-seeks = Wat deze oproep zoekt
calls-theme = Thema
calls-any-theme = Elk thema
calls-objectives = Doelstellingen
calls-answers = Gepubliceerde praktijken die deze oproep beantwoorden
calls-answers-none = Er is nog geen praktijk gepubliceerd die deze oproep beantwoordt.
calls-submit = Een praktijk indienen voor deze oproep
calls-edit = Deze oproep bewerken
calls-close = Deze oproep nu sluiten
calls-close-hint = Door de oproep vóór de uiterste datum te sluiten, stoppen verdere inzendingen.
calls-new-title = Nieuwe oproep voor praktijken
calls-edit-title = De oproep voor praktijken bewerken
calls-field-title = Titel
calls-field-description = Beschrijving
calls-field-lang = Taal van de tekst
calls-field-theme = Thema
calls-field-objectives = Gezochte doelstellingen
calls-field-opens-on = Opent op
calls-field-deadline = Uiterste datum
calls-date-hint = Als JJJJ-MM-DD, bijvoorbeeld 2027-03-31. De oproep is open tot het einde van de uiterste dag (UTC).
calls-save = De oproep opslaan
calls-error-title = Titel: vul een titel in van hoogstens 300 tekens.
calls-error-description = Beschrijving: schrijf hoogstens 10.000 tekens.
calls-error-lang = Taal van de tekst: kies een van de aangeboden talen.
calls-error-theme = Thema: kies een van de aangeboden thema's, of geen.
calls-error-objectives = Gezochte doelstellingen: vink minstens één doelstelling van 1 tot 23 aan.
calls-error-opens-on = Opent op: vul een bestaande datum in als JJJJ-MM-DD.
calls-error-deadline = Uiterste datum: vul een bestaande datum in als JJJJ-MM-DD.
calls-error-deadline-order = Uiterste datum: de uiterste datum mag niet vóór de openingsdatum liggen.
calls-error-go = Naar het veld
calls-data = Open data
calls-date = { $day } { $month } { $year }
calls-month-1 = januari
calls-month-2 = februari
calls-month-3 = maart
calls-month-4 = april
calls-month-5 = mei
calls-month-6 = juni
calls-month-7 = juli
calls-month-8 = augustus
calls-month-9 = september
calls-month-10 = oktober
calls-month-11 = november
calls-month-12 = december
api-error-call-unknown = Deze oproep voor praktijken bestaat niet.
api-error-call-not-yet-open = Deze oproep voor praktijken is nog niet open: hij opent op { $date }.
api-error-call-past-deadline = De uiterste datum van deze oproep voor praktijken ({ $date }) is verstreken.
api-error-call-closed = Deze oproep voor praktijken is gesloten.
