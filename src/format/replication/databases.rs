//! What replicates where. A district server keeps one database per compound for what
//! everyone may read (`c-<compound>`: the roster with its notices, the change log), one per
//! compound for what only its stewards and the district office read (`r-<compound>`:
//! reports with reporters' phones, mediation, arrears), a per-user database for a signed-in
//! resident's own reports (CouchDB's `couch_peruser`: `userdb-<hex of the name>`), and the
//! district database the server's own replicator fills from all of them. Who may write
//! what is the server's to enforce (`deploy/`); this only decides what a phone asks for.

use serde::Deserialize;

use crate::domain::district::scope::Scope;
use crate::format::documents::DocKind;
use crate::format::revision::DocTree;

/// Who the server says is signed in (`GET /_session`'s `userCtx`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
pub struct UserCtx {
    pub name: Option<String>,
    #[serde(default)]
    pub roles: Vec<String>,
}

/// The district office's role: reads the district database.
pub const DISTRICT_ROLE: &str = "district";
/// A steward's role names the compound: `steward:dongtangcun`.
pub const STEWARD_ROLE_PREFIX: &str = "steward:";

impl UserCtx {
    /// The compounds this user is a steward of.
    pub fn steward_of(&self) -> Vec<&str> {
        self.roles
            .iter()
            .filter_map(|r| r.strip_prefix(STEWARD_ROLE_PREFIX))
            .filter(|c| !c.is_empty())
            .collect()
    }

    /// The account's name if its reports are its own (a resident's: kept in its own
    /// database, progress sent back to it) — not a steward's, a street's, a community's
    /// or the office's, which have no such database.
    pub fn files_own_reports(&self) -> Option<&str> {
        let resident = self.steward_of().is_empty() && !self.is_district() && self.tier().is_none();
        self.name.as_deref().filter(|_| resident)
    }

    /// The street or community this account is (its server role), if it is one.
    pub fn tier(&self) -> Option<Scope> {
        self.roles.iter().find_map(|r| Scope::of_role(r))
    }

    pub fn is_district(&self) -> bool {
        self.roles
            .iter()
            .any(|r| r == DISTRICT_ROLE || r == "_admin")
    }
}

/// One database this phone replicates with, both ways unless `push` is false.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Replication {
    pub db: String,
    /// The kinds of document this phone sends there.
    pub kinds: &'static [DocKind],
    /// Only documents of this compound are sent (none: any compound).
    pub compound: Option<String>,
    /// Whether this phone sends anything there (a resident only reads the roster).
    pub push: bool,
    /// Only documents marked as filed by this account go there (a resident's own
    /// database: never another person's report that happens to be on the phone).
    pub owner: Option<String>,
    /// Whether this phone settles conflicts there by itself when the versions changed
    /// different fields: a merge is a write, so only where this user is meant to write (a
    /// steward's compounds, the office's database, one's own reports) — a reader leaves
    /// it to them and gets their merge. Also where the server keeps this phone's
    /// replication checkpoints: a reader leaves nothing on the server (docs/SECURITY.md).
    pub merges: bool,
}

/// What the server's rules say to an account that is not a roster's keeper
/// (deploy/validate_doc_update.js, in the same words): shown for its edits, never sent.
pub const NOT_A_KEEPER: &str =
    "只有本小区的管家可以修改花名册 · Only this compound's stewards may change its roster";

/// The documents of a `_bulk_docs` body this account may not send, as refusals: the
/// reason the server would give.
pub fn unsent_edits(body: &serde_json::Value) -> Vec<(String, String)> {
    body["docs"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|d| d.get("_id")?.as_str())
        .map(|id| (id.to_string(), NOT_A_KEEPER.to_string()))
        .collect()
}

/// Kinds kept in a compound's public database.
pub const PUBLIC_KINDS: &[DocKind] = &[DocKind::Compound, DocKind::Change];
/// Kinds kept in a compound's stewards' database.
pub const RECORD_KINDS: &[DocKind] = &[DocKind::Report, DocKind::Mediation, DocKind::Arrears];
const OWN_KINDS: &[DocKind] = &[DocKind::Report];
const DISTRICT_KINDS: &[DocKind] = &[
    DocKind::Scoring,
    DocKind::Committee,
    DocKind::Contract,
    DocKind::Company,
    DocKind::Meeting,
    DocKind::Case,
    DocKind::Improvement,
    DocKind::Census,
];

pub fn public_db(compound: &str) -> String {
    format!("c-{compound}")
}

pub fn records_db(compound: &str) -> String {
    format!("r-{compound}")
}

pub const DISTRICT_DB: &str = "district";

