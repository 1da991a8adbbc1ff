//! Before a page load: whether this page's changes have reached the store, and whether
//! one of them is kept anywhere but on this page. The report entry's form leaves for the
//! resident app once the report is submitted; a report the store refused (a full disk)
//! and the journal could not take either must keep the form on screen instead.

use leptos::prelude::*;

use super::{DocSet, Kept};
use crate::format::documents::doc_id;
use crate::platform::clock::sleep;

impl<T: Kept> DocSet<T> {
    /// Waits until the changes made here are written (or refused): 2 s at most, since the
    /// journal keeps what the store has not taken.
    pub async fn settled(self) {
        for _ in 0..40 {
            if !self.saving.try_get_untracked().unwrap_or(false) {
                return;
            }
            sleep(50).await;
        }
    }

    /// Whether this page's latest change of a record is kept beyond the page: in the
    /// store, or else in the journal (the next start saves it from there).
    pub fn kept(self, record_id: &str) -> bool {
        let id = doc_id(T::KIND, record_id);
        !self.refused.with_value(|r| r.contains(&id))
            || self.journaled.with_value(|j| j.contains(&id))
    }
}
