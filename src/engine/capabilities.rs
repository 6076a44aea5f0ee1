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
    /// Writes rolled back inside a transaction leave the engine sound, so
    /// the checker may mutate a loaded database and roll back. DuckDB 2.0.0
    /// was seen to crash the process (double free, segfault) a few hundred
    /// rolled-back UPDATEs later (docs/CHECKER.md).
    fn rolls_back_writes_safely(&self) -> bool {
        true
    }
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
    fn rolls_back_writes_safely(&self) -> bool {
        false
    }

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
