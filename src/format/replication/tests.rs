//! Two devices and a server, each a set of revision trees, replicating through the wire
//! shapes and plans alone: they end with the same documents, the same winner and the same
//! conflicts, and a second round moves nothing.

use std::collections::BTreeMap;

use serde_json::{Value, json};

use super::plan::{bulk_docs_body, bulk_get_body, missing, revs_diff_body};
use super::wire::{from_wire, to_wire};
use crate::format::revision::{Body, DocTree};

type Store = BTreeMap<String, DocTree>;

/// Pushes every document of `from` to `to`; returns how many revisions went.
fn replicate(from: &Store, to: &mut Store) -> usize {
    let trees: Vec<DocTree> = from.values().cloned().collect();
    let question = revs_diff_body(&trees);
    let offered: Vec<(String, Vec<String>)> = question
        .as_object()
        .unwrap()
        .iter()
        .map(|(id, revs)| (id.clone(), serde_json::from_value(revs.clone()).unwrap()))
        .collect();
    let lacking = missing(&offered, |id| to.get(id).cloned());
    let mut answer = serde_json::Map::new();
    for (id, revs) in &lacking {
        answer.insert(id.clone(), json!({ "missing": revs }));
    }
    // What `_bulk_get` would ask for is what `_bulk_docs` sends.
    let asked = bulk_get_body(&lacking)["docs"].as_array().unwrap().len();
    let body = bulk_docs_body(&trees, &Value::Object(answer));
    let docs = body["docs"].as_array().unwrap();
    assert_eq!(docs.len(), asked);
    for doc in docs {
        let (id, leaf) = from_wire(doc.clone()).unwrap();
        to.entry(id.clone())
            .or_insert_with(|| DocTree::new(id))
            .insert(leaf);
    }
    docs.len()
}

/// Each document's leaves, in a fixed order (a tree keeps them in arrival order).
fn leaves(store: &Store) -> Vec<(String, Vec<String>)> {
    store
        .iter()
        .map(|(id, t)| {
            let mut revs: Vec<String> = t.leaves.iter().map(|l| l.rev.clone()).collect();
            revs.sort();
            (id.clone(), revs)
        })
        .collect()
}

fn edit(store: &mut Store, id: &str, value: i64) {
    let tree = store.entry(id.into()).or_insert_with(|| DocTree::new(id));
    let parent = tree.winner().map(|w| w.rev.clone());
    tree.edit(parent.as_deref(), Body::of(&json!({ "v": value })), false);
}

#[test]
fn two_phones_converge_through_a_server_with_the_same_conflicts() {
    let (mut phone_a, mut phone_b, mut server) = (Store::new(), Store::new(), Store::new());
    edit(&mut phone_a, "report:1", 1);
    replicate(&phone_a, &mut server);
    replicate(&server, &mut phone_b);
    // Both offline: each edits report 1 its own way and files a new report.
    edit(&mut phone_a, "report:1", 2);
    edit(&mut phone_b, "report:1", 3);
    edit(&mut phone_a, "report:2", 20);
    edit(&mut phone_b, "report:3", 30);
    for _ in 0..2 {
        replicate(&phone_a, &mut server);
        replicate(&phone_b, &mut server);
        replicate(&server, &mut phone_a);
        replicate(&server, &mut phone_b);
    }
    assert_eq!(leaves(&phone_a), leaves(&server));
    assert_eq!(leaves(&phone_b), leaves(&server));
    for (id, tree) in &server {
        assert_eq!(
            phone_a[id].winner(),
            tree.winner(),
            "the same winner everywhere"
        );
    }
    let shared = server["report:1"].clone();
    assert_eq!(shared.conflicts().len(), 1, "both versions kept");
    // Nothing new: a second round moves nothing.
    assert_eq!(
        replicate(&phone_a, &mut server) + replicate(&server, &mut phone_b),
        0
    );
    // Resolving on one phone clears the conflict everywhere.
    let kept = shared.current().unwrap().clone();
    phone_a.get_mut("report:1").unwrap().resolve(kept);
    replicate(&phone_a, &mut server);
    replicate(&server, &mut phone_b);
    assert!(phone_b["report:1"].conflicts().is_empty());
    assert_eq!(
        to_wire("report:1", phone_b["report:1"].winner().unwrap()),
        to_wire("report:1", phone_a["report:1"].winner().unwrap())
    );
}
