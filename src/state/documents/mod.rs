//! One kind of record kept as documents: the records in a signal for the views, and the
//! one place they reach the document store. A change marks its record dirty; an effect
//! hands dirty records to a queue that writes one batch at a time, each record as a new
//! revision of the one this tab read (so a stale tab branches, visibly, instead of
//! overwriting). Until the store has a change it is also kept in a localStorage journal,
//! so a page closed mid-write loses nothing. Other tabs' writes arrive by broadcast and
//! are read from the store.

use std::collections::{HashMap, HashSet};

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::format::collections::Collection;
use crate::format::documents::{Conflict, Decoded, Document, StoredDoc, conflicting_versions};
use crate::format::error::StoreError;
use crate::format::merge::{upsert, upsert_all};
use crate::format::revision::{Body, DocTree};

use crate::platform::clock::{mark, next_task};

mod carry;
mod journal;
mod leaving;
mod migration;
mod other_tabs;
use crate::platform::{broadcast, doc_store};
use carry::carried;
pub use carry::keep_unknown_fields;
use migration::migrate;

pub trait Kept: Document + PartialEq + Send + Sync + 'static {}
impl<T: Document + PartialEq + Send + Sync + 'static> Kept for T {}

#[derive(Debug)]
pub struct DocSet<T: Kept> {
    pub records: ReadSignal<Vec<T>>,
    set_records: WriteSignal<Vec<T>>,
    /// Documents with more than one live version.
    pub conflicts: ReadSignal<Vec<Conflict<T>>>,
    set_conflicts: WriteSignal<Vec<Conflict<T>>>,
    /// Whether the stored records have been read (until then a page shows nothing).
    pub ready: ReadSignal<bool>,
    set_ready: WriteSignal<bool>,
    /// Whether changes made here are still on their way to the store: a bulk change (a
    /// restore) says "done" only once this is false, since it has no journal behind it.
    pub saving: ReadSignal<bool>,
    set_saving: WriteSignal<bool>,
    /// Record ids changed here and not yet handed to the writer, and whether each goes
    /// into the journal (a bulk import does not: its file is the safety net).
    dirty: RwSignal<Vec<(String, bool)>>,
    /// Record ids waiting to be written, and whether the writer runs.
    queue: StoredValue<Vec<String>>,
    running: StoredValue<bool>,
    /// Per document id, the revision this tab's copy is at: the parent of its next edit.
    revs: StoredValue<HashMap<String, String>>,
    /// Document ids with a change in the journal.
    journaled: StoredValue<HashSet<String>>,
    /// Document ids whose latest write the store refused (a full disk): until a write of
    /// theirs succeeds, only this page (and the journal, if it took them) has them.
    refused: StoredValue<HashSet<String>>,
    problems: WriteSignal<Vec<StoreError>>,
}

impl<T: Kept> Clone for DocSet<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: Kept> Copy for DocSet<T> {}

/// Shows a storage problem once.
pub(crate) fn report(problems: WriteSignal<Vec<StoreError>>, problem: StoreError) {
    problems.update(|p| {
        if !p.contains(&problem) {
            p.push(problem);
        }
    });
}

impl<T: Kept> DocSet<T> {
    pub fn new(problems: WriteSignal<Vec<StoreError>>) -> Self {
        let (records, set_records) = signal(Vec::new());
        let (conflicts, set_conflicts) = signal(Vec::new());
        let (ready, set_ready) = signal(false);
        let (saving, set_saving) = signal(false);
        DocSet {
            records,
            set_records,
            conflicts,
            set_conflicts,
            ready,
            set_ready,
            saving,
            set_saving,
            dirty: RwSignal::new(Vec::new()),
            queue: StoredValue::new(Vec::new()),
            running: StoredValue::new(false),
            revs: StoredValue::new(HashMap::new()),
            journaled: StoredValue::new(HashSet::new()),
            refused: StoredValue::new(HashSet::new()),
            problems,
        }
    }

    /// Adds a record or replaces the one with its id; it is saved as a new revision.
    pub fn put(&self, record: T) {
        let id = record.id().to_string();
        self.set_records.update(|all| upsert(all, record));
        self.set_saving.set(true);
        self.dirty.update(|d| d.push((id, true)));
    }

    /// Several records at once (an import, a restore), saved in one transaction.
    pub fn put_all(&self, records: Vec<T>) {
        let ids: Vec<String> = records.iter().map(|r| r.id().to_string()).collect();
        if ids.is_empty() {
            return;
        }
        self.set_records.update(|all| upsert_all(all, records));
        self.set_saving.set(true);
        self.dirty
            .update(|d| d.extend(ids.into_iter().map(|id| (id, false))));
    }

