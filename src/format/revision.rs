//! Revision trees in CouchDB's shape, so documents can later be replicated as they are.
//!
//! A document keeps only its leaves; each leaf carries its own body and the hashes of its
//! ancestors (CouchDB's `_revisions.ids`, parent first), stemmed to `REVS_LIMIT`. That is
//! all replication needs: `_revs_diff` asks whether a revision is known, `_bulk_get`
//! returns a leaf with its path, `new_edits: false` inserts a leaf with its path. Two
//! edits of one parent both stay as leaves; every reader picks the same winner by
//! CouchDB's rule (a live leaf beats a deleted one, then the higher N, then the higher
//! hash). `updated_at` inside a body is for display and never decides anything.

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use super::field_merge::merge_fields;

/// How many ancestors a leaf remembers: CouchDB's `_revs_limit` (1000), as PouchDB keeps.
/// With fewer, a phone that edited a document more times than that offline would send a
/// history that no longer reaches the server's revision: a false conflict nobody can
/// settle by merging. (~34 bytes an ancestor: a document edited 1,000 times carries
/// ~34 KB of history, most documents a few revisions.)
pub const REVS_LIMIT: usize = 1000;

/// A revision's record as JSON text, kept as it was written: revisions are hashed from it
/// and compared by it, and only the kind that shows it decodes it.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Body(Box<RawValue>);

impl Body {
    /// A record's JSON (serde writes a struct's fields in one order: equal records give
    /// equal text).
    pub fn of<T: Serialize>(record: &T) -> Option<Body> {
        let text = serde_json::to_string(record).ok()?;
        RawValue::from_string(text).ok().map(Body)
    }

    pub fn json(&self) -> &str {
        self.0.get()
    }

    /// JSON text taken as it is (`None` if it is not JSON).
    pub fn from_json(text: String) -> Option<Body> {
        RawValue::from_string(text).ok().map(Body)
    }

    /// The record, if it decodes as a `T`.
    pub fn decode<T: serde::de::DeserializeOwned>(&self) -> Option<T> {
        serde_json::from_str(self.json()).ok()
    }
}

impl PartialEq for Body {
    fn eq(&self, other: &Self) -> bool {
        self.json() == other.json()
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Leaf {
    /// `N-hash`.
    pub rev: String,
    /// Ancestor hashes, parent first; the parent of `N-h` is `(N-1)-ancestors[0]`.
    #[serde(default)]
    pub ancestors: Vec<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub deleted: bool,
    /// The record; a tombstone has none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<Body>,
    /// The parent revision's record, kept by an edit made here (never sent to a server):
    /// what the two sides of a later conflict are compared against to merge them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base: Option<Body>,
}

/// A document: its id and its leaves.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DocTree {
    #[serde(rename = "_id")]
    pub id: String,
    pub leaves: Vec<Leaf>,
}

/// What inserting a revision did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Inserted {
    /// The revision was already here (a replayed edit, an identical edit elsewhere).
    Known,
    /// It continued a leaf.
    Extended,
    /// It started a branch: the document now has one more leaf.
    Branched,
}

/// `N` and the hash of `N-hash`.
pub fn split_rev(rev: &str) -> Option<(u32, &str)> {
    let (n, hash) = rev.split_once('-')?;
    let n = n.parse().ok().filter(|n| *n > 0)?;
    (!hash.is_empty()).then_some((n, hash))
}

/// The hash of a revision from its parent, its deletion mark and its body's JSON, so two
/// identical edits of one parent (two tabs, a replayed link) are one revision.
pub fn rev_hash(parent: Option<&str>, deleted: bool, body_json: &str) -> String {
    // FNV-1a over the bytes twice with different seeds: 128 bits, enough to tell a
    // document's edits apart (it is a content key, not a security measure).
    let mut out = String::with_capacity(32);
    for seed in [0xcbf2_9ce4_8422_2325_u64, 0x6c62_272e_07bb_0142] {
        let mut h = seed;
        let bytes = parent
            .unwrap_or("")
            .bytes()
            .chain([0, u8::from(deleted), 0])
            .chain(body_json.bytes());
        for b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        out.push_str(&format!("{h:016x}"));
    }
    out
}

