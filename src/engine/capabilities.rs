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

    /// Whether CREATE/ALTER/DROP inside a transaction are undone by
    /// ROLLBACK (MySQL commits them implicitly).
    fn transactional_ddl(&self) -> bool {
        true
    }

    /// Whether text equality ignores case and trailing spaces by default
    /// (MySQL's `_ci` PAD SPACE collations).
    fn collated_text(&self) -> bool {
        false
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

impl Capabilities for SqliteCaps {}

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

    fn transactional_ddl(&self) -> bool {
        false
    }

    fn collated_text(&self) -> bool {
        true
    }
}

impl Capabilities for CmdCaps {
    fn transactional_ddl(&self) -> bool {
        false
    }
}

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
