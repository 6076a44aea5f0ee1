//! The table facts some anti-patterns need to prove equivalence: column
//! types, NOT NULL, and unique keys, read from a corpus's DDL. Foreign keys
//! are ignored on purpose: SQLite does not enforce them by default, so no
//! rule may rely on them.

use super::ast::{last_ident, lower, parse_statements};
use sqlparser::ast::{ColumnOption, CreateTable, Expr, IndexColumn, Statement, TableConstraint};
use std::collections::BTreeMap;

/// The coarse type classes the rules reason about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnType {
    Integer,
    Decimal,
    Float,
    Text,
    Date,
    /// TIMESTAMP / DATETIME without time zone.
    Timestamp,
    Boolean,
    Other,
}

impl ColumnType {
    fn classify(declared: &str) -> ColumnType {
        let t = declared.to_ascii_uppercase();
        let starts = |p: &[&str]| p.iter().any(|p| t.starts_with(p));
        if t.contains("INTERVAL") || t.contains("POINT") || t.contains("ZONE") {
            ColumnType::Other
        } else if t.contains("INT") {
            ColumnType::Integer
        } else if starts(&["DECIMAL", "NUMERIC", "DEC("]) {
            ColumnType::Decimal
        } else if starts(&["REAL", "DOUBLE", "FLOAT"]) {
            ColumnType::Float
        } else if starts(&["BOOL"]) {
            ColumnType::Boolean
        } else if starts(&["TIMESTAMP", "DATETIME"]) {
            ColumnType::Timestamp
        } else if t == "DATE" {
            ColumnType::Date
        } else if t.contains("CHAR") || t.contains("TEXT") || t.contains("CLOB") {
            ColumnType::Text
        } else {
            ColumnType::Other
        }
    }

    pub fn is_numeric(self) -> bool {
        matches!(
            self,
            ColumnType::Integer | ColumnType::Decimal | ColumnType::Float
        )
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// Lower-cased.
    pub name: String,
    pub ty: ColumnType,
    pub not_null: bool,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Table {
    /// Lower-cased.
    pub name: String,
    pub columns: Vec<Column>,
    /// PRIMARY KEY and UNIQUE column sets, lower-cased.
    pub keys: Vec<Vec<String>>,
}

impl Table {
    pub fn column(&self, name: &str) -> Option<&Column> {
        self.columns
            .iter()
            .find(|c| c.name.eq_ignore_ascii_case(name))
    }

    /// Whether `cols` (lower-cased) contain a unique key: equality on them
    /// matches at most one row (NULLs never compare equal).
    pub fn has_unique(&self, cols: &[String]) -> bool {
        self.keys.iter().any(|k| k.iter().all(|c| cols.contains(c)))
    }

    /// Whether `cols` contain a unique key whose columns are all NOT NULL,
    /// so no two rows agree on `cols`.
    pub fn has_unique_not_null(&self, cols: &[String]) -> bool {
        self.keys.iter().any(|k| {
            k.iter()
                .all(|c| cols.contains(c) && self.column(c).is_some_and(|c| c.not_null))
        })
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Schema {
    tables: BTreeMap<String, Table>,
}

impl Schema {
    /// Reads every CREATE TABLE it can parse; anything else is skipped (a
    /// rule that needs a missing table simply does not fire).
    pub fn from_ddl(ddl: &str) -> Schema {
        let mut tables = BTreeMap::new();
        for piece in crate::sql::split_statements(ddl, Default::default()) {
            for statement in parse_statements(&piece.sql).unwrap_or_default() {
                if let Statement::CreateTable(ct) = statement {
                    if let Some(t) = table_of(&ct) {
                        tables.insert(t.name.clone(), t);
                    }
                }
            }
        }
        Schema { tables }
    }

    pub fn table(&self, name: &str) -> Option<&Table> {
        self.tables.get(&name.to_ascii_lowercase())
    }

    pub fn is_empty(&self) -> bool {
        self.tables.is_empty()
    }
}

fn table_of(ct: &CreateTable) -> Option<Table> {
    let mut table = Table {
        name: lower(last_ident(&ct.name)?),
        ..Table::default()
    };
    for def in &ct.columns {
        let name = lower(&def.name);
        let declared = def.data_type.to_string();
        let mut not_null = false;
        for option in &def.options {
            match &option.option {
                ColumnOption::NotNull => not_null = true,
                ColumnOption::PrimaryKey(_) => {
                    // Only SQLite's rowid alias is implicitly NOT NULL there.
                    not_null |= declared.eq_ignore_ascii_case("INTEGER");
                    table.keys.push(vec![name.clone()]);
                }
                ColumnOption::Unique(_) => table.keys.push(vec![name.clone()]),
                _ => {}
            }
        }
        table.columns.push(Column {
            name,
            ty: ColumnType::classify(&declared),
            not_null,
        });
    }
    for constraint in &ct.constraints {
        let columns = match constraint {
            TableConstraint::PrimaryKey(pk) => &pk.columns,
            TableConstraint::Unique(u) => &u.columns,
            _ => continue,
        };
        if let Some(key) = key_columns(columns) {
            table.keys.push(key);
        }
    }
    Some(table)
}

fn key_columns(columns: &[IndexColumn]) -> Option<Vec<String>> {
    columns
        .iter()
        .map(|c| match &c.column.expr {
            Expr::Identifier(i) => Some(lower(i)),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_keys_types_and_nullability() {
        let s = Schema::from_ddl(
            "CREATE TABLE t (id INTEGER PRIMARY KEY, code VARCHAR(8) UNIQUE, d DATE NOT NULL,
                ts TIMESTAMP, amount DECIMAL(10, 2), score DOUBLE PRECISION, ok BOOLEAN);
             CREATE TABLE u (a INTEGER NOT NULL, b INT NOT NULL, c TEXT, PRIMARY KEY (a, b), UNIQUE (c));
             CREATE INDEX ix ON u (c);",
        );
        let t = s.table("T").expect("t");
        assert!(t.column("id").expect("id").not_null);
        assert!(!t.column("code").expect("code").not_null);
        assert_eq!(t.column("d").map(|c| c.ty), Some(ColumnType::Date));
        assert_eq!(t.column("ts").map(|c| c.ty), Some(ColumnType::Timestamp));
        assert_eq!(t.column("amount").map(|c| c.ty), Some(ColumnType::Decimal));
        assert_eq!(t.column("score").map(|c| c.ty), Some(ColumnType::Float));
        assert_eq!(t.column("ok").map(|c| c.ty), Some(ColumnType::Boolean));
        assert!(t.has_unique(&["code".into()]));
        assert!(!t.has_unique_not_null(&["code".into()]));
        assert!(t.has_unique_not_null(&["id".into(), "d".into()]));
        let u = s.table("u").expect("u");
        assert!(!u.has_unique(&["a".into()]));
        assert!(u.has_unique_not_null(&["a".into(), "b".into()]));
        assert!(u.has_unique(&["c".into()]));
        assert!(s.table("ix").is_none());
    }
}
