//! A signed-in resident's reports carry their account (`Report::filed_by`): the district
//! server sends the stewards' progress on reports so marked back to that account's own
//! database (deploy/setup.mjs), and from there it reaches this phone — a resident follows
//! their report to the end without a link from the steward.
//!
//! Which reports are theirs is `domain::claims`: the ones filed while they were signed in
//! are claimed at once; the ones filed while nobody was signed in only when they say so
//! (`Claims::answer`, asked by `components::claim_question`); a 「不是我的」 is kept per
//! account in localStorage (under `cs.`, so erase-all removes it).

use leptos::prelude::*;

use super::records::{use_records, use_records_writer};
use super::sync::{Sync, SyncPhase};
use crate::domain::claims::{claim_now, read_declined, to_ask, write_declined};
use crate::domain::report::Report;
use crate::platform::local_storage::{read_raw, write_raw};

const DECLINED_PREFIX: &str = "cs.claims.declined.";

/// The signed-in resident and the reports of this phone to ask them about.
#[derive(Clone, Copy)]
pub struct Claims {
    /// The signed-in account whose reports are its own (a resident's), once the server
    /// has said who it is (in this tab: another tab that syncs knows the roles).
    pub account: Memo<Option<String>>,
    /// Filed while nobody was signed in, not yet answered by this account.
    pub asked: Memo<Vec<Report>>,
    /// Bumped when an answer is stored, so `asked` reads the declined list again.
    answered: RwSignal<u32>,
    /// The reports this account answered 「是我的」 for in this page (claimed by the effect;
    /// once marked, that is the answer kept).
    accepted: RwSignal<Vec<String>>,
}

fn declined_key(account: &str) -> String {
    format!("{DECLINED_PREFIX}{account}")
}

fn declined(account: &str) -> Vec<String> {
    read_raw(&declined_key(account))
        .ok()
        .flatten()
        .map(|text| read_declined(&text))
        .unwrap_or_default()
}

impl Claims {
    /// 「是我的」 (`mine`) claims every report asked about for the account; 「不是我的」
    /// remembers them as not this account's.
    pub fn answer(&self, mine: bool) {
        let Some(account) = self.account.get_untracked() else {
            return;
        };
        let ids = self
            .asked
            .with_untracked(|a| a.iter().map(|r| r.id.clone()).collect());
        if mine {
            self.accepted.set(ids);
        } else {
            let mut all = declined(&account);
            all.extend(ids);
            // Not kept (storage full): the question comes again, nothing is claimed.
            let _ = write_raw(&declined_key(&account), &write_declined(&all));
            self.answered.update(|n| *n += 1);
        }
    }
}

/// Marks this phone's reports filed by the signed-in resident with their account, now and
/// as reports are filed, and provides what to ask them about the others (`use_claims`).
pub fn claim_own_reports(sync: Sync) {
    let records = use_records();
    let writer = use_records_writer();
    let account = Memo::new(move |_| {
        sync.status.with(|s| {
            // A tab waiting for another to sync has a name without roles: a steward
            // would look like a resident.
            if s.phase == SyncPhase::OtherTab {
                return None;
            }
            s.user
                .as_ref()
                .and_then(|u| u.files_own_reports())
                .map(str::to_string)
        })
    });
    let answered = RwSignal::new(0);
    let accepted = RwSignal::new(Vec::<String>::new());
    let asked = Memo::new(move |_| {
        answered.track();
        let Some(account) = account.get() else {
            return vec![];
        };
        let declined = declined(&account);
        records.reports.with(|all| {
            to_ask(all, &account, &declined)
                .into_iter()
                .cloned()
                .collect()
        })
    });
    Effect::new(move |_| {
        let Some(account) = account.get() else {
            return;
        };
        let claimed =
            accepted.with(|yes| records.reports.with(|all| claim_now(all, &account, yes)));
        if !claimed.is_empty() {
            writer.report_docs.put_all(claimed);
        }
    });
    provide_context(Claims {
        account,
        asked,
        answered,
        accepted,
    });
}

/// The question's state, where the resident app provides it.
pub fn use_claims() -> Option<Claims> {
    use_context::<Claims>()
}
