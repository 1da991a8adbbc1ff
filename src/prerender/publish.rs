//! Republishing a built site after a roster changed, without the Rust toolchain: the
//! server's publishing job and the office's command (`deploy/publish.mjs`) run this,
//! compiled to a wasm module (`src/bin/prerender.rs`), on the built site's own files. The
//! files it returns are the pre-render's own (`building_pages`, `compound_files`,
//! `compound_pages`, `home_page`), so a republished card is the card the build writes.
//!
//! A source is a steward's 「导出我的修改」 file (JSON), a roster CSV, or a roster document
//! as the server holds it (`compound:<id>`). Every compound is checked as a roster import
//! checks it (`roster::check`: each field, each row) before anything is returned; one
//! refusal refuses the whole run, so a refused file changes nothing.

use super::{
    CardWriter, NoShell, StaticPage, building_pages, compound_files, compound_pages, home_page,
};
use crate::domain::Millis;
use crate::domain::compound::Compound;
use crate::domain::dataset::Dataset;
use crate::format::changes;
use crate::format::collections::DATASET_SCHEMA;
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
}

/// What a republish writes, and which compounds it changed.
#[derive(Debug)]
pub struct Republished {
    pub files: Vec<StaticPage>,
    /// Compounds whose roster was newer than the published one, and is now published.
    pub published: Vec<String>,
    /// Compounds already published as new or newer: their files are not rewritten.
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
    let mut incoming: Vec<Compound> = Vec::new();
    for text in sources {
        match read_source(text, &dataset.compounds, now) {
            Ok(list) => incoming.extend(list),
            Err(mut e) => refused.append(&mut e),
        }
    }
    if !refused.is_empty() {
        return Err(refused);
    }
    let mut changed = Vec::new();
    let mut unchanged = Vec::new();
    for c in incoming {
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
    Ok(Republished {
        files,
        published: changed.into_iter().map(|c| c.id).collect(),
        unchanged,
    })
}

/// The compounds one source carries, each checked as an import checks it.
fn read_source(
    text: &str,
    published: &[Compound],
    now: Millis,
) -> Result<Vec<Compound>, Vec<PublishRefusal>> {
    let text = text.trim_start_matches('\u{FEFF}');
    if !text.trim_start().starts_with('{') {
        // A roster CSV (「导出我的修改（CSV 名册）」 or the roster export): the import itself.
        let checked = roster::check(text, published, now);
        if checked.refused.is_empty() {
            return Ok(checked.compounds);
        }
        return Err(checked
            .refused
            .into_iter()
            .map(PublishRefusal::Csv)
            .collect());
    }
    let unreadable = |e: serde_json::Error| vec![PublishRefusal::Unreadable(e.to_string())];
    let value: serde_json::Value = serde_json::from_str(text).map_err(unreadable)?;
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
        Ok(checked)
    } else {
        Err(refused)
    }
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
mod tests {
    use super::super::tests::card;
    use super::*;
    use crate::domain::steward::{Role, Scope};
    use crate::i18n::{Lang, strings};

    const CARD: &str = "<html><head><title>小区管家</title><link rel=\"preload\" href=\"/data/district.json\" as=\"fetch\"></head><body>\
        <div id=\"shell\"><p>正在加载…</p></div><!-- /shell --></body></html>";
    const DATASET: &str = include_str!("../../public/data/district.json");

    fn site() -> Site<'static> {
        Site {
            dataset: DATASET,
            card_template: CARD,
            browse_template: CARD,
        }
    }

    fn published() -> Dataset {
        decode("d", DATASET, DATASET_SCHEMA, migrations::none).unwrap()
    }

    fn doc(c: &Compound) -> String {
        let mut v = serde_json::to_value(c).unwrap();
        v["_id"] = format!("compound:{}", c.id).into();
        v["_rev"] = "2-abc".into();
        v.to_string()
    }

    #[test]
    fn every_published_compound_passes_the_import_check_unchanged() {
        for c in published().compounds {
            assert_eq!(check(c.clone()), Ok(c.clone()), "{}", c.id);
        }
    }

