//! Name resolution for the rules: which base table (and so which column
//! facts) an alias or a column reference of one SELECT stands for.

use super::ast::{
    and_all, any_query, column_ref, conjuncts, ident_eq, is_constant, last_ident, lower,
};
use super::schema::{Column, Schema, Table};
use sqlparser::ast::{
    BinaryOperator, Expr, Ident, ObjectName, ObjectNamePart, Query, Select, TableFactor,
};
use std::collections::BTreeSet;

/// What a rule may know about the query it rewrites.
pub struct Context<'a> {
    schema: &'a Schema,
    /// CTE names anywhere in the statement: a CTE may shadow a base table,
    /// so such names never resolve to schema facts.
    shadowed: BTreeSet<String>,
}

impl<'a> Context<'a> {
    pub fn new(schema: &'a Schema, query: &Query) -> Self {
        let mut shadowed = BTreeSet::new();
        any_query(query, |q| {
            for cte in q.with.iter().flat_map(|w| &w.cte_tables) {
                shadowed.insert(lower(&cte.alias.name));
            }
            false
        });
        Context { schema, shadowed }
    }

    /// The schema table an unqualified name in FROM stands for.
    pub(crate) fn table(&self, name: &ObjectName) -> Option<&'a Table> {
        let [ObjectNamePart::Identifier(i)] = name.0.as_slice() else {
            return None;
        };
        let key = lower(i);
        if self.shadowed.contains(&key) {
            return None;
        }
        self.schema.table(&key)
    }
}

/// One FROM source: its alias (or table name) and, for a known base table, its facts.
pub(crate) struct Source<'a> {
    pub alias: Ident,
    pub table: Option<&'a Table>,
}

/// The FROM sources of one SELECT (joins included, outer scopes not).
pub(crate) struct Scope<'a> {
    pub sources: Vec<Source<'a>>,
}

impl<'a> Scope<'a> {
    pub fn of(s: &Select, cx: &Context<'a>) -> Self {
        let mut sources = Vec::new();
        for twj in &s.from {
            sources.push(source_of(&twj.relation, cx));
            for j in &twj.joins {
                sources.push(source_of(&j.relation, cx));
            }
        }
        Scope { sources }
    }

    /// The single source named `alias`.
    pub fn source(&self, alias: &Ident) -> Option<&Source<'a>> {
        let mut hits = self.sources.iter().filter(|s| ident_eq(&s.alias, alias));
        let first = hits.next()?;
        hits.next().is_none().then_some(first)
    }

    /// The column a reference resolves to. An unqualified name resolves only
    /// when every source is a known table and exactly one has the column.
    pub fn column(&self, e: &Expr) -> Option<&'a Column> {
        match column_ref(e)? {
            (Some(q), c) => self.source(q)?.table?.column(&c.value),
            (None, c) => {
                if self.sources.iter().any(|s| s.table.is_none()) {
                    return None;
                }
                let mut hits = self
                    .sources
                    .iter()
                    .filter_map(|s| s.table.and_then(|t| t.column(&c.value)));
                let first = hits.next()?;
                hits.next().is_none().then_some(first)
            }
        }
    }
}

fn source_of<'a>(tf: &TableFactor, cx: &Context<'a>) -> Source<'a> {
    match tf {
        TableFactor::Table {
            name,
            alias,
            args: None,
            ..
        } => {
            let renames = alias.as_ref().is_some_and(|a| !a.columns.is_empty());
            Source {
                alias: alias
                    .as_ref()
                    .map(|a| a.name.clone())
                    .or_else(|| last_ident(name).cloned())
                    .unwrap_or_else(|| Ident::new("")),
                table: if renames { None } else { cx.table(name) },
            }
        }
        TableFactor::Derived { alias: Some(a), .. } => Source {
            alias: a.name.clone(),
            table: None,
        },
        _ => Source {
            alias: Ident::new(""),
            table: None,
        },
    }
}

/// A predicate `column op constant`, seen with the column on the left.
pub(crate) struct Comparison<'e, 'a> {
    pub column: &'e Expr,
    pub facts: &'a Column,
    /// The operator as if the column were on the left (`5 < x` reads `x > 5`).
    pub op: BinaryOperator,
    pub constant: &'e Expr,
    column_left: bool,
    original_op: BinaryOperator,
}

impl Comparison<'_, '_> {
    pub fn of<'e, 'a>(e: &'e Expr, scope: &Scope<'a>) -> Option<Comparison<'e, 'a>> {
        use BinaryOperator as B;
        let Expr::BinaryOp { left, op, right } = e else {
            return None;
        };
        let flipped = match op {
            B::Eq => B::Eq,
            B::NotEq => B::NotEq,
            B::Lt => B::Gt,
            B::LtEq => B::GtEq,
            B::Gt => B::Lt,
            B::GtEq => B::LtEq,
            _ => return None,
        };
        let make = |column: &'e Expr, constant: &'e Expr, column_left: bool, seen: B| {
            Some(Comparison {
                column,
                facts: scope.column(column)?,
                op: seen,
                constant,
                column_left,
                original_op: op.clone(),
            })
        };
        if is_constant(right) {
            make(left, right, true, op.clone())
        } else if is_constant(left) {
            make(right, left, false, flipped)
        } else {
            None
        }
    }

    /// The same comparison with the column operand replaced.
    pub fn with_column(&self, column: Expr) -> Expr {
        let (left, right) = if self.column_left {
            (column, self.constant.clone())
        } else {
            (self.constant.clone(), column)
        };
        Expr::BinaryOp {
            left: Box::new(left),
            op: self.original_op.clone(),
            right: Box::new(right),
        }
    }
}

/// One copy of `s` per WHERE conjunct `f` rewrites.
pub(crate) fn rewrite_where(s: &Select, mut f: impl FnMut(&Expr) -> Option<Expr>) -> Vec<Select> {
    let Some(selection) = &s.selection else {
        return Vec::new();
    };
    let parts = conjuncts(selection);
    let mut out = Vec::new();
    for (i, part) in parts.iter().enumerate() {
        if let Some(new) = f(part) {
            let mut v = parts.clone();
            v[i] = new;
            let mut copy = s.clone();
            copy.selection = and_all(v);
            out.push(copy);
        }
    }
    out
}
