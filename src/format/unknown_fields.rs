//! Fields this version does not know, kept: a document a newer version of the app wrote
//! (or a server field such as a report's `_attachments`) goes through an edit made here
//! with those fields as they were, so replication never spreads a loss.
//!
//! A record type's own fields are read from its serde derive (the names its
//! `Deserialize` asks for), so there is no second list to keep in step with the struct.

use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};
use serde_json::value::RawValue;

use super::revision::Body;

/// The field names `T`'s derived `Deserialize` reads (a struct; empty for anything else).
pub fn field_names<T: for<'de> Deserialize<'de>>() -> &'static [&'static str] {
    let mut names: &'static [&'static str] = &[];
    let _ = T::deserialize(FieldNames(&mut names));
    names
}

/// `body` (a record as this version wrote it) with the fields of `parent` (the revision it
/// continues) that this version does not know put back, in the parent's order after the
/// record's own. `known`: the record type's fields. Unchanged text when there are none.
pub fn keep_unknown(body: Body, parent: Option<&Body>, known: &[&str]) -> Body {
    let Some(parent) = parent else { return body };
    // Read as raw values: nothing is decoded that is not carried.
    type Fields = Vec<(String, Box<RawValue>)>;
    let Ok(old) = serde_json::from_str::<RawFields>(parent.json()) else {
        return body;
    };
    let Ok(new) = serde_json::from_str::<RawFields>(body.json()) else {
        return body;
    };
    let carried: Fields = old
        .0
        .into_iter()
        .filter(|(k, _)| !known.contains(&k.as_str()) && !new.0.iter().any(|(n, _)| n == k))
        .collect();
    if carried.is_empty() {
        return body;
    }
    // Appended to the record's own text, so the same record and parent always give the
    // same text (and the same revision).
    let text = body.json().trim_end();
    let Some(open) = text.strip_suffix('}') else {
        return body;
    };
    let mut out = open.to_string();
    for (k, v) in &carried {
        if out.len() > 1 {
            out.push(',');
        }
        out.push_str(&serde_json::to_string(k).unwrap_or_default());
        out.push(':');
        out.push_str(v.get());
    }
    out.push('}');
    Body::from_json(out).unwrap_or(body)
}

/// A JSON object's fields in their order, each value as its text.
struct RawFields(Vec<(String, Box<RawValue>)>);

impl<'de> Deserialize<'de> for RawFields {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Fields;
        impl<'de> Visitor<'de> for Fields {
            type Value = RawFields;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<RawFields, A::Error> {
                let mut out = vec![];
                while let Some(entry) = map.next_entry::<String, Box<RawValue>>()? {
                    out.push(entry);
                }
                Ok(RawFields(out))
            }
        }
        d.deserialize_map(Fields)
    }
}

/// A deserializer that only hears which fields a struct asks for.
struct FieldNames<'a>(&'a mut &'static [&'static str]);

#[derive(Debug)]
struct Heard;

impl std::fmt::Display for Heard {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("field names heard")
    }
}

impl std::error::Error for Heard {}

impl de::Error for Heard {
    fn custom<T: std::fmt::Display>(_: T) -> Self {
        Heard
    }
}

impl<'de> Deserializer<'de> for FieldNames<'_> {
    type Error = Heard;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Heard> {
        Err(Heard)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        fields: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Heard> {
        *self.0 = fields;
        Err(Heard)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes
        byte_buf option unit unit_struct newtype_struct seq tuple tuple_struct map enum
        identifier ignored_any
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::report::{Category, Report};
    use serde_json::Value;

    #[test]
    fn a_records_own_fields_come_from_its_serde_derive() {
        let names = field_names::<Report>();
        assert!(names.contains(&"timeline") && names.contains(&"filed_by"));
        assert!(!names.contains(&"_attachments"));
    }

    #[test]
    fn fields_a_newer_version_wrote_survive_an_edit_made_here() {
        let mut report = crate::fixtures::report("dongtangcun", Category::Parking);
        // Written by a "newer" app: a field this version has never heard of, and the
        // server's attachment stubs.
        let mut newer = serde_json::to_value(&report).unwrap();
        newer["escalated_to"] = serde_json::json!({ "street": "东塘街道", "at": 1 });
        newer["_attachments"] = serde_json::json!({ "p1": { "stub": true, "digest": "md5-x", "content_type": "image/jpeg" } });
        let parent = Body::of(&newer).unwrap();
        // This version reads it (the unknown fields fall away) and edits it.
        let mut read: Report = parent.decode().unwrap();
        read.description = "改过了".into();
        let edited = keep_unknown(
            Body::of(&read).unwrap(),
            Some(&parent),
            field_names::<Report>(),
        );
        let v: Value = serde_json::from_str(edited.json()).unwrap();
        assert_eq!(v["description"], "改过了");
        assert_eq!(v["escalated_to"]["street"], "东塘街道");
        assert_eq!(v["_attachments"]["p1"]["digest"], "md5-x");
        // A field this version knows and cleared stays cleared, even one it leaves out
        // when empty.
        report.received_at = Some(5);
        let named = Body::of(&report).unwrap();
        report.received_at = None;
        let cleared = keep_unknown(
            Body::of(&report).unwrap(),
            Some(&named),
            field_names::<Report>(),
        );
        assert_eq!(cleared, Body::of(&report).unwrap());
        // Nothing unknown: the same text, so the same revision as before.
        assert_eq!(
            keep_unknown(Body::of(&read).unwrap(), None, &[]),
            Body::of(&read).unwrap()
        );
    }
}
