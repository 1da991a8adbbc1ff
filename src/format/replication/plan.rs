//! What a replication batch asks for: from a `_changes` feed, the revisions this side lacks
//! (the `_bulk_get` request); for a push, the `_revs_diff` question and, from its answer,
//! the `_bulk_docs` body. The same "which revisions are missing" rule answers `_revs_diff`
//! on either side.

use serde_json::{Value, json};

use super::wire::to_wire;
use crate::format::revision::{DocTree, Inserted, Leaf};

/// One row of a `_changes?style=all_docs` feed: the sequence is opaque (CouchDB 3 sends
/// strings, others numbers) and is only ever handed back.
#[derive(Clone, Debug, PartialEq)]
pub struct ChangeRow {
    pub seq: Value,
    pub id: String,
    pub revs: Vec<String>,
}

/// The rows of a `_changes` response and its `last_seq`; rows that are not rows are
/// skipped (a design document's changes count like any other).
pub fn change_rows(response: &Value) -> (Vec<ChangeRow>, Option<Value>) {
    let rows = response
        .get("results")
        .and_then(Value::as_array)
        .map(|rows| {
            rows.iter()
                .filter_map(|r| {
                    let id = r.get("id")?.as_str()?.to_string();
                    let revs = r
                        .get("changes")?
                        .as_array()?
                        .iter()
                        .filter_map(|c| c.get("rev")?.as_str().map(String::from))
                        .collect();
                    Some(ChangeRow {
                        seq: r.get("seq").cloned().unwrap_or(Value::Null),
                        id,
                        revs,
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    (rows, response.get("last_seq").cloned())
}

/// Per document, the offered revisions this side does not know.
pub fn missing(
    offered: &[(String, Vec<String>)],
    tree_of: impl Fn(&str) -> Option<DocTree>,
) -> Vec<(String, Vec<String>)> {
    offered
        .iter()
        .filter_map(|(id, revs)| {
            let tree = tree_of(id);
            let lacking: Vec<String> = revs
                .iter()
                .filter(|r| !tree.as_ref().is_some_and(|t| t.knows(r)))
                .cloned()
                .collect();
            (!lacking.is_empty()).then(|| (id.clone(), lacking))
        })
        .collect()
}

/// The `_bulk_get?revs=true` body for what is missing.
pub fn bulk_get_body(missing: &[(String, Vec<String>)]) -> Value {
    let docs: Vec<Value> = missing
        .iter()
        .flat_map(|(id, revs)| revs.iter().map(move |rev| json!({ "id": id, "rev": rev })))
        .collect();
    json!({ "docs": docs })
}

/// The documents of a per-document `open_revs` answer (`[{"ok": doc}, {"missing": rev}]`),
/// the fallback where a server has no `_bulk_get`.
pub fn open_revs_docs(answer: &Value) -> Vec<Value> {
    answer
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|d| d.get("ok").cloned())
        .collect()
}

/// The `open_revs` query for one document's revisions, its JSON list still to be encoded.
pub fn open_revs_list(revs: &[String]) -> String {
    Value::from(revs.to_vec()).to_string()
}

/// The `_revs_diff` question for a push: each changed document's leaves.
pub fn revs_diff_body(trees: &[DocTree]) -> Value {
    let mut body = serde_json::Map::new();
    for t in trees {
        let revs: Vec<Value> = t.leaves.iter().map(|l| l.rev.clone().into()).collect();
        body.insert(t.id.clone(), revs.into());
    }
    Value::Object(body)
}

/// The `_bulk_docs` body (`new_edits: false`) for the revisions a `_revs_diff` answer
/// says the server lacks.
pub fn bulk_docs_body(trees: &[DocTree], revs_diff: &Value) -> Value {
    let docs: Vec<Value> = trees
        .iter()
        .flat_map(|t| {
            let wanted: Vec<&str> = revs_diff
                .get(&t.id)
                .and_then(|d| d.get("missing"))
                .and_then(Value::as_array)
                .map(|m| m.iter().filter_map(Value::as_str).collect())
                .unwrap_or_default();
            t.leaves
                .iter()
                .filter(move |l| wanted.contains(&l.rev.as_str()))
                .map(|l| to_wire(&t.id, l))
        })
        .collect();
    json!({ "docs": docs, "new_edits": false })
}

/// The documents of a `_bulk_get` answer (`results[].docs[].ok`), or the id of one the
/// server could not give (`error`): then nothing of the batch is stored past — the pass
/// fails, keeps its checkpoint, and asks again (as PouchDB does), so no revision is left
/// behind by a checkpoint that moved over it.
pub fn bulk_get_docs(answer: &Value) -> Result<Vec<Value>, String> {
    let mut docs = vec![];
    for result in answer
        .get("results")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        for doc in result
            .get("docs")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            match doc.get("ok") {
                Some(ok) => docs.push(ok.clone()),
                None => {
                    let id = result.get("id").and_then(Value::as_str).unwrap_or_default();
                    return Err(id.to_string());
                }
            }
        }
    }
    Ok(docs)
}

/// Revisions from the server inserted into this side's tree of the document; the tree if
/// anything changed. With `merge`, a conflict of edits to different fields is settled
/// here (`DocTree::auto_merge`), and the merge goes back with the next push.
pub fn take_in(
    id: &str,
    stored: Option<DocTree>,
    leaves: Vec<Leaf>,
    merge: bool,
) -> Option<DocTree> {
    let mut tree = stored.unwrap_or_else(|| DocTree::new(id));
    let mut changed = false;
    for leaf in leaves {
        changed |= tree.insert(leaf) != Inserted::Known;
    }
    if changed && merge {
        tree.auto_merge();
    }
    changed.then_some(tree)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::revision::Body;

    fn tree(id: &str, values: &[i64]) -> DocTree {
        let mut t = DocTree::new(id);
        let mut parent: Option<String> = None;
        for v in values {
            parent = Some(t.edit(parent.as_deref(), Body::of(&json!({ "v": v })), false));
        }
        t
    }

    #[test]
    fn a_pull_asks_only_for_what_it_lacks() {
        let here = tree("a", &[1]);
        let there = tree("a", &[1, 2]);
        let feed = json!({
            "results": [
                { "seq": "2-g1AAAA", "id": "a", "changes": [{ "rev": there.leaves[0].rev }] },
                { "seq": "3-g1AAAB", "id": "b", "changes": [{ "rev": "1-bb" }], "deleted": true },
                { "seq": "4-g1AAAC", "id": "a", "changes": [{ "rev": here.leaves[0].rev }] }
            ],
            "last_seq": "4-g1AAAC"
        });
        let (rows, last) = change_rows(&feed);
        assert_eq!(last, Some(json!("4-g1AAAC")));
        assert_eq!(rows[1].seq, json!("3-g1AAAB"), "sequences stay opaque");
        let offered: Vec<(String, Vec<String>)> =
            rows.into_iter().map(|r| (r.id, r.revs)).collect();
        let lacking = missing(&offered, |id| (id == "a").then(|| here.clone()));
        assert_eq!(
            lacking,
            vec![
                ("a".to_string(), vec![there.leaves[0].rev.clone()]),
                ("b".to_string(), vec!["1-bb".to_string()]),
            ]
        );
        let body = bulk_get_body(&lacking);
        assert_eq!(body["docs"][1], json!({ "id": "b", "rev": "1-bb" }));
        // Where a server has no _bulk_get, the same revisions one document at a time.
        assert_eq!(open_revs_list(&lacking[1].1), r#"["1-bb"]"#);
        let answer = json!([{ "ok": { "_id": "b", "_rev": "1-bb" } }, { "missing": "1-cc" }]);
        assert_eq!(
            open_revs_docs(&answer),
            vec![json!({ "_id": "b", "_rev": "1-bb" })]
        );
    }

    #[test]
    fn a_revision_the_server_could_not_give_fails_the_batch_instead_of_being_skipped() {
        let answer = json!({ "results": [
            { "id": "a", "docs": [{ "ok": { "_id": "a", "_rev": "1-aa" } }] },
            { "id": "b", "docs": [{ "error": { "id": "b", "rev": "2-bb", "error": "not_found", "reason": "missing" } }] },
        ]});
        assert_eq!(bulk_get_docs(&answer), Err("b".to_string()));
        let whole = json!({ "results": [
            { "id": "a", "docs": [{ "ok": { "_id": "a", "_rev": "1-aa" } }] },
        ]});
        assert_eq!(
            bulk_get_docs(&whole),
            Ok(vec![json!({ "_id": "a", "_rev": "1-aa" })])
        );
    }

    #[test]
    fn a_push_sends_the_revisions_the_server_lacks_with_their_history() {
        let mine = tree("a", &[1, 2, 3]);
        let question = revs_diff_body(std::slice::from_ref(&mine));
        assert_eq!(question["a"][0], mine.leaves[0].rev);
        let answer = json!({ "a": { "missing": [mine.leaves[0].rev] } });
        let body = bulk_docs_body(std::slice::from_ref(&mine), &answer);
        assert_eq!(body["new_edits"], false);
        assert_eq!(
            body["docs"][0]["_revisions"]["ids"]
                .as_array()
                .unwrap()
                .len(),
            3
        );
        let none = bulk_docs_body(&[mine], &json!({}));
        assert_eq!(none["docs"], json!([]), "nothing missing, nothing sent");
    }
}
