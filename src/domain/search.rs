//! Directory search: Chinese substring over name, community, subdistrict and property
//! company, plus pinyin initials of the name (`dtc` finds 东塘村小区). The index is built
//! once per data change so a keystroke only scans prepared strings.

use super::compound::{Compound, ManagementMode};
use super::pinyin::PinyinTable;

struct Entry {
    name: String,
    others: String,
    initials: String,
    mode: ManagementMode,
    subdistrict: String,
    covered: bool,
}

pub struct SearchIndex {
    entries: Vec<Entry>,
}

/// What narrows the directory besides the text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filter {
    pub mode: Option<ManagementMode>,
    pub subdistrict: Option<String>,
    /// Only compounds covered by property management (or only those not).
    pub covered: Option<bool>,
}

impl SearchIndex {
    /// Indexes `compounds` in order; results are positions in that slice. Without a
    /// `pinyin` table (not fetched yet) initials match nothing.
    pub fn new(compounds: &[Compound], pinyin: Option<&PinyinTable>) -> SearchIndex {
        let entries = compounds
            .iter()
            .map(|c| Entry {
                name: c.name.to_lowercase(),
                others: format!(
                    "{}\u{1}{}\u{1}{}",
                    c.community,
                    c.subdistrict,
                    c.property_company.as_deref().unwrap_or("")
                )
                .to_lowercase(),
                initials: pinyin.map(|p| p.initials(&c.name)).unwrap_or_default(),
                mode: c.mode,
                subdistrict: c.subdistrict.clone(),
                covered: c.covered,
            })
            .collect();
        SearchIndex { entries }
    }

    /// Positions of matching compounds, best first: exact name, name prefix, name
    /// substring, initials prefix, initials substring, then other fields.
    pub fn search(&self, query: &str, filter: &Filter) -> Vec<usize> {
        let q = query.trim().to_lowercase();
        let ascii = q.chars().all(|c| c.is_ascii_alphanumeric());
        let mut hits: Vec<(u8, usize)> = self
            .entries
            .iter()
            .enumerate()
            .filter(|(_, e)| filter.mode.is_none_or(|m| m == e.mode))
            .filter(|(_, e)| filter.covered.is_none_or(|c| c == e.covered))
            .filter(|(_, e)| {
                filter
                    .subdistrict
                    .as_deref()
                    .is_none_or(|s| s == e.subdistrict)
            })
            .filter_map(|(i, e)| rank(e, &q, ascii).map(|r| (r, i)))
            .collect();
        hits.sort_unstable();
        hits.into_iter().map(|(_, i)| i).collect()
    }
}

fn rank(e: &Entry, q: &str, ascii: bool) -> Option<u8> {
    if q.is_empty() {
        return Some(5);
    }
    if e.name == q {
        Some(0)
    } else if e.name.starts_with(q) {
        Some(1)
    } else if e.name.contains(q) {
        Some(2)
    } else if ascii && e.initials.starts_with(q) {
        Some(3)
    } else if ascii && e.initials.contains(q) {
        Some(4)
    } else if e.others.contains(q) {
        Some(5)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::pinyin::published;
    use crate::fixtures::compound;

    fn named(name: &str, mode: ManagementMode) -> Compound {
        let mut c = compound(name, mode);
        c.name = name.into();
        c
    }

    fn names(compounds: &[Compound], hits: Vec<usize>) -> Vec<&str> {
        hits.into_iter()
            .map(|i| compounds[i].name.as_str())
            .collect()
    }

    #[test]
    fn substring_initials_and_ranking() {
        let mut jindi = named("新塘北苑", ManagementMode::PropertyCompany);
        jindi.property_company = Some("金地物业".into());
        let all = vec![
            named("老东塘村小区", ManagementMode::Unmanaged),
            named("东塘村小区", ManagementMode::PropertyCompany),
            named("东塘村", ManagementMode::CommunityManaged),
            jindi,
            named("天鹤村小区", ManagementMode::PropertyCompany),
        ];
        let index = SearchIndex::new(&all, Some(&published()));
        let any = Filter::default();
        assert_eq!(
            names(&all, index.search("东塘村", &any)),
            ["东塘村", "东塘村小区", "老东塘村小区"]
        );
        assert_eq!(
            names(&all, index.search("DTC", &any)),
            ["东塘村小区", "东塘村", "老东塘村小区"]
        );
        assert_eq!(names(&all, index.search("金地", &any)), ["新塘北苑"]);
        assert_eq!(names(&all, index.search("书院路", &any)).len(), 5);
        assert!(index.search("不存在", &any).is_empty());
        assert_eq!(index.search("", &any).len(), 5);
    }

    #[test]
    fn filters_by_mode_and_subdistrict() {
        let mut other = named("松涛里小区", ManagementMode::OwnerSelfGoverned);
        other.subdistrict = "建设路街道".into();
        let all = vec![named("东塘村小区", ManagementMode::PropertyCompany), other];
        let index = SearchIndex::new(&all, None);
        let owners = Filter {
            mode: Some(ManagementMode::OwnerSelfGoverned),
            ..Filter::default()
        };
        assert_eq!(names(&all, index.search("", &owners)), ["松涛里小区"]);
        let street = Filter {
            subdistrict: Some("书院路街道".into()),
            ..Filter::default()
        };
        assert_eq!(names(&all, index.search("小区", &street)), ["东塘村小区"]);
    }

    #[test]
    fn filters_by_coverage() {
        let mut covered = named("东塘村小区", ManagementMode::PropertyCompany);
        covered.covered = true;
        let all = vec![
            covered,
            named("松涛里小区", ManagementMode::OwnerSelfGoverned),
        ];
        let index = SearchIndex::new(&all, None);
        let only = |c| Filter {
            covered: Some(c),
            ..Filter::default()
        };
        assert_eq!(names(&all, index.search("", &only(true))), ["东塘村小区"]);
        assert_eq!(names(&all, index.search("", &only(false))), ["松涛里小区"]);
        assert_eq!(index.search("", &Filter::default()).len(), 2);
    }
}
