//! The pre-render: a plain-HTML building card for every building of the published dataset
//! (so the QR path paints names and call buttons before the wasm arrives), the browse
//! entry's page under every compound's path, each compound's own data file (what a card
//! reads), and `/` for a first visit with the directory in it.
//!
//! The card is the app's own `ContactCardView` written as HTML (Leptos's `to_html`), the
//! one component the app draws; this program hands it to `prerender`, which writes
//! the pages around it. Leptos is in the wasm build only, so this is a wasm module
//! (`scripts/build.sh`: `--features prerender`, which gives Leptos's type-erased views an
//! HTML writer; `deploy/prerender.wasm`) that Node runs: `scripts/prerender.mjs` at build
//! time (`build`), and `deploy/publish.mjs` (the server's publishing job and the office's
//! republish command, without the Rust toolchain) when rosters change (`republish`,
//! src/prerender/publish.rs). Its interface is five exports: `alloc(len)` for the
//! input, `build(ptr, len)` or `republish(ptr, len)` (input and answer are JSON, below)
//! returning the answer's address, `vocabulary()` (the relay's lists of categories and
//! roles, from the app's own enums), and `answer_len()`.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "prerender: the pre-render draws the app's card component, which exists only in the \
         wasm build: `cargo build --release --target wasm32-unknown-unknown --features prerender \
         --bin prerender`, then `node scripts/prerender.mjs dist` (scripts/build.sh does both)"
    );
    std::process::exit(2);
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(target_arch = "wasm32")]
mod module {
    use compound_steward::components::contact_card::ContactCardView;
    use compound_steward::domain::compound::Compound;
    use compound_steward::format::entry_points::Program;
    use compound_steward::i18n::publish::refusal;
    use compound_steward::i18n::{Lang, strings};
    use compound_steward::prerender::{
        PublishRefusal, Site, StaticPage, prerender_site, republish as run,
    };
    use compound_steward::state::provide_still_state;
    use leptos::prelude::*;
    use serde_json::{Value, json};
    use std::cell::RefCell;

    /// The card the app draws for `building` of `compound` (the whole building, no unit,
    /// in Chinese, on the card entry's page), as HTML.
    fn card_html(compound: &Compound, building: &str) -> String {
        let owner = Owner::new();
        let html = owner.with(|| {
            provide_still_state(Lang::Zh, Program::Card);
            let (compound, building) = (compound.clone(), building.to_string());
            view! { <ContactCardView compound building unit=None/> }.to_html()
        });
        // Two marks Leptos's HTML writer leaves for hydration, which this page never has
        // (the app draws its own card over it), and which the card the app draws lacks:
        // `<!>` where one text ends and the next begins, and an empty text written as one
        // space (an element holding nothing else: the share button's status, an empty
        // title). Text and attributes are escaped, so neither is ever a name or a word.
        html.replace("<!>", "").replace("> </", "></")
    }

    thread_local! {
        static ANSWER: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
    }

    /// Room for an input of `len` bytes, handed to `build` or `republish` (which free it).
    #[unsafe(no_mangle)]
    pub extern "C" fn alloc(len: usize) -> *mut u8 {
        let mut buffer = Vec::<u8>::with_capacity(len.max(1));
        let ptr = buffer.as_mut_ptr();
        std::mem::forget(buffer);
        ptr
    }

    /// Input: `{"dataset", "card", "browse", "records" (the site's data/district.json,
    /// card/index.html, compounds/index.html, data/records.json), "sources": [text…],
    /// "now": ms, "from_district": true when the sources are the server's (the job)}`. Answer:
    /// `{"ok": true, "files": [{"path", "text"}], "published": [id…], "unchanged": [id…]}`
    /// or `{"ok": false, "refused": [{"zh", "en"}]}`.
    ///
    /// # Safety
    /// `ptr` is what `alloc(len)` returned, filled with `len` bytes.
    #[unsafe(no_mangle)]
    pub unsafe extern "C" fn republish(ptr: *mut u8, len: usize) -> *const u8 {
        // SAFETY: `alloc` made this buffer with at least `len` bytes of capacity.
        let input = unsafe { Vec::from_raw_parts(ptr, len, len.max(1)) };
        keep(answer(&String::from_utf8_lossy(&input), Entry::Republish))
    }

