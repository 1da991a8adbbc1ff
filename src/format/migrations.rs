//! Upgrades from every older schema, one step at a time. Schema 0 is what the first
//! prototype wrote: bare values without the `{schema, data}` envelope, and for settings
//! "my building" as one `compound/building/unit` string.

use super::json::Json;

/// settings: 0 → 1.
pub fn settings(from: u32, data: Json) -> Option<Json> {
    match from {
        0 => {
            if !matches!(data, Json::Object(_)) {
                return None;
            }
            let lang = match data.get("lang").and_then(Json::as_str) {
                Some("en") => "En",
                _ => "Zh",
            };
            let my_building = data
                .get("my_building")
                .and_then(Json::as_str)
                .and_then(split_building_path)
                .unwrap_or(Json::Null);
            let elder_mode = data.get("elder_mode").and_then(Json::as_bool);
            Some(Json::object([
                ("lang", Json::String(lang.into())),
                ("elder_mode", Json::Bool(elder_mode.unwrap_or(false))),
                ("my_building", my_building),
                ("updated_at", Json::Number("0".into())),
            ]))
        }
        _ => None,
    }
}

fn split_building_path(path: &str) -> Option<Json> {
    let mut parts = path.split('/').filter(|p| !p.is_empty());
    let compound = parts.next()?;
    let building = parts.next()?;
    let unit = parts.next().map_or(Json::Null, |u| Json::String(u.into()));
    Some(Json::object([
        ("compound", Json::String(compound.into())),
        ("building", Json::String(building.into())),
        ("unit", unit),
    ]))
}

/// compounds and reports: 0 (a bare array) → 1 (the same array, enveloped).
pub fn bare_array(from: u32, data: Json) -> Option<Json> {
    match (from, data) {
        (0, Json::Array(items)) => Some(Json::Array(items)),
        _ => None,
    }
}

/// For values that have had only one schema so far.
pub fn none(_: u32, _: Json) -> Option<Json> {
    None
}
