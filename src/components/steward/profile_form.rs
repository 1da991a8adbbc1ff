//! Who the steward is (name, role, phone) and which compounds they look after.

use leptos::prelude::*;

use crate::components::form_fields::FieldMessage;
use crate::domain::steward::Role;
use crate::domain::steward_profile::{ProfileError, StewardProfile};
use crate::state::steward_session::use_steward_session;
use crate::state::{use_console_strings, use_state, use_strings};

#[component]
pub fn ProfileForm() -> impl IntoView {
    let state = use_state();
    let session = use_steward_session();
    let s = use_strings();
    let c = use_console_strings();
    let before = session.mode.with_untracked(|m| m.profile.clone());
    let name = RwSignal::new(before.as_ref().map(|p| p.name.clone()).unwrap_or_default());
    let role = RwSignal::new(before.as_ref().map_or(Role::Red, |p| p.role));
    let phone = RwSignal::new(before.as_ref().map(|p| p.phone.clone()).unwrap_or_default());
    let chosen = RwSignal::new(before.map(|p| p.compounds).unwrap_or_default());
    let errors = RwSignal::new(Vec::<ProfileError>::new());
    let (saved, set_saved) = signal(false);
    let error_for = move |pick: fn(&ProfileError) -> bool| {
        Signal::derive(move || {
            errors.with(|e| {
                e.iter()
                    .find(|e| pick(e))
                    .map(|e| c().profile_error(e, s()))
            })
        })
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let profile = StewardProfile {
            name: name.get_untracked(),
            role: role.get_untracked(),
            phone: phone.get_untracked(),
            compounds: chosen.get_untracked(),
        };
        let known = |id: &str| {
            state
                .compounds
                .with_untracked(|c| c.0.iter().any(|c| c.id == id))
        };
        let problems = profile.check(known);
        set_saved.set(problems.is_empty());
        if problems.is_empty() {
            let profile = profile.normalised();
            session.update(|m| {
                if !m
                    .current
                    .as_ref()
                    .is_some_and(|c| profile.compounds.contains(c))
                {
                    m.current = profile.compounds.first().cloned();
                }
                m.profile = Some(profile);
            });
        }
        errors.set(problems);
    };
    let toggle = move |id: String, on: bool| {
        chosen.update(|list| {
            list.retain(|c| *c != id);
            if on {
                list.push(id);
            }
        })
    };
    let name_error = error_for(|e| matches!(e, ProfileError::Name(_)));
    let phone_error = error_for(|e| matches!(e, ProfileError::Phone(_)));
    let compound_error = error_for(|e| matches!(e, ProfileError::NoCompound));
    view! {
        <form class="profile-form panel" on:submit=submit novalidate>
            <h2>{move || c().profile_title}</h2>
            <div class="field">
                <label class="field__label" for="profile-name">{move || s().app().name_label}</label>
                <input id="profile-name" class="field__input" name="profile_name" autocomplete="name"
                    aria-describedby="profile-name-error" aria-invalid=move || name_error.with(Option::is_some).to_string()
                    prop:value=name on:input=move |ev| name.set(event_target_value(&ev))/>
                <FieldMessage id="profile-name-error" message=name_error/>
            </div>
            <div class="field">
                <label class="field__label" for="profile-role">{move || c().role_label}</label>
                <select id="profile-role" class="field__input" name="profile_role"
                    on:change=move |ev| if let Some(r) = Role::from_key(&event_target_value(&ev)) { role.set(r) }>
                    {Role::ALL.map(|r| view! { <option value=r.key() selected=move || role.get() == r>{move || s().role(r)}</option> }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label class="field__label" for="profile-phone">{move || s().app().phone_label}</label>
                <input id="profile-phone" class="field__input" name="profile_phone" type="tel" autocomplete="tel"
                    aria-describedby="profile-phone-error" aria-invalid=move || phone_error.with(Option::is_some).to_string()
                    prop:value=phone on:input=move |ev| phone.set(event_target_value(&ev))/>
                <FieldMessage id="profile-phone-error" message=phone_error/>
            </div>
            <fieldset class="field" aria-describedby="profile-compounds-error">
                <legend class="field__label">{move || c().my_compounds}</legend>
                {move || state.compounds.with(|c| c.0.iter().map(|c| {
                    let id = c.id.clone();
                    let checked = { let id = id.clone(); move || chosen.with(|l| l.contains(&id)) };
                    view! {
                        <label class="choice">
                            <input type="checkbox" name="profile_compound" value=id.clone() prop:checked=checked
                                on:change=move |ev| toggle(id.clone(), event_target_checked(&ev))/>
                            {c.name.clone()}
                        </label>
                    }
                }).collect_view())}
                <FieldMessage id="profile-compounds-error" message=compound_error/>
            </fieldset>
            <p class="hint" role="status">{move || saved.get().then(|| c().profile_saved)}</p>
            <button type="submit" class="button">{move || c().save_profile}</button>
        </form>
    }
}