/// What a database holds, from its name (for the 同步 panel's list).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DbRole {
    /// A compound's roster and notices (`c-…`).
    Public(String),
    /// A compound's reports and records (`r-…`).
    Records(String),
    District,
    /// The signed-in resident's own reports (`userdb-…`).
    Own,
}

pub fn db_role(db: &str) -> Option<DbRole> {
    if db == DISTRICT_DB {
        return Some(DbRole::District);
    }
    if db.starts_with("userdb-") {
        return Some(DbRole::Own);
    }
    if let Some(c) = db.strip_prefix("c-") {
        return Some(DbRole::Public(c.into()));
    }
    db.strip_prefix("r-").map(|c| DbRole::Records(c.into()))
}

/// CouchDB's per-user database: `userdb-` and the name's UTF-8 bytes in hex.
pub fn user_db(name: &str) -> String {
    let hex: String = name.bytes().map(|b| format!("{b:02x}")).collect();
    format!("userdb-{hex}")
}

/// The databases for this user on this phone: a steward's compounds both ways, the
/// district's database for the office, and for everyone the public database of the
/// compounds this phone follows (`followed`: the resident's own, a steward profile's) with
/// their own reports in their user database. A signed-in user's edits of a followed
/// roster they do not keep are listed as the server would refuse them, and not sent
/// (`unsent_edits`): the server's door lets only a roster's keepers write there.
pub fn replications(user: &UserCtx, followed: &[String]) -> Vec<Replication> {
    let mut out = vec![];
    let stewarded = user.steward_of();
    for c in &stewarded {
        out.push(Replication {
            db: public_db(c),
            kinds: PUBLIC_KINDS,
            compound: Some(c.to_string()),
            push: true,
            owner: None,
            merges: true,
        });
        out.push(Replication {
            db: records_db(c),
            kinds: RECORD_KINDS,
            compound: Some(c.to_string()),
            push: true,
            owner: None,
            merges: true,
        });
    }
    let mut seen: Vec<&str> = stewarded.clone();
    // A street or community follows its own compounds (the program passes them): their
    // records too — a community writes there as their stewards do, a street only reads.
    let community = matches!(user.tier(), Some(Scope::Community { .. }));
    for c in followed {
        if c.is_empty() || seen.contains(&c.as_str()) {
            continue;
        }
        seen.push(c);
        if user.tier().is_some() {
            out.push(Replication {
                db: records_db(c),
                kinds: RECORD_KINDS,
                compound: Some(c.clone()),
                push: community,
                owner: None,
                merges: community,
            });
        }
        out.push(Replication {
            db: public_db(c),
            kinds: PUBLIC_KINDS,
            compound: Some(c.clone()),
            push: user.name.is_some(),
            owner: None,
            merges: false,
        });
    }
    if user.is_district() {
        out.push(Replication {
            db: DISTRICT_DB.into(),
            kinds: DISTRICT_KINDS,
            compound: None,
            push: true,
            owner: None,
            merges: true,
        });
    }
    if let Some(name) = user.files_own_reports() {
        out.push(Replication {
            db: user_db(name),
            kinds: OWN_KINDS,
            compound: None,
            push: true,
            owner: Some(name.to_string()),
            merges: true,
        });
    }
    out
}

impl Replication {
    /// Whether a local document (its kind and compound) goes to this database.
    pub fn sends(&self, kind: &str, compound: &str) -> bool {
        self.push
            && self.kinds.iter().any(|k| k.key() == kind)
            && self.compound.as_deref().is_none_or(|c| c == compound)
    }

    /// Whether a document of the right kind and compound may go: where only an owner's
    /// documents go, the current version must say it was filed by them (`filed_by`).
    pub fn sends_tree(&self, tree: &DocTree) -> bool {
        let Some(owner) = &self.owner else {
            return true;
        };
        tree.current()
            .and_then(|body| serde_json::from_str::<serde_json::Value>(body.json()).ok())
            .is_some_and(|v| v.get("filed_by").and_then(|f| f.as_str()) == Some(owner))
    }

