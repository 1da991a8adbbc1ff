//! When this phone's records were last kept somewhere else — a backup file exported, a
//! sync pass completed — and whether the person has been told that the browser may delete
//! them (`platform::pwa::storage_may_expire`). Plain localStorage keys under `cs.` (so
//! erase-all removes them), whole milliseconds as text.

use crate::domain::Millis;
use crate::platform::local_storage::{read_raw, write_raw};

const BACKUP_KEY: &str = "cs.kept.backup";
const SYNC_KEY: &str = "cs.kept.sync";
const TOLD_KEY: &str = "cs.told.storage";

fn read_time(key: &str) -> Option<Millis> {
    read_raw(key).ok().flatten()?.parse().ok()
}

/// The last time a backup was exported and a sync pass completed, if ever.
pub fn last_kept() -> (Option<Millis>, Option<Millis>) {
    (read_time(BACKUP_KEY), read_time(SYNC_KEY))
}

pub fn backup_made(at: Millis) {
    // Not saving the time only makes the hint older than it is: nothing to tell.
    let _ = write_raw(BACKUP_KEY, &at.to_string());
}

pub fn sync_done(at: Millis) {
    let _ = write_raw(SYNC_KEY, &at.to_string());
}

/// Whether the person has already dismissed the warning (it is shown once).
pub fn told() -> bool {
    read_raw(TOLD_KEY).ok().flatten().is_some()
}

pub fn mark_told() {
    let _ = write_raw(TOLD_KEY, "1");
}
