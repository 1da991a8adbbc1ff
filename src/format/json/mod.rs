//! A small JSON reader and writer for what the browse and card entries read and write
//! (the published dataset, the settings, the copy of this phone's compound edits), and
//! for every `{schema, data}` envelope and its migrations.
//!
//! Why not serde_json there: its deserializer is instantiated once per type, and for these
//! types that came to about 80 KB of wasm before compression — the largest single cost
//! of the first visit. Here one parser builds a tree, and each type reads its fields from
//! the tree (`FromJson`, non-generic code). The types keep their serde derives for
//! everything else (documents, sync, backups, hand-off); `tests.rs` checks that both read
//! what the other writes, on the sample data and on the scale data.

#[macro_use]
mod derive;
mod compound;
mod dataset;
mod parse;
mod records;
mod settings;
mod through_serde;
mod write;

#[cfg(test)]
mod tests;

pub use parse::parse;
pub use through_serde::ViaSerde;

/// A parsed JSON value. Numbers keep their text: integers convert exactly, and nothing
/// here needs float parsing or printing unless a value asks for an `f64`.
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Number(String),
    String(String),
    Array(Vec<Json>),
    /// Members in the order written; lookups are linear (objects here are small).
    Object(Vec<(String, Json)>),
}

impl Json {
    /// The member `key` of an object.
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(members) => members.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// Takes the member `key` out of an object.
    pub fn take(&mut self, key: &str) -> Option<Json> {
        match self {
            Json::Object(members) => {
                let at = members.iter().position(|(k, _)| k == key)?;
                Some(members.remove(at).1)
            }
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Json::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// An integer, as serde reads one: no fraction, no exponent.
    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Json::Number(text) => text.parse().ok(),
            _ => None,
        }
    }

    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Json::Number(text) => text.parse().ok(),
            _ => None,
        }
    }

    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Json::Number(text) => parse::decimal(text),
            _ => None,
        }
    }

    /// An object's member read as `T`, or `None` when it is missing or of another shape.
    pub fn field<T: FromJson>(&self, key: &str) -> Option<T> {
        T::from_json(self.get(key)?)
    }

    /// A member that may be left out (`#[serde(default)]`): missing gives the default,
    /// anything else must read as `T` — `null` too, as serde reads it (an `Option` reads it
    /// as `None`; a `bool` or a list refuses it).
    pub fn field_or_default<T: FromJson + Default>(&self, key: &str) -> Option<T> {
        match self.get(key) {
            None => Some(T::default()),
            Some(value) => T::from_json(value),
        }
    }

    /// An object of the members given, in that order.
    pub fn object<const N: usize>(members: [(&str, Json); N]) -> Json {
        Json::Object(
            members
                .into_iter()
                .map(|(k, v)| (k.to_string(), v))
                .collect(),
        )
    }
}

/// Reads a value of this type from a parsed tree; `None` when the shape is wrong (what
/// the stores treat as a corrupt value).
pub trait FromJson: Sized {
    fn from_json(json: &Json) -> Option<Self>;
}

/// Writes a value as a tree (then `Json::to_string`).
pub trait ToJson {
    fn to_json(&self) -> Json;
}

/// Reads JSON text as `T`.
pub fn from_str<T: FromJson>(text: &str) -> Option<T> {
    T::from_json(&parse(text).ok()?)
}

impl FromJson for Json {
    fn from_json(json: &Json) -> Option<Json> {
        Some(json.clone())
    }
}

impl FromJson for String {
    fn from_json(json: &Json) -> Option<String> {
        json.as_str().map(str::to_string)
    }
}

impl ToJson for String {
    fn to_json(&self) -> Json {
        Json::String(self.clone())
    }
}

impl FromJson for bool {
    fn from_json(json: &Json) -> Option<bool> {
        json.as_bool()
    }
}

impl ToJson for bool {
    fn to_json(&self) -> Json {
        Json::Bool(*self)
    }
}

impl FromJson for f64 {
    fn from_json(json: &Json) -> Option<f64> {
        json.as_f64()
    }
}

/// Integers: read only when they fit (serde refuses 70000 for a `u16` too).
macro_rules! json_integers {
    ($($t:ty),*) => {$(
        impl FromJson for $t {
            fn from_json(json: &Json) -> Option<$t> {
                <$t>::try_from(json.as_i64()?).ok()
            }
        }

        impl ToJson for $t {
            fn to_json(&self) -> Json {
                Json::Number(self.to_string())
            }
        }
    )*};
}

json_integers!(u8, u16, u32, i32, i64);

impl FromJson for u64 {
    fn from_json(json: &Json) -> Option<u64> {
        json.as_u64()
    }
}

impl ToJson for u64 {
    fn to_json(&self) -> Json {
        Json::Number(self.to_string())
    }
}

impl<T: FromJson> FromJson for Option<T> {
    fn from_json(json: &Json) -> Option<Option<T>> {
        match json {
            Json::Null => Some(None),
            value => T::from_json(value).map(Some),
        }
    }
}

impl<T: ToJson> ToJson for Option<T> {
    fn to_json(&self) -> Json {
        self.as_ref().map_or(Json::Null, T::to_json)
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(json: &Json) -> Option<Vec<T>> {
        match json {
            Json::Array(items) => items.iter().map(T::from_json).collect(),
            _ => None,
        }
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn to_json(&self) -> Json {
        Json::Array(self.iter().map(T::to_json).collect())
    }
}

impl<T: ToJson + ?Sized> ToJson for &T {
    fn to_json(&self) -> Json {
        (**self).to_json()
    }
}
