//! Schema introspection: the tables and columns a database holds, read the same way from
//! SQLite and PostgreSQL so a test can prove both backends end up with the same schema.

use std::collections::BTreeMap;

use sqlx::Row;

use crate::{Backend, Db, DbError};

/// Table name → sorted column names.
pub type SchemaShape = BTreeMap<String, Vec<String>>;

/// Reads every user table and its columns.
pub async fn shape(db: &Db) -> Result<SchemaShape, DbError> {
    let rows = match db.backend() {
        Backend::Sqlite => {
            sqlx::query(
                "SELECT m.name AS table_name, p.name AS column_name \
                 FROM sqlite_master m, pragma_table_info(m.name) p \
                 WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'",
            )
            .fetch_all(db.pool())
            .await?
        }
        Backend::Postgres => {
            sqlx::query(
                "SELECT table_name::text AS table_name, column_name::text AS column_name \
                 FROM information_schema.columns WHERE table_schema = current_schema()",
            )
            .fetch_all(db.pool())
            .await?
        }
    };
    let mut shape = SchemaShape::new();
    for row in rows {
        let table: String = row.try_get("table_name")?;
        let column: String = row.try_get("column_name")?;
        shape.entry(table).or_default().push(column);
    }
    for cols in shape.values_mut() {
        cols.sort();
    }
    Ok(shape)
}
