use super::*;

fn doc() -> DocTree {
    DocTree::new("report:R1")
}

/// A body that is a JSON string.
fn b(text: &str) -> Option<Body> {
    Body::of(&text)
}

fn text(body: Option<&Body>) -> Option<String> {
    body.and_then(Body::decode)
}

#[test]
fn edits_extend_one_leaf_and_number_the_revisions() {
    let mut d = doc();
    let r1 = d.edit(None, b("a"), false);
    let r2 = d.edit(Some(&r1), b("b"), false);
    assert!(r1.starts_with("1-") && r2.starts_with("2-"));
    assert_eq!(d.leaves.len(), 1);
    assert_eq!(text(d.current()), Some("b".to_string()));
    assert!(d.knows(&r1) && d.knows(&r2));
    assert_eq!(d.leaves[0].ancestors, vec![split_rev(&r1).unwrap().1]);
}

#[test]
fn identical_edits_of_one_parent_are_one_revision() {
    let mut d = doc();
    let r1 = d.edit(None, b("a"), false);
    let mut other = d.clone();
    let mine = d.edit(Some(&r1), b("b"), false);
    let theirs = other.edit(Some(&r1), b("b"), false);
    assert_eq!(mine, theirs);
    assert_eq!(d.insert(other.leaves[0].clone()), Inserted::Known);
    assert!(d.conflicts().is_empty());
}

#[test]
fn concurrent_edits_both_survive_and_every_reader_picks_the_same_winner() {
    let mut d = doc();
    let r1 = d.edit(None, b("a"), false);
    let mut tab_b = d.clone();
    d.edit(Some(&r1), b("mine"), false);
    tab_b.edit(Some(&r1), b("theirs"), false);
    let mut here = d.clone();
    here.insert(tab_b.leaves[0].clone());
    let mut there = tab_b.clone();
    there.insert(d.leaves[0].clone());
    assert_eq!(here.leaves.len(), 2);
    assert_eq!(here.conflicts().len(), 1);
    assert_eq!(
        here.winner(),
        there.winner(),
        "the same winner on both sides"
    );
    // The higher hash wins a tie of N.
    let best = here.leaves.iter().map(|l| l.rev.clone()).max().unwrap();
    assert_eq!(here.winner().unwrap().rev, best);
}

#[test]
fn an_edit_of_a_stale_revision_branches_instead_of_overwriting() {
    let mut d = doc();
    let r1 = d.edit(None, b("a"), false);
    d.edit(Some(&r1), b("tab A"), false);
    // Tab B still holds r1 and saves.
    d.edit(Some(&r1), b("tab B"), false);
    let bodies: Vec<_> = d
        .leaves
        .iter()
        .filter_map(|l| text(l.body.as_ref()))
        .collect();
    assert_eq!(bodies.len(), 2);
    assert!(bodies.contains(&"tab A".into()) && bodies.contains(&"tab B".into()));
}

#[test]
fn the_higher_revision_number_wins() {
    let mut d = doc();
    let r1 = d.edit(None, b("a"), false);
    let mut other = d.clone();
    let a2 = d.edit(Some(&r1), b("short"), false);
    let b2 = other.edit(Some(&r1), b("long 1"), false);
    other.edit(Some(&b2), b("long 2"), false);
    d.insert(other.leaves[0].clone());
    assert_eq!(text(d.current()), Some("long 2".to_string()));
    assert_eq!(d.conflicts()[0].rev, a2);
}

#[test]
fn delete_versus_edit_keeps_the_edit_and_shows_the_deletion() {
    let mut d = doc();
    let r1 = d.edit(None, b("a"), false);
    let mut other = d.clone();
    d.edit(Some(&r1), None, true);
    // The deletion alone: the document is gone.
    assert_eq!(d.current(), None);
    other.edit(Some(&r1), b("edited"), false);
    d.insert(other.leaves[0].clone());
    assert_eq!(
        text(d.current()),
        Some("edited".into()),
        "live beats deleted"
    );
    assert_eq!(
        d.deleted_conflicts().len(),
        1,
        "the deletion is still visible"
    );
    assert!(d.conflicts().is_empty());
}

