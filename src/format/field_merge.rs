//! Merging two versions of a record that were both edited from the same revision, field by
//! field (a three-way merge over the JSON): what only one side changed is taken from that
//! side, what both changed alike is kept, and anything both changed differently makes the
//! merge fail — that conflict is the person's to settle (keep mine / keep theirs / merge).
//!
//! Lists of records with an `id` (a compound's notices, its buildings) merge item by item:
//! each side's new items are kept, an item one side removed and the other left alone goes.
//! Any other list is one value. A deletion never merges: delete against edit is always
//! shown, so nobody's work disappears behind their back.
//!
//! The result depends only on the three versions (the winner's fields first), so every
//! phone that merges the same conflict writes the same text — and so the same revision.

use serde_json::{Map, Value};

/// Fields each edit stamps: they say when, not what, so they never make two edits overlap;
/// the later stamp is kept.
const STAMPS: [&str; 1] = ["updated_at"];

/// The merged record, or `None` when the two versions overlap (or are not JSON objects).
pub fn merge_fields(base: &str, winner: &str, loser: &str) -> Option<String> {
    let object = |text: &str| match serde_json::from_str(text).ok()? {
        Value::Object(fields) => Some(fields),
        _ => None,
    };
    let (base, winner, loser) = (object(base)?, object(winner)?, object(loser)?);
    if winner.get("deleted") != loser.get("deleted") {
        return None;
    }
    serde_json::to_string(&merge_objects(&base, &winner, &loser)?).ok()
}

fn merge_objects(
    base: &Map<String, Value>,
    ours: &Map<String, Value>,
    theirs: &Map<String, Value>,
) -> Option<Map<String, Value>> {
    let keys = ours
        .keys()
        .chain(theirs.keys().filter(|k| !ours.contains_key(*k)));
    let mut merged = Map::new();
    for key in keys {
        let (b, o, t) = (base.get(key), ours.get(key), theirs.get(key));
        let value = if STAMPS.contains(&key.as_str()) {
            later(o, t)
        } else {
            merge_value(b, o, t)?
        };
        if let Some(value) = value {
            merged.insert(key.clone(), value);
        }
    }
    Some(merged)
}

fn later(ours: Option<&Value>, theirs: Option<&Value>) -> Option<Value> {
    let at = |v: Option<&Value>| v.and_then(Value::as_f64).unwrap_or(f64::MIN);
    let later = if at(theirs) > at(ours) { theirs } else { ours };
    later.cloned()
}

/// One field: `Some(value)` merged (`Some(None)`: absent), `None` when both sides changed it
/// differently.
fn merge_value(b: Option<&Value>, o: Option<&Value>, t: Option<&Value>) -> Option<Option<Value>> {
    if o == t || t == b {
        return Some(o.cloned());
    }
    if o == b {
        return Some(t.cloned());
    }
    match (b?, o?, t?) {
        (Value::Object(b), Value::Object(o), Value::Object(t)) => {
            merge_objects(b, o, t).map(|m| Some(Value::Object(m)))
        }
        (Value::Array(b), Value::Array(o), Value::Array(t)) => {
            merge_lists(b, o, t).map(|l| Some(Value::Array(l)))
        }
        _ => None,
    }
}

/// Lists of records with ids, item by item; `None` for lists of anything else.
fn merge_lists(base: &[Value], ours: &[Value], theirs: &[Value]) -> Option<Vec<Value>> {
    let (base, ours, theirs) = (by_id(base)?, by_id(ours)?, by_id(theirs)?);
    let mut merged = vec![];
    for (id, o) in &ours {
        if let Some(value) = merge_value(find(&base, id), Some(o), find(&theirs, id))? {
            merged.push(value);
        }
    }
    for (id, t) in theirs.iter().filter(|(id, _)| find(&ours, id).is_none()) {
        if let Some(value) = merge_value(find(&base, id), None, Some(t))? {
            merged.push(value);
        }
    }
    Some(merged)
}

