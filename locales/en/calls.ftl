# Themed calls for practices (routes/practices/calls.rs).
calls-title = Calls for practices
calls-intro = The UN Network on Migration's secretariat calls for practices on a theme or on objectives of the Compact, with a deadline. Organisations answer a call by submitting a practice to it.
calls-new = New call
calls-all = All calls
calls-open = Open calls
calls-upcoming = Upcoming calls
calls-past = Past calls
calls-none-open = No call is open at the moment.
calls-none-past = No past calls.
calls-status-open = Open
calls-status-upcoming = Not open yet
calls-status-closed = Closed early
calls-status-past = Deadline passed
calls-status = Status
calls-deadline = Deadline
calls-opens-on = Opens on
calls-days-left =
    { $days ->
        [0] last day to submit
        [one] one day left
       *[other] { $days } days left
    }
calls-answered =
    { $count ->
        [0] no practice published in answer yet
        [one] one practice published in answer
       *[other] { $count } practices published in answer
    }
calls-answered-all = Answers: { $submitted } submitted or later, { $published } published, { $drafts } drafts.
calls-seeks = What this call seeks
calls-theme = Theme
calls-any-theme = Any theme
calls-objectives = Objectives
calls-answers = Published practices answering this call
calls-answers-none = No practice answering this call has been published yet.
calls-submit = Submit a practice to this call
calls-edit = Edit this call
calls-close = Close this call now
calls-close-hint = Closing the call before its deadline stops further submissions to it.
calls-new-title = New call for practices
calls-edit-title = Edit the call for practices
calls-field-title = Title
calls-field-description = Description
calls-field-lang = Language of the text
calls-field-theme = Theme
calls-field-objectives = Objectives sought
calls-field-opens-on = Opens on
calls-field-deadline = Deadline
calls-date-hint = As YYYY-MM-DD, for example 2027-03-31. The call is open through the end of the deadline day (UTC).
calls-save = Save the call
calls-error-title = Title: enter a title of at most 300 characters.
calls-error-description = Description: write at most 10,000 characters.
calls-error-lang = Language of the text: choose one of the languages offered.
calls-error-theme = Theme: choose one of the themes offered, or none.
calls-error-objectives = Objectives sought: tick at least one objective from 1 to 23.
calls-error-opens-on = Opens on: enter a real date as YYYY-MM-DD.
calls-error-deadline = Deadline: enter a real date as YYYY-MM-DD.
calls-error-deadline-order = Deadline: the deadline cannot be before the opening date.
calls-error-go = Go to the field
calls-data = Open data
calls-date = { $day } { $month } { $year }
calls-month-1 = January
calls-month-2 = February
calls-month-3 = March
calls-month-4 = April
calls-month-5 = May
calls-month-6 = June
calls-month-7 = July
calls-month-8 = August
calls-month-9 = September
calls-month-10 = October
calls-month-11 = November
calls-month-12 = December
api-error-call-unknown = This call for practices does not exist.
api-error-call-not-yet-open = This call for practices is not open yet: it opens on { $date }.
api-error-call-past-deadline = The deadline of this call for practices ({ $date }) has passed.
api-error-call-closed = This call for practices has been closed.