    /// `answer` kept until the next call, its address returned (its length: `answer_len`).
    fn keep(answer: Value) -> *const u8 {
        ANSWER.with(|a| {
            *a.borrow_mut() = answer.to_string().into_bytes();
            a.borrow().as_ptr()
        })
    }

    enum Entry {
        Build,
        Republish,
    }

    fn files(files: &[StaticPage]) -> Value {
        files
            .iter()
            .map(|f| json!({"path": f.path, "text": f.html}))
            .collect()
    }

    fn refused(refused: &[PublishRefusal]) -> Value {
        let refused: Vec<Value> = refused
            .iter()
            .map(|r| json!({"zh": refusal(r, Lang::Zh), "en": refusal(r, Lang::En)}))
            .collect();
        json!({"ok": false, "refused": refused})
    }

    /// Input: `{"dataset", "card", "browse", "governance"}` (the last: the sample
    /// records, data/governance.json) as for `republish`. Answer: `{"ok": true,
    /// "files": [{"path", "text"}]}` — every file the build pre-renders — or `{"ok": false,
    /// "refused": [{"zh", "en"}]}`.
    ///
    /// # Safety
    /// As for `republish`.
    #[unsafe(no_mangle)]
    pub unsafe extern "C" fn build(ptr: *mut u8, len: usize) -> *const u8 {
        // SAFETY: as in `republish`.
        let input = unsafe { Vec::from_raw_parts(ptr, len, len.max(1)) };
        keep(answer(&String::from_utf8_lossy(&input), Entry::Build))
    }

    /// The app's words and limits for the relay's rules (deploy/report_changes.mjs), so
    /// the server never keeps a list of its own: `{"categories": […], "roles": […],
    /// "change_roles": {kind: [role…]}, "changeable": [status…], "note_max": n,
    /// "deadline_max_days": n}`, each value as serde writes it in a stored report. A new
    /// role or category reaches the server with the next build.
    #[unsafe(no_mangle)]
    pub extern "C" fn vocabulary() -> *const u8 {
        use compound_steward::domain::limits::NOTE_MAX;
        use compound_steward::domain::report::{Category, Status};
        use compound_steward::domain::report_changes::{ChangeKind, DEADLINE_MAX_DAYS, changeable};
        use compound_steward::domain::steward::Role;
        let names = |all: &[&str]| Value::from(all.to_vec());
        let change_roles: serde_json::Map<String, Value> = ChangeKind::ALL
            .iter()
            .map(|k| {
                let roles: Vec<&str> = k.roles().iter().map(|r| r.name()).collect();
                (k.name().to_string(), Value::from(roles))
            })
            .collect();
        let statuses: Vec<&str> = Status::ALL
            .iter()
            .filter(|s| changeable(**s))
            .map(|s| s.name())
            .collect();
        keep(json!({
            "categories": names(&Category::ALL.map(|c| c.name())),
            "roles": names(&Role::ALL.map(|r| r.name())),
            "change_roles": change_roles,
            "changeable": statuses,
            "note_max": NOTE_MAX,
            "deadline_max_days": DEADLINE_MAX_DAYS,
        }))
    }

    #[unsafe(no_mangle)]
    pub extern "C" fn answer_len() -> usize {
        ANSWER.with(|a| a.borrow().len())
    }

    fn answer(input: &str, entry: Entry) -> Value {
        if !cfg!(feature = "prerender") {
            // Leptos's type-erased views have no HTML writer without it: the card would panic.
            return json!({"ok": false, "refused": [{
                "zh": "prerender.wasm 编译时缺少 --features prerender",
                "en": "prerender.wasm was built without --features prerender",
            }]});
        }
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
            records: text("records"),
            from_district: input.get("from_district") == Some(&Value::Bool(true)),
        };
        let s = strings(Lang::Zh);
        if let Entry::Build = entry {
            return match prerender_site(&site, text("governance"), s, &card_html) {
                Ok(done) => json!({"ok": true, "files": files(&done)}),
                Err(refusal) => refused(&[refusal]),
            };
        }
        let now = input.get("now").and_then(Value::as_i64).unwrap_or(0);
        match run(&site, &sources, now, s, &card_html) {
            Ok(done) => json!({
                "ok": true,
                "files": files(&done.files),
                "published": done.published,
                "unchanged": done.unchanged,
            }),
            Err(refusals) => refused(&refusals),
        }
    }
}
