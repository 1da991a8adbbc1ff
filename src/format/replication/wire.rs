//! Documents as CouchDB's replication protocol carries them: the record's fields beside
//! `_id`, `_rev`, `_deleted` and `_revisions` (`{start, ids}`: the revision's generation
//! and its hash followed by its ancestors' hashes, newest first). `_bulk_get?revs=true`
//! returns this shape and `_bulk_docs` with `new_edits: false` takes it, so a leaf of the
//! document store goes out and comes back unchanged.

use serde_json::{Map, Value};

use super::attachments::take_inline;
use crate::format::revision::{Body, Leaf, REVS_LIMIT, split_rev};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WireError {
    /// Not a JSON object with a string `_id`.
    NoId,
    /// `_rev` missing or not `N-hash`.
    BadRev,
    /// `_revisions` that do not end in `_rev`.
    BadRevisions,
}

/// A leaf as the wire document for `_bulk_docs` (`new_edits: false`).
pub fn to_wire(id: &str, leaf: &Leaf) -> Value {
    let mut doc = leaf
        .body
        .as_ref()
        .and_then(|b| serde_json::from_str::<Map<String, Value>>(b.json()).ok())
        .unwrap_or_default();
    doc.insert("_id".into(), id.into());
    doc.insert("_rev".into(), leaf.rev.clone().into());
    if leaf.deleted {
        doc.insert("_deleted".into(), true.into());
    }
    let (n, hash) = split_rev(&leaf.rev).unwrap_or((0, ""));
    let ids: Vec<Value> = std::iter::once(hash.to_string())
        .chain(leaf.ancestors.iter().cloned())
        .map(Value::from)
        .collect();
    doc.insert(
        "_revisions".into(),
        serde_json::json!({ "start": n, "ids": ids }),
    );
    Value::Object(doc)
}

/// A wire document as a leaf, with the document's id. `_attachments` stay as stubs (the
/// photos the server holds: their data, if it came inline, is not the body's; the photos
/// are fetched by themselves). Other fields starting with `_` (`_conflicts`…) are
/// CouchDB's answer, not the record's: dropped.
pub fn from_wire(doc: Value) -> Result<(String, Leaf), WireError> {
    let Value::Object(mut fields) = doc else {
        return Err(WireError::NoId);
    };
    let id = match fields.remove("_id") {
        Some(Value::String(id)) if !id.is_empty() => id,
        _ => return Err(WireError::NoId),
    };
    let rev = match fields.remove("_rev") {
        Some(Value::String(rev)) if split_rev(&rev).is_some() => rev,
        _ => return Err(WireError::BadRev),
    };
    let deleted = fields.remove("_deleted") == Some(Value::Bool(true));
    let ancestors = match fields.remove("_revisions") {
        Some(revisions) => ancestors_of(&rev, &revisions)?,
        None => vec![],
    };
    take_inline(&mut fields);
    fields.retain(|k, _| !k.starts_with('_') || k == "_attachments");
    let body = if deleted && fields.is_empty() {
        None
    } else {
        Body::of(&Value::Object(fields))
    };
    Ok((
        id,
        Leaf {
            rev,
            ancestors,
            deleted,
            body,
            base: None,
        },
    ))
}

/// The ancestors' hashes from `_revisions`, checked against the revision itself.
fn ancestors_of(rev: &str, revisions: &Value) -> Result<Vec<String>, WireError> {
    let (n, hash) = split_rev(rev).ok_or(WireError::BadRev)?;
    let start = revisions.get("start").and_then(Value::as_u64);
    let ids: Option<Vec<String>> = revisions.get("ids").and_then(Value::as_array).map(|ids| {
        ids.iter()
            .filter_map(|i| i.as_str().map(String::from))
            .collect()
    });
    match (start, ids) {
        (Some(start), Some(ids))
            if start == u64::from(n) && ids.first().map(String::as_str) == Some(hash) =>
        {
            Ok(ids.into_iter().skip(1).take(REVS_LIMIT).collect())
        }
        _ => Err(WireError::BadRevisions),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::revision::DocTree;

    #[test]
    fn a_leaf_goes_out_and_comes_back_unchanged() {
        let mut tree = DocTree::new("report:R20261128-AAAA1");
        let r1 = tree.edit(None, Body::of(&serde_json::json!({"a": 1})), false);
        let r2 = tree.edit(Some(&r1), Body::of(&serde_json::json!({"a": 2})), false);
        let leaf = tree.winner().unwrap().clone();
        let wire = to_wire(&tree.id, &leaf);
        assert_eq!(wire["_rev"], r2);
        assert_eq!(wire["_revisions"]["start"], 2);
        assert_eq!(wire["_revisions"]["ids"][1], r1.split_once('-').unwrap().1);
        assert_eq!(wire["a"], 2);
        let (id, back) = from_wire(wire).unwrap();
        assert_eq!(id, tree.id);
        assert_eq!(back.base, None, "what it was made from stays on this phone");
        assert_eq!(Leaf { base: None, ..leaf }, back);
        // Inserted elsewhere, it continues the same history.
        let mut other = DocTree::new(&id);
        other.insert(back);
        assert!(other.knows(&r1));
    }

    #[test]
    fn tombstones_and_couchdb_fields() {
        let (_, leaf) = from_wire(serde_json::json!({
            "_id": "x", "_rev": "3-cc", "_deleted": true,
            "_revisions": {"start": 3, "ids": ["cc", "bb", "aa"]}
        }))
        .unwrap();
        assert!(leaf.deleted && leaf.body.is_none());
        assert_eq!(leaf.ancestors, ["bb", "aa"]);
        let (_, kept) = from_wire(serde_json::json!({
            "_id": "x", "_rev": "1-aa", "_conflicts": ["1-bb"], "name": "东塘村"
        }))
        .unwrap();
        assert_eq!(kept.body.unwrap().json(), r#"{"name":"东塘村"}"#);
        let (_, photos) = from_wire(serde_json::json!({
            "_id": "report:x", "_rev": "1-aa", "photos": ["p1"],
            "_attachments": {"p1": {"content_type": "image/jpeg", "data": "aGVsbG8=", "revpos": 1}}
        }))
        .unwrap();
        let body: Value = serde_json::from_str(photos.body.unwrap().json()).unwrap();
        assert_eq!(
            body["_attachments"]["p1"],
            serde_json::json!({"content_type": "image/jpeg", "revpos": 1, "stub": true}),
            "the server's photos stay as stubs, their data is not the body's"
        );
        assert_eq!(
            from_wire(serde_json::json!({"_rev": "1-a"})),
            Err(WireError::NoId)
        );
        assert_eq!(
            from_wire(serde_json::json!({"_id": "x", "_rev": "a"})),
            Err(WireError::BadRev)
        );
        let wrong = serde_json::json!({"_id": "x", "_rev": "2-b", "_revisions": {"start": 2, "ids": ["c"]}});
        assert_eq!(from_wire(wrong), Err(WireError::BadRevisions));
    }
}
