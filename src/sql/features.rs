//! Error features: the constructs a query contains, extracted from the
//! sqlparser AST in the engine's dialect. A query sqlparser cannot parse
//! still gets token-level features; it is never dropped for that.
//!
//! The vocabulary is documented in docs/TAXONOMY.md; taxonomy `requires`
//! lists use the same names.

use sqlparser::ast::{
    Expr, FunctionArguments, GroupByExpr, JoinConstraint, JoinOperator, ObjectName, Query, Select,
    SetExpr, SetOperator, SetQuantifier, Statement, TableFactor, Value, ValueWithSpan, Visit,
    Visitor,
};
use sqlparser::dialect::{
    Dialect, DuckDbDialect, GenericDialect, MySqlDialect, PostgreSqlDialect, SQLiteDialect,
};
use sqlparser::parser::Parser;
use std::collections::{BTreeSet, HashSet};
use std::ops::ControlFlow;

use crate::engine::EngineKind;

/// The features of one query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Features {
    pub names: BTreeSet<String>,
    pub lines: usize,
    /// Whether sqlparser parsed the query (otherwise token-level only).
    pub parsed: bool,
}

impl Features {
    pub fn has(&self, name: &str) -> bool {
        self.names.contains(name)
    }
}

/// The sqlparser dialect for an engine.
pub fn dialect_for(kind: Option<EngineKind>) -> Box<dyn Dialect> {
    match kind {
        Some(EngineKind::DuckDb) => Box::new(DuckDbDialect {}),
        Some(EngineKind::Sqlite) => Box::new(SQLiteDialect {}),
        Some(EngineKind::Postgres) => Box::new(PostgreSqlDialect {}),
        Some(EngineKind::MySql) => Box::new(MySqlDialect {}),
        _ => Box::new(GenericDialect {}),
    }
}

const AGGREGATES: [&str; 12] = [
    "count",
    "sum",
    "avg",
    "min",
    "max",
    "group_concat",
    "string_agg",
    "array_agg",
    "stddev",
    "variance",
    "bool_and",
    "bool_or",
];

/// Extracts features, parsing with `kind`'s dialect and falling back to the
/// generic dialect, then to tokens.
pub fn extract(sql: &str, kind: Option<EngineKind>) -> Features {
    let mut features = Features {
        lines: sql.trim().lines().count(),
        ..Default::default()
    };
    text_features(sql, &mut features.names);
    let parsed = Parser::parse_sql(dialect_for(kind).as_ref(), sql)
        .or_else(|_| Parser::parse_sql(&GenericDialect {}, sql));
    match parsed {
        Ok(statements) if !statements.is_empty() => {
            let mut v = Collector::default();
            for s in &statements {
                let _ = s.visit(&mut v);
            }
            features.names.extend(v.names);
            features.parsed = true;
        }
        _ => token_features(sql, &mut features.names),
    }
    features
}

fn text_features(sql: &str, out: &mut BTreeSet<String>) {
    if sql.trim().lines().count() > 1 {
        out.insert("multi_line".into());
    }
    if sql.contains("--") || sql.contains("/*") {
        // Only counts when outside strings; the splitter's lexer knows.
        let code_only = crate::sql::split::strip_comments(sql);
        if code_only.len() != sql.len() {
            out.insert("comment".into());
        }
    }
}

