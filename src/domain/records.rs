//! Stewards' logs (mediation, arrears recovered) and the property-company scorecard.

use serde::{Deserialize, Serialize};

use super::Millis;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum MediationKind {
    /// 诉前调解
    PreLitigation,
    /// 口头调解
    Oral,
}

keyed_enum!(MediationKind {
    PreLitigation => "pre_litigation",
    Oral => "oral",
});

/// One mediation a steward recorded (诉前调解 / 口头调解).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Mediation {
    pub id: String,
    pub compound: String,
    pub kind: MediationKind,
    /// Who was in the dispute; masked in lists.
    pub parties: String,
    #[serde(default)]
    pub subject: String,
    /// Yuan involved, in fen to keep money exact.
    pub amount_fen: u64,
    pub succeeded: bool,
    pub outcome: String,
    #[serde(default)]
    pub mediator: String,
    /// The report it settled, if any.
    #[serde(default)]
    pub report: Option<String>,
    pub date: Millis,
    pub updated_at: Millis,
    #[serde(default)]
    pub deleted: bool,
}

/// Property-fee arrears recovered (收回欠缴物业费).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ArrearsRecovery {
    pub id: String,
    pub compound: String,
    #[serde(default)]
    pub households: u32,
    pub amount_fen: u64,
    pub date: Millis,
    pub updated_at: Millis,
    #[serde(default)]
    pub deleted: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PropertyCompany {
    pub id: String,
    pub name: String,
    pub hotline: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Verdict {
    Keep,
    Warn,
    Exit,
}

/// Inputs of the district's evaluation method (考核评价办法) for one company and period.
#[derive(Clone, Debug, PartialEq)]
pub struct Evaluation {
    /// 0.0–1.0
    pub resolution_rate: f64,
    pub median_days: f64,
    /// 1.0–5.0
    pub satisfaction: f64,
    /// 0.0–1.0
    pub reopen_rate: f64,
    /// 0–100, from the district's on-site inspection.
    pub inspection_score: f64,
}

impl Evaluation {
    /// Weighted 0–100 total: resolution 30, speed 15, satisfaction 25, reopen 10,
    /// inspection 20. Speed scores full at ≤ 3 days and nothing at ≥ 30.
    pub fn total(&self) -> f64 {
        let speed = ((30.0 - self.median_days) / 27.0).clamp(0.0, 1.0);
        let satisfaction = ((self.satisfaction - 1.0) / 4.0).clamp(0.0, 1.0);
        let total = 30.0 * self.resolution_rate.clamp(0.0, 1.0)
            + 15.0 * speed
            + 25.0 * satisfaction
            + 10.0 * (1.0 - self.reopen_rate.clamp(0.0, 1.0))
            + 20.0 * self.inspection_score.clamp(0.0, 100.0) / 100.0;
        (total * 10.0).round() / 10.0
    }

    /// ≥ 80 keep, 60–80 warn, < 60 exit (准入退出).
    pub fn verdict(&self) -> Verdict {
        match self.total() {
            t if t >= 80.0 => Verdict::Keep,
            t if t >= 60.0 => Verdict::Warn,
            _ => Verdict::Exit,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scorecard_totals_and_verdicts() {
        let perfect = Evaluation {
            resolution_rate: 1.0,
            median_days: 2.0,
            satisfaction: 5.0,
            reopen_rate: 0.0,
            inspection_score: 100.0,
        };
        assert_eq!(perfect.total(), 100.0);
        assert_eq!(perfect.verdict(), Verdict::Keep);
        let middling = Evaluation {
            satisfaction: 3.0,
            inspection_score: 60.0,
            median_days: 16.5,
            ..perfect.clone()
        };
        assert_eq!(middling.total(), 72.0);
        assert_eq!(middling.verdict(), Verdict::Warn);
        let poor = Evaluation {
            resolution_rate: 0.4,
            reopen_rate: 0.5,
            ..middling
        };
        assert_eq!(poor.verdict(), Verdict::Exit);
    }
}
