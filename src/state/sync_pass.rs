//! One pass over every database this account replicates, each on its own: one that fails
//! waits its own back-off (`format::replication::health`) while the others go on, and the
//! resident's own reports, last, still go. When the account's roles change, what the
//! server refused before is offered again.

use leptos::prelude::*;
use serde_json::Value;

use super::{SyncProblem, SyncWriter, signed_in_here};
use crate::domain::Millis;
use crate::format::replication::databases::{UserCtx, replications};
use crate::format::replication::health::{keep_only, next_retry};
use crate::platform::clock::now;
use crate::platform::couch::Couch;
use crate::platform::replicator::{offer_again, pass};
use crate::platform::{broadcast, local_storage};

/// The roles the signed-in account had at its last pass: `{name, roles}`.
const ROLES_KEY: &str = "cs.sync.roles";

/// The long polls to wait on, and when a failing database is due again.
pub type Outcome = (Vec<(String, Value)>, Option<Millis>);

impl SyncWriter {
    pub(super) async fn pass_all(
        &self,
        couch: &Couch,
        device: &str,
    ) -> Result<Outcome, SyncProblem> {
        let mut user = couch.session().await?;
        if let Some(name) = &user.name
            && self.config.with_untracked(|c| c.user.is_none())
        {
            if signed_in_here().as_ref() == Some(name) {
                // Signed in by another tab since this one read the settings.
                self.set_config.update(|c| c.user = Some(name.clone()));
            } else {
                // A session nobody on this phone stands behind: a sign-out or an erase-all
                // made offline left its cookie. It ends before anything else is sent.
                couch.sign_out().await?;
                self.set_status.update(|s| s.sign_out_unsent = false);
                user = UserCtx::default();
            }
        }
        if user.name.is_none() && self.config.with_untracked(|c| c.user.is_some()) {
            // The session ended (expired, or the server forgot it): say so rather than
            // going on as an anonymous reader with this phone's changes waiting.
            return Err(SyncProblem::SignedOut);
        }
        self.set_status
            .update(|s| s.user = user.name.is_some().then(|| user.clone()));
        let reps = replications(&user, &self.followed.get_untracked());
        if roles_changed(&user) {
            // Granted (or taken away) since: every change is offered again, and the
            // server judges it by the account as it is now.
            for rep in reps.iter().filter(|r| r.push) {
                offer_again(couch, rep, device).await;
            }
            self.set_status.update(|s| s.reoffered = true);
        }
        let dbs: Vec<String> = reps.iter().map(|r| r.db.clone()).collect();
        let mut health = self.status.with_untracked(|s| s.databases.clone());
        keep_only(&mut health, &dbs);
        let announce = |ids: Vec<String>| broadcast::announce_arrived(&ids);
        let (mut moved, mut refused, mut polls) = ((0, 0), vec![], vec![]);
        for (rep, h) in reps.into_iter().zip(health.iter_mut()) {
            if !h.due(now()) {
                continue;
            }
            match pass(couch, &rep, device, &announce).await {
                Ok(passed) => {
                    h.passed(now());
                    moved.0 += passed.pulled;
                    moved.1 += passed.pushed;
                    refused.extend(passed.refused);
                    polls.push((rep.db, passed.since));
                }
                // The phone's own trouble, or the server gone: nothing else can go either.
                Err(
                    p @ (SyncProblem::Offline | SyncProblem::SignedOut | SyncProblem::PhoneStorage),
                ) => {
                    self.set_status.update(|s| s.databases = health);
                    return Err(p);
                }
                Err(problem) => h.failed(problem, now()),
            }
        }
        let retry = next_retry(&health);
        self.set_status.update(|s| {
            s.databases = health;
            s.moved.0 += moved.0;
            s.moved.1 += moved.1;
            // A refusal stays on screen until a pass sends something the server takes.
            if !refused.is_empty() || moved.1 > 0 {
                s.refused = refused;
            }
        });
        Ok((polls, retry))
    }
}

/// The roles `name` had at this phone's last pass (kept by `roles_changed`): what a page
/// scopes itself by before this tab's first pass, or offline.
pub fn last_known_roles(name: &str) -> Vec<String> {
    kept_roles(name).unwrap_or_default()
}

/// The roles kept at the last pass, if that pass was `name`'s.
fn kept_roles(name: &str) -> Option<Vec<String>> {
    let kept = local_storage::read_raw(ROLES_KEY).ok().flatten()?;
    let kept = serde_json::from_str::<Value>(&kept).ok()?;
    if kept["name"] != name {
        return None;
    }
    let roles = kept["roles"].as_array().map_or(vec![], |roles| {
        roles
            .iter()
            .filter_map(|r| r.as_str().map(String::from))
            .collect()
    });
    Some(roles)
}

/// Whether the signed-in account's roles differ from its last pass's (the first pass of an
/// account only records them).
fn roles_changed(user: &UserCtx) -> bool {
    let Some(name) = &user.name else {
        return false;
    };
    let before = kept_roles(name);
    let same = before.as_ref().is_some_and(|had| {
        had.len() == user.roles.len() && user.roles.iter().all(|r| had.contains(r))
    });
    if same {
        return false;
    }
    let now = serde_json::json!({ "name": name, "roles": user.roles });
    let _ = local_storage::write_raw(ROLES_KEY, &now.to_string());
    before.is_some()
}
