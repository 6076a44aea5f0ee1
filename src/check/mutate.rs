//! Mutants of the record's own database. Its data already satisfies the
//! gold's joins, so a small edit there reaches the result far more often
//! than a database fuzzed from nothing: every row of a filtered column set
//! to a query's boundary literal (and its neighbours), columns set to NULL,
//! rows duplicated under fresh keys, rows deleted, and pairs of these.
//!
//! Every edit keeps the schema's constraints: keys and referenced columns
//! are never updated, foreign-key columns only take NULL or a value the
//! column already holds, only rows no foreign key can point at are deleted,
//! and the engine refuses whatever breaks a CHECK, UNIQUE or NOT NULL (such
//! a mutant is skipped). Each mutant runs inside a transaction that is
//! rolled back.

use super::fuzz::{from_literals, value_literal};
use super::literals::{literal_text, Literals};
use super::schema::{ColType, TableSpec};
use crate::engine::Value;
use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use sqlparser::ast::{visit_expressions, BinaryOperator, Expr};
use sqlparser::parser::Parser;
use std::collections::{BTreeSet, HashMap, HashSet};
use std::ops::ControlFlow;

/// Rows read back from the record's database, per table, in the order of
/// each table's columns.
pub type TableRows = Vec<Vec<Vec<Value>>>;

/// Most rows read per table (and so duplicated by one mutant).
pub const MAX_ROWS_READ: usize = 2000;

/// One edit of the record's database, as statements to run in order.
#[derive(Debug, Clone, PartialEq)]
pub struct Mutant {
    pub label: String,
    pub statements: Vec<String>,
}

#[derive(Debug, Clone, Copy)]
enum Rows {
    All,
    /// Every other row.
    Half,
    /// One row, chosen by the seed.
    One,
}

impl Rows {
    fn name(self) -> &'static str {
        match self {
            Rows::All => "all rows",
            Rows::Half => "half the rows",
            Rows::One => "one row",
        }
    }
}

/// The column names each query compares with literals, with those literals.
fn paired_literals(sql: &str) -> HashMap<String, Literals> {
    let mut out: HashMap<String, Literals> = HashMap::new();
    let dialect = sqlparser::dialect::GenericDialect {};
    let Ok(statements) = Parser::parse_sql(&dialect, sql) else {
        return out;
    };
    let mut pair = |col: &Expr, lit: &Expr| {
        if let (Some(c), Some(l)) = (column_name(col), literal_text(lit)) {
            out.entry(c).or_default().add(l);
        }
    };
    let _ = visit_expressions(&statements, |e| {
        match e {
            Expr::BinaryOp { left, op, right } if is_comparison(op) => {
                pair(left, right);
                pair(right, left);
            }
            Expr::Between {
                expr, low, high, ..
            } => {
                pair(expr, low);
                pair(expr, high);
            }
            Expr::InList { expr, list, .. } => list.iter().for_each(|l| pair(expr, l)),
            Expr::Like { expr, pattern, .. } | Expr::ILike { expr, pattern, .. } => {
                pair(expr, pattern)
            }
            _ => {}
        }
        ControlFlow::<()>::Continue(())
    });
    out
}

fn is_comparison(op: &BinaryOperator) -> bool {
    matches!(
        op,
        BinaryOperator::Eq
            | BinaryOperator::NotEq
            | BinaryOperator::Gt
            | BinaryOperator::GtEq
            | BinaryOperator::Lt
            | BinaryOperator::LtEq
    )
}

/// The column an expression names, seen through casts, parentheses and
/// TRIM; `LENGTH(col)` names `len:col`, whose literals are lengths.
fn column_name(e: &Expr) -> Option<String> {
    match e {
        Expr::Identifier(i) => Some(i.value.to_ascii_lowercase()),
        Expr::CompoundIdentifier(parts) => parts.last().map(|i| i.value.to_ascii_lowercase()),
        Expr::Nested(inner) | Expr::Cast { expr: inner, .. } | Expr::Trim { expr: inner, .. } => {
            column_name(inner)
        }
        Expr::Function(f) => {
            let name = f.name.to_string().to_ascii_lowercase();
            if !matches!(name.as_str(), "length" | "char_length" | "len") {
                return None;
            }
            let sqlparser::ast::FunctionArguments::List(list) = &f.args else {
                return None;
            };
            match list.args.as_slice() {
                [sqlparser::ast::FunctionArg::Unnamed(sqlparser::ast::FunctionArgExpr::Expr(
                    arg,
                ))] => column_name(arg)
                    .filter(|c| !c.starts_with("len:"))
                    .map(|c| format!("len:{c}")),
                _ => None,
            }
        }
        _ => None,
    }
}