#[test]
fn resolving_keeps_one_version_and_closes_the_others() {
    let mut d = doc();
    let r1 = d.edit(None, b("a"), false);
    d.edit(Some(&r1), b("x"), false);
    d.edit(Some(&r1), b("y"), false);
    assert_eq!(d.conflicts().len(), 1);
    d.resolve(b("x and y").unwrap());
    assert!(d.conflicts().is_empty());
    assert_eq!(text(d.current()), Some("x and y".to_string()));
    assert_eq!(d.winner().unwrap().n(), 3);
}

#[test]
fn stemming_keeps_the_newest_ancestors() {
    let mut d = doc();
    let mut rev = d.edit(None, b("0"), false);
    let first = rev.clone();
    for i in 1..1100 {
        rev = d.edit(Some(&rev), b(&i.to_string()), false);
    }
    let leaf = &d.leaves[0];
    assert_eq!(leaf.n(), 1100);
    assert_eq!(leaf.ancestors.len(), REVS_LIMIT);
    assert!(!d.knows(&first), "the oldest revisions are forgotten");
    assert!(d.knows(&format!("1099-{}", leaf.ancestors[0])));
    // A child of a remembered ancestor still joins the right path.
    let old = format!("110-{}", leaf.ancestors[989]);
    assert!(d.knows(&old));
}

#[test]
fn a_phone_that_edits_a_document_150_times_offline_still_reaches_the_server_s_revision() {
    // The server has revision 1 (the phone's first edit, synced); the phone then edits 150
    // times offline. Its history must still reach revision 1, or the server takes the
    // push as a new, unrelated branch: a conflict with nothing to merge (it was 100).
    let mut d = doc();
    let mut rev = d.edit(None, b("0"), false);
    let on_server = rev.clone();
    for i in 1..=150 {
        rev = d.edit(Some(&rev), b(&i.to_string()), false);
    }
    let leaf = &d.leaves[0];
    let (n, hash) = on_server.split_once('-').unwrap();
    assert_eq!(n, "1");
    assert_eq!(leaf.ancestors.last().map(String::as_str), Some(hash));
    assert!(d.knows(&on_server));
}

#[test]
fn replaying_the_same_revisions_changes_nothing() {
    let mut source = doc();
    let r1 = source.edit(None, b("a"), false);
    source.edit(Some(&r1), b("b"), false);
    let mut target = doc();
    assert_eq!(target.insert(source.leaves[0].clone()), Inserted::Branched);
    let once = target.clone();
    assert_eq!(target.insert(source.leaves[0].clone()), Inserted::Known);
    assert_eq!(target, once);
    // An older revision arriving after the newer one is known already.
    let old = Leaf {
        rev: r1,
        ancestors: vec![],
        deleted: false,
        body: b("a"),
        base: None,
    };
    assert_eq!(target.insert(old), Inserted::Known);
    assert_eq!(target, once);
}

#[test]
fn a_newer_revision_extends_the_leaf_it_descends_from() {
    let mut source = doc();
    let r1 = source.edit(None, b("a"), false);
    let mut target = source.clone();
    source.edit(Some(&r1), b("b"), false);
    assert_eq!(target.insert(source.leaves[0].clone()), Inserted::Extended);
    assert_eq!(target.leaves.len(), 1);
}

#[test]
fn malformed_revisions_are_refused() {
    assert_eq!(split_rev("0-abc"), None);
    assert_eq!(split_rev("x-abc"), None);
    assert_eq!(split_rev("3-"), None);
    assert_eq!(split_rev("3-ab"), Some((3, "ab")));
    let mut d = doc();
    let bad = Leaf {
        rev: "nonsense".into(),
        ancestors: vec![],
        deleted: false,
        body: b("x"),
        base: None,
    };
    assert_eq!(d.insert(bad), Inserted::Known);
    assert!(d.leaves.is_empty());
}

/// A record as the body of a revision.
fn rec(value: serde_json::Value) -> Option<Body> {
    Body::of(&value)
}

