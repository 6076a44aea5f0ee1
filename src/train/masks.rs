//! DM-SFT line classes and per-step masks (METHODS.md §1).
//!
//! Every line of the correct SQL (the target) is *consistent* (it is aligned
//! with an identical line of the bug SQL by the line diff) or *diff*
//! (changed or added). The classes come from the diff alignment, not from
//! "does this text occur in the bug SQL": a changed line whose new text also
//! appears elsewhere in the bug is still diff. One addition to the paper: a
//! pure deletion leaves no changed line on the correct side, so the line that
//! follows the deleted lines (where the output departs from copying the bug)
//! is classed diff; a deletion at the very end has the end-of-sequence
//! token, which always counts, as its place.

use rand::Rng;
use rand_chacha::ChaCha8Rng;
use serde::Serialize;
use similar::{DiffOp, TextDiff};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LineClass {
    Consistent,
    Diff,
}

/// Why a line is diff.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DiffKind {
    Changed,
    Added,
    AfterDeletion,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TargetLine {
    /// 1-based line number in the correct SQL.
    pub line: usize,
    pub text: String,
    pub class: LineClass,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<DiffKind>,
    /// Byte range of the line (its newline included) in the correct SQL.
    #[serde(skip)]
    pub span: (usize, usize),
}

/// The lines of `correct`, each with its class relative to `bug`.
pub fn classify_lines(correct: &str, bug: &str) -> Vec<TargetLine> {
    let mut lines: Vec<TargetLine> = Vec::new();
    let mut at = 0;
    for (i, text) in correct.split_inclusive('\n').enumerate() {
        lines.push(TargetLine {
            line: i + 1,
            text: text.trim_end_matches(['\n', '\r']).to_string(),
            class: LineClass::Consistent,
            kind: None,
            span: (at, at + text.len()),
        });
        at += text.len();
    }
    // A missing final newline is not a difference.
    let with_nl = |t: &str| {
        if t.ends_with('\n') {
            t.to_string()
        } else {
            format!("{t}\n")
        }
    };
    let (bug, correct) = (with_nl(bug), with_nl(correct));
    let diff = TextDiff::from_lines(&bug, &correct);
    let mark = |lines: &mut Vec<TargetLine>, idx: usize, kind: DiffKind| {
        if let Some(l) = lines.get_mut(idx) {
            if l.class == LineClass::Consistent {
                l.class = LineClass::Diff;
                l.kind = Some(kind);
            }
        }
    };
    for op in diff.ops() {
        match *op {
            DiffOp::Equal { .. } => {}
            DiffOp::Insert {
                new_index, new_len, ..
            } => {
                (new_index..new_index + new_len).for_each(|i| mark(&mut lines, i, DiffKind::Added))
            }
            DiffOp::Replace {
                new_index, new_len, ..
            } => (new_index..new_index + new_len)
                .for_each(|i| mark(&mut lines, i, DiffKind::Changed)),
            DiffOp::Delete { new_index, .. } => {
                mark(&mut lines, new_index, DiffKind::AfterDeletion)
            }
        }
    }
    lines
}

/// The line index (0-based) each target token belongs to: the line holding
/// the token's first byte that is not a line break; a token made only of
/// line breaks belongs to the line it ends. Tokens without a span (added
/// specials) take the previous token's line.
pub fn token_lines(lines: &[TargetLine], offsets: &[(usize, usize)], text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(offsets.len());
    let mut prev = 0usize;
    for &(start, end) in offsets {
        if start >= end {
            out.push(prev);
            continue;
        }
        let first = (start..end.min(bytes.len()))
            .find(|&b| bytes[b] != b'\n' && bytes[b] != b'\r')
            .unwrap_or(start);
        let line = lines
            .iter()
            .position(|l| l.span.0 <= first && first < l.span.1)
            .unwrap_or(lines.len().saturating_sub(1));
        out.push(line);
        prev = line;
    }
    out
}

