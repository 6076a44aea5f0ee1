//! Taxonomy data: levels, leaf categories, error features and per-engine
//! patterns, parsed from TOML and validated.

use crate::engine::EngineKind;
use regex::{Regex, RegexBuilder};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

#[derive(Debug, thiserror::Error)]
pub enum TaxonomyError {
    #[error("{file}: {message}")]
    Parse { file: String, message: String },
    #[error("{file}: category '{id}': {message}")]
    Invalid {
        file: String,
        id: String,
        message: String,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CategoryKind {
    /// The bug makes the engine raise an error.
    Error,
    /// The bug runs but returns different rows.
    Logic,
}

#[derive(Debug, Clone, Serialize)]
pub struct Pattern {
    pub engine: EngineKind,
    pub code: Option<String>,
    #[serde(rename = "message")]
    pub message_source: Option<String>,
    #[serde(skip)]
    pub message: Option<Regex>,
}

impl Pattern {
    /// 2 for code and message, 1 for code only, 0 for message only.
    pub fn specificity(&self) -> u8 {
        match (&self.code, &self.message) {
            (Some(_), Some(_)) => 2,
            (Some(_), None) => 1,
            _ => 0,
        }
    }

    pub fn matches(&self, engine: EngineKind, code: Option<&str>, message: &str) -> bool {
        self.engine == engine
            && self.code.as_deref().is_none_or(|c| Some(c) == code)
            && self.message.as_ref().is_none_or(|r| r.is_match(message))
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Category {
    pub id: String,
    pub description: String,
    pub kind: CategoryKind,
    /// Features a correct query must all contain for the bug to be injectable.
    pub requires: Vec<String>,
    /// Features of which a correct query must contain at least one (if any).
    pub requires_any: Vec<String>,
    /// Engines that raise this error (empty for logic bugs).
    pub engines: BTreeSet<EngineKind>,
    pub example_correct: String,
    pub example_bug: String,
    pub patterns: Vec<Pattern>,
}

impl Category {
    /// `["syntax", "syntax.lexical", "syntax.lexical.unterminated_string"]`.
    pub fn path(&self) -> Vec<String> {
        let parts: Vec<&str> = self.id.split('.').collect();
        (1..=parts.len()).map(|n| parts[..n].join(".")).collect()
    }

    pub fn level1(&self) -> &str {
        self.id.split('.').next().unwrap_or_default()
    }

    /// Whether a query with these features can carry this bug.
    pub fn fits(&self, has: impl Fn(&str) -> bool) -> bool {
        self.requires.iter().all(|f| has(f))
            && (self.requires_any.is_empty() || self.requires_any.iter().any(|f| has(f)))
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Taxonomy {
    pub version: u32,
    /// Descriptions of level-1 and level-2 prefixes.
    pub levels: BTreeMap<String, String>,
    pub categories: Vec<Category>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTaxonomy {
    version: u32,
    levels: BTreeMap<String, String>,
    category: Vec<RawCategory>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCategory {
    id: String,
    description: String,
    kind: CategoryKind,
    #[serde(default)]
    requires: Vec<String>,
    #[serde(default)]
    requires_any: Vec<String>,
    #[serde(default)]
    engines: Vec<String>,
    #[serde(default)]
    example_correct: String,
    #[serde(default)]
    example_bug: String,
    #[serde(default)]
    pattern: Vec<RawPattern>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPattern {
    engine: String,
    code: Option<String>,
    message: Option<String>,
}

fn engine_kind(name: &str) -> Option<EngineKind> {
    match name.parse::<crate::engine::EngineSpec>().ok()? {
        crate::engine::EngineSpec::Cmd(_) => None,
        spec => Some(spec.kind()),
    }
}

impl Taxonomy {
    /// Parses and validates a taxonomy file; errors name the file and the
    /// offending category.
    pub fn parse(text: &str, file: &str) -> Result<Taxonomy, TaxonomyError> {
        let raw: RawTaxonomy = toml::from_str(text).map_err(|e| TaxonomyError::Parse {
            file: file.to_string(),
            message: e.to_string().lines().collect::<Vec<_>>().join(" "),
        })?;
        let mut seen = BTreeSet::new();
        let mut categories = Vec::with_capacity(raw.category.len());
        for c in raw.category {
            let invalid = |message: String| TaxonomyError::Invalid {
                file: file.to_string(),
                id: c.id.clone(),
                message,
            };
            let parts: Vec<&str> = c.id.split('.').collect();
            if parts.len() != 3 || parts.iter().any(|p| p.is_empty()) {
                return Err(invalid(
                    "an id has exactly three dot-separated levels".into(),
                ));
            }
            if !seen.insert(c.id.clone()) {
                return Err(invalid("duplicate id".into()));
            }
            for prefix in [parts[0].to_string(), format!("{}.{}", parts[0], parts[1])] {
                if !raw.levels.contains_key(&prefix) {
                    return Err(invalid(format!(
                        "level '{prefix}' has no description in [levels]"
                    )));
                }
            }
            for f in c.requires.iter().chain(&c.requires_any) {
                if !crate::sql::features::is_known_feature(f) {
                    return Err(invalid(format!("unknown feature '{f}' in requires")));
                }
            }
            let mut engines = BTreeSet::new();
            for e in &c.engines {
                engines.insert(
                    engine_kind(e).ok_or_else(|| invalid(format!("unknown engine '{e}'")))?,
                );
            }
            let mut patterns = Vec::new();
            for p in c.pattern {
                let engine = engine_kind(&p.engine)
                    .ok_or_else(|| invalid(format!("unknown engine '{}'", p.engine)))?;
                if p.code.is_none() && p.message.is_none() {
                    return Err(invalid(
                        "a pattern needs a code, a message regex or both".into(),
                    ));
                }
                let message = match &p.message {
                    Some(m) => Some(
                        RegexBuilder::new(m)
                            .case_insensitive(true)
                            .build()
                            .map_err(|e| invalid(format!("bad message regex: {e}")))?,
                    ),
                    None => None,
                };
                patterns.push(Pattern {
                    engine,
                    code: p.code,
                    message_source: p.message,
                    message,
                });
            }
            if c.kind == CategoryKind::Logic && !patterns.is_empty() {
                return Err(invalid(
                    "a logic bug raises no error, so it has no patterns".into(),
                ));
            }
            categories.push(Category {
                id: c.id,
                description: c.description,
                kind: c.kind,
                requires: c.requires,
                requires_any: c.requires_any,
                engines,
                example_correct: c.example_correct,
                example_bug: c.example_bug,
                patterns,
            });
        }
        Ok(Taxonomy {
            version: raw.version,
            levels: raw.levels,
            categories,
        })
    }

    pub fn get(&self, id: &str) -> Option<&Category> {
        self.categories.iter().find(|c| c.id == id)
    }

    /// Categories whose id matches a pattern: an exact id, a prefix
    /// (`semantic.grouping`), or a glob with `*` (`*.unknown_*`).
    pub fn select(&self, pattern: &str) -> Vec<&Category> {
        let glob = glob_regex(pattern);
        self.categories
            .iter()
            .filter(|c| {
                c.id == pattern
                    || c.id.starts_with(&format!("{pattern}."))
                    || glob.as_ref().is_some_and(|g| g.is_match(&c.id))
            })
            .collect()
    }
}

fn glob_regex(pattern: &str) -> Option<Regex> {
    if !pattern.contains('*') {
        return None;
    }
    let escaped: Vec<String> = pattern.split('*').map(regex::escape).collect();
    Regex::new(&format!("^{}$", escaped.join(".*"))).ok()
}