    /// The revision this tab's copy of a document is at (untracked: read it beside
    /// `records`, which change with it).
    pub fn rev_of(&self, doc_id: &str) -> Option<String> {
        self.revs.with_value(|r| r.get(doc_id).cloned())
    }

    /// Ends a conflict with `kept` as the one version (the others are closed).
    pub fn resolve(&self, doc_id: String, kept: T) {
        let this = *self;
        spawn_local(async move {
            let body = Body::of(&kept);
            let mut change = |id: &str, stored: Option<&str>| {
                let tree = stored.and_then(|j| serde_json::from_str::<DocTree>(j).ok());
                let (Some(mut tree), Some(body)) = (tree, body.clone()) else {
                    return Err(StoreError::CorruptRecord { id: id.into() });
                };
                let body = carried::<T>(body, tree.current());
                tree.resolve(body);
                Ok(Some(StoredDoc::with(tree, Some(&kept))))
            };
            this.written(doc_store::update(&[doc_id], &mut change).await);
        });
    }

    /// Migrates the old localStorage collection if there is one, reads the stored
    /// documents, then starts saving changes and hearing other tabs.
    pub fn start(self, legacy: Option<Collection>) {
        spawn_local(async move {
            // Opening the store (and, on a first visit, creating it) is a task of its own,
            // not part of the page's first render.
            next_task().await;
            if let Some(collection) = legacy {
                mark(&format!("cs:{}:migrate-start", T::KIND.key()));
                let (kept_in_memory, problem) = migrate::<T>(collection).await;
                mark(&format!("cs:{}:migrate-end", T::KIND.key()));
                if let Some(p) = problem {
                    report(self.problems, p);
                }
                // The store cannot take them: show the old records rather than nothing.
                if !kept_in_memory.is_empty() {
                    self.set_records.set(kept_in_memory);
                }
            }
            self.load().await;
            self.set_ready.set(true);
        });
        Effect::new(move |_| {
            let ids = self.dirty.get();
            if ids.is_empty() {
                return;
            }
            self.dirty.update_untracked(Vec::clear);
            for (id, _) in ids.iter().filter(|(_, journaled)| *journaled) {
                self.journal(id);
            }
            self.queue.update_value(|q| {
                for (id, _) in ids {
                    if !q.contains(&id) {
                        q.push(id);
                    }
                }
            });
            self.kick();
        });
        broadcast::listen(move |ids| self.hear(ids));
    }

    async fn load(self) {
        let kind = T::KIND.key();
        mark(&format!("cs:{kind}:read-start"));
        let rows = match doc_store::read_kind(kind).await {
            Ok(rows) => rows,
            Err(e) => {
                report(self.problems, e);
                // The store cannot be read (IndexedDB refused): what the journal keeps —
                // changes the store never took, such as a report the report entry filed
                // just before the resident app loaded to show it — stays on screen.
                return self.replay_journal();
            }
        };
        let mut decoded = Decoded::<T>::default();
        for (id, json) in &rows {
            decoded.add(id, json);
        }
        for id in decoded.corrupt {
            report(self.problems, StoreError::CorruptRecord { id });
        }
        self.revs.set_value(decoded.revs);
        self.set_conflicts.set(decoded.conflicts);
        let mut loaded = decoded.records;
        let pending = self.pending();
        // This tab's changes still being saved win; records the store does not have (yet)
        // stay on screen; everything else is as stored.
        self.set_records.update(|mine| {
            let mut index: HashMap<String, usize> = loaded
                .iter()
                .enumerate()
                .map(|(i, r)| (r.id().to_string(), i))
                .collect();
            for record in mine.drain(..) {
                match index.get(record.id()) {
                    Some(&i) if pending.contains(record.id()) => loaded[i] = record,
                    Some(_) => {}
                    None => {
                        index.insert(record.id().to_string(), loaded.len());
                        loaded.push(record);
                    }
                }
            }
            *mine = loaded;
        });
        self.replay_journal();
        mark(&format!("cs:{kind}:read-end"));
    }

    /// Record ids changed here and not yet stored.
    fn pending(self) -> HashSet<String> {
        let mut ids: HashSet<String> = self
            .dirty
            .with_untracked(|d| d.iter().map(|(id, _)| id.clone()).collect());
        self.queue.with_value(|q| ids.extend(q.iter().cloned()));
        ids
    }

