//! Rules for INSERT, UPDATE and DELETE: constraint violations, values that
//! do not fit, and target lists that do not line up.

use super::view::*;
use super::Injection;
use crate::sql::tokens::Kind;

/// `INSERT INTO t (cols) VALUES (row), (row)`: the column tokens and, per
/// row, each value's first and last token.
pub(super) struct InsertShape {
    pub columns: Vec<usize>,
    pub rows: Vec<Vec<(usize, usize)>>,
}

pub(super) fn insert_shape(v: &View<'_>, d: &[i32]) -> Option<InsertShape> {
    let ins = (0..v.len()).find(|&k| v.is(k, "insert"))?;
    let open = (ins..v.len()).find(|&k| v.text(k) == "(")?;
    let close = matching_close(v, d, open)?;
    let columns: Vec<usize> = (open + 1..close)
        .filter(|&k| v.tok(k).kind == Kind::Word)
        .collect();
    if !v.is(close + 1, "values") {
        return None;
    }
    let mut rows = Vec::new();
    let mut k = close + 2;
    while v.at(k) == "(" {
        let end = matching_close(v, d, k)?;
        let mut values = Vec::new();
        let mut start = k + 1;
        for j in k + 1..=end {
            if (v.text(j) == "," && d[j] == d[k] + 1) || j == end {
                values.push((start, j - 1));
                start = j + 1;
            }
        }
        rows.push(values);
        if v.at(end + 1) == "," {
            k = end + 2;
        } else {
            break;
        }
    }
    (!rows.is_empty()).then_some(InsertShape { columns, rows })
}

