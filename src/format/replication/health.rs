//! Each database's own health between passes: one that fails (a 404, a 500, a refusal)
//! is tried again after a back-off of its own while the others go on syncing, and the
//! 同步 panel shows each one's state.

use super::problem::SyncProblem;
use crate::domain::Millis;

const BACKOFF_FIRST_MS: Millis = 2_000;
const BACKOFF_MAX_MS: Millis = 60_000;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct DbHealth {
    pub db: String,
    /// What went wrong the last time (none: it synced).
    pub problem: Option<SyncProblem>,
    /// When it last synced.
    pub last_ok: Option<Millis>,
    /// When a failing database is tried again.
    pub retry_at: Option<Millis>,
    failures: u32,
}

impl DbHealth {
    /// Whether a pass at `now` tries it.
    pub fn due(&self, now: Millis) -> bool {
        self.retry_at.is_none_or(|at| now >= at)
    }

    pub fn passed(&mut self, now: Millis) {
        self.problem = None;
        self.failures = 0;
        self.retry_at = None;
        self.last_ok = Some(now);
    }

    pub fn failed(&mut self, problem: SyncProblem, now: Millis) {
        self.failures += 1;
        self.retry_at = Some(now + backoff_ms(self.failures));
        self.problem = Some(problem);
    }
}

/// 2 s, 4 s, 8 s … at most a minute.
pub fn backoff_ms(failures: u32) -> Millis {
    let doubled = BACKOFF_FIRST_MS.saturating_mul(1 << failures.saturating_sub(1).min(10));
    doubled.min(BACKOFF_MAX_MS)
}

/// The entry of `db`, made if new; the list keeps only `dbs` (this pass's databases), in
/// their order.
pub fn keep_only<'a>(list: &'a mut Vec<DbHealth>, dbs: &[String]) -> &'a mut Vec<DbHealth> {
    let mut next: Vec<DbHealth> = dbs
        .iter()
        .map(|db| {
            list.iter()
                .find(|h| &h.db == db)
                .cloned()
                .unwrap_or_else(|| DbHealth {
                    db: db.clone(),
                    ..DbHealth::default()
                })
        })
        .collect();
    std::mem::swap(list, &mut next);
    list
}

/// The soonest time a failing database is due again.
pub fn next_retry(list: &[DbHealth]) -> Option<Millis> {
    list.iter().filter_map(|h| h.retry_at).min()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failing_database_waits_its_own_back_off_while_the_others_go_on() {
        let mut list = vec![];
        let dbs = vec![
            "c-a".to_string(),
            "r-a".to_string(),
            "userdb-6c69".to_string(),
        ];
        keep_only(&mut list, &dbs);
        assert!(list.iter().all(|h| h.due(0)));
        list[1].failed(SyncProblem::Server { status: 500 }, 1_000);
        list[0].passed(1_000);
        list[2].passed(1_000);
        assert!(!list[1].due(2_000) && list[1].due(3_000), "2 s");
        assert!(list[0].due(2_000), "the others are not held up");
        list[1].failed(SyncProblem::Server { status: 500 }, 3_000);
        assert_eq!(list[1].retry_at, Some(7_000), "then 4 s");
        assert_eq!(next_retry(&list), Some(7_000));
        assert_eq!(backoff_ms(30), 60_000, "at most a minute");
        list[1].passed(8_000);
        assert_eq!((list[1].problem.clone(), next_retry(&list)), (None, None));
        // A database no longer synced (a role taken away) leaves the list.
        keep_only(&mut list, &dbs[..1]);
        assert_eq!(list.len(), 1);
        assert_eq!(list[0].last_ok, Some(1_000));
    }
}
