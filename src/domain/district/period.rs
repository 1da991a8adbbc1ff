//! The period the district looks at — this month, this quarter, the year so far, or a
//! range the user picks — and the period before it, to compare against. Calendar periods
//! follow the civil calendar in UTC+8; the previous period of a "so far" period covers
//! the same stretch of the previous one (1–27 November against 1–27 October).

use crate::domain::Millis;
use crate::domain::time::{DAY_MS, civil_date, parse_date};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Period {
    Month,
    Quarter,
    YearToDate,
    /// From the start of one civil day to the end of another, both included.
    Custom {
        from: Millis,
        to: Millis,
    },
}

/// `[start, end)` in epoch milliseconds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    pub start: Millis,
    pub end: Millis,
}

impl Span {
    pub fn contains(&self, at: Millis) -> bool {
        (self.start..self.end).contains(&at)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PeriodError {
    /// A custom range whose dates do not parse.
    BadDate,
    /// A custom range that ends before it starts.
    EndsBeforeStart,
    /// Longer than ten years: not a period anyone compares.
    TooLong,
}

/// Start of the civil day `(y, m, d)`; month may run past 12 or below 1.
pub fn day_start(year: i32, month: i32, day: u32) -> Millis {
    let months = year * 12 + (month - 1);
    let (y, m) = (months.div_euclid(12), months.rem_euclid(12) + 1);
    parse_date(&format!("{y:04}-{m:02}-{day:02}")).unwrap_or_default()
}

impl Period {
    /// A custom period from two `YYYY-MM-DD` dates, both days included.
    pub fn custom(from: &str, to: &str) -> Result<Period, PeriodError> {
        let (Some(from), Some(to)) = (parse_date(from), parse_date(to)) else {
            return Err(PeriodError::BadDate);
        };
        if to < from {
            return Err(PeriodError::EndsBeforeStart);
        }
        if to - from > 3_660 * DAY_MS {
            return Err(PeriodError::TooLong);
        }
        Ok(Period::Custom {
            from,
            to: to + DAY_MS,
        })
    }

    /// The span this period covers, as of `now` (calendar periods end now: so far).
    pub fn span(self, now: Millis) -> Span {
        let (y, m, _) = civil_date(now);
        let m = m as i32;
        let start = match self {
            Period::Month => day_start(y, m, 1),
            Period::Quarter => day_start(y, (m - 1) / 3 * 3 + 1, 1),
            Period::YearToDate => day_start(y, 1, 1),
            Period::Custom { from, to } => {
                return Span {
                    start: from,
                    end: to,
                };
            }
        };
        Span { start, end: now }
    }

    /// The period before, of the same calendar kind and as far into it as `now` is into
    /// this one; a custom range is followed back by one of the same length.
    pub fn previous(self, now: Millis) -> Span {
        let this = self.span(now);
        let back = |months: i32| {
            let (y, m, _) = civil_date(this.start);
            let start = day_start(y, m as i32 - months, 1);
            Span {
                start,
                end: (start + (this.end - this.start)).min(this.start),
            }
        };
        match self {
            Period::Month => back(1),
            Period::Quarter => back(3),
            Period::YearToDate => back(12),
            Period::Custom { from, to } => Span {
                start: from - (to - from),
                end: from,
            },
        }
    }
}

/// `2026Q4`: the quarter an inspection score and a scoring rule belong to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Quarter {
    pub year: i32,
    /// 1–4
    pub q: u8,
}

impl Quarter {
    pub fn of(at: Millis) -> Quarter {
        let (year, m, _) = civil_date(at);
        Quarter {
            year,
            q: ((m - 1) / 3 + 1) as u8,
        }
    }

    pub fn span(self) -> Span {
        let first = i32::from(self.q - 1) * 3 + 1;
        Span {
            start: day_start(self.year, first, 1),
            end: day_start(self.year, first + 3, 1),
        }
    }

    pub fn previous(self) -> Quarter {
        match self.q {
            1 => Quarter {
                year: self.year - 1,
                q: 4,
            },
            q => Quarter { q: q - 1, ..self },
        }
    }