/// `UPDATE t SET c = expr, ...`: (target column, first and last value token).
pub(super) fn assignments(v: &View<'_>, d: &[i32]) -> Vec<(usize, usize, usize)> {
    let Some(set) = (0..v.len()).find(|&k| v.is(k, "set") && d[k] == 0) else {
        return Vec::new();
    };
    if !(0..set).any(|k| v.is(k, "update")) {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut k = set + 1;
    while k + 2 < v.len() && v.at(k + 1) == "=" {
        let end = expression_end(v, d, k + 2);
        out.push((k, k + 2, end));
        if v.at(end + 1) == "," {
            k = end + 2;
        } else {
            break;
        }
    }
    out
}

/// Every written value: (column token, first and last value token).
fn written_values(v: &View<'_>, d: &[i32]) -> Vec<(usize, usize, usize)> {
    let mut out = assignments(v, d);
    if let Some(shape) = insert_shape(v, d) {
        for row in &shape.rows {
            for (i, &(a, b)) in row.iter().enumerate() {
                if let Some(&col) = shape.columns.get(i) {
                    out.push((col, a, b));
                }
            }
        }
    }
    out
}

fn is_literal(v: &View<'_>, a: usize, b: usize) -> bool {
    a == b && matches!(v.kind(a), Some(Kind::Number | Kind::String))
}

/// In a multi-row INSERT, the second row takes the first row's literal
/// at value position `i`, for each `i` that `positions` allows.
fn repeat_first_row(
    v: &View<'_>,
    shape: &InsertShape,
    positions: impl Fn(usize, Kind) -> bool,
    variant: &'static str,
) -> Vec<Injection> {
    let [first, second, ..] = shape.rows.as_slice() else {
        return Vec::new();
    };
    (0..first.len().min(second.len()))
        .filter_map(|i| {
            let ((a, b), (c, e)) = (first[i], second[i]);
            (is_literal(v, a, b) && positions(i, v.tok(a).kind) && v.slice(c, e) != v.slice(a, b))
                .then(|| v.replace_range(c, e, v.slice(a, b), variant))
        })
        .collect()
}

pub(super) fn primary_key_violation(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    let d = depths(&v);
    let Some(shape) = insert_shape(&v, &d) else {
        return Vec::new();
    };
    // A second row repeats the first row's key (the first value).
    let mut out = repeat_first_row(&v, &shape, |i, _| i == 0, "repeated_key");
    if let Some(&(a, b)) = shape.rows[0].first() {
        if a == b && v.tok(a).kind == Kind::Number && v.text(a) != "1" {
            out.push(v.replace(a, "1", "existing_key"));
        }
    }
    out
}

pub(super) fn unique_violation(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    let d = depths(&v);
    let Some(shape) = insert_shape(&v, &d) else {
        return Vec::new();
    };
    // A second row repeats one of the first row's text values.
    repeat_first_row(
        &v,
        &shape,
        |i, kind| i > 0 && kind == Kind::String,
        "repeated_unique_value",
    )
}

pub(super) fn not_null_violation(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    let d = depths(&v);
    written_values(&v, &d)
        .into_iter()
        .filter(|&(_, a, b)| is_literal(&v, a, b))
        .map(|(_, a, b)| v.replace_range(a, b, "NULL", "null_value"))
        .collect()
}

pub(super) fn foreign_key_violation(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    let d = depths(&v);
    written_values(&v, &d)
        .into_iter()
        .filter(|&(col, a, b)| {
            a == b
                && v.tok(a).kind == Kind::Number
                && v.text(col).to_ascii_lowercase().ends_with("_id")
        })
        .map(|(_, a, _)| v.replace(a, "999999", "missing_parent"))
        .collect()
}

pub(super) fn referenced_row_delete(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    if !(0..v.len()).any(|k| v.is(k, "delete")) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for k in 2..v.len() {
        if v.tok(k).kind == Kind::Number && v.at(k - 1) == "=" && v.is(k - 2, "id") {
            for n in ["1", "2", "3"].into_iter().filter(|n| *n != v.text(k)) {
                out.push(v.replace(k, n, "referenced_parent"));
            }
        }
    }
    out
}

pub(super) fn check_violation(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    let d = depths(&v);
    written_values(&v, &d)
        .into_iter()
        .filter(|&(_, a, b)| is_literal(&v, a, b))
        .map(|(_, a, _)| match v.tok(a).kind {
            Kind::Number => v.replace(a, &format!("-{}", v.text(a)), "negative_value"),
            _ => v.replace(a, &v.text(a).to_ascii_uppercase(), "upper_case_value"),
        })
        .collect()
}

pub(super) fn string_too_long(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    let d = depths(&v);
    written_values(&v, &d)
        .into_iter()
        .filter(|&(_, a, b)| a == b && v.tok(a).kind == Kind::String && v.text(a).len() > 3)
        .map(|(_, a, _)| {
            let t = v.text(a);
            let inner = &t[1..t.len() - 1];
            let long = std::iter::repeat_n(inner, 300 / inner.len().max(1) + 1)
                .collect::<Vec<_>>()
                .join(" ");
            v.replace(a, &format!("'{long}'"), "repeated_text")
        })
        .collect()
}

pub(super) fn insert_column_count_mismatch(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    let d = depths(&v);
    let Some(shape) = insert_shape(&v, &d) else {
        return Vec::new();
    };
    let row = &shape.rows[0];
    if row.len() < 2 {
        return Vec::new();
    }
    let (_, last_b) = row[row.len() - 1];
    let (_, prev_b) = row[row.len() - 2];
    vec![v.remove_range(prev_b + 1, last_b, "dropped_value")]
}

pub(super) fn unknown_target_column(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    let d = depths(&v);
    let mut targets: Vec<usize> = assignments(&v, &d).into_iter().map(|(c, _, _)| c).collect();
    if let Some(shape) = insert_shape(&v, &d) {
        targets.extend(shape.columns);
    }
    targets
        .into_iter()
        .flat_map(|k| misspell_token(&v, k))
        .collect()
}

pub(super) fn missing_required_value(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    let d = depths(&v);
    let Some(shape) = insert_shape(&v, &d) else {
        return Vec::new();
    };
    if shape.rows.len() != 1 || shape.columns.len() != shape.rows[0].len() {
        return Vec::new();
    }
    let row = &shape.rows[0];
    let mut out = Vec::new();
    for i in 1..row.len() {
        let (a, b) = row[i];
        let col = shape.columns[i];
        if !is_literal(&v, a, b) || !v.one_line(col, b) && v.slice(col, b).matches('\n').count() > 1
        {
            continue;
        }
        // Remove the value first (it comes later), then the column.
        let (_, prev_b) = row[i - 1];
        let without_value = splice_out(&v, prev_b, b);
        // `, col` goes: from the end of the token before the comma.
        let col_start = v.tok(col - 2).span.end;
        let bug = format!(
            "{}{}",
            &without_value[..col_start],
            &without_value[v.tok(col).span.end..]
        );
        out.push(Injection {
            bug_sql: bug,
            variant: "dropped_column_and_value",
        });
    }
    out
}

/// The SQL without code tokens `after+1 ..= last` (and the trivia before them).
fn splice_out(v: &View<'_>, after: usize, last: usize) -> String {
    crate::sql::tokens::splice(v.sql, v.tok(after).span.end..v.tok(last).span.end, "")
}

pub(super) fn duplicate_assignment(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    let d = depths(&v);
    let mut out = Vec::new();
    let set = assignments(&v, &d);
    if set.len() >= 2 {
        out.push(v.replace(set[1].0, v.text(set[0].0), "assigned_twice"));
    }
    if let Some(shape) = insert_shape(&v, &d) {
        if shape.columns.len() >= 2 {
            let (a, b) = (shape.columns[0], shape.columns[1]);
            out.push(v.replace(b, v.text(a), "column_listed_twice"));
        }
    }
    out
}

pub(super) fn aggregate_in_update(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    let d = depths(&v);
    assignments(&v, &d)
        .into_iter()
        .filter_map(|(_, a, b)| {
            if !(v.at(a) == "(" && v.is(a + 1, "select") && v.text(b) == ")") {
                return None;
            }
            let close = is_aggregate_call(&v, &d, a + 2)?;
            // Only when the subquery reads the updated table, so its
            // columns exist there too.
            let target = (0..v.len())
                .find(|&k| v.is(k, "update"))
                .map(|k| v.text(k + 1))?;
            (v.is(close + 1, "from") && v.text(close + 2).eq_ignore_ascii_case(target))
                .then(|| v.replace_range(a, b, v.slice(a + 2, close), "aggregate_without_subquery"))
        })
        .collect()
}

pub(super) fn upsert_syntax(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    let d = depths(&v);
    let Some(shape) = insert_shape(&v, &d) else {
        return Vec::new();
    };
    let (Some(&first), Some(&(_, end))) = (
        shape.columns.first(),
        shape.rows.last().and_then(|r| r.last()),
    ) else {
        return Vec::new();
    };
    let close = end + 1;
    if close + 1 != v.len() {
        return Vec::new();
    }
    let col = v.text(first);
    vec![
        v.insert_after(
            close,
            &format!(" ON DUPLICATE KEY UPDATE {col} = {col}"),
            "mysql_upsert",
        ),
        v.insert_after(
            close,
            &format!(" ON CONFLICT ({col}) DO NOTHING"),
            "postgres_upsert",
        ),
    ]
}
