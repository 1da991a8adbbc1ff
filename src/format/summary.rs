//! Summary packages: what a steward sends the district office — their compounds' reports
//! (without reporters' names and phones), the mediation and arrears logs, the roster
//! changes and the compounds as edited — as one versioned JSON file. Entries are the
//! documents themselves (`_id`, `_rev` and the record's fields, CouchDB's shape), so the
//! office can merge several stewards' files by id, keeping of each document the revision
//! CouchDB would pick: a report held by several phones counts once. Checked whole before
//! anything is kept, so a refused file changes nothing.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use super::documents::{DocKind, Document, doc_id, held_rev};
use super::merge::Record;
use super::revision::split_rev;
use crate::domain::Millis;
use crate::domain::compound::Compound;
use crate::domain::compound_facts::{Facts, FactsInput};
use crate::domain::handoff::check_copy;
use crate::domain::limits::{NAME_MAX, check_text};
use crate::domain::logs::{check_arrears, check_mediation, mask_parties};
use crate::domain::records::{ArrearsRecovery, Mediation};
use crate::domain::report::Report;
use crate::domain::roster_edit::RosterChange;
use crate::domain::steward::Role;

pub const FORMAT: &str = "compound-steward-summary";
pub const VERSION: u32 = 1;
/// 10,000 reports of ~1 KB each with room: a district's year from one steward.
pub const MAX_BYTES: usize = 32 * 1024 * 1024;

/// A document as CouchDB shows one: its id and revision beside the record's fields.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Doc<T> {
    #[serde(rename = "_id")]
    pub id: String,
    #[serde(rename = "_rev")]
    pub rev: String,
    #[serde(flatten)]
    pub body: T,
}

/// Who sent a package: the steward as their profile names them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Source {
    /// Stable per steward (derived from their phone number), so a newer file from the
    /// same steward replaces the older one.
    pub id: String,
    pub name: String,
    pub role: Role,
    pub compounds: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SummaryPackage {
    pub format: String,
    pub version: u32,
    pub source: Source,
    pub exported_at: Millis,
    pub reports: Vec<Doc<Report>>,
    pub mediations: Vec<Doc<Mediation>>,
    pub arrears: Vec<Doc<ArrearsRecovery>>,
    pub changes: Vec<Doc<RosterChange>>,
    pub compounds: Vec<Doc<Compound>>,
    /// When the office imported it (set on import; a steward's file has none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub imported_at: Option<Millis>,
}

/// The office keeps each source's latest package as one document, under its source id.
impl Record for SummaryPackage {
    fn id(&self) -> &str {
        &self.source.id
    }
    fn updated_at(&self) -> Millis {
        self.exported_at
    }
}

impl Document for SummaryPackage {
    const KIND: DocKind = DocKind::Package;
    fn compound_id(&self) -> &str {
        ""
    }
}

/// A record as the document it is stored as, at revision `rev`.
pub fn doc_of<T: Document>(body: T, rev: String) -> Doc<T> {
    Doc {
        id: body.doc_id(),
        rev,
        body,
    }
}

/// A report as it leaves for the district: without who reported it.
pub fn for_district(mut r: Report) -> Report {
    r.reporter_name = None;
    r.reporter_phone = None;
    r.share_phone = false;
    r
}

/// A mediation as it leaves for the district: the parties masked.
pub fn mediation_for_district(mut m: Mediation) -> Mediation {
    m.parties = mask_parties(&m.parties);
    m
}

/// What a steward's device holds, for a package.
pub struct Held<'a> {
    pub reports: &'a [Report],
    pub mediations: &'a [Mediation],
    pub arrears: &'a [ArrearsRecovery],
    pub changes: &'a [RosterChange],
    /// The compounds as edited on this device.
    pub compounds: &'a [Compound],
}

