//! The schema facts the database fuzzer needs, read from CREATE TABLE
//! statements with sqlparser: column types, NOT NULL, primary keys, UNIQUE,
//! foreign keys, and the literals of CHECK constraints.

use crate::engine::EngineKind;
use crate::sql::features::dialect_for;
use sqlparser::ast::{
    visit_expressions, ColumnOption, CreateTable, Expr, ObjectName, Statement, TableConstraint,
};
use sqlparser::parser::Parser;
use std::collections::BTreeSet;
use std::ops::ControlFlow;

/// The kind of value a column holds.
#[derive(Debug, Clone, PartialEq)]
pub enum ColType {
    Int,
    Decimal { scale: u32 },
    Float,
    Text { max_len: Option<usize> },
    Date,
    Timestamp,
    Time,
    Bool,
}

#[derive(Debug, Clone)]
pub struct ColumnSpec {
    pub name: String,
    pub ty: ColType,
    pub not_null: bool,
    /// Literals from CHECK constraints that mention only this column.
    pub check_literals: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct ForeignKey {
    pub columns: Vec<String>,
    pub parent: String,
    pub parent_columns: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct TableSpec {
    pub name: String,
    pub columns: Vec<ColumnSpec>,
    /// The primary key and every UNIQUE constraint, as column lists.
    pub unique: Vec<Vec<String>>,
    pub primary_key: Vec<String>,
    pub foreign_keys: Vec<ForeignKey>,
}

impl TableSpec {
    pub fn column(&self, name: &str) -> Option<usize> {
        self.columns
            .iter()
            .position(|c| c.name.eq_ignore_ascii_case(name))
    }
}

fn last_ident(name: &ObjectName) -> String {
    name.0
        .last()
        .and_then(|p| p.as_ident())
        .map(|i| i.value.clone())
        .unwrap_or_else(|| name.to_string())
}

fn number_in_parens(t: &str, nth: usize) -> Option<u32> {
    let inner = t.split_once('(')?.1.split_once(')')?.0;
    inner.split(',').nth(nth)?.trim().parse().ok()
}

/// Classifies a type by its printed name, the way engines do by affinity.
pub fn col_type(type_name: &str) -> ColType {
    let t = type_name.to_ascii_uppercase();
    if t.contains("INT") || t == "SERIAL" || t == "BIGSERIAL" {
        ColType::Int
    } else if t.starts_with("DEC") || t.starts_with("NUMERIC") || t.starts_with("NUMBER") {
        ColType::Decimal {
            scale: number_in_parens(&t, 1).unwrap_or(2),
        }
    } else if t.contains("REAL") || t.contains("FLOA") || t.contains("DOUB") {
        ColType::Float
    } else if t.starts_with("TIMESTAMP") || t.starts_with("DATETIME") {
        ColType::Timestamp
    } else if t.starts_with("DATE") {
        ColType::Date
    } else if t.starts_with("TIME") {
        ColType::Time
    } else if t.starts_with("BOOL") {
        ColType::Bool
    } else {
        ColType::Text {
            max_len: number_in_parens(&t, 0).map(|n| n as usize),
        }
    }
}

fn index_columns(cols: &[sqlparser::ast::IndexColumn]) -> Vec<String> {
    cols.iter()
        .map(|c| match &c.column.expr {
            Expr::Identifier(i) => i.value.clone(),
            other => other.to_string(),
        })
        .collect()
}

/// Identifiers and literals of a CHECK expression.
fn check_parts(expr: &Expr) -> (BTreeSet<String>, Vec<String>) {
    let mut idents = BTreeSet::new();
    let mut lits = Vec::new();
    let _ = visit_expressions(expr, |e| {
        match e {
            Expr::Identifier(i) => {
                idents.insert(i.value.to_ascii_lowercase());
            }
            Expr::CompoundIdentifier(p) => {
                if let Some(i) = p.last() {
                    idents.insert(i.value.to_ascii_lowercase());
                }
            }
            _ => {}
        }
        if let Some(l) = super::literals::literal_text(e) {
            lits.push(l);
        }
        ControlFlow::<()>::Continue(())
    });
    (idents, lits)
}

fn table_spec(ct: &CreateTable) -> TableSpec {
    let mut spec = TableSpec {
        name: last_ident(&ct.name),
        columns: Vec::new(),
        unique: Vec::new(),
        primary_key: Vec::new(),
        foreign_keys: Vec::new(),
    };
    let mut checks: Vec<Expr> = Vec::new();
    for c in &ct.columns {
        let name = c.name.value.clone();
        let mut col = ColumnSpec {
            name: name.clone(),
            ty: col_type(&c.data_type.to_string()),
            not_null: false,
            check_literals: Vec::new(),
        };
        for o in &c.options {
            match &o.option {
                ColumnOption::NotNull => col.not_null = true,
                ColumnOption::PrimaryKey(_) => {
                    col.not_null = true;
                    spec.primary_key = vec![name.clone()];
                    spec.unique.push(vec![name.clone()]);
                }
                ColumnOption::Unique(_) => spec.unique.push(vec![name.clone()]),
                ColumnOption::ForeignKey(fk) => spec.foreign_keys.push(ForeignKey {
                    columns: vec![name.clone()],
                    parent: last_ident(&fk.foreign_table),
                    parent_columns: fk
                        .referred_columns
                        .iter()
                        .map(|i| i.value.clone())
                        .collect(),
                }),
                ColumnOption::Check(ck) => checks.push((*ck.expr).clone()),
                _ => {}
            }
        }
        spec.columns.push(col);
    }
    for constraint in &ct.constraints {
        match constraint {
            TableConstraint::PrimaryKey(pk) => {
                let cols = index_columns(&pk.columns);
                for name in &cols {
                    if let Some(i) = spec.column(name) {
                        spec.columns[i].not_null = true;
                    }
                }
                spec.primary_key = cols.clone();
                spec.unique.push(cols);
            }
            TableConstraint::Unique(u) => spec.unique.push(index_columns(&u.columns)),
            TableConstraint::ForeignKey(fk) => spec.foreign_keys.push(ForeignKey {
                columns: fk.columns.iter().map(|i| i.value.clone()).collect(),
                parent: last_ident(&fk.foreign_table),
                parent_columns: fk
                    .referred_columns
                    .iter()
                    .map(|i| i.value.clone())
                    .collect(),
            }),
            TableConstraint::Check(ck) => checks.push((*ck.expr).clone()),
            _ => {}
        }
    }
    for check in &checks {
        let (idents, lits) = check_parts(check);
        let mentioned: Vec<usize> = idents.iter().filter_map(|i| spec.column(i)).collect();
        if let [only] = mentioned[..] {
            spec.columns[only].check_literals.extend(lits);
        }
    }
    // A foreign key without referred columns points at the parent's key;
    // filled in by `resolve`.
    spec
}

/// Reads every CREATE TABLE of `ddl`. Statements that do not parse are
/// skipped: the fuzzer only needs the tables it understands.
pub fn parse_schema(ddl: &str, kind: Option<EngineKind>) -> Vec<TableSpec> {
    let dialect = dialect_for(kind);
    let mut tables = Vec::new();
    for stmt in crate::sql::split_statements(ddl, Default::default()) {
        let parsed = Parser::parse_sql(dialect.as_ref(), &stmt.sql)
            .or_else(|_| Parser::parse_sql(&sqlparser::dialect::GenericDialect {}, &stmt.sql));
        if let Ok(statements) = parsed {
            for s in statements {
                if let Statement::CreateTable(ct) = s {
                    tables.push(table_spec(&ct));
                }
            }
        }
    }
    resolve(&mut tables);
    tables
}

fn resolve(tables: &mut [TableSpec]) {
    let keys: Vec<(String, Vec<String>)> = tables
        .iter()
        .map(|t| (t.name.to_ascii_lowercase(), t.primary_key.clone()))
        .collect();
    for t in tables.iter_mut() {
        for fk in &mut t.foreign_keys {
            if fk.parent_columns.is_empty() {
                if let Some((_, pk)) = keys
                    .iter()
                    .find(|(n, _)| *n == fk.parent.to_ascii_lowercase())
                {
                    fk.parent_columns = pk.clone();
                }
            }
        }
    }
}

/// Tables in an order where parents come before children (self references
/// and cycles do not block).
pub fn insertion_order(tables: &[TableSpec]) -> Vec<usize> {
    let mut done: Vec<bool> = vec![false; tables.len()];
    let mut order = Vec::new();
    while order.len() < tables.len() {
        let before = order.len();
        for (i, t) in tables.iter().enumerate() {
            if done[i] {
                continue;
            }
            let ready = t.foreign_keys.iter().all(|fk| {
                fk.parent.eq_ignore_ascii_case(&t.name)
                    || tables
                        .iter()
                        .position(|p| p.name.eq_ignore_ascii_case(&fk.parent))
                        .is_none_or(|p| done[p])
            });
            if ready {
                done[i] = true;
                order.push(i);
            }
        }
        if order.len() == before {
            // A cycle: take the first remaining table.
            let i = done.iter().position(|d| !d).expect("a table remains");
            done[i] = true;
            order.push(i);
        }
    }
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    const DDL: &str = "
        CREATE TABLE dept (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(20) NOT NULL UNIQUE,
            region VARCHAR(4) NOT NULL, CONSTRAINT ck CHECK (region IN ('AMER', 'EMEA')));
        CREATE TABLE emp (id INTEGER PRIMARY KEY, dept_id INTEGER NOT NULL REFERENCES dept (id),
            boss INTEGER NULL, salary DECIMAL(10, 2), hired DATE,
            FOREIGN KEY (boss) REFERENCES emp (id));
        CREATE TABLE pairs (a INTEGER NOT NULL, b INTEGER NOT NULL, PRIMARY KEY (a, b),
            FOREIGN KEY (a) REFERENCES emp);";

    #[test]
    fn reads_keys_types_and_check_literals() {
        let t = parse_schema(DDL, None);
        assert_eq!(t.len(), 3);
        let dept = &t[0];
        assert_eq!(dept.primary_key, vec!["id"]);
        assert!(dept.unique.contains(&vec!["name".to_string()]));
        assert_eq!(dept.columns[1].ty, ColType::Text { max_len: Some(20) });
        assert_eq!(dept.columns[2].check_literals, vec!["AMER", "EMEA"]);
        let emp = &t[1];
        assert!(emp.columns[1].not_null && !emp.columns[2].not_null);
        assert_eq!(emp.columns[3].ty, ColType::Decimal { scale: 2 });
        assert_eq!(emp.columns[4].ty, ColType::Date);
        assert_eq!(emp.foreign_keys.len(), 2);
        assert_eq!(t[2].primary_key, vec!["a", "b"]);
        assert_eq!(t[2].foreign_keys[0].parent_columns, vec!["id"]);
    }

    #[test]
    fn parents_come_first() {
        let mut t = parse_schema(DDL, None);
        t.reverse();
        let order: Vec<String> = insertion_order(&t)
            .iter()
            .map(|&i| t[i].name.clone())
            .collect();
        assert_eq!(order, vec!["dept", "emp", "pairs"]);
    }
}
