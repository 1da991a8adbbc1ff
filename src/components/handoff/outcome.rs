//! What opening a hand-off link did, said plainly: taken in, nothing new, or refused
//! (and then, always, that nothing on this phone changed).

use leptos::prelude::*;

use crate::domain::handoff::{Received, Refusal};
use crate::format::handoff::LinkError;
use crate::state::use_handoff_strings;

/// The result of reading or applying a link.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    Unreadable(LinkError),
    Refused(Refusal),
    Done(Received),
}

/// A result of reading or applying a link, as a notice.
#[component]
pub fn OutcomeNotice(
    /// What happened.
    outcome: Outcome,
) -> impl IntoView {
    let h = use_handoff_strings();
    let (class, role) = match outcome {
        Outcome::Done(_) => ("notice notice--info", "status"),
        _ => ("notice notice--error", "alert"),
    };
    let text = move || match &outcome {
        Outcome::Unreadable(e) => format!("{} {}", h().link_error(e), h().nothing_changed),
        Outcome::Refused(r) => format!("{} {}", h().refusal(r), h().nothing_changed),
        Outcome::Done(d) => h().received(d).to_string(),
    };
    view! { <p class=class role=role data-outcome>{text}</p> }
}
