//! The OpenAPI document, generated from the handlers' `#[utoipa::path]` annotations, and the
//! vendored Swagger UI that renders it at `/api/docs` (nothing is downloaded at build or run
//! time: utoipa-swagger-ui's `vendored` feature ships the files in the binary).

use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use utoipa_swagger_ui::SwaggerUi;

use crate::AppState;
use crate::error::{ErrorBody, ErrorEnvelope};
use crate::routes::api;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "gcm-hub API",
        description = "Open API of gcm-hub, the platform for implementing, funding and reviewing \
                       the Global Compact for Safe, Orderly and Regular Migration. Errors use one \
                       envelope: `{\"error\":{\"code\",\"message\",\"details\"}}`; messages follow \
                       `?lang=` (en, fr, es, nb, nl) or `Accept-Language`. Lists return \
                       `{\"items\",\"total\",\"next\"}`.",
        license(name = "Apache-2.0", identifier = "Apache-2.0"),
    ),
    components(schemas(ErrorEnvelope, ErrorBody)),
    modifiers(&BearerAuth),
    tags(
        (name = "meta", description = "About this gcm-hub instance"),
        (name = "accounts", description = "Accounts, API tokens and organisations"),
        (name = "practices", description = "The global knowledge platform: practices (GCM para 43(c))"),
        (name = "hub", description = "The connection hub (GCM para 43(a)): countries' support requests and their processing, partner profiles, offers of support, partner suggestions and funding opportunities"),
        (name = "search", description = "Search across everything, in five languages, and similar items"),
        (name = "compact", description = "The Global Compact for Migration as data: objectives, actions, guiding principles, paragraphs"),
    )
)]
pub struct ApiDoc;

/// Declares the `bearer` security scheme: API tokens created on the account page or through
/// `POST /api/v1/tokens`, sent as `Authorization: Bearer gcmhub_…`.
struct BearerAuth;

impl utoipa::Modify for BearerAuth {
    fn modify(&self, doc: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
        let components = doc.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(Http::new(HttpAuthScheme::Bearer)),
        );
    }
}

/// The `/api/v1` routes together with their documentation.
pub fn api_router() -> OpenApiRouter<AppState> {
    let r = OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(api::info::info))
        .routes(routes!(api::compact::objectives))
        .routes(routes!(api::compact::objective))
        .routes(routes!(api::compact::principles))
        .routes(routes!(api::compact::resolve))
        .routes(routes!(api::compact::frameworks))
        .routes(routes!(api::compact::framework))
        .routes(routes!(api::accounts::me, api::accounts::update_me))
        .routes(routes!(
            api::accounts::list_tokens,
            api::accounts::create_token
        ))
        .routes(routes!(api::accounts::revoke_token))
        .routes(routes!(api::orgs::list, api::orgs::create))
        .routes(routes!(api::orgs::get))
        .routes(routes!(api::practices::list))
        .routes(routes!(api::practices::get))
        .routes(routes!(crate::routes::practices::recommendations::api))
        .routes(routes!(
            crate::routes::practices::resources::api_list,
            crate::routes::practices::resources::api_create
        ));
    let r = crate::routes::practices::submit::api(r);
    let r = crate::routes::practices::review::api(r);
    let r = crate::routes::practices::calls::api(r);
    let r = crate::routes::practices::import::api(r);
    let r = crate::routes::hub::api(r);
    let r = crate::routes::partners::api(r);
    crate::routes::search::api(r)
}

/// The OpenAPI document alone (for the snapshot test and `gcm-hub openapi`).
pub fn document() -> utoipa::openapi::OpenApi {
    api_router().split_for_parts().1
}

/// Swagger UI at `/api/docs`, and the document at `/api/v1/openapi.json`.
pub fn swagger_ui(doc: utoipa::openapi::OpenApi) -> SwaggerUi {
    SwaggerUi::new("/api/docs").url("/api/v1/openapi.json", doc)
}
