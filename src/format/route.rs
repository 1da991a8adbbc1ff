//! The app's route table, in one place: which page a URL path shows and what it names
//! (`Route::of`), the path of each page (`Route::href`, the only way links are written),
//! and which of the six programs answers it (`Route::program`); and the values of a query
//! string. Each program matches on `Route` for the pages it answers; `state::location`
//! keeps the current one. Written here rather than taken from leptos_router: the router cost the resident's
//! first load about 40 KB of brotli for what is a `match` over path segments.

use crate::domain::district::scope::Scope;
use crate::domain::phone::percent_encode;

/// One page of the app, with the path segments it is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Home,
    Directory,
    Compound {
        compound: String,
    },
    Building {
        compound: String,
        building: String,
    },
    Poster {
        compound: String,
    },
    /// A compound's 业委会 and contract as the office published them.
    Records {
        compound: String,
    },
    ReportNew,
    Reports,
    Report {
        id: String,
    },
    Settings,
    Handoff,
    Steward,
    StewardTake,
    StewardData,
    StewardReport {
        id: String,
    },
    District,
    /// No page of the app; `area` is the program whose "not found" page says so (a
    /// mistyped console path stays in the console).
    NotFound {
        area: Program,
    },
}

/// The six programs of the site (`format::entry_points` says what each loads and caches).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Program {
    Card,
    Browse,
    Report,
    Resident,
    Console,
    District,
}

impl Route {
    /// The route of a URL path (query and fragment ignored; empty segments, as in a
    /// trailing slash, skipped; segments percent-decoded).
    pub fn of(path: &str) -> Route {
        let path = path.split(['?', '#']).next().unwrap_or("");
        let parts: Vec<String> = path
            .split('/')
            .filter(|p| !p.is_empty())
            .map(percent_decode)
            .collect();
        let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
        let owned = |s: &str| s.to_string();
        match parts.as_slice() {
            [] => Route::Home,
            ["compounds"] => Route::Directory,
            ["c", c] => Route::Compound { compound: owned(c) },
            ["c", c, "b", b] => Route::Building {
                compound: owned(c),
                building: owned(b),
            },
            ["c", c, "poster"] => Route::Poster { compound: owned(c) },
            ["c", c, "records"] => Route::Records { compound: owned(c) },
            ["report", "new"] => Route::ReportNew,
            ["reports"] => Route::Reports,
            ["reports", id] => Route::Report { id: owned(id) },
            ["settings"] => Route::Settings,
            ["r"] => Route::Handoff,
            ["steward"] => Route::Steward,
            ["steward", "r"] => Route::StewardTake,
            ["steward", "data"] => Route::StewardData,
            ["steward", "reports", id] => Route::StewardReport { id: owned(id) },
            ["district"] => Route::District,
            ["steward", ..] => Route::NotFound {
                area: Program::Console,
            },
            ["district", ..] => Route::NotFound {
                area: Program::District,
            },
            _ => Route::NotFound {
                area: Program::Resident,
            },
        }
    }

    /// The path of this page, each named segment percent-encoded (an id typed into a
    /// roster spreadsheet may hold any character); `Route::of` reads it back.
    pub fn href(&self) -> String {
        let e = |s: &str| percent_encode(s);
        match self {
            Route::Home => "/".into(),
            Route::Directory => "/compounds".into(),
            Route::Compound { compound } => format!("/c/{}", e(compound)),
            Route::Building { compound, building } => {
                format!("/c/{}/b/{}", e(compound), e(building))
            }
            Route::Poster { compound } => format!("/c/{}/poster", e(compound)),
            Route::Records { compound } => format!("/c/{}/records", e(compound)),
            Route::ReportNew => "/report/new".into(),
            Route::Reports => "/reports".into(),
            Route::Report { id } => format!("/reports/{}", e(id)),
            Route::Settings => "/settings".into(),
            Route::Handoff => "/r".into(),
            Route::Steward => "/steward".into(),
            Route::StewardTake => "/steward/r".into(),
            Route::StewardData => "/steward/data".into(),
            Route::StewardReport { id } => format!("/steward/reports/{}", e(id)),
            Route::District => "/district".into(),
            Route::NotFound { .. } => "/404".into(),
        }
    }

