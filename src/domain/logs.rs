//! The stewards' logs the district counts: what an entry must say, and the totals per
//! compound and for the district (derived, never stored).

use super::Millis;
use super::limits::{NAME_MAX, NOTE_MAX, TextError, check_text};
use super::records::{ArrearsRecovery, Mediation, MediationKind};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LogError {
    Parties(TextError),
    Subject(TextError),
    Outcome(TextError),
    Mediator(TextError),
    /// A date after today.
    FutureDate,
    /// No households named for recovered arrears.
    NoHouseholds,
}

/// Checks a mediation as written; every problem at once.
pub fn check_mediation(m: &Mediation, now: Millis) -> Vec<LogError> {
    let mut errors = Vec::new();
    let mut text = |value: &str, max, required, wrap: fn(TextError) -> LogError| {
        if let Err(e) = check_text(value, max, required) {
            errors.push(wrap(e));
        }
    };
    text(&m.parties, NOTE_MAX, true, LogError::Parties);
    text(&m.subject, NOTE_MAX, true, LogError::Subject);
    text(&m.outcome, NOTE_MAX, false, LogError::Outcome);
    text(&m.mediator, NAME_MAX, false, LogError::Mediator);
    if m.date > now {
        errors.push(LogError::FutureDate);
    }
    errors
}

/// Checks recovered arrears as written.
pub fn check_arrears(a: &ArrearsRecovery, now: Millis) -> Vec<LogError> {
    let mut errors = Vec::new();
    if a.households == 0 {
        errors.push(LogError::NoHouseholds);
    }
    if a.date > now {
        errors.push(LogError::FutureDate);
    }
    errors
}

/// "张三、李四" → "张*、李*": parties in lists, never in full.
pub fn mask_parties(parties: &str) -> String {
    parties
        .split(['、', ',', '，', ' ', '/'])
        .filter(|p| !p.trim().is_empty())
        .map(|p| {
            let mut chars = p.trim().chars();
            let first = chars.next().map(String::from).unwrap_or_default();
            format!("{first}{}", "*".repeat(chars.count().min(3)))
        })
        .collect::<Vec<_>>()
        .join("、")
}

/// What the logs add up to, for a compound or the whole district.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LogTotals {
    pub pre_litigation: u32,
    pub pre_litigation_fen: u64,
    pub oral: u32,
    pub oral_fen: u64,
    pub arrears_fen: u64,
    pub arrears_households: u32,
}

/// Totals over the live entries `of` accepts: successful mediations by kind with the
/// amounts involved, and arrears recovered.
pub fn log_totals<'a>(
    mediations: impl IntoIterator<Item = &'a Mediation>,
    arrears: impl IntoIterator<Item = &'a ArrearsRecovery>,
    of: impl Fn(&str) -> bool,
) -> LogTotals {
    let mut t = LogTotals::default();
    for m in mediations
        .into_iter()
        .filter(|m| !m.deleted && m.succeeded && of(&m.compound))
    {
        match m.kind {
            MediationKind::PreLitigation => {
                t.pre_litigation += 1;
                t.pre_litigation_fen += m.amount_fen;
            }
            MediationKind::Oral => {
                t.oral += 1;
                t.oral_fen += m.amount_fen;
            }
        }
    }
    for a in arrears
        .into_iter()
        .filter(|a| !a.deleted && of(&a.compound))
    {
        t.arrears_fen += a.amount_fen;
        t.arrears_households += a.households;
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mediation(compound: &str, kind: MediationKind, fen: u64, succeeded: bool) -> Mediation {
        Mediation {
            id: format!("{compound}-{fen}"),
            compound: compound.into(),
            kind,
            parties: "张三、李四".into(),
            subject: "漏水".into(),
            amount_fen: fen,
            succeeded,
            outcome: "赔偿".into(),
            mediator: "王建国".into(),
            report: None,
            date: 5,
            updated_at: 5,
            deleted: false,
        }
    }

    fn arrears(compound: &str, households: u32, fen: u64) -> ArrearsRecovery {
        ArrearsRecovery {
            id: format!("{compound}-a{fen}"),
            compound: compound.into(),
            households,
            amount_fen: fen,
            date: 5,
            updated_at: 5,
            deleted: false,
        }
    }

    #[test]
    fn totals_count_successful_mediations_and_recovered_arrears() {
        let mut gone = mediation("a", MediationKind::Oral, 9, true);
        gone.deleted = true;
        let ms = [
            mediation("a", MediationKind::PreLitigation, 30_000_000, true),
            mediation("a", MediationKind::Oral, 0, true),
            mediation("b", MediationKind::Oral, 500, true),
            mediation("a", MediationKind::Oral, 700, false),
            gone,
        ];
        let ar = [arrears("a", 3, 3_927_100), arrears("b", 1, 100)];
        let all = log_totals(&ms, &ar, |_| true);
        assert_eq!(
            all,
            LogTotals {
                pre_litigation: 1,
                pre_litigation_fen: 30_000_000,
                oral: 2,
                oral_fen: 500,
                arrears_fen: 3_927_200,
                arrears_households: 4,
            }
        );
        assert_eq!(log_totals(&ms, &ar, |c| c == "b").oral, 1);
    }

    #[test]
    fn entries_say_who_what_and_when() {
        assert!(check_mediation(&mediation("a", MediationKind::Oral, 0, true), 5).is_empty());
        let mut bad = mediation("a", MediationKind::Oral, 0, true);
        bad.parties = " ".into();
        bad.subject = String::new();
        bad.date = 10;
        assert_eq!(
            check_mediation(&bad, 5),
            vec![
                LogError::Parties(TextError::Required),
                LogError::Subject(TextError::Required),
                LogError::FutureDate,
            ]
        );
        assert_eq!(
            check_arrears(&arrears("a", 0, 1), 5),
            vec![LogError::NoHouseholds]
        );
    }

    #[test]
    fn parties_are_masked_in_lists() {
        assert_eq!(mask_parties("张三、李四 王小明"), "张*、李*、王**");
    }
}
