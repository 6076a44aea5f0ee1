//! AST helpers shared by the anti-patterns: parsing, conjunct lists, column
//! references, literal, aggregate and alias probes, and the enumeration of
//! rewrite sites (one output query per rewritten node).

use sqlparser::ast::{
    BinaryOperator, Expr, Function, GroupByExpr, Ident, JoinConstraint, JoinOperator, ObjectName,
    ObjectNamePart, Query, Select, SelectItem, SelectItemQualifiedWildcardKind, SetExpr, Statement,
    TableFactor, UnaryOperator, Value, Visit, VisitMut, Visitor, VisitorMut,
};
use sqlparser::dialect::GenericDialect;
use sqlparser::parser::Parser;
use std::collections::BTreeMap;
use std::ops::ControlFlow;

pub(crate) fn parse_statements(sql: &str) -> Result<Vec<Statement>, String> {
    Parser::parse_sql(&GenericDialect {}, sql).map_err(|e| e.to_string())
}

pub(crate) fn parse_query(sql: &str) -> Option<Query> {
    let mut statements = parse_statements(sql).ok()?;
    match statements.pop() {
        Some(Statement::Query(q)) if statements.is_empty() => Some(*q),
        _ => None,
    }
}

/// Parses SQL text the rules assembled themselves.
pub(crate) fn parse_expr(sql: &str) -> Option<Expr> {
    Parser::new(&GenericDialect {})
        .try_with_sql(sql)
        .ok()?
        .parse_expr()
        .ok()
}

/// The top-level AND operands of `e`.
pub(crate) fn conjuncts(e: &Expr) -> Vec<Expr> {
    match e {
        Expr::BinaryOp {
            left,
            op: BinaryOperator::And,
            right,
        } => {
            let mut out = conjuncts(left);
            out.extend(conjuncts(right));
            out
        }
        _ => vec![e.clone()],
    }
}

/// The AND of `parts`; OR/XOR operands are parenthesised because the AST
/// printer adds no parentheses of its own.
pub(crate) fn and_all(parts: Vec<Expr>) -> Option<Expr> {
    parts
        .into_iter()
        .map(|e| match e {
            Expr::BinaryOp {
                op: BinaryOperator::Or | BinaryOperator::Xor,
                ..
            } => Expr::Nested(Box::new(e)),
            e => e,
        })
        .reduce(|l, r| Expr::BinaryOp {
            left: Box::new(l),
            op: BinaryOperator::And,
            right: Box::new(r),
        })
}

/// `col` or `qualifier.col`.
pub(crate) fn column_ref(e: &Expr) -> Option<(Option<&Ident>, &Ident)> {
    match e {
        Expr::Identifier(c) => Some((None, c)),
        Expr::CompoundIdentifier(p) if p.len() == 2 => Some((Some(&p[0]), &p[1])),
        _ => None,
    }
}

/// Lenient on purpose (case and quotes ignored): the reference probes must
/// over-match rather than miss a use of an alias.
pub(crate) fn ident_eq(a: &Ident, b: &Ident) -> bool {
    a.value.eq_ignore_ascii_case(&b.value)
}

pub(crate) fn lower(i: &Ident) -> String {
    i.value.to_ascii_lowercase()
}

