//! What an edit keeps of the version it continues that this version does not know (a newer
//! version's fields, the server's photo stubs) — in the programs that sync.

use super::Kept;
use crate::format::revision::Body;
use crate::format::unknown_fields::{field_names, keep_unknown};

/// How an edit keeps what it does not know of the version it continues.
type Carry = fn(Body, Option<&Body>, &[&str]) -> Body;

thread_local! {
    /// Set by the programs that sync (`keep_unknown_fields`): only a document that came
    /// from elsewhere can hold fields this version does not know. The report entry writes
    /// its own drafts alone, so it leaves this unset and does not carry the code.
    static CARRY: std::cell::Cell<Option<Carry>> = const { std::cell::Cell::new(None) };
}

/// Edits made from now on keep the fields (and the server's attachment stubs) of the
/// version they continue that this version does not know.
pub fn keep_unknown_fields() {
    CARRY.with(|c| c.set(Some(keep_unknown)));
}

/// `body` with what its parent holds that `T` does not know, where edits keep it.
pub(super) fn carried<T: Kept>(body: Body, parent: Option<&Body>) -> Body {
    match CARRY.with(std::cell::Cell::get) {
        Some(carry) => carry(body, parent, field_names::<T>()),
        None => body,
    }
}
