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