/// Strings whose lengths are the `len:` literals and their neighbours.
fn of_lengths(lengths: &Literals, ty: &ColType) -> Vec<String> {
    let ColType::Text { max_len } = ty else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for n in lengths.numbers.iter().filter_map(|n| n.parse::<i64>().ok()) {
        for k in [n - 1, n, n + 1] {
            if (0..=4000).contains(&k) && max_len.is_none_or(|m| k as usize <= m) {
                out.push(format!("'{}'", "x".repeat(k as usize)));
            }
        }
    }
    out
}

fn cell(v: &Value, ty: &ColType) -> Option<String> {
    match v {
        Value::Null => Some("NULL".into()),
        other => value_literal(other, ty),
    }
}

/// What the generator knows about one table.
struct Table<'a> {
    spec: &'a TableSpec,
    rows: &'a [Vec<Value>],
    /// The single-column primary key, when there is one.
    pk: Option<usize>,
}

impl Table<'_> {
    /// `WHERE` for a subset of rows, or `None` when rows cannot be told
    /// apart (no single-column key) or there are none.
    fn filter(&self, which: Rows, rng: &mut ChaCha8Rng) -> Option<String> {
        let chosen: Vec<&Vec<Value>> = match which {
            Rows::All => return Some(String::new()),
            Rows::Half => self.rows.iter().step_by(2).take(500).collect(),
            Rows::One => self.rows.choose(rng).into_iter().collect(),
        };
        let pk = self.pk?;
        let ty = &self.spec.columns[pk].ty;
        let keys: Vec<String> = chosen
            .iter()
            .filter_map(|r| value_literal(&r[pk], ty))
            .collect();
        if keys.is_empty() {
            return None;
        }
        Some(format!(
            " WHERE {} IN ({})",
            self.spec.columns[pk].name,
            keys.join(", ")
        ))
    }
}

/// Columns other tables' foreign keys point at, as (table, column), lower case.
fn referenced(tables: &[TableSpec]) -> HashSet<(String, String)> {
    let mut out = HashSet::new();
    for t in tables {
        for fk in &t.foreign_keys {
            for c in &fk.parent_columns {
                out.insert((fk.parent.to_ascii_lowercase(), c.to_ascii_lowercase()));
            }
        }
    }
    out
}

/// The values a column is set to: the literals the queries compare it with
/// (with their neighbours), else the queries' numbers for a numeric column;
/// the smallest and largest values it holds; NULL when it may be NULL.
fn values_for(
    t: &Table,
    ci: usize,
    paired: &HashMap<String, Literals>,
    all: &Literals,
    fk_column: bool,
) -> Vec<String> {
    let col = &t.spec.columns[ci];
    let mut out: Vec<String> = Vec::new();
    if !fk_column {
        if let Some(l) = paired.get(&format!("len:{}", col.name.to_ascii_lowercase())) {
            out.extend(of_lengths(l, &col.ty));
        }
        match paired.get(&col.name.to_ascii_lowercase()) {
            Some(l) => out.extend(from_literals(l, &col.ty)),
            None if matches!(
                col.ty,
                ColType::Int | ColType::Decimal { .. } | ColType::Float
            ) =>
            {
                let numbers = Literals {
                    numbers: all.numbers.clone(),
                    strings: BTreeSet::new(),
                };
                out.extend(from_literals(&numbers, &col.ty).into_iter().take(9));
            }
            None => {}
        }
    }
    let held: BTreeSet<String> = t
        .rows
        .iter()
        .filter_map(|r| value_literal(&r[ci], &col.ty))
        .collect();
    out.extend(held.first().cloned());
    out.extend(held.last().cloned());
    if !col.not_null {
        out.push("NULL".into());
    }
    let mut seen = HashSet::new();
    out.retain(|v| seen.insert(v.clone()));
    out
}

