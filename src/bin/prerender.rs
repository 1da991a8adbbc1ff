//! Writes a plain-HTML building card for every building of the published dataset into
//! the built site, so the QR path paints names and call buttons before the wasm arrives,
//! the browse entry's page under every compound's path, each compound's own data file
//! (what a card reads), and `/` for a first visit with the directory in it.
//! Run by `scripts/build.sh` after trunk: `cargo run --bin prerender -- dist`.
//!
//! Built for wasm32 (`scripts/build.sh`: `deploy/prerender.wasm`), it is the same
//! pre-render as a module Node runs without the Rust toolchain: `deploy/publish.mjs` (the
//! server's publishing job and the office's republish command) hands it the built site's
//! files and the rosters to publish (`republish`, src/format/prerender/publish.rs) and
//! writes the files it answers. Its interface is three exports: `alloc(len)` for the
//! input, `republish(ptr, len)` (input and answer are JSON, below) returning the answer's
//! address, and `answer_len()`.

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

#[cfg(target_arch = "wasm32")]
mod module {
    use compound_steward::format::prerender::{Site, republish as run};
    use compound_steward::i18n::publish::refusal;
    use compound_steward::i18n::{Lang, strings};
    use serde_json::{Value, json};
    use std::cell::RefCell;

    thread_local! {
        static ANSWER: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
    }

    /// Room for an input of `len` bytes, handed to `republish` (which frees it).
    #[unsafe(no_mangle)]
    pub extern "C" fn alloc(len: usize) -> *mut u8 {
        let mut buffer = Vec::<u8>::with_capacity(len.max(1));
        let ptr = buffer.as_mut_ptr();
        std::mem::forget(buffer);
        ptr
    }

    /// Input: `{"dataset", "card", "browse" (the site's data/district.json,
    /// card/index.html, compounds/index.html), "sources": [text…], "now": ms}`. Answer:
    /// `{"ok": true, "files": [{"path", "text"}], "published": [id…], "unchanged": [id…]}`
    /// or `{"ok": false, "refused": [{"zh", "en"}]}`.
    ///
    /// # Safety
    /// `ptr` is what `alloc(len)` returned, filled with `len` bytes.
    #[unsafe(no_mangle)]
    pub unsafe extern "C" fn republish(ptr: *mut u8, len: usize) -> *const u8 {
        // SAFETY: `alloc` made this buffer with at least `len` bytes of capacity.
        let input = unsafe { Vec::from_raw_parts(ptr, len, len.max(1)) };
        let answer = answer(&String::from_utf8_lossy(&input)).to_string();
        ANSWER.with(|a| {
            *a.borrow_mut() = answer.into_bytes();
            a.borrow().as_ptr()
        })
    }

    #[unsafe(no_mangle)]
    pub extern "C" fn answer_len() -> usize {
        ANSWER.with(|a| a.borrow().len())
    }

    fn answer(input: &str) -> Value {
        let Ok(input) = serde_json::from_str::<Value>(input) else {
            return json!({"ok": false, "refused": [{"zh": "输入不是 JSON", "en": "The input is not JSON"}]});
        };
        let text = |key: &str| input.get(key).and_then(Value::as_str).unwrap_or("");
        let sources: Vec<&str> = input
            .get("sources")
            .and_then(Value::as_array)
            .map(|a| a.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        let site = Site {
            dataset: text("dataset"),
            card_template: text("card"),
            browse_template: text("browse"),
        };
        let now = input.get("now").and_then(Value::as_i64).unwrap_or(0);
        match run(&site, &sources, now, strings(Lang::Zh)) {
            Ok(done) => json!({
                "ok": true,
                "files": done.files.iter().map(|f| json!({"path": f.path, "text": f.html})).collect::<Vec<_>>(),
                "published": done.published,
                "unchanged": done.unchanged,
            }),
            Err(refused) => json!({
                "ok": false,
                "refused": refused
                    .iter()
                    .map(|r| json!({"zh": refusal(r, Lang::Zh), "en": refusal(r, Lang::En)}))
                    .collect::<Vec<_>>(),
            }),
        }
    }
}