/// Two phones at one shared revision, each with its own edit of it, then each with the
/// other's (as replication brings it).
fn two_phones(
    shared: serde_json::Value,
    on_a: serde_json::Value,
    on_b: serde_json::Value,
) -> (DocTree, DocTree) {
    let mut a = doc();
    let r1 = a.edit(None, rec(shared), false);
    let mut b = a.clone();
    a.edit(Some(&r1), rec(on_a), false);
    b.edit(Some(&r1), rec(on_b), false);
    let (from_a, from_b) = (a.leaves[0].clone(), b.leaves[0].clone());
    let strip = |mut leaf: Leaf| {
        leaf.base = None; // the wire does not carry it
        leaf
    };
    a.insert(strip(from_b));
    b.insert(strip(from_a));
    (a, b)
}

#[test]
fn edits_of_different_fields_merge_alike_on_both_phones() {
    let shared = serde_json::json!({ "hotline": "1", "notices": [], "updated_at": 1 });
    let on_a = serde_json::json!({ "hotline": "2", "notices": [], "updated_at": 2 });
    let on_b = serde_json::json!({ "hotline": "1", "notices": [{ "id": "n", "title": "停水" }], "updated_at": 3 });
    let (mut a, mut b) = two_phones(shared, on_a, on_b);
    assert_eq!(a.conflicts().len(), 1);
    let merged_a = a.auto_merge().expect("phone A merges");
    let merged_b = b.auto_merge().expect("phone B merges");
    assert_eq!(merged_a, merged_b, "the same merge revision on both phones");
    assert_eq!(
        a, b,
        "and the same tree: nothing left to replicate between them"
    );
    assert!(a.conflicts().is_empty());
    let current: serde_json::Value = a.current().unwrap().decode().unwrap();
    assert_eq!(current["hotline"], "2");
    assert_eq!(current["notices"][0]["title"], "停水");
    assert_eq!(current["updated_at"], 3);
}

#[test]
fn overlapping_edits_and_unknown_bases_stay_for_the_person() {
    let shared = serde_json::json!({ "status": "open" });
    let (mut a, _) = two_phones(
        shared,
        serde_json::json!({ "status": "done" }),
        serde_json::json!({ "status": "acknowledged" }),
    );
    let before = a.clone();
    assert_eq!(a.auto_merge(), None);
    assert_eq!(a, before, "nothing written");
    // A phone that has neither side's parent record (it saw both only from the server).
    let mut c = doc();
    let (x, y) = two_phones(
        serde_json::json!({ "a": 1, "b": 1 }),
        serde_json::json!({ "a": 2, "b": 1 }),
        serde_json::json!({ "a": 1, "b": 2 }),
    );
    for leaf in x.leaves.iter().chain(&y.leaves) {
        let mut leaf = leaf.clone();
        leaf.base = None;
        c.insert(leaf);
    }
    assert_eq!(c.conflicts().len(), 1);
    assert_eq!(c.auto_merge(), None);
}

#[test]
fn an_arriving_edit_keeps_the_record_it_continues() {
    let mut a = doc();
    let r1 = a.edit(None, rec(serde_json::json!({ "a": 1, "b": 1 })), false);
    let mut b = a.clone();
    let mut c = a.clone();
    a.edit(Some(&r1), rec(serde_json::json!({ "a": 2, "b": 1 })), false);
    b.edit(Some(&r1), rec(serde_json::json!({ "a": 1, "b": 2 })), false);
    // A third phone at r1 hears A's edit, then B's: it can merge them itself.
    let wire = |leaf: &Leaf| Leaf {
        base: None,
        ..leaf.clone()
    };
    assert_eq!(c.insert(wire(&a.leaves[0])), Inserted::Extended);
    assert_eq!(c.insert(wire(&b.leaves[0])), Inserted::Branched);
    assert!(c.auto_merge().is_some());
    let current: serde_json::Value = c.current().unwrap().decode().unwrap();
    assert_eq!(
        (current["a"].as_i64(), current["b"].as_i64()),
        (Some(2), Some(2))
    );
}
