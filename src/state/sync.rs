//! Sync with a district's CouchDB server, in the resident app and the console: the sync
//! settings, who is signed in, and the loop that replicates this phone's databases
//! (`format::replication::databases`) pass after pass — waiting between passes for the
//! server's long poll, a change made here, the network's return, or a backoff. Documents
//! that arrive are announced like another tab's writes, so every page shows them.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::Millis;
use crate::domain::district::scope::Scope;
use crate::format::replication::config::{
    AddressError, SYNC_KEY, SyncConfig, server_address, stored_user,
};
use crate::format::replication::databases::UserCtx;
use crate::format::replication::problem::SyncProblem;
use crate::platform::clock::now;
use crate::platform::couch::{Couch, abort_all};
use crate::platform::replicator::{adopt_known_kinds, forget_wake, wait_for_change, wake};
use crate::platform::tab_lock::TabLock;
use crate::platform::{broadcast, local_storage, tab_lock};

use super::sync_waiting::{count_waiting, mark_synced};
use crate::format::replication::health::DbHealth;

#[path = "sync_pass.rs"]
mod pass;

/// How long a quiet wait lasts before a pass anyway (the long polls end before).
const IDLE_MS: i32 = 30_000;
const BACKOFF_FIRST_MS: i32 = 2_000;
const BACKOFF_MAX_MS: i32 = 60_000;
/// This phone's name in replication ids: random, made once.
const DEVICE_KEY: &str = "cs.device";
/// The Web Lock the syncing tab holds.
const SYNC_LOCK: &str = "cs-sync";

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SyncPhase {
    #[default]
    Off,
    Syncing,
    UpToDate,
    /// The last pass failed; the next comes after a backoff (or when the network returns).
    Retrying,
    /// Another tab of the app syncs for this phone; this one takes over if it closes.
    OtherTab,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct SyncStatus {
    pub phase: SyncPhase,
    pub user: Option<UserCtx>,
    pub last_sync: Option<Millis>,
    /// Documents changed on this phone since the last pass that completed.
    pub pending: usize,
    pub problem: Option<SyncProblem>,
    /// Documents the server refused in the last pass, with its reason.
    pub refused: Vec<(String, String)>,
    /// Revisions received and sent since this page started syncing.
    pub moved: (usize, usize),
    /// Signed out here while the server could not be reached: its session ends at the next
    /// pass (or by its own timeout).
    pub sign_out_unsent: bool,
    /// Each database's state: synced when, or failing and tried again when.
    pub databases: Vec<DbHealth>,
    /// The account's roles changed since the last pass: what the server refused before was
    /// offered again.
    pub reoffered: bool,
}

#[derive(Clone, Copy)]
pub struct Sync {
    pub config: ReadSignal<SyncConfig>,
    pub status: ReadSignal<SyncStatus>,
}

impl Sync {
    /// The street or community the signed-in account is (its server role), if it is one.
    /// Before this tab's first pass (offline, or another tab syncing) the roles are those
    /// the account had at this phone's last pass, so a street's phone opens on its street
    /// until the server is asked again.
    pub fn tier(&self) -> Option<Scope> {
        let roles = match self.status.with(|st| st.user.clone()) {
            Some(u) if !u.roles.is_empty() => u.roles,
            Some(u) => u.name.as_deref().map_or(vec![], pass::last_known_roles),
            None => self
                .config
                .with(|c| c.user.clone())
                .map_or(vec![], |name| pass::last_known_roles(&name)),
        };
        roles.iter().find_map(|r| Scope::of_role(r))
    }
}

#[derive(Clone, Copy)]
pub struct SyncWriter {
    config: ReadSignal<SyncConfig>,
    set_config: WriteSignal<SyncConfig>,
    status: ReadSignal<SyncStatus>,
    set_status: WriteSignal<SyncStatus>,
    /// Which run of the loop is current: stopping bumps it and the old run ends.
    run: StoredValue<u32>,
    /// This tab's hold on syncing for the phone (one tab at a time), while sync is on.
    lock: StoredValue<Option<TabLock>, LocalStorage>,
    followed: Signal<Vec<String>>,
}

/// Loads the sync settings, keeps them stored, counts this page's writes and starts the
/// loop if sync is on. `followed`: the compounds whose roster comes in (the resident's
/// own; a steward profile's).
pub fn provide_sync(followed: Signal<Vec<String>>) -> (Sync, SyncWriter) {
    let stored = local_storage::read_raw(SYNC_KEY)
        .ok()
        .flatten()
        .and_then(|j| serde_json::from_str::<SyncConfig>(&j).ok())
        .unwrap_or_default();
    // What a server (or a newer version on another phone) wrote goes through every edit.
    super::documents::keep_unknown_fields();
    let (config, set_config) = signal(stored);
    let (status, set_status) = signal(SyncStatus::default());
    let sync = Sync { config, status };
    let writer = SyncWriter {
        config,
        set_config,
        status,
        set_status,
        run: StoredValue::new(0),
        lock: StoredValue::new_local(None),
        followed,
    };
    Effect::new(move |_| {
        let text = serde_json::to_string(&config.get()).unwrap_or_default();
        let _ = local_storage::write_raw(SYNC_KEY, &text);
    });
    // Counted only while sync is on: with it off nothing is on its way, and a page start
    // does no extra store read.
    let changed = move || {
        if config.with_untracked(|c| c.on) {
            count_waiting(set_status);
            wake();
        }
    };
    changed();
    broadcast::watch_own_writes(changed);
    // The syncing tab sends the other tabs' writes too.
    broadcast::hear_other_tabs(move |_| changed());
    if config.get_untracked().on {
        writer.begin();
    }
    provide_context(sync);
    provide_context(writer);
    (sync, writer)
}

impl SyncWriter {
    /// Keeps a typed server address (checked); sync restarts against it if it was on.
    pub fn set_server(&self, typed: &str) -> Result<(), AddressError> {
        let server = server_address(typed)?;
        self.set_config.update(|c| c.server = server);
        if self.config.get_untracked().on {
            self.begin();
        }
        Ok(())
    }

    /// Signs in with a CouchDB user and turns sync on.
    pub async fn sign_in(&self, name: &str, password: &str) -> Result<(), SyncProblem> {
        self.couch().sign_in(name, password).await?;
        self.set_config.update(|c| c.user = Some(name.to_string()));
        self.set_status.update(|s| s.sign_out_unsent = false);
        self.start();
        Ok(())
    }

    /// Signs out: at once on this phone, then at the server (`DELETE /_session`). Offline,
    /// the panel says so and the next pass ends the session (`pass_all`).
    pub fn sign_out(&self) {
        // The running pass must not see the session end and call it expired.
        self.run.update_value(|r| *r += 1);
        abort_all();
        self.set_config.update(|c| c.user = None);
        self.set_status.update(|s| {
            s.user = None;
            s.problem = None;
            s.refused.clear();
        });
        let this = *self;
        spawn_local(async move {
            let ended = this.couch().sign_out().await.is_ok();
            this.set_status.update(|s| s.sign_out_unsent = !ended);
            if this.config.get_untracked().on {
                this.begin();
            } else {
                this.set_status.update(|s| s.phase = SyncPhase::Off);
            }
        });
    }

    pub fn start(&self) {
        self.set_config.update(|c| c.on = true);
        self.begin();
    }

    pub fn stop(&self) {
        self.set_config.update(|c| c.on = false);
        self.run.update_value(|r| *r += 1);
        abort_all();
        wake();
        // Another tab with sync on may take over.
        self.lock.set_value(None);
        self.set_status.update(|s| s.phase = SyncPhase::Off);
    }

    /// Ends the current wait: a pass now.
    pub fn sync_now(&self) {
        wake();
    }

    fn couch(&self) -> Couch {
        Couch::new(&self.config.get_untracked().server)
    }

    /// Starts a new run of the loop, ending any earlier one.
    fn begin(&self) {
        self.run.update_value(|r| *r += 1);
        let run = self.run.get_value();
        // End the earlier run's requests and wait; the new run starts with a pass.
        abort_all();
        wake();
        forget_wake();
        spawn_local(self.run_loop(run));
    }

    fn current(&self, run: u32) -> bool {
        self.run.try_get_value() == Some(run)
    }

    /// Waits, while another tab syncs, until this one may; false if this run ended first.
    async fn hold_lock(&self, run: u32) -> bool {
        if self.lock.with_value(Option::is_some) {
            return true;
        }
        let lock = match tab_lock::take(SYNC_LOCK, false).await {
            Some(lock) => lock,
            None => {
                // Signed in there, so here too (the roles come with this tab's first pass).
                let name = self.config.with_untracked(|c| c.user.clone());
                self.set_status.update(|s| {
                    s.phase = SyncPhase::OtherTab;
                    s.user = name.map(|name| UserCtx {
                        name: Some(name),
                        roles: vec![],
                    });
                });
                let Some(lock) = tab_lock::take(SYNC_LOCK, true).await else {
                    return false;
                };
                lock
            }
        };
        // A run that ended meanwhile lets go at once (the lock drops here).
        let current = self.current(run);
        if current {
            self.lock.set_value(Some(lock));
        }
        current
    }

    async fn run_loop(self, run: u32) {
        if !self.hold_lock(run).await {
            return;
        }
        let couch = self.couch();
        let device = device_id();
        // Documents of a kind an older version kept aside, now known: shown from now on.
        let adopted = adopt_known_kinds().await;
        if !adopted.is_empty() {
            broadcast::announce_arrived(&adopted);
        }
        let mut backoff = BACKOFF_FIRST_MS;
        while self.current(run) {
            self.set_status.update(|s| s.phase = SyncPhase::Syncing);
            let outcome = self.pass_all(&couch, &device).await;
            if !self.current(run) {
                break;
            }
            match outcome {
                Ok((polls, next_retry)) => {
                    backoff = BACKOFF_FIRST_MS;
                    mark_synced(self.set_status).await;
                    self.set_status.update(|s| {
                        let failing = s.databases.iter().find_map(|h| h.problem.clone());
                        s.phase = match failing {
                            Some(_) => SyncPhase::Retrying,
                            None => SyncPhase::UpToDate,
                        };
                        s.last_sync = Some(now());
                        crate::state::kept::sync_done(now());
                        s.problem = failing;
                    });
                    // A failing database is tried again when its back-off ends.
                    let wait = next_retry.map_or(IDLE_MS, |at| {
                        (at - now()).clamp(0, Millis::from(IDLE_MS)) as i32
                    });
                    wait_for_change(&couch, &polls, wait).await;
                }
                Err(problem) => {
                    self.set_status.update(|s| {
                        s.phase = SyncPhase::Retrying;
                        s.problem = Some(problem);
                    });
                    wait_for_change(&couch, &[], backoff).await;
                    backoff = (backoff * 2).min(BACKOFF_MAX_MS);
                }
            }
        }
    }
}

/// This phone's id for replication checkpoints, made once and kept.
fn device_id() -> String {
    if let Ok(Some(id)) = local_storage::read_raw(DEVICE_KEY) {
        return id;
    }
    let id = format!(
        "{:x}{:x}",
        crate::platform::clock::now(),
        crate::platform::clock::random_u32()
    );
    let _ = local_storage::write_raw(DEVICE_KEY, &id);
    id
}

/// The account signed in on this phone, as stored (no sync needed: the report entry
/// records it on a report it files).
pub fn signed_in_here() -> Option<String> {
    local_storage::read_raw(SYNC_KEY)
        .ok()
        .flatten()
        .and_then(|stored| stored_user(&stored))
}

/// The resident's own compound (from 我的), as the compounds sync follows.
pub fn my_compound() -> Signal<Vec<String>> {
    let settings = super::use_state().settings;
    Signal::derive(move || {
        settings.with(|s| s.my_building.iter().map(|b| b.compound.clone()).collect())
    })
}

pub fn use_sync() -> Sync {
    expect_context::<Sync>()
}

pub fn use_sync_writer() -> SyncWriter {
    expect_context::<SyncWriter>()
}
