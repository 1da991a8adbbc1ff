//! Building cards as plain HTML, written at build time from the published dataset, so a
//! resident who scans the poster sees three names and three call buttons before the wasm
//! has arrived. The page is the card entry's `index.html` with its static shell replaced;
//! the app mounts over it. The card itself is not written here: it is the app's own card
//! component (`components::contact_card`) written as HTML, handed in as a `CardWriter` by
//! the pre-render's program (`src/bin/prerender.rs`), since `format` draws no views. `home`
//! does the same for a first visit to `/`: the directory.

mod data;
mod home;
mod publish;
mod records;
pub use crate::format::publish_refusal::PublishRefusal;
pub use data::compound_files;
pub use home::home_page;
pub use publish::{Republished, Site, republish};

use crate::domain::compound::Compound;
use crate::domain::dataset::Dataset;
use crate::format::collections::DATASET_SCHEMA;
use crate::format::entry_points::compound_data_path;
use crate::format::envelope::decode;
use crate::format::migrations;
use crate::i18n::Strings;

/// Where the static shell starts and ends in `index.html`.
const SHELL_START: &str = "<div id=\"shell\">";
const SHELL_END: &str = "<!-- /shell -->";

/// One file to write below the site root.
#[derive(Debug, PartialEq)]
pub struct StaticPage {
    /// Relative path, such as `c/dongtangcun/b/3/index.html`.
    pub path: String,
    pub html: String,
}

/// `index.html` has no static shell to replace.
#[derive(Debug, PartialEq)]
pub struct NoShell;

/// Text safe inside an element or a double-quoted attribute.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// One building's card as HTML (the compound, the building's id): what the app draws for it.
pub type CardWriter<'a> = &'a dyn Fn(&Compound, &str) -> String;

/// A page for every building of every published compound, its card written by `card`.
pub fn building_pages(
    template: &str,
    dataset: &Dataset,
    s: &Strings,
    card: CardWriter,
) -> Result<Vec<StaticPage>, NoShell> {
    let (before, after) = around_shell(template)?;
    let before = without_code_preloads(before);
    let mut pages = Vec::new();
    for c in dataset.compounds.iter().filter(|c| !c.deleted) {
        for (_, b) in c.buildings() {
            let title = format!("{} {}", c.name, b.name);
            let shell = shell(&card(c, &b.id), s);
            let head = before.replacen("<title>", &format!("<title>{} · ", escape(&title)), 1);
            // The card entry reads this compound's own file (`Program::published_data`).
            let head = head.replace(
                "href=\"/data/district.json\"",
                &format!("href=\"{}\"", escape(&compound_data_path(&c.id))),
            );
            pages.push(StaticPage {
                path: format!("c/{}/b/{}/index.html", c.id, b.id),
                html: format!("{head}{shell}{after}"),
            });
        }
    }
    Ok(pages)
}

/// Every file the build pre-renders into `site`: each building's card page, the browse
/// page under each compound's path, each compound's data file, `/`, and the office's
/// public records from what ships (`samples`: the text of `data/governance.json`).
pub fn prerender_site(
    site: &Site,
    samples: &str,
    s: &Strings,
    card: CardWriter,
) -> Result<Vec<StaticPage>, PublishRefusal> {
    let dataset: Dataset = decode("dataset", site.dataset, DATASET_SCHEMA, migrations::none)
        .map_err(|_| PublishRefusal::Dataset)?;
    let no_shell = |_: NoShell| PublishRefusal::NoShell;
    let mut files = building_pages(site.card_template, &dataset, s, card).map_err(no_shell)?;
    files.extend(compound_pages(site.browse_template, &dataset));
    files.extend(compound_files(&dataset));
    files.push(StaticPage {
        path: "index.html".into(),
        html: home_page(site.browse_template, &dataset, s).map_err(no_shell)?,
    });
    files.push(records::file(&records::shipped(site.dataset, samples)?));
    Ok(files)
}

