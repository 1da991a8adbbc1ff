//! Records as documents: which kinds there are, the `_id` each record is kept under, the
//! row the document store keeps (index fields beside the revision tree's JSON), and the
//! decoding of a kind's rows into records, revisions and conflicts.

use std::collections::HashMap;

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::merge::Record;
use super::revision::{Body, DocTree};
use crate::domain::compound::Compound;
use crate::domain::district::refusal::Refusal;
use crate::domain::district::scorecard::QuarterScoring;
use crate::domain::records::{ArrearsRecovery, Mediation};
use crate::domain::report::Report;
use crate::domain::roster_edit::RosterChange;

keyed_enum! {
    pub enum DocKind {
        Report = "report",
        Compound = "compound",
        Mediation = "mediation",
        Arrears = "arrears",
        /// A steward's change of a roster (the change log).
        Change = "change",
        /// A steward's summary package, as the district office imported it.
        Package = "package",
        /// The district's scoring of property companies for one quarter.
        Scoring = "scoring",
        /// A revision the district server refused to carry (written by the server only).
        Refusal = "refusal",
        /// A compound's 业委会 status (the office's).
        Committee = "committee",
        /// A 连片托管 contract (the office's).
        Contract = "contract",
        /// A property company in the register (the office's).
        Company = "company",
        /// A property-management meeting (the office's).
        Meeting = "meeting",
        /// A key case spanning many households (the office's).
        Case = "case",
        /// An improvement made in a compound (the office's).
        Improvement = "improvement",
        /// A compound's party census, 党员摸底 (the office's).
        Census = "census",
    }
}

/// A record kept as a document.
pub trait Document: Record + Clone + Serialize + DeserializeOwned {
    const KIND: DocKind;

    /// The compound it belongs to, for the store's index.
    fn compound_id(&self) -> &str;

    /// A state to select by (a report's status), for the store's index.
    fn status_key(&self) -> &'static str {
        ""
    }

    fn doc_id(&self) -> String {
        doc_id(Self::KIND, self.id())
    }
}

/// `report:R20261127-ab12`: kind-prefixed, so one database can hold every kind.
pub fn doc_id(kind: DocKind, record_id: &str) -> String {
    format!("{}:{record_id}", kind.key())
}

impl Document for Report {
    const KIND: DocKind = DocKind::Report;
    fn compound_id(&self) -> &str {
        &self.compound
    }
    fn status_key(&self) -> &'static str {
        self.status().key()
    }
}

impl Document for Compound {
    const KIND: DocKind = DocKind::Compound;
    fn compound_id(&self) -> &str {
        &self.id
    }
}

impl Document for Mediation {
    const KIND: DocKind = DocKind::Mediation;
    fn compound_id(&self) -> &str {
        &self.compound
    }
}

impl Document for ArrearsRecovery {
    const KIND: DocKind = DocKind::Arrears;
    fn compound_id(&self) -> &str {
        &self.compound
    }
}

impl Document for RosterChange {
    const KIND: DocKind = DocKind::Change;
    fn compound_id(&self) -> &str {
        &self.compound
    }
}

impl Document for QuarterScoring {
    const KIND: DocKind = DocKind::Scoring;
    fn compound_id(&self) -> &str {
        ""
    }
}

impl Document for Refusal {
    const KIND: DocKind = DocKind::Refusal;
    fn compound_id(&self) -> &str {
        ""
    }
}

/// What the document store keeps per document: fields to index by, and the tree (stored
/// as JSON, decoded only by the kind that asks for it).
#[derive(Clone, Debug, PartialEq)]
pub struct StoredDoc {
    pub id: String,
    pub kind: &'static str,
    pub compound: String,
    pub status: &'static str,
    pub tree: DocTree,
}

impl StoredDoc {
    /// The row for a tree of `T`s; the index fields come from its current winner, decoded
    /// here unless the caller has it already (`current`).
    pub fn of<T: Document>(tree: DocTree) -> StoredDoc {
        let current: Option<T> = tree.current().and_then(Body::decode);
        StoredDoc::with(tree, current.as_ref())
    }

    pub fn with<T: Document>(tree: DocTree, current: Option<&T>) -> StoredDoc {
        StoredDoc {
            id: tree.id.clone(),
            kind: T::KIND.key(),
            compound: match current {
                Some(r) => r.compound_id().to_string(),
                None => last_compound(&tree, Some(T::KIND)),
            },
            status: current.map_or("", Document::status_key),
            tree,
        }
    }
}

