//! Where a replication resumes. Each side keeps a `_local/{replication id}` document with
//! the session that wrote it, the last source sequence it covers and a short history; a
//! replication resumes from a sequence only when both sides' checkpoints agree on it, as
//! CouchDB's replicator does, and otherwise starts over (re-sending nothing the other side
//! already has: `_revs_diff` sees to that).

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::format::revision::rev_hash;

/// How many earlier sessions a checkpoint remembers.
pub const HISTORY: usize = 5;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Session {
    pub session_id: String,
    /// Opaque: handed back to `_changes?since=` as it came.
    pub recorded_seq: Value,
}

/// The body of a `_local/{replication id}` document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Checkpoint {
    pub session_id: String,
    pub source_last_seq: Value,
    #[serde(default)]
    pub history: Vec<Session>,
}

/// Pull or push: a replication of each direction has its own id and checkpoints.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Pull,
    Push,
}

/// A stable id for replicating this device's store (`device`) with `remote` (a database
/// URL) in one direction: the same pair always resumes the same checkpoints.
pub fn replication_id(device: &str, remote: &str, direction: Direction) -> String {
    let way = match direction {
        Direction::Pull => "pull",
        Direction::Push => "push",
    };
    rev_hash(Some(device), false, &format!("{way}\u{1}{remote}"))
}

/// The sequence to resume from: the latest one both checkpoints record for a common
/// session; `0` (from the start) when they share none or either is missing.
pub fn resume_from(local: Option<&Checkpoint>, remote: Option<&Checkpoint>) -> Value {
    let (Some(local), Some(remote)) = (local, remote) else {
        return Value::from(0);
    };
    let sessions = |c: &Checkpoint| -> Vec<Session> {
        std::iter::once(Session {
            session_id: c.session_id.clone(),
            recorded_seq: c.source_last_seq.clone(),
        })
        .chain(c.history.iter().cloned())
        .collect()
    };
    let theirs = sessions(remote);
    sessions(local)
        .into_iter()
        .find(|mine| theirs.contains(mine))
        .map_or(Value::from(0), |s| s.recorded_seq)
}

/// The checkpoint after a batch is stored: this session at `seq`, the previous one moved
/// into the history.
pub fn advanced(previous: Option<&Checkpoint>, session_id: &str, seq: Value) -> Checkpoint {
    let mut history: Vec<Session> = previous
        .map(|p| {
            std::iter::once(Session {
                session_id: p.session_id.clone(),
                recorded_seq: p.source_last_seq.clone(),
            })
            .chain(p.history.iter().cloned())
            .filter(|s| s.session_id != session_id)
            .collect()
        })
        .unwrap_or_default();
    history.truncate(HISTORY);
    Checkpoint {
        session_id: session_id.to_string(),
        source_last_seq: seq,
        history,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn resumes_only_where_both_sides_agree() {
        let a = advanced(None, "s1", json!("10-g1AA"));
        assert_eq!(resume_from(Some(&a), Some(&a)), json!("10-g1AA"));
        assert_eq!(
            resume_from(Some(&a), None),
            json!(0),
            "the server lost its checkpoint"
        );
        // A later session written here but not there (the push of the checkpoint failed):
        // resume from the last one both have.
        let b = advanced(Some(&a), "s2", json!("20-g1BB"));
        assert_eq!(resume_from(Some(&b), Some(&a)), json!("10-g1AA"));
        let stranger = advanced(None, "s9", json!("99"));
        assert_eq!(resume_from(Some(&b), Some(&stranger)), json!(0));
    }

    #[test]
    fn a_session_advancing_keeps_a_short_history() {
        let mut c = advanced(None, "s0", json!(0));
        for i in 1..10 {
            c = advanced(Some(&c), &format!("s{i}"), json!(i));
        }
        assert_eq!(c.history.len(), HISTORY);
        assert_eq!(c.history[0].session_id, "s8");
        let again = advanced(Some(&c), "s9", json!(10));
        assert!(again.history.iter().all(|s| s.session_id != "s9"));
        assert_ne!(
            replication_id("phone", "/db/c-dongtangcun", Direction::Pull),
            replication_id("phone", "/db/c-dongtangcun", Direction::Push)
        );
    }
}
