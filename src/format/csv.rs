//! CSV for spreadsheets: reading records (RFC 4180), and writing cells and the reports
//! export. Every written cell is quoted, and a cell that a spreadsheet would run as a
//! formula (`=`, `+`, `-`, `@`, tab, CR) gets a leading `'`.

use crate::domain::compound::Compound;
use crate::domain::report::Report;
use crate::domain::time::format_date_time;
use crate::i18n::Strings;

/// One cell, quoted and defused.
pub fn cell(text: &str) -> String {
    let defused = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    format!("\"{}\"", defused.replace('"', "\"\""))
}

fn row(cells: &[String]) -> String {
    cells.iter().map(|c| cell(c)).collect::<Vec<_>>().join(",")
}

/// The reports as CSV with a header row; a UTF-8 BOM so spreadsheet programs read the
/// Chinese correctly. Reporter phones are never exported.
pub fn reports_csv(reports: &[Report], compounds: &[Compound], s: &Strings) -> String {
    let mut lines = vec![row(&s.app().reports_csv_header.map(String::from))];
    for r in reports.iter().filter(|r| !r.deleted) {
        let compound = compounds.iter().find(|c| c.id == r.compound);
        lines.push(row(&[
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
        ]));
    }
    with_bom(&lines)
}

/// A UTF-8 BOM, so spreadsheet programs read the Chinese correctly, and CRLF lines.
fn with_bom(lines: &[String]) -> String {
    format!("\u{FEFF}{}\r\n", lines.join("\r\n"))
}

/// Any table as shown on a page: its header row, then its rows, every cell defused.
pub fn table_csv(headers: &[&str], rows: &[Vec<String>]) -> String {
    let heading: Vec<String> = headers.iter().map(|h| h.to_string()).collect();
    let lines: Vec<String> = std::iter::once(heading.as_slice())
        .chain(rows.iter().map(Vec::as_slice))
        .map(row)
        .collect();
    with_bom(&lines)
}

/// A quoted field that never closes; `line` is where its record starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UnterminatedQuote {
    pub line: usize,
}

/// RFC 4180 fields: quotes, doubled quotes, commas and newlines inside quotes; a UTF-8
/// BOM and CRLF line ends are accepted. Each record comes with its first line number.
pub fn parse_records(text: &str) -> Result<Vec<(usize, Vec<String>)>, UnterminatedQuote> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let mut records = Vec::new();
    let (mut field, mut record) = (String::new(), Vec::new());
    let (mut line, mut start_line, mut quoted) = (1, 1, false);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => {
                line += usize::from(c == '\n');
                field.push(c);
            }
            (false, '"') if field.is_empty() => quoted = true,
            (false, ',') => record.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                record.push(std::mem::take(&mut field));
                records.push((start_line, std::mem::take(&mut record)));
                line += 1;
                start_line = line;
            }
            (false, c) => field.push(c),
        }
    }
    if quoted {
        return Err(UnterminatedQuote { line: start_line });
    }
    if !field.is_empty() || !record.is_empty() {
        record.push(field);
        records.push((start_line, record));
    }
    records.retain(|(_, r)| r.iter().any(|f| !f.trim().is_empty()));
    Ok(records)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::report::Category;
    use crate::fixtures::report;

    #[test]
    fn a_table_exports_with_its_header_and_defused_cells() {
        let csv = table_csv(
            &["物业公司", "总分"],
            &[vec!["=HYPERLINK(\"x\")".into(), "72.5".into()]],
        );
        assert_eq!(
            csv,
            "\u{FEFF}\"物业公司\",\"总分\"\r\n\"'=HYPERLINK(\"\"x\"\")\",\"72.5\"\r\n"
        );
    }

    #[test]
    fn cells_are_quoted_and_formulas_defused() {
        assert_eq!(cell("化粪池"), "\"化粪池\"");
        assert_eq!(cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(cell("+1"), "\"'+1\"");
        assert_eq!(cell("-2"), "\"'-2\"");
        assert_eq!(cell("@SUM(A1)"), "\"'@SUM(A1)\"");
        assert_eq!(cell("a,b\nc"), "\"a,b\nc\"");
    }

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

    #[test]
    fn parses_quotes_commas_and_newlines() {
        let records =
            parse_records("\u{FEFF}a,\"b,c\",\"say \"\"hi\"\"\"\r\n\"multi\nline\",x,\r\n\n")
                .unwrap();
        assert_eq!(
            records,
            vec![
                (1, vec!["a".into(), "b,c".into(), "say \"hi\"".into()]),
                (2, vec!["multi\nline".into(), "x".into(), String::new()]),
            ]
        );
        assert_eq!(
            parse_records("a,\"open"),
            Err(UnterminatedQuote { line: 1 })
        );
    }
}
