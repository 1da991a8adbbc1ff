//! Republishing a built site after a roster changed, without the Rust toolchain: the
//! server's publishing job and the office's command (`deploy/publish.mjs`) run this,
//! compiled to a wasm module (`src/bin/prerender.rs`), on the built site's own files. The
//! files it returns are the pre-render's own (`building_pages`, `compound_files`,
//! `compound_pages`, `home_page`), so a republished card is the card the build writes.
//!
//! A source is a steward's 「导出我的修改」 file (JSON), a roster CSV, a roster document
//! as the server holds it (`compound:<id>`), or one of the office's records that residents
//! see a summary of (`committee:<compound>`, `contract:<id>`: `records`). Every compound is
//! checked as a roster import checks it (`roster::check`: each field, each row) before
//! anything is returned; one refusal refuses the whole run, so a refused file changes
//! nothing.

use super::{
    CardWriter, NoShell, StaticPage, building_pages, compound_files, compound_pages, home_page,
    records,
};
use crate::domain::Millis;
use crate::domain::compound::Compound;
use crate::domain::dataset::Dataset;
use crate::domain::governance::committee::Committee;
use crate::domain::governance::contract::ServiceContract;
use crate::domain::governance::public::Put;
use crate::format::changes;
use crate::format::collections::DATASET_SCHEMA;
use crate::format::documents::{DocKind, doc_id};
use crate::format::envelope::{decode, encode};
use crate::format::json::ViaSerde;
use crate::format::migrations;
use crate::format::publish_refusal::PublishRefusal;
use crate::format::roster::{self, RosterError};
use crate::i18n::Strings;

/// The built site's files a republish starts from.
pub struct Site<'a> {
    /// `data/district.json`.
    pub dataset: &'a str,
    /// `card/index.html`: the card entry's page, every card's template.
    pub card_template: &'a str,
    /// `compounds/index.html`: the browse entry's page (`/`, a compound's path).
    pub browse_template: &'a str,
    /// `data/records.json` (empty when the site has none yet).
    pub records: &'a str,
    /// The sources are the server's `district` documents (the publishing job): only there
    /// is a `committee:` or `contract:` document the office's own (validate_doc_update.js
    /// lets no one else write one). The office's command, fed files by hand, takes rosters
    /// alone: a record document among its files is refused.
    pub from_district: bool,
}

/// What a republish writes, and which compounds it changed.
#[derive(Debug)]
pub struct Republished {
    pub files: Vec<StaticPage>,
    /// Compounds whose roster was newer than the published one, and is now published
    /// (by id), and records whose summary is (by document id: `committee:<compound>`).
    pub published: Vec<String>,
    /// Compounds and records already published as new or newer: not rewritten.
    pub unchanged: Vec<String>,
}

