//! One hand-written example per rule.

use super::ddl::*;
use super::dialect::*;
use super::grouping::*;
use super::logic::*;
use super::logic_filter::*;
use super::logic_value::*;
use super::names::*;
use super::runtime::*;
use super::semantic::*;
use super::syntax::*;
use super::types::*;
use super::writes::*;
use super::Injection;

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
        .any(|b| b.contains("SELECT DISTINCT o.amount, c.name,")));
    assert!(!one(non_aggregated_column)
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

type Find = fn(&str) -> Vec<Injection>;

/// (rule, correct SQL, one expected bug SQL).
const EXAMPLES: &[(&str, Find, &str, &str)] = &[
    ("open_quoted_identifier", open_quoted_identifier, "SELECT name FROM emp", "SELECT \"name FROM emp"),
    ("unclosed_comment", unclosed_comment, "-- names\nSELECT name FROM emp", "/* names\nSELECT name FROM emp"),
    ("stray_character", stray_character, "SELECT a FROM t", "SELECT a FROM t ]"),
    ("smart_quotes", smart_quotes, "SELECT a FROM t WHERE b = 'x'", "SELECT a FROM t WHERE b = \u{2018}x\u{2019}"),
    ("broken_exponent", broken_exponent, "SELECT a FROM t WHERE b > 50000", "SELECT a FROM t WHERE b > 5e"),
    ("missing_from", missing_from, "SELECT * FROM emp e WHERE e.id = 1", "SELECT * WHERE e.id = 1"),
    ("misplaced_clause", misplaced_clause, "SELECT a, COUNT(*) FROM t\nWHERE b > 1\nGROUP BY a", "SELECT a, COUNT(*) FROM t\nGROUP BY a\nWHERE b > 1"),
    ("incomplete_statement", incomplete_statement, "SELECT a FROM t WHERE b > 5", "SELECT a FROM t WHERE b >"),
    ("reserved_word_alias", reserved_word_alias, "SELECT e.name FROM emp AS e", "SELECT e.name FROM emp AS GROUP"),
    ("missing_operand", missing_operand, "SELECT a FROM t WHERE b > 5 AND c = 1", "SELECT a FROM t WHERE b > AND c = 1"),
    ("invalid_operator", invalid_operator, "SELECT a FROM t WHERE b <= 5", "SELECT a FROM t WHERE b =< 5"),
    ("unexpected_token", unexpected_token, "SELECT a FROM t WHERE b > 5", "SELECT a FROM t WHERE b > * 5"),
    ("backtick_identifier", backtick_identifier, "SELECT a FROM t", "SELECT `a` FROM t"),
    ("double_quoted_identifier", double_quoted_identifier, "SELECT e.a FROM t e", "SELECT e.\"a\" FROM t e"),
    ("postgres_cast", postgres_cast, "SELECT CAST(a AS INTEGER) FROM t", "SELECT a::INTEGER FROM t"),
    ("unsupported_cast_type", unsupported_cast_type, "SELECT CAST(a AS CHAR) FROM t", "SELECT CAST(a AS TEXT) FROM t"),
    ("top_instead_of_limit", top_instead_of_limit, "SELECT a FROM t LIMIT 3", "SELECT TOP 3 a FROM t"),
    ("limit_offset_comma", limit_offset_comma, "SELECT a FROM t LIMIT 5 OFFSET 2", "SELECT a FROM t LIMIT 2, 5"),
    ("plus_concat", plus_concat, "SELECT a || b FROM t", "SELECT a + b FROM t"),
    ("ilike", ilike, "SELECT a FROM t WHERE a LIKE 'x%'", "SELECT a FROM t WHERE a ILIKE 'x%'"),
    ("nulls_ordering", nulls_ordering, "SELECT a FROM t ORDER BY a DESC", "SELECT a FROM t ORDER BY a DESC NULLS LAST"),
    ("full_join", full_join, "SELECT 1 FROM a LEFT JOIN b ON a.x = b.x", "SELECT 1 FROM a FULL JOIN b ON a.x = b.x"),
    ("other_dialect_function", other_dialect_function, "SELECT COALESCE(a, 0) FROM t", "SELECT NVL(a, 0) FROM t"),
    ("typed_date_literal", typed_date_literal, "SELECT a FROM t WHERE d > '2020-01-01'", "SELECT a FROM t WHERE d > DATE '2020-01-01'"),
    ("upsert_syntax", upsert_syntax, "INSERT INTO t (id, a) VALUES (1, 2)", "INSERT INTO t (id, a) VALUES (1, 2) ON CONFLICT (id) DO NOTHING"),
    ("auto_increment", auto_increment, "CREATE TABLE t (id INTEGER PRIMARY KEY, a INTEGER)", "CREATE TABLE t (id INTEGER PRIMARY KEY AUTO_INCREMENT, a INTEGER)"),
    ("column_wrong_table", column_wrong_table, "SELECT e.salary FROM emp e JOIN dept d ON e.dept_id = d.id", "SELECT d.salary FROM emp e JOIN dept d ON e.dept_id = d.id"),
    ("table_name_after_alias", table_name_after_alias, "SELECT e.name FROM emp e", "SELECT emp.name FROM emp e"),
    ("missing_derived_alias", missing_derived_alias, "SELECT * FROM (SELECT id FROM emp) AS t", "SELECT * FROM (SELECT id FROM emp)"),
    ("duplicate_table_alias", duplicate_table_alias, "SELECT 1 FROM emp e JOIN dept d ON e.d = d.id", "SELECT 1 FROM emp e JOIN dept e ON e.d = d.id"),
    ("using_column_missing", using_column_missing, "SELECT 1 FROM emp e JOIN dept d ON e.dept_id = d.id", "SELECT 1 FROM emp e JOIN dept d USING (dept_id)"),
    ("nested_aggregate", nested_aggregate, "SELECT MAX(n) FROM t", "SELECT MAX(SUM(n)) FROM t"),
    ("aggregate_in_group_by", aggregate_in_group_by, "SELECT d, COUNT(*) FROM t GROUP BY d", "SELECT d, COUNT(*) FROM t GROUP BY d, 2"),
    ("having_non_grouped_column", having_non_grouped_column, "SELECT d FROM t GROUP BY d HAVING MAX(s) > 1", "SELECT d FROM t GROUP BY d HAVING s > 1"),
    ("window_in_where", window_in_where, "SELECT a, RANK() OVER (ORDER BY a) FROM t WHERE a > 1", "SELECT a, RANK() OVER (ORDER BY a) FROM t WHERE RANK() OVER (ORDER BY a) > 1 AND a > 1"),
    ("window_in_having", window_in_having, "SELECT a, RANK() OVER (ORDER BY a) FROM t GROUP BY a HAVING COUNT(*) > 1", "SELECT a, RANK() OVER (ORDER BY a) FROM t GROUP BY a HAVING RANK() OVER (ORDER BY a) > 1 AND COUNT(*) > 1"),
    ("window_without_over", window_without_over, "SELECT a, ROW_NUMBER() OVER (ORDER BY a) FROM t", "SELECT a, ROW_NUMBER() FROM t"),
    ("window_inside_aggregate", window_inside_aggregate, "SELECT SUM(a), RANK() OVER (ORDER BY a) FROM t GROUP BY a", "SELECT SUM(RANK() OVER (ORDER BY a)), RANK() OVER (ORDER BY a) FROM t GROUP BY a"),
    ("group_by_position", group_by_position, "SELECT d, COUNT(*) FROM t GROUP BY d", "SELECT d, COUNT(*) FROM t GROUP BY 3"),
    ("order_by_position", order_by_position, "SELECT a, b FROM t ORDER BY 2", "SELECT a, b FROM t ORDER BY 3"),
    ("negative_limit", negative_limit, "SELECT a FROM t LIMIT 5", "SELECT a FROM t LIMIT -5"),
    ("distinct_order_not_selected", distinct_order_not_selected, "SELECT DISTINCT e.name FROM emp e WHERE e.id > 1 ORDER BY e.name", "SELECT DISTINCT e.name FROM emp e WHERE e.id > 1 ORDER BY e.id"),
    ("subquery_multiple_rows", subquery_multiple_rows, "SELECT a FROM t WHERE s > (SELECT MAX(s) FROM t)", "SELECT a FROM t WHERE s > (SELECT s FROM t)"),
    ("subquery_extra_column", subquery_extra_column, "SELECT a FROM t WHERE d IN (SELECT id FROM d)", "SELECT a FROM t WHERE d IN (SELECT id, id FROM d)"),
    ("limit_in_in_subquery", limit_in_in_subquery, "SELECT a FROM t WHERE d IN (SELECT id FROM d)", "SELECT a FROM t WHERE d IN (SELECT id FROM d LIMIT 10)"),
    ("set_operation_type_mismatch", set_operation_type_mismatch, "SELECT name FROM a UNION SELECT 'x' FROM b", "SELECT name FROM a UNION SELECT 0 FROM b"),
    ("order_by_in_operand", order_by_in_operand, "SELECT a FROM t UNION SELECT b FROM u", "SELECT a FROM t ORDER BY 1 UNION SELECT b FROM u"),
    ("order_by_not_in_result", order_by_not_in_result, "SELECT t.a FROM t WHERE t.b = 1 UNION SELECT u.a FROM u ORDER BY a", "SELECT t.a FROM t WHERE t.b = 1 UNION SELECT u.a FROM u ORDER BY b"),
    ("comparison_type_mismatch", comparison_type_mismatch, "SELECT a FROM t WHERE d > DATE '2020-01-01'", "SELECT a FROM t WHERE d > 2020"),
    ("arithmetic_type_mismatch", arithmetic_type_mismatch, "SELECT s * 2 FROM t WHERE name = 'x'", "SELECT name * 2 FROM t WHERE name = 'x'"),
    ("like_on_non_text", like_on_non_text, "SELECT a FROM t WHERE CAST(s AS VARCHAR) LIKE '9%'", "SELECT a FROM t WHERE s LIKE '9%'"),
    ("invalid_cast", invalid_cast, "SELECT CAST(d AS DATE) FROM t", "SELECT CAST(d AS INTEGER) FROM t"),
    ("non_boolean_condition", non_boolean_condition, "SELECT a FROM t WHERE b > 0", "SELECT a FROM t WHERE b"),
    ("branch_type_mismatch", branch_type_mismatch, "SELECT CASE WHEN b > 0 THEN a ELSE '-' END FROM t", "SELECT CASE WHEN b > 0 THEN a ELSE 0 END FROM t"),
    ("aggregate_on_wrong_type", aggregate_on_wrong_type, "SELECT SUM(s) FROM t WHERE name = 'x'", "SELECT SUM(name) FROM t WHERE name = 'x'"),
    ("wrong_argument_count", wrong_argument_count, "SELECT ROUND(s, 2) FROM t", "SELECT ROUND(s, 2, 1) FROM t"),
    ("drop_nullif_guard", drop_nullif_guard, "SELECT s / NULLIF(b, 0) FROM t", "SELECT s / b FROM t"),
    ("integer_overflow", integer_overflow, "SELECT id * 100 FROM t", "SELECT id * 9223372036854775807 FROM t"),
    ("invalid_math_argument", invalid_math_argument, "SELECT LN(b) FROM t", "SELECT LN(-(b)) FROM t"),
    ("string_to_number", string_to_number, "SELECT a FROM t WHERE s = 98000", "SELECT a FROM t WHERE s = '98,000'"),
    ("string_to_boolean", string_to_boolean, "SELECT a FROM t WHERE b = TRUE", "SELECT a FROM t WHERE b = 'active'"),
    ("date_out_of_range", date_out_of_range, "SELECT a FROM t WHERE d > '2020-02-10'", "SELECT a FROM t WHERE d > '2020-02-30'"),
    ("invalid_date_format", invalid_date_format, "SELECT a FROM t WHERE d > '2020-02-20'", "SELECT a FROM t WHERE d > '20/02/2020'"),
    ("invalid_regex", invalid_regex, "SELECT regexp_replace(a, '[a-c]', 'x') FROM t", "SELECT regexp_replace(a, '[a-c](', 'x') FROM t"),
    ("negative_substring_length", negative_substring_length, "SELECT SUBSTR(a, 1, 2) FROM t", "SELECT SUBSTR(a, 1, -2) FROM t"),
    ("numeric_field_overflow", numeric_field_overflow, "SELECT CAST(a AS DECIMAL(10, 2)) FROM t", "SELECT CAST(a AS DECIMAL(3, 2)) FROM t"),
    ("string_too_long", string_too_long, "INSERT INTO t (id, a) VALUES (1, 'abcd')", "INSERT INTO t (id, a) VALUES (1, 'abcd abcd"),
    ("primary_key_violation", primary_key_violation, "INSERT INTO t (id, a) VALUES (7, 'x'), (8, 'y')", "INSERT INTO t (id, a) VALUES (7, 'x'), (7, 'y')"),
    ("unique_violation", unique_violation, "INSERT INTO t (id, a) VALUES (7, 'x'), (8, 'y')", "INSERT INTO t (id, a) VALUES (7, 'x'), (8, 'x')"),
    ("not_null_violation", not_null_violation, "UPDATE t SET a = 'x' WHERE id = 1", "UPDATE t SET a = NULL WHERE id = 1"),
    ("foreign_key_violation", foreign_key_violation, "INSERT INTO t (id, dept_id) VALUES (7, 2)", "INSERT INTO t (id, dept_id) VALUES (7, 999999)"),
    ("referenced_row_delete", referenced_row_delete, "DELETE FROM dept WHERE id = 4", "DELETE FROM dept WHERE id = 1"),
    ("check_violation", check_violation, "INSERT INTO t (id, b) VALUES (7, 100)", "INSERT INTO t (id, b) VALUES (7, -100)"),
    ("table_already_exists", table_already_exists, "CREATE TABLE IF NOT EXISTS t (a INTEGER)", "CREATE TABLE t (a INTEGER)"),
    ("drop_missing_table", drop_missing_table, "DROP TABLE IF EXISTS t", "DROP TABLE t"),
    ("drop_missing_index", drop_missing_index, "DROP INDEX ix_emp_job", "DROP INDEX ix_emp_ojb"),
    ("index_already_exists", index_already_exists, "CREATE INDEX IF NOT EXISTS ix ON t (a)", "CREATE INDEX ix ON t (a)"),
    ("duplicate_column", duplicate_column, "CREATE TABLE t (id INTEGER, name VARCHAR(10))", "CREATE TABLE t (id INTEGER, id VARCHAR(10))"),
    ("drop_missing_column", drop_missing_column, "ALTER TABLE t DROP COLUMN bonus", "ALTER TABLE t DROP COLUMN bouns"),
    ("unknown_type", unknown_type, "CREATE TABLE t (id INTEGER, c TIMESTAMP)", "CREATE TABLE t (id INTEGER, c DATETIME2)"),
    ("multiple_primary_keys", multiple_primary_keys, "CREATE TABLE t (a INTEGER PRIMARY KEY, b INTEGER)", "CREATE TABLE t (a INTEGER PRIMARY KEY, b INTEGER PRIMARY KEY)"),
    ("add_not_null_without_default", add_not_null_without_default, "ALTER TABLE t ADD COLUMN c INTEGER NOT NULL DEFAULT 0", "ALTER TABLE t ADD COLUMN c INTEGER NOT NULL"),
    ("insert_column_count_mismatch", insert_column_count_mismatch, "INSERT INTO d (id, name) VALUES (10, 'Ops')", "INSERT INTO d (id, name) VALUES (10)"),
    ("unknown_target_column", unknown_target_column, "UPDATE t SET salary = 1 WHERE id = 2", "UPDATE t SET salry = 1 WHERE id = 2"),
    ("missing_required_value", missing_required_value, "INSERT INTO e (id, name, s) VALUES (20, 'Zed', 1)", "INSERT INTO e (id, s) VALUES (20, 1)"),
    ("duplicate_assignment", duplicate_assignment, "UPDATE e SET s = 1, b = 2 WHERE id = 1", "UPDATE e SET s = 1, s = 2 WHERE id = 1"),
    ("aggregate_in_update", aggregate_in_update, "UPDATE e SET s = (SELECT AVG(s) FROM e) WHERE id = 1", "UPDATE e SET s = AVG(s) WHERE id = 1"),
    ("drop_where_conjunct", drop_where_conjunct, "SELECT a FROM t WHERE b = 1 AND c > 7", "SELECT a FROM t WHERE b = 1"),
    ("drop_join_conjunct", drop_join_conjunct, "SELECT 1 FROM a JOIN b ON a.x = b.x AND b.y > 0", "SELECT 1 FROM a JOIN b ON a.x = b.x"),
    ("outer_join_filter_to_where", outer_join_filter_to_where, "SELECT 1 FROM d LEFT JOIN e ON e.d = d.id AND e.s > 6", "SELECT 1 FROM d LEFT JOIN e ON e.d = d.id WHERE e.s > 6"),
    ("drop_not_in_null_guard", drop_not_in_null_guard, "SELECT a FROM t WHERE a NOT IN (SELECT b FROM u WHERE b IS NOT NULL)", "SELECT a FROM t WHERE a NOT IN (SELECT b FROM u)"),
    ("having_instead_of_where", having_instead_of_where, "SELECT d, AVG(s) FROM e\nWHERE s > 5\nGROUP BY d", "SELECT d, AVG(s) FROM e\nGROUP BY d\nHAVING s > 5"),
    ("wrong_join_column", wrong_join_column, "SELECT e.name FROM e JOIN d ON e.dept_id = d.id", "SELECT e.name FROM e JOIN d ON e.name = d.id"),
    ("integer_division", integer_division, "SELECT b / 1000.0 FROM t", "SELECT b / 1000 FROM t"),
    ("missing_coalesce", missing_coalesce, "SELECT s + COALESCE(b, 0) FROM t", "SELECT s + b FROM t"),
    ("null_handling_in_aggregate", null_handling_in_aggregate, "SELECT AVG(COALESCE(b, 0)) FROM t", "SELECT AVG(b) FROM t"),
    ("swapped_operands", swapped_operands, "SELECT d.budget - e.salary FROM t", "SELECT e.salary - d.budget FROM t"),
    ("wrong_operator", wrong_operator, "SELECT s * 12 FROM t", "SELECT s / 12 FROM t"),
    ("wrong_column", wrong_column, "SELECT e.name, e.id FROM e", "SELECT e.id, e.id FROM e"),
    ("wrong_sort_column", wrong_sort_column, "SELECT name, salary FROM e ORDER BY salary DESC", "SELECT name, salary FROM e ORDER BY name DESC"),
    ("wrong_group_by", wrong_group_by, "SELECT e.d, AVG(e.s) FROM e GROUP BY e.d", "SELECT e.d, AVG(e.s) FROM e GROUP BY e.d, e.s"),
    ("wrong_correlation", wrong_correlation, "SELECT name FROM emp e WHERE s > (SELECT AVG(s) FROM emp x WHERE x.d = e.d)", "SELECT name FROM emp e WHERE s > (SELECT AVG(s) FROM emp x WHERE x.d = x.d)"),
];

#[test]
fn every_new_rule_makes_its_example_bug() {
    let mut failures = Vec::new();
    for (name, find, correct, bug) in EXAMPLES {
        let made: Vec<String> = find(correct).into_iter().map(|i| i.bug_sql).collect();
        if !made.iter().any(|m| m.starts_with(bug)) {
            failures.push(format!(
                "{name}: {correct:?} gave {made:?}, expected {bug:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_rule_in_the_table_has_an_example() {
    let described: Vec<&str> = EXAMPLES.iter().map(|e| e.0).collect();
    let old = [
        "misspell_column",
        "misspell_table",
        "keyword_typo",
        "trailing_comma",
        "unterminated_string",
        "extra_close_paren",
        "off_by_one",
        "null_equality",
        "left_to_inner",
        "drop_distinct",
        "swap_aggregate",
        "wrong_constant",
        "flip_sort_direction",
        "union_all_to_union",
        "extra_select_column",
        "count_in_where",
        "drop_select_comma",
        "misspell_function",
        "misspell_qualifier",
        "limit_plus_one",
        "count_column_to_star",
        "drop_distinct_in_count",
        "drop_not",
        "drop_qualifier",
        "extra_null_column",
        "drop_or_parentheses",
        "swap_between_bounds",
        "drop_like_wildcard",
    ];
    for rule in super::rules() {
        assert!(
            described.contains(&rule.name) || old.contains(&rule.name),
            "{} has no example",
            rule.name
        );
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

    /// No rule panics, whatever SQL-ish text it is given.
    #[test]
    fn rules_never_panic(parts in proptest::collection::vec(
        proptest::sample::select(vec![
            "SELECT", "DISTINCT", "FROM", "t", "u", "AS", "x", ".", ",", "(", ")", "WHERE", "AND",
            "OR", "NOT", "IN", "EXISTS", "=", "<=", ">", "-", "+", "*", "/", "1", "2.0", "'a'",
            "'2024-02-10'", "GROUP", "ORDER", "BY", "HAVING", "LIMIT", "OFFSET", "JOIN", "LEFT",
            "OUTER", "ON", "USING", "UNION", "ALL", "CASE", "WHEN", "THEN", "ELSE", "END", "CAST",
            "INTEGER", "DECIMAL", "COUNT", "SUM", "AVG", "MAX", "COALESCE", "NULLIF", "LN", "SQRT",
            "SUBSTR", "ROUND", "REGEXP_REPLACE", "OVER", "ROW_NUMBER", "INSERT", "INTO", "VALUES",
            "UPDATE", "SET", "DELETE", "CREATE", "TABLE", "INDEX", "DROP", "ALTER", "ADD", "COLUMN",
            "IF", "PRIMARY", "KEY", "DEFAULT", "NULL", "IS", "LIKE", "BETWEEN", "TRUE", "\n",
            "-- c\n", "/* c */", "\u{a0}", "–", "é", "DESC", "NULLS", "id", "_id", "DATE", "9223372036854775807", "LOG", "RETURNING", "::", "||", "TOP", "ILIKE", "FOR",
        ]),
        0..40,
    )) {
        let sql = parts.join(" ");
        for rule in super::rules() {
            let _ = (rule.find)(&sql);
        }
    }
}
