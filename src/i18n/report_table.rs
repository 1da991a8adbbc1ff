//! The reports as a spreadsheet (the 导出 CSV of 我的 and the console): the table's words
//! are the reader's language, its quoting and defusing `format::csv`'s.

use super::Strings;
use crate::domain::compound::Compound;
use crate::domain::report::Report;
use crate::domain::time::format_date_time;
use crate::format::csv::table_csv;

/// The reports as CSV with a header row, deleted ones left out. Reporter phones are
/// never exported.
pub fn reports_csv(reports: &[Report], compounds: &[Compound], s: &Strings) -> String {
    let rows: Vec<Vec<String>> = reports
        .iter()
        .filter(|r| !r.deleted)
        .map(|r| {
            let compound = compounds.iter().find(|c| c.id == r.compound);
            vec![
                r.id.clone(),
                compound.map_or_else(|| r.compound.clone(), |c| c.name.clone()),
                r.building.clone().unwrap_or_default(),
                r.unit.clone().unwrap_or_default(),
                s.category(r.category).into(),
                s.status(r.status()).into(),
                s.urgency(r.urgency).into(),
                r.description.clone(),
                r.submitted_at().map(format_date_time).unwrap_or_default(),
                r.expected_by.map(format_date_time).unwrap_or_default(),
                r.satisfaction.map(|s| s.to_string()).unwrap_or_default(),
                r.followers.to_string(),
            ]
        })
        .collect();
    table_csv(&s.app().reports_csv_header, &rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::report::Category;
    use crate::fixtures::report;

    #[test]
    fn reports_csv_has_a_header_and_no_reporter_phone() {
        let mut r = report("dongtangcun", Category::SepticTank);
        r.reporter_phone = Some("13800000001".into());
        r.description = "=cmd|' /C calc'!A0".into();
        let csv = reports_csv(&[r], &[], crate::i18n::strings(crate::i18n::Lang::Zh));
        let lines: Vec<&str> = csv
            .trim_start_matches('\u{FEFF}')
            .trim_end()
            .split("\r\n")
            .collect();
        assert_eq!(lines.len(), 2);
        assert!(lines[0].starts_with("\"编号\",\"小区\""));
        assert!(lines[1].contains("\"'=cmd|' /C calc'!A0\""));
        assert!(!csv.contains("13800000001"));
    }
}
