//! The index schema and the handles of its fields.
//!
//! Text is indexed in the field of its language (`title_xx`, `body_xx`, each with that
//! language's analyzer, stored for snippets and "similar items") and in `all`, a
//! language-neutral field for exact and prefix matching. Filters use raw-string indexed
//! fields; facets read one multi-valued fast field, `facet`, holding every facet value of a
//! document as `name\u{1f}value`, so counting a match costs one column read; visibility is a list of audience tokens (`public`, `org:…`, `user:…`,
//! `role:…`) so the viewer filter runs inside the index.

use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions,
};

use crate::analysis::{NEUTRAL, analyzer_name};
use crate::lang::LANGS;

/// Field handles.
#[derive(Debug, Clone)]
pub struct Fields {
    pub schema: Schema,
    pub key: Field,
    pub kind: Field,
    pub id: Field,
    pub title: Field,
    pub title_sort: Field,
    /// `(lang, title field, body field)` per language of [`LANGS`].
    pub text: Vec<(&'static str, Field, Field)>,
    pub all: Field,
    pub objective: Field,
    pub principle: Field,
    pub country: Field,
    pub region: Field,
    pub theme: Field,
    pub lang: Field,
    pub org_kind: Field,
    pub year: Field,
    pub url: Field,
    pub visibility: Field,
    /// Every facet value of a document, `name\u{1f}value` (see [`facet_value`]).
    pub facet: Field,
}

/// Facets counted for every search, by their names in results.
pub const FACETS: [&str; 9] = [
    "kind",
    "objective",
    "principle",
    "country",
    "region",
    "theme",
    "lang",
    "org_kind",
    "year",
];

/// Separates a facet's name from its value in the `facet` field (a control character, so it
/// never occurs in a value).
pub const FACET_SEPARATOR: char = '\u{1f}';

/// The `facet` field's entry for one value of facet `name`.
pub fn facet_value(name: &str, value: &str) -> String {
    format!("{name}{FACET_SEPARATOR}{value}")
}

fn analysed(tokenizer: &str, stored: bool) -> TextOptions {
    let options = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(tokenizer)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    if stored {
        options.set_stored()
    } else {
        options
    }
}

impl Fields {
    /// Builds the schema.
    pub fn build() -> Fields {
        let mut b = Schema::builder();
        let key = b.add_text_field("key", STRING | STORED);
        let kind = b.add_text_field("kind", STRING | STORED);
        let id = b.add_text_field("id", STRING | STORED);
        let title = b.add_text_field("title", STORED);
        let title_sort = b.add_text_field("title_sort", STRING | FAST);
        let text = LANGS
            .iter()
            .map(|lang| {
                let name = analyzer_name(lang);
                let t = b.add_text_field(&format!("title_{lang}"), analysed(&name, true));
                let body = b.add_text_field(&format!("body_{lang}"), analysed(&name, true));
                (*lang, t, body)
            })
            .collect();
        let all = b.add_text_field("all", analysed(NEUTRAL, false));
        let objective = b.add_u64_field("objective", INDEXED | STORED);
        let principle = b.add_text_field("principle", STRING | STORED);
        let country = b.add_text_field("country", STRING | STORED);
        let region = b.add_text_field("region", STRING | STORED);
        let theme = b.add_text_field("theme", STRING | STORED);
        let lang = b.add_text_field("lang", STRING | STORED);
        let org_kind = b.add_text_field("org_kind", STRING | STORED);
        let year = b.add_i64_field("year", INDEXED | FAST | STORED);
        let url = b.add_text_field("url", STORED);
        let visibility = b.add_text_field("visibility", STRING);
        let facet = b.add_text_field("facet", TextOptions::default().set_fast("raw"));
        Fields {
            schema: b.build(),
            key,
            kind,
            id,
            title,
            title_sort,
            text,
            all,
            objective,
            principle,
            country,
            region,
            theme,
            lang,
            org_kind,
            year,
            url,
            visibility,
            facet,
        }
    }

    /// Title and body fields of `lang`.
    pub fn text_of(&self, lang: &str) -> Option<(Field, Field)> {
        self.text
            .iter()
            .find(|(l, _, _)| *l == lang)
            .map(|(_, t, b)| (*t, *b))
    }

    /// The field of a string facet by its name.
    pub fn string_facet(&self, name: &str) -> Option<Field> {
        Some(match name {
            "kind" => self.kind,
            "principle" => self.principle,
            "country" => self.country,
            "region" => self.region,
            "theme" => self.theme,
            "lang" => self.lang,
            "org_kind" => self.org_kind,
            _ => return None,
        })
    }
}
