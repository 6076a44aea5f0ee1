//! A lexer-level statement splitter. It understands string literals, quoted
//! identifiers, comments and PostgreSQL dollar quoting, so a `;` inside any of
//! them does not end a statement. It never fails: unterminated constructs run
//! to the end of the script and are left for the engine to reject.

/// Lexical options that differ between dialects.
#[derive(Debug, Clone, Copy, Default)]
pub struct SplitOptions {
    /// MySQL treats `\` inside string literals as an escape character.
    pub backslash_escapes: bool,
    /// PostgreSQL (and DuckDB) `$tag$ ... $tag$` string bodies.
    pub dollar_quotes: bool,
}

/// One statement of a script with the 1-based line it starts on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement {
    pub sql: String,
    pub line: usize,
}

/// Splits a script into statements, dropping empty ones (only whitespace,
/// comments and semicolons).
pub fn split_statements(script: &str, opts: SplitOptions) -> Vec<Statement> {
    let mut out = Vec::new();
    let bytes = script.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b';' => {
                push_statement(script, start, i, &mut out);
                start = i + 1;
                i += 1;
            }
            _ => i = skip_token(script, i, opts),
        }
    }
    push_statement(script, start, bytes.len(), &mut out);
    out
}

fn push_statement(script: &str, start: usize, end: usize, out: &mut Vec<Statement>) {
    let text = &script[start..end];
    if leading_keyword(text).is_none() && !has_code(text) {
        return;
    }
    let trimmed_start = start + (text.len() - text.trim_start().len());
    let line = script[..trimmed_start].matches('\n').count() + 1;
    out.push(Statement {
        sql: text.trim().to_string(),
        line,
    });
}

fn has_code(text: &str) -> bool {
    let mut i = 0;
    let bytes = text.as_bytes();
    while i < bytes.len() {
        let next = skip_trivia(text, i);
        if next == i {
            return true;
        }
        i = next;
    }
    false
}

/// Skips whitespace and comments starting at `i`; returns the new position.
pub(crate) fn skip_trivia(s: &str, mut i: usize) -> usize {
    let b = s.as_bytes();
    loop {
        if i >= b.len() {
            return i;
        }
        if b[i].is_ascii_whitespace() {
            i += 1;
        } else if b[i] == b'-' && b.get(i + 1) == Some(&b'-') {
            i = s[i..].find('\n').map_or(b.len(), |n| i + n + 1);
        } else if b[i] == b'/' && b.get(i + 1) == Some(&b'*') {
            i = s[i + 2..].find("*/").map_or(b.len(), |n| i + 2 + n + 2);
        } else {
            return i;
        }
    }
}

/// Skips one lexical token (or a run of trivia) starting at `i`.
pub(crate) fn skip_token(s: &str, i: usize, opts: SplitOptions) -> usize {
    let b = s.as_bytes();
    let after_trivia = skip_trivia(s, i);
    if after_trivia != i {
        return after_trivia;
    }
    match b[i] {
        q @ (b'\'' | b'"' | b'`') => skip_quoted(b, i, q, opts.backslash_escapes && q != b'`'),
        b'$' if opts.dollar_quotes => skip_dollar_quoted(s, i),
        _ => i + s[i..].chars().next().map_or(1, char::len_utf8),
    }
}

fn skip_quoted(b: &[u8], start: usize, quote: u8, backslash: bool) -> usize {
    let mut i = start + 1;
    while i < b.len() {
        if backslash && b[i] == b'\\' {
            i += 2;
            continue;
        }
        if b[i] == quote {
            if b.get(i + 1) == Some(&quote) {
                i += 2;
                continue;
            }
            return i + 1;
        }
        i += 1;
    }
    b.len()
}

fn skip_dollar_quoted(s: &str, start: usize) -> usize {
    let rest = &s[start + 1..];
    let tag_len = rest
        .bytes()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == b'_')
        .count();
    if rest.as_bytes().get(tag_len) != Some(&b'$') {
        return start + 1;
    }
    let delimiter = &s[start..start + tag_len + 2];
    let body_start = start + delimiter.len();
    s[body_start..]
        .find(delimiter)
        .map_or(s.len(), |n| body_start + n + delimiter.len())
}

/// The first keyword of a statement, upper-cased, after comments and opening
/// parentheses. `None` for a statement with no words.
pub fn leading_keyword(sql: &str) -> Option<String> {
    let mut i = 0;
    let b = sql.as_bytes();
    loop {
        i = skip_trivia(sql, i);
        if i < b.len() && b[i] == b'(' {
            i += 1;
            continue;
        }
        break;
    }
    let word: String = sql[i..]
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    (!word.is_empty()).then(|| word.to_ascii_uppercase())
}

