# Tematiske utlysninger av praksiser (routes/practices/calls.rs).
calls-title = Utlysninger av praksiser
calls-intro = Sekretariatet for FNs migrasjonsnettverk lyser ut etter praksiser om et tema eller om mål i avtalen, med en frist. Organisasjoner svarer på en utlysning ved å sende inn en praksis til den.
calls-new = Ny utlysning
calls-all = Alle utlysninger
calls-open = Åpne utlysninger
calls-upcoming = Kommende utlysninger
calls-past = Tidligere utlysninger
calls-none-open = Ingen utlysning er åpen nå.
calls-none-past = Ingen tidligere utlysninger.
calls-status-open = Åpen
calls-status-upcoming = Ikke åpnet ennå
calls-status-closed = Stengt før fristen
calls-status-past = Fristen er ute
calls-status = Status
calls-deadline = Frist
calls-opens-on = Åpner
calls-days-left =
    { $days ->
        [0] siste dag for innsending
        [one] én dag igjen
       *[other] { $days } dager igjen
    }
calls-answered =
    { $count ->
        [0] ingen praksis publisert som svar ennå
        [one] én praksis publisert som svar
       *[other] { $count } praksiser publisert som svar
    }
calls-answered-all = Svar: { $submitted } sendt inn eller lenger, { $published } publisert, { $drafts } utkast.
calls-seeks = Hva utlysningen søker
calls-theme = Tema
calls-any-theme = Alle temaer
calls-objectives = Mål
calls-answers = Publiserte praksiser som svarer på utlysningen
calls-answers-none = Ingen praksis som svarer på utlysningen er publisert ennå.
calls-submit = Send inn en praksis til denne utlysningen
calls-edit = Rediger utlysningen
calls-close = Steng utlysningen nå
calls-close-hint = Å stenge utlysningen før fristen stopper videre innsendinger.
calls-new-title = Ny utlysning av praksiser
calls-edit-title = Rediger utlysningen av praksiser
calls-field-title = Tittel
calls-field-description = Beskrivelse
calls-field-lang = Tekstens språk
calls-field-theme = Tema
calls-field-objectives = Mål det søkes praksiser for
calls-field-opens-on = Åpner
calls-field-deadline = Frist
calls-date-hint = Som ÅÅÅÅ-MM-DD, for eksempel 2027-03-31. Utlysningen er åpen til utgangen av fristdagen (UTC).
calls-save = Lagre utlysningen
calls-error-title = Tittel: skriv en tittel på høyst 300 tegn.
calls-error-description = Beskrivelse: skriv høyst 10 000 tegn.
calls-error-lang = Tekstens språk: velg ett av språkene som tilbys.
calls-error-theme = Tema: velg ett av temaene som tilbys, eller ingen.
calls-error-objectives = Mål det søkes praksiser for: kryss av minst ett mål fra 1 til 23.
calls-error-opens-on = Åpner: skriv en gyldig dato som ÅÅÅÅ-MM-DD.
calls-error-deadline = Frist: skriv en gyldig dato som ÅÅÅÅ-MM-DD.
calls-error-deadline-order = Frist: fristen kan ikke være før åpningsdatoen.
calls-error-go = Gå til feltet
calls-data = Åpne data
calls-date = { $day }. { $month } { $year }
calls-month-1 = januar
calls-month-2 = februar
calls-month-3 = mars
calls-month-4 = april
calls-month-5 = mai
calls-month-6 = juni
calls-month-7 = juli
calls-month-8 = august
calls-month-9 = september
calls-month-10 = oktober
calls-month-11 = november
calls-month-12 = desember
api-error-call-unknown = Denne utlysningen av praksiser finnes ikke.
api-error-call-not-yet-open = Denne utlysningen av praksiser er ikke åpen ennå: den åpner { $date }.
api-error-call-past-deadline = Fristen for denne utlysningen av praksiser ({ $date }) er ute.
api-error-call-closed = Denne utlysningen av praksiser er stengt.