    #[test]
    fn a_newer_roster_document_rewrites_its_cards_data_and_the_directory() {
        let mut c = published().compounds[0].clone();
        // Building 1's own 红管家: the one its card shows.
        let red = c
            .stewards
            .iter_mut()
            .find(|p| {
                p.role == Role::Red
                    && p.scope
                        == Scope::Building {
                            building: "1".into(),
                        }
            })
            .unwrap();
        red.phone = "13912345678".into();
        c.updated_at += 1000;
        let out = republish(&site(), &[&doc(&c)], 7, strings(Lang::Zh), &card).unwrap();
        assert_eq!(out.published, vec![c.id.clone()]);
        let page = out
            .files
            .iter()
            .find(|f| f.path == format!("c/{}/b/1/index.html", c.id))
            .unwrap();
        assert!(page.html.contains("13912345678"), "{}", page.html);
        let paths: Vec<&str> = out.files.iter().map(|f| f.path.as_str()).collect();
        assert!(paths.contains(&"data/district.json"));
        assert!(paths.contains(&"index.html"));
        assert!(paths.contains(&format!("data/c/{}.json", c.id).as_str()));
        let whole: Dataset = decode(
            "d",
            &out.files
                .iter()
                .find(|f| f.path == "data/district.json")
                .unwrap()
                .html,
            DATASET_SCHEMA,
            migrations::none,
        )
        .unwrap();
        assert_eq!(whole.compounds[0], c);
        assert_eq!(whole.compounds.len(), published().compounds.len());
        // The same again changes nothing.
        let site = Site {
            dataset: &out
                .files
                .iter()
                .find(|f| f.path == "data/district.json")
                .unwrap()
                .html,
            ..site()
        };
        let again = republish(&site, &[&doc(&c)], 8, strings(Lang::Zh), &card).unwrap();
        assert!(again.files.is_empty());
        assert_eq!(again.unchanged, vec![c.id]);
    }

    #[test]
    fn a_bad_number_or_a_malformed_document_refuses_everything() {
        let mut good = published().compounds[1].clone();
        good.updated_at += 1;
        let mut bad = published().compounds[0].clone();
        bad.stewards[0].phone = "138-call-me".into();
        bad.updated_at += 1;
        let refused = republish(
            &site(),
            &[&doc(&good), &doc(&bad)],
            7,
            strings(Lang::Zh),
            &card,
        )
        .unwrap_err();
        assert!(
            matches!(&refused[0], PublishRefusal::Roster(id, RosterError::BadCell { .. }) if *id == bad.id)
        );
        let malformed = doc(&good).replace("\"stewards\":[", "\"stewards\":7,\"x\":[");
        assert!(matches!(
            republish(&site(), &[&malformed], 7, strings(Lang::Zh), &card).unwrap_err()[0],
            PublishRefusal::Unreadable(_)
        ));
        let wrong = doc(&good).replace(&format!("compound:{}", good.id), "compound:other");
        assert!(matches!(
            republish(&site(), &[&wrong], 7, strings(Lang::Zh), &card).unwrap_err()[0],
            PublishRefusal::WrongId(_)
        ));
        assert!(matches!(
            republish(
                &site(),
                &["{\"format\":\"x\"}"],
                7,
                strings(Lang::Zh),
                &card
            )
            .unwrap_err()[0],
            PublishRefusal::WrongFormat(_)
        ));
    }

    #[test]
    fn a_stewards_export_file_is_read_with_its_compounds() {
        let mut c = published().compounds[2].clone();
        c.stewards[0].name = "赵新".into();
        c.updated_at += 5;
        let file = changes::export_changes(std::slice::from_ref(&c), &[], 9);
        let out = republish(&site(), &[&file], 10, strings(Lang::En), &card).unwrap();
        assert_eq!(out.published, vec![c.id]);
        assert!(out.files.iter().any(|f| f.html.contains("赵新")));
    }
}