/// Keyword-level features for SQL sqlparser cannot parse.
fn token_features(sql: &str, out: &mut BTreeSet<String>) {
    let words: Vec<String> = crate::sql::split::words(sql)
        .into_iter()
        .map(|w| w.to_ascii_lowercase())
        .collect();
    let has = |w: &str| words.iter().any(|x| x == w);
    let pairs = |a: &str, b: &str| words.windows(2).any(|p| p[0] == a && p[1] == b);
    for (word, feature) in [
        ("select", "select"),
        ("insert", "insert"),
        ("update", "update"),
        ("delete", "delete"),
        ("where", "where"),
        ("having", "having"),
        ("limit", "limit"),
        ("offset", "offset"),
        ("distinct", "distinct"),
        ("join", "join"),
        ("case", "case"),
        ("cast", "cast"),
        ("between", "between"),
        ("like", "like"),
        ("union", "union"),
        ("intersect", "intersect"),
        ("except", "except"),
        ("over", "window"),
        ("with", "cte"),
        ("exists", "exists_subquery"),
        ("and", "and"),
        ("or", "or"),
        ("not", "not"),
    ] {
        if has(word) {
            out.insert(feature.into());
        }
    }
    if pairs("group", "by") {
        out.insert("group_by".into());
    }
    if pairs("order", "by") {
        out.insert("order_by".into());
    }
    if pairs("left", "join") || pairs("left", "outer") {
        out.insert("left_join".into());
    }
    if pairs("with", "recursive") {
        out.insert("recursive_cte".into());
    }
    if pairs("union", "all") {
        out.insert("union_all".into());
    }
    for agg in ["count", "sum", "avg", "min", "max"] {
        if has(agg) {
            out.insert("aggregate".into());
            out.insert(format!("aggregate:{agg}"));
        }
    }
    if words.iter().filter(|w| *w == "select").count() > 1 {
        out.insert("subquery".into());
    }
}

#[derive(Default)]
struct Collector {
    names: BTreeSet<String>,
}

impl Collector {
    fn add(&mut self, name: &str) {
        self.names.insert(name.to_string());
    }

    fn select(&mut self, s: &Select) {
        if s.distinct.is_some() {
            self.add("distinct");
        }
        if s.selection.is_some() {
            self.add("where");
        }
        if s.having.is_some() {
            self.add("having");
        }
        match &s.group_by {
            GroupByExpr::Expressions(exprs, _) if !exprs.is_empty() => self.add("group_by"),
            GroupByExpr::All(_) => self.add("group_by"),
            _ => {}
        }
        let relations: usize = s.from.iter().map(|t| 1 + t.joins.len()).sum();
        if s.from.len() > 1 {
            self.add("implicit_join");
            self.add("join");
        }
        if relations > 1 {
            self.add("join");
        }
        for item in &s.projection {
            match item {
                sqlparser::ast::SelectItem::ExprWithAlias { .. } => self.add("column_alias"),
                sqlparser::ast::SelectItem::Wildcard(_)
                | sqlparser::ast::SelectItem::QualifiedWildcard(..) => self.add("star"),
                _ => {}
            }
        }
        for twj in &s.from {
            for j in &twj.joins {
                self.join(&j.join_operator);
            }
        }
    }

    fn join(&mut self, op: &JoinOperator) {
        let (kind, constraint) = match op {
            JoinOperator::Join(c) | JoinOperator::Inner(c) => ("inner_join", Some(c)),
            JoinOperator::Left(c) | JoinOperator::LeftOuter(c) => ("left_join", Some(c)),
            JoinOperator::Right(c) | JoinOperator::RightOuter(c) => ("right_join", Some(c)),
            JoinOperator::FullOuter(c) => ("full_join", Some(c)),
            JoinOperator::CrossJoin(c) => ("cross_join", Some(c)),
            _ => ("join", None),
        };
        self.add("join");
        self.add(kind);
        match constraint {
            Some(JoinConstraint::Using(_)) => self.add("join_using"),
            Some(JoinConstraint::Natural) => self.add("natural_join"),
            _ => {}
        }
    }

    fn query(&mut self, q: &Query) {
        if let Some(with) = &q.with {
            self.add("cte");
            if with.recursive {
                self.add("recursive_cte");
            }
        }
        if q.order_by.is_some() {
            self.add("order_by");
        }
        if let Some(limit) = &q.limit_clause {
            self.add("limit");
            if let sqlparser::ast::LimitClause::LimitOffset {
                offset: Some(_), ..
            } = limit
            {
                self.add("offset");
            }
            if let sqlparser::ast::LimitClause::OffsetCommaLimit { .. } = limit {
                self.add("offset");
            }
        }
        self.set_expr(&q.body);
    }

