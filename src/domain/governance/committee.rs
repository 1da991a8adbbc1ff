//! A compound's 业主委员会 (owners' committee), one of the three ways to full coverage
//! (成立业委会 / 连片托管 / 业主自治): none, preparing (its steps, each dated), or elected
//! (members, term start and end). One record per compound (`committee:<compound>`); a
//! change of stage or a new term keeps the state before it in `history`, a correction
//! rewrites the current state (the record's revisions still hold the old text).

use serde::{Deserialize, Serialize};

use super::{Checker, FieldError, Fields, Problem, before};
use crate::domain::Millis;
use crate::domain::compound::Compound;
use crate::domain::time::{format_date, parse_date};

keyed_enum! {
    #[derive(Serialize, Deserialize)]
    pub enum Stage {
        None = "none",
        Preparing = "preparing",
        Elected = "elected",
    }
}

keyed_enum! {
    /// The steps of forming a committee, in their order.
    #[derive(Serialize, Deserialize)]
    pub enum Step {
        /// 业主联名申请: owners ask the street to form one.
        Petition = "petition",
        /// 成立筹备组: the street and community set up the preparatory group.
        Group = "group",
        /// 公告候选人: the candidates are posted.
        Candidates = "candidates",
        /// 召开业主大会选举: the owners' assembly votes.
        Vote = "vote",
        /// 备案: the committee is registered with the street.
        Filing = "filing",
    }
}

/// A member: a name and a post (主任, 副主任, 委员).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Member {
    pub name: String,
    pub post: String,
}

/// A committee's state at one time.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommitteeState {
    pub stage: Stage,
    /// Steps taken, each with its date (`2026-07-01`), in the steps' order.
    #[serde(default)]
    pub steps: Vec<(Step, String)>,
    #[serde(default)]
    pub members: Vec<Member>,
    #[serde(default)]
    pub term_start: Option<String>,
    #[serde(default)]
    pub term_end: Option<String>,
    #[serde(default)]
    pub note: String,
    /// When this state was recorded.
    pub recorded_at: Millis,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Committee {
    /// The compound's id: one record per compound.
    pub id: String,
    pub compound: String,
    pub current: CommitteeState,
    /// Earlier states, oldest first.
    #[serde(default)]
    pub history: Vec<CommitteeState>,
    /// An example shipped with the sample data, not a real record.
    #[serde(default)]
    pub sample: bool,
    pub updated_at: Millis,
    #[serde(default)]
    pub deleted: bool,
}

/// Field keys of the form (its inputs' names).
pub const COMPOUND: &str = "compound";
pub const STAGE: &str = "stage";
pub const MEMBERS: &str = "members";
pub const TERM_START: &str = "term_start";
pub const TERM_END: &str = "term_end";
pub const NOTE: &str = "note";

impl Step {
    /// The form's key of this step's date.
    pub fn field(self) -> &'static str {
        match self {
            Step::Petition => "step_petition",
            Step::Group => "step_group",
            Step::Candidates => "step_candidates",
            Step::Vote => "step_vote",
            Step::Filing => "step_filing",
        }
    }
}

/// Members typed one a line: the name, a space, the post (`张晓梅 主任`).
fn members(text: &str) -> Result<Vec<Member>, Problem> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|line| {
            let (name, post) = line
                .split_once(char::is_whitespace)
                .ok_or(Problem::BadMember)?;
            let (name, post) = (name.trim(), post.trim());
            if name.chars().count() > 20 || post.is_empty() || post.chars().count() > 20 {
                return Err(Problem::BadMember);
            }
            Ok(Member {
                name: name.into(),
                post: post.into(),
            })
        })
        .collect()
}

