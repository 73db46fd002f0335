# The connection hub's partner side: profiles, offers, suggestions and funding (routes/partners/).
partners-hub = Connection hub
partners-title = Partners
partners-intro = Organisations that can support countries in implementing the Compact: their declared expertise by objective, where they work, their capacity and what the platform shows of their work.
partners-count =
    { $count ->
        [0] No organisation matches.
        [one] One organisation.
       *[other] { $count } organisations.
    }
partners-country = Country
partners-country-hint = ISO code of three letters, e.g. SEN.
partners-region = Region
partners-edit = Edit the partner profile
partners-edit-of = Partner profile of { $org }
partners-org-page = Page of the organisation
partners-no-profile = This organisation has not filled in its partner profile yet; what follows is what the platform shows of its work.
partners-expertise = Expertise by objective
partners-expertise-hint = For each objective, how central it is to your work. Leave "none" where you have no expertise.
partners-level-none = None
partners-level-1 = Some expertise
partners-level-2 = Substantial expertise
partners-level-3 = Core mandate
partners-capacity = Capacity and presence
partners-home-country = Home country
partners-presence = Works in
partners-staff = Staff
partners-budget = Annual budget for migration work
partners-languages = Working languages
partners-languages-hint = Language codes separated by spaces, e.g. fr en.
partners-not-declared = Not stated
partners-staff-up_to_10 = Up to 10 people
partners-staff-up_to_50 = 11 to 50 people
partners-staff-up_to_250 = 51 to 250 people
partners-staff-up_to_1000 = 251 to 1,000 people
partners-staff-over_1000 = More than 1,000 people
partners-budget-up_to_1m = Up to USD 1 million
partners-budget-up_to_10m = USD 1 to 10 million
partners-budget-up_to_100m = USD 10 to 100 million
partners-budget-over_100m = More than USD 100 million
partners-priorities = Funding priorities
partners-priorities-hint = As a donor: the objectives and regions you fund and the largest grant you make. Leave a row empty to add nothing.
partners-priority-of = Funding priority of { $org }
partners-any-objective = Any objective
partners-anywhere = Anywhere
partners-any-language = Any language
partners-ceiling-up-to = up to { $amount }
partners-evidence = What the platform shows
partners-practices =
    { $count ->
        [0] No published practice.
        [one] One published practice.
       *[other] { $count } published practices.
    }
partners-partnerships =
    { $count ->
        [0] No hub partnership yet.
        [one] Partner in one hub request.
       *[other] Partner in { $count } hub requests.
    }
partners-by-objective = Published practices by objective
partners-by-country = Published practices by country
partners-practices-col = Practices
partners-field-summary = What the organisation offers, in a few lines
partners-field-countries = Countries
partners-countries-hint = ISO codes of three letters separated by spaces, e.g. SEN MLI GHA.
partners-field-regions = Regions
partners-field-ceiling = Largest amount (USD)
partners-field-note = Note
partners-field-until = Offer stands until
partners-save = Save the profile
partners-error-summary = The summary is too long.
partners-error-languages = A working language is not a language code of two letters (e.g. fr).
partners-error-expertise = An objective of the expertise is not one of the Compact's 23 objectives.
partners-error-expertise-level = A level of expertise must be 1, 2 or 3.
partners-error-countries = A country is not a known ISO code (use three letters, e.g. SEN).
partners-error-regions = A region is not a known UN M49 region.
partners-error-priorities = There are too many funding priorities.
partners-error-priority-objective = The objective of a funding priority is not one of the 23 objectives.
partners-error-priority-region = The region of a funding priority is not a known UN M49 region.
partners-error-priority-ceiling = The largest grant must be a whole positive number of US dollars.
partners-error-priority-note = The note of a funding priority is too long.
partners-error-staff-range = Choose the staff from the list.
partners-error-budget-range = Choose the budget from the list.
partners-error-support-kind = Choose the kind of support from the list.
partners-error-title = Give the offer a title of at most 300 characters.
partners-error-description = The description is too long.
partners-error-lang = Choose the language the offer is written in.
partners-error-objectives = Choose at least one objective of the Compact.
partners-error-ceiling-usd = The largest amount must be a whole positive number of US dollars.
partners-error-until-on = Write the date as YYYY-MM-DD.
partners-error-org-id = Choose the organisation that offers the support.
partners-offers-title = Offers of support
partners-offers-intro = Support that organisations offer to countries implementing the Compact: technical support, funding, expertise and peer exchange. Offers are matched to countries' requests.
partners-offers-count =
    { $count ->
        [0] No offer matches.
        [one] One offer.
       *[other] { $count } offers.
    }
