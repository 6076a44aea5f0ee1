//! The rule table: one entry per injectable taxonomy leaf (more to come).

use crate::sql::tokens::{splice, tokenize, Kind, Token};

/// One candidate bug.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Injection {
    pub bug_sql: String,
    /// Which variant of the rule made it (e.g. `transposition`).
    pub variant: &'static str,
}

pub struct Rule {
    pub name: &'static str,
    pub category: &'static str,
    pub version: &'static str,
    /// Every injection the rule can make into a correct SQL.
    pub find: fn(&str) -> Vec<Injection>,
}

const KEYWORDS: &[&str] = &[
    "select",
    "from",
    "where",
    "and",
    "or",
    "not",
    "group",
    "by",
    "order",
    "having",
    "limit",
    "offset",
    "join",
    "left",
    "right",
    "full",
    "inner",
    "outer",
    "cross",
    "on",
    "using",
    "as",
    "case",
    "when",
    "then",
    "else",
    "end",
    "in",
    "exists",
    "between",
    "like",
    "is",
    "null",
    "true",
    "false",
    "distinct",
    "all",
    "union",
    "intersect",
    "except",
    "with",
    "recursive",
    "asc",
    "desc",
    "nulls",
    "first",
    "last",
    "over",
    "partition",
    "rows",
    "range",
    "preceding",
    "following",
    "current",
    "row",
    "unbounded",
    "cast",
    "interval",
    "date",
    "timestamp",
    "extract",
    "filter",
    "within",
    "any",
    "some",
    "values",
    "insert",
    "into",
    "update",
    "set",
    "delete",
    "create",
    "table",
];

fn is_keyword(word: &str) -> bool {
    KEYWORDS.iter().any(|k| k.eq_ignore_ascii_case(word))
}

/// Indices of the tokens that are not whitespace or comments.
fn code(tokens: &[Token]) -> Vec<usize> {
    tokens
        .iter()
        .enumerate()
        .filter(|(_, t)| t.kind != Kind::Trivia)
        .map(|(i, _)| i)
        .collect()
}

struct View<'a> {
    sql: &'a str,
    tokens: Vec<Token>,
    code: Vec<usize>,
}

impl<'a> View<'a> {
    fn new(sql: &'a str) -> Self {
        let tokens = tokenize(sql);
        let code = code(&tokens);
        View { sql, tokens, code }
    }
    fn tok(&self, k: usize) -> &Token {
        &self.tokens[self.code[k]]
    }
    fn text(&self, k: usize) -> &'a str {
        self.tok(k).text(self.sql)
    }
    fn prev(&self, k: usize) -> Option<&'a str> {
        k.checked_sub(1).map(|p| self.text(p))
    }
    fn next(&self, k: usize) -> Option<&'a str> {
        (k + 1 < self.code.len()).then(|| self.text(k + 1))
    }
    fn replace(&self, k: usize, with: &str, variant: &'static str) -> Injection {
        Injection {
            bug_sql: splice(self.sql, self.tok(k).span.clone(), with),
            variant,
        }
    }
    fn len(&self) -> usize {
        self.code.len()
    }
}

fn misspellings(word: &str) -> Vec<(String, &'static str)> {
    let chars: Vec<char> = word.chars().collect();
    let mut out = Vec::new();
    if chars.len() >= 4 {
        let mut t = chars.clone();
        t.swap(chars.len() - 2, chars.len() - 3);
        if t != chars {
            out.push((t.iter().collect(), "transposition"));
        }
        let mut d = chars.clone();
        d.remove(chars.len() / 2);
        out.push((d.iter().collect(), "deletion"));
    }
    if chars.len() >= 2 {
        let plural = match word.strip_suffix('s') {
            Some(singular) => singular.to_string(),
            None => format!("{word}s"),
        };
        out.push((plural, "plural"));
    }
    out
}

/// An unqualified column reference: a non-keyword word that is not a
/// function name, qualifier, table, alias or alias definition.
fn is_column_ref(v: &View<'_>, k: usize) -> bool {
    let t = v.tok(k);
    if t.kind != Kind::Word || is_keyword(v.text(k)) {
        return false;
    }
    let before = v.prev(k).map(str::to_ascii_lowercase);
    let after = v.next(k);
    !matches!(
        before.as_deref(),
        Some("from" | "join" | "as" | "." | "into" | "update" | "table")
    ) && !matches!(after, Some("(" | "."))
        && !matches!(before.as_deref(), Some(b) if !is_keyword(b) && v.tok(k - 1).kind == Kind::Word)
}

