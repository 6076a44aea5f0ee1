//! Properties of value normalisation and multiset comparison.

use proptest::prelude::*;
use sqlforge::engine::value::{canonical_decimal, trim_fraction};
use sqlforge::engine::{compare_rows, CompareOptions, Value};

fn value() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|i| Value::Int(i.into())),
        (-1e12f64..1e12).prop_map(Value::float),
        (any::<i64>(), 0u32..6).prop_map(|(m, s)| Value::decimal_scaled(m.into(), s)),
        "[a-z]{0,6}".prop_map(Value::Text),
        proptest::collection::vec(any::<u8>(), 0..4).prop_map(Value::Blob),
    ]
}

fn rows() -> impl Strategy<Value = Vec<Vec<Value>>> {
    (1usize..4).prop_flat_map(|width| {
        proptest::collection::vec(proptest::collection::vec(value(), width), 0..12)
    })
}

proptest! {
    #[test]
    fn multiset_equality_ignores_order(rows in rows(), seed in any::<u64>()) {
        let mut shuffled = rows.clone();
        // A deterministic permutation from the seed.
        let n = shuffled.len();
        for i in (1..n).rev() {
            let j = (seed.wrapping_mul(6364136223846793005).wrapping_add(i as u64) % (i as u64 + 1)) as usize;
            shuffled.swap(i, j);
        }
        prop_assert!(compare_rows(&rows, &shuffled, &CompareOptions::default()).is_ok());
        prop_assert!(compare_rows(&shuffled, &rows, &CompareOptions::default()).is_ok());
    }

    #[test]
    fn dropping_or_duplicating_a_row_is_detected(rows in rows().prop_filter("non-empty", |r| !r.is_empty())) {
        let o = CompareOptions::default();
        let mut dropped = rows.clone();
        dropped.pop();
        prop_assert!(compare_rows(&rows, &dropped, &o).is_err());
        let mut duplicated = rows.clone();
        duplicated.push(rows[0].clone());
        prop_assert!(compare_rows(&rows, &duplicated, &o).is_err());
    }

    #[test]
    fn replacing_a_value_with_a_distinct_one_is_detected(
        rows in rows().prop_filter("non-empty", |r| !r.is_empty()),
        pick in any::<prop::sample::Index>(),
    ) {
        let o = CompareOptions::default();
        let mut changed = rows.clone();
        let r = pick.index(changed.len());
        changed[r][0] = Value::Text("\u{1F600} distinct".into());
        prop_assert!(compare_rows(&rows, &changed, &o).is_err());
    }

    #[test]
    fn floats_within_tolerance_are_equal(x in -1e9f64..1e9, rel in -1e-11f64..1e-11) {
        let a = vec![vec![Value::float(x)]];
        let b = vec![vec![Value::float(x * (1.0 + rel))]];
        prop_assert!(compare_rows(&a, &b, &CompareOptions::default()).is_ok());
    }

    #[test]
    fn floats_beyond_tolerance_differ(x in 1.0f64..1e9, rel in 1e-6f64..1e-2) {
        let a = vec![vec![Value::float(x)]];
        let b = vec![vec![Value::float(x * (1.0 + rel))]];
        prop_assert!(compare_rows(&a, &b, &CompareOptions::default()).is_err());
    }

    #[test]
    fn ordered_mode_detects_a_swap_of_distinct_rows(a in any::<i64>(), b in any::<i64>()) {
        prop_assume!(a != b);
        let o = CompareOptions { ordered: true, ..Default::default() };
        let x = vec![vec![Value::Int(a.into())], vec![Value::Int(b.into())]];
        let y = vec![vec![Value::Int(b.into())], vec![Value::Int(a.into())]];
        prop_assert!(compare_rows(&x, &y, &o).is_err());
        prop_assert!(compare_rows(&x, &y, &CompareOptions::default()).is_ok());
    }

    #[test]
    fn mysql_booleans_equal_real_booleans(b in any::<bool>()) {
        let o = CompareOptions::default();
        prop_assert!(compare_rows(&[vec![Value::Bool(b)]], &[vec![Value::Int(b.into())]], &o).is_ok());
        let strict = CompareOptions { loose_numeric: false, ..o };
        prop_assert!(compare_rows(&[vec![Value::Bool(b)]], &[vec![Value::Int(b.into())]], &strict).is_err());
    }

    #[test]
    fn decimal_and_float_agree_across_engines(m in -1_000_000_000i64..1_000_000_000, s in 0u32..5) {
        let decimal = Value::decimal_scaled(m.into(), s);
        let float = Value::float(m as f64 / 10f64.powi(s as i32));
        prop_assert!(compare_rows(&[vec![decimal]], &[vec![float]], &CompareOptions::default()).is_ok());
    }

    #[test]
    fn hugeint_and_decimal_agree(i in any::<i128>()) {
        let o = CompareOptions::default();
        prop_assert!(compare_rows(&[vec![Value::Int(i)]], &[vec![Value::decimal(&i.to_string())]], &o).is_ok());
    }

    #[test]
    fn canonical_decimal_is_idempotent_and_value_preserving(m in any::<i64>(), s in 0usize..8, pad in 0usize..4) {
        let digits = m.unsigned_abs().to_string();
        let text = if s == 0 { digits.clone() } else {
            let padded = format!("{}{}", "0".repeat(s.saturating_sub(digits.len())), digits);
            let (i, f) = padded.split_at(padded.len() - s);
            format!("{}.{}{}", if i.is_empty() { "0" } else { i }, f, "0".repeat(pad))
        };
        let text = if m < 0 { format!("-{text}") } else { text };
        let canon = canonical_decimal(&text).unwrap();
        prop_assert_eq!(canonical_decimal(&canon).unwrap(), canon.clone());
        let back: f64 = canon.parse().unwrap();
        let orig: f64 = text.parse().unwrap();
        prop_assert!((back - orig).abs() <= orig.abs() * 1e-15);
        prop_assert!(!canon.ends_with('.') && (!canon.contains('.') || !canon.ends_with('0')));
    }

    #[test]
    fn fraction_trimming_is_idempotent(secs in 0u32..60, micros in 0u32..1_000_000) {
        let text = format!("2024-01-02 03:04:{secs:02}.{micros:06}");
        let once = trim_fraction(&text);
        prop_assert_eq!(trim_fraction(&once), once.clone());
        prop_assert!(!once.ends_with('0') || !once.contains('.'));
    }
}