    /// `href()` with a query string of `pairs` (empty values left out), keys and values
    /// percent-encoded.
    pub fn href_with(&self, pairs: &[(&str, &str)]) -> String {
        let query: Vec<String> = pairs
            .iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, v)| format!("{}={}", percent_encode(k), percent_encode(v)))
            .collect();
        match query.is_empty() {
            true => self.href(),
            false => format!("{}?{}", self.href(), query.join("&")),
        }
    }

    /// The program whose page a first visit here gets. A card is the card entry's (the
    /// smallest: what the QR poster opens); `/`, the directory and a battle map the browse
    /// entry's; the form the report entry's; the console and the dashboard their own;
    /// every other resident page the resident app's.
    pub fn program(&self) -> Program {
        match self {
            Route::Building { .. } => Program::Card,
            Route::Home | Route::Directory | Route::Compound { .. } => Program::Browse,
            Route::ReportNew => Program::Report,
            Route::Steward | Route::StewardTake | Route::StewardData => Program::Console,
            Route::StewardReport { .. } => Program::Console,
            Route::District => Program::District,
            Route::NotFound { area } => *area,
            Route::Poster { .. }
            | Route::Records { .. }
            | Route::Reports
            | Route::Report { .. }
            | Route::Settings
            | Route::Handoff => Program::Resident,
        }
    }
}

/// `/district`'s place (a street, a community, a compound) and report, carried in its
/// query (`st`, `cm`, `c`, `r`) rather than in new path segments: the resident's, the
/// card's and the report entry's programs parse every path, and their sizes are at their
/// ratchets. `district_at` writes what `district_scope` reads back.
pub fn district_at(scope: &Scope, report: Option<&str>) -> String {
    let r = report.unwrap_or("");
    let pairs: Vec<(&str, &str)> = match scope {
        Scope::District => vec![],
        Scope::Street(st) => vec![("st", st)],
        Scope::Community { street, community } => vec![("st", street), ("cm", community)],
        Scope::Compound(c) => vec![("c", c), ("r", r)],
    };
    Route::District.href_with(&pairs)
}

/// The place and report a `/district` query names (`district_at` writes them); the whole
/// district for anything else. A report belongs to a compound's page.
pub fn district_scope(search: &str) -> (Scope, Option<String>) {
    let q = |k| query_value(search, k).filter(|v| !v.is_empty());
    match (q("c"), q("st"), q("cm")) {
        (Some(c), _, _) => (Scope::Compound(c), q("r")),
        (None, Some(street), Some(community)) => (Scope::Community { street, community }, None),
        (None, Some(street), None) => (Scope::Street(street), None),
        _ => (Scope::District, None),
    }
}

/// The value of `key` in a query string (with or without its leading `?`), decoded; the
/// first one where the key repeats. `+` reads as a space, as forms write it.
pub fn query_value(search: &str, key: &str) -> Option<String> {
    search
        .trim_start_matches('?')
        .split('&')
        .filter_map(|pair| pair.split_once('=').or(Some((pair, ""))))
        .find(|(k, _)| percent_decode(k) == key)
        .map(|(_, v)| percent_decode(&v.replace('+', " ")))
}

