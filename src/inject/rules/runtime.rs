//! Rules for errors that happen while the statement runs, on the data.

use super::dialect::date_literal;
use super::view::*;
use super::Injection;
use crate::sql::tokens::Kind;

pub(super) fn drop_nullif_guard(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    let d = depths(&v);
    (1..v.len().saturating_sub(1))
        .filter(|&k| v.text(k - 1) == "/" && v.is(k, "nullif") && v.at(k + 1) == "(")
        .filter_map(|k| {
            let close = matching_close(&v, &d, k + 1)?;
            let comma = (k + 2..close).find(|&j| d[j] == d[k] + 1 && v.text(j) == ",")?;
            let zero = comma + 1 == close - 1 && v.at(comma + 1) == "0";
            if !zero {
                return None;
            }
            let divisor = v.slice(k + 2, comma - 1);
            let simple = v.column_at(k + 2) == Some(comma - 1);
            let with = if simple {
                divisor.to_string()
            } else {
                format!("({divisor})")
            };
            Some(v.replace_range(k, close, &with, "drop_nullif"))
        })
        .collect()
}

pub(super) fn integer_overflow(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    (1..v.len())
        .filter(|&k| {
            v.tok(k).kind == Kind::Number
                && matches!(v.text(k - 1), "*" | "+")
                && v.text(k).chars().all(|c| c.is_ascii_digit())
        })
        .map(|k| v.replace(k, "9223372036854775807", "int64_max"))
        .collect()
}

pub(super) fn invalid_math_argument(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    let d = depths(&v);
    (0..v.len().saturating_sub(1))
        .filter(|&k| v.is_any(k, &["ln", "log", "log10", "sqrt"]) && v.at(k + 1) == "(")
        .filter_map(|k| {
            let close = matching_close(&v, &d, k + 1)?;
            let one_argument =
                close > k + 2 && !(k + 2..close).any(|j| d[j] == d[k] + 1 && v.text(j) == ",");
            if !one_argument {
                return None;
            }
            let arg = v.slice(k + 2, close - 1);
            Some(v.replace_range(k + 2, close - 1, &format!("-({arg})"), "negated_argument"))
        })
        .collect()
}

pub(super) fn string_to_number(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    (1..v.len())
        .filter(|&k| {
            v.tok(k).kind == Kind::Number
                && matches!(v.text(k - 1), "=" | "<" | ">" | "<=" | ">=" | "<>")
        })
        .filter_map(|k| {
            let n: u64 = v.text(k).parse().ok()?;
            // 98000 typed as '98,000'.
            (n >= 1000).then(|| {
                let digits = n.to_string();
                let mut grouped = String::new();
                for (i, c) in digits.chars().enumerate() {
                    if i > 0 && (digits.len() - i).is_multiple_of(3) {
                        grouped.push(',');
                    }
                    grouped.push(c);
                }
                v.replace(k, &format!("'{grouped}'"), "thousands_separator")
            })
        })
        .collect()
}

pub(super) fn string_to_boolean(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    (1..v.len())
        .filter(|&k| v.is_any(k, &["true", "false"]) && matches!(v.text(k - 1), "=" | "<>"))
        .map(|k| {
            let word = if v.is(k, "true") {
                "'active'"
            } else {
                "'inactive'"
            };
            v.replace(k, word, "status_word")
        })
        .collect()
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

pub(super) fn date_out_of_range(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    (0..v.len())
        .filter_map(|k| {
            let (y, m, _) = date_literal(&v, k)?;
            let day = days_in_month(y, m) + 1;
            (day <= 31).then(|| {
                v.replace(
                    k,
                    &format!("'{y:04}-{m:02}-{day:02}'"),
                    "day_past_month_end",
                )
            })
        })
        .collect()
}

pub(super) fn invalid_date_format(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    (0..v.len())
        .filter_map(|k| {
            let (y, m, day) = date_literal(&v, k)?;
            (day > 12).then(|| v.replace(k, &format!("'{day:02}/{m:02}/{y:04}'"), "day_month_year"))
        })
        .collect()
}

pub(super) fn invalid_regex(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    let d = depths(&v);
    (0..v.len())
        .filter(|&k| {
            v.at(k + 1) == "("
                && v.is_any(
                    k,
                    &[
                        "regexp_matches",
                        "regexp_replace",
                        "regexp_like",
                        "regexp_full_match",
                    ],
                )
        })
        .filter_map(|k| {
            // The pattern is the second argument.
            let comma = (k + 2..v.len()).find(|&j| d[j] == d[k] + 1 && v.text(j) == ",")?;
            let pattern = comma + 1;
            let t = v.text(pattern);
            (v.tok(pattern).kind == Kind::String && t.len() >= 2).then(|| {
                v.replace(
                    pattern,
                    &format!("{}('", &t[..t.len() - 1]),
                    "unclosed_group",
                )
            })
        })
        .collect()
}

pub(super) fn negative_substring_length(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    let d = depths(&v);
    (0..v.len().saturating_sub(1))
        .filter(|&k| v.is_any(k, &["substr", "substring"]) && v.at(k + 1) == "(")
        .filter_map(|k| {
            let close = matching_close(&v, &d, k + 1)?;
            let last = close - 1;
            let sep = v.at(last - 1);
            let third = (sep == "," || v.is(last - 1, "for")) && v.tok(last).kind == Kind::Number;
            let commas = (k + 2..close)
                .filter(|&j| d[j] == d[k] + 1 && v.text(j) == ",")
                .count();
            (third && (commas == 2 || v.is(last - 1, "for")))
                .then(|| v.replace(last, &format!("-{}", v.text(last)), "negative_length"))
        })
        .collect()
}

pub(super) fn numeric_field_overflow(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    let d = depths(&v);
    let mut out = Vec::new();
    for k in 1..v.len().saturating_sub(5) {
        // CAST(x AS DECIMAL(10, 2)) narrowed to DECIMAL(3, 2).
        if v.is_any(k, &["decimal", "numeric"])
            && v.at(k + 1) == "("
            && v.tok(k + 2).kind == Kind::Number
            && v.at(k + 3) == ","
            && v.tok(k + 4).kind == Kind::Number
            && v.at(k + 5) == ")"
            && v.is(k - 1, "as")
        {
            let scale: u32 = v.text(k + 4).parse().unwrap_or(2);
            out.push(v.replace(k + 2, &(scale + 1).to_string(), "narrow_precision"));
        }
    }
    // A decimal value written into a table gets far too many digits.
    let in_values = (0..v.len()).find(|&k| v.is_any(k, &["values", "set"]));
    if let Some(start) = in_values {
        for k in start..v.len() {
            if d[k] == d[start] && v.is_any(k, &["where", "returning", "on"]) {
                break;
            }
            if v.tok(k).kind == Kind::Number && v.text(k).contains('.') && d[k] >= d[start] {
                out.push(v.replace(k, &format!("99999999999{}", v.text(k)), "extra_digits"));
            }
        }
    }
    out
}
