## Site shell
site-name = gcm-hub
site-tagline = Implementing, funding and reviewing the Global Compact for Safe, Orderly and Regular Migration
skip-to-content = Skip to main content
nav-label = Main navigation
nav-home = Home
nav-compact = The Compact
nav-practices = Practices
nav-hub = Connection hub
nav-fund = Start-up fund
nav-pledges = Pledges
nav-reviews = Reviews
nav-network = Network
nav-data = Data
language-label = Language
language-switch-to = Read this page in { $language }
footer-about = gcm-hub is open-source software for the follow-up of UN General Assembly resolution 73/195.
footer-api = API documentation
footer-openapi = OpenAPI document
footer-health = Service status
footer-license = Licensed under Apache 2.0

lang-en = English
lang-fr = Français
lang-es = Español
lang-nb = Norsk bokmål
lang-nl = Nederlands

## Home page
home-title = A shared place to implement the Global Compact for Migration
home-intro = The Global Compact for Safe, Orderly and Regular Migration, adopted by the UN General Assembly in resolution 73/195 in December 2018, sets 23 objectives under 10 cross-cutting guiding principles. gcm-hub brings together what its implementation and follow-up chapters describe: a capacity-building mechanism, the UN Network on Migration and its Hub, and the review of progress.
home-audience = For member-state focal points, UN entities, civil society, migrant and diaspora organisations, local authorities, trade unions, the private sector, academia, peer reviewers and the public.
home-facts-label = The Compact in figures
home-fact-objectives = { $count } objectives
home-fact-principles = { $count } guiding principles
home-fact-languages = { $count } languages
home-areas-title = What you can do here
home-area-open = Open { $area }

## Areas of the platform (landing pages)
area-compact-summary = The Compact's 23 objectives, their commitments and actions, and the 10 guiding principles, in every language held, with crosswalks to the GFMD thematic clusters, the civil-society action plan and the Sustainable Development Goals.
area-compact-mandate = The Compact rests on 23 objectives, each a commitment followed by a range of actions drawn from relevant policy instruments and best practices (paragraphs 16 to 39).
area-practices-summary = A global knowledge platform: an open repository of evidence, practices and initiatives, peer-reviewed against the Compact's objectives and guiding principles.
area-practices-mandate = Paragraph 43 (c): a global knowledge platform as an online open data source that serves as a repository of existing evidence, practices and initiatives, and facilitates the accessibility of knowledge and the sharing of solutions.
area-hub-summary = Countries ask for support to develop solutions; the connection hub assesses each request, proposes implementing partners and similar initiatives, and sets up implementation and funding.
area-hub-mandate = Paragraph 43 (a): a connection hub that facilitates demand-driven, tailor-made and integrated solutions, by advising on, assessing and processing country requests.
area-fund-summary = Seed funding for projects: voluntary contributions received, concept notes assessed by the steering committee, and every grant accounted for.
area-fund-mandate = Paragraph 43 (b): a start-up fund for initial financing to realise project-oriented solutions, receiving voluntary contributions from member states and other stakeholders.
area-pledges-summary = Measurable commitments by governments and stakeholders to the Compact's objectives and guiding principles, and the progress made on them.
area-pledges-mandate = The pledging initiative of the UN Network on Migration invites measurable commitments in support of the Compact's implementation.
area-reviews-summary = National implementation plans and voluntary reviews, regional reviews and the International Migration Review Forum.
area-reviews-mandate = Paragraphs 48 to 54: follow-up and review at national, regional and global level, with the International Migration Review Forum every four years from 2022.
area-network-summary = The UN Network on Migration: its member entities, executive committee, workstreams, country and regional networks, champion countries, discussion spaces, experts and events.
area-network-mandate = Paragraph 45: the Secretary-General establishes a United Nations network on migration to ensure effective and coherent system-wide support to implementation.
area-data-summary = Open data: every public item as CSV and JSON with a data dictionary, indicators and country profiles.
area-data-mandate = Objective 1: collect and utilize accurate and disaggregated data as a basis for evidence-based policies.
area-in-this-area = In this area
area-coming = This area is being built. The paragraph of the Compact that mandates it is quoted above; its data and services will appear here.