fn find<'a>(list: &[(&str, &'a Value)], id: &str) -> Option<&'a Value> {
    list.iter().find(|(i, _)| *i == id).map(|(_, v)| *v)
}

fn by_id(list: &[Value]) -> Option<Vec<(&str, &Value)>> {
    list.iter()
        .map(|item| Some((item.get("id")?.as_str()?, item)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn merged(base: Value, winner: Value, loser: Value) -> Option<Value> {
        let text = merge_fields(&base.to_string(), &winner.to_string(), &loser.to_string())?;
        serde_json::from_str(&text).ok()
    }

    #[test]
    fn different_fields_merge_and_the_later_stamp_stays() {
        let base = json!({ "id": "c", "hotline": "1", "households": 10, "updated_at": 1 });
        let ours = json!({ "id": "c", "hotline": "2", "households": 10, "updated_at": 5 });
        let theirs = json!({ "id": "c", "hotline": "1", "households": 12, "updated_at": 7 });
        assert_eq!(
            merged(base, ours, theirs),
            Some(json!({ "id": "c", "hotline": "2", "households": 12, "updated_at": 7 }))
        );
    }

    #[test]
    fn the_same_field_changed_differently_does_not_merge() {
        let base = json!({ "status": "open", "note": "" });
        assert_eq!(
            merged(
                base.clone(),
                json!({ "status": "done", "note": "" }),
                json!({ "status": "acknowledged", "note": "" })
            ),
            None
        );
        // ... unless both changed it alike.
        assert_eq!(
            merged(
                base,
                json!({ "status": "done", "note": "a" }),
                json!({ "status": "done", "note": "" })
            ),
            Some(json!({ "status": "done", "note": "a" }))
        );
    }

    #[test]
    fn lists_of_records_merge_item_by_item() {
        let n = |id: &str, title: &str| json!({ "id": id, "title": title });
        let base = json!({ "notices": [n("a", "停水"), n("b", "停电")] });
        // Ours: a new notice, b retitled. Theirs: a removed, another new notice.
        let ours = json!({ "notices": [n("a", "停水"), n("b", "停电（改期）"), n("c", "体检")] });
        let theirs = json!({ "notices": [n("b", "停电"), n("d", "义诊")] });
        assert_eq!(
            merged(base.clone(), ours, theirs),
            Some(json!({ "notices": [n("b", "停电（改期）"), n("c", "体检"), n("d", "义诊")] }))
        );
        // An item one side changed and the other removed is a conflict.
        let ours = json!({ "notices": [n("a", "停水（延期）"), n("b", "停电")] });
        let theirs = json!({ "notices": [n("b", "停电")] });
        assert_eq!(merged(base, ours, theirs), None);
    }

    #[test]
    fn lists_without_ids_are_one_value() {
        let step = |note: &str| json!({ "status": "acknowledged", "note": note });
        let base = json!({ "timeline": [] });
        let ours = json!({ "timeline": [step("王建国已联系物业")] });
        let theirs = json!({ "timeline": [step("赵敏明早去看")] });
        assert_eq!(merged(base.clone(), ours.clone(), theirs), None);
        let other_field = json!({ "timeline": [], "photos": ["p1"] });
        assert_eq!(
            merged(base, ours, other_field),
            Some(json!({ "timeline": [step("王建国已联系物业")], "photos": ["p1"] }))
        );
    }

    #[test]
    fn a_deletion_never_merges_with_an_edit() {
        let base = json!({ "deleted": false, "status": "open" });
        let deleted = json!({ "deleted": true, "status": "open" });
        let edited = json!({ "deleted": false, "status": "acknowledged" });
        assert_eq!(merged(base.clone(), deleted.clone(), edited.clone()), None);
        assert_eq!(merged(base, edited, deleted), None);
    }

    #[test]
    fn only_records_merge() {
        let record = json!({ "a": 1 }).to_string();
        assert!(merge_fields("[]", &record, &record).is_none());
        assert!(merge_fields(&record, "3", &record).is_none());
    }
}
