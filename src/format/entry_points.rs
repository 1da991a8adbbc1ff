//! Which program answers a URL path. The site is six wasm programs sharing this crate:
//! the card entry (a building's card alone — what a resident scanning the poster on their
//! door opens, the smallest), the browse entry (`/`, the directory, a compound's battle
//! map, and cards too, so moving from a battle map to a card stays in the page), the
//! report entry (the report form alone, `/report/new` — what a card's 「在这里报事」 opens),
//! the resident app (every resident route, the browse ones and the form included, at
//! `/app/`'s build), the steward console (`/steward/…`) and the district dashboard
//! (`/district`, split from the console so a steward's first visit does not carry it). A
//! link to a path
//! its program does not answer is a full page load; the service worker (`public/sw.js`)
//! and the static servers route paths the same way.

use super::replication::config::DEFAULT_SERVER;
use super::replication::databases::public_db;
pub use super::route::Program;
use super::route::Route;

/// The published dataset, whole.
pub const WHOLE_DATASET: &str = "/data/district.json";

/// What residents see of the office's records (a compound's 业委会, its contracts),
/// published beside the dataset and read by a compound's page only.
pub const PUBLIC_RECORDS: &str = "/data/records.json";

/// One published compound's file: the dataset with that compound alone.
pub fn compound_data_path(id: &str) -> String {
    format!("/data/c/{id}.json")
}

/// A compound id as the generator makes them (`dongtangcun`): safe in a file name.
fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// The program whose page a first visit to `path` gets (query and fragment ignored): the
/// route table's (`Route::program`).
pub fn program_for(path: &str) -> Program {
    Route::of(path).program()
}

impl Program {
    /// Whether this program shows `path` itself (the resident app shows the browse pages
    /// and the form too, so moving from a report to the directory or from a draft in the
    /// list to the form stays in the page; the browse entry shows cards).
    pub fn answers(self, path: &str) -> bool {
        match (self, program_for(path)) {
            (Program::Resident, there) => !matches!(there, Program::Console | Program::District),
            (Program::Browse, Program::Card) => true,
            (here, there) => here == there,
        }
    }