    fn kick(self) {
        if self.running.get_value() {
            return;
        }
        self.running.set_value(true);
        spawn_local(async move {
            loop {
                let batch = self
                    .queue
                    .try_update_value(std::mem::take)
                    .unwrap_or_default();
                if batch.is_empty() {
                    break;
                }
                self.write(batch).await;
            }
            self.running.set_value(false);
            // Changes made while the last batch was written are still marked dirty: the
            // effect will start the writer again, and it will clear this then.
            if self.dirty.with_untracked(Vec::is_empty) {
                self.set_saving.set(false);
            }
        });
    }

    /// Writes the current version of each record as a child of the revision read here.
    async fn write(self, record_ids: Vec<String>) {
        let wanted: HashSet<&str> = record_ids.iter().map(String::as_str).collect();
        let records: HashMap<String, T> = self.records.with_untracked(|all| {
            all.iter()
                .filter(|r| wanted.contains(r.id()))
                .map(|r| (r.doc_id(), r.clone()))
                .collect()
        });
        let bodies: HashMap<String, Body> = records
            .iter()
            .filter_map(|(id, r)| Some((id.clone(), Body::of(r)?)))
            .collect();
        let ids: Vec<String> = bodies.keys().cloned().collect();
        let parents = self.revs.get_value();
        let mut skipped = vec![];
        let mut change = |id: &str, stored: Option<&str>| {
            let Some(body) = bodies.get(id) else {
                return Ok(None);
            };
            let mut tree = match stored.map(serde_json::from_str::<DocTree>) {
                None => DocTree::new(id),
                Some(Ok(tree)) => tree,
                // A damaged document is never overwritten.
                Some(Err(_)) => {
                    skipped.push(id.to_string());
                    return Ok(None);
                }
            };
            let parent = parents.get(id).map(String::as_str);
            // What a newer version (or the server) put in the document and this one does
            // not know goes on with the edit.
            let continued = parent.and_then(|p| tree.body_at(p)).or(tree.current());
            let body = &carried::<T>(body.clone(), continued);
            if tree.current() == Some(body) && tree.conflicts().is_empty() {
                return Ok(None);
            }
            tree.edit(parent, Some(body.clone()), false);
            // A stale tab's edit of other fields than the fresh one's merges by itself.
            tree.auto_merge();
            // Usually ours is the winner: its index fields need no decoding.
            Ok(Some(if tree.current() == Some(body) {
                StoredDoc::with(tree, records.get(id))
            } else {
                StoredDoc::of::<T>(tree)
            }))
        };
        let result = doc_store::update(&ids, &mut change).await;
        if result.is_ok() {
            self.forget_journaled(&bodies);
        }
        self.refused.update_value(|refused| {
            for id in &ids {
                match result {
                    Ok(_) => drop(refused.remove(id)),
                    Err(_) => drop(refused.insert(id.clone())),
                }
            }
        });
        for id in skipped {
            report(self.problems, StoreError::CorruptRecord { id });
        }
        self.written(result);
    }

    /// After a write: this tab's revisions, records and conflicts follow what was stored,
    /// and the other tabs hear of it. A failed write leaves the change on screen (and in a
    /// backup export); what was stored before is intact.
    fn written(self, result: Result<Vec<StoredDoc>, StoreError>) {
        match result {
            Ok(rows) => {
                for row in &rows {
                    self.apply(&row.tree);
                }
                let ids: Vec<String> = rows.into_iter().map(|r| r.id).collect();
                if !ids.is_empty() {
                    broadcast::announce(&ids);
                }
            }
            Err(problem) => report(self.problems, problem),
        }
    }

    /// Takes a stored tree in: its revision, its winner on screen, its conflicts.
    fn apply(self, tree: &DocTree) {
        let Some(winner) = tree.winner() else {
            return;
        };
        self.revs
            .update_value(|r| drop(r.insert(tree.id.clone(), winner.rev.clone())));
        let shown: Option<T> = tree.current().and_then(Body::decode);
        let shown = shown.as_ref();
        let record_id = tree.id.split_once(':').map_or("", |(_, id)| id);
        let differs = self
            .records
            .with_untracked(|all| all.iter().find(|r| r.id() == record_id) != shown);
        if differs {
            self.set_records.update(|all| match shown {
                Some(record) => upsert(all, record.clone()),
                None => all.retain(|r| r.id() != record_id),
            });
        }
        let others = conflicting_versions::<T>(tree);
        let had = self
            .conflicts
            .with_untracked(|c| c.iter().any(|x| x.doc_id == tree.id));
        if had || !others.is_empty() {
            self.set_conflicts.update(|c| {
                c.retain(|x| x.doc_id != tree.id);
                if !others.is_empty() {
                    c.push(Conflict {
                        doc_id: tree.id.clone(),
                        others,
                    });
                }
            });
        }
    }
}