## Errors (pages)
error-404-title = Page not found
error-404-body = We could not find the page at this address. It may have moved, or the address may be mistyped.
error-500-title = Something went wrong on our side
error-500-body = The page could not be shown because of an internal error. It has been logged; please try again in a moment.
error-back-home = Go to the home page
error-code = Error code: { $code }

## Errors (API messages, keyed by error code)
api-error-not-found = The resource was not found.
api-error-route-not-found = There is no API endpoint at this path.
api-error-method-not-allowed = This method is not allowed on this endpoint.
api-error-bad-request = The request is malformed.
api-error-invalid-parameter = The parameter "{ $name }" is not valid.
api-error-unauthorized = You must be signed in or send an API token.
api-error-forbidden = You are not allowed to do this.
api-error-conflict = The request conflicts with the current state of the resource.
api-error-payload-too-large = The request body is too large.
api-error-unprocessable = The request could not be processed.
api-error-rate-limited = Too many requests; please slow down.
api-error-internal = An internal error occurred. It has been logged.
api-error-unavailable = The service is temporarily unavailable.

## The Compact
compact-title = The Global Compact for Safe, Orderly and Regular Migration
compact-intro = Adopted by the UN General Assembly in resolution 73/195 (December 2018). Its 23 objectives each begin with a commitment, followed by actions drawn from policy instruments and good practice; ten cross-cutting guiding principles apply to all of them.
compact-objectives = The 23 objectives
compact-principles = The 10 guiding principles
compact-chapters = Chapters
compact-frameworks = Other frameworks and crosswalks
compact-alignment = Alignment of the translations
compact-compare = Compare two translations
compact-source-translation = Text of the unofficial { $language } translation of the final draft (11 July 2018).
compact-source-summary = Summaries written by gcm-hub in English, not the official text of the Compact.
compact-objective-n = Objective { $number }
compact-commitment = Commitment
compact-paragraph-n = Paragraph { $number }
compact-actions = Actions
compact-action-anchor = Link to action { $letter }
compact-not-in-translation = Not available in this translation.
compact-linked-here = Linked here
compact-linked-here-intro = Items on this platform tagged with this objective or one of its actions.
compact-previous = Previous objective
compact-next = Next objective
compact-breadcrumb = You are here
compact-left = Left column
compact-right = Right column
compact-show = Show
compact-gaps = Places where the translations do not line up
compact-gaps-intro = The extractor compares the Norwegian and Dutch translations element by element and lists every place where they differ, instead of silently misaligning them.
compact-gap-location = Reference
compact-gap-kind = Kind
compact-gap-missing-in = Missing in
compact-gap-description = What was found
compact-gap-resolution = How it was handled
compact-no-gaps = No gaps were found.
compact-section-preamble = Preamble
compact-section-vision = Our vision and guiding principles
compact-section-cooperative-framework = Our cooperative framework
compact-section-objectives = Objectives and commitments
compact-section-implementation = Implementation
compact-section-follow-up = Follow-up and review
kind-practice = Practices
kind-pledge = Pledges
kind-request = Support requests
kind-project = Projects
kind-review = Reviews
api-error-invalid-reference = "{ $reference }" is not a valid reference (expected e.g. gcm:obj:20, gcm:obj:20:c, gcm:para:43:a:iii, gcm:gp:human-rights).
api-error-unknown-reference = The reference "{ $reference }" does not point to anything in the Compact or the frameworks.
compact-frameworks-intro = Other frameworks the Compact is implemented alongside, each item linked to the objectives it relates to. A link is marked as stated in the source document, or as derived by gcm-hub where the source does not state it.
compact-framework-items = Items
compact-framework-item = Item
compact-framework-objectives = Related objectives
compact-basis-stated-in-source = stated in the source
compact-basis-derived = derived by gcm-hub
compact-crosswalk = Related items in other frameworks
compact-crosswalk-none = No framework item is linked to this objective.
compact-text-in-english = This text is in English.

