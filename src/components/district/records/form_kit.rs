//! One form for every kind of governance record: fields described as data (`Spec`), the
//! typed text kept in one `Fields`, each field's label, hint and problem side by side,
//! and a submit that saves only when the kind's reader finds no problem.

use std::sync::Arc;

use leptos::prelude::*;

use crate::components::form_fields::FieldMessage;
use crate::components::steward::gate::StewardGate;
use crate::domain::compound::Compound;
use crate::domain::governance::{FieldError, Fields};
use crate::state::district::{use_district, use_governance_strings};

/// How a field is typed.
#[derive(Clone, Debug, PartialEq)]
pub enum Control {
    Text,
    Date,
    Number,
    Area,
    /// One of these (value, label), with a first empty "choose" option.
    Select(Vec<(String, String)>),
    /// Any of these (value, label): checkboxes, kept as values joined by commas.
    Choices(Vec<(String, String)>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Spec {
    pub key: &'static str,
    pub label: &'static str,
    pub hint: &'static str,
    pub control: Control,
}

pub fn spec(key: &'static str, label: &'static str, hint: &'static str, control: Control) -> Spec {
    Spec {
        key,
        label,
        hint,
        control,
    }
}

fn toggle(list: &str, value: &str, on: bool) -> String {
    let mut values: Vec<&str> = list
        .split(',')
        .filter(|v| !v.is_empty() && *v != value)
        .collect();
    if on {
        values.push(value);
    }
    values.join(",")
}

fn control(
    form: &'static str,
    s: Spec,
    fields: RwSignal<Fields>,
    problem: Signal<Option<String>>,
) -> AnyView {
    let key = s.key;
    let id = format!("{form}-{key}");
    let described = format!("{id}-hint {id}-error");
    let invalid = move || problem.with(Option::is_some).to_string();
    let value = move || fields.with(|f| f.get(key).to_string());
    let set = move |v: String| fields.update(|f| f.set(key, v));
    let input = |kind: &'static str| {
        view! {
            <input id=id.clone() class="field__input" type=kind name=key aria-describedby=described.clone()
                aria-invalid=invalid prop:value=value on:input=move |ev| set(event_target_value(&ev))/>
        }
        .into_any()
    };
    let field = match s.control {
        Control::Text => input("text"),
        Control::Date => input("date"),
        Control::Number => input("text"),
        Control::Area => view! {
            <textarea id=id.clone() class="field__input" name=key rows="4" aria-describedby=described.clone()
                aria-invalid=invalid prop:value=value on:input=move |ev| set(event_target_value(&ev))></textarea>
        }
        .into_any(),
        Control::Select(options) => {
            let g = use_governance_strings();
            view! {
                <select id=id.clone() class="field__input" name=key aria-describedby=described.clone()
                    aria-invalid=invalid prop:value=value on:change=move |ev| set(event_target_value(&ev))>
                    <option value="">{move || g().choose}</option>
                    {options.into_iter().map(|(v, l)| view! { <option value=v.clone() selected=move || value() == v>{l}</option> }).collect_view()}
                </select>
            }
            .into_any()
        }
        Control::Choices(options) => {
            return view! {
                <fieldset class="field" data-field=key aria-describedby=described>
                    <legend class="field__label">{s.label}</legend>
                    {options.into_iter().map(|(v, l)| {
                        let checked = { let v = v.clone(); move || value().split(',').any(|x| x == v) };
                        let on_change = { let v = v.clone(); move |ev| set(toggle(&value(), &v, event_target_checked(&ev))) };
                        view! { <label class="choice"><input type="checkbox" name=key value=v prop:checked=checked on:change=on_change/>{l}</label> }
                    }).collect_view()}
                    <p class="hint" id=format!("{id}-hint")>{s.hint}</p>
                    <FieldMessage id=format!("{id}-error") message=problem/>
                </fieldset>
            }
            .into_any();
        }
    };
    view! {
        <div class="field" data-field=key>
            <label class="field__label" for=id.clone()>{s.label}</label>
            {field}
            <p class="hint" id=format!("{id}-hint")>{s.hint}</p>
            <FieldMessage id=format!("{id}-error") message=problem/>
        </div>
    }
    .into_any()
}

/// A record's form. `submit` reads the fields and saves the record, or gives each
/// field's problem (then nothing is saved).
#[component]
pub fn RecordForm(
    /// Marks the form for tests (`data-record-form`) and prefixes its fields' ids.
    form: &'static str,
    #[prop(into)] title: Signal<String>,
    /// The fields, in the current language.
    #[prop(into)]
    specs: Signal<Vec<Spec>>,
    /// What is typed (the parent fills it to correct a record).
    fields: RwSignal<Fields>,
    submit: Callback<Fields, Result<(), Vec<FieldError>>>,
) -> impl IntoView {
    let g = use_governance_strings();
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let outcome = RwSignal::new(None::<bool>);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match submit.run(fields.get_untracked()) {
            Ok(()) => {
                errors.set(Vec::new());
                outcome.set(Some(true));
            }
            Err(e) => {
                errors.set(e);
                outcome.set(Some(false));
            }
        }
    };
    let problem_of = move |key: &'static str| {
        Signal::derive(move || {
            errors.with(|e| {
                e.iter()
                    .find(|e| e.field == key)
                    .map(|e| g().problem(e.problem).to_string())
            })
        })
    };
    view! {
        <form class="record-form panel" data-record-form=form novalidate on:submit=on_submit>
            <h4>{move || title.get()}</h4>
            <div class="record-form__fields">
                {move || specs.get().into_iter().map(|s| { let p = problem_of(s.key); control(form, s, fields, p) }).collect_view()}
            </div>
            <button type="submit" class="button button--small">{move || g().save}</button>
            {move || outcome.get().map(|ok| if ok {
                view! { <p class="notice notice--info" role="status" data-saved>{g().saved}</p> }.into_any()
            } else {
                view! { <p class="notice notice--error" role="alert" data-not-saved>{g().not_saved}</p> }.into_any()
            })}
        </form>
    }
}

