//! Property-company scorecards (考核评价): per company and quarter, how its compounds'
//! reports were handled plus the office's inspection score, combined by weights into a
//! total out of 100 and a verdict — keep, warn or exit (准入退出) — by thresholds. The
//! weights and thresholds are the app's proposal until the district saves its own for a
//! quarter; they then hold from that quarter on, until a later quarter sets new ones.

use serde::{Deserialize, Serialize};

use super::period::Quarter;
use super::work::Handling;
use crate::domain::Millis;
use crate::domain::compound::Compound;
use crate::domain::report::Report;
use crate::domain::stats::submitted;

keyed_enum! {
    /// What a scorecard weighs, in the order weights are written.
    pub enum Measure {
        Resolution = "resolution",
        Speed = "speed",
        Satisfaction = "satisfaction",
        Reopen = "reopen",
        Late = "late",
        Inspection = "inspection",
    }
}

keyed_enum! {
    #[derive(Serialize, Deserialize)]
    pub enum Verdict {
        Keep = "keep",
        Warn = "warn",
        Exit = "exit",
    }
}

/// Weights (percent points, one per `Measure` in its order) and the verdict thresholds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScoringRules {
    pub weights: [u8; 6],
    /// A total at or above this keeps the company.
    pub keep_at: u8,
    /// At or above this (and below `keep_at`) warns it; below, it exits.
    pub warn_at: u8,
}

/// The app's proposal: the reporter's confirmation counts most, then satisfaction and
/// the district's own inspection.
pub const PROPOSED: ScoringRules = ScoringRules {
    weights: [30, 15, 20, 10, 5, 20],
    keep_at: 80,
    warn_at: 60,
};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RulesError {
    /// The weights add up to this instead of 100.
    WeightsSum(u32),
    /// The "warn" threshold must be below the "keep" one, and "keep" at most 100.
    Thresholds,
}

impl ScoringRules {
    pub fn check(&self) -> Vec<RulesError> {
        let mut errors = Vec::new();
        let sum: u32 = self.weights.iter().map(|&w| u32::from(w)).sum();
        if sum != 100 {
            errors.push(RulesError::WeightsSum(sum));
        }
        if self.warn_at >= self.keep_at || self.keep_at > 100 {
            errors.push(RulesError::Thresholds);
        }
        errors
    }

    pub fn weight(&self, m: Measure) -> u8 {
        self.weights[m.index()]
    }

    pub fn verdict(&self, total: f64) -> Verdict {
        match total {
            t if t >= f64::from(self.keep_at) => Verdict::Keep,
            t if t >= f64::from(self.warn_at) => Verdict::Warn,
            _ => Verdict::Exit,
        }
    }
}

/// What the office decided for one quarter: rules (if it set any) and inspection scores
/// (0–100) per company. Kept as one document per quarter (`id` is `2026Q4`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuarterScoring {
    pub id: String,
    #[serde(default)]
    pub rules: Option<ScoringRules>,
    #[serde(default)]
    pub inspections: Vec<(String, u8)>,
    pub updated_at: Millis,
    #[serde(default)]
    pub deleted: bool,
}

impl QuarterScoring {
    pub fn new(quarter: Quarter, now: Millis) -> QuarterScoring {
        QuarterScoring {
            id: quarter.key(),
            rules: None,
            inspections: Vec::new(),
            updated_at: now,
            deleted: false,
        }
    }

    pub fn inspection(&self, company: &str) -> Option<u8> {
        self.inspections
            .iter()
            .find(|(c, _)| c == company)
            .map(|(_, s)| *s)
    }

    /// Sets (or, with `None`, clears) a company's inspection score.
    pub fn set_inspection(&mut self, company: &str, score: Option<u8>) {
        self.inspections.retain(|(c, _)| c != company);
        if let Some(s) = score {
            self.inspections.push((company.to_string(), s.min(100)));
        }
    }
}

/// The rules in force in `quarter`, and the quarter that set them (`None`: the proposal).
pub fn rules_for(quarter: Quarter, saved: &[QuarterScoring]) -> (ScoringRules, Option<Quarter>) {
    saved
        .iter()
        .filter(|s| !s.deleted)
        .filter_map(|s| Some((Quarter::parse(&s.id)?, s.rules?)))
        .filter(|(q, _)| *q <= quarter)
        .max_by_key(|(q, _)| *q)
        .map_or((PROPOSED, None), |(q, r)| (r, Some(q)))
}