## Accounts
account-nav-label = Your account
nav-admin = Administration
nav-organisations = Organisations
sign-in = Sign in
sign-up = Create an account
sign-out = Sign out
field-email = E-mail address
field-password = Password
field-password-new = New password
field-password-hint = At least 10 characters. A passphrase of several words is easy to remember and hard to guess.
field-display-name = Your name
field-required = required
login-title = Sign in
login-submit = Sign in
login-no-account = No account yet?
login-forgot = Forgot your password?
login-failed = The e-mail address or password is wrong.
login-locked = Too many failed attempts: this account is locked for a while. Try again later or reset your password.
login-throttled = Too many failed sign-ins from your network. Please wait a few minutes.
signup-title = Create an account
signup-intro = An account lets you contribute on behalf of your organisation: practices, requests for support, pledges and reviews. Reading everything on gcm-hub needs no account.
signup-submit = Create account
signup-email-taken = An account with this e-mail address already exists. Sign in, or reset your password.
signup-check-mail = Your account is ready. We sent a link to { $email } to confirm your address.
setup-title = Set up gcm-hub
setup-intro = No administrator exists yet. Create the first administrator account; this link works once.
setup-submit = Create administrator
setup-link-invalid = This setup link is invalid, expired or already used. Run gcm-hub serve again on an empty instance, or gcm-hub admin create-user, to get a new one.
verify-title = Confirm your e-mail address
verify-intro = Confirm that this address is yours.
verify-submit = Confirm address
verify-done = Your e-mail address is confirmed.
link-invalid = This link is invalid, expired or already used.
reset-request-title = Reset your password
reset-request-intro = Enter your e-mail address. If an account uses it, we will send a link to choose a new password.
reset-request-submit = Send link
reset-request-sent = If an account uses this address, a link to reset its password is on its way.
reset-title = Choose a new password
reset-submit = Save new password
reset-done = Your password is changed. Please sign in; all your other sessions were signed out.
account-title = Your account
account-verified = Confirmed
account-unverified = Not confirmed yet
account-resend = Send the confirmation link again
account-resent = A new confirmation link is on its way.
account-roles = Platform roles
account-no-roles = None
account-organisations = Your organisations
account-no-organisations = You do not belong to an organisation yet.
account-sessions = Signed-in devices
account-sessions-count = You are signed in on { $count } device(s).
account-sign-out-everywhere = Sign out everywhere
account-signed-out-everywhere = You were signed out everywhere else.
account-tokens = API tokens
account-tokens-intro = Tokens let programs use the JSON API on your behalf. A token is shown once; keep it secret.
account-token-name = Token name
account-token-scope = Access
account-token-scope-read = Read only
account-token-scope-write = Read and write
account-token-create = Create token
account-token-created = Your new token (shown only now):
account-token-revoke = Revoke
account-token-revoked = Revoked
account-token-never-used = never used
account-no-tokens = No tokens.
account-data = Your data
account-export = Download all your data (JSON)
account-close = Close your account
account-close-intro = Closing your account removes your name and e-mail address, signs you out everywhere and revokes your tokens. What you contributed stays, attributed to your organisation. This cannot be undone.
account-close-confirm = Type your e-mail address to confirm
account-close-submit = Close my account
account-close-mismatch = The address you typed does not match your account.
account-closed = Your account is closed.
col-name = Name
col-created = Created
col-last-used = Last used
col-status = Status
col-actions = Actions
role-administrator = Administrator
role-secretariat = Network secretariat
role-reviewer = Peer reviewer
role-fund_committee = Fund steering committee
role-moderator = Moderator
org-role-focal_point = Focal point
org-role-editor = Editor
org-role-member = Member
mail-verify-subject = Confirm your e-mail address for gcm-hub
mail-verify-body = Hello { $name },

    please confirm your e-mail address for gcm-hub by opening this link (valid for 3 days):
    { $link }

    If you did not create an account, ignore this message.
mail-reset-subject = Reset your gcm-hub password
mail-reset-body = Hello { $name },

    someone asked to reset the password of your gcm-hub account. To choose a new password, open this link (valid for 2 hours):
    { $link }

    If it was not you, ignore this message: your password stays as it is.
api-error-csrf-failed = The form expired or did not come from this site. Reload the page and try again.
api-error-invalid-token = The API token is invalid or revoked.
api-error-insufficient-scope = This API token may only read.
api-error-email-invalid = The e-mail address is not valid.
api-error-password-too-short = The password must have at least 10 characters.
api-error-password-too-long = The password is too long.
api-error-name-missing = Please give a name.
