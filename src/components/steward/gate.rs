//! Steward mode's door: set a PIN on first use, type it to enter, then what is inside.

use leptos::prelude::*;

use super::pin_forms::{EnterPinForm, SetPinForm};
use crate::state::steward_session::use_steward_session;

/// What only an open steward mode shows; the PIN forms until then.
#[component]
pub fn StewardGate(
    /// Where the gate is, on a page with more than one (the office's record editors, each
    /// locked alike): its PIN fields' ids start with it, so no two fields share an id and
    /// each label names its own field.
    #[prop(optional)]
    name: &'static str,
    /// Shown while steward mode is open.
    children: ChildrenFn,
) -> impl IntoView {
    let session = use_steward_session();
    let has_pin = Memo::new(move |_| session.mode.with(|m| m.pin.is_some()));
    move || match (has_pin.get(), session.is_open.get()) {
        (false, _) => view! { <SetPinForm name/> }.into_any(),
        (true, false) => view! { <EnterPinForm name/> }.into_any(),
        (true, true) => children().into_any(),
    }
}
