//! Archiving: closed reports older than a chosen age leave the phone. They stay on the
//! server (when the phone syncs) and in the backup file written as they leave; the phone
//! keeps a small note of each (`ArchivedReport`: its number, what it was about, when it
//! closed and left, where it can be found), so a search for it says where it went and it
//! can be brought back.

use super::Millis;
use super::report::{Category, Report, Status};
use super::time::DAY_MS;

keyed_enum! {
    /// How long after it closed a report may leave the phone (the person's choice).
    #[derive(Default)]
    pub enum ArchiveAge {
        ThreeMonths = "3",
        #[default]
        SixMonths = "6",
        TwelveMonths = "12",
    }
}

impl ArchiveAge {
    pub fn months(self) -> u32 {
        match self {
            ArchiveAge::ThreeMonths => 3,
            ArchiveAge::SixMonths => 6,
            ArchiveAge::TwelveMonths => 12,
        }
    }

    /// The age in milliseconds: a month counted as 30 days (a report closed 90 days ago
    /// is three months old).
    pub fn millis(self) -> Millis {
        Millis::from(self.months()) * 30 * DAY_MS
    }
}

/// Why a report stays on the phone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stays {
    /// Not closed: still waiting for someone, or never sent. Never archived.
    Open,
    /// Closed more recently than the chosen age.
    Recent,
    /// Changed on this phone since the last sync that completed: the server does not have
    /// this version yet.
    Unsent,
    /// Kept in two versions (two phones edited it): settled first, on the phone.
    TwoVersions,
}

/// When a report was closed (confirmed by the reporter, or closed by a steward): its last
/// step, if that step closed it.
pub fn closed_at(report: &Report) -> Option<Millis> {
    match report.status() {
        Status::Confirmed | Status::Closed => report.timeline.last().map(|e| e.at),
        _ => None,
    }
}

/// Whether a report may leave the phone now: closed at least `age` ago, with nothing on
/// this phone the server or a backup would not have. `unsent`: written here since the last
/// sync pass that completed (false on a phone that does not sync: the backup written as
/// it leaves holds it); `two_versions`: kept with a conflict.
pub fn may_archive(
    report: &Report,
    now: Millis,
    age: ArchiveAge,
    unsent: bool,
    two_versions: bool,
) -> Result<(), Stays> {
    let closed = closed_at(report).ok_or(Stays::Open)?;
    if report.deleted {
        return Err(Stays::Open);
    }
    if now - closed < age.millis() {
        return Err(Stays::Recent);
    }
    if unsent {
        return Err(Stays::Unsent);
    }
    if two_versions {
        return Err(Stays::TwoVersions);
    }
    Ok(())
}

/// How many characters of the description the note keeps: enough to recognise it.
pub const SUMMARY_CHARS: usize = 30;

/// What the phone keeps of a report that left it.
#[derive(Clone, Debug, PartialEq)]
pub struct ArchivedReport {
    /// The report's id, which is also the number people quote (`R20261126-7KQ3X`).
    pub id: String,
    pub compound: String,
    pub category: Category,
    /// The start of its description.
    pub summary: String,
    pub closed_at: Millis,
    pub archived_at: Millis,
    /// The version that left (its `updated_at`): a backup must hold it or a newer one.
    pub updated_at: Millis,
    /// The backup file written as it left (its name, as downloaded).
    pub backup_file: String,
    /// The server's database that holds it, when the phone synced it there.
    pub server_db: Option<String>,
    /// Its revision and that revision's ancestors, newest first: brought back from a
    /// backup it is the same revision the server holds, not a second version of it.
    pub rev: String,
    pub ancestors: Vec<String>,
    /// Asked back from the server: the next sync pass fetches it.
    pub wanted: bool,
}

impl ArchivedReport {
    /// The note for `report` leaving now, at revision `rev` (with its ancestors).
    pub fn of(
        report: &Report,
        rev: (String, Vec<String>),
        now: Millis,
        backup_file: &str,
        server_db: Option<String>,
    ) -> ArchivedReport {
        ArchivedReport {
            id: report.id.clone(),
            compound: report.compound.clone(),
            category: report.category,
            // On one line: a control character (a line break) is a space.
            summary: report
                .description
                .chars()
                .take(SUMMARY_CHARS)
                .map(|c| if c.is_control() { ' ' } else { c })
                .collect(),
            closed_at: closed_at(report).unwrap_or(report.updated_at),
            archived_at: now,
            updated_at: report.updated_at,
            backup_file: backup_file.to_string(),
            server_db,
            rev: rev.0,
            ancestors: rev.1,
            wanted: false,
        }
    }
}

/// The archived reports a search finds: by number (any part, any case) or by words of
/// what it was about. An empty search finds none.
pub fn search<'a>(archived: &'a [ArchivedReport], query: &str) -> Vec<&'a ArchivedReport> {
    let query = query.trim();
    if query.is_empty() {
        return vec![];
    }
    let upper = query.to_ascii_uppercase();
    archived
        .iter()
        .filter(|a| a.id.to_ascii_uppercase().contains(&upper) || a.summary.contains(query))
        .collect()
}

