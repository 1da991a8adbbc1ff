//! A replication's checkpoints, here (beside the documents) and on the server
//! (`_local/{replication id}`, written with the `_rev` it has there) — on the server only
//! where this account writes: a reader leaves nothing there (docs/SECURITY.md), and its
//! phone's checkpoint alone says where to resume.

use serde_json::Value;

use crate::format::replication::checkpoint::{Checkpoint, advanced, resume_from};
use crate::format::replication::problem::SyncProblem;
use crate::platform::couch::Couch;
use crate::platform::doc_store;

/// Where the phone notes that the server refused replication `key`'s checkpoint.
fn alone_key(key: &str) -> String {
    format!("{key}:alone")
}

pub struct Checkpoints {
    db: String,
    /// Whether the server keeps this replication's checkpoint too (a writer's).
    shared: bool,
    key: String,
    session: String,
    local: Option<Checkpoint>,
    remote: Option<Checkpoint>,
    remote_rev: Option<String>,
}

impl Checkpoints {
    /// Reads both sides' checkpoints of replication `id` with `db` (the phone's alone
    /// unless `shared`).
    pub async fn read(
        couch: &Couch,
        db: &str,
        id: &str,
        shared: bool,
    ) -> Result<Self, SyncProblem> {
        let key = format!("_local/{id}");
        // A server that refused this checkpoint once is not asked again: the phone's
        // own record is where to resume, as for a reader.
        let shared = shared
            && doc_store::meta_get(&alone_key(&key))
                .await
                .ok()
                .flatten()
                .is_none();
        let local = doc_store::meta_get(&key)
            .await
            .ok()
            .flatten()
            .and_then(|j| serde_json::from_str(&j).ok());
        let remote_doc = if shared {
            couch.get_opt(db, &key).await?
        } else {
            None
        };
        let remote_rev = remote_doc
            .as_ref()
            .and_then(|d| d.get("_rev")?.as_str().map(String::from));
        let remote = remote_doc.and_then(|d| serde_json::from_value(d).ok());
        Ok(Checkpoints {
            db: db.into(),
            shared,
            key,
            session: super::session_id(),
            local,
            remote,
            remote_rev,
        })
    }

    /// Where to start: the last sequence both sides recorded (the phone's, for a reader).
    pub fn since(&self) -> Value {
        if !self.shared {
            return self
                .local
                .as_ref()
                .map_or(Value::from(0), |c| c.source_last_seq.clone());
        }
        resume_from(self.local.as_ref(), self.remote.as_ref())
    }

    /// Records that everything up to `seq` is stored on the receiving side. The server's
    /// copy first: if that fails, the phone's still names an older point both share.
    pub async fn record(&mut self, couch: &Couch, seq: Value) -> Result<(), SyncProblem> {
        let next = advanced(self.local.as_ref(), &self.session, seq);
        let mut body = serde_json::to_value(&next).unwrap_or_default();
        if let Some(rev) = &self.remote_rev {
            body["_rev"] = rev.clone().into();
        }
        if self.shared {
            match couch.send("PUT", &self.db, &self.key, &body).await {
                Ok(answer) => {
                    self.remote_rev = answer.get("rev").and_then(|r| r.as_str().map(String::from));
                    self.remote = Some(next.clone());
                }
                // Refused after all (the server's rules changed): from now on the phone's
                // record alone says where to resume, as a reader's does — not the start
                // of the database on every pass.
                Err(SyncProblem::Refused { .. }) => {
                    let _ = doc_store::meta_put(&alone_key(&self.key), "refused").await;
                    self.shared = false;
                }
                Err(SyncProblem::SignedOut) => {}
                // Another tab of this phone wrote it meanwhile: its rev is read next pass.
                Err(SyncProblem::Server { status: 409 }) => self.remote_rev = None,
                Err(e) => return Err(e),
            }
        }
        let text = serde_json::to_string(&next).unwrap_or_default();
        doc_store::meta_put(&self.key, &text)
            .await
            .map_err(|_| SyncProblem::PhoneStorage)?;
        self.local = Some(next);
        Ok(())
    }
}
