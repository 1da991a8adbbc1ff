//! Posting, editing, pinning and taking down a compound's notices (公告). A change is a
//! local edit of the compound, so the resident pages show it at once.

use leptos::prelude::*;

use crate::components::form_fields::FieldMessage;
use crate::domain::compound::Notice;
use crate::domain::limits::NOTE_MAX;
use crate::domain::notice::{NoticeError, check_notice};
use crate::domain::time::{format_date, parse_date};
use crate::platform::clock::now;
use crate::state::records::use_records_writer;
use crate::state::{use_console_strings, use_state, use_strings};

/// The form's fields, as typed.
#[derive(Clone, Default)]
struct Draft {
    /// The notice being edited; `None` for a new one.
    editing: Option<Notice>,
    title: String,
    body: String,
    pinned: bool,
    expires: String,
}

#[component]
pub fn NoticeEditor(
    /// The id of the compound whose notices these are.
    compound_id: String,
) -> impl IntoView {
    let state = use_state();
    let s = use_strings();
    let c = use_console_strings();
    let records_writer = use_records_writer();
    // Read afresh on every change, so the list follows saves and other tabs.
    let compound = state.compound(compound_id);
    let draft = RwSignal::new(Draft::default());
    let errors = RwSignal::new(Vec::<NoticeError>::new());
    let (date_error, set_date_error) = signal(false);
    let (saved, set_saved) = signal(false);
    // Every change is a new version of the compound with its notices changed.
    let save_notices = move |change: &dyn Fn(&mut Vec<Notice>)| {
        let Some(mut c) = compound.get_untracked() else {
            return;
        };
        change(&mut c.notices);
        c.updated_at = now();
        records_writer.put_compound(c);
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let d = draft.get_untracked();
        let expires_at = match d.expires.trim() {
            "" => None,
            text => match parse_date(text) {
                Some(day) => Some(day),
                None => {
                    set_date_error.set(true);
                    return;
                }
            },
        };
        set_date_error.set(false);
        let at = now();
        let notice = Notice {
            id: d.editing.as_ref().map_or_else(
                || {
                    format!(
                        "{}-n{at}",
                        compound.with_untracked(|c| c
                            .as_ref()
                            .map(|c| c.id.clone())
                            .unwrap_or_default())
                    )
                },
                |n| n.id.clone(),
            ),
            title: d.title.trim().to_string(),
            body: d.body.trim().to_string(),
            published_at: d.editing.as_ref().map_or(at, |n| n.published_at),
            pinned: d.pinned,
            expires_at,
        };
        let problems = check_notice(&notice, at);
        set_saved.set(problems.is_empty());
        if problems.is_empty() {
            save_notices(&|list| {
                list.retain(|n| n.id != notice.id);
                list.push(notice.clone());
            });
            draft.set(Draft::default());
        }
        errors.set(problems);
    };
    let error_for = move |pick: fn(&NoticeError) -> bool| {
        Signal::derive(move || {
            errors.with(|e| e.iter().find(|e| pick(e)).map(|e| c().notice_error(e, s())))
        })
    };
    let title_error = error_for(|e| matches!(e, NoticeError::Title(_)));
    let body_error = error_for(|e| matches!(e, NoticeError::Body(_)));
    let expiry_error = Signal::derive(move || {
        if date_error.get() {
            Some(c().err_date.to_string())
        } else {
            errors.with(|e| {
                e.iter()
                    .find(|e| matches!(e, NoticeError::ExpiresInThePast))
                    .map(|e| c().notice_error(e, s()))
            })
        }
    });
    let listed = move || {
        let mut list = compound.with(|c| c.as_ref().map(|c| c.notices.clone()).unwrap_or_default());
        list.sort_by_key(|n| std::cmp::Reverse(n.published_at));
        list
    };
    let take_down = move |id: String| {
        save_notices(&|list| {
            if let Some(n) = list.iter_mut().find(|n| n.id == id) {
                n.expires_at = Some(now());
            }
        });
    };
    let edit = move |n: Notice| {
        draft.set(Draft {
            title: n.title.clone(),
            body: n.body.clone(),
            pinned: n.pinned,
            expires: n.expires_at.map(format_date).unwrap_or_default(),
            editing: Some(n),
        })
    };
    view! {
        <section class="notice-editor panel" aria-labelledby="notice-editor-title">
            <h2 id="notice-editor-title">{move || c().notices_manage}</h2>
            <ul class="notice-editor__list">
                {move || listed().into_iter().map(|n| {
                    let current = n.is_current(now());
                    let (for_edit, id) = (n.clone(), n.id.clone());
                    view! {
                        <li class="notice-editor__item">
                            <h3>{n.title.clone()}</h3>
                            <p class="notice-item__date">
                                {format_date(n.published_at)}
                                {n.pinned.then(|| view! { " " <span class="tag">{move || s().notice_pinned_tag}</span> })}
                                {(!current).then(|| view! { " " <span class="tag tag--expired">{move || c().notice_expired_tag}</span> })}
                            </p>
                            <button type="button" class="button button--small button--secondary" on:click=move |_| edit(for_edit.clone())>{move || c().notice_edit}</button>
                            {current.then(|| view! {
                                <button type="button" class="button button--small button--secondary" on:click=move |_| take_down(id.clone())>{move || c().notice_take_down}</button>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ul>
            <form class="notice-editor__form" on:submit=submit novalidate>
                <div class="field">
                    <label class="field__label" for="notice-title">{move || c().notice_title_label}</label>
                    <input id="notice-title" class="field__input" name="notice_title" aria-describedby="notice-title-error"
                        aria-invalid=move || title_error.with(Option::is_some).to_string()
                        prop:value=move || draft.with(|d| d.title.clone())
                        on:input=move |ev| draft.update(|d| d.title = event_target_value(&ev))/>
                    <FieldMessage id="notice-title-error" message=title_error/>
                </div>
                <div class="field">
                    <label class="field__label" for="notice-body">{move || c().notice_body_label}</label>
                    <textarea id="notice-body" class="field__input" name="notice_body" rows="4" maxlength=NOTE_MAX.to_string()
                        aria-describedby="notice-body-error" aria-invalid=move || body_error.with(Option::is_some).to_string()
                        prop:value=move || draft.with(|d| d.body.clone())
                        on:input=move |ev| draft.update(|d| d.body = event_target_value(&ev))></textarea>
                    <FieldMessage id="notice-body-error" message=body_error/>
                </div>
                <label class="choice">
                    <input type="checkbox" name="notice_pinned" prop:checked=move || draft.with(|d| d.pinned)
                        on:change=move |ev| draft.update(|d| d.pinned = event_target_checked(&ev))/>
                    {move || c().notice_pinned_label}
                </label>
                <div class="field">
                    <label class="field__label" for="notice-expires">{move || c().notice_expires_label}</label>
                    <input id="notice-expires" class="field__input" type="date" name="notice_expires" aria-describedby="notice-expires-error"
                        prop:value=move || draft.with(|d| d.expires.clone())
                        on:input=move |ev| draft.update(|d| d.expires = event_target_value(&ev))/>
                    <FieldMessage id="notice-expires-error" message=expiry_error/>
                </div>
                <p class="hint" role="status">{move || saved.get().then(|| c().notice_posted)}</p>
                <button type="submit" class="button">
                    {move || if draft.with(|d| d.editing.is_some()) { c().notice_save } else { c().notice_post }}
                </button>
            </form>
        </section>
    }
}