/// Why a backup file cannot bring an archived report back.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotInBackup {
    /// The file has no report with this number.
    Missing,
    /// The file has it, but older than the version that left the phone.
    Older,
}

/// The report a backup file holds for an archived one: the version that left or a newer.
pub fn from_backup<'a>(
    archived: &ArchivedReport,
    reports: &'a [Report],
) -> Result<&'a Report, NotInBackup> {
    let found = reports
        .iter()
        .find(|r| r.id == archived.id && !r.deleted)
        .ok_or(NotInBackup::Missing)?;
    if found.updated_at < archived.updated_at {
        return Err(NotInBackup::Older);
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::report::Category;

    const NOW: Millis = 400 * DAY_MS;

    fn report(steps: &[(Status, Millis)]) -> Report {
        let mut r = Report::draft(
            "R20250101-AAAAA".into(),
            "dongtangcun".into(),
            None,
            None,
            0,
        );
        r.category = Category::Drainage;
        r.description = "3栋下水道堵了，污水漫到楼道里".into();
        for (status, at) in steps {
            r.timeline.push(crate::domain::report::StatusEvent {
                at: *at,
                status: *status,
                note: "·".into(),
                by: None,
                change: None,
            });
            r.updated_at = *at;
        }
        r
    }

    fn closed(at: Millis) -> Report {
        report(&[
            (Status::Submitted, at - 5 * DAY_MS),
            (Status::Resolved, at - DAY_MS),
            (Status::Confirmed, at),
        ])
    }

    #[test]
    fn only_closed_reports_older_than_the_age_leave() {
        let age = ArchiveAge::SixMonths;
        let old = closed(NOW - 200 * DAY_MS);
        assert_eq!(may_archive(&old, NOW, age, false, false), Ok(()));
        assert_eq!(
            may_archive(&closed(NOW - 100 * DAY_MS), NOW, age, false, false),
            Err(Stays::Recent)
        );
        assert_eq!(
            may_archive(
                &closed(NOW - 100 * DAY_MS),
                NOW,
                ArchiveAge::ThreeMonths,
                false,
                false
            ),
            Ok(())
        );
        // Never an open one, however old: resolved is still waiting for the reporter.
        for status in [
            Status::Submitted,
            Status::InProgress,
            Status::Resolved,
            Status::Reopened,
        ] {
            let open = report(&[(status, 0)]);
            assert_eq!(may_archive(&open, NOW, age, false, false), Err(Stays::Open));
        }
        assert_eq!(
            may_archive(&report(&[]), NOW, age, false, false),
            Err(Stays::Open),
            "a draft"
        );
        let mut shut = report(&[(Status::Submitted, 0), (Status::Closed, DAY_MS)]);
        assert_eq!(may_archive(&shut, NOW, age, false, false), Ok(()));
        shut.deleted = true;
        assert_eq!(may_archive(&shut, NOW, age, false, false), Err(Stays::Open));
    }

    #[test]
    fn never_one_with_unsent_changes_or_two_versions() {
        let old = closed(DAY_MS);
        let age = ArchiveAge::ThreeMonths;
        assert_eq!(may_archive(&old, NOW, age, true, false), Err(Stays::Unsent));
        assert_eq!(
            may_archive(&old, NOW, age, false, true),
            Err(Stays::TwoVersions)
        );
    }

    #[test]
    fn the_note_is_found_by_number_or_words_and_a_backup_must_hold_the_version() {
        let r = closed(DAY_MS);
        let note = ArchivedReport::of(
            &r,
            ("4-abc".into(), vec!["3-def".into()]),
            NOW,
            "xiaoqu-guanjia-2026-02-04.json",
            Some("c-dongtangcun".into()),
        );
        assert_eq!(note.closed_at, DAY_MS);
        assert_eq!(note.summary.chars().count(), 15);
        let notes = [note.clone()];
        assert_eq!(
            search(&notes, "aaaaa").len(),
            1,
            "any part of the number, any case"
        );
        assert_eq!(search(&notes, " 下水道 ").len(), 1);
        assert!(search(&notes, "化粪池").is_empty());
        assert!(search(&notes, "  ").is_empty());
        assert_eq!(from_backup(&note, std::slice::from_ref(&r)), Ok(&r));
        let mut older = r.clone();
        older.updated_at -= 1;
        assert_eq!(from_backup(&note, &[older]), Err(NotInBackup::Older));
        assert_eq!(from_backup(&note, &[]), Err(NotInBackup::Missing));
    }

    #[test]
    fn ages_are_three_six_and_twelve_months() {
        assert_eq!(ArchiveAge::ALL.map(ArchiveAge::months), [3, 6, 12]);
        assert_eq!(ArchiveAge::from_key("12"), Some(ArchiveAge::TwelveMonths));
        assert_eq!(ArchiveAge::default().millis(), 180 * DAY_MS);
    }
}
