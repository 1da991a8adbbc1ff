//! A bare counter whose count survives a reload: the smallest Leptos app of this kind.

use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;

#[component]
fn App() -> impl IntoView {
    let (count, set_count) = signal(LocalStorage::get::<i32>("count").unwrap_or(0));
    Effect::new(move |_| {
        let _ = LocalStorage::set("count", count.get());
    });
    view! {
        <h1>"小区管家 floor"</h1>
        <button on:click=move |_| set_count.update(|c| *c += 1)>"+1: " {count}</button>
    }
}

fn main() {
    leptos::mount::mount_to_body(App);
}