/// Copies of `rows` under keys no row has, as one INSERT; `None` when the
/// table's keys cannot be made fresh.
fn duplicate(t: &Table, rows: &[&Vec<Value>]) -> Option<String> {
    let spec = t.spec;
    let key_cols: Vec<usize> = spec
        .primary_key
        .iter()
        .filter_map(|c| spec.column(c))
        .collect();
    // Every UNIQUE set other than the key must be one column we can refresh.
    let mut fresh_cols: Vec<usize> = Vec::new();
    for u in &spec.unique {
        let cols: Vec<usize> = u.iter().filter_map(|c| spec.column(c)).collect();
        if cols == key_cols {
            continue;
        }
        match cols.as_slice() {
            [c] => fresh_cols.push(*c),
            _ => return None,
        }
    }
    if key_cols.len() == 1 {
        fresh_cols.push(key_cols[0]);
    }
    fresh_cols.sort_unstable();
    fresh_cols.dedup();
    let mut max_int: HashMap<usize, i128> = HashMap::new();
    for &c in &fresh_cols {
        let m = t
            .rows
            .iter()
            .filter_map(|r| match &r[c] {
                Value::Int(i) => Some(*i),
                _ => None,
            })
            .max()
            .unwrap_or(0);
        max_int.insert(c, m);
    }
    // A composite key is made fresh by giving one of its columns another
    // value that column already holds.
    let key_of =
        |r: &[Value]| -> Vec<String> { key_cols.iter().map(|&c| format!("{:?}", r[c])).collect() };
    let mut keys: HashSet<Vec<String>> = if key_cols.len() > 1 {
        t.rows.iter().map(|r| key_of(r)).collect()
    } else {
        HashSet::new()
    };
    let mut values_rows = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        let mut new: Vec<Value> = (*row).clone();
        for &c in &fresh_cols {
            new[c] = match (&row[c], &spec.columns[c].ty) {
                (Value::Int(_), _) => Value::Int(max_int[&c] + 1 + i as i128),
                (Value::Text(s), ColType::Text { .. }) => Value::Text(format!("{s}~{}", i + 1)),
                (Value::Null, _) => Value::Null,
                _ => return None,
            };
        }
        if key_cols.len() > 1 {
            let mut found = false;
            'columns: for &kc in key_cols.iter().rev() {
                for r in t.rows {
                    let mut candidate = new.clone();
                    candidate[kc] = r[kc].clone();
                    let key = key_of(&candidate);
                    if !keys.contains(&key) {
                        keys.insert(key);
                        new = candidate;
                        found = true;
                        break 'columns;
                    }
                }
            }
            if !found {
                continue;
            }
        }
        let cells: Option<Vec<String>> = new
            .iter()
            .zip(&spec.columns)
            .map(|(v, c)| cell(v, &c.ty))
            .collect();
        values_rows.push(format!("({})", cells?.join(", ")));
    }
    if values_rows.is_empty() {
        return None;
    }
    let names: Vec<&str> = spec.columns.iter().map(|c| c.name.as_str()).collect();
    Some(format!(
        "INSERT INTO {} ({}) VALUES {}",
        spec.name,
        names.join(", "),
        values_rows.join(", ")
    ))
}

