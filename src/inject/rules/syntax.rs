//! Rules for syntax errors: the statement no longer parses.

use super::view::*;
use super::Injection;
use crate::sql::tokens::{splice, Kind};

pub(super) fn keyword_typo(sql: &str) -> Vec<Injection> {
    const TYPOS: [(&str, &str); 6] = [
        ("select", "SELEC"),
        ("from", "FORM"),
        ("where", "WHER"),
        ("group", "GRUOP"),
        ("order", "ORDR"),
        ("join", "JION"),
    ];
    swap_words(sql, &TYPOS, false, "keyword")
}

pub(super) fn trailing_comma(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    let d = depths(&v);
    (1..v.len())
        .filter(|&k| is_clause_from(&v, &d, k) && !matches!(v.prev(k), Some("," | "(")))
        .map(|k| {
            let prev = v.tok(k - 1).span.end;
            Injection {
                bug_sql: format!("{},{}", &sql[..prev], &sql[prev..]),
                variant: "before_from",
            }
        })
        .collect()
}

pub(super) fn unterminated_string(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    (0..v.len())
        .filter(|&k| {
            v.tok(k).kind == Kind::String && v.text(k).starts_with('\'') && v.text(k).len() >= 2
        })
        .map(|k| {
            let text = v.text(k);
            v.replace(k, &text[..text.len() - 1], "drop_closing_quote")
        })
        .collect()
}

pub(super) fn unbalanced_parentheses(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    (0..v.len())
        .filter(|&k| v.text(k) == ")")
        // An extra `)` is what the engines report as unbalanced; a missing
        // one reads as an incomplete statement.
        .map(|k| v.replace(k, "))", "extra_close_paren"))
        .collect()
}

pub(super) fn missing_comma(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    let d = depths(&v);
    let mut out = Vec::new();
    let mut select_depth: Option<i32> = None;
    for (k, &depth) in d.iter().enumerate() {
        if v.tok(k).is_word(sql, "select") {
            select_depth = Some(depth);
        } else if v.tok(k).is_word(sql, "from") && select_depth == Some(depth) {
            select_depth = None;
        } else if v.text(k) == "," && select_depth == Some(depth) && v.next(k).is_some() {
            out.push(v.replace(k, "", "drop_select_comma"));
        }
    }
    out
}

pub(super) fn open_quoted_identifier(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    (0..v.len())
        .filter(|&k| is_column_ref(&v, k))
        .map(|k| v.replace(k, &format!("\"{}", v.text(k)), "missing_closing_quote"))
        .collect()
}

pub(super) fn unclosed_comment(sql: &str) -> Vec<Injection> {
    let tokens = crate::sql::tokens::tokenize(sql);
    let mut out = Vec::new();
    for t in &tokens {
        let text = t.text(sql);
        if t.kind != Kind::Trivia {
            continue;
        }
        // A block comment loses its `*/`; a whole-line `--` comment becomes
        // a block comment that is never closed.
        if let Some(start) = text.find("/*") {
            if let Some(end) = text[start..].find("*/") {
                let at = t.span.start + start + end;
                out.push(Injection {
                    bug_sql: splice(sql, at..at + 2, ""),
                    variant: "drop_comment_end",
                });
            }
        }
        let mut offset = t.span.start;
        for line in text.split_inclusive('\n') {
            let trimmed = line.trim_start();
            let line_start_of_code = sql[..offset].rfind('\n').map_or(0, |i| i + 1);
            let only_ws_before = sql[line_start_of_code..offset].trim().is_empty();
            if trimmed.starts_with("--") && only_ws_before && !trimmed.starts_with("-- @") {
                let at = offset + (line.len() - trimmed.len());
                out.push(Injection {
                    bug_sql: splice(sql, at..at + 2, "/*"),
                    variant: "line_comment_to_block",
                });
            }
            offset += line.len();
        }
    }
    out
}

pub(super) fn stray_character(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    (0..v.len())
        .filter(|&k| {
            // The last code token on its line.
            k + 1 == v.len() || sql[v.tok(k).span.end..v.tok(k + 1).span.start].contains('\n')
        })
        .filter(|&k| v.tok(k).kind != Kind::Symbol || v.text(k) == ")")
        .map(|k| v.insert_after(k, " ]", "stray_bracket"))
        .collect()
}

pub(super) fn smart_quotes(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    (0..v.len())
        .filter(|&k| v.tok(k).kind == Kind::String && v.text(k).starts_with('\''))
        .filter(|&k| v.text(k).len() >= 2 && !v.text(k)[1..v.text(k).len() - 1].contains('\''))
        .map(|k| {
            let text = v.text(k);
            v.replace(
                k,
                &format!("\u{2018}{}\u{2019}", &text[1..text.len() - 1]),
                "curly_single_quotes",
            )
        })
        .collect()
}

pub(super) fn broken_exponent(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    (0..v.len())
        .filter(|&k| v.tok(k).kind == Kind::Number && v.text(k).chars().all(|c| c.is_ascii_digit()))
        .filter(|&k| v.text(k).len() >= 3 && v.text(k).ends_with("00"))
        .map(|k| {
            // 50000 written as 5e4 with the exponent lost: `5e`.
            let t = v.text(k);
            let mantissa = t.trim_end_matches('0');
            v.replace(k, &format!("{mantissa}e"), "missing_exponent")
        })
        .collect()
}

