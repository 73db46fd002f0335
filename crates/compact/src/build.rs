//! Producing the shipped files from the seed texts: extraction of every
//! language, reconciliation, alignment, and rendering to pretty JSON.
//!
//! Entry points for the CLI (`gcm-hub compact extract <seed> --lang nb`) and
//! for the test that checks the shipped data is up to date.

use std::path::{Path, PathBuf};

use crate::align::{align_all, reconcile};
use crate::extract::extract;
use crate::files::{self, AlignmentFile, LanguageFile, SourceInfo, StructureFile};
use crate::lang::Lang;
use crate::model::Extraction;

/// File names of the seed texts in the shared seed directory.
pub const SEED_FILES: [(Lang, &str); 2] = [
    (Lang::Nb, "000_153184773b3e16e0.txt"),
    (Lang::Nl, "001_17fd6a302869fc29.txt"),
];

/// Names of the shipped files inside `data/compact/`.
pub const STRUCTURE_FILE: &str = "structure.json";
/// See [`STRUCTURE_FILE`].
pub const ALIGNMENT_FILE: &str = "alignment.json";

/// Name of a language file (`nb.json`).
pub fn language_file_name(lang: Lang) -> String {
    format!("{}.json", lang.code())
}

/// Errors while building or writing the files.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    /// A seed could not be read.
    #[error("cannot read seed {path}: {source}")]
    Read {
        /// Path.
        path: PathBuf,
        /// Cause.
        source: std::io::Error,
    },
    /// An output file could not be written.
    #[error("cannot write {path}: {source}")]
    Write {
        /// Path.
        path: PathBuf,
        /// Cause.
        source: std::io::Error,
    },
    /// Serialisation failed.
    #[error("cannot serialise {what}: {source}")]
    Json {
        /// Which file.
        what: String,
        /// Cause.
        source: serde_json::Error,
    },
    /// No seeds were given.
    #[error("no seed texts given")]
    NoSeeds,
}

/// One seed text.
#[derive(Debug, Clone, Copy)]
pub struct Seed<'a> {
    /// Language of the text.
    pub lang: Lang,
    /// File name (recorded in the language file).
    pub name: &'a str,
    /// Full text.
    pub text: &'a str,
}

/// The typed content of all shipped files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shipped {
    /// `structure.json`.
    pub structure: StructureFile,
    /// One file per language, in the order of the seeds.
    pub languages: Vec<LanguageFile>,
    /// `alignment.json`.
    pub alignment: AlignmentFile,
}

/// Extracts, reconciles and aligns the seeds.
pub fn build(seeds: &[Seed<'_>]) -> Result<Shipped, BuildError> {
    if seeds.is_empty() {
        return Err(BuildError::NoSeeds);
    }
    let mut extractions: Vec<Extraction> = seeds.iter().map(|s| extract(s.text, s.lang)).collect();
    let mut docs: Vec<_> = extractions.iter().map(|e| e.document.clone()).collect();
    let mut gaps = reconcile(&mut docs);
    for (e, d) in extractions.iter_mut().zip(docs) {
        e.document = d;
    }
    let refs: Vec<_> = extractions.iter().map(|e| &e.document).collect();
    gaps.extend(align_all(&refs));
    gaps.sort_by_key(|g| (g.location, g.kind));
    let structure = files::structure(&refs);
    let languages = extractions
        .iter()
        .zip(seeds)
        .map(|(e, s)| {
            let source = SourceInfo {
                file: s.name.to_owned(),
                bytes: s.text.len(),
            };
            files::language_file(e, source, Some(&structure))
        })
        .collect();
    let alignment = AlignmentFile {
        format: files::FORMAT_VERSION,
        languages: seeds.iter().map(|s| s.lang).collect(),
        gaps,
    };
    Ok(Shipped {
        structure,
        languages,
        alignment,
    })
}

fn to_json<T: serde::Serialize>(what: &str, value: &T) -> Result<String, BuildError> {
    let mut s = serde_json::to_string_pretty(value).map_err(|source| BuildError::Json {
        what: what.to_owned(),
        source,
    })?;
    s.push('\n');
    Ok(s)
}

impl Shipped {
    /// The files as (file name, pretty JSON) pairs, structure first.
    pub fn render(&self) -> Result<Vec<(String, String)>, BuildError> {
        let mut out = vec![(
            STRUCTURE_FILE.to_owned(),
            to_json(STRUCTURE_FILE, &self.structure)?,
        )];
        for l in &self.languages {
            let name = language_file_name(l.lang);
            let json = to_json(&name, l)?;
            out.push((name, json));
        }
        out.push((
            ALIGNMENT_FILE.to_owned(),
            to_json(ALIGNMENT_FILE, &self.alignment)?,
        ));
        Ok(out)
    }

    /// Writes the rendered files into `dir` (normally `data/compact`).
    pub fn write_to(&self, dir: &Path) -> Result<Vec<PathBuf>, BuildError> {
        std::fs::create_dir_all(dir).map_err(|source| BuildError::Write {
            path: dir.to_owned(),
            source,
        })?;
        let mut written = Vec::new();
        for (name, json) in self.render()? {
            let path = dir.join(name);
            std::fs::write(&path, json).map_err(|source| BuildError::Write {
                path: path.clone(),
                source,
            })?;
            written.push(path);
        }
        Ok(written)
    }
}

fn read(path: &Path) -> Result<String, BuildError> {
    std::fs::read_to_string(path).map_err(|source| BuildError::Read {
        path: path.to_owned(),
        source,
    })
}

/// Builds from a directory holding the [`SEED_FILES`].
pub fn build_from_dir(dir: &Path) -> Result<Shipped, BuildError> {
    let texts: Vec<(Lang, &str, String)> = SEED_FILES
        .iter()
        .map(|(lang, name)| read(&dir.join(name)).map(|t| (*lang, *name, t)))
        .collect::<Result<_, _>>()?;
    let seeds: Vec<Seed<'_>> = texts
        .iter()
        .map(|(lang, name, text)| Seed {
            lang: *lang,
            name,
            text: text.as_str(),
        })
        .collect();
    build(&seeds)
}

/// Extracts a single seed file (for `gcm-hub compact extract <file> --lang`).
pub fn extract_file(path: &Path, lang: Lang) -> Result<Extraction, BuildError> {
    Ok(extract(&read(path)?, lang))
}

/// Pretty JSON of a single-language file for one seed, without alignment
/// (the `missing` list is empty because there is nothing to compare with).
pub fn extract_file_json(path: &Path, lang: Lang) -> Result<String, BuildError> {
    let text = read(path)?;
    let extraction = extract(&text, lang);
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let file = files::language_file(
        &extraction,
        SourceInfo {
            file: name,
            bytes: text.len(),
        },
        None,
    );
    to_json(&language_file_name(lang), &file)
}
