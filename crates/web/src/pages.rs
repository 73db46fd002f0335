//! What every HTML page shares: the chrome (language, navigation, language switcher, asset
//! URLs) and the page templates of the shell (home, area landing pages, errors).

use askama::Template;

use crate::AppState;
use crate::i18n::{Lang, Tr};

/// The areas of the platform, in navigation order. Each is a chapter of the Compact's
/// implementation and follow-up (paras 40-54) or the Compact itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Area {
    Compact,
    Practices,
    Hub,
    Fund,
    Pledges,
    Reviews,
    Network,
    Data,
}

impl Area {
    pub const ALL: [Area; 8] = [
        Area::Compact,
        Area::Practices,
        Area::Hub,
        Area::Fund,
        Area::Pledges,
        Area::Reviews,
        Area::Network,
        Area::Data,
    ];

    /// The path segment under `/{lang}/`.
    pub fn slug(self) -> &'static str {
        match self {
            Area::Compact => "compact",
            Area::Practices => "practices",
            Area::Hub => "hub",
            Area::Fund => "fund",
            Area::Pledges => "pledges",
            Area::Reviews => "reviews",
            Area::Network => "network",
            Area::Data => "data",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Area> {
        Area::ALL.into_iter().find(|a| a.slug() == slug)
    }
}

/// A link in the main navigation.
pub struct NavItem {
    pub href: String,
    pub label: String,
    pub current: bool,
}

/// A link in the language switcher (also emitted as `<link rel="alternate" hreflang>`).
pub struct Alternate {
    pub code: &'static str,
    pub name: String,
    pub href: String,
    pub current: bool,
}

/// The frame around every page.
pub struct Chrome {
    pub tr: Tr,
    pub lang: Lang,
    pub css: String,
    pub favicon: String,
    pub nav: Vec<NavItem>,
    pub alternates: Vec<Alternate>,
    pub home_href: String,
    pub home_current: bool,
    /// The signed-in person's name, for the header's account link.
    pub account_name: Option<String>,
    pub is_admin: bool,
    session_csrf: Option<String>,
    anon_csrf: std::sync::Arc<crate::auth::AnonCsrf>,
    /// The path of this page (for `next=` after signing in).
    pub here: String,
}

impl Chrome {
    /// `rest` is the path after `/{lang}` (starting with `/`), so the language switcher can
    /// point at the same page in every language.
    pub fn new(
        state: &AppState,
        auth: &crate::auth::Auth,
        lang: Lang,
        rest: &str,
        active: Option<Area>,
    ) -> Self {
        let tr = Tr::new(lang);
        let rest = if rest.starts_with('/') { rest } else { "/" };
        let nav = Area::ALL
            .into_iter()
            .map(|area| NavItem {
                href: format!("/{}/{}", lang.code(), area.slug()),
                label: tr.t(&format!("nav-{}", area.slug())),
                current: active == Some(area),
            })
            .collect();
        let alternates = Lang::ALL
            .into_iter()
            .map(|l| Alternate {
                code: l.code(),
                name: l.endonym(),
                href: format!("/{}{}", l.code(), rest),
                current: l == lang,
            })
            .collect();
        Chrome {
            tr,
            lang,
            css: state.assets.url("app.css"),
            favicon: state.assets.url("favicon.svg"),
            nav,
            alternates,
            home_href: format!("/{}/", lang.code()),
            home_current: rest == "/",
            account_name: auth.user().map(|u| u.display_name.clone()),
            is_admin: auth.user().is_some_and(|u| {
                u.roles
                    .contains(&gcm_core::accounts::PlatformRole::Administrator)
            }),
            session_csrf: auth.signed_in.as_ref().map(|s| s.csrf_token.clone()),
            anon_csrf: auth.anon_csrf.clone(),
            here: format!("/{}{}", lang.code(), rest),
        }
    }
}

impl Chrome {
    /// The CSRF token for a form on this page. Asking for it is what makes an anonymous
    /// visitor get the CSRF cookie, so pages without forms set no cookie and stay cacheable.
    pub fn csrf(&self) -> &str {
        match &self.session_csrf {
            Some(t) => t,
            None => self.anon_csrf.token(),
        }
    }
}

/// Renders a template; a template error (a bug, never bad input) becomes a logged, plain page.
pub fn render<T: Template>(t: &T) -> String {
    t.render().unwrap_or_else(|e| {
        tracing::error!(error = %e, "template failed to render");
        String::from("<!doctype html><title>gcm-hub</title><p>Internal error.</p>")
    })
}

#[derive(Template)]
#[template(path = "home.html")]
pub struct HomePage {
    pub c: Chrome,
    pub areas: Vec<AreaCard>,
    pub objectives: i64,
    pub principles: i64,
    pub languages: i64,
}

pub struct AreaCard {
    pub href: String,
    pub title: String,
    pub summary: String,
}

#[derive(Template)]
#[template(path = "area.html")]
pub struct AreaPage {
    pub c: Chrome,
    pub title: String,
    pub summary: String,
    pub mandate: String,
}

#[derive(Template)]
#[template(path = "error.html")]
pub struct ErrorPage {
    pub c: Chrome,
    pub status: u16,
    pub code: String,
    pub not_found: bool,
    pub message: String,
}