pub(super) fn missing_from(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    let d = depths(&v);
    let mut out = Vec::new();
    for k in 0..v.len().saturating_sub(2) {
        if !(v.is(k, "select") && v.at(k + 1) == "*" && v.is(k + 2, "from")) {
            continue;
        }
        let table = k + 3;
        if table >= v.len() || v.tok(table).kind != Kind::Word || d[table] != d[k] {
            continue;
        }
        let mut last = table;
        if v.is(table + 1, "as") {
            last = table + 2;
        } else if table + 1 < v.len()
            && v.tok(table + 1).kind == Kind::Word
            && !is_keyword(v.text(table + 1))
            && !v.is_any(table + 1, CLAUSE_WORDS)
        {
            last = table + 1;
        }
        if last < v.len() && v.one_line(k + 2, last) {
            out.push(v.remove_range(k + 2, last, "drop_from_clause"));
        }
    }
    out
}

/// Whole-line clauses at the top level: (keyword token, first line start, line end).
fn clause_lines(sql: &str, v: &View<'_>, d: &[i32]) -> Vec<(usize, std::ops::Range<usize>)> {
    let mut out = Vec::new();
    for (k, &depth) in d.iter().enumerate() {
        if depth != 0 || !v.is_any(k, &["where", "group", "having", "order", "limit"]) {
            continue;
        }
        let start = v.tok(k).span.start;
        let line_start = sql[..start].rfind('\n').map_or(0, |i| i + 1);
        if !sql[line_start..start].trim().is_empty() {
            continue;
        }
        let line_end = sql[start..].find('\n').map_or(sql.len(), |i| start + i);
        out.push((k, line_start..line_end));
    }
    out
}

pub(super) fn misplaced_clause(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    let d = depths(&v);
    let lines = clause_lines(sql, &v, &d);
    let mut out = Vec::new();
    for pair in lines.windows(2) {
        let ((_, a), (_, b)) = (&pair[0], &pair[1]);
        // Two adjacent one-line clauses swap places.
        if a.end + 1 != b.start {
            continue;
        }
        let (first, second) = (&sql[a.clone()], &sql[b.clone()]);
        if first.contains("--") || second.contains("--") {
            continue;
        }
        out.push(Injection {
            bug_sql: splice(sql, a.start..b.end, &format!("{second}\n{first}")),
            variant: "swap_clause_lines",
        });
    }
    out
}

pub(super) fn incomplete_statement(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    let n = v.len();
    if n < 3 || !COMPARISONS.contains(&v.text(n - 2)) {
        return Vec::new();
    }
    if !matches!(v.tok(n - 1).kind, Kind::Number | Kind::String | Kind::Word) {
        return Vec::new();
    }
    vec![v.remove_range(n - 1, n - 1, "drop_last_operand")]
}

pub(super) fn reserved_word_alias(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    let d = depths(&v);
    const RESERVED: [&str; 4] = ["ORDER", "GROUP", "TABLE", "FROM"];
    let table_aliases: Vec<usize> = table_refs(&v).into_iter().filter_map(|(_, a)| a).collect();
    let mut out = Vec::new();
    for k in 1..v.len() {
        // Not the type of a CAST(x AS type).
        let in_cast = (0..k)
            .rev()
            .find(|&j| v.text(j) == "(" && d[j] == d[k] - 1)
            .is_some_and(|open| open > 0 && v.is(open - 1, "cast"));
        let alias_def =
            (v.is(k - 1, "as") && !in_cast && v.at(k + 1) != "(") || table_aliases.contains(&k);
        if alias_def && v.tok(k).kind == Kind::Word && !is_keyword(v.text(k)) {
            let word = RESERVED[v.text(k).len() % RESERVED.len()];
            out.push(v.replace(k, word, "reserved_alias"));
        }
    }
    out
}

pub(super) fn missing_operand(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    (1..v.len().saturating_sub(2))
        .filter(|&k| COMPARISONS.contains(&v.text(k)))
        .filter(|&k| matches!(v.tok(k + 1).kind, Kind::Number | Kind::String))
        .filter(|&k| v.is_any(k + 2, &["and", "or", "then"]))
        .map(|k| v.remove_range(k + 1, k + 1, "drop_right_operand"))
        .collect()
}

pub(super) fn invalid_operator(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    (0..v.len())
        .filter_map(|k| {
            let bad = match v.text(k) {
                "<=" => "=<",
                ">=" => "=>",
                "<>" => "><",
                "!=" => "=!",
                _ => return None,
            };
            Some(v.replace(k, bad, "reversed_operator"))
        })
        .collect()
}

pub(super) fn unexpected_token(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    (1..v.len().saturating_sub(1))
        .filter(|&k| COMPARISONS.contains(&v.text(k)))
        .filter(|&k| matches!(v.tok(k + 1).kind, Kind::Number | Kind::Word))
        .map(|k| v.insert_after(k, " *", "operator_without_operand"))
        .collect()
}