/// Up to `budget` mutants for checking `pred` against `gold` on the
/// record's database, deterministic from `seed`: single edits first (the
/// likeliest to matter first), then pairs of them.
pub fn mutants(
    tables: &[TableSpec],
    rows: &TableRows,
    gold: &str,
    pred: &str,
    seed: u64,
    budget: usize,
) -> Vec<Mutant> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let words: HashSet<String> = crate::sql::split::words(gold)
        .into_iter()
        .chain(crate::sql::split::words(pred))
        .map(|w| w.to_ascii_lowercase())
        .collect();
    let mut paired = paired_literals(gold);
    for (c, l) in paired_literals(pred) {
        paired.entry(c).or_default().extend(&l);
    }
    let mut all = super::literals::of_sql(gold);
    all.extend(&super::literals::of_sql(pred));
    let referenced = referenced(tables);
    let parents: HashSet<String> = tables
        .iter()
        .flat_map(|t| t.foreign_keys.iter().map(|f| f.parent.to_ascii_lowercase()))
        .collect();

    // Buckets in the order they are tried.
    let mut boundary = Vec::new();
    let mut nulls = Vec::new();
    let mut held = Vec::new();
    let mut dups = Vec::new();
    let mut deletes = Vec::new();
    for (ti, spec) in tables.iter().enumerate() {
        let name = spec.name.to_ascii_lowercase();
        if !words.contains(&name) {
            continue;
        }
        let table_rows: &[Vec<Value>] = rows.get(ti).map(Vec::as_slice).unwrap_or_default();
        if table_rows.is_empty() {
            continue;
        }
        let pk = match spec.primary_key.as_slice() {
            [one] => spec.column(one),
            _ => None,
        };
        let t = Table {
            spec,
            rows: table_rows,
            pk,
        };
        let key_cols: HashSet<usize> = spec
            .primary_key
            .iter()
            .filter_map(|c| spec.column(c))
            .collect();
        let fk_cols: HashSet<usize> = spec
            .foreign_keys
            .iter()
            .flat_map(|f| f.columns.iter().filter_map(|c| spec.column(c)))
            .collect();
        for (ci, col) in spec.columns.iter().enumerate() {
            let cname = col.name.to_ascii_lowercase();
            if key_cols.contains(&ci)
                || !words.contains(&cname)
                || referenced.contains(&(name.clone(), cname.clone()))
            {
                continue;
            }
            let fk = fk_cols.contains(&ci);
            for v in values_for(&t, ci, &paired, &all, fk) {
                for which in [Rows::All, Rows::Half, Rows::One] {
                    let Some(filter) = t.filter(which, &mut rng) else {
                        continue;
                    };
                    let m = Mutant {
                        label: format!("{}.{} = {v} on {}", spec.name, col.name, which.name()),
                        statements: vec![format!(
                            "UPDATE {} SET {} = {v}{filter}",
                            spec.name, col.name
                        )],
                    };
                    let is_paired =
                        paired.contains_key(&cname) || paired.contains_key(&format!("len:{cname}"));
                    if v == "NULL" {
                        nulls.push(m);
                    } else if is_paired && !fk {
                        boundary.push(m);
                    } else {
                        held.push(m);
                    }
                }
            }
        }
        let all_rows: Vec<&Vec<Value>> = table_rows.iter().collect();
        let half: Vec<&Vec<Value>> = table_rows.iter().step_by(2).collect();
        let one: Vec<&Vec<Value>> = table_rows.choose(&mut rng).into_iter().collect();
        for (which, chosen) in [(Rows::All, all_rows), (Rows::Half, half), (Rows::One, one)] {
            if let Some(insert) = duplicate(&t, &chosen) {
                dups.push(Mutant {
                    label: format!("{} duplicated on {}", spec.name, which.name()),
                    statements: vec![insert],
                });
            }
        }
        if !parents.contains(&name) {
            for which in [Rows::Half, Rows::All, Rows::One] {
                if let Some(filter) = t.filter(which, &mut rng) {
                    deletes.push(Mutant {
                        label: format!("{} deleted on {}", spec.name, which.name()),
                        statements: vec![format!("DELETE FROM {}{filter}", spec.name)],
                    });
                }
            }
        }
    }
    let mut singles: Vec<Mutant> = Vec::new();
    // Round-robin over the buckets, so a budget smaller than the singles
    // still tries every kind of edit.
    let mut buckets = [boundary, nulls, dups, deletes, held];
    for b in buckets.iter_mut() {
        b.reverse();
    }
    while buckets.iter().any(|b| !b.is_empty()) {
        for b in buckets.iter_mut() {
            if let Some(m) = b.pop() {
                singles.push(m);
            }
        }
    }
    let pool = singles.clone();
    singles.truncate(budget);
    let mut seen: HashSet<(usize, usize)> = HashSet::new();
    let mut tries = 0;
    while singles.len() < budget && pool.len() >= 2 && tries < budget * 4 {
        tries += 1;
        let a = rng.random_range(0..pool.len());
        let b = rng.random_range(0..pool.len());
        if a == b || !seen.insert((a, b)) {
            continue;
        }
        let mut statements = pool[a].statements.clone();
        statements.extend(pool[b].statements.iter().cloned());
        singles.push(Mutant {
            label: format!("{}, then {}", pool[a].label, pool[b].label),
            statements,
        });
    }
    singles
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::schema::parse_schema;

    const SCHEMA: &str = "CREATE TABLE dept (id INT PRIMARY KEY, name TEXT NOT NULL);
        CREATE TABLE emp (id INT PRIMARY KEY, dept_id INT REFERENCES dept(id), salary INT, email TEXT UNIQUE);";

    fn rows() -> TableRows {
        vec![
            vec![
                vec![Value::Int(1), Value::Text("a".into())],
                vec![Value::Int(2), Value::Text("b".into())],
            ],
            vec![
                vec![
                    Value::Int(10),
                    Value::Int(1),
                    Value::Int(50),
                    Value::Text("x@y".into()),
                ],
                vec![Value::Int(11), Value::Int(2), Value::Int(70), Value::Null],
            ],
        ]
    }

    #[test]
    fn boundaries_nulls_duplicates_and_deletes_respect_the_keys() {
        let tables = parse_schema(SCHEMA, None);
        let gold = "SELECT d.name FROM dept d JOIN emp e ON e.dept_id = d.id WHERE e.salary >= 100";
        let pred = "SELECT d.name FROM dept d JOIN emp e ON e.dept_id = d.id WHERE e.salary > 100";
        let m = mutants(&tables, &rows(), gold, pred, 7, 400);
        let sql: Vec<&str> = m
            .iter()
            .flat_map(|m| m.statements.iter().map(String::as_str))
            .collect();
        assert!(sql.contains(&"UPDATE emp SET salary = 100"), "{sql:#?}");
        assert!(sql.contains(&"UPDATE emp SET dept_id = NULL"));
        // Keys and referenced columns are never updated; parents never deleted.
        assert!(!sql.iter().any(|s| s.starts_with("UPDATE emp SET id")
            || s.starts_with("UPDATE dept SET id")
            || s.starts_with("DELETE FROM dept")));
        // A foreign key only takes values it already holds (or NULL).
        assert!(!sql
            .iter()
            .any(|s| s.starts_with("UPDATE emp SET dept_id = 100")));
        assert!(
            sql.contains(&"DELETE FROM emp WHERE id IN (10)")
                || sql.contains(&"DELETE FROM emp WHERE id IN (11)")
        );
        let dup = sql
            .iter()
            .find(|s| s.starts_with("INSERT INTO emp") && s.contains("(12, 1, 50, 'x@y~1')"))
            .expect("duplicates under fresh keys");
        assert!(dup.contains("(13, 2, 70, NULL)"), "{dup}");
        assert_eq!(m, mutants(&tables, &rows(), gold, pred, 7, 400));
        assert_eq!(mutants(&tables, &rows(), gold, pred, 7, 20).len(), 20);
    }

    #[test]
    fn a_composite_key_is_made_fresh_from_values_it_holds() {
        let tables = parse_schema("CREATE TABLE tag (a INT, b INT, PRIMARY KEY (a, b));", None);
        let rows = vec![
            vec![Value::Int(1), Value::Int(1)],
            vec![Value::Int(2), Value::Int(2)],
        ];
        let t = Table {
            spec: &tables[0],
            rows: &rows,
            pk: None,
        };
        let all: Vec<&Vec<Value>> = rows.iter().collect();
        let insert = duplicate(&t, &all).unwrap();
        assert_eq!(insert, "INSERT INTO tag (a, b) VALUES (1, 2), (2, 1)");
    }

    #[test]
    fn literals_pair_with_the_columns_they_are_compared_with() {
        let p = paired_literals(
            "SELECT 1 FROM t WHERE t.a >= 5 AND b BETWEEN 1 AND 3 AND c IN ('x') AND d LIKE 'q%'",
        );
        assert!(p["a"].numbers.contains("5"));
        assert!(p["b"].numbers.contains("1") && p["b"].numbers.contains("3"));
        assert!(p["c"].strings.contains("x"));
        assert!(p["d"].strings.contains("q%"));
        let p = paired_literals("SELECT 1 FROM t WHERE LENGTH(TRIM(title)) > 3");
        assert!(p["len:title"].numbers.contains("3"));
        assert_eq!(
            of_lengths(&p["len:title"], &ColType::Text { max_len: Some(3) }),
            vec!["'xx'", "'xxx'"]
        );
    }
}