/// `%XX` escapes back to bytes, read as UTF-8 (a broken escape or byte sequence is kept
/// as written / replaced, never an error: a mistyped link still opens its page).
pub fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (bytes[i], bytes.get(i + 1), bytes.get(i + 2)) {
            (b'%', Some(&h), Some(&l)) if hex(h).is_some() && hex(l).is_some() => {
                out.push((hex(h).unwrap_or(0) * 16 + hex(l).unwrap_or(0)) as u8);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn building(c: &str, b: &str) -> Route {
        Route::Building {
            compound: c.into(),
            building: b.into(),
        }
    }

    #[test]
    fn every_page_of_the_contract_has_its_route() {
        assert_eq!(Route::of("/"), Route::Home);
        assert_eq!(Route::of(""), Route::Home);
        assert_eq!(Route::of("/compounds?q=东"), Route::Directory);
        assert_eq!(
            Route::of("/c/dongtangcun/"),
            Route::Compound {
                compound: "dongtangcun".into()
            }
        );
        assert_eq!(
            Route::of("/c/dongtangcun/b/3?u=2"),
            building("dongtangcun", "3")
        );
        assert_eq!(
            Route::of("/c/x/poster"),
            Route::Poster {
                compound: "x".into()
            }
        );
        assert_eq!(
            Route::of("/c/x/records"),
            Route::Records {
                compound: "x".into()
            }
        );
        assert_eq!(Route::of("/report/new?c=x"), Route::ReportNew);
        assert_eq!(Route::of("/reports"), Route::Reports);
        assert_eq!(Route::of("/reports/R1"), Route::Report { id: "R1".into() });
        assert_eq!(Route::of("/settings"), Route::Settings);
        assert_eq!(Route::of("/r?d=abc"), Route::Handoff);
        assert_eq!(Route::of("/steward/"), Route::Steward);
        assert_eq!(Route::of("/steward/r#d=x"), Route::StewardTake);
        assert_eq!(Route::of("/steward/data"), Route::StewardData);
        assert_eq!(
            Route::of("/steward/reports/R9"),
            Route::StewardReport { id: "R9".into() }
        );
        assert_eq!(Route::of("/district"), Route::District);
    }

    #[test]
    fn anything_else_is_not_found() {
        for path in [
            "/nowhere",
            "/c/x/b/3/extra",
            "/c",
            "/reports/a/b",
            "/steward/x",
        ] {
            assert!(matches!(Route::of(path), Route::NotFound { .. }), "{path}");
        }
    }

    #[test]
    fn every_page_reads_back_from_its_href() {
        let pages = [
            Route::Home,
            Route::Directory,
            Route::Compound {
                compound: "东塘/村 a&b".into(),
            },
            building("dong?tang", "3#1"),
            Route::Poster {
                compound: "x".into(),
            },
            Route::Records {
                compound: "x/y".into(),
            },
            Route::ReportNew,
            Route::Reports,
            Route::Report { id: "R1".into() },
            Route::Settings,
            Route::Handoff,
            Route::Steward,
            Route::StewardTake,
            Route::StewardData,
            Route::StewardReport { id: "R9".into() },
            Route::District,
        ];
        for page in pages {
            assert_eq!(Route::of(&page.href()), page, "{}", page.href());
            assert_eq!(Route::of(&page.href_with(&[("u", "2")])), page);
        }
        assert_eq!(
            Route::ReportNew.href_with(&[("c", "东"), ("b", "3"), ("u", "")]),
            "/report/new?c=%E4%B8%9C&b=3"
        );
        assert_eq!(
            Route::ReportNew
                .href_with(&[("c", "a&b=c")])
                .split_once('?')
                .and_then(|(_, q)| query_value(q, "c"))
                .as_deref(),
            Some("a&b=c")
        );
    }

    #[test]
    fn every_place_of_the_district_reads_back_from_its_link() {
        let places = [
            Scope::District,
            Scope::Street("书院路街道".into()),
            Scope::Community {
                street: "书院路街道".into(),
                community: "新塘社区&a=b".into(),
            },
            Scope::Compound("dongtangcun".into()),
        ];
        for place in places {
            let href = district_at(&place, None);
            assert_eq!(Route::of(&href), Route::District, "{href}");
            let search = href.split_once('?').map_or("", |(_, q)| q);
            assert_eq!(district_scope(search), (place, None), "{href}");
        }
        let report = district_at(&Scope::Compound("d".into()), Some("R20261201-ABCDE"));
        assert_eq!(report, "/district?c=d&r=R20261201-ABCDE");
        assert_eq!(
            district_scope("c=d&r=R20261201-ABCDE"),
            (Scope::Compound("d".into()), Some("R20261201-ABCDE".into()))
        );
        // A community without its street, or a report without its compound, is the district.
        assert_eq!(district_scope("cm=新塘社区&r=R1"), (Scope::District, None));
    }

    #[test]
    fn path_segments_are_decoded() {
        assert_eq!(Route::of("/c/%E4%B8%9C/b/1"), building("东", "1"));
    }

    #[test]
    fn query_values_are_found_and_decoded() {
        let search = format!("?q={}&mode=&cov=yes&q=second", percent_encode("东塘 村&"));
        assert_eq!(query_value(&search, "q").as_deref(), Some("东塘 村&"));
        assert_eq!(query_value(&search, "mode").as_deref(), Some(""));
        assert_eq!(query_value(&search, "cov").as_deref(), Some("yes"));
        assert_eq!(query_value(&search, "sd"), None);
        assert_eq!(query_value("u=2", "u").as_deref(), Some("2"));
        assert_eq!(query_value("?flag", "flag").as_deref(), Some(""));
        assert_eq!(query_value("?q=a+b", "q").as_deref(), Some("a b"));
        assert_eq!(query_value("", "q"), None);
    }

    #[test]
    fn broken_escapes_are_kept_not_refused() {
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%zz%4"), "%zz%4");
        assert_eq!(percent_decode("%FF"), "\u{FFFD}");
    }
}
