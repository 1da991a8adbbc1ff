//! Steward mode's door: set a PIN on first use, type it to enter, then what is inside.

use leptos::prelude::*;

use super::pin_forms::{EnterPinForm, SetPinForm};
use crate::state::steward_session::use_steward_session;

/// What only an open steward mode shows; the PIN forms until then.
#[component]
pub fn StewardGate(
    /// Shown while steward mode is open.
    children: ChildrenFn,
) -> impl IntoView {
    let session = use_steward_session();
    let has_pin = Memo::new(move |_| session.mode.with(|m| m.pin.is_some()));
    move || match (has_pin.get(), session.is_open.get()) {
        (false, _) => view! { <SetPinForm/> }.into_any(),
        (true, false) => view! { <EnterPinForm/> }.into_any(),
        (true, true) => children().into_any(),
    }
}
