//! Every stored value is `{ "schema": N, "data": … }`. Decoding runs the migrations from
//! the stored schema up to the current one before turning `data` into Rust types.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::error::StoreError;

#[derive(Serialize, Deserialize)]
pub struct Envelope<T> {
    pub schema: u32,
    pub data: T,
}

/// Upgrades `data` written at `from` by one step. Returns `None` when `from` is unknown.
pub type Migration = fn(from: u32, data: Value) -> Option<Value>;

/// Wraps a value at the current schema.
pub fn encode<T: Serialize>(schema: u32, data: &T) -> String {
    // Serialising our own plain data types cannot fail (no maps with non-string keys).
    serde_json::to_string(&Envelope { schema, data }).unwrap_or_default()
}

/// Parses a stored value, migrating older schemas. A value without the envelope is
/// schema 0 (what the first prototype wrote).
pub fn decode<T: DeserializeOwned>(
    key: &str,
    raw: &str,
    current: u32,
    migrate: Migration,
) -> Result<T, StoreError> {
    let corrupt = || StoreError::Corrupt {
        key: key.to_string(),
        backup_key: None,
    };
    let value: Value = serde_json::from_str(raw).map_err(|_| corrupt())?;
    let (mut schema, mut data) = match value {
        Value::Object(mut map) if map.contains_key("schema") && map.contains_key("data") => {
            let schema = map
                .get("schema")
                .and_then(Value::as_u64)
                .and_then(|n| u32::try_from(n).ok())
                .ok_or_else(corrupt)?;
            (schema, map.remove("data").unwrap_or(Value::Null))
        }
        other => (0, other),
    };
    if schema > current {
        return Err(StoreError::UnknownSchema {
            key: key.to_string(),
            found: schema,
        });
    }
    while schema < current {
        data = migrate(schema, data).ok_or_else(corrupt)?;
        schema += 1;
    }
    serde_json::from_value(data).map_err(|_| corrupt())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_migrations(_: u32, _: Value) -> Option<Value> {
        None
    }

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
