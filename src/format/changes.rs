//! "Export my changes": what a steward changed on this device — the compounds edited here
//! (roster, facts, notices), whole, and the change log — as one JSON file the district
//! office can check and republish; the compounds also go out as the roster CSV.

use serde::Serialize;

use crate::domain::Millis;
use crate::domain::compound::Compound;
use crate::domain::roster_edit::RosterChange;

pub const FORMAT: &str = "compound-steward-changes";
pub const VERSION: u32 = 1;

#[derive(Serialize)]
struct Changes<'a> {
    format: &'static str,
    version: u32,
    exported_at: Millis,
    compounds: &'a [Compound],
    changes: &'a [RosterChange],
}

/// The file: local compound edits and the change log, oldest change first.
pub fn export_changes(compounds: &[Compound], log: &[RosterChange], now: Millis) -> String {
    let mut changes = log.to_vec();
    changes.sort_by_key(|c| c.at);
    let file = Changes {
        format: FORMAT,
        version: VERSION,
        exported_at: now,
        compounds,
        changes: &changes,
    };
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::roster_edit::ChangeKind;
    use crate::fixtures::mapped_compound;

    #[test]
    fn the_file_has_the_edited_compounds_and_the_log_in_order() {
        let c = mapped_compound("dongtangcun", 1, 1, 1);
        let change = |at| RosterChange {
            id: format!("c{at}"),
            after: Some(c.stewards[0].clone()),
            ..RosterChange::new(&c.id, ChangeKind::StewardEdited, "王建国".into(), at)
        };
        let text = export_changes(std::slice::from_ref(&c), &[change(2), change(1)], 9);
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v["format"], FORMAT);
        assert_eq!(v["compounds"][0]["id"], "dongtangcun");
        assert_eq!(v["changes"][0]["id"], "c1");
        assert_eq!(
            v["changes"][1]["after"]["name"],
            c.stewards[0].name.as_str()
        );
    }
}