/// Reads the form: a state every field of which is right, or each field's problem.
pub fn read(
    f: &Fields,
    compounds: &[Compound],
    today: Millis,
) -> Result<(String, CommitteeState), Vec<FieldError>> {
    let mut c = Checker::default();
    let compound = f.get(COMPOUND);
    if compound.is_empty() {
        c.add(COMPOUND, Problem::Required);
    } else if !compounds.iter().any(|k| k.id == compound && !k.deleted) {
        c.add(COMPOUND, Problem::UnknownCompound);
    }
    let stage = Stage::from_key(f.get(STAGE));
    if stage.is_none() {
        c.add(STAGE, Problem::Required);
    }
    let mut steps = Vec::new();
    for step in Step::ALL {
        if let Some(date) = c.optional_date(f, step.field(), Some(today)) {
            if steps
                .last()
                .is_some_and(|(_, d): &(Step, String)| before(&date, d))
            {
                c.add(step.field(), Problem::StepOrder);
            }
            steps.push((step, date));
        }
    }
    let typed_members = members(f.get(MEMBERS));
    if typed_members.is_err() {
        c.add(MEMBERS, Problem::BadMember);
    }
    let members = typed_members.unwrap_or_default();
    let start = c.optional_date(f, TERM_START, Some(today));
    let end = c.optional_date(f, TERM_END, None);
    let note = c.optional_text(f, NOTE).unwrap_or_default();
    match stage {
        Some(Stage::None) => {
            for step in Step::ALL {
                if !f.get(step.field()).is_empty() {
                    c.add(step.field(), Problem::NotForStage);
                }
            }
        }
        Some(Stage::Preparing) if steps.is_empty() => {
            c.add(Step::Petition.field(), Problem::NoSteps)
        }
        _ => {}
    }
    if stage == Some(Stage::Elected) {
        if f.get(MEMBERS).is_empty() {
            c.add(MEMBERS, Problem::NoMembers);
        }
        if f.get(TERM_START).is_empty() {
            c.add(TERM_START, Problem::Required);
        }
        if f.get(TERM_END).is_empty() {
            c.add(TERM_END, Problem::Required);
        }
        if let (Some(s), Some(e)) = (&start, &end)
            && !before(s, e)
        {
            c.add(TERM_END, Problem::BeforeStart);
        }
    } else {
        for key in [MEMBERS, TERM_START, TERM_END] {
            if !f.get(key).is_empty() {
                c.add(key, Problem::NotForStage);
            }
        }
    }
    let state = stage.map(|stage| CommitteeState {
        stage,
        steps,
        members,
        term_start: start,
        term_end: end,
        note,
        recorded_at: today,
    });
    c.done(state).map(|s| (compound.to_string(), s))
}

impl Committee {
    /// The record after saving `state`: a new stage or a new term keeps the state before
    /// in the history; the same stage and term is a correction of the current state.
    pub fn saved(
        held: Option<&Committee>,
        compound: &str,
        state: CommitteeState,
        now: Millis,
    ) -> Committee {
        let mut history = held.map(|h| h.history.clone()).unwrap_or_default();
        if let Some(h) = held {
            let old = &h.current;
            if old.stage != state.stage || old.term_start != state.term_start {
                history.push(old.clone());
            }
        }
        Committee {
            id: compound.to_string(),
            compound: compound.to_string(),
            current: state,
            history,
            sample: false,
            updated_at: now,
            deleted: false,
        }
    }

    /// The form's fields as this record's current state fills them (to correct it).
    pub fn fields(&self) -> Fields {
        let s = &self.current;
        let mut f = Fields::default();
        f.set(COMPOUND, &self.compound);
        f.set(STAGE, s.stage.key());
        for (step, date) in &s.steps {
            f.set(step.field(), date);
        }
        let lines: Vec<String> = s
            .members
            .iter()
            .map(|m| format!("{} {}", m.name, m.post))
            .collect();
        f.set(MEMBERS, lines.join("\n"));
        f.set(TERM_START, s.term_start.clone().unwrap_or_default());
        f.set(TERM_END, s.term_end.clone().unwrap_or_default());
        f.set(NOTE, &s.note);
        f
    }

    /// Elected, and the term has ended before `today`.
    pub fn expired(&self, today: Millis) -> bool {
        self.current.stage == Stage::Elected
            && self
                .current
                .term_end
                .as_deref()
                .and_then(parse_date)
                .is_some_and(|end| end < today)
    }
}

/// How many live compounds have an elected committee, are preparing one, or have none
/// (no record counts as none); and how many elected ones' terms have run out.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CommitteeCounts {
    pub elected: usize,
    pub preparing: usize,
    pub none: usize,
    pub expired: usize,
}

pub fn counts(compounds: &[Compound], committees: &[Committee], today: Millis) -> CommitteeCounts {
    let mut n = CommitteeCounts::default();
    for c in compounds.iter().filter(|c| !c.deleted) {
        let held = committees.iter().find(|k| k.compound == c.id && !k.deleted);
        match held.map(|k| k.current.stage) {
            Some(Stage::Elected) => n.elected += 1,
            Some(Stage::Preparing) => n.preparing += 1,
            _ => n.none += 1,
        }
        if held.is_some_and(|k| k.expired(today)) {
            n.expired += 1;
        }
    }
    n
}

/// The committees to show and count: held records over the shipped samples.
pub fn all(shipped: Vec<Committee>, held: &[Committee]) -> Vec<Committee> {
    super::merged(shipped, held, |k| &k.id, |k| k.deleted)
}

/// The latest step taken, for the list.
pub fn last_step(state: &CommitteeState) -> Option<&(Step, String)> {
    state.steps.last()
}

/// `2026-07-01`: the day a record was last saved, for the list.
pub fn saved_on(k: &Committee) -> String {
    format_date(k.updated_at)
}

#[cfg(test)]
#[path = "committee_tests.rs"]
mod tests;
