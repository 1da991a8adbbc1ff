//! What the district server would not carry: a revision the relay refused to copy from
//! one database into another (deploy/relay.mjs), because the account it came from may not
//! have written it (docs/SECURITY.md). The relay records each in the district database;
//! the office reads them there, beside the figures they would otherwise have changed.

use serde::{Deserialize, Serialize};

use crate::domain::Millis;

keyed_enum! {
    /// Why the server refused a revision. The wire codes are the relay's
    /// (`REFUSAL_CODES` in deploy/rules.mjs); an unknown one reads as `NotAllowed`.
    pub enum RefusalCode {
        /// Another account's report, or another compound's record.
        NotTheirs = "not_theirs",
        /// A version whose history reaches nothing the server has: made up, or foreign.
        UnknownHistory = "unknown_history",
        /// A change the writer's role may not make (a resident recording a steward's step).
        NotTheirStep = "not_their_step",
        /// Based on a version the server no longer stores.
        TooOld = "too_old",
        /// Not a record the app writes (a timeline that is not a list, a file that is not a
        /// photo).
        Malformed = "malformed",
        /// Against the server's rules in another way.
        NotAllowed = "not_allowed",
    }
}

/// One refused revision, as the relay records it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Refusal {
    pub id: String,
    #[serde(default)]
    pub code: String,
    /// Who sent it: a resident's account name, or `steward:<compound>`.
    pub account: String,
    /// The database it was read from, and the one it was not written into.
    pub source: String,
    pub target: String,
    /// The compound the refused record is of (`""`: recorded before the relay said, or a
    /// record naming none), so a street's or a compound's drill-down lists its own.
    #[serde(default)]
    pub compound: String,
    /// The document (`report:R…`) and the revision refused.
    pub doc: String,
    pub rev: String,
    /// The relay's detail, in English, for whoever looks into it.
    #[serde(default)]
    pub reason: String,
    /// When it was last refused, and how many times the account sent that document.
    pub updated_at: Millis,
    #[serde(default)]
    pub count: u32,
}

impl Refusal {
    pub fn code(&self) -> RefusalCode {
        RefusalCode::from_key(&self.code).unwrap_or(RefusalCode::NotAllowed)
    }

    /// Whether it belongs in a place's list: at the district level (`None`) every one; in
    /// a street, community or compound (`Some`: its compounds' ids) those of its compounds
    /// — one that names no compound only at the district level.
    pub fn within(&self, place: Option<&[String]>) -> bool {
        place.is_none_or(|ids| ids.contains(&self.compound))
    }

    /// The record's own number as people quote it: `R20261126-7KQ3X` of `report:R…`.
    pub fn record_number(&self) -> &str {
        self.doc.split_once(':').map_or(&self.doc, |(_, id)| id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_relay_s_record_and_words_an_unknown_code_as_not_allowed() {
        let json = r#"{"_id":"refusal:ab","id":"ab","code":"unknown_history","account":"zhang",
            "source":"userdb-7a68616e67","target":"district","doc":"report:R1","rev":"999-f",
            "reason":"its history reaches no revision","updated_at":5}"#;
        let r: Refusal = serde_json::from_str(json).unwrap();
        assert_eq!(r.code(), RefusalCode::UnknownHistory);
        assert_eq!(r.record_number(), "R1");
        let newer = Refusal {
            code: "something_new".into(),
            ..r
        };
        assert_eq!(newer.code(), RefusalCode::NotAllowed);
        assert_eq!(
            newer.compound, "",
            "recorded before the relay said which compound"
        );
        assert!(newer.within(None));
        assert!(!newer.within(Some(&["dongtangcun".into()])));
        let placed = Refusal {
            compound: "dongtangcun".into(),
            ..newer
        };
        assert!(placed.within(Some(&["xintang".into(), "dongtangcun".into()])));
        assert!(!placed.within(Some(&["tianhecun".into()])));
        assert!(!placed.within(Some(&[])));
        for code in RefusalCode::ALL {
            assert_eq!(RefusalCode::from_key(code.key()), Some(code));
        }
    }
}
