//! Dialect differences as defaulted capability methods, one implementation
//! per engine kind. Code outside `engine/` asks these instead of matching on
//! the engine.

use super::EngineKind;
use crate::sql::SplitOptions;

pub trait Capabilities: Sync {
    /// Lexical rules for splitting scripts into statements.
    fn split_options(&self) -> SplitOptions {
        SplitOptions::default()
    }
    /// Whether the engine has a real BOOLEAN result type (MySQL returns 0/1).
    fn has_boolean_type(&self) -> bool {
        true
    }
    fn supports_full_outer_join(&self) -> bool {
        true
    }
    fn supports_returning(&self) -> bool {
        true
    }
    /// Quotes an identifier for this dialect.
    fn quote_ident(&self, ident: &str) -> String {
        format!("\"{}\"", ident.replace('"', "\"\""))
    }
}

pub struct DuckDbCaps;
pub struct SqliteCaps;
pub struct PostgresCaps;
pub struct MySqlCaps;
/// External drivers: assume standard SQL lexing and nothing more.
pub struct CmdCaps;

impl Capabilities for DuckDbCaps {
    fn split_options(&self) -> SplitOptions {
        SplitOptions {
            dollar_quotes: true,
            ..Default::default()
        }
    }
}

impl Capabilities for SqliteCaps {
    fn has_boolean_type(&self) -> bool {
        false
    }
}

impl Capabilities for PostgresCaps {
    fn split_options(&self) -> SplitOptions {
        SplitOptions {
            dollar_quotes: true,
            ..Default::default()
        }
    }
}

impl Capabilities for MySqlCaps {
    fn split_options(&self) -> SplitOptions {
        SplitOptions {
            backslash_escapes: true,
            ..Default::default()
        }
    }
    fn has_boolean_type(&self) -> bool {
        false
    }
    fn supports_full_outer_join(&self) -> bool {
        false
    }
    fn supports_returning(&self) -> bool {
        false
    }
    fn quote_ident(&self, ident: &str) -> String {
        format!("`{}`", ident.replace('`', "``"))
    }
}

impl Capabilities for CmdCaps {}

impl EngineKind {
    pub fn capabilities(self) -> &'static dyn Capabilities {
        match self {
            EngineKind::DuckDb => &DuckDbCaps,
            EngineKind::Sqlite => &SqliteCaps,
            EngineKind::Postgres => &PostgresCaps,
            EngineKind::MySql => &MySqlCaps,
            EngineKind::Cmd => &CmdCaps,
        }
    }
}
