//! Archiving on this phone (`domain::archive` decides which reports may leave): the backup
//! file that holds them is downloaded first, then the reports leave the document store
//! with their notes written in the same transaction, and their photos go. Leaving is no
//! change a sync pushes (the server keeps them), and a pull passes over them
//! (`platform::replicator`). A report comes back from a backup file as the revision that
//! left, or is asked back from the server for the next sync pass. The chosen age is kept
//! in localStorage (`cs.archive.age`), so erase-all removes it with the rest.

use std::collections::HashSet;

use leptos::prelude::*;

use super::documents::DocSet;
use super::records::Records;
use super::sync::Sync;
use super::sync_waiting::written_since_sync;
use crate::domain::Millis;
use crate::domain::archive::{ArchiveAge, ArchivedReport, NotInBackup, Stays, may_archive};
use crate::domain::report::Report;
use crate::format::archive::{META_KEY, doc_id, read, restored, rev_path, write};
use crate::format::backup::Backup;
use crate::format::documents::Document;
use crate::format::error::StoreError;
use crate::format::replication::databases::replications;
use crate::format::revision::DocTree;
use crate::platform::local_storage::{read_raw, write_raw};
use crate::platform::{broadcast, doc_store, photos};

const AGE_KEY: &str = "cs.archive.age";

/// The age chosen on this phone (six months until someone chooses).
pub fn chosen_age() -> ArchiveAge {
    read_raw(AGE_KEY)
        .ok()
        .flatten()
        .and_then(|k| ArchiveAge::from_key(&k))
        .unwrap_or_default()
}

pub fn choose_age(age: ArchiveAge) {
    let _ = write_raw(AGE_KEY, age.key());
}

/// The notes of what is archived now (a sync may have brought some back since).
pub async fn notes() -> Vec<ArchivedReport> {
    read(
        doc_store::meta_get(META_KEY)
            .await
            .ok()
            .flatten()
            .as_deref(),
    )
}

/// Which reports may leave now, and how many stay for a reason the person can act on.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Plan {
    pub ready: Vec<String>,
    pub unsent: usize,
    pub two_versions: usize,
}

/// Whether this phone syncs with an account (then "unsent" means something).
fn signed_in(sync: Option<Sync>) -> bool {
    sync.is_some_and(|s| s.config.with_untracked(|c| c.on && c.user.is_some()))
}

/// The reports of this phone that may leave now, by the rule, at `age`.
pub async fn plan(
    reports: DocSet<Report>,
    sync: Option<Sync>,
    age: ArchiveAge,
    now: Millis,
) -> Result<Plan, StoreError> {
    let unsent: HashSet<String> = if signed_in(sync) {
        written_since_sync().await?
    } else {
        HashSet::new()
    };
    let two: HashSet<String> = reports
        .conflicts
        .with_untracked(|c| c.iter().map(|x| x.doc_id.clone()).collect());
    let mut plan = Plan::default();
    reports.records.with_untracked(|all| {
        for r in all {
            let id = r.doc_id();
            let waiting = unsent.contains(&id) || reports.unsaved(&r.id);
            match may_archive(r, now, age, waiting, two.contains(&id)) {
                Ok(()) => plan.ready.push(r.id.clone()),
                Err(Stays::Unsent) => plan.unsent += 1,
                Err(Stays::TwoVersions) => plan.two_versions += 1,
                Err(_) => {}
            }
        }
    });
    Ok(plan)
}