/// The package of the steward's compounds: live, submitted reports without their
/// reporters, logs with parties masked, roster changes and edited compounds, each at
/// the revision this device holds (`rev_of` a document id).
pub fn build_package(
    source: Source,
    held: Held,
    rev_of: impl Fn(&str) -> Option<String>,
    now: Millis,
) -> SummaryPackage {
    let mine = |compound: &str| source.compounds.iter().any(|c| c == compound);
    fn docs<T: Document>(
        records: &[T],
        keep: impl Fn(&T) -> bool,
        shape: impl Fn(T) -> T,
        rev_of: &impl Fn(&str) -> Option<String>,
    ) -> Vec<Doc<T>> {
        records
            .iter()
            .filter(|r| keep(r))
            .map(|r| {
                let rev = held_rev(rev_of(&r.doc_id()), r);
                doc_of(shape(r.clone()), rev)
            })
            .collect()
    }
    SummaryPackage {
        format: FORMAT.into(),
        version: VERSION,
        exported_at: now,
        reports: docs(
            held.reports,
            |r| mine(&r.compound) && !r.deleted && r.submitted_at().is_some(),
            for_district,
            &rev_of,
        ),
        mediations: docs(
            held.mediations,
            |m| mine(&m.compound) && !m.deleted,
            mediation_for_district,
            &rev_of,
        ),
        arrears: docs(
            held.arrears,
            |a| mine(&a.compound) && !a.deleted,
            |a| a,
            &rev_of,
        ),
        changes: docs(held.changes, |c| mine(&c.compound), |c| c, &rev_of),
        compounds: docs(held.compounds, |c| mine(&c.id), |c| c, &rev_of),
        imported_at: None,
        source,
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PackageError {
    TooLarge,
    NotJson,
    /// JSON, but not a summary package (a backup, say).
    NotAPackage,
    /// Made by a newer version of the app.
    NewerVersion(u32),
    /// Names the entry and what is wrong with it.
    BadEntry(String, &'static str),
    Duplicate(String),
    /// The office already has this steward's package from this time or later.
    NotNewer,
}

/// The package in `text`, checked whole; `held` is the office's package from the same
/// source, if any. `now` bounds the dates a log may carry.
pub fn read_package(
    text: &str,
    held: impl Fn(&str) -> Option<Millis>,
    now: Millis,
) -> Result<SummaryPackage, PackageError> {
    if text.len() > MAX_BYTES {
        return Err(PackageError::TooLarge);
    }
    // One parse on the way in; only a file that is not a package is read again, to say why.
    let package: SummaryPackage = serde_json::from_str(text).map_err(|_| why_not(text))?;
    if package.format != FORMAT {
        return Err(PackageError::NotAPackage);
    }
    if package.version != VERSION {
        return Err(why_not(text));
    }
    check(&package, now)?;
    if held(&package.source.id).is_some_and(|at| at >= package.exported_at) {
        return Err(PackageError::NotNewer);
    }
    Ok(SummaryPackage {
        imported_at: Some(now),
        ..package
    })
}

/// Why a text is not a package this version reads: not JSON, another format, a newer
/// version, or a package whose entries do not have the records' shape.
fn why_not(text: &str) -> PackageError {
    let Ok(value) = serde_json::from_str::<serde_json::Value>(text) else {
        return PackageError::NotJson;
    };
    if value.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
        return PackageError::NotAPackage;
    }
    match value.get("version").and_then(serde_json::Value::as_u64) {
        Some(v) if v > u64::from(VERSION) => PackageError::NewerVersion(v as u32),
        Some(v) if v == u64::from(VERSION) => PackageError::BadEntry(String::new(), "shape"),
        _ => PackageError::NotAPackage,
    }
}

fn check(p: &SummaryPackage, now: Millis) -> Result<(), PackageError> {
    let bad = |id: &str, what| Err(PackageError::BadEntry(id.to_string(), what));
    let id_like = |s: &str| !s.is_empty() && s.len() <= 64 && !s.contains(char::is_whitespace);
    if !id_like(&p.source.id) || check_text(&p.source.name, NAME_MAX, true).is_err() {
        return bad(&p.source.id, "source");
    }
    if p.exported_at > now + 86_400_000 {
        return bad(&p.source.id, "exported_at");
    }
    entries(&p.reports, |r| {
        if r.reporter_name.is_some() || r.reporter_phone.is_some() {
            return Err("reporter");
        }
        check_copy(r).map_err(|_| "report")
    })?;
    entries(&p.mediations, |m| {
        check_mediation(m, now)
            .is_empty()
            .then_some(())
            .ok_or("mediation")
    })?;
    entries(&p.arrears, |a| {
        check_arrears(a, now)
            .is_empty()
            .then_some(())
            .ok_or("arrears")
    })?;
    entries(&p.changes, |c| {
        id_like(&c.compound).then_some(()).ok_or("change")
    })?;
    entries(&p.compounds, |c| {
        let facts_ok = FactsInput::of(&Facts::of(c)).check().is_ok();
        (id_like(&c.id) && facts_ok).then_some(()).ok_or("compound")
    })
}

/// Each entry's id matches its record, its revision is `N-hash`, no id twice, and the
/// record passes `valid`.
fn entries<T: Document>(
    docs: &[Doc<T>],
    valid: impl Fn(&T) -> Result<(), &'static str>,
) -> Result<(), PackageError> {
    let mut seen = HashSet::new();
    for d in docs {
        let named = |what| PackageError::BadEntry(d.id.clone(), what);
        if d.id != doc_id(T::KIND, d.body.id()) {
            return Err(named("_id"));
        }
        if split_rev(&d.rev).is_none() {
            return Err(named("_rev"));
        }
        if !seen.insert(d.id.as_str()) {
            return Err(PackageError::Duplicate(d.id.clone()));
        }
        valid(&d.body).map_err(named)?;
    }
    Ok(())
}

/// CouchDB's order of revisions: the higher generation, then the higher hash.
fn rev_key(rev: &str) -> (u32, &str) {
    split_rev(rev).unwrap_or((0, ""))
}

/// A copy of a document to merge: its id, its revision and the record.
pub type Copy<'a, T> = (&'a str, &'a str, &'a T);

impl<T> Doc<T> {
    pub fn copy(&self) -> Copy<'_, T> {
        (&self.id, &self.rev, &self.body)
    }
}

/// One record per document id over all the copies given, each the revision CouchDB would
/// pick as the winner (a later revision of the same history always wins). Only the
/// winners are cloned.
pub fn merged<'a, T: Clone + 'a>(copies: impl IntoIterator<Item = Copy<'a, T>>) -> Vec<T> {
    let mut best: HashMap<&str, Copy<'a, T>> = HashMap::new();
    for copy in copies {
        match best.get(copy.0) {
            Some(held) if rev_key(held.1) >= rev_key(copy.1) => {}
            _ => {
                best.insert(copy.0, copy);
            }
        }
    }
    let mut winners: Vec<Copy<'a, T>> = best.into_values().collect();
    winners.sort_by(|a, b| a.0.cmp(b.0));
    winners
        .into_iter()
        .map(|(_, _, body)| body.clone())
        .collect()
}

#[cfg(test)]
#[path = "summary_tests.rs"]
mod tests;
