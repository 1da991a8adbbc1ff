//! What went wrong talking to the server, from an HTTP status and CouchDB's error body, in
//! the few kinds a person can act on.

use serde_json::Value;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SyncProblem {
    /// No answer: offline, or the server is down. Changes wait on the phone.
    Offline,
    /// 401: the sign-in ended or was wrong.
    SignedOut,
    /// 403: the server refused a document (its `validate_doc_update`) or a database.
    Refused { reason: String },
    /// 404 for a database: the district has not set it up.
    NoDatabase { db: String },
    /// This phone's own store failed (full, or taken over by a newer version).
    PhoneStorage,
    /// Any other status, or an answer that is not what the protocol says.
    Server { status: u16 },
    /// The server did not give (or gave unreadable) a revision it had offered: the batch
    /// is not stored past, and is asked again on the next pass.
    Incomplete { doc: String },
}

/// The problem an error status means for a request to `db`.
pub fn from_status(status: u16, body: &Value, db: &str) -> SyncProblem {
    let reason = body
        .get("reason")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string();
    match status {
        401 => SyncProblem::SignedOut,
        403 => SyncProblem::Refused { reason },
        404 => SyncProblem::NoDatabase { db: db.into() },
        // A proxy in front of a server that is down: as good as offline.
        502..=504 => SyncProblem::Offline,
        _ => SyncProblem::Server { status },
    }
}

/// Documents a `_bulk_docs` answer says were not stored (`[{id, error, reason}]`): the
/// server's refusals, reported, never retried forever.
pub fn refused_docs(answer: &Value) -> Vec<(String, String)> {
    answer
        .as_array()
        .map(|rows| {
            rows.iter()
                .filter(|r| r.get("error").is_some())
                .map(|r| {
                    let field = |k: &str| r.get(k).and_then(Value::as_str).unwrap_or_default();
                    (field("id").to_string(), field("reason").to_string())
                })
                .collect()
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn statuses_and_refusals() {
        let body = json!({"error": "forbidden", "reason": "only stewards"});
        assert_eq!(
            from_status(403, &body, "c-x"),
            SyncProblem::Refused {
                reason: "only stewards".into()
            }
        );
        assert_eq!(from_status(401, &json!({}), "c-x"), SyncProblem::SignedOut);
        assert_eq!(
            from_status(404, &json!({}), "c-x"),
            SyncProblem::NoDatabase { db: "c-x".into() }
        );
        assert_eq!(from_status(502, &json!({}), "c-x"), SyncProblem::Offline);
        assert_eq!(
            from_status(500, &json!(null), "c-x"),
            SyncProblem::Server { status: 500 }
        );
        let answer = json!([{"id": "compound:x", "error": "forbidden", "reason": "only stewards"}]);
        assert_eq!(
            refused_docs(&answer),
            vec![("compound:x".to_string(), "only stewards".to_string())]
        );
        assert!(refused_docs(&json!([])).is_empty());
    }
}
