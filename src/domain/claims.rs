//! Which of a phone's reports are a signed-in resident's own. A resident's own reports go
//! to their database on the district server (`Report::filed_by`), so a phone shared by
//! several people — a steward's, a family's — must never hand one person's reports to the
//! next who signs in. A report records who was signed in when it was filed
//! (`Report::filed_signed_in`); from that:
//! - filed while this account was signed in: theirs, claimed at once;
//! - filed while another account was signed in (a steward, the office, another
//!   resident): never theirs, never asked about;
//! - filed while nobody was signed in (or by a version of the app that did not record it):
//!   the person is asked, and only their 「是我的」 claims it; a 「不是我的」 is remembered for
//!   that account, so it is not asked again.
//!
//! Never claimed at all: a draft (it is claimed, or not, when it is filed), a deleted
//! report, a steward's copy taken in from a hand-off link (`received_at`), and a report
//! already marked as filed by an account.

use super::report::{Report, Status};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Claim {
    /// Filed by this account: claimed without asking.
    Mine,
    /// Filed while nobody was signed in: theirs only if they say so.
    Ask,
    /// Not this account's to claim.
    Never,
}

/// What `account` (a resident's, `UserCtx::files_own_reports`) may do with `report`;
/// `declined`: the reports this account has said are not theirs.
pub fn claim_of(report: &Report, account: &str, declined: &[String]) -> Claim {
    let claimable = report.filed_by.is_none()
        && report.received_at.is_none()
        && !report.deleted
        && report.status() != Status::Draft;
    match report.filed_signed_in.as_deref() {
        _ if !claimable => Claim::Never,
        Some(name) if name == account => Claim::Mine,
        Some(_) => Claim::Never,
        None if declined.contains(&report.id) => Claim::Never,
        None => Claim::Ask,
    }
}

/// `report` marked as filed by `account`. `updated_at` stays: nothing a person sees
/// changed.
pub fn claimed(report: &Report, account: &str) -> Report {
    Report {
        filed_by: Some(account.to_string()),
        ..report.clone()
    }
}

/// The reports `account` claims now, already marked: its own, and those it said are its
/// own (`accepted`: ids it answered 「是我的」 for).
pub fn claim_now(reports: &[Report], account: &str, accepted: &[String]) -> Vec<Report> {
    reports
        .iter()
        .filter(|r| match claim_of(r, account, &[]) {
            Claim::Mine => true,
            Claim::Ask => accepted.contains(&r.id),
            Claim::Never => false,
        })
        .map(|r| claimed(r, account))
        .collect()
}

/// The reports to ask `account` about, in the order the phone keeps them.
pub fn to_ask<'a>(reports: &'a [Report], account: &str, declined: &[String]) -> Vec<&'a Report> {
    reports
        .iter()
        .filter(|r| claim_of(r, account, declined) == Claim::Ask)
        .collect()
}

/// The declined list read from what `write_declined` wrote (ids one a line); anything
/// unreadable is simply not declined, so the question comes again.
pub fn read_declined(text: &str) -> Vec<String> {
    text.split('\n')
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect()
}

pub fn write_declined(ids: &[String]) -> String {
    ids.join("\n")
}

#[cfg(test)]
#[path = "claims_tests.rs"]
mod tests;
