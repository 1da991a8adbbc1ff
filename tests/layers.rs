//! The layering docs/ARCHITECTURE.md states, checked on the source itself: each layer uses
//! only the layers before it, no two modules of a layer use each other (directly or round
//! a longer circle), only `platform/` calls the browser, and no `.rs` file passes 400
//! lines. A newcomer who adds an arrow upwards learns it here, with the file and line.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// The layers in order; the programs (`app.rs`, `browse.rs`, … and `lib.rs`) come after
/// them all.
const LAYERS: [&str; 7] = [
    "domain",
    "format",
    "i18n",
    "platform",
    "state",
    "components",
    "pages",
];

/// Crates that are the browser: only `platform/` (and the binaries' `main`) may name them.
const BROWSER: [&str; 4] = ["web_sys::", "js_sys::", "wasm_bindgen::", "JsCast"];

/// The programs' root modules (`src/app.rs`, …, and the build-time `src/prerender/`),
/// after every layer.
const PROGRAMS: [&str; 7] = [
    "app",
    "browse",
    "card",
    "console",
    "dashboard",
    "prerender",
    "report",
];

const MAX_LINES: usize = 400;

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("src/ is readable") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// `src/format/csv.rs` → ("format", "csv"); `src/app.rs` → ("app", "app").
fn place(src: &Path, file: &Path) -> (String, String) {
    let parts: Vec<String> = file
        .strip_prefix(src)
        .expect("under src/")
        .with_extension("")
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    let layer = parts[0].clone();
    let module = parts.get(1).cloned().unwrap_or_else(|| layer.clone());
    (layer, module)
}

fn rank(layer: &str) -> usize {
    LAYERS
        .iter()
        .position(|l| *l == layer)
        .unwrap_or(LAYERS.len())
}

/// Every `crate::<layer>::<module>` a line names (in `use` lines and paths alike).
fn named(line: &str) -> Vec<(String, String)> {
    let mut found = vec![];
    let mut rest = line;
    while let Some(at) = rest.find("crate::") {
        rest = &rest[at + "crate::".len()..];
        let path: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
            .collect();
        let mut parts = path.split("::").filter(|p| !p.is_empty());
        if let Some(layer) = parts.next() {
            let module = parts.next().unwrap_or(layer).to_string();
            found.push((layer.to_string(), module));
        }
    }
    found
}

/// The code of a file without its `#[cfg(test)]` module (tests may use fixtures freely)
/// and without comments.
fn code_lines(text: &str) -> Vec<(usize, &str)> {
    let mut lines = vec![];
    for (i, line) in text.lines().enumerate() {
        if line.trim_start().starts_with("#[cfg(test)]") {
            break;
        }
        let code = line.split("//").next().unwrap_or("");
        lines.push((i + 1, code));
    }
    lines
}

#[test]
fn the_layers_use_only_those_before_them_and_no_module_circles() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = vec![];
    rust_files(&src, &mut files);
    files.sort();
    let mut wrong = vec![];
    // (layer, module) → the modules of the same layer it uses.
    let mut edges: BTreeMap<(String, String), BTreeSet<String>> = BTreeMap::new();
    for file in &files {
        let (layer, module) = place(&src, file);
        if layer == "bin" {
            continue;
        }
        // The programs are one layer of their own, each file a module of it.
        let (layer, module) = match PROGRAMS.contains(&layer.as_str()) {
            true => ("programs".to_string(), layer),
            false => (layer, module),
        };
        let text = fs::read_to_string(file).expect("readable");
        let shown = file.strip_prefix(&src).expect("under src/").display();
        for (n, code) in code_lines(&text) {
            for (used, used_module) in named(code) {
                let (used, used_module) = match PROGRAMS.contains(&used.as_str()) {
                    true => ("programs".to_string(), used),
                    false => (used, used_module),
                };
                if !LAYERS.contains(&used.as_str()) && used != "programs" {
                    continue;
                }
                if rank(&used) > rank(&layer) {
                    wrong.push(format!(
                        "src/{shown}:{n}: {layer} uses {used} (a later layer)"
                    ));
                } else if used == layer && used_module != module {
                    edges
                        .entry((layer.clone(), module.clone()))
                        .or_default()
                        .insert(used_module);
                }
            }
            if layer != "platform" && BROWSER.iter().any(|b| code.contains(b)) {
                wrong.push(format!(
                    "src/{shown}:{n}: a browser call outside platform/: {}",
                    code.trim()
                ));
            }
        }
        let lines = text.lines().count();
        if lines > MAX_LINES {
            wrong.push(format!(
                "src/{shown}: {lines} lines (split it by concern below {MAX_LINES})"
            ));
        }
    }
    // Circles among a layer's modules: a walk from each module back to itself.
    for (layer, start) in edges.keys() {
        let mut stack = vec![(start.clone(), vec![start.clone()])];
        let mut seen = BTreeSet::new();
        while let Some((at, trail)) = stack.pop() {
            for next in edges
                .get(&(layer.clone(), at.clone()))
                .into_iter()
                .flatten()
            {
                if next == start {
                    wrong.push(format!("{layer}: a circle {} → {start}", trail.join(" → ")));
                } else if seen.insert(next.clone()) {
                    let mut longer = trail.clone();
                    longer.push(next.clone());
                    stack.push((next.clone(), longer));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "\n{}\n", wrong.join("\n"));
}

#[test]
fn the_checker_sees_an_arrow_upwards_and_a_path_in_code() {
    assert_eq!(
        named("use crate::state::sync::{my_compound}; let x = crate::i18n::strings(l);"),
        [
            ("state".to_string(), "sync".to_string()),
            ("i18n".to_string(), "strings".to_string())
        ]
    );
    assert!(rank("format") < rank("i18n") && rank("pages") < rank("app"));
    let text =
        "use crate::x;\n// crate::state::y\n#[cfg(test)]\nmod tests { use crate::state::z; }";
    assert_eq!(code_lines(text).len(), 2);
}

/// Words on screen live in `i18n/`, a whole sentence per language: the views, the state,
/// the browser layer and the programs hold no Chinese text or punctuation of their own
/// (which English readers would then see). Two texts are allowed, each for its reason.
const WORDS_ALLOWED: [(&str, &str); 2] = [
    // A language's own name in the language switch is never translated.
    ("pages/settings.rs", "\" 中文\""),
    // Recorded with a refused revision beside the server's own reasons, in both languages.
    ("platform/replicator/push.rs", "太大，服务器不收"),
];

fn is_chinese(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{303f}' | '\u{4e00}'..='\u{9fff}' | '\u{ff00}'..='\u{ffef}')
}

#[test]
fn words_are_in_the_catalogues_not_in_the_views() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = vec![];
    rust_files(&src, &mut files);
    let mut wrong = vec![];
    for file in &files {
        let (layer, _) = place(&src, file);
        let checked = ["platform", "state", "components", "pages"].contains(&layer.as_str())
            || (PROGRAMS.contains(&layer.as_str()) && layer != "prerender");
        if !checked {
            continue;
        }
        let shown = file
            .strip_prefix(&src)
            .expect("under src/")
            .display()
            .to_string();
        let text = fs::read_to_string(file).expect("readable");
        for (n, code) in code_lines(&text) {
            let allowed = WORDS_ALLOWED
                .iter()
                .any(|(f, t)| shown.replace('\\', "/") == *f && code.contains(t));
            if code.chars().any(is_chinese) && !allowed {
                wrong.push(format!(
                    "src/{shown}:{n}: words outside i18n/: {}",
                    code.trim()
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "\n{}\n", wrong.join("\n"));
}
