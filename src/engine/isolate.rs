//! Running one statement without leaving a trace: queries run as they are,
//! anything else inside a transaction that is rolled back.

use super::{Engine, Outcome};

/// How a statement can be kept from changing the database.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Isolation {
    /// A query: it changes nothing.
    ReadOnly,
    /// DML, or DDL on an engine with transactional DDL: BEGIN … ROLLBACK.
    RolledBack,
    /// DDL where ROLLBACK would not undo it (MySQL commits DDL implicitly).
    Impossible,
}

fn is_query(sql: &str) -> bool {
    matches!(
        crate::sql::leading_keyword(sql).as_deref(),
        Some("SELECT" | "WITH" | "VALUES")
    )
}

fn is_ddl(sql: &str) -> bool {
    matches!(
        crate::sql::leading_keyword(sql).as_deref(),
        Some("CREATE" | "ALTER" | "DROP" | "TRUNCATE" | "RENAME")
    )
}

pub fn isolation(engine: &dyn Engine, sql: &str) -> Isolation {
    if is_query(sql) {
        Isolation::ReadOnly
    } else if is_ddl(sql) && !engine.capabilities().transactional_ddl() {
        Isolation::Impossible
    } else {
        Isolation::RolledBack
    }
}

/// Runs `sql` so that it leaves the database as it was, or returns `None`
/// when that cannot be done on this engine.
pub async fn run_isolated(engine: &mut dyn Engine, sql: &str) -> Option<Outcome> {
    match isolation(engine, sql) {
        Isolation::ReadOnly => Some(engine.execute(sql).await),
        Isolation::Impossible => None,
        Isolation::RolledBack => {
            let began = engine.execute("BEGIN").await;
            let outcome = engine.execute(sql).await;
            if began.is_success() {
                let _ = engine.execute("ROLLBACK").await;
            }
            Some(outcome)
        }
    }
}