partners-offers-closed-too = Include closed offers
partners-offer-new = Publish an offer of support
partners-offer-publish = Publish the offer
partners-offer-open = Open
partners-offer-closed = Closed
partners-offer-close = Close this offer
partners-offer = Offer
partners-offered-by = Offered by
partners-offer-countries-hint = Where the offer applies; leave countries and regions empty for anywhere.
partners-until = until { $date }
partners-where = Where
partners-kind = Kind of support
partners-kind-technical = Technical support
partners-kind-financial = Financial support
partners-kind-expertise = Expertise and human resources
partners-kind-peer_exchange = Peer exchange
partners-matched-requests = Requests this offer matches
partners-matched-requests-caption = Requests seeking support that match this offer, best first
partners-matched-requests-none = No request seeking support matches this offer at the moment.
partners-request = Request
partners-shared-objectives = Objectives in common
partners-score = Score
partners-suggestions = Partner suggestions
partners-suggestions-for = Partner suggestions for { $request }
partners-suggestions-how = Each organisation is scored from 0 to 1 on five factors: objective fit, presence, track record, capacity and language. The table says why; the secretariat may invite any organisation, with a reason when it departs from the ranking.
partners-suggestions-none = No organisation fits this request's objectives yet.
partners-score-of = score { $score }
partners-likely-role = Likely role: { $role }
partners-why = Why { $org } is suggested
partners-factor = Factor
partners-weight = Weight
partners-reason = Why
partners-factor-objective-fit = Objective fit
partners-factor-presence = Presence
partners-factor-track-record = Track record
partners-factor-capacity = Capacity
partners-factor-language = Language
partners-role = Role
partners-role-lead = Lead
partners-role-co_implementer = Co-implementer
partners-role-technical_adviser = Technical adviser
partners-role-funder = Funder
partners-invite = Invite
partners-invite-role = Invite { $org } as
partners-invite-other = Invite an organisation that was not suggested
partners-organisation = Organisation
partners-find-org = Find an organisation by name
partners-find = Find
partners-find-none = No organisation that was not suggested has “{ $text }” in its name.
partners-override-reason = Why this organisation
partners-override-reason-optional = Reason if you depart from the ranking (optional)
partners-override-hint = Required: the reason is kept with the invitation and shown to the requester.
partners-matching-offers = Offers of support matching this request
partners-matching-offers-none = No open offer matches this request.
partners-reason-declared = Declares { $level } on objective { $objective }.
partners-reason-practices-only = Has published practices on { $objectives }.
partners-reason-missing = Nothing on { $objectives }.
partners-reason-in-country = Works in the country.
partners-reason-in-region = Works in { $region }.
partners-reason-worldwide = Works worldwide.
partners-reason-not-present = Works neither in the country nor in its region.
partners-reason-no-place = The request names no country.
partners-reason-track = { $objectives } published practices on these objectives, { $country } in the country, { $region } in the region; { $partnerships } hub partnerships.
partners-reason-staff = Staff: { $staff }.
partners-reason-budget = Budget: { $budget }.
partners-reason-covers = Its annual budget is larger than the request's budget.
partners-reason-not-covers = Its annual budget is smaller than the request's budget.
partners-reason-not-declared = Not stated in its profile.
partners-reason-languages = Works in { $languages }.
partners-reason-no-language = Works in none of the request's languages.
partners-reason-any-language = The request accepts any language.
partners-funding = Funding opportunities
partners-funding-for = Funding opportunities for { $request }
partners-funding-how = Offers of financial support and the funding priorities donors state in their profiles, ranked by objectives, region and whether their ceiling covers the request's budget.
partners-funding-none = No funding opportunity matches this request yet.
partners-request-budget = budget { $amount }
partners-source = Source
partners-source-offer = Offer
partners-source-priority = Donor priority
partners-covers = Covers the budget
partners-covers-yes = Yes
partners-covers-no = No
partners-covers-unknown = Unknown
