leptos_i18n::load_locales!();
use i18n::*;
use leptos::prelude::*;

#[component]
fn Counter() -> impl IntoView {
    let i18n = use_i18n();
    let (count, set_count) = signal(0);
    let switch = move |_| {
        let next = if i18n.get_locale() == Locale::zh { Locale::en } else { Locale::zh };
        i18n.set_locale(next);
    };
    view! {
        <button on:click=switch>{t!(i18n, switch)}</button>
        <button on:click=move |_| set_count.update(|c| *c += 1)>{t!(i18n, click_to_inc)}</button>
        <p>{t!(i18n, click_count, count = move || count.get())}</p>
    }
}

#[component]
fn App() -> impl IntoView {
    view! { <I18nContextProvider><Counter/></I18nContextProvider> }
}

fn main() {
    leptos::mount::mount_to_body(App);
}
