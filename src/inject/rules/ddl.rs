//! Rules for DDL that conflicts with the schema.

use super::view::*;
use super::Injection;
use crate::sql::tokens::Kind;

/// Removes `IF [NOT] EXISTS` from a statement that starts with `lead`.
fn drop_if_exists(sql: &str, lead: &[&str], variant: &'static str) -> Vec<Injection> {
    let v = View::new(sql);
    if !lead.iter().enumerate().all(|(i, w)| v.is(i, w)) {
        return Vec::new();
    }
    (0..v.len().saturating_sub(2))
        .filter(|&k| {
            v.is(k, "if")
                && (v.is(k + 1, "exists") || (v.is(k + 1, "not") && v.is(k + 2, "exists")))
        })
        .map(|k| {
            let last = if v.is(k + 1, "not") { k + 2 } else { k + 1 };
            v.remove_range(k, last, variant)
        })
        .collect()
}

pub(super) fn table_already_exists(sql: &str) -> Vec<Injection> {
    drop_if_exists(sql, &["create", "table"], "drop_if_not_exists")
}

pub(super) fn drop_missing_table(sql: &str) -> Vec<Injection> {
    drop_if_exists(sql, &["drop", "table"], "drop_if_exists")
}

/// Column definitions of a CREATE TABLE: (name token, type token).
fn column_defs(v: &View<'_>, d: &[i32]) -> Vec<(usize, usize)> {
    if !(v.is(0, "create") && (1..4).any(|k| v.is(k, "table"))) {
        return Vec::new();
    }
    let Some(open) = (0..v.len()).find(|&k| v.text(k) == "(") else {
        return Vec::new();
    };
    (open + 1..v.len().saturating_sub(1))
        .filter(|&k| d[k] == d[open] + 1 && (k == open + 1 || v.at(k - 1) == ","))
        .filter(|&k| {
            v.kind(k) == Some(Kind::Word)
                && v.kind(k + 1) == Some(Kind::Word)
                && !v.is_any(k, &["primary", "foreign", "unique", "constraint", "check"])
        })
        .map(|k| (k, k + 1))
        .collect()
}

pub(super) fn duplicate_column(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    let d = depths(&v);
    let cols = column_defs(&v, &d);
    cols.windows(2)
        .map(|w| v.replace(w[1].0, v.text(w[0].0), "repeated_column_name"))
        .collect()
}

pub(super) fn drop_missing_column(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    (3..v.len())
        .filter(|&k| {
            v.is(0, "alter") && v.is(k - 2, "drop") && v.is(k - 1, "column") && !v.is(k, "if")
        })
        .flat_map(|k| misspell_token(&v, k))
        .collect()
}

pub(super) fn unknown_type(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    let d = depths(&v);
    let mut types: Vec<usize> = column_defs(&v, &d).into_iter().map(|(_, t)| t).collect();
    types.extend(
        (2..v.len())
            .filter(|&k| v.is(k - 2, "add") && v.is(k - 1, "column"))
            .map(|k| k + 1),
    );
    types
        .into_iter()
        .filter(|&t| t < v.len())
        .filter_map(|t| {
            let to = match v.text(t).to_ascii_lowercase().as_str() {
                "varchar" => "VARCHAR2",
                "integer" | "int" => "NUMBER",
                "timestamp" => "DATETIME2",
                "text" => "NVARCHAR2",
                "decimal" | "numeric" => "MONEY2",
                "boolean" => "BIT2",
                _ => return None,
            };
            Some(v.replace(t, &match_case(v.text(t), to), "other_dialect_type"))
        })
        .collect()
}

pub(super) fn multiple_primary_keys(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    let d = depths(&v);
    if !(0..v.len()).any(|k| v.is(k, "primary")) {
        return Vec::new();
    }
    column_defs(&v, &d)
        .into_iter()
        .filter(|&(_, t)| !v.is(t + 1, "primary"))
        .filter_map(|(_, t)| {
            let last = if v.at(t + 1) == "(" {
                matching_close(&v, &d, t + 1)?
            } else {
                t
            };
            Some(v.insert_after(last, " PRIMARY KEY", "second_primary_key"))
        })
        .collect()
}

pub(super) fn add_not_null_without_default(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    if !(v.is(0, "alter") && (0..v.len()).any(|k| v.is(k, "add"))) {
        return Vec::new();
    }
    (1..v.len().saturating_sub(1))
        .filter(|&k| v.is(k, "default") && (0..k).any(|j| v.is(j, "not") && v.is(j + 1, "null")))
        .map(|k| {
            let d = depths(&v);
            v.remove_range(k, expression_end(&v, &d, k + 1), "drop_default")
        })
        .collect()
}

pub(super) fn auto_increment(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    let d = depths(&v);
    column_defs(&v, &d)
        .into_iter()
        .filter(|&(_, t)| v.is_any(t, &["integer", "int", "bigint"]) && v.is(t + 1, "primary"))
        .map(|(_, t)| v.insert_after(t + 2, " AUTO_INCREMENT", "mysql_auto_increment"))
        .collect()
}

pub(super) fn index_already_exists(sql: &str) -> Vec<Injection> {
    drop_if_exists(sql, &["create", "index"], "drop_if_not_exists")
}

pub(super) fn drop_missing_index(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    if !(v.is(0, "drop") && v.is(1, "index")) {
        return Vec::new();
    }
    // With IF EXISTS a missing index is no error: leave those alone.
    if v.is(2, "if") || v.len() < 3 {
        return Vec::new();
    }
    misspell_token(&v, 2)
}