/// One draw of DM-SFT's line mask: `keep[i]` says whether line `i` counts in
/// this step's loss. Diff lines always count; each consistent line is
/// dropped with probability `p`, independently.
pub fn draw_line_mask(lines: &[TargetLine], p: f64, rng: &mut ChaCha8Rng) -> Vec<bool> {
    lines
        .iter()
        .map(|l| match l.class {
            LineClass::Diff => true,
            LineClass::Consistent => p <= 0.0 || rng.random::<f64>() >= p,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    fn classes(correct: &str, bug: &str) -> Vec<(LineClass, Option<DiffKind>)> {
        classify_lines(correct, bug)
            .into_iter()
            .map(|l| (l.class, l.kind))
            .collect()
    }

    const C: (LineClass, Option<DiffKind>) = (LineClass::Consistent, None);

    #[test]
    fn changed_line() {
        let correct = "SELECT a\nFROM t\nWHERE a >= 1\nORDER BY a";
        let bug = "SELECT a\nFROM t\nWHERE a > 1\nORDER BY a";
        assert_eq!(
            classes(correct, bug),
            vec![C, C, (LineClass::Diff, Some(DiffKind::Changed)), C]
        );
    }

    #[test]
    fn added_lines() {
        let correct = "SELECT a, COUNT(*)\nFROM t\nGROUP BY a\nHAVING COUNT(*) > 1\n";
        let bug = "SELECT a, COUNT(*)\nFROM t\n";
        let added = (LineClass::Diff, Some(DiffKind::Added));
        assert_eq!(classes(correct, bug), vec![C, C, added, added]);
    }

    #[test]
    fn deleted_lines_mark_the_line_after() {
        let correct = "SELECT a\nFROM t\nORDER BY a\n";
        let bug = "SELECT a\nFROM t\nGROUP BY b\nORDER BY a\n";
        assert_eq!(
            classes(correct, bug),
            vec![C, C, (LineClass::Diff, Some(DiffKind::AfterDeletion))]
        );
        // Deleted at the end: every target line is consistent (EOS carries
        // it), with or without a final newline.
        assert_eq!(
            classes("SELECT a\nFROM t\n", "SELECT a\nFROM t\nLIMIT\n"),
            vec![C, C]
        );
        assert_eq!(
            classes("SELECT a\nFROM t", "SELECT a\nFROM t\nLIMIT 1"),
            vec![C, C]
        );
    }

    #[test]
    fn a_line_identical_to_another_bug_line_is_still_diff() {
        // The fix turns line 4 into "SELECT x", which also appears verbatim
        // as line 1 of the bug: it is a changed line all the same.
        let correct = "SELECT x\nFROM t\nUNION ALL\nSELECT x\nFROM u\n";
        let bug = "SELECT x\nFROM t\nUNION ALL\nSELECT y\nFROM u\n";
        let lines = classify_lines(correct, bug);
        assert_eq!(lines[3].class, LineClass::Diff);
        assert_eq!(lines[0].class, LineClass::Consistent);
        // The same set as the dataset's own line diff.
        let diff = crate::sql::diff::line_diff(correct, bug);
        let mine: Vec<usize> = lines
            .iter()
            .filter(|l| l.class == LineClass::Diff)
            .map(|l| l.line)
            .collect();
        assert_eq!(mine, diff.correct);
        // And a consistent line repeated in the target stays consistent twice.
        let lines = classify_lines("FROM t\nFROM t\nWHERE b\n", "FROM t\nFROM t\nWHERE a\n");
        assert_eq!(
            lines
                .iter()
                .filter(|l| l.class == LineClass::Consistent)
                .count(),
            2
        );
    }

    #[test]
    fn tokens_map_to_their_lines() {
        let text = "SELECT a\n  FROM t\n";
        let lines = classify_lines(text, text);
        // "SELECT", " a", "\n  ", "FROM", " t", "\n", and a special with no span.
        let offsets = [
            (0, 6),
            (6, 8),
            (8, 11),
            (11, 15),
            (15, 17),
            (17, 18),
            (0, 0),
        ];
        assert_eq!(
            token_lines(&lines, &offsets, text),
            vec![0, 0, 1, 1, 1, 1, 1]
        );
    }

    #[test]
    fn masks_keep_diff_lines_and_redraw_each_time() {
        let correct: String = (0..40).map(|i| format!("line {i}\n")).collect();
        let bug = correct.replace("line 7\n", "line seven\n");
        let lines = classify_lines(&correct, &bug);
        let mut rng = ChaCha8Rng::seed_from_u64(1);
        let a = draw_line_mask(&lines, 0.5, &mut rng);
        let b = draw_line_mask(&lines, 0.5, &mut rng);
        assert!(a[7] && b[7]);
        assert_ne!(a, b, "a fresh draw each step");
        let kept = a.iter().filter(|k| **k).count();
        assert!((10..=32).contains(&kept), "{kept}");
        assert!(draw_line_mask(&lines, 0.0, &mut rng).iter().all(|k| *k));
        assert_eq!(
            draw_line_mask(&lines, 1.0, &mut rng)
                .iter()
                .filter(|k| **k)
                .count(),
            1
        );
    }
}