/// The compound a document is in, read from its JSON as it is: its current version's, or
/// — deleted — the one its tombstone carries or the version it closed, so a deletion goes
/// where the document went.
fn last_compound(tree: &DocTree, kind: Option<DocKind>) -> String {
    let field = if kind == Some(DocKind::Compound) {
        "id"
    } else {
        "compound"
    };
    tree.winner()
        .and_then(|w| w.body.as_ref().or(w.base.as_ref()))
        .and_then(|b| serde_json::from_str::<serde_json::Value>(b.json()).ok())
        .and_then(|v| v.get(field)?.as_str().map(String::from))
        .unwrap_or_default()
}

/// The index kind of documents this version does not know (a newer version's kind): kept
/// as they came, shown by no page, sent nowhere, and indexed under their own kind once an
/// update knows it (`adopt`).
pub const UNKNOWN_KIND: &str = "unknown";

/// The row for a tree of any kind, by its id's prefix (a replicated document); `None` for
/// an id with no kind (design documents and the like). Only reports need decoding for
/// their index (the status comes from the timeline); the other kinds' compound is read
/// from the JSON as it is, so a program that never shows a kind does not carry its
/// decoder.
pub fn stored_doc_of(tree: DocTree) -> Option<StoredDoc> {
    let prefix = tree.id.split_once(':')?.0;
    if prefix.is_empty() || prefix.starts_with('_') {
        return None;
    }
    let kind = DocKind::from_key(prefix);
    if kind == Some(DocKind::Report) && tree.current().is_some() {
        return Some(StoredDoc::of::<Report>(tree));
    }
    let compound = last_compound(&tree, kind);
    Some(StoredDoc {
        id: tree.id.clone(),
        kind: kind.map_or(UNKNOWN_KIND, DocKind::key),
        compound,
        status: "",
        tree,
    })
}

/// A document with more than one live version: the versions that lost, beside the one
/// every reader shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Conflict<T> {
    pub doc_id: String,
    pub others: Vec<T>,
}

/// A kind's documents, decoded: the records every page shows, the revision each was
/// read at (the parent of the next edit), the conflicts, and the ids that would not
/// decode (kept untouched in the store, reported).
#[derive(Clone, Debug)]
pub struct Decoded<T> {
    pub records: Vec<T>,
    pub revs: HashMap<String, String>,
    pub conflicts: Vec<Conflict<T>>,
    pub corrupt: Vec<String>,
}

impl<T> Default for Decoded<T> {
    fn default() -> Self {
        Decoded {
            records: vec![],
            revs: HashMap::new(),
            conflicts: vec![],
            corrupt: vec![],
        }
    }
}

impl<T: Document> Decoded<T> {
    /// Adds one stored tree; a deleted document keeps its revision but shows nothing.
    pub fn add(&mut self, id: &str, json: &str) {
        let tree = serde_json::from_str::<DocTree>(json).ok();
        if !tree.is_some_and(|tree| self.add_tree(tree)) {
            self.corrupt.push(id.to_string());
        }
    }

    /// Adds a tree; false if its current version does not decode.
    fn add_tree(&mut self, tree: DocTree) -> bool {
        let Some(winner) = tree.winner() else {
            return true;
        };
        let current = match tree.current() {
            Some(body) => match body.decode::<T>() {
                Some(record) => Some(record),
                None => return false,
            },
            None => None,
        };
        self.revs.insert(tree.id.clone(), winner.rev.clone());
        self.records.extend(current);
        let others = conflicting_versions::<T>(&tree);
        if !others.is_empty() {
            self.conflicts.push(Conflict {
                doc_id: tree.id.clone(),
                others,
            });
        }
        true
    }
}

/// The live versions of a tree other than the one shown.
pub fn conflicting_versions<T: Document>(tree: &DocTree) -> Vec<T> {
    tree.conflicts()
        .into_iter()
        .filter_map(|l| l.body.as_ref()?.decode())
        .collect()
}

/// A change not yet in the document store, kept in localStorage meanwhile (a write-ahead
/// journal): a page closed mid-write loses nothing, and the next start saves it as an
/// edit of `parent` — as a visible branch if another tab has moved on since.
#[derive(Clone, Debug, PartialEq, Serialize, serde::Deserialize)]
pub struct Unsaved<T> {
    pub parent: Option<String>,
    pub body: T,
}