    fn set_expr(&mut self, body: &SetExpr) {
        if let SetExpr::SetOperation {
            op,
            set_quantifier,
            left,
            right,
        } = body
        {
            self.add("set_operation");
            let name = match op {
                SetOperator::Union => {
                    if matches!(set_quantifier, SetQuantifier::All) {
                        "union_all"
                    } else {
                        "union"
                    }
                }
                SetOperator::Intersect => "intersect",
                SetOperator::Except | SetOperator::Minus => "except",
            };
            self.add(name);
            self.set_expr(left);
            self.set_expr(right);
        }
    }

    fn subquery(&mut self, q: &Query, kind: &str) {
        self.add("subquery");
        self.add(kind);
        if is_correlated(q) {
            self.add("correlated_subquery");
        }
    }

    fn value(&mut self, v: &Value) {
        match v {
            Value::Number(..) => self.add("literal_number"),
            Value::SingleQuotedString(s) | Value::DoubleQuotedString(s) => {
                self.add("literal_string");
                if looks_like_date(s) {
                    self.add("literal_date");
                }
            }
            Value::Boolean(_) => self.add("literal_bool"),
            Value::Null => self.add("literal_null"),
            _ => {}
        }
    }
}

fn looks_like_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 10
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[5..7].iter().all(u8::is_ascii_digit)
        && b[7] == b'-'
        && b[8..10].iter().all(u8::is_ascii_digit)
}

impl Visitor for Collector {
    type Break = ();

    fn pre_visit_statement(&mut self, s: &Statement) -> ControlFlow<()> {
        match s {
            Statement::Query(_) => self.add("select"),
            Statement::Insert(_) => self.add("insert"),
            Statement::Update { .. } => self.add("update"),
            Statement::Delete(_) => self.add("delete"),
            Statement::CreateTable(_) => self.add("create_table"),
            _ => {}
        }
        ControlFlow::Continue(())
    }

    fn pre_visit_query(&mut self, q: &Query) -> ControlFlow<()> {
        self.query(q);
        ControlFlow::Continue(())
    }

    fn pre_visit_select(&mut self, s: &Select) -> ControlFlow<()> {
        self.select(s);
        ControlFlow::Continue(())
    }

    fn pre_visit_table_factor(&mut self, t: &TableFactor) -> ControlFlow<()> {
        match t {
            TableFactor::Table { alias: Some(_), .. } => self.add("table_alias"),
            TableFactor::Derived {
                subquery, alias, ..
            } => {
                self.subquery(subquery, "derived_table");
                if alias.is_some() {
                    self.add("table_alias");
                }
            }
            _ => {}
        }
        ControlFlow::Continue(())
    }

    fn pre_visit_value(&mut self, v: &ValueWithSpan) -> ControlFlow<()> {
        self.value(&v.value);
        ControlFlow::Continue(())
    }