/// The browse entry's page under every published compound's path (`/c/<id>`, its battle
/// map), titled with the compound's name, so static hosts serve the small entry there
/// rather than their fallback (the resident app).
pub fn compound_pages(template: &str, dataset: &Dataset) -> Vec<StaticPage> {
    dataset
        .compounds
        .iter()
        .filter(|c| !c.deleted)
        .map(|c| StaticPage {
            path: format!("c/{}/index.html", c.id),
            html: template.replacen("<title>", &format!("<title>{} · ", escape(&c.name)), 1),
        })
        .collect()
}

/// The head without trunk's preloads of the app's code (`modulepreload` of the JS glue,
/// `preload` of the wasm): on a card page the card comes first, and the code downloads
/// when the loader script asks for it, after the card has had the network to itself.
fn without_code_preloads(head: &str) -> String {
    let mut out = String::with_capacity(head.len());
    let mut rest = head;
    while let Some(start) = rest.find("<link") {
        let Some(len) = rest[start..].find('>') else {
            break;
        };
        let tag = &rest[start..=start + len];
        out.push_str(&rest[..start]);
        if !(tag.contains("modulepreload") || tag.contains(".wasm\"")) {
            out.push_str(tag);
        }
        rest = &rest[start + len + 1..];
    }
    out.push_str(rest);
    out
}

fn shell(body: &str, s: &Strings) -> String {
    frame(&format!("<section class=\"page\">{body}</section>"), s)
}

/// The static shell around `main`: the header, as the app draws it.
fn frame(main: &str, s: &Strings) -> String {
    format!(
        "{SHELL_START}<header class=\"app-header\"><span class=\"app-header__name\">{}</span></header>\
         <main class=\"app-main\">{main}</main></div>\n  ",
        escape(s.app_name)
    )
}

