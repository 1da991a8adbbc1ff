//! Upgrades from every older schema, one step at a time. Schema 0 is what the first
//! prototype wrote: bare values without the `{schema, data}` envelope, and for settings
//! "my building" as one `compound/building/unit` string.

use serde_json::{Map, Value, json};

/// settings: 0 → 1.
pub fn settings(from: u32, data: Value) -> Option<Value> {
    match from {
        0 => {
            let old = data.as_object()?;
            let lang = match old.get("lang").and_then(Value::as_str) {
                Some("en") => "En",
                _ => "Zh",
            };
            let my_building = old
                .get("my_building")
                .and_then(Value::as_str)
                .and_then(split_building_path);
            Some(json!({
                "lang": lang,
                "elder_mode": old.get("elder_mode").and_then(Value::as_bool).unwrap_or(false),
                "my_building": my_building,
                "updated_at": 0,
            }))
        }
        _ => None,
    }
}

fn split_building_path(path: &str) -> Option<Value> {
    let mut parts = path.split('/').filter(|p| !p.is_empty());
    let compound = parts.next()?;
    let building = parts.next()?;
    let mut map = Map::new();
    map.insert("compound".into(), compound.into());
    map.insert("building".into(), building.into());
    map.insert("unit".into(), parts.next().map_or(Value::Null, Value::from));
    Some(Value::Object(map))
}

/// compounds and reports: 0 (a bare array) → 1 (the same array, enveloped).
pub fn bare_array(from: u32, data: Value) -> Option<Value> {
    match (from, data) {
        (0, Value::Array(items)) => Some(Value::Array(items)),
        _ => None,
    }
}

/// For values that have had only one schema so far.
pub fn none(_: u32, _: Value) -> Option<Value> {
    None
}
