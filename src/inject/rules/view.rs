//! The token view every rule works on, and the helpers rules share.

use crate::sql::tokens::{splice, tokenize, Kind, Token};

use super::Injection;

pub(super) const KEYWORDS: &[&str] = &[
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

pub(super) fn is_keyword(word: &str) -> bool {
    KEYWORDS.iter().any(|k| k.eq_ignore_ascii_case(word))
}

/// Indices of the tokens that are not whitespace or comments.
pub(super) fn code(tokens: &[Token]) -> Vec<usize> {
    tokens
        .iter()
        .enumerate()
        .filter(|(_, t)| t.kind != Kind::Trivia)
        .map(|(i, _)| i)
        .collect()
}

pub(super) struct View<'a> {
    pub(super) sql: &'a str,
    pub(super) tokens: Vec<Token>,
    pub(super) code: Vec<usize>,
    /// Stands in for every index past the last code token: an empty token
    /// at the end of the SQL, so look-ahead never panics.
    end: Token,
}

impl<'a> View<'a> {
    pub(super) fn new(sql: &'a str) -> Self {
        let tokens = tokenize(sql);
        let code = code(&tokens);
        let end = Token {
            kind: Kind::Trivia,
            span: sql.len()..sql.len(),
        };
        View {
            sql,
            tokens,
            code,
            end,
        }
    }
    pub(super) fn tok(&self, k: usize) -> &Token {
        self.code.get(k).map_or(&self.end, |&i| &self.tokens[i])
    }
    pub(super) fn text(&self, k: usize) -> &'a str {
        self.tok(k).text(self.sql)
    }
    pub(super) fn prev(&self, k: usize) -> Option<&'a str> {
        k.checked_sub(1).map(|p| self.text(p))
    }
    pub(super) fn next(&self, k: usize) -> Option<&'a str> {
        (k + 1 < self.code.len()).then(|| self.text(k + 1))
    }
    pub(super) fn replace(&self, k: usize, with: &str, variant: &'static str) -> Injection {
        Injection {
            bug_sql: splice(self.sql, self.tok(k).span.clone(), with),
            variant,
        }
    }
    pub(super) fn len(&self) -> usize {
        self.code.len()
    }
}

pub(super) fn misspellings(word: &str) -> Vec<(String, &'static str)> {
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
        // `orders` → `order` would be a syntax error, not an unknown name.
        let reserved = is_keyword(&plural)
            || ["user", "key", "index", "value", "range", "window"]
                .iter()
                .any(|r| r.eq_ignore_ascii_case(&plural));
        if !reserved {
            out.push((plural, "plural"));
        }
    }
    out
}

