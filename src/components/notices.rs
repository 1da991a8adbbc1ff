//! Storage problems, shown in plain language at the top of every page until dismissed.

use leptos::prelude::*;

use crate::i18n::{store_error_message, strings};
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