    fn pre_visit_expr(&mut self, e: &Expr) -> ControlFlow<()> {
        use sqlparser::ast::BinaryOperator as B;
        match e {
            Expr::CompoundIdentifier(_) => self.add("qualified_column"),
            Expr::Subquery(q) => self.subquery(q, "scalar_subquery"),
            Expr::InSubquery { subquery, .. } => self.subquery(subquery, "in_subquery"),
            Expr::Exists { subquery, .. } => self.subquery(subquery, "exists_subquery"),
            Expr::Case { .. } => self.add("case"),
            Expr::Cast { .. } => self.add("cast"),
            Expr::Between { .. } => self.add("between"),
            Expr::InList { .. } => self.add("in_list"),
            Expr::Like { .. } | Expr::ILike { .. } => self.add("like"),
            Expr::IsNull(_) | Expr::IsNotNull(_) => self.add("is_null"),
            Expr::UnaryOp {
                op: sqlparser::ast::UnaryOperator::Not,
                ..
            } => self.add("not"),
            Expr::BinaryOp { op, .. } => match op {
                B::And => self.add("and"),
                B::Or => self.add("or"),
                B::Eq | B::NotEq | B::Lt | B::LtEq | B::Gt | B::GtEq => self.add("comparison"),
                B::Divide | B::Modulo => {
                    self.add("arithmetic");
                    self.add("division")
                }
                B::Plus | B::Minus | B::Multiply => self.add("arithmetic"),
                B::StringConcat => self.add("string_concat"),
                _ => {}
            },
            Expr::Function(f) => {
                let name = function_name(&f.name);
                if f.over.is_some() {
                    self.add("window");
                    if let Some(sqlparser::ast::WindowType::WindowSpec(spec)) = &f.over {
                        if !spec.partition_by.is_empty() {
                            self.add("window_partition");
                        }
                        if !spec.order_by.is_empty() {
                            self.add("window_order");
                        }
                        if spec.window_frame.is_some() {
                            self.add("window_frame");
                        }
                    }
                }
                if AGGREGATES.contains(&name.as_str()) && f.over.is_none() {
                    self.add("aggregate");
                    self.add(&format!("aggregate:{name}"));
                    if let FunctionArguments::List(list) = &f.args {
                        if list.duplicate_treatment
                            == Some(sqlparser::ast::DuplicateTreatment::Distinct)
                            && name == "count"
                        {
                            self.add("count_distinct");
                        }
                    }
                }
                self.add(&format!("function:{name}"));
            }
            _ => {}
        }
        ControlFlow::Continue(())
    }
}

fn function_name(name: &ObjectName) -> String {
    name.0
        .last()
        .map(|p| {
            p.to_string()
                .trim_matches('"')
                .trim_matches('`')
                .to_ascii_lowercase()
        })
        .unwrap_or_default()
}

/// Whether a subquery refers to a table qualifier it does not define.
fn is_correlated(q: &Query) -> bool {
    #[derive(Default)]
    struct Scope {
        defined: HashSet<String>,
        used: HashSet<String>,
    }
    impl Visitor for Scope {
        type Break = ();
        fn pre_visit_table_factor(&mut self, t: &TableFactor) -> ControlFlow<()> {
            match t {
                TableFactor::Table { name, alias, .. } => {
                    if let Some(last) = name.0.last() {
                        self.defined.insert(last.to_string().to_ascii_lowercase());
                    }
                    if let Some(a) = alias {
                        self.defined.insert(a.name.value.to_ascii_lowercase());
                    }
                }
                TableFactor::Derived { alias: Some(a), .. } => {
                    self.defined.insert(a.name.value.to_ascii_lowercase());
                }
                _ => {}
            }
            ControlFlow::Continue(())
        }
        fn pre_visit_query(&mut self, q: &Query) -> ControlFlow<()> {
            if let Some(with) = &q.with {
                for cte in &with.cte_tables {
                    self.defined
                        .insert(cte.alias.name.value.to_ascii_lowercase());
                }
            }
            ControlFlow::Continue(())
        }
        fn pre_visit_expr(&mut self, e: &Expr) -> ControlFlow<()> {
            if let Expr::CompoundIdentifier(parts) = e {
                if parts.len() >= 2 {
                    self.used
                        .insert(parts[parts.len() - 2].value.to_ascii_lowercase());
                }
            }
            ControlFlow::Continue(())
        }
    }
    let mut scope = Scope::default();
    let _ = q.visit(&mut scope);
    scope.used.iter().any(|u| !scope.defined.contains(u))
}