/// Which record the form corrects: "new" or one held (id, label); choosing fills the form.
#[component]
fn Picker(
    form: &'static str,
    #[prop(into)] options: Signal<Vec<(String, String)>>,
    pick: Callback<String>,
) -> impl IntoView {
    let g = use_governance_strings();
    let id = format!("{form}-pick");
    view! {
        <div class="field record-form__pick">
            <label class="field__label" for=id.clone()>{move || g().correct}</label>
            <select id=id class="field__input" name="pick" data-pick=form on:change=move |ev| pick.run(event_target_value(&ev))>
                <option value="">{move || g().new_record}</option>
                {move || options.get().into_iter().map(|(v, l)| view! { <option value=v>{l}</option> }).collect_view()}
            </select>
        </div>
    }
}

/// A kind's editor under its list: folded until opened (`data-editor=<kind>`), then behind
/// the steward PIN, the picker of the records held (choosing one fills the form with it,
/// to correct) above the kind's form or forms (`children`).
#[component]
pub fn RecordEditor(
    /// The kind's form name: the editor's `data-editor`, the picker's, its PIN fields' ids.
    kind: &'static str,
    /// The folded line's words.
    #[prop(into)]
    title: Signal<&'static str>,
    /// The records held, as (id, label).
    #[prop(into)]
    options: Signal<Vec<(String, String)>>,
    pick: Callback<String>,
    /// The form (or forms) that record this kind.
    children: ChildrenFn,
) -> impl IntoView {
    let g = use_governance_strings();
    // The gate and the forms are drawn while the editor is open, not for a folded one.
    let opened = RwSignal::new(false);
    let children = StoredValue::new(children);
    view! {
        <details class="panel records-editor no-print" data-editor=kind on:toggle=move |_| opened.update(|o| *o = !*o)>
            <summary>{move || title.get()}</summary>
            <p>{move || g().needs_pin}</p>
            <Show when=move || opened.get()><StewardGate name=kind>
                <Picker form=kind options pick/>
                {children.with_value(|c| c())}
            </StewardGate></Show>
        </details>
    }
}

/// The held record an editor corrects: the one picked (its id) and the form's fields.
/// Picking fills the form from the record; a save continues the picked one (a new
/// revision of it) and keeps what it saved picked, so a second save corrects the first.
pub struct Picked<T: Send + Sync + 'static> {
    /// The form's fields: filled from the record picked.
    pub fields: RwSignal<Fields>,
    id: RwSignal<Option<String>>,
    all: Memo<Vec<T>>,
    id_of: fn(&T) -> &str,
}

impl<T: Send + Sync + 'static> Clone for Picked<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Picked<T> {}

impl<T: Clone + PartialEq + Send + Sync + 'static> Picked<T> {
    /// Over the records `all` holds, each known by `id_of`.
    pub fn new(all: Memo<Vec<T>>, id_of: fn(&T) -> &str) -> Self {
        Picked {
            fields: RwSignal::new(Fields::default()),
            id: RwSignal::new(None),
            all,
            id_of,
        }
    }

    /// The held record of `id`.
    pub fn held(&self, id: &str) -> Option<T> {
        let id_of = self.id_of;
        self.all
            .with_untracked(|all| all.iter().find(|r| id_of(r) == id).cloned())
    }

    /// The picker's choice: the form filled from the record (`fields_of`), or emptied for
    /// a new one.
    pub fn pick(self, fields_of: fn(&T) -> Fields) -> Callback<String> {
        Callback::new(move |id: String| {
            let held = self.held(&id);
            self.fields
                .set(held.as_ref().map(fields_of).unwrap_or_default());
            self.id.set(held.map(|h| (self.id_of)(&h).to_string()));
        })
    }

    /// The record picked, which a save continues; `None`: a new one.
    pub fn current(&self) -> Option<T> {
        self.id
            .with_untracked(|id| id.as_deref().and_then(|id| self.held(id)))
    }

    /// `saved` is the record picked from now on.
    pub fn saved(&self, saved: &T) {
        self.id.set(Some((self.id_of)(saved).to_string()));
    }
}

/// The compounds a section works with: those of the place the drill-down looks at (what
/// its forms offer) and every compound of the district (a record may name one outside
/// the place, and a list shows it by name all the same).
#[derive(Clone, Copy)]
pub struct Places {
    /// The compounds of the place looked at.
    pub here: Memo<Arc<Vec<Compound>>>,
    everywhere: Memo<Arc<Vec<Compound>>>,
}

impl Places {
    pub fn looked_at() -> Places {
        let district = use_district();
        Places {
            here: Memo::new(move |_| district.records.get().0.compounds.clone()),
            everywhere: Memo::new(move |_| district.all.get().0.compounds.clone()),
        }
    }

    /// A compound's name, or its id when the data has no such compound. Tracked.
    pub fn name(&self, id: &str) -> String {
        self.everywhere.with(|all| {
            all.iter()
                .find(|c| c.id == id)
                .map_or_else(|| id.to_string(), |c| c.name.clone())
        })
    }

    /// The compounds of the place a form may choose, as (id, name).
    pub fn choices(&self) -> Signal<Vec<(String, String)>> {
        let here = self.here;
        Signal::derive(move || {
            here.with(|c| {
                c.iter()
                    .filter(|c| !c.deleted)
                    .map(|c| (c.id.clone(), c.name.clone()))
                    .collect()
            })
        })
    }
}
