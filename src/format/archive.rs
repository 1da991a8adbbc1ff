//! Archived reports as the phone keeps them: the notes (`domain::archive::ArchivedReport`)
//! as plain lines beside the documents (the document store's `archive` entry), written in
//! the transaction that removes or restores the reports. Plain lines rather than JSON: the
//! programs that sync read them on every pull (which documents to pass over, which are
//! asked back) and carry no decoder for them. A report brought back from a backup file is
//! the very revision that left — the server's, when it has it — so it is never a second
//! version of itself.

use crate::domain::archive::ArchivedReport;
use crate::domain::report::{Category, Report};
use crate::format::documents::{Document, StoredDoc};
use crate::format::revision::{Body, DocTree, Leaf};

/// The document store's entry holding the notes.
pub const META_KEY: &str = "archive";

/// Text the person wrote, on one line and without the cell separator.
fn one_line(text: &str) -> String {
    text.replace(['\t', '\n', '\r'], " ")
}

/// The notes as stored: one line each, twelve cells separated by tabs — number, compound,
/// category, summary, closed, archived, version (`updated_at`), backup file, server
/// database (`-`: none), revision, its ancestors (comma-separated), `1` if asked back. A
/// line that does not read as one (cut short, a newer layout) is left out: the reports
/// themselves are on the server and in the backup files either way.
pub fn read(text: Option<&str>) -> Vec<ArchivedReport> {
    text.unwrap_or_default()
        .lines()
        .filter_map(|line| {
            let c: Vec<&str> = line.split('\t').collect();
            let [
                id,
                compound,
                category,
                summary,
                closed,
                archived,
                updated,
                file,
                db,
                rev,
                ancestors,
                wanted,
            ] = c.as_slice()
            else {
                return None;
            };
            Some(ArchivedReport {
                id: id.to_string(),
                compound: compound.to_string(),
                category: Category::from_key(category)?,
                summary: summary.to_string(),
                closed_at: closed.parse().ok()?,
                archived_at: archived.parse().ok()?,
                updated_at: updated.parse().ok()?,
                backup_file: file.to_string(),
                server_db: (*db != "-").then(|| db.to_string()),
                rev: rev.to_string(),
                ancestors: ancestors
                    .split(',')
                    .filter(|a| !a.is_empty())
                    .map(String::from)
                    .collect(),
                wanted: *wanted == "1",
            })
        })
        .collect()
}

pub fn write(notes: &[ArchivedReport]) -> String {
    notes
        .iter()
        .map(|n| {
            let cells = [
                one_line(&n.id),
                n.compound.clone(),
                n.category.key().to_string(),
                one_line(&n.summary),
                n.closed_at.to_string(),
                n.archived_at.to_string(),
                n.updated_at.to_string(),
                one_line(&n.backup_file),
                n.server_db.clone().unwrap_or_else(|| "-".into()),
                n.rev.clone(),
                n.ancestors.join(","),
                if n.wanted { "1" } else { "0" }.to_string(),
            ];
            cells.join("\t") + "\n"
        })
        .collect()
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
    fn notes_read_back_and_junk_reads_as_none() {
        let mut r = closed();
        r.description = "3栋\t漏水\n楼道湿".into();
        let a = ArchivedReport::of(&r, ("1-a".into(), vec![]), 1, "b.json", None);
        let mut b = ArchivedReport::of(
            &r,
            ("3-c".into(), vec!["b".into(), "a".into()]),
            2,
            "b.json",
            Some("r-dongtangcun".into()),
        );
        b.id = "R2".into();
        b.wanted = true;
        let back = read(Some(&write(&[a.clone(), b.clone()])));
        assert_eq!(back[1], b);
        assert_eq!(back[0].summary, "3栋 漏水 楼道湿", "on one line");
        assert_eq!(back.len(), 2);
        let cut = write(&[a]);
        assert!(
            read(Some(&cut[..cut.len() - 3])).is_empty(),
            "a line cut short is no line"
        );
        assert!(read(Some("{")).is_empty());
        assert!(read(None).is_empty());
    }
}
