//! Small pieces of forms: a field's validation message, and the options of the building
//! and unit pickers.

use leptos::prelude::*;

use crate::domain::compound::Compound;

pub fn building_options(compound: Option<Compound>, chosen: Option<String>) -> impl IntoView {
    compound
        .map(|c| {
            c.buildings()
                .map(|(_, b)| {
                    let selected = chosen.as_deref() == Some(b.id.as_str());
                    view! { <option value=b.id.clone() selected=selected>{b.name.clone()}</option> }
                })
                .collect_view()
        })
        .unwrap_or_default()
}

pub fn unit_options(
    compound: Option<Compound>,
    chosen: (Option<String>, Option<String>),
) -> impl IntoView {
    let (building, unit) = chosen;
    compound
        .and_then(|c| {
            let (_, b) = c.find_building(building.as_deref()?)?;
            Some(
                b.units
                    .iter()
                    .map(|u| {
                        let selected = unit.as_deref() == Some(u.id.as_str());
                        view! { <option value=u.id.clone() selected=selected>{u.name.clone()}</option> }
                    })
                    .collect_view(),
            )
        })
        .unwrap_or_default()
}

/// A validation message under a field, announced when it appears.
#[component]
pub fn FieldMessage(
    /// The message, or `None` when the field is fine.
    message: Signal<Option<String>>,
) -> impl IntoView {
    move || {
        message
            .get()
            .map(|m| view! { <span class="field__error" role="alert">{m}</span> })
    }
}