/// Every misspelling of code token `k`.
fn misspell_token(v: &View<'_>, k: usize) -> Vec<Injection> {
    misspellings(v.text(k))
        .into_iter()
        .map(|(w, variant)| v.replace(k, &w, variant))
        .collect()
}

fn misspell_column(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    (0..v.len())
        .filter(|&k| is_column_ref(&v, k))
        .flat_map(|k| misspell_token(&v, k))
        .collect()
}

fn misspell_table(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    (0..v.len())
        .filter(|&k| {
            v.tok(k).kind == Kind::Word
                && matches!(
                    v.prev(k).map(str::to_ascii_lowercase).as_deref(),
                    Some("from" | "join")
                )
                && !is_keyword(v.text(k))
                && v.next(k) != Some("(")
        })
        .flat_map(|k| misspell_token(&v, k))
        .collect()
}

fn keyword_typo(sql: &str) -> Vec<Injection> {
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

fn trailing_comma(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    (1..v.len())
        .filter(|&k| v.tok(k).is_word(sql, "from") && !matches!(v.prev(k), Some("," | "(")))
        .map(|k| {
            let prev = v.tok(k - 1).span.end;
            Injection {
                bug_sql: format!("{},{}", &sql[..prev], &sql[prev..]),
                variant: "before_from",
            }
        })
        .collect()
}

fn unterminated_string(sql: &str) -> Vec<Injection> {
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

fn unbalanced_parentheses(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    (0..v.len())
        .filter(|&k| v.text(k) == ")")
        // An extra `)` is what the engines report as unbalanced; a missing
        // one reads as an incomplete statement.
        .map(|k| v.replace(k, "))", "extra_close_paren"))
        .collect()
}

fn off_by_one(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    (0..v.len())
        .filter_map(|k| {
            let swapped = match v.text(k) {
                ">=" => ">",
                ">" => ">=",
                "<=" => "<",
                "<" => "<=",
                _ => return None,
            };
            Some(v.replace(k, swapped, "boundary"))
        })
        .collect()
}

fn null_equality(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    let mut out = Vec::new();
    for k in 0..v.len() {
        if !v.tok(k).is_word(sql, "is") {
            continue;
        }
        let (negated, null_k) = match v.next(k) {
            Some(n) if n.eq_ignore_ascii_case("not") => (true, k + 2),
            _ => (false, k + 1),
        };
        if null_k < v.len() && v.tok(null_k).is_word(sql, "null") {
            let span = v.tok(k).span.start..v.tok(null_k).span.start;
            let op = if negated { "<> " } else { "= " };
            out.push(Injection {
                bug_sql: splice(sql, span, op),
                variant: "is_null_to_equals",
            });
        }
    }
    out
}

fn wrong_join_type(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    (0..v.len())
        .filter(|&k| {
            v.tok(k).is_word(sql, "left")
                && v.next(k).is_some_and(|n| {
                    n.eq_ignore_ascii_case("join") || n.eq_ignore_ascii_case("outer")
                })
        })
        .map(|k| v.replace(k, &match_case(v.text(k), "INNER"), "left_to_inner"))
        .collect()
}

fn missing_distinct(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    (1..v.len())
        .filter(|&k| {
            v.tok(k).is_word(sql, "distinct")
                && v.prev(k).is_some_and(|p| p.eq_ignore_ascii_case("select"))
        })
        .map(|k| {
            // Remove the word and the space after it.
            let end = v.tok(k + 1).span.start.min(sql.len());
            Injection {
                bug_sql: splice(sql, v.tok(k).span.start..end, ""),
                variant: "drop_distinct",
            }
        })
        .filter(|i| !i.bug_sql.is_empty())
        .collect()
}

fn wrong_aggregate(sql: &str) -> Vec<Injection> {
    const SWAPS: [(&str, &str); 4] = [
        ("sum", "COUNT"),
        ("avg", "SUM"),
        ("min", "MAX"),
        ("max", "MIN"),
    ];
    swap_words(sql, &SWAPS, true, "swap_aggregate")
}

fn wrong_constant(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    (0..v.len())
        .filter(|&k| {
            v.tok(k).kind == Kind::Number
                && v.prev(k)
                    .is_some_and(|p| matches!(p, "=" | ">" | "<" | ">=" | "<=" | "<>"))
        })
        .filter_map(|k| {
            v.text(k)
                .parse::<i64>()
                .ok()
                .map(|n| v.replace(k, &(n + 1).to_string(), "increment"))
        })
        .collect()
}

fn wrong_sort_direction(sql: &str) -> Vec<Injection> {
    swap_words(
        sql,
        &[("desc", "ASC"), ("asc", "DESC")],
        false,
        "flip_direction",
    )
}

fn union_instead_of_union_all(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    (0..v.len())
        .filter(|&k| {
            v.tok(k).is_word(sql, "union")
                && v.next(k).is_some_and(|n| n.eq_ignore_ascii_case("all"))
        })
        .map(|k| {
            let all = v.tok(k + 1);
            Injection {
                bug_sql: splice(sql, v.tok(k).span.end..all.span.end, ""),
                variant: "drop_all",
            }
        })
        .collect()
}

/// The depth of parentheses before each code token.
fn depths(v: &View<'_>) -> Vec<i32> {
    let mut depth = 0;
    (0..v.len())
        .map(|k| {
            let here = depth;
            match v.text(k) {
                "(" => depth += 1,
                ")" => depth -= 1,
                _ => {}
            }
            here
        })
        .collect()
}

fn match_case(original: &str, replacement: &str) -> String {
    if original.chars().all(|c| !c.is_ascii_uppercase()) {
        replacement.to_ascii_lowercase()
    } else {
        replacement.to_string()
    }
}

/// Replaces every word found in `table` (case-insensitively), keeping the
/// original's case style; with `before_paren`, only function calls.
fn swap_words(
    sql: &str,
    table: &[(&str, &str)],
    before_paren: bool,
    variant: &'static str,
) -> Vec<Injection> {
    let v = View::new(sql);
    (0..v.len())
        .filter(|&k| v.tok(k).kind == Kind::Word && (!before_paren || v.next(k) == Some("(")))
        .filter_map(|k| {
            let word = v.text(k);
            let (_, to) = table
                .iter()
                .find(|(from, _)| word.eq_ignore_ascii_case(from))?;
            Some(v.replace(k, &match_case(word, to), variant))
        })
        .collect()
}

fn non_aggregated_column(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    if !(0..v.len()).any(|k| v.tok(k).is_word(sql, "group")) {
        return Vec::new();
    }
    let d = depths(&v);
    // Insert a qualified column used elsewhere right after the top-level SELECT.
    let Some(select) = (0..v.len()).find(|&k| d[k] == 0 && v.tok(k).is_word(sql, "select")) else {
        return Vec::new();
    };
    let after = if v
        .next(select)
        .is_some_and(|n| n.eq_ignore_ascii_case("distinct"))
    {
        select + 1
    } else {
        select
    };
    let mut columns: Vec<String> = Vec::new();
    for k in 1..v.len().saturating_sub(1) {
        if v.text(k) == "." && v.tok(k + 1).kind == Kind::Word {
            let c = format!("{}.{}", v.text(k - 1), v.text(k + 1));
            if !columns.contains(&c) {
                columns.push(c);
            }
        }
    }
    let at = v.tok(after).span.end;
    columns
        .into_iter()
        .take(4)
        .map(|c| Injection {
            bug_sql: format!("{} {c},{}", &sql[..at], &sql[at..]),
            variant: "extra_select_column",
        })
        .collect()
}

fn aggregate_in_where(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    (0..v.len())
        .filter(|&k| v.tok(k).is_word(sql, "where"))
        .map(|k| {
            let at = v.tok(k).span.end;
            let count = match_case(v.text(k), "COUNT(*) > 0 AND");
            Injection {
                bug_sql: format!("{} {count}{}", &sql[..at], &sql[at..]),
                variant: "count_in_where",
            }
        })
        .collect()
}

fn missing_comma(sql: &str) -> Vec<Injection> {
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

fn misspell_function(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    (0..v.len())
        .filter(|&k| {
            v.tok(k).kind == Kind::Word
                && v.next(k) == Some("(")
                && !is_keyword(v.text(k))
                && v.text(k).len() >= 4
        })
        .filter(|&k| {
            !matches!(
                v.prev(k).map(str::to_ascii_lowercase).as_deref(),
                Some("from" | "join" | "into" | "table" | "as")
            )
        })
        .filter_map(|k| {
            misspellings(v.text(k))
                .into_iter()
                .find(|(_, variant)| *variant == "transposition")
                .map(|(w, _)| v.replace(k, &w, "transposition"))
        })
        .collect()
}

fn unknown_qualifier(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    (0..v.len().saturating_sub(1))
        .filter(|&k| {
            v.tok(k).kind == Kind::Word && v.next(k) == Some(".") && !is_keyword(v.text(k))
        })
        .map(|k| {
            let q = v.text(k);
            v.replace(
                k,
                &format!("{q}{}", q.chars().last().unwrap_or('x')),
                "doubled_last_letter",
            )
        })
        .collect()
}

fn wrong_limit(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    (1..v.len())
        .filter(|&k| {
            v.tok(k).kind == Kind::Number
                && v.prev(k).is_some_and(|p| p.eq_ignore_ascii_case("limit"))
        })
        .filter_map(|k| {
            v.text(k)
                .parse::<i64>()
                .ok()
                .map(|n| v.replace(k, &(n + 1).to_string(), "limit_plus_one"))
        })
        .collect()
}

fn count_star_vs_column(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    (0..v.len().saturating_sub(3))
        .filter(|&k| v.tok(k).is_word(sql, "count") && v.next(k) == Some("("))
        .filter_map(|k| {
            let close = (k + 2..v.len()).find(|&j| v.text(j) == ")")?;
            let inner: Vec<&str> = (k + 2..close).map(|j| v.text(j)).collect();
            let simple = match inner.as_slice() {
                [c] => v.tok(k + 2).kind == Kind::Word && !is_keyword(c),
                [_, ".", _] => true,
                _ => false,
            };
            simple.then(|| Injection {
                bug_sql: splice(sql, v.tok(k + 2).span.start..v.tok(close - 1).span.end, "*"),
                variant: "column_to_star",
            })
        })
        .collect()
}

fn missing_distinct_in_count(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    (0..v.len().saturating_sub(3))
        .filter(|&k| {
            v.tok(k).is_word(sql, "count")
                && v.next(k) == Some("(")
                && v.tok(k + 2).is_word(sql, "distinct")
        })
        .map(|k| Injection {
            bug_sql: splice(sql, v.tok(k + 2).span.start..v.tok(k + 3).span.start, ""),
            variant: "drop_distinct_in_count",
        })
        .collect()
}

fn negated_condition(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    (0..v.len().saturating_sub(1))
        .filter(|&k| {
            v.tok(k).is_word(sql, "not")
                && v.next(k).is_some_and(|n| {
                    ["in", "exists", "like", "between"]
                        .iter()
                        .any(|w| n.eq_ignore_ascii_case(w))
                })
        })
        .map(|k| Injection {
            bug_sql: splice(sql, v.tok(k).span.start..v.tok(k + 1).span.start, ""),
            variant: "drop_not",
        })
        .collect()
}

fn ambiguous_column(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    // Column names qualified by two or more different qualifiers.
    let mut qualifiers: std::collections::HashMap<String, std::collections::HashSet<String>> =
        Default::default();
    for k in 1..v.len().saturating_sub(1) {
        if v.text(k) == "." && v.tok(k + 1).kind == Kind::Word {
            qualifiers
                .entry(v.text(k + 1).to_ascii_lowercase())
                .or_default()
                .insert(v.text(k - 1).to_ascii_lowercase());
        }
    }
    (1..v.len().saturating_sub(1))
        .filter(|&k| {
            v.text(k) == "."
                && qualifiers
                    .get(&v.text(k + 1).to_ascii_lowercase())
                    .is_some_and(|q| q.len() >= 2)
        })
        .map(|k| Injection {
            bug_sql: splice(sql, v.tok(k - 1).span.start..v.tok(k).span.end, ""),
            variant: "drop_qualifier",
        })
        .collect()
}

fn set_operation_column_count(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    let d = depths(&v);
    // Add a column to the select list right before the FROM that precedes a
    // set operator at the same depth.
    let mut out = Vec::new();
    for k in 0..v.len() {
        let op = v.text(k);
        if !["union", "intersect", "except"]
            .iter()
            .any(|w| op.eq_ignore_ascii_case(w))
        {
            continue;
        }
        let Some(from) = (0..k)
            .rev()
            .find(|&j| d[j] == d[k] && v.tok(j).is_word(sql, "from"))
        else {
            continue;
        };
        let end = v.tok(from - 1).span.end;
        out.push(Injection {
            bug_sql: format!("{}, NULL{}", &sql[..end], &sql[end..]),
            variant: "extra_null_column",
        });
    }
    out
}

fn and_or_precedence(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    let d = depths(&v);
    let mut out = Vec::new();
    for k in 1..v.len() {
        if v.text(k) != "(" || !v.prev(k).is_some_and(|p| p.eq_ignore_ascii_case("and")) {
            continue;
        }
        let Some(close) = (k + 1..v.len()).find(|&j| v.text(j) == ")" && d[j] == d[k] + 1) else {
            continue;
        };
        let has_or = (k + 1..close).any(|j| d[j] == d[k] + 1 && v.tok(j).is_word(sql, "or"));
        if has_or {
            let without_close = splice(sql, v.tok(close).span.clone(), "");
            out.push(Injection {
                bug_sql: splice(&without_close, v.tok(k).span.clone(), ""),
                variant: "drop_or_parentheses",
            });
        }
    }
    out
}

fn between_bounds(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    (0..v.len().saturating_sub(3))
        .filter(|&k| v.tok(k).is_word(sql, "between") && v.tok(k + 2).is_word(sql, "and"))
        .filter(|&k| v.tok(k + 1).kind != Kind::Symbol && v.tok(k + 3).kind != Kind::Symbol)
        // Single-token bounds only (`BETWEEN n AND n + 2` is left alone).
        .filter(|&k| v.text(k + 1) != v.text(k + 3))
        .filter(|&k| {
            !matches!(
                v.next(k + 3),
                Some("+" | "-" | "*" | "/" | "||" | "." | "(")
            )
        })
        .map(|k| {
            let (low, high) = (v.tok(k + 1).span.clone(), v.tok(k + 3).span.clone());
            let swapped = format!(
                "{}{}{}",
                &sql[high.clone()],
                &sql[low.end..high.start],
                &sql[low.clone()]
            );
            Injection {
                bug_sql: splice(sql, low.start..high.end, &swapped),
                variant: "swap_bounds",
            }
        })
        .collect()
}

fn like_wildcard(sql: &str) -> Vec<Injection> {
    let v = View::new(sql);
    (1..v.len())
        .filter(|&k| {
            v.tok(k).kind == Kind::String
                && v.prev(k).is_some_and(|p| p.eq_ignore_ascii_case("like"))
        })
        .filter_map(|k| {
            let text = v.text(k);
            let inner = &text[1..text.len().saturating_sub(1).max(1)];
            let changed = inner
                .strip_prefix('%')
                .or_else(|| inner.strip_suffix('%'))?;
            Some(v.replace(k, &format!("'{changed}'"), "drop_wildcard"))
        })
        .collect()
}

pub fn rules() -> &'static [Rule] {
    static RULES: &[Rule] = &[
        Rule {
            name: "misspell_column",
            category: "semantic.name.unknown_column",
            version: "1",
            find: misspell_column,
        },
        Rule {
            name: "misspell_table",
            category: "semantic.name.unknown_table",
            version: "1",
            find: misspell_table,
        },
        Rule {
            name: "keyword_typo",
            category: "syntax.structure.keyword_typo",
            version: "1",
            find: keyword_typo,
        },
        Rule {
            name: "trailing_comma",
            category: "syntax.structure.trailing_comma",
            version: "1",
            find: trailing_comma,
        },
        Rule {
            name: "unterminated_string",
            category: "syntax.lexical.unterminated_string",
            version: "1",
            find: unterminated_string,
        },
        Rule {
            name: "extra_close_paren",
            category: "syntax.structure.unbalanced_parentheses",
            version: "1",
            find: unbalanced_parentheses,
        },
        Rule {
            name: "off_by_one",
            category: "logic.filter.off_by_one_comparison",
            version: "1",
            find: off_by_one,
        },
        Rule {
            name: "null_equality",
            category: "logic.filter.null_equality",
            version: "1",
            find: null_equality,
        },
        Rule {
            name: "left_to_inner",
            category: "logic.join.wrong_join_type",
            version: "1",
            find: wrong_join_type,
        },
        Rule {
            name: "drop_distinct",
            category: "logic.projection.missing_distinct",
            version: "1",
            find: missing_distinct,
        },
        Rule {
            name: "swap_aggregate",
            category: "logic.aggregate.wrong_aggregate_function",
            version: "1",
            find: wrong_aggregate,
        },
        Rule {
            name: "wrong_constant",
            category: "logic.filter.wrong_constant",
            version: "1",
            find: wrong_constant,
        },
        Rule {
            name: "flip_sort_direction",
            category: "logic.ordering.wrong_sort_direction",
            version: "1",
            find: wrong_sort_direction,
        },
        Rule {
            name: "union_all_to_union",
            category: "logic.subquery.union_instead_of_union_all",
            version: "1",
            find: union_instead_of_union_all,
        },
        Rule {
            name: "extra_select_column",
            category: "semantic.grouping.non_aggregated_column",
            version: "1",
            find: non_aggregated_column,
        },
        Rule {
            name: "count_in_where",
            category: "semantic.grouping.aggregate_in_where",
            version: "1",
            find: aggregate_in_where,
        },
        Rule {
            name: "drop_select_comma",
            category: "syntax.structure.missing_comma",
            version: "1",
            find: missing_comma,
        },
        Rule {
            name: "misspell_function",
            category: "semantic.name.unknown_function",
            version: "1",
            find: misspell_function,
        },
        Rule {
            name: "misspell_qualifier",
            category: "semantic.name.unknown_qualifier",
            version: "1",
            find: unknown_qualifier,
        },
        Rule {
            name: "limit_plus_one",
            category: "logic.ordering.wrong_limit",
            version: "1",
            find: wrong_limit,
        },
        Rule {
            name: "count_column_to_star",
            category: "logic.aggregate.count_star_vs_column",
            version: "1",
            find: count_star_vs_column,
        },
        Rule {
            name: "drop_distinct_in_count",
            category: "logic.aggregate.missing_distinct_in_count",
            version: "1",
            find: missing_distinct_in_count,
        },
        Rule {
            name: "drop_not",
            category: "logic.filter.negated_condition",
            version: "1",
            find: negated_condition,
        },
        Rule {
            name: "drop_qualifier",
            category: "semantic.name.ambiguous_column",
            version: "1",
            find: ambiguous_column,
        },
        Rule {
            name: "extra_null_column",
            category: "semantic.set_operation.column_count_mismatch",
            version: "1",
            find: set_operation_column_count,
        },
        Rule {
            name: "drop_or_parentheses",
            category: "logic.filter.and_or_precedence",
            version: "1",
            find: and_or_precedence,
        },
        Rule {
            name: "swap_between_bounds",
            category: "logic.filter.between_bounds",
            version: "1",
            find: between_bounds,
        },
        Rule {
            name: "drop_like_wildcard",
            category: "logic.filter.like_wildcard",
            version: "1",
            find: like_wildcard,
        },
    ];
    RULES
}

#[cfg(test)]
mod tests {
    use super::*;

    const SQL: &str = "-- revenue by customer\nSELECT DISTINCT c.name,\n       SUM(o.amount) AS total\nFROM customers c\nLEFT JOIN orders o ON o.customer_id = c.id\nWHERE o.amount >= 10 AND c.country IS NOT NULL AND note = 'x'\nGROUP BY c.name\nORDER BY total DESC";

    fn one(find: fn(&str) -> Vec<Injection>) -> Vec<String> {
        find(SQL).into_iter().map(|i| i.bug_sql).collect()
    }

    #[test]
    fn each_rule_makes_the_expected_edit() {
        assert!(one(misspell_column)
            .iter()
            .any(|b| b.contains("AND ntoe = 'x'") || b.contains("AND notes = 'x'")));
        assert!(one(misspell_table)
            .iter()
            .any(|b| b.contains("FROM customer c")));
        assert!(one(keyword_typo)
            .iter()
            .any(|b| b.contains("\nFORM customers")));
        assert!(one(trailing_comma)
            .iter()
            .any(|b| b.contains("AS total,\nFROM")));
        assert!(one(unterminated_string)
            .iter()
            .any(|b| b.contains("note = 'x\nGROUP")));
        assert!(one(off_by_one).iter().any(|b| b.contains("o.amount > 10")));
        assert!(one(null_equality)
            .iter()
            .any(|b| b.contains("c.country <> NULL")));
        assert!(one(wrong_join_type)
            .iter()
            .any(|b| b.contains("INNER JOIN orders")));
        assert!(one(missing_distinct)
            .iter()
            .any(|b| b.contains("SELECT c.name,")));
        assert!(one(wrong_aggregate)
            .iter()
            .any(|b| b.contains("COUNT(o.amount)")));
        assert!(one(wrong_constant).iter().any(|b| b.contains(">= 11")));
        assert!(one(wrong_sort_direction)
            .iter()
            .any(|b| b.ends_with("ORDER BY total ASC")));
        assert!(union_instead_of_union_all("SELECT 1 UNION ALL SELECT 2")
            .iter()
            .any(|i| i.bug_sql == "SELECT 1 UNION SELECT 2"));
        assert_eq!(
            ambiguous_column("SELECT a.id FROM a JOIN b ON a.id = b.id")[0].bug_sql,
            "SELECT id FROM a JOIN b ON a.id = b.id"
        );
        assert_eq!(
            set_operation_column_count("SELECT a FROM t UNION SELECT b FROM u")[0].bug_sql,
            "SELECT a, NULL FROM t UNION SELECT b FROM u"
        );
        assert_eq!(
            and_or_precedence("SELECT 1 FROM t WHERE a = 1 AND (b = 2 OR c = 3)")[0].bug_sql,
            "SELECT 1 FROM t WHERE a = 1 AND b = 2 OR c = 3"
        );
        assert_eq!(
            between_bounds("SELECT 1 FROM t WHERE a BETWEEN 1 AND 5")[0].bug_sql,
            "SELECT 1 FROM t WHERE a BETWEEN 5 AND 1"
        );
        assert_eq!(
            like_wildcard("SELECT 1 FROM t WHERE a LIKE '%x%'")[0].bug_sql,
            "SELECT 1 FROM t WHERE a LIKE 'x%'"
        );
        assert!(one(non_aggregated_column)
            .iter()
            .any(|b| b.contains("SELECT DISTINCT c.name, c.name,")));
        assert!(one(aggregate_in_where)
            .iter()
            .any(|b| b.contains("WHERE COUNT(*) > 0 AND o.amount")));
        assert!(one(missing_comma)
            .iter()
            .any(|b| b.contains("c.name\n       SUM")));
        assert!(one(unknown_qualifier).iter().any(|b| b.contains("cc.name")));
        assert_eq!(
            wrong_limit("SELECT a FROM t LIMIT 5")[0].bug_sql,
            "SELECT a FROM t LIMIT 6"
        );
        assert_eq!(
            count_star_vs_column("SELECT COUNT(t.a) FROM t")[0].bug_sql,
            "SELECT COUNT(*) FROM t"
        );
        assert_eq!(
            missing_distinct_in_count("SELECT COUNT(DISTINCT a) FROM t")[0].bug_sql,
            "SELECT COUNT(a) FROM t"
        );
        assert_eq!(
            negated_condition("SELECT a FROM t WHERE a NOT IN (1)")[0].bug_sql,
            "SELECT a FROM t WHERE a IN (1)"
        );
        assert_eq!(
            misspell_function("SELECT UPPER(a) FROM t")[0].bug_sql,
            "SELECT UPEPR(a) FROM t"
        );
    }

    #[test]
    fn column_misspellings_skip_functions_tables_aliases_and_keywords() {
        for bug in one(misspell_column) {
            assert!(bug.contains("FROM customers c"), "table touched: {bug}");
            assert!(bug.contains("SUM("), "function touched: {bug}");
            assert!(bug.contains("AS total"), "alias definition touched: {bug}");
        }
    }
}