/// Where the journal keeps a document's unsaved change.
pub fn journal_key(doc_id: &str) -> String {
    format!("{JOURNAL_PREFIX}{doc_id}")
}

pub const JOURNAL_PREFIX: &str = "cs.unsaved.";

/// A record as a first revision: the same record always gives the same revision, so a
/// migration or an import cut short and run again writes nothing twice.
pub fn first_revision<T: Document>(record: &T) -> DocTree {
    let mut tree = DocTree::new(record.doc_id());
    tree.edit(None, Body::of(record), false);
    tree
}

/// The revision a record is held at, or — not stored yet — the one its first revision
/// will have.
pub fn held_rev<T: Document>(held: Option<String>, record: &T) -> String {
    held.or_else(|| Some(first_revision(record).winner()?.rev.clone()))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::compound::ManagementMode;
    use crate::fixtures::compound;

    #[test]
    fn ids_are_kind_prefixed_and_the_first_revision_is_reproducible() {
        let c = compound("dongtangcun", ManagementMode::Unmanaged);
        assert_eq!(c.doc_id(), "compound:dongtangcun");
        assert_eq!(first_revision(&c), first_revision(&c));
        let row = StoredDoc::of::<Compound>(first_revision(&c));
        assert_eq!(
            (row.kind, row.compound.as_str()),
            ("compound", "dongtangcun")
        );
    }

    #[test]
    fn a_replicated_tree_gets_the_same_index_fields_as_a_local_one() {
        let c = compound("dongtangcun", ManagementMode::Unmanaged);
        let local = StoredDoc::of::<Compound>(first_revision(&c));
        assert_eq!(stored_doc_of(first_revision(&c)), Some(local));
        assert_eq!(stored_doc_of(DocTree::new("_design/cs")), None);
        // A kind a newer version invented is kept, under its own index kind.
        let mut newer = DocTree::new("survey:2026Q4");
        newer.edit(
            None,
            Body::of(&serde_json::json!({ "compound": "dongtangcun", "held": 1 })),
            false,
        );
        let row = stored_doc_of(newer.clone()).unwrap();
        assert_eq!(
            (row.kind, row.compound.as_str()),
            (UNKNOWN_KIND, "dongtangcun")
        );
        assert_eq!(row.tree, newer, "as it came");
    }

    #[test]
    fn a_deleted_document_keeps_the_compound_it_was_in() {
        let mut r =
            crate::fixtures::report("dongtangcun", crate::domain::report::Category::Parking);
        r.id = "R1".into();
        let mut tree = first_revision(&r);
        let r1 = tree.winner().unwrap().rev.clone();
        tree.edit(Some(&r1), None, true);
        assert!(tree.current().is_none());
        let row = stored_doc_of(tree).unwrap();
        assert_eq!((row.kind, row.compound.as_str()), ("report", "dongtangcun"));
        // One that arrives from a server (no body: `DELETE`) likewise.
        let mut there = first_revision(&r);
        let (_, hash) = r1.split_once('-').unwrap();
        there.insert(crate::format::revision::Leaf {
            rev: "2-dd".into(),
            ancestors: vec![hash.into()],
            deleted: true,
            body: None,
            base: None,
        });
        assert!(there.current().is_none());
        assert_eq!(stored_doc_of(there).unwrap().compound, "dongtangcun");
    }

    #[test]
    fn decoding_lists_records_revisions_conflicts_and_corrupt_rows() {
        let c = compound("a", ManagementMode::Unmanaged);
        let mut tree = first_revision(&c);
        let r1 = tree.winner().unwrap().rev.clone();
        let mut other = c.clone();
        other.name = "另一个名字".into();
        tree.edit(Some(&r1), Body::of(&other), false);
        let mut mine = c.clone();
        mine.name = "我的名字".into();
        tree.edit(Some(&r1), Body::of(&mine), false);
        let mut d = Decoded::<Compound>::default();
        d.add("compound:a", &serde_json::to_string(&tree).unwrap());
        d.add("compound:b", "{not json");
        assert_eq!(d.records.len(), 1);
        assert_eq!(d.conflicts.len(), 1);
        assert_eq!(d.corrupt, vec!["compound:b".to_string()]);
        assert!(d.revs["compound:a"].starts_with("2-"));
    }
}
