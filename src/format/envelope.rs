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
pub fn encode<T: Serialize + ?Sized>(schema: u32, data: &T) -> String {
    // Serialising our own plain data types cannot fail (no maps with non-string keys).
    serde_json::to_string(&Envelope { schema, data }).unwrap_or_default()
}

/// Just the schema number, read without building the whole value.
#[derive(Deserialize)]
struct SchemaProbe {
    schema: Option<u32>,
}

/// Parses a stored value, migrating older schemas. A value without the envelope is
/// schema 0 (what the first prototype wrote). The current schema is parsed straight from
/// the text; only older ones go through `serde_json::Value` for their migrations, and
/// come back as text so that each type has one deserializer in the wasm, not two.
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
    let schema = match serde_json::from_str::<SchemaProbe>(raw) {
        Ok(SchemaProbe { schema: Some(n) }) => n,
        // An object without `schema`, an array, …: the prototype's bare value.
        Ok(SchemaProbe { schema: None }) | Err(_) => 0,
    };
    if schema > current {
        return Err(StoreError::UnknownSchema {
            key: key.to_string(),
            found: schema,
        });
    }
    if schema == current {
        return serde_json::from_str::<Envelope<T>>(raw)
            .map(|e| e.data)
            .map_err(|_| corrupt());
    }
    let mut data: Value = serde_json::from_str(raw).map_err(|_| corrupt())?;
    if schema > 0 {
        data = data.get_mut("data").map(Value::take).ok_or_else(corrupt)?;
    }
    for from in schema..current {
        data = migrate(from, data).ok_or_else(corrupt)?;
    }
    serde_json::from_str(&data.to_string()).map_err(|_| corrupt())
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