/// An unqualified column reference: a non-keyword word that is not a
/// function name, qualifier, table, alias or alias definition.
pub(super) fn is_column_ref(v: &View<'_>, k: usize) -> bool {
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
pub(super) fn misspell_token(v: &View<'_>, k: usize) -> Vec<Injection> {
    misspellings(v.text(k))
        .into_iter()
        .map(|(w, variant)| v.replace(k, &w, variant))
        .collect()
}

/// The depth of parentheses before each code token.
pub(super) fn depths(v: &View<'_>) -> Vec<i32> {
    let mut depth = 0;
    let mut d: Vec<i32> = (0..v.len())
        .map(|k| {
            let here = depth;
            match v.text(k) {
                "(" => depth += 1,
                ")" => depth -= 1,
                _ => {}
            }
            here
        })
        .collect();
    // Look-ahead past the end reads a depth no real token has.
    d.extend([-1_000_000; 8]);
    d
}

pub(super) fn match_case(original: &str, replacement: &str) -> String {
    if original.chars().all(|c| !c.is_ascii_uppercase()) {
        replacement.to_ascii_lowercase()
    } else {
        replacement.to_string()
    }
}

/// Replaces every word found in `table` (case-insensitively), keeping the
/// original's case style; with `before_paren`, only function calls.
pub(super) fn swap_words(
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

impl<'a> View<'a> {
    /// The text of code token `k`, or "" past the end.
    pub(super) fn at(&self, k: usize) -> &'a str {
        if k < self.len() {
            self.text(k)
        } else {
            ""
        }
    }

    /// The kind of code token `k`, if there is one.
    pub(super) fn kind(&self, k: usize) -> Option<Kind> {
        (k < self.len()).then(|| self.tok(k).kind)
    }

    /// Whether code token `k` is the word `word` (case-insensitive).
    pub(super) fn is(&self, k: usize, word: &str) -> bool {
        k < self.len() && self.tok(k).is_word(self.sql, word)
    }

    /// Whether code token `k` is one of `words`.
    pub(super) fn is_any(&self, k: usize, words: &[&str]) -> bool {
        words.iter().any(|w| self.is(k, w))
    }

    /// The byte span from the start of code token `a` to the end of `b`.
    pub(super) fn span(&self, a: usize, b: usize) -> std::ops::Range<usize> {
        let (start, end) = (self.tok(a).span.start, self.tok(b).span.end);
        start..end.max(start)
    }

    /// The source text of code tokens `a..=b`, trivia included.
    pub(super) fn slice(&self, a: usize, b: usize) -> &str {
        &self.sql[self.span(a, b)]
    }

    /// Replaces code tokens `a..=b` with `with`.
    pub(super) fn replace_range(
        &self,
        a: usize,
        b: usize,
        with: &str,
        variant: &'static str,
    ) -> Injection {
        Injection {
            bug_sql: splice(self.sql, self.span(a, b), with),
            variant,
        }
    }

    /// Removes code tokens `a..=b` and the trivia before them.
    pub(super) fn remove_range(&self, a: usize, b: usize, variant: &'static str) -> Injection {
        let token_start = self.tok(a).span.start;
        let before_start = a
            .checked_sub(1)
            .map_or(token_start, |p| self.tok(p).span.end);
        // Leading whitespace goes with the removed tokens, a comment never.
        let start = if has_comment(&self.sql[before_start..token_start]) {
            token_start
        } else {
            before_start
        };
        Injection {
            bug_sql: splice(self.sql, start..self.tok(b).span.end, ""),
            variant,
        }
    }

    /// Removes code token `k` and the blanks after it (not a comment).
    pub(super) fn remove_word(&self, k: usize, variant: &'static str) -> Injection {
        let span = self.tok(k).span.clone();
        let next = self.tok(k + 1).span.start.max(span.end);
        let end = if has_comment(&self.sql[span.end..next]) {
            span.end
        } else {
            next
        };
        Injection {
            bug_sql: splice(self.sql, span.start..end, ""),
            variant,
        }
    }

    /// Inserts `text` right after code token `k`.
    pub(super) fn insert_after(&self, k: usize, text: &str, variant: &'static str) -> Injection {
        let at = self.tok(k).span.end;
        Injection {
            bug_sql: format!("{}{text}{}", &self.sql[..at], &self.sql[at..]),
            variant,
        }
    }

    /// Whether code tokens `a..=b` sit on one line.
    pub(super) fn one_line(&self, a: usize, b: usize) -> bool {
        !self.slice(a, b).contains('\n')
    }

    /// A column reference starting at `k`: `col` or `q.col`; returns its
    /// last token.
    pub(super) fn column_at(&self, k: usize) -> Option<usize> {
        if k + 2 < self.len()
            && self.tok(k).kind == Kind::Word
            && self.text(k + 1) == "."
            && self.tok(k + 2).kind == Kind::Word
        {
            return Some(k + 2);
        }
        is_column_ref(self, k).then_some(k)
    }
}

fn has_comment(trivia: &str) -> bool {
    trivia.contains("--") || trivia.contains("/*")
}

/// The matching `)` of the `(` at code token `open`.
pub(super) fn matching_close(v: &View<'_>, d: &[i32], open: usize) -> Option<usize> {
    (open + 1..v.len()).find(|&j| v.text(j) == ")" && d[j] == d[open] + 1)
}

/// Words that end an expression or condition at its depth.
pub(super) const CLAUSE_WORDS: &[&str] = &[
    "from",
    "where",
    "group",
    "having",
    "order",
    "limit",
    "offset",
    "union",
    "intersect",
    "except",
    "on",
    "join",
    "left",
    "right",
    "inner",
    "full",
    "cross",
    "window",
    "returning",
    "then",
    "else",
    "when",
    "end",
    "set",
    "values",
];

/// The last token of the expression starting at `k`: it stops before a
/// comma, AND/OR, a clause word or a `)` at the starting depth.
pub(super) fn expression_end(v: &View<'_>, d: &[i32], k: usize) -> usize {
    let mut last = k;
    let mut between = false;
    // Inside CASE … END, WHEN/THEN/ELSE and AND/OR belong to the CASE.
    let mut cases = 0;
    for j in k..v.len() {
        if d[j] < d[k] || (d[j] == d[k] && v.text(j) == ")") {
            break;
        }
        if d[j] == d[k] && v.is(j, "case") {
            cases += 1;
        } else if d[j] == d[k] && cases > 0 && v.is(j, "end") {
            cases -= 1;
            last = j;
            continue;
        }
        if d[j] == d[k] && j > k && cases == 0 {
            if v.text(j) == "," || v.is_any(j, CLAUSE_WORDS) || v.is(j, "or") {
                break;
            }
            if v.is(j, "and") {
                if between {
                    between = false;
                } else {
                    break;
                }
            }
            if v.is(j, "between") {
                between = true;
            }
        }
        last = j;
    }
    last
}

/// Qualified column references: (qualifier token, column token).
pub(super) fn qualified_columns(v: &View<'_>) -> Vec<(usize, usize)> {
    (0..v.len().saturating_sub(2))
        .filter(|&k| {
            v.tok(k).kind == Kind::Word
                && v.text(k + 1) == "."
                && v.tok(k + 2).kind == Kind::Word
                && v.next(k + 2) != Some("(")
        })
        .map(|k| (k, k + 2))
        .collect()
}

/// Whether the FROM at `k` starts a FROM clause (not `EXTRACT(x FROM y)`,
/// `SUBSTRING(x FROM 2)` or `IS DISTINCT FROM`).
pub(super) fn is_clause_from(v: &View<'_>, d: &[i32], k: usize) -> bool {
    if !v.is(k, "from") || (k > 0 && v.is(k - 1, "distinct")) {
        return false;
    }
    let opener = (0..k).rev().find(|&j| v.text(j) == "(" && d[j] == d[k] - 1);
    match opener {
        None => true,
        // A subquery's FROM: its parenthesis is followed by SELECT.
        Some(open) => v.is(open + 1, "select") || v.is(open + 1, "with"),
    }
}

/// Table references in FROM/JOIN: (table token, alias token if any).
pub(super) fn table_refs(v: &View<'_>) -> Vec<(usize, Option<usize>)> {
    let d = depths(v);
    let mut out = Vec::new();
    for k in 1..v.len() {
        let after_from = is_clause_from(v, &d, k - 1) || v.is(k - 1, "join");
        if !after_from || v.tok(k).kind != Kind::Word || is_keyword(v.text(k)) {
            continue;
        }
        if v.next(k) == Some("(") || v.next(k) == Some(".") {
            continue;
        }
        let alias_k = if v.is(k + 1, "as") { k + 2 } else { k + 1 };
        let alias = (alias_k < v.len()
            && v.tok(alias_k).kind == Kind::Word
            && !is_keyword(v.text(alias_k))
            && !v.is_any(alias_k, CLAUSE_WORDS)
            && !v.is_any(
                alias_k,
                &["natural", "lateral", "for", "tablesample", "returning"],
            ))
        .then_some(alias_k);
        out.push((k, alias));
    }
    out
}

/// The name a table reference is known by in the query.
pub(super) fn visible_name<'a>(v: &View<'a>, table: usize, alias: Option<usize>) -> &'a str {
    v.text(alias.unwrap_or(table))
}

