//! The reducer: shrinks a finding while the same failure class still
//! reproduces on the same engine. It drops rows, indexes, the view and
//! unused columns from the database, replaces each expression filling by
//! one of its AST children (parsed with sqlparser), a plain column or NULL,
//! and finally shrinks the queries themselves (select items, joins, WHERE
//! conjuncts, HAVING, ORDER BY, LIMIT, set-operation branches), keeping a
//! shrunk pair only if a reference engine still finds A = B.

use super::campaign::{run_case, CaseResult};
use super::fill::{substitute, Filled};
use super::randdb::{columns_of, COLUMNS};
use super::shrink::shrinks;
use super::{Oracle, Placeholder};
use crate::engine::{run_script, Engine};
use serde::Serialize;
use sqlparser::ast::{Expr, FunctionArg, FunctionArgExpr, FunctionArguments};
use sqlparser::dialect::GenericDialect;
use sqlparser::parser::Parser;

#[derive(Debug, Clone, Serialize)]
pub struct Reduced {
    pub setup: Vec<String>,
    pub fillings: Vec<(String, String)>,
    pub query_a: String,
    pub query_b: String,
    /// Reproduction attempts made.
    pub attempts: usize,
    /// Setup statements and filling length before and after.
    pub statements_before: usize,
    pub statements_after: usize,
}

/// The setup without `column`: out of every CREATE TABLE and single-row
/// INSERT (the reducer's own statement shapes), its indexes dropped. `None`
/// when no statement has it.
pub fn drop_column(setup: &[String], column: &str) -> Option<Vec<String>> {
    static CREATE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    static INSERT: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let create =
        CREATE.get_or_init(|| regex::Regex::new(r"^CREATE TABLE (\w+) \((.*)\)$").expect("regex"));
    let insert = INSERT.get_or_init(|| {
        regex::Regex::new(r"^INSERT INTO (\w+) \((.*)\) VALUES \((.*)\)$").expect("regex")
    });
    let mut changed = false;
    let mut out = Vec::new();
    for s in setup {
        if let Some(c) = create.captures(s) {
            let defs: Vec<&str> = c[2].split(", ").collect();
            let kept: Vec<&str> = defs
                .iter()
                .copied()
                .filter(|d| d.split(' ').next() != Some(column))
                .collect();
            changed |= kept.len() != defs.len();
            out.push(format!("CREATE TABLE {} ({})", &c[1], kept.join(", ")));
        } else if let Some(c) = insert.captures(s) {
            let names: Vec<&str> = c[2].split(", ").collect();
            let values: Vec<&str> = c[3].split(", ").collect();
            if names.len() != values.len() {
                return None;
            }
            let (n, v): (Vec<&str>, Vec<&str>) = names
                .iter()
                .zip(&values)
                .filter(|(n, _)| **n != column)
                .map(|(n, v)| (*n, *v))
                .unzip();
            changed |= n.len() != names.len();
            out.push(format!(
                "INSERT INTO {} ({}) VALUES ({})",
                &c[1],
                n.join(", "),
                v.join(", ")
            ));
        } else if s.starts_with("CREATE INDEX") && s.ends_with(&format!("({column})")) {
            changed = true;
        } else {
            out.push(s.clone());
        }
    }
    changed.then_some(out)
}

/// The direct sub-expressions of a SQL expression.
pub fn children(sql: &str) -> Vec<String> {
    let dialect = GenericDialect {};
    let Ok(expr) = Parser::new(&dialect)
        .try_with_sql(sql)
        .and_then(|mut p| p.parse_expr())
    else {
        return Vec::new();
    };
    let mut out: Vec<&Expr> = Vec::new();
    match &expr {
        Expr::BinaryOp { left, right, .. } => out.extend([left.as_ref(), right.as_ref()]),
        Expr::UnaryOp { expr, .. }
        | Expr::Nested(expr)
        | Expr::IsNull(expr)
        | Expr::IsNotNull(expr) => out.push(expr),
        Expr::Between {
            expr, low, high, ..
        } => out.extend([expr.as_ref(), low.as_ref(), high.as_ref()]),
        Expr::InList { expr, list, .. } => {
            out.push(expr);
            out.extend(list.iter());
        }
        Expr::Like { expr, .. } => out.push(expr),
        Expr::Case {
            operand,
            conditions,
            else_result,
            ..
        } => {
            out.extend(operand.as_deref());
            for c in conditions {
                out.push(&c.condition);
                out.push(&c.result);
            }
            out.extend(else_result.as_deref());
        }
        Expr::Function(f) => {
            if let FunctionArguments::List(list) = &f.args {
                for a in &list.args {
                    if let FunctionArg::Unnamed(FunctionArgExpr::Expr(e)) = a {
                        out.push(e);
                    }
                }
            }
        }
        _ => {}
    }
    out.into_iter().map(|e| e.to_string()).collect()
}

