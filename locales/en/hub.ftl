# The connection hub: support requests and their processing (GCM para 43(a)).
hub-title = Connection hub
hub-intro = The connection hub helps countries find the support they need to implement the Global Compact for Migration: a member state asks for support, the secretariat assesses the request, and partners with the right expertise and resources help to carry it out.
hub-how = How it works
hub-how-request = A member state's focal point (or a local authority or stakeholder with the government's endorsement) drafts and submits a request for support.
hub-how-assess = The secretariat assesses the request, asks for clarification if needed, and accepts or declines it with reasons.
hub-how-match = Partners with the right expertise, presence and resources are suggested and invited; each partner records its agreement.
hub-how-implement = A lead partner and a workplan with milestones are set, and implementation starts. The requester sees every step.
hub-requests-title = Support requests
hub-requests-summary = Countries' requests for support and where each one stands.
hub-requests-count =
    { $count ->
        [0] No request matches.
        [one] One request.
       *[other] { $count } requests.
    }
hub-offers-title = Offers of support
hub-offers-summary = What organisations offer: training, expertise, funding, peer exchange.
hub-partners-title = Partners
hub-partners-summary = Organisations ready to support implementation, with their expertise and presence.
hub-dashboard-title = Hub dashboard
hub-dashboard-summary = Requests by step, objective and region, and how quickly they are answered.
hub-new = Request support
hub-data = Open data on public requests
hub-any-status = Any step
hub-any-country = Any country
hub-any-objective = Any objective
hub-filter = Filter
hub-draft = Draft
hub-new-title = Request support
hub-edit-title = Edit the request
hub-form-intro = Save a draft at any time and come back to it; submit it when it is complete. Submission needs a description, at least one objective and one kind of support.
hub-actions-hint = References of the Compact's actions, separated by spaces, for example gcm:obj:20:c.
hub-counterparts-hint = One per line: the ministry or agency, a colon, then its part (for example "Ministry of Labour: labour migration policy").
hub-endorsement = Endorsement by the government
hub-endorsement-hint = Needed before submission when the request does not come from a member state's government: the government organisation of the same country that endorsed it, when and how.
hub-save-draft = Save draft
hub-save-submit = Save and submit
hub-edit = Edit the draft
hub-submit = Submit the request
hub-since = since { $date }
hub-awaiting-answer = The secretariat asked a question and is waiting for the requester's answer.
hub-where = Where the request stands
hub-dates = Dates
hub-send-answer = Send the answer
hub-invited-as = Your organisation is invited to partner as { $role }.
hub-accept = Accept
hub-decline = Decline
hub-process = Processing
hub-suggestions = Suggested partners
hub-funding = Funding opportunities
hub-move = Move to this step
hub-reasons-hint = Required to decline or close; shown to the requester. For other steps, advice for the requester.
hub-ask = Ask the requester
hub-invite = Invite
hub-partners = Partners
hub-workplan = Workplan
hub-done = Done
hub-mark-done = Mark done
hub-add-milestone = Add the milestone
hub-similar = Similar practices and requests
hub-connected-on = focal points connected on { $date }
hub-connect = Connect the focal points
hub-withdraw = Withdraw the request
hub-withdraw-invitation = Withdraw the invitation
hub-history = History
hub-similar-objectives = objectives in common: { $list }
hub-similar-countries = countries in common: { $list }
hub-similar-kind-practice = Practice
search-kind-hub_request = Support request
hub-similar-kind-hub-request = Request
hub-link-potential-duplication = Potential duplication
hub-link-peer-exchange = Peer exchange
hub-error-field = Please check the field "{ $name }".
hub-field-org-id = Requesting organisation
hub-field-lang = Language of the request
hub-field-title = Title
hub-field-description = Description
hub-field-country = Country
hub-field-region = Region
hub-field-objectives = Objectives
hub-field-actions = Actions
hub-field-principles = Guiding principles
hub-field-support = Kinds of support sought
hub-field-starts-on = Support wanted from
hub-field-ends-on = Support wanted until
hub-field-timeline = Timeline
hub-field-budget-usd = Budget estimate (US dollars)
hub-field-budget-public = Show the budget publicly
hub-field-is-public = Make the request public once submitted (title, description, objectives, country, kinds of support and steps)
hub-field-languages = Languages the work can be done in
hub-field-counterparts = National counterparts (whole of government)
hub-field-stakeholders-consulted = Stakeholders consulted (whole of society)
hub-field-existing-initiatives = Existing initiatives
hub-field-endorsed-by-org = Endorsing government organisation
hub-field-endorsed-on = Date of the endorsement
hub-field-endorsement-note = Reference of the endorsement
hub-field-status = Step
hub-field-to = Next step
hub-field-reasons = Reasons or advice
hub-field-question = Question for the requester
hub-field-answer = Your answer to the secretariat
hub-field-partner = Partner organisation
hub-field-role = Role
hub-field-override-reason = Why this choice (if it departs from the suggestions)
hub-field-suggested-score = Suggestion score
hub-field-note = Note
hub-field-milestone = Milestone
hub-field-due-on = Due on
hub-field-responsible-org = Responsible partner
hub-field-kind = Kind of link
hub-field-other-id = Linked item
hub-field-other-kind = Kind of linked item
hub-field-text = Text
hub-status-draft = Draft
hub-status-received = Received
hub-status-under-assessment = Under assessment
hub-status-accepted = Accepted
hub-status-declined = Declined
hub-status-matching = Matching with partners
hub-status-implementation-setup = Implementation set-up
hub-status-in-implementation = In implementation
hub-status-completed = Completed
hub-status-closed = Closed
hub-support-technical = Technical assistance
hub-support-financial = Financial support
hub-support-expertise = Human resources and expertise
hub-support-peer-exchange = Peer exchange
hub-role-lead = Lead entity
hub-role-co-implementer = Co-implementer
hub-role-technical-adviser = Technical adviser
hub-role-funder = Funder
hub-partner-invited = Invited
hub-partner-accepted = Accepted
hub-partner-declined = Declined
hub-partner-withdrawn = Withdrawn
hub-event-step = Moved to "{ $step }"
hub-event-drafted = Draft started
hub-event-clarification-asked = The secretariat asked for clarification
hub-event-clarification-answered = The requester answered
hub-event-partner-invited = Partner invited
hub-event-partner-accepted = Partner accepted
hub-event-partner-declined = Partner declined
hub-event-partner-withdrawn = Invitation withdrawn
hub-event-milestone-added = Milestone added
hub-event-milestone-done = Milestone done
hub-event-linked = Similar item flagged
hub-event-connected = Focal points connected
hub-event-reminded = Reminder sent
hub-dashboard-total = Submitted requests
hub-dashboard-open-offers = Open offers
hub-dashboard-times = Response times
hub-dashboard-first-response = From submission to first response
hub-dashboard-setup = From submission to implementation set-up
hub-dashboard-days = median { $median } days, 90th percentile { $p90 } days ({ $count } requests)
hub-dashboard-no-data = no requests measured yet
hub-dashboard-by-status = Requests by step
hub-dashboard-by-objective = Requests by objective
hub-dashboard-by-region = Requests by region
hub-dashboard-count = Requests
api-error-hub-step-out-of-order = A request at the step "{ $from }" cannot move to "{ $to }": steps follow one another in order.
api-error-hub-request-not-draft = Only a draft can be changed; this request has been submitted.
api-error-hub-reference-taken = Many requests were submitted at the same moment; please try again.
api-error-hub-needs-accepted-partner = Implementation set-up needs at least one partner who accepted.
api-error-hub-needs-lead-and-milestone = Implementation can start once a lead partner has accepted and the workplan has at least one milestone.
api-error-hub-request-not-open = This request is closed or still a draft.
api-error-hub-answer-awaited = The last question has not been answered yet.
api-error-hub-no-question = There is no question waiting for an answer.
api-error-hub-not-matching = Partners are invited while the request is being matched or set up.
api-error-hub-already-invited = This organisation has already been invited to this request.
api-error-hub-already-answered = This invitation has already been answered.
api-error-hub-already-withdrawn = This invitation has already been withdrawn.
api-error-hub-not-in-setup = Milestones are set during implementation set-up and implementation.
api-error-hub-milestone-done = This milestone is already done.
api-error-hub-no-organisation = The linked practice names no organisation to connect with.
api-error-hub-no-focal-point = One of the two organisations has no focal point to connect.

