//! Storage problems, shown in plain language at the top of every page until dismissed.

use leptos::prelude::*;

use crate::download::download;
use crate::i18n::{store_error_message, strings};
use crate::store::error::StoreError;
use crate::store::local::read_raw;
use crate::store::state::{DatasetState, use_state, use_writer};

/// The list of current storage problems.
#[component]
pub fn ProblemNotices() -> impl IntoView {
    let state = use_state();
    let writer = use_writer();
    let s = move || strings(state.lang.get());
    view! {
        <div class="problems" aria-live="polite">
            {move || {
                state
                    .problems
                    .get()
                    .into_iter()
                    .enumerate()
                    .map(|(i, problem)| {
                        let message = store_error_message(&problem, state.lang.get());
                        view! {
                            <div class=format!("notice notice--warning problem--{}", problem.code()) role="alert">
                                <p>{message}</p>
                                {raw_copy(&problem).map(|key| view! {
                                    <button type="button" class="button button--small button--secondary"
                                        on:click=move |_| download_raw(&key)>{move || s().download_raw}</button>
                                })}
                                <button type="button" class="button button--small" on:click=move |_| writer.dismiss_problem(i)>
                                    {move || s().dismiss}
                                </button>
                            </div>
                        }
                    })
                    .collect_view()
            }}
            <Show when=move || state.dataset.get() == DatasetState::Failed>
                <div class="notice notice--warning problem--dataset" role="alert">
                    <p>{move || s().err_dataset}</p>
                </div>
            </Show>
        </div>
    }
}

/// The backup key of a corrupt value, when its raw copy was kept.
fn raw_copy(problem: &StoreError) -> Option<String> {
    match problem {
        StoreError::Corrupt {
            backup_key: Some(key),
            ..
        } => Some(key.clone()),
        _ => None,
    }
}

/// Offers the damaged value, byte for byte, as a file (to send to whoever can repair it).
fn download_raw(key: &str) {
    if let Ok(Some(raw)) = read_raw(key) {
        download(&format!("{key}.txt"), "text/plain", &raw);
    }
}