/// The last identifier of a (possibly qualified) name.
pub(crate) fn last_ident(name: &ObjectName) -> Option<&Ident> {
    match name.0.last() {
        Some(ObjectNamePart::Identifier(i)) => Some(i),
        _ => None,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Literal {
    Number,
    String,
}

pub(crate) fn literal_kind(e: &Expr) -> Option<Literal> {
    match e {
        Expr::Value(v) => match &v.value {
            Value::Number(..) => Some(Literal::Number),
            Value::SingleQuotedString(_) => Some(Literal::String),
            _ => None,
        },
        Expr::UnaryOp {
            op: UnaryOperator::Minus,
            expr,
        } => (literal_kind(expr) == Some(Literal::Number)).then_some(Literal::Number),
        _ => None,
    }
}

/// Any constant a predicate may compare with: numbers, strings, booleans,
/// NULL and typed strings (`DATE '…'`).
pub(crate) fn is_constant(e: &Expr) -> bool {
    literal_kind(e).is_some()
        || matches!(e, Expr::TypedString(_))
        || matches!(e, Expr::Value(v) if matches!(v.value, Value::Boolean(_) | Value::Null))
}

pub(crate) fn string_literal(e: &Expr) -> Option<&str> {
    match e {
        Expr::Value(v) => match &v.value {
            Value::SingleQuotedString(s) => Some(s),
            _ => None,
        },
        _ => None,
    }
}

pub(crate) fn number_literal(e: &Expr) -> Option<f64> {
    match e {
        Expr::Value(v) => match &v.value {
            Value::Number(n, _) => n.parse().ok(),
            _ => None,
        },
        Expr::UnaryOp {
            op: UnaryOperator::Minus,
            expr,
        } => number_literal(expr).map(|n| -n),
        _ => None,
    }
}

const AGGREGATES: &[&str] = &[
    "count",
    "sum",
    "avg",
    "min",
    "max",
    "total",
    "group_concat",
    "string_agg",
    "array_agg",
    "listagg",
    "json_agg",
    "json_group_array",
    "json_arrayagg",
    "stddev",
    "stddev_pop",
    "stddev_samp",
    "variance",
    "var_pop",
    "var_samp",
    "bool_and",
    "bool_or",
    "every",
    "bit_and",
    "bit_or",
    "bit_xor",
    "median",
    "mode",
    "percentile_cont",
    "percentile_disc",
    "any_value",
    "count_if",
    "first",
    "last",
    "arbitrary",
];

/// Functions whose value may differ between two evaluations.
const VOLATILE: &[&str] = &[
    "random",
    "rand",
    "uuid",
    "gen_random_uuid",
    "uuid_generate_v4",
    "random_uuid",
    "newid",
    "setseed",
    "nextval",
];

pub(crate) fn function_name(f: &Function) -> String {
    last_ident(&f.name).map(lower).unwrap_or_default()
}

pub(crate) fn is_aggregate(f: &Function) -> bool {
    f.over.is_none()
        && (AGGREGATES.contains(&function_name(f).as_str())
            || f.filter.is_some()
            || !f.within_group.is_empty())
}

struct OwnLevel<F> {
    depth: usize,
    f: F,
}

impl<F: FnMut(&Expr) -> bool> Visitor for OwnLevel<F> {
    type Break = ();

    fn pre_visit_query(&mut self, _: &Query) -> ControlFlow<()> {
        self.depth += 1;
        ControlFlow::Continue(())
    }

    fn post_visit_query(&mut self, _: &Query) -> ControlFlow<()> {
        self.depth -= 1;
        ControlFlow::Continue(())
    }

    fn pre_visit_expr(&mut self, e: &Expr) -> ControlFlow<()> {
        if self.depth == 0 && (self.f)(e) {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    }
}

/// Whether `f` holds for an expression of `node` outside nested queries.
pub(crate) fn any_own_expr<V: Visit>(node: &V, f: impl FnMut(&Expr) -> bool) -> bool {
    Visit::visit(node, &mut OwnLevel { depth: 0, f }).is_break()
}

/// Whether `f` holds for any expression of `node`, nested queries included.
pub(crate) fn any_expr<V: Visit>(node: &V, mut f: impl FnMut(&Expr) -> bool) -> bool {
    sqlparser::ast::visit_expressions(node, |e| {
        if f(e) {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    })
    .is_break()
}

struct QueryProbe<F>(F);

impl<F: FnMut(&Query) -> bool> Visitor for QueryProbe<F> {
    type Break = ();

    fn pre_visit_query(&mut self, q: &Query) -> ControlFlow<()> {
        if (self.0)(q) {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    }
}

/// Whether `f` holds for any query in `node` (`node` itself included).
pub(crate) fn any_query<V: Visit>(node: &V, f: impl FnMut(&Query) -> bool) -> bool {
    Visit::visit(node, &mut QueryProbe(f)).is_break()
}

pub(crate) fn has_subquery<V: Visit>(node: &V) -> bool {
    any_query(node, |_| true)
}

pub(crate) fn has_own_aggregate(s: &Select) -> bool {
    let agg = |e: &Expr| matches!(e, Expr::Function(f) if is_aggregate(f));
    any_own_expr(&s.projection, agg) || any_own_expr(&s.having, agg)
}

pub(crate) fn has_window<V: Visit>(node: &V) -> bool {
    any_expr(node, |e| matches!(e, Expr::Function(f) if f.over.is_some()))
}

pub(crate) fn has_volatile<V: Visit>(node: &V) -> bool {
    any_expr(
        node,
        |e| matches!(e, Expr::Function(f) if VOLATILE.contains(&function_name(f).as_str())),
    )
}

pub(crate) fn has_bare_identifier<V: Visit>(node: &V) -> bool {
    any_expr(node, |e| matches!(e, Expr::Identifier(_)))
}

/// Unqualified identifiers of `node` (lower-cased) with their use counts.
pub(crate) fn bare_names<V: Visit>(node: &V) -> BTreeMap<String, usize> {
    let mut out = BTreeMap::new();
    let _ = sqlparser::ast::visit_expressions(node, |e| {
        if let Expr::Identifier(i) = e {
            *out.entry(lower(i)).or_insert(0) += 1;
        }
        ControlFlow::<()>::Continue(())
    });
    out
}

pub(crate) fn group_by_is_empty(s: &Select) -> bool {
    matches!(&s.group_by, GroupByExpr::Expressions(v, m) if v.is_empty() && m.is_empty())
}

pub(crate) fn join_constraint(op: &JoinOperator) -> Option<&JoinConstraint> {
    use JoinOperator as J;
    match op {
        J::Join(c)
        | J::Inner(c)
        | J::Left(c)
        | J::LeftOuter(c)
        | J::Right(c)
        | J::RightOuter(c)
        | J::FullOuter(c)
        | J::CrossJoin(c)
        | J::Semi(c)
        | J::LeftSemi(c)
        | J::RightSemi(c)
        | J::Anti(c)
        | J::LeftAnti(c)
        | J::RightAnti(c)
        | J::StraightJoin(c) => Some(c),
        J::AsOf { constraint, .. } => Some(constraint),
        _ => None,
    }
}

struct SelectProbe<F>(F);

impl<F: FnMut(&Select) -> bool> Visitor for SelectProbe<F> {
    type Break = ();

    fn pre_visit_select(&mut self, s: &Select) -> ControlFlow<()> {
        if (self.0)(s) {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    }
}

pub(crate) fn any_select<V: Visit>(node: &V, f: impl FnMut(&Select) -> bool) -> bool {
    Visit::visit(node, &mut SelectProbe(f)).is_break()
}

/// Whether any SELECT list in `node` holds `*` or `x.*`.
pub(crate) fn has_wildcard<V: Visit>(node: &V) -> bool {
    any_select(node, |s| {
        s.projection.iter().any(|i| {
            matches!(
                i,
                SelectItem::Wildcard(_) | SelectItem::QualifiedWildcard(..)
            )
        })
    })
}

/// Whether any join in `node` is NATURAL or USING (column sets matter).
pub(crate) fn has_natural_or_using<V: Visit>(node: &V) -> bool {
    any_select(node, |s| {
        s.from.iter().flat_map(|t| &t.joins).any(|j| {
            matches!(
                join_constraint(&j.join_operator),
                Some(JoinConstraint::Natural | JoinConstraint::Using(_))
            )
        })
    })
}

struct AliasRefs<'a> {
    alias: &'a Ident,
    own_only: bool,
    depth: usize,
    count: usize,
}

impl AliasRefs<'_> {
    fn counting(&self) -> bool {
        !self.own_only || self.depth == 0
    }

    fn names_alias(&self, name: &ObjectName) -> bool {
        last_ident(name).is_some_and(|i| ident_eq(i, self.alias))
    }
}

impl Visitor for AliasRefs<'_> {
    type Break = ();

    fn pre_visit_query(&mut self, _: &Query) -> ControlFlow<()> {
        self.depth += 1;
        ControlFlow::Continue(())
    }

    fn post_visit_query(&mut self, _: &Query) -> ControlFlow<()> {
        self.depth -= 1;
        ControlFlow::Continue(())
    }

    fn pre_visit_select(&mut self, s: &Select) -> ControlFlow<()> {
        if self.counting() {
            for item in &s.projection {
                if let SelectItem::QualifiedWildcard(
                    SelectItemQualifiedWildcardKind::ObjectName(n),
                    _,
                ) = item
                {
                    if self.names_alias(n) {
                        self.count += 1;
                    }
                }
            }
        }
        ControlFlow::Continue(())
    }

    fn pre_visit_expr(&mut self, e: &Expr) -> ControlFlow<()> {
        if self.counting() {
            match e {
                Expr::CompoundIdentifier(p)
                    if p.len() >= 2 && p[..p.len() - 1].iter().any(|i| ident_eq(i, self.alias)) =>
                {
                    self.count += 1
                }
                Expr::QualifiedWildcard(n, _) if self.names_alias(n) => self.count += 1,
                _ => {}
            }
        }
        ControlFlow::Continue(())
    }
}

/// Uses of `alias.…` in `node`, nested queries included.
pub(crate) fn alias_refs<V: Visit>(node: &V, alias: &Ident) -> usize {
    count_refs(node, alias, false)
}

/// Uses of `alias.…` in `node` outside nested queries.
pub(crate) fn own_alias_refs<V: Visit>(node: &V, alias: &Ident) -> usize {
    count_refs(node, alias, true)
}

fn count_refs<V: Visit>(node: &V, alias: &Ident, own_only: bool) -> usize {
    let mut v = AliasRefs {
        alias,
        own_only,
        depth: 0,
        count: 0,
    };
    let _ = Visit::visit(node, &mut v);
    v.count
}

/// One callback per node kind; each returns the node's rewrites (none by default).
trait SiteFn {
    fn query(&mut self, _q: &Query, _root: bool) -> Vec<Query> {
        Vec::new()
    }
    fn select(&mut self, _s: &Select) -> Vec<Select> {
        Vec::new()
    }
    fn expr(&mut self, _e: &Expr) -> Vec<Expr> {
        Vec::new()
    }
    fn table(&mut self, _t: &TableFactor) -> Vec<TableFactor> {
        Vec::new()
    }
}

struct QuerySite<F>(F);
impl<F: FnMut(&Query, bool) -> Vec<Query>> SiteFn for QuerySite<F> {
    fn query(&mut self, q: &Query, root: bool) -> Vec<Query> {
        (self.0)(q, root)
    }
}

struct SelectSite<F>(F);
impl<F: FnMut(&Select) -> Vec<Select>> SiteFn for SelectSite<F> {
    fn select(&mut self, s: &Select) -> Vec<Select> {
        (self.0)(s)
    }
}

struct ExprSite<F>(F);
impl<F: FnMut(&Expr) -> Vec<Expr>> SiteFn for ExprSite<F> {
    fn expr(&mut self, e: &Expr) -> Vec<Expr> {
        (self.0)(e)
    }
}

struct TableSite<F>(F);
impl<F: FnMut(&TableFactor) -> Vec<TableFactor>> SiteFn for TableSite<F> {
    fn table(&mut self, t: &TableFactor) -> Vec<TableFactor> {
        (self.0)(t)
    }
}

/// Walks a copy of the query and replaces the `target`-th rewrite (in
/// pre-order over all nodes and their alternatives), then stops.
///
/// Nothing inside an expression that equals a GROUP BY key of an enclosing
/// SELECT is offered: PostgreSQL matches SELECT, HAVING and ORDER BY
/// expressions against the keys by their text, so rewriting one copy of
/// `CASE WHEN x IN (…) …` and not the other breaks the query.
struct Sites<'f> {
    f: &'f mut dyn SiteFn,
    target: usize,
    seen: usize,
    depth: usize,
    /// GROUP BY keys (other than plain columns) of the enclosing SELECTs.
    keys: Vec<Vec<String>>,
    /// Nesting depth inside a key expression; 0 when outside.
    frozen: usize,
}

fn group_keys(s: &Select) -> Vec<String> {
    match &s.group_by {
        GroupByExpr::Expressions(keys, _) => keys
            .iter()
            .filter(|k| column_ref(k).is_none())
            .map(ToString::to_string)
            .collect(),
        GroupByExpr::All(_) => Vec::new(),
    }
}

impl Sites<'_> {
    fn is_key(&self, e: &Expr) -> bool {
        if self.keys.iter().all(Vec::is_empty) {
            return false;
        }
        let text = e.to_string();
        self.keys.iter().any(|k| k.contains(&text))
    }

    fn place<T>(&mut self, node: &mut T, alts: Vec<T>) -> ControlFlow<()> {
        let n = alts.len();
        if self.target < self.seen + n {
            if let Some(new) = alts.into_iter().nth(self.target - self.seen) {
                *node = new;
                return ControlFlow::Break(());
            }
        }
        self.seen += n;
        ControlFlow::Continue(())
    }
}

impl VisitorMut for Sites<'_> {
    type Break = ();

    fn pre_visit_query(&mut self, q: &mut Query) -> ControlFlow<()> {
        let root = self.depth == 0;
        self.depth += 1;
        // A query's ORDER BY is matched against its SELECT's keys too.
        self.keys.push(match q.body.as_ref() {
            SetExpr::Select(s) => group_keys(s),
            _ => Vec::new(),
        });
        if self.frozen > 0 {
            return ControlFlow::Continue(());
        }
        let alts = self.f.query(q, root);
        self.place(q, alts)
    }

    fn post_visit_query(&mut self, _: &mut Query) -> ControlFlow<()> {
        self.depth -= 1;
        self.keys.pop();
        ControlFlow::Continue(())
    }

    fn pre_visit_select(&mut self, s: &mut Select) -> ControlFlow<()> {
        self.keys.push(group_keys(s));
        if self.frozen > 0 {
            return ControlFlow::Continue(());
        }
        let alts = self.f.select(s);
        self.place(s, alts)
    }

    fn post_visit_select(&mut self, _: &mut Select) -> ControlFlow<()> {
        self.keys.pop();
        ControlFlow::Continue(())
    }

    fn pre_visit_expr(&mut self, e: &mut Expr) -> ControlFlow<()> {
        if self.frozen > 0 || self.is_key(e) {
            self.frozen += 1;
            return ControlFlow::Continue(());
        }
        let alts = self.f.expr(e);
        self.place(e, alts)
    }

    fn post_visit_expr(&mut self, _: &mut Expr) -> ControlFlow<()> {
        self.frozen = self.frozen.saturating_sub(1);
        ControlFlow::Continue(())
    }

    fn pre_visit_table_factor(&mut self, t: &mut TableFactor) -> ControlFlow<()> {
        if self.frozen > 0 {
            return ControlFlow::Continue(());
        }
        let alts = self.f.table(t);
        self.place(t, alts)
    }
}

