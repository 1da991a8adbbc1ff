//! Every stored value is `{ "schema": N, "data": … }`. Decoding runs the migrations from
//! the stored schema up to the current one before turning `data` into Rust types.

use super::error::StoreError;
use super::json::{FromJson, Json, ToJson, parse};

/// Upgrades `data` written at `from` by one step. Returns `None` when `from` is unknown.
pub type Migration = fn(from: u32, data: Json) -> Option<Json>;

/// Wraps a value at the current schema.
pub fn encode<T: ToJson + ?Sized>(schema: u32, data: &T) -> String {
    Json::object([("schema", schema.to_json()), ("data", data.to_json())]).to_string()
}

/// Parses a stored value, migrating older schemas. A value without the envelope is
/// schema 0 (what the first prototype wrote): an object without `schema`, an array, ….
pub fn decode<T: FromJson>(
    key: &str,
    raw: &str,
    current: u32,
    migrate: Migration,
) -> Result<T, StoreError> {
    let corrupt = || StoreError::Corrupt {
        key: key.to_string(),
        backup_key: None,
    };
    let mut value = parse(raw).map_err(|_| corrupt())?;
    let schema = match value.get("schema") {
        Some(n) => u32::from_json(n).ok_or_else(corrupt)?,
        None => 0,
    };
    if schema > current {
        return Err(StoreError::UnknownSchema {
            key: key.to_string(),
            found: schema,
        });
    }
    let mut data = if schema > 0 {
        value.take("data").ok_or_else(corrupt)?
    } else {
        value
    };
    for from in schema..current {
        data = migrate(from, data).ok_or_else(corrupt)?;
    }
    T::from_json(&data).ok_or_else(corrupt)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::migrations::none as no_migrations;

    #[test]
    fn round_trip_and_errors() {
        let raw = encode(1, &vec![1, 2, 3]);
        assert_eq!(raw, r#"{"schema":1,"data":[1,2,3]}"#);
        assert_eq!(
            decode::<Vec<u8>>("k", &raw, 1, no_migrations),
            Ok(vec![1, 2, 3])
        );
        let corrupt = StoreError::Corrupt {
            key: "k".into(),
            backup_key: None,
        };
        assert_eq!(
            decode::<Vec<u8>>("k", r#"{"schema":1,"da"#, 1, no_migrations),
            Err(corrupt.clone())
        );
        assert_eq!(
            decode::<Vec<u8>>("k", r#"{"schema":1,"data":"x"}"#, 1, no_migrations),
            Err(corrupt)
        );
        assert_eq!(
            decode::<Vec<u8>>("k", r#"{"schema":9,"data":[]}"#, 1, no_migrations),
            Err(StoreError::UnknownSchema {
                key: "k".into(),
                found: 9
            })
        );
    }
}
