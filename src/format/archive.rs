//! Archived reports as the phone keeps them: the notes (`domain::archive::ArchivedReport`)
//! as one JSON value beside the documents (the document store's `archive` entry), and what
//! replication needs of them as plain lines (`archive.off`: which documents a pull passes
//! over, which are asked back, from which database) — so the programs that sync read no
//! JSON for it. Both are written in the transaction that removes or restores the reports.
//! A report brought back from a backup file is the very revision that left — the
//! server's, when it has it — so it is never a second version of itself.

use crate::domain::archive::ArchivedReport;
use crate::domain::report::Report;
use crate::format::documents::{Document, StoredDoc};
use crate::format::revision::{Body, DocTree, Leaf};

/// The document store's entry holding the notes.
pub const META_KEY: &str = "archive";

/// The document store's entry replication reads: one line per archived report.
pub const OFF_KEY: &str = "archive.off";

/// What replication knows of one archived report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Off {
    pub doc_id: String,
    pub rev: String,
    pub db: Option<String>,
    pub wanted: bool,
}

/// The lines as stored: `doc id`, tab, `rev`, tab, database (`-`: none), tab, `1` if asked
/// back. Ids, revisions and database names hold no tabs or line breaks.
pub fn read_off(text: Option<&str>) -> Vec<Off> {
    text.unwrap_or_default()
        .lines()
        .filter_map(|line| {
            let mut cells = line.split('\t');
            let (doc_id, rev, db, wanted) =
                (cells.next()?, cells.next()?, cells.next()?, cells.next()?);
            Some(Off {
                doc_id: doc_id.into(),
                rev: rev.into(),
                db: (db != "-").then(|| db.into()),
                wanted: wanted == "1",
            })
        })
        .collect()
}

pub fn write_off(list: &[Off]) -> String {
    list.iter()
        .map(|o| {
            let db = o.db.as_deref().unwrap_or("-");
            format!(
                "{}\t{}\t{db}\t{}\n",
                o.doc_id,
                o.rev,
                if o.wanted { "1" } else { "0" }
            )
        })
        .collect()
}

/// The lines of these notes.
pub fn off_of(notes: &[ArchivedReport]) -> String {
    let list: Vec<Off> = notes
        .iter()
        .map(|n| Off {
            doc_id: doc_id(n),
            rev: n.rev.clone(),
            db: n.server_db.clone(),
            wanted: n.wanted,
        })
        .collect();
    write_off(&list)
}

/// The notes still archived: a note whose line replication removed (it brought the report
/// back) is gone; `wanted` as the lines say.
pub fn still_archived(notes: Vec<ArchivedReport>, off: &[Off]) -> Vec<ArchivedReport> {
    notes
        .into_iter()
        .filter_map(|mut n| {
            let line = off.iter().find(|o| o.doc_id == doc_id(&n))?;
            n.wanted = line.wanted;
            Some(n)
        })
        .collect()
}

/// The notes as stored (none if nothing was ever archived, or the value is unreadable:
/// the reports themselves are on the server and in the backup files either way).
pub fn read(text: Option<&str>) -> Vec<ArchivedReport> {
    text.and_then(|t| serde_json::from_str(t).ok())
        .unwrap_or_default()
}

pub fn write(notes: &[ArchivedReport]) -> String {
    serde_json::to_string(notes).unwrap_or_else(|_| "[]".into())
}

/// The document id of the report a note is about.
pub fn doc_id(note: &ArchivedReport) -> String {
    format!("{}:{}", Report::KIND.key(), note.id)
}

/// The winner's revision and its ancestors, as a note keeps them.
pub fn rev_path(tree: &DocTree) -> Option<(String, Vec<String>)> {
    let w = tree.winner()?;
    Some((w.rev.clone(), w.ancestors.clone()))
}

/// A report from a backup file as a stored document: the revision that left, with its
/// history; a newer version in the file (edited elsewhere after) is an edit on top of it.
pub fn restored(note: &ArchivedReport, report: &Report) -> Option<StoredDoc> {
    let body = Body::of(report)?;
    let mut tree = DocTree::new(doc_id(note));
    let newer = report.updated_at > note.updated_at;
    tree.insert(Leaf {
        rev: note.rev.clone(),
        ancestors: note.ancestors.clone(),
        deleted: false,
        body: (!newer).then(|| body.clone()),
        base: None,
    });
    if newer {
        let rev = note.rev.clone();
        tree.edit(Some(&rev), Some(body), false);
    }
    Some(StoredDoc::with(tree, Some(report)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::report::{Category, Status, StatusEvent};
    use crate::format::documents::first_revision;

    fn closed() -> Report {
        let mut r = Report::draft("R1".into(), "dongtangcun".into(), None, None, 0);
        r.category = Category::Drainage;
        r.timeline.push(StatusEvent {
            at: 5,
            status: Status::Submitted,
            note: String::new(),
            by: None,
            change: None,
        });
        r
    }

    #[test]
    fn a_report_from_a_backup_is_the_revision_that_left_not_a_second_version() {
        let r = closed();
        let mut tree = first_revision(&r);
        let mut edited = r.clone();
        edited.description = "已修好".into();
        edited.updated_at = 9;
        let parent = tree.winner().unwrap().rev.clone();
        tree.edit(Some(&parent), Body::of(&edited), false);
        let note = ArchivedReport::of(&edited, rev_path(&tree).unwrap(), 10, "b.json", None);
        let back = restored(&note, &edited).unwrap();
        assert_eq!(back.id, "report:R1");
        assert_eq!(
            rev_path(&back.tree),
            rev_path(&tree),
            "the same revision and history"
        );
        assert_eq!(back.tree.current(), tree.current());
        assert!(back.tree.conflicts().is_empty());
        // A newer version in the file continues it: still one version, one more revision.
        let mut newer = edited.clone();
        newer.updated_at = 20;
        let on_top = restored(&note, &newer).unwrap();
        assert!(on_top.tree.conflicts().is_empty());
        assert!(on_top.tree.knows(&note.rev));
        assert!(on_top.tree.winner().unwrap().rev.starts_with("3-"));
    }

    #[test]
    fn replications_lines_follow_the_notes_and_a_note_brought_back_is_gone() {
        let mut a = ArchivedReport::of(
            &closed(),
            ("2-a".into(), vec!["b".into()]),
            1,
            "b.json",
            Some("r-dongtangcun".into()),
        );
        let mut b = a.clone();
        b.id = "R2".into();
        b.server_db = None;
        a.wanted = true;
        let off = read_off(Some(&off_of(&[a.clone(), b.clone()])));
        assert_eq!(
            off,
            [
                Off {
                    doc_id: "report:R1".into(),
                    rev: "2-a".into(),
                    db: Some("r-dongtangcun".into()),
                    wanted: true
                },
                Off {
                    doc_id: "report:R2".into(),
                    rev: "2-a".into(),
                    db: None,
                    wanted: false
                },
            ]
        );
        assert_eq!(still_archived(vec![a.clone(), b.clone()], &off[1..]), [b]);
        assert!(
            read_off(Some("report:x\t1-a\n")).is_empty(),
            "a cut line is no line"
        );
    }

    #[test]
    fn notes_read_back_and_junk_reads_as_none() {
        let note = ArchivedReport::of(&closed(), ("1-a".into(), vec![]), 1, "b.json", None);
        assert_eq!(read(Some(&write(std::slice::from_ref(&note)))), vec![note]);
        assert!(read(Some("{")).is_empty());
        assert!(read(None).is_empty());
    }
}