    /// `2026Q4`
    pub fn key(self) -> String {
        format!("{}Q{}", self.year, self.q)
    }

    pub fn parse(key: &str) -> Option<Quarter> {
        let (year, q) = key.split_once('Q')?;
        let quarter = Quarter {
            year: year.parse().ok()?,
            q: q.parse().ok()?,
        };
        ((1..=4).contains(&quarter.q) && (2000..=2200).contains(&quarter.year)).then_some(quarter)
    }
}

/// The twelve months up to and including the one `at` falls in: `(label, span)`, oldest
/// first, for the "by month" chart.
pub fn last_twelve_months(at: Millis) -> Vec<(String, Span)> {
    let (y, m, _) = civil_date(at);
    (0..12)
        .rev()
        .map(|back| {
            let start = day_start(y, m as i32 - back, 1);
            let (sy, sm, _) = civil_date(start);
            let label = format!("{sy}-{sm:02}");
            let end = day_start(sy, sm as i32 + 1, 1);
            (label, Span { start, end })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::time::format_date;

    fn at(date: &str) -> Millis {
        parse_date(date).unwrap() + 10 * 3_600_000
    }

    fn dates(s: Span) -> (String, String) {
        (format_date(s.start), format_date(s.end - 1))
    }

    #[test]
    fn calendar_periods_run_to_now_and_compare_with_as_far_into_the_last() {
        let now = at("2026-11-27");
        assert_eq!(dates(Period::Month.span(now)).0, "2026-11-01");
        assert_eq!(dates(Period::Quarter.span(now)).0, "2026-10-01");
        assert_eq!(dates(Period::YearToDate.span(now)).0, "2026-01-01");
        let prev = Period::Month.previous(now);
        assert_eq!(dates(prev), ("2026-10-01".into(), "2026-10-27".into()));
        let prev_q = Period::Quarter.previous(now);
        assert_eq!(dates(prev_q), ("2026-07-01".into(), "2026-08-27".into()));
        let prev_y = Period::YearToDate.previous(now);
        assert_eq!(prev_y.start, parse_date("2025-01-01").unwrap());
        // 31 March: the previous month is February, cut at its end.
        let march = Period::Month.previous(at("2026-03-31"));
        assert_eq!(dates(march), ("2026-02-01".into(), "2026-02-28".into()));
        let january = Period::Month.previous(at("2026-01-05"));
        assert_eq!(dates(january).0, "2025-12-01");
    }

    #[test]
    fn custom_ranges_include_both_days_and_are_checked() {
        let p = Period::custom("2026-07-01", "2026-09-30").unwrap();
        assert_eq!(dates(p.span(0)), ("2026-07-01".into(), "2026-09-30".into()));
        let prev = p.previous(0);
        assert_eq!(prev.end, parse_date("2026-07-01").unwrap());
        assert_eq!(prev.end - prev.start, p.span(0).end - p.span(0).start);
        assert_eq!(
            Period::custom("2026-09-30", "2026-07-01"),
            Err(PeriodError::EndsBeforeStart)
        );
        assert_eq!(
            Period::custom("2026-02-30", "2026-07-01"),
            Err(PeriodError::BadDate)
        );
        assert_eq!(
            Period::custom("2000-01-01", "2026-07-01"),
            Err(PeriodError::TooLong)
        );
    }

    #[test]
    fn quarters_and_months() {
        let q = Quarter::of(at("2026-11-27"));
        assert_eq!(q.key(), "2026Q4");
        assert_eq!(Quarter::parse("2026Q4"), Some(q));
        assert_eq!(Quarter::parse("2026Q5"), None);
        assert_eq!(q.previous().key(), "2026Q3");
        assert_eq!(Quarter::parse("2026Q1").unwrap().previous().key(), "2025Q4");
        assert_eq!(dates(q.span()), ("2026-10-01".into(), "2026-12-31".into()));
        let months = last_twelve_months(at("2026-11-27"));
        assert_eq!(months.len(), 12);
        assert_eq!(months[0].0, "2025-12");
        assert_eq!(months[11].0, "2026-11");
        assert_eq!(months[10].1.end, months[11].1.start);
    }
}
