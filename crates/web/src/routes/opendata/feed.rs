//! `GET /data/practices.atom`: an Atom feed (RFC 4287) of the newest published practices, for
//! feed readers and for other platforms that follow the repository.

use axum::extract::State;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use gcm_store::practices::{self, Filter, Sort};

use crate::AppState;
use crate::error::AppResult;

const ENTRIES: i64 = 50;

/// Escapes text for XML content and attribute values.
fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Characters XML 1.0 forbids are dropped rather than breaking the feed.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

pub async fn atom(State(state): State<AppState>) -> AppResult<Response> {
    let base = &state.options.public_url;
    let filter = Filter {
        public_only: true,
        ..Filter::default()
    };
    let (items, _) = practices::list(&state.db, &filter, Sort::Newest, "en", ENTRIES, 0).await?;
    let updated = items
        .iter()
        .filter_map(|p| p.published_at.clone())
        .max()
        .unwrap_or_else(|| "1970-01-01T00:00:00Z".to_string());
    let mut body = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    body.push_str("<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
    body.push_str("  <title>gcm-hub: newly published practices</title>\n");
    body.push_str(&format!("  <id>{}/data/practices.atom</id>\n", xml(base)));
    body.push_str(&format!(
        "  <link rel=\"self\" href=\"{}/data/practices.atom\"/>\n  <link href=\"{}/en/practices\"/>\n",
        xml(base),
        xml(base)
    ));
    body.push_str(&format!("  <updated>{}</updated>\n", xml(&updated)));
    body.push_str("  <author><name>gcm-hub</name></author>\n");
    for p in &items {
        let link = format!("{base}/en/practices/{}", p.id);
        body.push_str("  <entry>\n");
        body.push_str(&format!(
            "    <id>urn:gcm-hub:practice:{}</id>\n",
            xml(&p.external_id)
        ));
        body.push_str(&format!(
            "    <title xml:lang=\"{}\">{}</title>\n",
            xml(&p.lang),
            xml(&p.title)
        ));
        body.push_str(&format!("    <link href=\"{}\"/>\n", xml(&link)));
        body.push_str(&format!(
            "    <updated>{}</updated>\n",
            xml(p.published_at.as_deref().unwrap_or(&updated))
        ));
        body.push_str(&format!(
            "    <summary xml:lang=\"{}\">{}</summary>\n",
            xml(&p.lang),
            xml(&p.summary)
        ));
        for o in &p.objectives {
            body.push_str(&format!(
                "    <category term=\"gcm:obj:{o}\" scheme=\"{}/en/compact/objectives\"/>\n",
                xml(base)
            ));
        }
        for c in &p.countries {
            body.push_str(&format!(
                "    <category term=\"{}\" scheme=\"urn:iso:std:iso:3166:-1:alpha-3\"/>\n",
                xml(c)
            ));
        }
        body.push_str("  </entry>\n");
    }
    body.push_str("</feed>\n");
    Ok((
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/atom+xml; charset=utf-8"),
        )],
        body,
    )
        .into_response())
}

#[cfg(test)]
mod tests {
    use super::xml;

    #[test]
    fn escapes_markup_and_drops_forbidden_characters() {
        assert_eq!(
            xml("a < b & \"c\" 'd' >"),
            "a &lt; b &amp; &quot;c&quot; &apos;d&apos; &gt;"
        );
        assert_eq!(xml("x\u{1}y\tz"), "xy\tz");
    }
}