fn each_site(root: &Query, f: &mut dyn SiteFn) -> Vec<Query> {
    let mut out = Vec::new();
    loop {
        let mut q = root.clone();
        let mut sites = Sites {
            f: &mut *f,
            target: out.len(),
            seen: 0,
            depth: 0,
            keys: Vec::new(),
            frozen: 0,
        };
        if VisitMut::visit(&mut q, &mut sites).is_break() {
            out.push(q);
        } else {
            return out;
        }
    }
}

/// One copy of `root` per rewrite `f` offers for a query node (`root` flag
/// set for the statement itself).
pub(crate) fn rewrite_queries(
    root: &Query,
    f: impl FnMut(&Query, bool) -> Vec<Query>,
) -> Vec<Query> {
    each_site(root, &mut QuerySite(f))
}

pub(crate) fn rewrite_selects(root: &Query, f: impl FnMut(&Select) -> Vec<Select>) -> Vec<Query> {
    each_site(root, &mut SelectSite(f))
}

pub(crate) fn rewrite_exprs(root: &Query, f: impl FnMut(&Expr) -> Vec<Expr>) -> Vec<Query> {
    each_site(root, &mut ExprSite(f))
}

pub(crate) fn rewrite_tables(
    root: &Query,
    f: impl FnMut(&TableFactor) -> Vec<TableFactor>,
) -> Vec<Query> {
    each_site(root, &mut TableSite(f))
}
