//! A small builder for `WHERE` clauses with numbered placeholders (`$1`, `$2`, …), which both
//! SQLite and PostgreSQL accept through the `Any` driver. (sqlx's `QueryBuilder<Any>` emits
//! `?` placeholders, which PostgreSQL rejects.)

use sqlx::Any;
use sqlx::any::AnyArguments;
use sqlx::query::{Query, QueryScalar};

/// A bound value.
#[derive(Debug, Clone)]
pub enum Value {
    Text(String),
    Int(i64),
}

/// Conditions joined with AND, and their values in placeholder order.
#[derive(Debug, Default, Clone)]
pub struct Conditions {
    clauses: Vec<String>,
    values: Vec<Value>,
}

impl Conditions {
    pub fn new() -> Self {
        Self::default()
    }

    fn push(&mut self, column: &str, op: &str, v: Value) -> &mut Self {
        self.values.push(v);
        self.clauses
            .push(format!("{column} {op} ${}", self.values.len()));
        self
    }

    /// `column = value`; `column` must be a trusted identifier, never user input.
    pub fn eq(&mut self, column: &str, v: impl Into<String>) -> &mut Self {
        self.push(column, "=", Value::Text(v.into()))
    }

    pub fn ge(&mut self, column: &str, v: impl Into<String>) -> &mut Self {
        self.push(column, ">=", Value::Text(v.into()))
    }

    pub fn lt(&mut self, column: &str, v: impl Into<String>) -> &mut Self {
        self.push(column, "<", Value::Text(v.into()))
    }

    pub fn lt_int(&mut self, column: &str, v: i64) -> &mut Self {
        self.push(column, "<", Value::Int(v))
    }

    /// Any clause with one value, written with `{}` where its placeholder goes, e.g.
    /// `EXISTS (SELECT 1 FROM t WHERE t.id = p.id AND t.x = {})`. The clause text must be
    /// trusted SQL, never user input.
    pub fn clause(&mut self, template: &str, v: Value) -> &mut Self {
        self.values.push(v);
        self.clauses
            .push(template.replace("{}", &format!("${}", self.values.len())));
        self
    }

    /// A clause without values (e.g. `p.status = 'published'`).
    pub fn fixed(&mut self, clause: &str) -> &mut Self {
        self.clauses.push(clause.to_string());
        self
    }

    /// `column LIKE value` (the caller adds `%` wildcards).
    pub fn like(&mut self, column: &str, v: impl Into<String>) -> &mut Self {
        self.push(column, "LIKE", Value::Text(v.into()))
    }

    /// ` WHERE a = $1 AND …`, or nothing without conditions.
    pub fn where_sql(&self) -> String {
        if self.clauses.is_empty() {
            String::new()
        } else {
            format!(" WHERE {}", self.clauses.join(" AND "))
        }
    }

    /// The placeholder number the next value will get (for LIMIT/OFFSET after the filters).
    pub fn next_placeholder(&self) -> usize {
        self.values.len() + 1
    }

    pub fn bind<'q>(&self, mut q: Query<'q, Any, AnyArguments>) -> Query<'q, Any, AnyArguments> {
        for v in &self.values {
            q = match v {
                Value::Text(s) => q.bind(s.clone()),
                Value::Int(i) => q.bind(*i),
            };
        }
        q
    }

    pub fn bind_scalar<'q, O>(
        &self,
        mut q: QueryScalar<'q, Any, O, AnyArguments>,
    ) -> QueryScalar<'q, Any, O, AnyArguments> {
        for v in &self.values {
            q = match v {
                Value::Text(s) => q.bind(s.clone()),
                Value::Int(i) => q.bind(*i),
            };
        }
        q
    }
}
