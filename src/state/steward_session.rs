//! Steward mode's state, in the console only: the stored record (`cs.steward`: the PIN's
//! salted hash, the lockout, the profile) and whether steward mode is open in this tab.
//! Open lives in memory only: a reload, another tab or ten idle minutes mean the PIN again.

use leptos::prelude::*;

use super::persist::{on_other_tab_write, write_newest};
use super::{AppWriter, LoadProblems, use_writer};
use crate::domain::pin::{ITERATIONS, idle_expired, same_hash};
use crate::format::collections::STEWARD_MODE;
use crate::format::merge::Stamped;
use crate::format::steward_mode::{PinHash, StewardMode};
use crate::platform::clock::now;
use crate::platform::crypto::{CryptoError, pbkdf2, random_bytes};
use crate::platform::local_storage::{load, remove_raw, stored};

#[derive(Clone, Copy)]
pub struct StewardSession {
    /// The stored record.
    pub mode: ReadSignal<StewardMode>,
    set_mode: WriteSignal<StewardMode>,
    /// The last tap while open; `None` when locked.
    last_activity: RwSignal<Option<i64>>,
    /// Tracked apart from the activity time, so a tap does not redraw the pages.
    pub is_open: Memo<bool>,
    writer: AppWriter,
}

/// What typing the PIN did.
#[derive(Clone, Debug, PartialEq)]
pub enum PinOutcome {
    Opened,
    Wrong { tries_left: u32 },
    Locked { wait_ms: i64 },
    Failed(CryptoError),
}

impl StewardSession {
    /// Changes the record and stamps it, so other tabs take the change.
    pub fn update(&self, change: impl FnOnce(&mut StewardMode)) {
        self.set_mode.update(|m| {
            change(m);
            m.updated_at = now();
        });
    }

    /// The compounds I look after (empty before the profile is saved), tracked.
    pub fn my_compounds(&self) -> Memo<Vec<String>> {
        let mode = self.mode;
        Memo::new(move |_| {
            mode.with(|m| {
                m.profile
                    .as_ref()
                    .map(|p| p.compounds.clone())
                    .unwrap_or_default()
            })
        })
    }

    pub fn open(&self) {
        self.last_activity.set(Some(now()));
    }

    pub fn lock(&self) {
        self.last_activity.set(None);
    }

    /// A tap or a key while open keeps it open.
    pub fn touch(&self) {
        if self.last_activity.with_untracked(Option::is_some) {
            self.last_activity.set(Some(now()));
        }
    }

    /// Locks an idle session; checked every few seconds.
    fn lock_if_idle(&self) {
        let idle = self
            .last_activity
            .with_untracked(|t| t.is_some_and(|t| idle_expired(t, now())));
        if idle {
            self.lock();
        }
    }

    /// Keeps a new PIN as a salted PBKDF2 hash (never the PIN) and opens steward mode.
    pub async fn set_pin(self, pin: String) -> Result<(), CryptoError> {
        let salt = random_bytes(16)?;
        let hash = pbkdf2(&pin, &salt, ITERATIONS).await?;
        self.update(|m| {
            m.pin = Some(PinHash {
                salt,
                hash,
                iterations: ITERATIONS,
            });
            m.lockout = Default::default();
        });
        self.open();
        Ok(())
    }

    /// Checks a typed PIN against the stored hash, counting wrong tries.
    pub async fn try_pin(self, pin: String) -> PinOutcome {
        let (saved, lockout) = self.mode.with_untracked(|m| (m.pin.clone(), m.lockout));
        if let Some(wait_ms) = lockout.wait(now()) {
            return PinOutcome::Locked { wait_ms };
        }
        let Some(saved) = saved else {
            return PinOutcome::Failed(CryptoError("no PIN".into()));
        };
        let typed = match pbkdf2(&pin, &saved.salt, saved.iterations).await {
            Ok(h) => h,
            Err(e) => return PinOutcome::Failed(e),
        };
        if same_hash(&typed, &saved.hash) {
            // Written only when there were wrong tries to forget: opening steward mode
            // changes nothing stored.
            if lockout != Default::default() {
                self.update(|m| m.lockout = Default::default());
            }
            self.open();
            return PinOutcome::Opened;
        }
        let after = lockout.after_failure(now());
        self.update(|m| m.lockout = after);
        match after.wait(now()) {
            Some(wait_ms) => PinOutcome::Locked { wait_ms },
            None => PinOutcome::Wrong {
                tries_left: after.tries_left(),
            },
        }
    }

    /// "Forgot PIN": steward-mode settings go (the stored record is removed, so other
    /// tabs forget it too), nothing else.
    pub fn forget_pin(&self) {
        self.lock();
        if let Err(problem) = remove_raw(STEWARD_MODE.key) {
            self.writer.report_problem(problem);
        }
        self.set_mode.set(StewardMode::default());
    }
}

/// Loads steward mode, persists its changes, follows other tabs and starts the idle lock.
pub fn provide_steward_session() -> StewardSession {
    let writer = use_writer();
    let mut found = LoadProblems::default();
    let (mode, set_mode) = signal(found.take(STEWARD_MODE, load(STEWARD_MODE)));
    let writable = found.read_only.is_empty();
    for problem in found.problems {
        writer.report_problem(problem);
    }
    let last_activity = RwSignal::new(None);
    let session = StewardSession {
        mode,
        set_mode,
        last_activity,
        is_open: Memo::new(move |_| last_activity.with(Option::is_some)),
        writer,
    };
    Effect::new(move |_| mode.with(|m| write_newest(writable, writer, STEWARD_MODE, m)));
    on_other_tab_write(move |key| {
        if key == STEWARD_MODE.key {
            // Another tab changed steward mode, or removed it ("forgot PIN").
            let theirs = stored::<StewardMode>(STEWARD_MODE);
            set_mode.update(|ours| match theirs {
                Some(t) if t.is_newer_than(ours) => *ours = t,
                Some(_) => {}
                None => *ours = StewardMode::default(),
            });
        }
    });
    let _ = set_interval_with_handle(
        move || session.lock_if_idle(),
        std::time::Duration::from_secs(5),
    );
    provide_context(session);
    session
}

pub fn use_steward_session() -> StewardSession {
    expect_context::<StewardSession>()
}