/// The files of `site` that show the compounds in `sources`, when every source is
/// accepted; otherwise every refusal.
pub fn republish(
    site: &Site,
    sources: &[&str],
    now: Millis,
    s: &Strings,
    card: CardWriter,
) -> Result<Republished, Vec<PublishRefusal>> {
    let mut dataset: Dataset = decode("dataset", site.dataset, DATASET_SCHEMA, migrations::none)
        .map_err(|_| vec![PublishRefusal::Dataset])?;
    let mut refused = Vec::new();
    let mut incoming = Incoming::default();
    for text in sources {
        if let Err(mut e) = read_source(text, &dataset.compounds, now, &mut incoming) {
            refused.append(&mut e);
        }
    }
    let mut published_records = records::read(site.records).map_err(|e| vec![e]);
    // Unreadable published records refuse only a run that would write them.
    let records_in = incoming.committees.len() + incoming.contracts.len() + incoming.deleted.len();
    if records_in > 0 && !site.from_district {
        refused.push(PublishRefusal::RecordByHand);
    } else if let (true, Err(e)) = (records_in > 0, &mut published_records) {
        refused.append(e);
    }
    if !refused.is_empty() {
        return Err(refused);
    }
    let mut changed = Vec::new();
    let mut unchanged = Vec::new();
    // The office's records: each summary put in place of an older one.
    let mut records_changed = Vec::new();
    if let Ok(published) = &mut published_records {
        let mut note = |put: Put, id: String| match put {
            Put::Changed => records_changed.push(id),
            Put::Unchanged => unchanged.push(id),
        };
        for c in &incoming.committees {
            note(
                published.put_committee(c),
                doc_id(DocKind::Committee, &c.id),
            );
        }
        for k in &incoming.contracts {
            note(published.put_contract(k), doc_id(DocKind::Contract, &k.id));
        }
        for id in &incoming.deleted {
            let put = match id.split_once(':') {
                Some((kind, own)) if kind == DocKind::Committee.key() => {
                    published.remove_committee(own)
                }
                Some((_, own)) => published.remove_contract(own),
                None => Put::Unchanged,
            };
            note(put, id.clone());
        }
    }
    for c in incoming.compounds {
        match dataset.compounds.iter_mut().find(|p| p.id == c.id) {
            Some(p) if p.updated_at >= c.updated_at => unchanged.push(c.id.clone()),
            Some(p) => {
                *p = c.clone();
                changed.push(c);
            }
            None => {
                dataset.compounds.push(c.clone());
                changed.push(c);
            }
        }
    }
    changed.dedup_by(|a, b| a.id == b.id);
    let mut files = Vec::new();
    if !changed.is_empty() {
        dataset.published_at = dataset.published_at.max(now);
        let alone = Dataset {
            district: dataset.district.clone(),
            compounds: changed.clone(),
            published_at: dataset.published_at,
        };
        let no_shell = |_: NoShell| vec![PublishRefusal::NoShell];
        files.extend(building_pages(site.card_template, &alone, s, card).map_err(no_shell)?);
        files.extend(compound_pages(site.browse_template, &alone));
        files.extend(compound_files(&alone));
        files.push(StaticPage {
            path: "index.html".into(),
            html: home_page(site.browse_template, &dataset, s).map_err(no_shell)?,
        });
        files.push(StaticPage {
            path: "data/district.json".into(),
            html: encode(DATASET_SCHEMA, &ViaSerde(&dataset)),
        });
    }
    if let (false, Ok(published)) = (records_changed.is_empty(), &published_records) {
        files.push(records::file(published));
    }
    let mut published: Vec<String> = changed.into_iter().map(|c| c.id).collect();
    published.append(&mut records_changed);
    Ok(Republished {
        files,
        published,
        unchanged,
    })
}

/// What the sources carry, each part checked.
#[derive(Default)]
struct Incoming {
    compounds: Vec<Compound>,
    committees: Vec<Committee>,
    contracts: Vec<ServiceContract>,
    /// Record documents deleted on the server (`committee:…`, `contract:…`).
    deleted: Vec<String>,
}

