//! The site shell: home pages, language negotiation, localized errors, headers, assets.

use gcm_web::i18n::{Lang, Tr};

use crate::harness::{TestApp, html as esc};

db_test!(home_page_in_every_language, |app: TestApp| async move {
    for lang in Lang::ALL {
        let (status, html) = app.get_text(&format!("/{}/", lang.code())).await;
        assert_eq!(status, 200, "{lang}");
        assert!(
            html.contains(&format!("<html lang=\"{}\"", lang.code())),
            "{lang}"
        );
        let tr = Tr::new(lang);
        for id in ["nav-compact", "nav-hub", "nav-fund", "home-title"] {
            let text = tr.t(id);
            assert!(html.contains(&esc(&text)), "{lang}: {id} ({text}) missing");
        }
        // Every other language is offered in the switcher, pointing at the same page.
        for other in Lang::ALL {
            assert!(html.contains(&format!(
                "href=\"/{}/\" hreflang=\"{}\"",
                other.code(),
                other.code()
            )));
        }
    }
    // The translations really differ (a missing locale would fall back to English).
    let (_, fr) = app.get_text("/fr/").await;
    assert!(!fr.contains(&esc(&Tr::new(Lang::En).t("home-title"))));
});

db_test!(
    root_redirects_by_accept_language,
    |app: TestApp| async move {
        let cases = [
            (None, "/en/"),
            (Some("fr-CH, fr;q=0.9, en;q=0.8"), "/fr/"),
            (Some("de-DE, es;q=0.5"), "/es/"),
            (Some("nb-NO"), "/nb/"),
            (Some("nl-BE"), "/nl/"),
            (Some("de"), "/en/"),
        ];
        for (accept, target) in cases {
            let res = match accept {
                Some(a) => app.get_with("/", "accept-language", a).await,
                None => app.get("/").await,
            };
            assert_eq!(res.status().as_u16(), 303, "{accept:?}");
            assert_eq!(res.headers()["location"], target, "{accept:?}");
            assert_eq!(res.headers()["vary"], "accept-language");
        }
        let res = app.get("/nl").await;
        assert_eq!(res.status().as_u16(), 308);
        assert_eq!(res.headers()["location"], "/nl/");
    }
);

db_test!(every_area_has_a_page, |app: TestApp| async move {
    for area in gcm_web::pages::Area::ALL {
        let (status, html) = app.get_text(&format!("/es/{}", area.slug())).await;
        assert_eq!(status, 200, "{}", area.slug());
        // The area is marked current in the navigation.
        let label = esc(&Tr::new(Lang::Es).t(&format!("nav-{}", area.slug())));
        let current = format!("aria-current=\"page\">{label}</a>");
        assert!(html.contains(&current), "{}", area.slug());
        // Areas not built yet quote the paragraph of the Compact that mandates them.
        if !matches!(
            area,
            gcm_web::pages::Area::Compact | gcm_web::pages::Area::Practices
        ) {
            let mandate = Tr::new(Lang::Es).t(&format!("area-{}-mandate", area.slug()));
            assert!(html.contains(&esc(&mandate)), "{}", area.slug());
        }
    }
});

db_test!(not_found_pages_are_localized, |app: TestApp| async move {
    let (status, html) = app.get_text("/nl/no-such-page").await;
    assert_eq!(status, 404);
    assert!(html.contains(&esc(&Tr::new(Lang::Nl).t("error-404-title"))));
    assert!(html.contains("<html lang=\"nl\""));
    // The switcher offers the same (missing) path in the other languages.
    assert!(html.contains("href=\"/fr/no-such-page\""));

    // Outside a language prefix, the language comes from Accept-Language.
    let res = app.get_with("/zz/whatever", "accept-language", "fr").await;
    assert_eq!(res.status().as_u16(), 404);
    let html = res.text().await.unwrap();
    assert!(html.contains(&esc(&Tr::new(Lang::Fr).t("error-404-title"))));
});

db_test!(security_and_cache_headers, |app: TestApp| async move {
    let res = app.get("/en/").await;
    let h = res.headers();
    assert!(
        h["content-security-policy"]
            .to_str()
            .unwrap()
            .contains("frame-ancestors 'none'")
    );
    assert_eq!(h["x-content-type-options"], "nosniff");
    assert_eq!(h["x-frame-options"], "DENY");
    assert!(h.contains_key("referrer-policy"));
    let html = res.text().await.unwrap();

    // The stylesheet is linked under a content-hashed name that may be cached for a year.
    let css = html
        .split("rel=\"stylesheet\" href=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .unwrap()
        .to_string();
    assert!(
        css.starts_with("/static/app.") && css.ends_with(".css"),
        "{css}"
    );
    let res = app.get_with(&css, "accept-encoding", "gzip").await;
    assert_eq!(res.status().as_u16(), 200);
    assert!(
        res.headers()["cache-control"]
            .to_str()
            .unwrap()
            .contains("immutable")
    );
    assert_eq!(res.headers()["content-encoding"], "gzip");
    assert!(
        res.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/css")
    );

    assert_eq!(app.get("/static/nothing.css").await.status().as_u16(), 404);

    // Public pages without forms set no cookie (so caches may keep them); a form page hands
    // out the CSRF cookie its form needs.
    assert!(
        app.get("/en/compact")
            .await
            .headers()
            .get("set-cookie")
            .is_none()
    );
    let res = app.get("/en/login").await;
    let cookie = res.headers()["set-cookie"].to_str().unwrap().to_string();
    assert!(
        cookie.starts_with("gcm_csrf=")
            && cookie.contains("HttpOnly")
            && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    // Pages for a signed-in person are private.
    let v = app.signup("cache@example.org", "Cass").await;
    let res = v.get("/en/compact").await;
    assert_eq!(res.headers()["cache-control"], "private, no-cache");
});

db_test!(health_and_metrics, |app: TestApp| async move {
    let (status, health) = app.get_json("/healthz").await;
    assert_eq!(status, 200);
    assert_eq!(health["status"], "ok");
    assert_eq!(health["database"], "ok");

    app.get("/en/").await;
    let (status, text) = app.get_text("/metrics").await;
    assert_eq!(status, 200);
    assert!(text.contains("gcm_http_requests_total"), "{text}");
    assert!(text.contains("route=\"/{lang}/\""), "{text}");
    assert!(text.contains("gcm_http_request_duration_seconds_bucket"));
});

db_test!(health_reports_a_lost_database, |app: TestApp| async move {
    // Closing the pool stands in for a database that went away.
    app.db().close().await;
    let (status, health) = app.get_json("/healthz").await;
    assert_eq!(status, 503);
    assert_eq!(health["database"], "unreachable");
});
