//! Storage problems, shown in plain language at the top of every page until dismissed.

use leptos::prelude::*;

use crate::i18n::messages::Message;
use crate::platform::local_storage::download_raw_copy;
use crate::state::{DatasetState, use_state, use_strings, use_writer};

/// The list of current storage problems.
#[component]
pub fn ProblemNotices() -> impl IntoView {
    let state = use_state();
    let writer = use_writer();
    let s = use_strings();
    view! {
        <div class="problems" aria-live="polite">
            {move || {
                state
                    .problems
                    .get()
                    .into_iter()
                    .enumerate()
                    .map(|(i, problem)| {
                        let message = problem.message(s());
                        view! {
                            <div class=format!("notice notice--warning problem--{}", problem.code()) role="alert">
                                <p>{message}</p>
                                {problem.raw_copy().map(str::to_string).map(|key| view! {
                                    <button type="button" class="button button--small button--secondary"
                                        on:click=move |_| download_raw_copy(&key)>{move || s().download_raw}</button>
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