fn fill_with(oracle: &Oracle, fillings: &[(String, String)]) -> Filled {
    let sub = |s: &String| substitute(s, fillings);
    Filled {
        a: sub(&oracle.a),
        b: sub(&oracle.b),
        between: oracle.between.iter().map(sub).collect(),
        after: oracle.after.iter().map(sub).collect(),
        fillings: fillings.to_vec(),
    }
}

fn class_of(r: &CaseResult) -> Option<&'static str> {
    match r {
        CaseResult::Mismatch { class, .. } => Some(class),
        CaseResult::Crash { .. } => Some("crash"),
        _ => None,
    }
}

/// Runs a filled case on a freshly loaded database.
async fn run_on(
    engine: &mut dyn Engine,
    compare: super::Compare,
    setup: &[String],
    filled: &Filled,
) -> Option<CaseResult> {
    engine.reset().await.ok()?;
    let script: String = setup.iter().map(|s| format!("{s};\n")).collect();
    run_script(engine, &script).await.ok()?;
    Some(run_case(engine, compare, filled).await)
}

async fn reproduces(
    engine: &mut dyn Engine,
    oracle: &Oracle,
    setup: &[String],
    fillings: &[(String, String)],
    class: &str,
) -> bool {
    let r = run_on(engine, oracle.compare, setup, &fill_with(oracle, fillings)).await;
    r.as_ref().and_then(class_of) == Some(class)
}

/// A shrunk query pair counts only if it still fails the same way on the
/// engine *and* still holds (A = B) on the reference engine: shrinking
/// must not turn the pair into one that is simply not equivalent.
async fn shrunk_reproduces(
    engine: &mut dyn Engine,
    reference: &mut dyn Engine,
    compare: super::Compare,
    setup: &[String],
    filled: &Filled,
    class: &str,
) -> bool {
    let here = run_on(engine, compare, setup, filled).await;
    if here.as_ref().and_then(class_of) != Some(class) {
        return false;
    }
    matches!(
        run_on(reference, compare, setup, filled).await,
        Some(CaseResult::Pass { .. })
    )
}

/// Shrinks the filled queries themselves (see `shrink.rs`): a shrink both
/// queries allow is applied to both, else to one side.
async fn shrink_queries(
    engine: &mut dyn Engine,
    reference: &mut dyn Engine,
    compare: super::Compare,
    setup: &[String],
    mut filled: Filled,
    class: &str,
    (attempts, budget): (&mut usize, usize),
) -> Filled {
    let mut progress = true;
    while progress && *attempts < budget {
        progress = false;
        let (sa, sb) = (shrinks(&filled.a), shrinks(&filled.b));
        let mut candidates: Vec<(String, String)> = Vec::new();
        for (key, a) in &sa {
            if let Some((_, b)) = sb.iter().find(|(k, _)| k == key) {
                candidates.push((a.clone(), b.clone()));
            }
        }
        candidates.extend(sa.iter().map(|(_, a)| (a.clone(), filled.b.clone())));
        candidates.extend(sb.iter().map(|(_, b)| (filled.a.clone(), b.clone())));
        for (a, b) in candidates {
            if *attempts >= budget {
                break;
            }
            *attempts += 1;
            let candidate = Filled {
                a,
                b,
                ..filled.clone()
            };
            if shrunk_reproduces(engine, reference, compare, setup, &candidate, class).await {
                filled = candidate;
                progress = true;
                break;
            }
        }
    }
    filled
}