    /// This program's service worker: the resident one (scope `/`) caches the card,
    /// browse and report entries and the resident app together; the console's (scope
    /// `/steward/`) its own build. The district dashboard registers the console's (its
    /// page is outside that scope: `/district` needs the network, as it always has).
    pub fn worker(self) -> &'static str {
        match self {
            Program::Card | Program::Browse | Program::Report | Program::Resident => "/sw.js",
            Program::Console | Program::District => "/steward/sw.js",
        }
    }

    /// The published data this program reads on `route`, in the order to try: the card
    /// entry needs one compound, so it asks for that compound's file (written at build
    /// time beside the whole dataset, a kilobyte where the district's whole file is a
    /// quarter megabyte at full scale), then the whole file (a compound published after
    /// the build, or an id that is not a plain slug). Every other program reads the whole
    /// file.
    pub fn published_data(self, route: &Route) -> Vec<String> {
        let whole = WHOLE_DATASET.to_string();
        match (self, route) {
            (Program::Card, Route::Building { compound, .. }) if is_slug(compound) => {
                vec![compound_data_path(compound), whole]
            }
            _ => vec![whole],
        }
    }

    /// The live roster this program checks once the published one is drawn: the card
    /// entry reads its compound's public roster document on the district's server (this
    /// site's `/db/`; anyone may read it, no sign-in), one small request, and draws it
    /// when it is newer than the published file — which a publishing job rewrites within
    /// a minute, and a static host only when the office republishes.
    pub fn live_roster(self, route: &Route) -> Option<String> {
        match (self, route) {
            (Program::Card, Route::Building { compound, .. }) if is_slug(compound) => {
                Some(format!(
                    "{DEFAULT_SERVER}{}/compound%3A{compound}",
                    public_db(compound)
                ))
            }
            _ => None,
        }
    }

    /// `rel` for a link to `href` from this program: "external" (a full page load) when
    /// another program answers it.
    pub fn rel_for(self, href: &str) -> Option<&'static str> {
        (!self.answers(href)).then_some("external")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_directory_and_battle_maps_are_the_browse_entry() {
        for path in [
            "/",
            "/compounds",
            "/compounds?q=东",
            "/c/dongtangcun",
            "/c/dongtangcun/",
        ] {
            assert_eq!(program_for(path), Program::Browse, "{path}");
        }
    }

    #[test]
    fn only_a_card_checks_its_live_roster() {
        let route = Route::of("/c/dongtangcun/b/3");
        assert_eq!(
            Program::Card.live_roster(&route).as_deref(),
            Some("/db/c-dongtangcun/compound%3Adongtangcun")
        );
        assert_eq!(Program::Browse.live_roster(&route), None);
        assert_eq!(Program::Card.live_roster(&Route::of("/c/a%2Fb/b/3")), None);
    }

    #[test]
    fn a_card_reads_its_compound_first_and_the_whole_dataset_after() {
        let data = |program: Program, path| program.published_data(&Route::of(path));
        assert_eq!(
            data(Program::Card, "/c/dongtangcun/b/3"),
            ["/data/c/dongtangcun.json", "/data/district.json"]
        );
        for path in ["/c/a%2Fb/b/3", "/c/%2E%2E/b/3", "/"] {
            assert_eq!(data(Program::Card, path), ["/data/district.json"], "{path}");
        }
        for program in [
            Program::Browse,
            Program::Report,
            Program::Resident,
            Program::Console,
            Program::District,
        ] {
            assert_eq!(data(program, "/c/dongtangcun/b/3"), ["/data/district.json"]);
        }
    }

    #[test]
    fn the_poster_path_is_the_card_entry() {
        for path in [
            "/c/dongtangcun/b/3",
            "/c/dongtangcun/b/3/",
            "/c/dongtangcun/b/3?u=2",
        ] {
            assert_eq!(program_for(path), Program::Card, "{path}");
        }
    }

    #[test]
    fn the_report_form_is_the_report_entry() {
        for path in [
            "/report/new",
            "/report/new/",
            "/report/new?c=dongtangcun&b=3&u=2",
            "/report/new?draft=R20261206-ABCDE",
        ] {
            assert_eq!(program_for(path), Program::Report, "{path}");
        }
        for path in ["/report", "/report/new/x", "/reports/new"] {
            assert_ne!(program_for(path), Program::Report, "{path}");
        }
    }

    #[test]
    fn the_report_entry_answers_the_form_alone_and_the_resident_app_answers_it_too() {
        assert!(Program::Report.answers("/report/new?c=x&b=1"));
        assert!(Program::Resident.answers("/report/new?draft=R1"));
        for path in [
            "/reports/R1",
            "/reports",
            "/settings",
            "/",
            "/c/x/b/1",
            "/steward",
        ] {
            assert!(!Program::Report.answers(path), "{path}");
        }
        // After a submit the report's page is the resident app's: a page load.
        assert_eq!(Program::Report.rel_for("/reports/R1"), Some("external"));
        assert_eq!(Program::Report.rel_for("/report/new"), None);
        assert_eq!(Program::Resident.rel_for("/report/new"), None);
    }

    #[test]
    fn reports_settings_the_poster_and_links_are_the_resident_app() {
        for path in [
            "/reports",
            "/reports/R1",
            "/settings",
            "/r?d=abc",
            "/c/x/poster",
            "/c/x/b/3/extra",
            "/nowhere",
        ] {
            assert_eq!(program_for(path), Program::Resident, "{path}");
        }
    }

    #[test]
    fn the_console_keeps_its_paths() {
        for path in [
            "/steward",
            "/steward/",
            "/steward/r?d=1",
            "/steward/reports/R1",
        ] {
            assert_eq!(program_for(path), Program::Console, "{path}");
        }
    }

    #[test]
    fn the_district_dashboard_is_a_program_of_its_own() {
        for path in ["/district", "/district/", "/district?p=q"] {
            assert_eq!(program_for(path), Program::District, "{path}");
        }
        assert_eq!(Program::Console.rel_for("/district"), Some("external"));
        assert_eq!(Program::District.rel_for("/steward"), Some("external"));
        assert_eq!(Program::District.rel_for("/district"), None);
        assert_eq!(Program::Resident.rel_for("/district"), Some("external"));
        assert_eq!(Program::District.worker(), Program::Console.worker());
    }

    #[test]
    fn links_leave_a_program_only_for_paths_it_does_not_answer() {
        assert_eq!(Program::Browse.rel_for("/c/x/b/1"), None);
        assert_eq!(Program::Card.rel_for("/c/x/b/2?u=1"), None);
        assert_eq!(Program::Card.rel_for("/c/x"), Some("external"));
        assert_eq!(Program::Card.rel_for("/report/new?c=x"), Some("external"));
        assert_eq!(Program::Browse.rel_for("/report/new?c=x"), Some("external"));
        assert_eq!(Program::Resident.rel_for("/c/x/b/1"), None);
        assert_eq!(Program::Resident.rel_for("/reports"), None);
        assert_eq!(Program::Resident.rel_for("/steward"), Some("external"));
        assert_eq!(Program::Console.rel_for("/"), Some("external"));
    }

    #[test]
    fn residents_share_one_worker_and_the_console_has_its_own() {
        assert_eq!(Program::Browse.worker(), Program::Resident.worker());
        assert_eq!(Program::Card.worker(), Program::Resident.worker());
        assert_eq!(Program::Report.worker(), Program::Resident.worker());
        assert_eq!(Program::Console.worker(), "/steward/sw.js");
    }
}
