//! Building cards as plain HTML, written at build time from the published dataset with
//! the same domain code the app uses (`contact_card`), so a resident who scans the poster
//! sees three names and three call buttons before the wasm has arrived. The page is the
//! built `index.html` with its static shell replaced; the app mounts over it. `home` does
//! the same for a first visit to `/`: the directory.

mod data;
mod home;
mod publish;
pub use data::compound_files;
pub use home::home_page;
pub use publish::{PublishRefusal, Republished, Site, republish};

use crate::domain::compound::Compound;
use crate::domain::contact_card::{CardEntry, contact_card};
use crate::domain::dataset::Dataset;
use crate::domain::phone::{PhoneKind, parse_phone};
use crate::domain::steward::Steward;
use crate::domain::time::format_date;
use crate::format::entry_points::compound_data_path;
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

/// A page for every building of every published compound.
pub fn building_pages(
    template: &str,
    dataset: &Dataset,
    s: &Strings,
) -> Result<Vec<StaticPage>, NoShell> {
    let (before, after) = around_shell(template)?;
    let before = without_code_preloads(before);
    let mut pages = Vec::new();
    for c in dataset.compounds.iter().filter(|c| !c.deleted) {
        for (_, b) in c.buildings() {
            let title = format!("{} {}", c.name, b.name);
            let shell = shell(&card(c, &b.id, &title, s), s);
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

/// The card: the closest steward of each role, then the hotlines — as the app draws it.
fn card(c: &Compound, building: &str, title: &str, s: &Strings) -> String {
    let mut html = format!(
        "<article class=\"card\" aria-labelledby=\"card-title\"><h2 id=\"card-title\" class=\"card__title\">{}</h2>",
        escape(title)
    );
    if c.sample {
        html.push_str(&format!(
            "<p class=\"notice notice--sample\" role=\"note\">{}</p>",
            escape(s.sample_notice)
        ));
    }
    html.push_str(&format!(
        "<p class=\"card__updated\">{} {}</p>",
        escape(s.roster_updated),
        format_date(c.updated_at)
    ));
    if let Ok(card) = contact_card(c, building, None) {
        for (role, entry) in &card.entries {
            html.push_str(&format!(
                "<section class=\"card__role card__role--{}\"><h3 class=\"role-badge\"><span>{}</span></h3>",
                role.key(),
                escape(s.role(*role))
            ));
            match entry {
                CardEntry::Found(people) => {
                    people.iter().for_each(|p| html.push_str(&person(p, s)))
                }
                CardEntry::Vacant => html.push_str(&format!(
                    "<p class=\"card__vacant\">{}</p>",
                    escape(s.nobody)
                )),
            }
            html.push_str("</section>");
        }
    }
    html.push_str(&hotlines(c, s));
    html.push_str("</article>");
    html
}

fn person(p: &Steward, s: &Strings) -> String {
    let hours = p.duty_hours.as_deref().map_or(String::new(), |h| {
        format!(
            "<p class=\"steward__hours\">{} {}</p>",
            escape(s.duty),
            escape(h)
        )
    });
    format!(
        "<div class=\"steward\"><p class=\"steward__who\"><span class=\"steward__name\">{}</span> \
         <span class=\"steward__title\">{}</span></p>{hours}{}</div>",
        escape(&p.name),
        escape(&p.title),
        phone_actions(&p.phone, &p.name, s)
    )
}

fn hotlines(c: &Compound, s: &Strings) -> String {
    let lines = [
        (
            c.hotline.as_deref(),
            s.property_hotline,
            c.property_company.as_deref(),
        ),
        (
            c.community_phone.as_deref(),
            s.community_phone,
            Some(c.community.as_str()),
        ),
    ];
    let mut html = format!(
        "<section class=\"card__hotlines\"><h3>{}</h3>",
        escape(s.hotlines)
    );
    for (phone, label, who) in lines {
        if let Some(phone) = phone {
            html.push_str(&format!(
                "<p class=\"card__hotline-label\">{}</p>{}",
                escape(label),
                phone_actions(phone, who.unwrap_or_default(), s)
            ));
        }
    }
    html.push_str("</section>");
    html
}

/// Call (and, for mobiles, text) links; an invalid number is written out, not linked.
fn phone_actions(phone: &str, who: &str, s: &Strings) -> String {
    let Ok(p) = parse_phone(phone) else {
        return format!("<p class=\"phone phone--invalid\">{}</p>", escape(phone));
    };
    let shown = p.display();
    let text = (p.kind == PhoneKind::Mobile).then(|| {
        format!(
            "<a class=\"phone__text\" href=\"{}\" aria-label=\"{} {}\"><span>{}</span></a>",
            p.sms_href(""),
            escape(s.text),
            escape(who),
            escape(s.text)
        )
    });
    format!(
        "<div class=\"phone\"><a class=\"phone__call\" href=\"{}\" aria-label=\"{} {} {shown}\">\
         <span class=\"phone__number\">{shown}</span></a>{}</div>",
        p.tel_href(),
        escape(s.call),
        escape(who),
        text.unwrap_or_default()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::dataset::Dataset;
    use crate::i18n::{Lang, strings};

    const TEMPLATE: &str = "<html><head><title>小区管家</title></head><body>\
        <div id=\"shell\"><p>正在加载…</p></div><!-- /shell --><script src=\"/app.js\"></script></body></html>";

    pub(super) fn dataset() -> Dataset {
        let text = include_str!("../../../public/data/district.json");
        let envelope: serde_json::Value = serde_json::from_str(text).unwrap();
        serde_json::from_value(envelope["data"].clone()).unwrap()
    }

    #[test]
    fn every_building_gets_its_card_with_three_roles_and_call_links() {
        let data = dataset();
        let pages = building_pages(TEMPLATE, &data, strings(Lang::Zh)).unwrap();
        let buildings: usize = data.compounds.iter().map(|c| c.building_count()).sum();
        assert_eq!(pages.len(), buildings);
        let page = pages
            .iter()
            .find(|p| p.path == "c/dongtangcun/b/3/index.html")
            .unwrap();
        assert!(
            page.html
                .starts_with("<html><head><title>东塘村小区 3栋 · 小区管家</title>")
        );
        assert!(
            page.html
                .ends_with("<!-- /shell --><script src=\"/app.js\"></script></body></html>")
        );
        assert!(
            !page.html.contains("正在加载"),
            "the loading shell is replaced"
        );
        for role in ["red", "property", "peacemaker"] {
            assert!(page.html.contains(&format!("card__role--{role}")), "{role}");
        }
        assert_eq!(
            page.html
                .matches("class=\"phone__call\" href=\"tel:1380000")
                .count(),
            3
        );
        assert!(page.html.contains("示例数据"));
        let updated = format_date(data.compounds[0].updated_at);
        assert!(page.html.contains(&format!(
            "<p class=\"card__updated\">名册更新于 {updated}</p>"
        )));
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
    fn names_are_escaped_and_bad_numbers_are_not_linked() {
        let mut data = dataset();
        for steward in &mut data.compounds[0].stewards {
            steward.name = "<img src=x onerror=alert(1)>".into();
            steward.phone = "123&body=x".into();
        }
        let pages = building_pages(TEMPLATE, &data, strings(Lang::Zh)).unwrap();
        let all: String = pages.iter().map(|p| p.html.as_str()).collect();
        assert!(!all.contains("<img"));
        assert!(all.contains("&lt;img src=x onerror=alert(1)&gt;"));
        assert!(!all.contains("href=\"tel:123"));
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
            building_pages("<html></html>", &dataset(), strings(Lang::Zh)),
            Err(NoShell)
        );
    }
}