/// What one source carries, each compound checked as an import checks it, into `into`.
fn read_source(
    text: &str,
    published: &[Compound],
    now: Millis,
    into: &mut Incoming,
) -> Result<(), Vec<PublishRefusal>> {
    let text = text.trim_start_matches('\u{FEFF}');
    if !text.trim_start().starts_with('{') {
        // A roster CSV (「导出我的修改（CSV 名册）」 or the roster export): the import itself.
        let checked = roster::check(text, published, now);
        if checked.refused.is_empty() {
            into.compounds.extend(checked.compounds);
            return Ok(());
        }
        return Err(checked
            .refused
            .into_iter()
            .map(PublishRefusal::Csv)
            .collect());
    }
    let unreadable = |e: serde_json::Error| vec![PublishRefusal::Unreadable(e.to_string())];
    let value: serde_json::Value = serde_json::from_str(text).map_err(unreadable)?;
    if read_record(&value, into).map_err(unreadable)? {
        return Ok(());
    }
    let compounds: Vec<Compound> = if let Some(id) = value.get("_id") {
        // A roster document from the server: `compound:<id>`, live.
        let doc: Compound = serde_json::from_value(value.clone()).map_err(unreadable)?;
        if id.as_str() != Some(&format!("compound:{}", doc.id)) {
            return Err(vec![PublishRefusal::WrongId(id.to_string())]);
        }
        if value.get("_deleted") == Some(&serde_json::Value::Bool(true)) {
            return Err(vec![PublishRefusal::Deleted(doc.id)]);
        }
        vec![doc]
    } else {
        let format = value.get("format").and_then(|f| f.as_str()).unwrap_or("");
        let version = value.get("version").and_then(|v| v.as_u64());
        if format != changes::FORMAT || version != Some(u64::from(changes::VERSION)) {
            return Err(vec![PublishRefusal::WrongFormat(format!(
                "{format} {}",
                version.unwrap_or(0)
            ))]);
        }
        serde_json::from_value(value.get("compounds").cloned().unwrap_or_default())
            .map_err(unreadable)?
    };
    let mut refused = Vec::new();
    let mut checked = Vec::new();
    for c in compounds {
        match check(c) {
            Ok(c) => checked.push(c),
            Err(mut e) => refused.append(&mut e),
        }
    }
    if refused.is_empty() {
        into.compounds.extend(checked);
        Ok(())
    } else {
        Err(refused)
    }
}

/// An office record residents see a summary of (`committee:…`, `contract:…`), read into
/// `into`; `false`: the document is no such record. Its fields were checked when it was
/// written (the server's validate_doc_update.js); its `_id` must be its own.
fn read_record(value: &serde_json::Value, into: &mut Incoming) -> Result<bool, serde_json::Error> {
    let id = value.get("_id").and_then(|v| v.as_str()).unwrap_or("");
    let kinds = [DocKind::Committee, DocKind::Contract];
    let is_record = kinds.iter().any(|k| id.starts_with(&doc_id(*k, "")));
    if is_record && value.get("_deleted") == Some(&serde_json::Value::Bool(true)) {
        // The server's tombstone (`{_id, _rev, _deleted}`): the record is gone.
        into.deleted.push(id.to_string());
        return Ok(true);
    }
    if let Some(compound) = id.strip_prefix(&doc_id(DocKind::Committee, "")) {
        let c: Committee = serde_json::from_value(value.clone())?;
        if c.id != compound || c.compound != compound {
            return Err(serde::de::Error::custom(format!("_id {id}")));
        }
        into.committees.push(c);
        return Ok(true);
    }
    if let Some(own) = id.strip_prefix(&doc_id(DocKind::Contract, "")) {
        let k: ServiceContract = serde_json::from_value(value.clone())?;
        if k.id != own {
            return Err(serde::de::Error::custom(format!("_id {id}")));
        }
        into.contracts.push(k);
        return Ok(true);
    }
    Ok(false)
}

/// A whole compound, checked field by field as the roster import checks it: written out as
/// its roster CSV and read back. What is published is the compound as it came (its
/// notices and its stewards' own times, which the CSV does not carry), once every field
/// the CSV carries has passed.
fn check(c: Compound) -> Result<Compound, Vec<PublishRefusal>> {
    if c.deleted {
        return Err(vec![PublishRefusal::Deleted(c.id)]);
    }
    let csv = roster::export(std::slice::from_ref(&c));
    let checked = roster::check(&csv, std::slice::from_ref(&c), c.updated_at);
    let read_back = checked.compounds.iter().any(|read| read.id == c.id);
    match (checked.refused.is_empty(), read_back) {
        (true, true) => Ok(c),
        (true, false) => Err(vec![PublishRefusal::Roster(c.id, RosterError::Empty)]),
        (false, _) => Err(checked
            .refused
            .into_iter()
            .map(|e| PublishRefusal::Roster(c.id.clone(), e))
            .collect()),
    }
}

#[cfg(test)]
#[path = "publish_tests.rs"]
mod tests;
