//! A lossless SQL tokenizer: every byte of the input belongs to exactly one
//! token, so an edit to one token leaves the rest of the text byte-identical.
//! Rule-based injectors work on these spans.

use super::split::SplitOptions;
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Whitespace and comments.
    Trivia,
    /// A bare word: keyword, identifier or function name.
    Word,
    /// A quoted identifier (`"x"`, `` `x` ``).
    QuotedIdent,
    /// A string literal.
    String,
    Number,
    /// One punctuation or operator token (`,`, `(`, `>=`, `<>`, `||`, `::`, …).
    Symbol,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub kind: Kind,
    pub span: Range<usize>,
}

impl Token {
    pub fn text<'a>(&self, sql: &'a str) -> &'a str {
        &sql[self.span.clone()]
    }

    /// Case-insensitive keyword test for a word.
    pub fn is_word(&self, sql: &str, word: &str) -> bool {
        self.kind == Kind::Word && self.text(sql).eq_ignore_ascii_case(word)
    }
}

const TWO_CHAR_SYMBOLS: [&str; 8] = [">=", "<=", "<>", "!=", "||", "::", "==", "=>"];

pub fn tokenize(sql: &str) -> Vec<Token> {
    let b = sql.as_bytes();
    let opts = SplitOptions {
        dollar_quotes: true,
        ..Default::default()
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let start = i;
        let trivia_end = super::split::skip_trivia(sql, i);
        let (kind, end) = if trivia_end != i {
            (Kind::Trivia, trivia_end)
        } else {
            match b[i] {
                c if c.is_ascii_alphabetic() || c == b'_' || c >= 0x80 => {
                    let len = sql[i..]
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_')
                        .map(char::len_utf8)
                        .sum::<usize>();
                    if len == 0 {
                        // A non-ASCII character that is not a letter (NBSP,
                        // a dash, a currency sign): one symbol, whole.
                        let width = sql[i..].chars().next().map_or(1, char::len_utf8);
                        (Kind::Symbol, i + width)
                    } else {
                        (Kind::Word, i + len)
                    }
                }
                c if c.is_ascii_digit()
                    || (c == b'.' && b.get(i + 1).is_some_and(u8::is_ascii_digit)) =>
                {
                    let mut j = i;
                    while j < b.len() && (b[j].is_ascii_alphanumeric() || b[j] == b'.') {
                        j += 1;
                    }
                    (Kind::Number, j)
                }
                b'\'' => (Kind::String, super::split::skip_token(sql, i, opts)),
                b'"' | b'`' => (Kind::QuotedIdent, super::split::skip_token(sql, i, opts)),
                b'$' => {
                    let end = super::split::skip_token(sql, i, opts);
                    (
                        if end > i + 1 {
                            Kind::String
                        } else {
                            Kind::Symbol
                        },
                        end,
                    )
                }
                _ => {
                    let two = sql.get(i..i + 2).filter(|t| TWO_CHAR_SYMBOLS.contains(t));
                    (
                        Kind::Symbol,
                        i + two.map_or_else(
                            || sql[i..].chars().next().map_or(1, char::len_utf8),
                            str::len,
                        ),
                    )
                }
            }
        };
        out.push(Token {
            kind,
            span: start..end,
        });
        i = end;
    }
    out
}

/// Replaces one span of `sql`.
pub fn splice(sql: &str, span: Range<usize>, with: &str) -> String {
    format!("{}{}{}", &sql[..span.start], with, &sql[span.end..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn non_letters_outside_ascii_are_whole_symbols() {
        let sql = "SELECT a\u{00A0}FROM t WHERE b = '–' AND c – 1 €";
        let tokens = tokenize(sql);
        let joined: String = tokens.iter().map(|t| t.text(sql)).collect();
        assert_eq!(joined, sql);
        assert!(tokens
            .iter()
            .any(|t| t.kind == Kind::Symbol && t.text(sql) == "€"));
    }

    #[test]
    fn lossless_and_classified() {
        let sql =
            "SELECT a.\"x\", 'it''s' AS s, 1.5e3 -- c\nFROM t WHERE a >= 2 AND b <> $$q$$::text";
        let tokens = tokenize(sql);
        let joined: String = tokens.iter().map(|t| t.text(sql)).collect();
        assert_eq!(joined, sql);
        let kinds: Vec<(Kind, &str)> = tokens
            .iter()
            .filter(|t| t.kind != Kind::Trivia)
            .map(|t| (t.kind, t.text(sql)))
            .collect();
        assert!(kinds.contains(&(Kind::String, "'it''s'")));
        assert!(kinds.contains(&(Kind::QuotedIdent, "\"x\"")));
        assert!(kinds.contains(&(Kind::Number, "1.5e3")));
        assert!(kinds.contains(&(Kind::Symbol, ">=")));
        assert!(kinds.contains(&(Kind::Symbol, "<>")));
        assert!(kinds.contains(&(Kind::String, "$$q$$")));
        assert!(kinds.contains(&(Kind::Symbol, "::")));
        assert!(tokens
            .iter()
            .any(|t| t.kind == Kind::Trivia && t.text(sql).contains("-- c")));
    }
}
