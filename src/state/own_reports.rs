//! A signed-in resident's reports carry their account (`Report::filed_by`): the district
//! server sends the stewards' progress on reports so marked back to that account's own
//! database (deploy/setup.mjs), and from there it reaches this phone — a resident follows
//! their report to the end without a link from the steward.

use leptos::prelude::*;

use super::records::{use_records, use_records_writer};
use super::sync::Sync;
use crate::domain::report::Report;

/// Marks this phone's own reports with the signed-in resident's account, now and as
/// reports are filed.
pub fn claim_own_reports(sync: Sync) {
    let records = use_records();
    let writer = use_records_writer();
    let account = Memo::new(move |_| {
        sync.status.with(|s| {
            s.user
                .as_ref()
                .and_then(|u| u.files_own_reports())
                .map(str::to_string)
        })
    });
    Effect::new(move |_| {
        let Some(account) = account.get() else {
            return;
        };
        let claimed: Vec<Report> = records
            .reports
            .with(|all| all.iter().filter_map(|r| r.claimed_by(&account)).collect());
        if !claimed.is_empty() {
            writer.report_docs.put_all(claimed);
        }
    });
}
