//! Writes a plain-HTML building card for every building of the published dataset into
//! the built site, so the QR path paints names and call buttons before the wasm arrives,
//! the browse entry's page under every compound's path, each compound's own data file
//! (what a card reads), and `/` for a first visit with the directory in it.
//! Run by `scripts/build.sh` after trunk: `cargo run --bin prerender -- dist`.
//! Native only; in the wasm build it is an empty program.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use compound_steward::format::collections::DATASET_SCHEMA;
    use compound_steward::format::envelope::decode;
    use compound_steward::format::migrations;
    use compound_steward::format::prerender::{
        building_pages, compound_files, compound_pages, home_page,
    };
    use compound_steward::i18n::{Lang, strings};
    use std::path::Path;

    let dist = std::env::args().nth(1).unwrap_or_else(|| "dist".into());
    let dist = Path::new(&dist);
    let read = |p: &Path| {
        std::fs::read_to_string(p).unwrap_or_else(|e| panic!("cannot read {}: {e}", p.display()))
    };
    // The browse entry's page with its plain shell (scripts/build.sh copies it there before
    // this runs): `index.html` itself becomes the home page below, so a second run starts
    // from the same template as the first.
    let template = read(&dist.join("compounds/index.html"));
    // Cards load the card entry (src/card.rs), the smallest program.
    let card_template = read(&dist.join("card/index.html"));
    let text = read(&dist.join("data/district.json"));
    let dataset = decode("dataset", &text, DATASET_SCHEMA, migrations::none)
        .unwrap_or_else(|e| panic!("the published dataset does not load: {e:?}"));
    let mut pages = building_pages(&card_template, &dataset, strings(Lang::Zh))
        .unwrap_or_else(|_| panic!("card/index.html has no static shell to replace"));
    let cards = pages.len();
    pages.extend(compound_pages(&template, &dataset));
    let files = compound_files(&dataset);
    let compounds = files.len();
    pages.extend(files);
    for page in &pages {
        let path = dist.join(&page.path);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).expect("create the page's folder");
        }
        std::fs::write(&path, &page.html).expect("write the page");
    }
    let home = home_page(&template, &dataset, strings(Lang::Zh))
        .unwrap_or_else(|_| panic!("compounds/index.html has no static shell to replace"));
    std::fs::write(dist.join("index.html"), home).expect("write the home page");
    println!(
        "prerender: {cards} building cards as HTML, the browse page under {compounds} compounds, and each compound's data file"
    );
}

#[cfg(target_arch = "wasm32")]
fn main() {}
