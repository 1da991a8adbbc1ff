//! One routed page per file.

pub mod backup;
pub mod building;
pub mod compound;
pub mod directory;
pub mod district;
pub mod handoff;
pub mod home;
pub mod not_found;
pub mod poster;
pub mod records;
pub mod report_detail;
pub mod report_new;
pub mod reports;
pub mod settings;
pub mod steward;
pub mod steward_report;
pub mod steward_take;

use leptos::prelude::*;

use crate::domain::compound::Compound;
use crate::i18n::strings;
use crate::state::{DatasetState, use_state};

/// Renders `found` with the compound of that id, a loading line while the published
/// data is on its way, or a plain "not found".
pub fn with_compound<V: IntoView + 'static>(
    id: impl Fn() -> String + Send + Sync + 'static,
    found: impl Fn(Compound) -> V + Send + Sync + 'static,
) -> impl IntoView {
    let state = use_state();
    move || {
        let s = strings(state.lang.get());
        let id = id();
        let compound = state
            .compounds
            .with(|c| c.0.iter().find(|c| c.id == id).cloned());
        match (compound, state.dataset.get()) {
            (Some(c), _) => found(c).into_any(),
            (None, DatasetState::Loading) => {
                view! { <p class="loading" role="status">{s.loading}</p> }.into_any()
            }
            (None, _) => {
                view! { <p class="notice notice--error" role="alert">{s.compound_not_found}</p> }
                    .into_any()
            }
        }
    }
}
