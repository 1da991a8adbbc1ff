//! Two versions of one compound's local edits (two stewards' tabs or phones posting at
//! once): the later-edited version's facts and roster, and the notices of both — a notice
//! is never lost to a concurrent edit.

use super::compound::Compound;

/// Both versions in one: `later`'s facts, grids and roster; every notice of either (one
/// notice changed on both sides: the later version's copy).
pub fn merge_compound_versions(a: &Compound, b: &Compound) -> Compound {
    let (later, earlier) = if b.updated_at > a.updated_at {
        (b, a)
    } else {
        (a, b)
    };
    let mut merged = later.clone();
    for notice in &earlier.notices {
        if !merged.notices.iter().any(|n| n.id == notice.id) {
            merged.notices.push(notice.clone());
        }
    }
    merged.notices.sort_by_key(|n| n.published_at);
    merged.deleted = a.deleted && b.deleted;
    merged
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::compound::{ManagementMode, Notice};
    use crate::fixtures::compound;

    fn notice(id: &str, at: i64) -> Notice {
        Notice {
            id: id.into(),
            title: id.into(),
            body: String::new(),
            published_at: at,
            pinned: false,
            expires_at: None,
        }
    }

    #[test]
    fn both_sides_notices_are_kept_and_the_later_facts_win() {
        let base = compound("dongtangcun", ManagementMode::Unmanaged);
        let mut mine = base.clone();
        mine.notices.push(notice("停水", 2));
        mine.hotline = Some("0731-1".into());
        mine.updated_at = 5;
        let mut theirs = base.clone();
        theirs.notices.push(notice("停电", 1));
        theirs.updated_at = 3;
        let merged = merge_compound_versions(&mine, &theirs);
        let ids: Vec<&str> = merged.notices.iter().map(|n| n.id.as_str()).collect();
        assert_eq!(ids, ["停电", "停水"]);
        assert_eq!(merged.hotline.as_deref(), Some("0731-1"));
        assert_eq!(merge_compound_versions(&theirs, &mine), merged);
    }
}