/// The template split around its static shell: the part before it and the part after.
fn around_shell(template: &str) -> Result<(&str, &str), NoShell> {
    let start = template.find(SHELL_START).ok_or(NoShell)?;
    let end = template[start..].find(SHELL_END).ok_or(NoShell)? + start;
    Ok((&template[..start], &template[end..]))
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::domain::contact_card::{CardEntry, contact_card};
    use crate::domain::dataset::Dataset;
    use crate::i18n::{Lang, strings};

    const TEMPLATE: &str = "<html><head><title>小区管家</title></head><body>\
        <div id=\"shell\"><p>正在加载…</p></div><!-- /shell --><script src=\"/app.js\"></script></body></html>";

    pub(super) fn dataset() -> Dataset {
        let text = include_str!("../../public/data/district.json");
        let envelope: serde_json::Value = serde_json::from_str(text).unwrap();
        serde_json::from_value(envelope["data"].clone()).unwrap()
    }

    /// A stand-in for the card component (what the pre-render's program hands in): the
    /// building and the names and numbers the card would show.
    pub(crate) fn card(c: &Compound, building: &str) -> String {
        let people: Vec<String> = contact_card(c, building, None)
            .map(|card| card.entries)
            .unwrap_or_default()
            .iter()
            .filter_map(|(_, entry)| match entry {
                CardEntry::Found(people) => Some(people.clone()),
                CardEntry::Vacant => None,
            })
            .flatten()
            .map(|p| format!("{} {}", p.name, p.phone))
            .collect();
        let people = escape(&people.join(", "));
        format!(
            "<article class=\"card\">{} {building}: {people}</article>",
            c.id
        )
    }

    #[test]
    fn every_building_gets_a_page_with_its_card_in_the_shell() {
        let data = dataset();
        let pages = building_pages(TEMPLATE, &data, strings(Lang::Zh), &card).unwrap();
        let buildings: usize = data.compounds.iter().map(|c| c.building_count()).sum();
        assert_eq!(pages.len(), buildings);
        let page = pages
            .iter()
            .find(|p| p.path == "c/dongtangcun/b/3/index.html")
            .unwrap();
        assert_eq!(
            page.html,
            format!(
                "<html><head><title>东塘村小区 3栋 · 小区管家</title></head><body>\
             <div id=\"shell\"><header class=\"app-header\"><span class=\"app-header__name\">小区管家</span></header>\
             <main class=\"app-main\"><section class=\"page\">{}</section></main></div>\n  \
             <!-- /shell --><script src=\"/app.js\"></script></body></html>",
                card(
                    data.compounds
                        .iter()
                        .find(|c| c.id == "dongtangcun")
                        .unwrap(),
                    "3"
                )
            )
        );
        assert!(
            page.html
                .contains("<article class=\"card\">dongtangcun 3: 林胜 138")
        );
    }

    #[test]
    fn every_compound_gets_the_browse_page_under_its_path() {
        let data = dataset();
        let pages = compound_pages(TEMPLATE, &data);
        assert_eq!(pages.len(), data.compounds.len());
        let page = pages
            .iter()
            .find(|p| p.path == "c/dongtangcun/index.html")
            .unwrap();
        assert!(page.html.contains("<title>东塘村小区 · 小区管家</title>"));
        assert!(page.html.contains("<div id=\"shell\">"));
    }

    #[test]
    fn titles_are_escaped() {
        let mut data = dataset();
        data.compounds[0].name = "<img src=x onerror=alert(1)>".into();
        let pages = building_pages(TEMPLATE, &data, strings(Lang::Zh), &card).unwrap();
        let all: String = pages.iter().map(|p| p.html.as_str()).collect();
        assert!(!all.contains("<img"));
        assert!(all.contains("<title>&lt;img src=x onerror=alert(1)&gt; "));
        assert_eq!(escape("a\"b'c&"), "a&quot;b&#39;c&amp;");
    }

    #[test]
    fn card_pages_leave_the_code_to_the_loader() {
        let head = "<head><link rel=\"stylesheet\" href=\"/main.css\"/>\
            <link rel=\"modulepreload\" href=\"/app.js\"><link rel=\"preload\" href=\"/app_bg.wasm\" as=\"fetch\">\
            <link rel=\"preload\" href=\"/data/district.json\" as=\"fetch\" crossorigin></head>";
        assert_eq!(
            without_code_preloads(head),
            "<head><link rel=\"stylesheet\" href=\"/main.css\"/><link rel=\"preload\" href=\"/data/district.json\" as=\"fetch\" crossorigin></head>"
        );
    }

    #[test]
    fn a_template_without_the_shell_is_refused() {
        assert_eq!(
            building_pages("<html></html>", &dataset(), strings(Lang::Zh), &card),
            Err(NoShell)
        );
    }
    #[test]
    fn the_build_prerenders_every_card_every_compound_and_home() {
        let site = || Site {
            dataset: include_str!("../../public/data/district.json"),
            card_template: TEMPLATE,
            browse_template: TEMPLATE,
            records: "",
            from_district: false,
        };
        let samples = include_str!("../../public/data/governance.json");
        let files = prerender_site(&site(), samples, strings(Lang::Zh), &card).unwrap();
        // What residents see of the office's records: the samples and the published list.
        let records = files
            .iter()
            .find(|f| f.path == "data/records.json")
            .unwrap();
        let records = records::read(&records.html).unwrap();
        assert!(records.committee("songtaoli").is_some_and(|c| c.sample));
        let jindi = records.latest_contract("dongtangcun").unwrap();
        assert!(jindi.company == "金地物业" && jindi.migrated);
        let data = dataset();
        let cards = files.iter().filter(|f| f.path.contains("/b/")).count();
        let buildings: usize = data.compounds.iter().map(|c| c.building_count()).sum();
        assert_eq!(cards, buildings);
        for c in &data.compounds {
            assert!(
                files
                    .iter()
                    .any(|f| f.path == format!("data/c/{}.json", c.id))
            );
            assert!(
                files
                    .iter()
                    .any(|f| f.path == format!("c/{}/index.html", c.id))
            );
        }
        assert!(files.iter().any(|f| f.path == "index.html"));
        let broken = Site {
            card_template: "<html></html>",
            ..site()
        };
        assert!(matches!(
            prerender_site(&broken, samples, strings(Lang::Zh), &card),
            Err(PublishRefusal::NoShell)
        ));
    }
}
