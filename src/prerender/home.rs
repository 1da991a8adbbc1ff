//! `/` on a first visit — no building chosen yet — as plain HTML: the campaign line, the
//! prompt to choose a building and the first page of the directory, each compound a link
//! to its battle map, as the app draws them (`pages/home.rs`, `pages/directory.rs`). So the
//! first page a resident opens has content and working links before the wasm arrives;
//! the app then mounts over it. The service worker answers later visits with the plain
//! shell instead, since by then a building is usually chosen.

use super::{NoShell, around_shell, escape, frame, without_code_preloads};
use crate::domain::compound::Compound;
use crate::domain::dataset::Dataset;
use crate::i18n::Strings;

/// As many compounds as the directory shows before "show more".
pub const FIRST_PAGE: usize = 30;

/// The template with its shell replaced by the first visit's home page, without the
/// preloads of the app's code.
pub fn home_page(template: &str, dataset: &Dataset, s: &Strings) -> Result<String, NoShell> {
    let (before, after) = around_shell(template)?;
    // As on card pages: the directory first, the code when the loader asks for it.
    let before = without_code_preloads(before);
    let published: Vec<&Compound> = dataset.compounds.iter().filter(|c| !c.deleted).collect();
    let items: String = published
        .iter()
        .take(FIRST_PAGE)
        .map(|c| item(c, s))
        .collect();
    // A returning resident (a building chosen: index.html's head marks the page) sees the
    // loading line instead until the app shows their card.
    let main = format!(
        "<p class=\"loading shell__returning\" role=\"status\">{}</p><div class=\"shell__first-visit\">\
         <p class=\"campaign\">{}</p><p class=\"notice notice--info\">{}</p>\
         <section class=\"page directory\"><h1 class=\"page__title\">{}</h1>\
         <p class=\"directory__count\">{} {}</p><ul class=\"compound-list\">{items}</ul></section></div>",
        escape(s.loading),
        escape(s.campaign),
        escape(s.choose_prompt),
        escape(s.nav_directory),
        published.len(),
        escape(s.results),
    );
    Ok(format!("{before}{}{after}", frame(&main, s)))
}

/// One line of the directory: name, place, management mode and company.
fn item(c: &Compound, s: &Strings) -> String {
    let place: Vec<&str> = [c.community.as_str(), c.subdistrict.as_str()]
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect();
    let company = c.property_company.as_deref().map_or(String::new(), |name| {
        format!(
            "<span class=\"compound-list__company\">{}</span>",
            escape(name)
        )
    });
    format!(
        "<li class=\"compound-list__item\"><a href=\"/c/{}\" class=\"compound-list__link\">\
         <span class=\"compound-list__name\">{}</span><span class=\"compound-list__place\">{}</span>\
         <span class=\"compound-list__meta\"><span class=\"mode-badge mode-badge--{}\">{}</span>{company}</span></a></li>",
        escape(&c.id),
        escape(&c.name),
        escape(&place.join(" · ")),
        c.mode.key(),
        escape(s.mode(c.mode)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, strings};

    const TEMPLATE: &str = "<html><head><title>小区管家</title></head><body>\
        <div id=\"shell\"><p>正在加载…</p></div><!-- /shell --><script src=\"/app.js\"></script></body></html>";

    #[test]
    fn the_first_visit_shows_the_directory_as_links_to_battle_maps() {
        let mut data = super::super::tests::dataset();
        data.compounds[0].name = "<b>东塘</b>".into();
        let html = home_page(TEMPLATE, &data, strings(Lang::Zh)).unwrap();
        let count = data.compounds.len();
        assert_eq!(
            html.matches("class=\"compound-list__item\"").count(),
            count.min(FIRST_PAGE)
        );
        assert!(html.contains(&format!("<p class=\"directory__count\">{count} ")));
        assert!(html.contains(&format!(
            "<a href=\"/c/{}\" class=\"compound-list__link\">",
            data.compounds[1].id
        )));
        assert!(html.contains("&lt;b&gt;东塘&lt;/b&gt;") && !html.contains("<b>东塘"));
        assert!(html.contains(strings(Lang::Zh).choose_prompt));
        assert!(html.ends_with("<!-- /shell --><script src=\"/app.js\"></script></body></html>"));
        // "Loading" only for a returning resident (the CSS shows one or the other).
        assert!(html.contains("<p class=\"loading shell__returning\" role=\"status\">正在加载…</p><div class=\"shell__first-visit\">"));
    }

    #[test]
    fn a_long_directory_shows_its_first_page_and_counts_them_all() {
        let mut data = super::super::tests::dataset();
        let first = data.compounds[0].clone();
        for i in 0..40 {
            let mut c = first.clone();
            c.id = format!("c{i}");
            data.compounds.push(c);
        }
        data.compounds[1].deleted = true;
        let html = home_page(TEMPLATE, &data, strings(Lang::Zh)).unwrap();
        assert_eq!(html.matches("compound-list__item").count(), FIRST_PAGE);
        let published = data.compounds.len() - 1;
        assert!(html.contains(&format!("<p class=\"directory__count\">{published} ")));
    }
}