## Letters of the connection hub ($link is the request's page in the reader's language)
mail-hub-submitted-subject = New support request { $reference }: { $title }
mail-hub-submitted-body = { $org } submitted the support request { $reference } ("{ $title }") to the connection hub.

    Please assess it: { $link }
mail-hub-step-subject = { $reference }: now { $to }
mail-hub-step-body = Your support request { $reference } ("{ $title }") moved from "{ $from }" to "{ $to }".{ $reasons }

    { $link }
mail-hub-reasons = Reasons and advice from the secretariat: { $text }
mail-hub-question-subject = { $reference }: the secretariat asks a question
mail-hub-question-body = The secretariat asks about your support request { $reference }:

    { $text }

    Answer on the request's page: { $link }
mail-hub-answered-subject = { $reference }: the requester answered
mail-hub-answered-body = { $org } answered about { $reference }:

    { $text }

    { $link }
mail-hub-reminder-subject = Reminder: { $reference } is waiting
mail-hub-reminder-body = The support request { $reference } ("{ $title }") has been waiting at the step "{ $status }" for more than { $days } days, and needs you to act: { $link }
mail-hub-invitation-subject = { $reference }: invitation to partner
mail-hub-invitation-body = The connection hub's secretariat invites { $org } to support the request { $reference } as { $role }. Read the request and answer: { $link }
mail-hub-answer-subject = { $answer ->
        [accept] { $reference }: { $org } accepted
       *[decline] { $reference }: { $org } declined
    }
mail-hub-answer-body = { $answer ->
        [accept] { $org } accepted the invitation to support { $reference } as { $role }.
       *[decline] { $org } declined the invitation to support { $reference } as { $role }.
    }

    { $link }
mail-hub-withdrawn-subject = { $reference }: invitation withdrawn
mail-hub-withdrawn-body = The connection hub's secretariat withdrew the invitation of { $org } to support { $reference }.

    { $link }
mail-hub-connect-subject = { $reference }: meet a peer working on the same question
mail-hub-connect-body = { $side ->
        [requester] The connection hub's secretariat puts you in touch with { $peers } about work similar to your support request { $reference }.
       *[peer] The connection hub's secretariat puts you in touch with { $peers } about the support request { $reference }, which is similar to your work.
    }

    { $link }