/// Whether `word` (case-insensitive) appears as a bare word outside strings,
/// quoted identifiers and comments.
pub fn has_word(sql: &str, word: &str, opts: SplitOptions) -> bool {
    let b = sql.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_alphabetic() || c == b'_' {
            let end = i + sql[i..]
                .bytes()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == b'_')
                .count();
            if sql[i..end].eq_ignore_ascii_case(word) {
                return true;
            }
            i = end;
        } else {
            i = skip_token(sql, i, opts);
        }
    }
    false
}

/// The script with comments removed (strings and quoted identifiers kept).
pub fn strip_comments(sql: &str) -> String {
    let opts = SplitOptions {
        dollar_quotes: true,
        ..Default::default()
    };
    let mut out = String::with_capacity(sql.len());
    let mut i = 0;
    while i < sql.len() {
        let after_trivia = skip_trivia(sql, i);
        if after_trivia != i {
            let skipped = &sql[i..after_trivia];
            if skipped.contains("--") || skipped.contains("/*") {
                out.push(' ');
            } else {
                out.push_str(skipped);
            }
            i = after_trivia;
            continue;
        }
        let next = skip_token(sql, i, opts);
        out.push_str(&sql[i..next]);
        i = next;
    }
    out
}

/// Bare words outside strings, quoted identifiers and comments.
pub fn words(sql: &str) -> Vec<&str> {
    let b = sql.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_alphabetic() || b[i] == b'_' {
            let end = i + sql[i..]
                .bytes()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == b'_')
                .count();
            out.push(&sql[i..end]);
            i = end;
        } else {
            i = skip_token(sql, i, SplitOptions::default());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sqls(script: &str, opts: SplitOptions) -> Vec<String> {
        split_statements(script, opts)
            .into_iter()
            .map(|s| s.sql)
            .collect()
    }

    #[test]
    fn splits_on_semicolons_outside_literals_and_comments() {
        let script = "CREATE TABLE t(a TEXT);\n-- a; comment\nINSERT INTO t VALUES ('x;y'), (\"q;\");\n/* ; */ SELECT 1";
        assert_eq!(
            sqls(script, SplitOptions::default()),
            vec![
                "CREATE TABLE t(a TEXT)",
                "-- a; comment\nINSERT INTO t VALUES ('x;y'), (\"q;\")",
                "/* ; */ SELECT 1"
            ]
        );
    }

    #[test]
    fn reports_start_lines_and_drops_empty_statements() {
        let stmts = split_statements(
            "\n\nSELECT 1;;\n -- only a comment\n;\nSELECT\n2;",
            SplitOptions::default(),
        );
        assert_eq!(stmts.len(), 2);
        assert_eq!(stmts[0].line, 3);
        assert_eq!(stmts[1].line, 6);
    }

    #[test]
    fn dollar_quotes_and_backslashes_follow_options() {
        let pg = SplitOptions {
            dollar_quotes: true,
            ..Default::default()
        };
        assert_eq!(sqls("SELECT $f$a;b$f$; SELECT 2", pg).len(), 2);
        assert_eq!(sqls("SELECT $$a;b$$; SELECT 2", pg).len(), 2);
        let my = SplitOptions {
            backslash_escapes: true,
            ..Default::default()
        };
        assert_eq!(sqls(r"SELECT 'a\';b'; SELECT 2", my).len(), 2);
        // Without backslash escapes the string ends at the quote after `\`.
        assert_eq!(
            sqls(r"SELECT 'a\';b'; SELECT 2", SplitOptions::default())[0],
            r"SELECT 'a\'"
        );
    }

    #[test]
    fn leading_keyword_skips_comments_and_parens() {
        assert_eq!(
            leading_keyword("  -- hi\n/* x */ ((select 1))").as_deref(),
            Some("SELECT")
        );
        assert_eq!(
            leading_keyword("with x as (select 1) select * from x").as_deref(),
            Some("WITH")
        );
        assert_eq!(leading_keyword(" -- only"), None);
    }

    #[test]
    fn has_word_ignores_strings_and_identifiers() {
        let o = SplitOptions::default();
        assert!(has_word("DELETE FROM t RETURNING id", "returning", o));
        assert!(!has_word(
            "SELECT 'returning', \"returning\" FROM t -- returning",
            "returning",
            o
        ));
        assert!(!has_word("SELECT returning_x FROM t", "returning", o));
    }
}