/// Each measure as a 0–1 score, `None` where there is nothing to score yet.
pub fn measure_scores(h: &Handling, inspection: Option<u8>) -> [Option<f64>; 6] {
    let has_reports = h.reports > 0;
    let rate =
        |r: crate::domain::stats::Ratio| (r.whole > 0).then(|| r.part as f64 / r.whole as f64);
    [
        rate(h.resolution),
        // Full marks within 3 days, none at 30 or more.
        h.median_days.map(|d| ((30.0 - d) / 27.0).clamp(0.0, 1.0)),
        h.satisfaction.map(|s| ((s - 1.0) / 4.0).clamp(0.0, 1.0)),
        rate(h.reopened).filter(|_| has_reports).map(|r| 1.0 - r),
        rate(h.late).filter(|_| has_reports).map(|r| 1.0 - r),
        inspection.map(|s| f64::from(s.min(100)) / 100.0),
    ]
}

/// The weighted total out of 100 over the measures that have data (their weights scaled
/// up to 100), rounded to one decimal, and the weight points it stands on.
pub fn total(scores: &[Option<f64>; 6], rules: &ScoringRules) -> Option<(f64, u32)> {
    let (mut sum, mut weight) = (0.0, 0u32);
    for (score, &w) in scores.iter().zip(&rules.weights) {
        if let Some(s) = score {
            sum += s * f64::from(w);
            weight += u32::from(w);
        }
    }
    (weight > 0).then(|| ((sum * 1000.0 / f64::from(weight)).round() / 10.0, weight))
}

/// A contract: one or more compounds one company runs under one agreement (a 连片托管
/// package of several compounds is one contract).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Contract {
    pub company: String,
    pub compounds: Vec<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Scorecard {
    pub company: String,
    pub compounds: Vec<String>,
    pub contracts: usize,
    pub handling: Handling,
    /// The quarter's complaints about the company itself (物业服务不优), counted beside
    /// the weighed measures: the office's saved weights keep their six measures.
    pub complaints: usize,
    pub inspection: Option<u8>,
    pub scores: [Option<f64>; 6],
    /// Total and the weight points it stands on; `None` with no data at all.
    pub total: Option<(f64, u32)>,
    pub verdict: Option<Verdict>,
}

/// Every company serving a live compound, with its quarter's scorecard, by name.
pub fn scorecards(
    compounds: &[Compound],
    contracts: &[Contract],
    reports: &[Report],
    quarter: Quarter,
    scoring: Option<&QuarterScoring>,
    rules: &ScoringRules,
    now: Millis,
) -> Vec<Scorecard> {
    let mut companies: Vec<(String, Vec<String>)> = Vec::new();
    for c in compounds.iter().filter(|c| !c.deleted) {
        let Some(name) = c
            .property_company
            .as_deref()
            .map(str::trim)
            .filter(|n| !n.is_empty())
        else {
            continue;
        };
        match companies.iter_mut().find(|(n, _)| n == name) {
            Some((_, ids)) => ids.push(c.id.clone()),
            None => companies.push((name.to_string(), vec![c.id.clone()])),
        }
    }
    companies.sort();
    let span = quarter.span();
    let mut buckets: Vec<Vec<&Report>> = vec![Vec::new(); companies.len()];
    let owner: std::collections::HashMap<&str, usize> = companies
        .iter()
        .enumerate()
        .flat_map(|(i, (_, ids))| ids.iter().map(move |id| (id.as_str(), i)))
        .collect();
    for r in submitted(reports).filter(|r| r.submitted_at().is_some_and(|at| span.contains(at))) {
        if let Some(&i) = owner.get(r.compound.as_str()) {
            buckets[i].push(r);
        }
    }
    companies
        .into_iter()
        .zip(buckets)
        .map(|((company, ids), bucket)| {
            let handling = Handling::of(&bucket, now.min(span.end));
            let complaints = bucket
                .iter()
                .filter(|r| r.category.about_the_company())
                .count();
            let inspection = scoring.and_then(|s| s.inspection(&company));
            let scores = measure_scores(&handling, inspection);
            let total = total(&scores, rules);
            Scorecard {
                contracts: count_contracts(&company, &ids, contracts),
                verdict: total.map(|(t, _)| rules.verdict(t)),
                company,
                compounds: ids,
                handling,
                complaints,
                inspection,
                scores,
                total,
            }
        })
        .collect()
}

/// Contracts listing any of the company's compounds count once each; its other
/// compounds are a contract each.
fn count_contracts(company: &str, ids: &[String], contracts: &[Contract]) -> usize {
    let mine: Vec<&Contract> = contracts
        .iter()
        .filter(|k| k.company == company && k.compounds.iter().any(|c| ids.contains(c)))
        .collect();
    let alone = ids
        .iter()
        .filter(|id| !mine.iter().any(|k| k.compounds.contains(id)))
        .count();
    mine.len() + alone
}

#[cfg(test)]
#[path = "scorecard_tests.rs"]
mod tests;