/// Shrinks a finding of `class`, trying at most `budget` reproductions.
/// The engine's database is left in an unspecified state.
pub async fn reduce(
    engine: &mut dyn Engine,
    reference: Option<&mut Box<dyn Engine>>,
    oracle: &Oracle,
    setup: &[String],
    fillings: &[(String, String)],
    class: &str,
    budget: usize,
) -> Option<Reduced> {
    let mut attempts = 1;
    if !reproduces(engine, oracle, setup, fillings, class).await {
        return None;
    }
    let mut setup = setup.to_vec();
    let mut fillings = fillings.to_vec();
    let before = setup.len();
    let mut progress = true;
    while progress && attempts < budget {
        progress = false;
        // Drop rows and indexes, one statement at a time (tables stay).
        let mut i = 0;
        while i < setup.len() && attempts < budget {
            if setup[i].starts_with("CREATE TABLE") {
                i += 1;
                continue;
            }
            let mut candidate = setup.clone();
            candidate.remove(i);
            attempts += 1;
            if reproduces(engine, oracle, &candidate, &fillings, class).await {
                setup = candidate;
                progress = true;
            } else {
                i += 1;
            }
        }
        // Drop columns the queries do not mention.
        let text = fill_with(oracle, &fillings);
        for (column, _, _) in COLUMNS {
            if attempts >= budget || text.a.contains(column) || text.b.contains(column) {
                continue;
            }
            let Some(candidate) = drop_column(&setup, column) else {
                continue;
            };
            attempts += 1;
            if reproduces(engine, oracle, &candidate, &fillings, class).await {
                setup = candidate;
                progress = true;
            }
        }
        // Simplify each expression filling.
        for (index, (name, placeholder)) in oracle.placeholders.iter().enumerate() {
            let Placeholder::Expr { table, ty } = placeholder else {
                continue;
            };
            let current = fillings[index].1.clone();
            let mut options = children(&current);
            options.extend(columns_of(*ty).into_iter().map(|c| format!("{table}.{c}")));
            options.push("NULL".into());
            for option in options {
                if attempts >= budget || option.len() >= current.len() {
                    continue;
                }
                let mut candidate = fillings.clone();
                candidate[index] = (name.clone(), option);
                attempts += 1;
                if reproduces(engine, oracle, &setup, &candidate, class).await {
                    fillings = candidate;
                    progress = true;
                    break;
                }
            }
        }
    }
    let mut filled = fill_with(oracle, &fillings);
    if let Some(reference) = reference {
        let reference: &mut dyn Engine = reference.as_mut();
        filled = shrink_queries(
            engine,
            reference,
            oracle.compare,
            &setup,
            filled,
            class,
            (&mut attempts, budget),
        )
        .await;
    }
    Some(Reduced {
        statements_before: before,
        statements_after: setup.len(),
        setup,
        fillings,
        query_a: filled.a,
        query_b: filled.b,
        attempts,
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn drop_column_rewrites_tables_rows_and_indexes() {
        let setup = vec![
            "CREATE TABLE t0 (c_int INTEGER, c_text VARCHAR(20))".to_string(),
            "INSERT INTO t0 (c_int, c_text) VALUES (1, 'b c')".to_string(),
            "CREATE INDEX ix_t0_c_text ON t0 (c_text)".to_string(),
        ];
        assert_eq!(
            super::drop_column(&setup, "c_text").unwrap(),
            vec![
                "CREATE TABLE t0 (c_int INTEGER)".to_string(),
                "INSERT INTO t0 (c_int) VALUES (1)".to_string(),
            ]
        );
        assert_eq!(super::drop_column(&setup, "c_date"), None);
    }

    #[test]
    fn children_are_the_direct_subexpressions() {
        assert_eq!(super::children("(a + 1) > b"), vec!["(a + 1)", "b"]);
        assert_eq!(
            super::children("COALESCE(t0.c_int, 7)"),
            vec!["t0.c_int", "7"]
        );
        assert_eq!(
            super::children("CASE WHEN x THEN 1 ELSE 2 END"),
            vec!["x", "1", "2"]
        );
        assert!(super::children("t0.c_int").is_empty());
    }
}