/// The select-list items (first and last code token) of the SELECT at `k`.
pub(super) fn select_items(v: &View<'_>, d: &[i32], select: usize) -> Vec<(usize, usize)> {
    let mut start = select + 1;
    if v.is(start, "distinct") || v.is(start, "all") {
        start += 1;
    }
    let mut items = Vec::new();
    let mut k = start;
    while k < v.len() {
        let end = expression_end(v, d, k);
        items.push((k, end));
        if v.at(end + 1) == "," && d[end + 1] == d[select] {
            k = end + 2;
        } else {
            break;
        }
    }
    items
}

/// The keys (first and last token) of the `GROUP BY` or `ORDER BY` whose
/// `BY` is at `by`.
pub(super) fn by_keys(v: &View<'_>, d: &[i32], by: usize) -> Vec<(usize, usize)> {
    let mut keys = Vec::new();
    let mut k = by + 1;
    while k < v.len() && d[k] == d[by] {
        let mut end = expression_end(v, d, k);
        // `x DESC NULLS LAST` belongs to the key.
        while end + 1 < v.len() && v.is_any(end + 1, &["asc", "desc", "nulls", "first", "last"]) {
            end += 1;
        }
        keys.push((k, end));
        if v.at(end + 1) == "," && d[end + 1] == d[by] {
            k = end + 2;
        } else {
            break;
        }
    }
    keys
}

/// Aggregate function names.
pub(super) const AGGREGATES: &[&str] = &["sum", "avg", "min", "max", "count"];

/// Whether code token `k` starts an aggregate call that is not a window.
pub(super) fn is_aggregate_call(v: &View<'_>, d: &[i32], k: usize) -> Option<usize> {
    if !v.is_any(k, AGGREGATES) || v.next(k) != Some("(") {
        return None;
    }
    let close = matching_close(v, d, k + 1)?;
    (!v.is(close + 1, "over") && !v.is(close + 1, "filter")).then_some(close)
}

/// A window call `f(...) OVER (...)` starting at `k`: its last token.
pub(super) fn window_call(v: &View<'_>, d: &[i32], k: usize) -> Option<usize> {
    if v.tok(k).kind != Kind::Word || v.next(k) != Some("(") {
        return None;
    }
    let close = matching_close(v, d, k + 1)?;
    if !v.is(close + 1, "over") || v.at(close + 2) != "(" {
        return None;
    }
    matching_close(v, d, close + 2)
}

/// The first SELECT outside any parentheses.
pub(super) fn top_select(v: &View<'_>, d: &[i32]) -> Option<usize> {
    (0..v.len()).find(|&k| d[k] == 0 && v.is(k, "select"))
}

/// Comparison operators.
pub(super) const COMPARISONS: &[&str] = &["=", "<>", "!=", "<", ">", "<=", ">="];