/// Archives the reports `ids` (a plan's, checked again now): the backup file is written
/// first (by `backup`, which returns its name), then the reports and their photos leave.
/// The notes of what left.
pub async fn archive(
    reports: DocSet<Report>,
    records: Records,
    sync: Option<Sync>,
    age: ArchiveAge,
    now: Millis,
    backup: impl std::future::Future<Output = String>,
) -> Result<Vec<ArchivedReport>, StoreError> {
    let ready = plan(reports, sync, age, now).await?.ready;
    if ready.is_empty() {
        return Ok(vec![]);
    }
    let file = backup.await;
    let leaving: Vec<Report> = records.reports.with_untracked(|all| {
        all.iter()
            .filter(|r| ready.contains(&r.id))
            .cloned()
            .collect()
    });
    let ids: Vec<String> = leaving.iter().map(Document::doc_id).collect();
    let trees = doc_store::read_many(&ids).await?;
    let user = sync.and_then(|s| s.status.with_untracked(|st| st.user.clone()));
    let databases = user.map(|u| replications(&u, &[])).unwrap_or_default();
    let mut left = notes().await;
    let mut added = vec![];
    for (report, json) in leaving.iter().zip(trees) {
        let Some(tree) = json.and_then(|j| serde_json::from_str::<DocTree>(&j).ok()) else {
            continue;
        };
        let Some(rev) = rev_path(&tree) else {
            continue;
        };
        let server_db = databases
            .iter()
            .find(|rep| rep.sends("report", &report.compound) && rep.sends_tree(&tree))
            .map(|rep| rep.db.clone());
        added.push(ArchivedReport::of(report, rev, now, &file, server_db));
    }
    let gone: Vec<String> = added.iter().map(doc_id).collect();
    left.retain(|n| !added.iter().any(|a| a.id == n.id));
    left.extend(added.iter().cloned());
    doc_store::remove_noting(&gone, &[(META_KEY, &write(&left))]).await?;
    for report in leaving
        .iter()
        .filter(|r| added.iter().any(|a| a.id == r.id))
    {
        for key in &report.photos {
            let _ = photos::delete(key).await;
        }
    }
    // Every tab, this one too, reads them again: gone, they leave the pages.
    broadcast::announce_arrived(&gone);
    Ok(added)
}

/// Why a report did not come back.
#[derive(Clone, Debug, PartialEq)]
pub enum NotBack {
    File(NotInBackup),
    Store(StoreError),
}

/// Brings an archived report back from a backup file (checked whole already): its photos
/// first, then the report as the revision that left, its note gone in the same
/// transaction.
pub async fn restore_from_backup(note: &ArchivedReport, backup: &Backup) -> Result<(), NotBack> {
    let report =
        crate::domain::archive::from_backup(note, &backup.reports).map_err(NotBack::File)?;
    for photo in backup
        .photos
        .iter()
        .filter(|p| report.photos.contains(&p.key))
    {
        photos::put(&photo.key, &photo.data_url)
            .await
            .map_err(|e| {
                NotBack::Store(StoreError::Other {
                    key: photo.key.clone(),
                    detail: e.0,
                })
            })?;
    }
    let left: Vec<ArchivedReport> = notes()
        .await
        .into_iter()
        .filter(|n| n.id != note.id)
        .collect();
    let id = doc_id(note);
    let mut change = |id: &str, stored: Option<&str>| match stored {
        // Already back (a sync brought it meanwhile): the note goes, the report stays.
        Some(_) => Ok(None),
        None => restored(note, report)
            .map(Some)
            .ok_or_else(|| StoreError::CorruptRecord { id: id.into() }),
    };
    doc_store::update_noting(
        std::slice::from_ref(&id),
        &mut change,
        &[(META_KEY, &write(&left))],
    )
    .await
    .map_err(NotBack::Store)?;
    broadcast::announce_arrived(&[id]);
    Ok(())
}

/// Asks an archived report back from the server: the next sync pass fetches it.
pub async fn ask_back(report_id: &str) -> Result<(), StoreError> {
    let mut all = notes().await;
    for n in all.iter_mut().filter(|n| n.id == report_id) {
        n.wanted = true;
    }
    doc_store::update_noting(&[], &mut |_, _| Ok(None), &[(META_KEY, &write(&all))]).await?;
    crate::platform::replicator::wake();
    Ok(())
}