impl Leaf {
    pub fn n(&self) -> u32 {
        split_rev(&self.rev).map_or(0, |(n, _)| n)
    }

    fn hash(&self) -> &str {
        split_rev(&self.rev).map_or("", |(_, h)| h)
    }

    /// This revision, then its remembered ancestors, newest first.
    fn path(&self) -> impl Iterator<Item = String> + '_ {
        let n = self.n();
        std::iter::once(self.rev.clone()).chain(
            self.ancestors
                .iter()
                .zip((1..n).rev())
                .map(|(hash, n)| format!("{n}-{hash}")),
        )
    }

    /// The revision this one was made from, if it remembers it.
    fn parent(&self) -> Option<String> {
        self.path().nth(1)
    }

    /// Whether `rev` is this leaf or one of its remembered ancestors.
    pub fn has_in_path(&self, rev: &str) -> bool {
        let Some((n, hash)) = split_rev(rev) else {
            return false;
        };
        let own = self.n();
        if n == own {
            return self.hash() == hash;
        }
        n < own
            && self
                .ancestors
                .get((own - n - 1) as usize)
                .is_some_and(|h| h == hash)
    }

    /// The ancestors a child of `rev` (in this leaf's path) remembers, parent first.
    fn path_from(&self, rev: &str) -> Vec<String> {
        let Some((n, hash)) = split_rev(rev) else {
            return vec![];
        };
        let skip = (self.n() - n) as usize;
        let mut path = vec![hash.to_string()];
        path.extend(self.ancestors.iter().skip(skip).cloned());
        path.truncate(REVS_LIMIT);
        path
    }

    /// CouchDB's order of leaves: live before deleted, then higher N, then higher hash.
    fn rank(&self) -> (bool, u32, &str) {
        (!self.deleted, self.n(), self.hash())
    }
}

impl DocTree {
    pub fn new(id: impl Into<String>) -> Self {
        DocTree {
            id: id.into(),
            leaves: vec![],
        }
    }

    /// The leaf every reader shows.
    pub fn winner(&self) -> Option<&Leaf> {
        self.leaves.iter().max_by(|a, b| a.rank().cmp(&b.rank()))
    }

    /// The winner's body, unless the document is deleted.
    pub fn current(&self) -> Option<&Body> {
        self.winner().filter(|w| !w.deleted)?.body.as_ref()
    }

    /// Live leaves other than the winner: the document is in conflict when there are any.
    pub fn conflicts(&self) -> Vec<&Leaf> {
        let winner = self.winner().map(|w| w.rev.as_str());
        self.leaves
            .iter()
            .filter(|l| !l.deleted && Some(l.rev.as_str()) != winner)
            .collect()
    }

    /// Deleted leaves that lost to a live one (CouchDB's `_deleted_conflicts`).
    pub fn deleted_conflicts(&self) -> Vec<&Leaf> {
        let winner = self.winner().map(|w| w.rev.as_str());
        self.leaves
            .iter()
            .filter(|l| l.deleted && Some(l.rev.as_str()) != winner)
            .collect()
    }

    /// The record at `rev`, if this phone still has it: a leaf's own, or the one an edit
    /// here kept of its parent.
    pub fn body_at(&self, rev: &str) -> Option<&Body> {
        self.leaves.iter().find_map(|l| {
            if l.rev == rev {
                l.body.as_ref()
            } else if l.parent().as_deref() == Some(rev) {
                l.base.as_ref()
            } else {
                None
            }
        })
    }

    /// Whether this document has seen `rev` (as a leaf or a remembered ancestor).
    pub fn knows(&self, rev: &str) -> bool {
        self.leaves.iter().any(|l| l.has_in_path(rev))
    }

