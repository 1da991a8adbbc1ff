//! Calendar arithmetic on epoch milliseconds, in China Standard Time (UTC+8, no DST),
//! the only zone the district lives in.

use super::Millis;

pub const DAY_MS: Millis = 86_400_000;
const CST_OFFSET_MS: Millis = 8 * 3_600_000;

/// (year, month, day) of the civil date in UTC+8. Howard Hinnant's days-to-civil.
pub fn civil_date(ms: Millis) -> (i32, u32, u32) {
    let days = (ms + CST_OFFSET_MS).div_euclid(DAY_MS);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    (year, month, day)
}

/// Start of a civil date (`2026-11-26`, as a date input gives it) in UTC+8; `None` for
/// anything else. Howard Hinnant's days-from-civil.
pub fn parse_date(text: &str) -> Option<Millis> {
    let mut parts = text.trim().splitn(3, '-');
    let y: i64 = parts.next()?.parse().ok()?;
    let m: i64 = parts.next()?.parse().ok()?;
    let d: i64 = parts.next()?.parse().ok()?;
    if !(1900..=2200).contains(&y) || !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    let y_adj = if m <= 2 { y - 1 } else { y };
    let era = y_adj.div_euclid(400);
    let yoe = y_adj - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    let ms = days * DAY_MS - CST_OFFSET_MS;
    // 2026-02-31 is not a date: it would come back as March.
    (civil_date(ms) == (y as i32, m as u32, d as u32)).then_some(ms)
}

/// `2026-11-26`
pub fn format_date(ms: Millis) -> String {
    let (y, m, d) = civil_date(ms);
    format!("{y:04}-{m:02}-{d:02}")
}

/// `2026-11-26 09:05`
pub fn format_date_time(ms: Millis) -> String {
    let minutes = (ms + CST_OFFSET_MS).rem_euclid(DAY_MS) / 60_000;
    format!(
        "{} {:02}:{:02}",
        format_date(ms),
        minutes / 60,
        minutes % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_in_china_time() {
        // 2026-11-25T16:30:00Z is 00:30 on the 26th in Xiangtan.
        assert_eq!(format_date_time(1_795_624_200_000), "2026-11-26 00:30");
        assert_eq!(format_date(0), "1970-01-01");
        assert_eq!(civil_date(951_782_400_000), (2000, 2, 29)); // 2000-02-29T00:00Z
    }

    #[test]
    fn dates_read_back_as_written() {
        for text in ["2026-11-26", "2000-02-29", "1999-12-31", "2027-03-01"] {
            assert_eq!(format_date(parse_date(text).unwrap()), text);
        }
        assert_eq!(
            format_date_time(parse_date("2026-11-26").unwrap()),
            "2026-11-26 00:00"
        );
        for bad in [
            "",
            "2026-02-31",
            "2026-13-01",
            "26-11-26",
            "2026/11/26",
            "明天",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
    }
}