    /// Whether a document from this database is one this phone keeps: every record, of
    /// this version's kinds and of kinds a newer version invented (kept as they came:
    /// `UNKNOWN_KIND`); not design documents.
    pub fn keeps(&self, doc_id: &str) -> bool {
        doc_id
            .split_once(':')
            .is_some_and(|(kind, _)| !kind.is_empty() && !kind.starts_with('_'))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn user(name: &str, roles: &[&str]) -> UserCtx {
        UserCtx {
            name: Some(name.into()),
            roles: roles.iter().map(|r| r.to_string()).collect(),
        }
    }

    #[test]
    fn a_street_reads_and_a_community_keeps_the_records_of_the_compounds_it_follows() {
        let followed = ["dongtangcun".to_string()];
        let street = replications(&user("jd", &["street:书院路街道"]), &followed);
        let community = replications(&user("sq", &["community:书院路街道/新塘社区"]), &followed);
        for (reps, writes) in [(street, false), (community, true)] {
            let records = reps.iter().find(|r| r.db == "r-dongtangcun").unwrap();
            assert_eq!((records.push, records.merges), (writes, writes));
            assert!(reps.iter().any(|r| r.db == "c-dongtangcun" && !r.merges));
            assert!(
                !reps
                    .iter()
                    .any(|r| r.db.starts_with("userdb-") || r.db == "district")
            );
        }
        // A role spelled another way is a resident's account: no records.
        let odd = replications(&user("x", &["community:新塘社区"]), &followed);
        assert!(!odd.iter().any(|r| r.db.starts_with("r-")));
    }

    #[test]
    fn a_resident_reads_their_roster_and_keeps_their_reports_to_themselves() {
        let mine = ["dongtangcun".to_string(), "dongtangcun".to_string()];
        let anonymous = replications(&UserCtx::default(), &mine);
        assert_eq!(anonymous.len(), 1);
        assert_eq!(anonymous[0].db, "c-dongtangcun");
        assert!(!anonymous[0].sends("compound", "dongtangcun"));
        assert!(!anonymous[0].merges, "a reader never writes a merge");
        let li = replications(&user("li", &[]), &mine);
        assert!(
            li[0].sends("compound", "dongtangcun"),
            "offered: the server decides"
        );
        assert_eq!(li[1].db, "userdb-6c69");
        assert!(li[1].sends("report", "anything"));
        assert!(!li[1].sends("compound", "dongtangcun"));
        assert_eq!(user_db("王"), "userdb-e78e8b");
        for rep in &li {
            let role = db_role(&rep.db);
            assert!(role.is_some(), "{} has a name on the panel", rep.db);
        }
        assert_eq!(db_role(&records_db("a")), Some(DbRole::Records("a".into())));
        assert_eq!(db_role(DISTRICT_DB), Some(DbRole::District));
    }

    #[test]
    fn a_non_steward_s_roster_edits_are_listed_with_the_server_s_reason_not_sent() {
        let body = serde_json::json!({ "docs": [{ "_id": "compound:dongtangcun", "_rev": "2-a" }], "new_edits": false });
        assert_eq!(
            unsent_edits(&body),
            vec![("compound:dongtangcun".to_string(), NOT_A_KEEPER.to_string())]
        );
        let rules = include_str!("../../../deploy/validate_doc_update.js");
        assert!(
            rules.contains(NOT_A_KEEPER.split(" · ").next().unwrap()),
            "the server's own words"
        );
    }

    #[test]
    fn a_residents_own_database_gets_only_the_reports_filed_by_them() {
        use crate::domain::report::Category;
        use crate::format::documents::first_revision;
        let li = replications(&user("li", &[]), &["dongtangcun".to_string()]);
        let mut r = crate::fixtures::report("dongtangcun", Category::Parking);
        let unmarked = first_revision(&r);
        r.filed_by = Some("li".into());
        let hers = first_revision(&r);
        r.filed_by = Some("zhang".into());
        let theirs = first_revision(&r);
        assert!(li[1].sends_tree(&hers));
        assert!(
            !li[1].sends_tree(&unmarked),
            "a report on the phone nobody claimed (a steward's, one filed signed out)"
        );
        assert!(!li[1].sends_tree(&theirs));
        assert!(
            li[0].sends_tree(&unmarked),
            "elsewhere: by kind and compound"
        );
    }

    #[test]
    fn a_steward_replicates_their_compounds_both_ways_and_the_office_reads_all() {
        let wang = user("wang", &["steward:dongtangcun", "steward:"]);
        let reps = replications(&wang, &["dongtangcun".to_string()]);
        let dbs: Vec<&str> = reps.iter().map(|r| r.db.as_str()).collect();
        assert_eq!(dbs, ["c-dongtangcun", "r-dongtangcun"]);
        assert!(reps[0].sends("compound", "dongtangcun"));
        assert!(!reps[0].sends("compound", "other"), "only their compound");
        assert!(
            !reps[0].sends("report", "dongtangcun"),
            "reports are not public"
        );
        assert!(reps[1].sends("report", "dongtangcun"));
        assert!(!reps[0].keeps("_design/cs"));
        let office = replications(&user("office", &["district"]), &[]);
        assert_eq!(
            office.len(),
            1,
            "the district database only: no resident's own"
        );
        assert_eq!(office[0].db, "district");
        assert!(office[0].keeps("report:R1") && office[0].keeps("compound:x"));
        assert!(!office[0].keeps("_design/cs"));
        assert!(
            reps[0].keeps("meeting:2026Q4"),
            "a newer version's kind is kept, not skipped past"
        );
    }
}