    /// Inserts a revision with its path, as replication does (`new_edits: false`).
    /// Re-inserting a known revision changes nothing.
    pub fn insert(&mut self, mut leaf: Leaf) -> Inserted {
        if split_rev(&leaf.rev).is_none() || self.knows(&leaf.rev) {
            return Inserted::Known;
        }
        leaf.ancestors.truncate(REVS_LIMIT);
        let (continued, kept): (Vec<Leaf>, Vec<Leaf>) = std::mem::take(&mut self.leaves)
            .into_iter()
            .partition(|old| leaf.has_in_path(&old.rev));
        self.leaves = kept;
        let extended = !continued.is_empty();
        // The leaf it continues is its parent: keep that record as its base (an edit that
        // arrives keeps what it was made from, for merging a later conflict; a deletion,
        // what it closed — which compound it was in, so it goes where that went).
        if leaf.base.is_none() {
            let parent = leaf.parent();
            leaf.base = continued
                .into_iter()
                .find(|old| Some(&old.rev) == parent.as_ref())
                .and_then(|old| old.body);
        }
        self.leaves.push(leaf);
        if extended {
            Inserted::Extended
        } else {
            Inserted::Branched
        }
    }

    /// A local edit of `parent` (none for a new document): the new revision, inserted.
    /// An edit of a revision that is no longer a leaf (another tab moved on) becomes a
    /// branch beside it — a visible conflict, never an overwrite.
    pub fn edit(&mut self, parent: Option<&str>, body: Option<Body>, deleted: bool) -> String {
        let hash = rev_hash(parent, deleted, body.as_ref().map_or("", Body::json));
        let (n, ancestors) = match parent.and_then(|p| split_rev(p).map(|(n, _)| (p, n))) {
            Some((p, n)) => {
                let path = self
                    .leaves
                    .iter()
                    .find(|l| l.has_in_path(p))
                    .map(|l| l.path_from(p))
                    .unwrap_or_else(|| vec![split_rev(p).map(|(_, h)| h).unwrap_or("").into()]);
                (n + 1, path)
            }
            None => (1, vec![]),
        };
        let rev = format!("{n}-{hash}");
        let base = parent.and_then(|p| self.body_at(p).cloned());
        self.insert(Leaf {
            rev: rev.clone(),
            ancestors,
            deleted,
            body,
            base,
        });
        rev
    }

    /// Ends a conflict: `kept` becomes a new revision on the winner and every other live
    /// leaf is closed with a tombstone, as CouchDB's documentation resolves conflicts.
    pub fn resolve(&mut self, kept: Body) -> Option<String> {
        let winner = self.winner()?.rev.clone();
        let losers: Vec<String> = self.conflicts().iter().map(|l| l.rev.clone()).collect();
        let rev = self.edit(Some(&winner), Some(kept), false);
        for loser in losers {
            self.edit(Some(&loser), None, true);
        }
        Some(rev)
    }

    /// Ends a conflict of two versions that changed different fields of the revision they
    /// share, as `resolve` would with their merge (see `field_merge`). Every phone that
    /// merges it writes the same revisions, so two phones doing it at once agree. `None`
    /// (nothing changed) when the versions overlap, when there are more than two, or when
    /// the shared revision's record is not on this phone.
    pub fn auto_merge(&mut self) -> Option<String> {
        let winner = self.winner().filter(|w| !w.deleted)?;
        let [loser] = self.conflicts()[..] else {
            return None;
        };
        let shared = winner.path().find(|rev| loser.has_in_path(rev))?;
        let merged = merge_fields(
            self.body_at(&shared)?.json(),
            winner.body.as_ref()?.json(),
            loser.body.as_ref()?.json(),
        )?;
        self.resolve(Body::from_json(merged)?)
    }
}

#[cfg(test)]
#[path = "revision_tests.rs"]
mod tests;