/// Every feature name `extract` can produce, besides `function:<name>` and
/// `aggregate:<name>`.
pub const VOCABULARY: &[&str] = &[
    "select",
    "insert",
    "update",
    "delete",
    "create_table",
    "where",
    "group_by",
    "having",
    "order_by",
    "limit",
    "offset",
    "distinct",
    "join",
    "inner_join",
    "left_join",
    "right_join",
    "full_join",
    "cross_join",
    "implicit_join",
    "join_using",
    "natural_join",
    "subquery",
    "scalar_subquery",
    "in_subquery",
    "exists_subquery",
    "derived_table",
    "correlated_subquery",
    "cte",
    "recursive_cte",
    "union",
    "union_all",
    "intersect",
    "except",
    "set_operation",
    "window",
    "window_partition",
    "window_order",
    "window_frame",
    "case",
    "cast",
    "between",
    "in_list",
    "like",
    "is_null",
    "not",
    "and",
    "or",
    "comparison",
    "arithmetic",
    "division",
    "string_concat",
    "aggregate",
    "count_distinct",
    "table_alias",
    "column_alias",
    "qualified_column",
    "star",
    "literal_string",
    "literal_number",
    "literal_null",
    "literal_bool",
    "literal_date",
    "comment",
    "multi_line",
];

pub fn is_known_feature(name: &str) -> bool {
    VOCABULARY.contains(&name)
        || name
            .strip_prefix("function:")
            .or_else(|| name.strip_prefix("aggregate:"))
            .is_some_and(|rest| !rest.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(sql: &str) -> BTreeSet<String> {
        extract(sql, Some(EngineKind::Postgres)).names
    }

    #[test]
    fn clauses_joins_and_aggregates() {
        let names = f("SELECT d.name, COUNT(DISTINCT e.id) AS n\nFROM dept d LEFT JOIN emp e ON e.dept_id = d.id\nWHERE e.salary > 10 GROUP BY d.name HAVING COUNT(*) > 1 ORDER BY n DESC LIMIT 5");
        for want in [
            "select",
            "where",
            "group_by",
            "having",
            "order_by",
            "limit",
            "join",
            "left_join",
            "aggregate",
            "aggregate:count",
            "count_distinct",
            "table_alias",
            "column_alias",
            "qualified_column",
            "comparison",
            "literal_number",
            "multi_line",
        ] {
            assert!(names.contains(want), "missing {want} in {names:?}");
        }
        assert!(!names.contains("window"));
    }

    #[test]
    fn subqueries_ctes_windows_and_set_operations() {
        let names = f(
            "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 3)
            SELECT n, ROW_NUMBER() OVER (PARTITION BY n ORDER BY n) FROM r
            WHERE EXISTS (SELECT 1 FROM emp e WHERE e.id = r.n)
            UNION SELECT 1, 2 -- tail",
        );
        for want in [
            "cte",
            "recursive_cte",
            "union_all",
            "union",
            "set_operation",
            "window",
            "window_partition",
            "window_order",
            "exists_subquery",
            "subquery",
            "correlated_subquery",
            "comment",
        ] {
            assert!(names.contains(want), "missing {want} in {names:?}");
        }
    }

    #[test]
    fn uncorrelated_subquery_is_not_marked_correlated() {
        let names =
            f("SELECT * FROM emp WHERE dept_id IN (SELECT d.id FROM dept d WHERE d.name = 'x')");
        assert!(
            names.contains("in_subquery")
                && names.contains("star")
                && names.contains("literal_string")
        );
        assert!(!names.contains("correlated_subquery"), "{names:?}");
    }

    #[test]
    fn unparsable_sql_gets_token_features() {
        let feats = extract(
            "SELEC name, COUNT(*) FROM t GROUP BY name ORDER BY 2",
            Some(EngineKind::DuckDb),
        );
        assert!(!feats.parsed);
        assert!(feats.has("group_by") && feats.has("order_by") && feats.has("aggregate:count"));
    }

    #[test]
    fn dates_case_cast_and_comments_inside_strings() {
        let names = f("SELECT CASE WHEN hired >= '2024-01-01' THEN CAST(salary AS INTEGER) END, '-- not a comment' FROM emp");
        assert!(names.contains("case") && names.contains("cast") && names.contains("literal_date"));
        assert!(!names.contains("comment"), "{names:?}");
    }
}
