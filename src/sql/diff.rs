//! Line diffs between a correct SQL and its buggy version: which lines of
//! each side changed. DM-SFT's consistent/diff line split and the synthesis
//! filter's `--max-diff-lines` both come from here.

use serde::{Deserialize, Serialize};
use similar::{ChangeTag, TextDiff};

/// 1-based line numbers that differ on each side.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineDiff {
    /// Lines of the correct SQL that are changed or added relative to the bug.
    pub correct: Vec<usize>,
    /// Lines of the bug SQL that are changed or added relative to the correct.
    pub bug: Vec<usize>,
}

impl LineDiff {
    /// The size of the edit: the larger of the two sides.
    pub fn changed_lines(&self) -> usize {
        self.correct.len().max(self.bug.len())
    }

    pub fn is_empty(&self) -> bool {
        self.correct.is_empty() && self.bug.is_empty()
    }
}

/// Diffs `bug` against `correct` line by line (Myers, via `similar`).
pub fn line_diff(correct: &str, bug: &str) -> LineDiff {
    let diff = TextDiff::from_lines(bug, correct);
    let mut out = LineDiff::default();
    for change in diff.iter_all_changes() {
        match change.tag() {
            ChangeTag::Insert => out.correct.extend(change.new_index().map(|i| i + 1)),
            ChangeTag::Delete => out.bug.extend(change.old_index().map(|i| i + 1)),
            ChangeTag::Equal => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changed_added_and_deleted_lines() {
        let correct = "SELECT a,\n       b\nFROM t\nWHERE a >= 1\n";
        let bug = "SELECT a,\n       b\nFROM t\nWHERE a > 1\n";
        assert_eq!(
            line_diff(correct, bug),
            LineDiff {
                correct: vec![4],
                bug: vec![4]
            }
        );
        let added = line_diff("SELECT a\nFROM t\nGROUP BY a\n", "SELECT a\nFROM t\n");
        assert_eq!(
            added,
            LineDiff {
                correct: vec![3],
                bug: vec![]
            }
        );
        let deleted = line_diff("SELECT a\nFROM t\n", "SELECT a\nFROM t\nGROUP BY a\n");
        assert_eq!(
            deleted,
            LineDiff {
                correct: vec![],
                bug: vec![3]
            }
        );
        assert!(line_diff("SELECT 1", "SELECT 1").is_empty());
    }

    #[test]
    fn a_line_repeated_elsewhere_is_still_consistent() {
        // The changed line matches another line verbatim; only the real edit
        // is reported.
        let correct = "SELECT x\nFROM t\nUNION ALL\nSELECT x\nFROM u\n";
        let bug = "SELECT x\nFROM t\nUNION ALL\nSELECT y\nFROM u\n";
        assert_eq!(
            line_diff(correct, bug),
            LineDiff {
                correct: vec![4],
                bug: vec![4]
            }
        );
    }
}
