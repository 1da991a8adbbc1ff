//! CSV for spreadsheets: reading records (RFC 4180), and writing cells and tables (the
//! reports export, which needs words, is `i18n::report_table`). Every written cell is
//! quoted, and a cell that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab,
//! CR) gets a leading `'`.

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
            // CRLF ends a record at its LF; a CR alone (old Mac files, some exports)
            // ends one by itself rather than vanishing into the cell.
            (false, '\r') if chars.peek() == Some(&'\n') => {}
            (false, '\r' | '\n') => {
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
    fn a_carriage_return_alone_ends_a_record_and_is_kept_inside_quotes() {
        let records = parse_records("a,b\rc,d\r\ne,\"x\ry\"").unwrap();
        let rows: Vec<Vec<String>> = records.into_iter().map(|(_, r)| r).collect();
        assert_eq!(rows, [vec!["a", "b"], vec!["c", "d"], vec!["e", "x\ry"]]);
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
