use leptos::prelude::*;

struct Strings {
    click_to_inc: &'static str,
    click_count: &'static str,
    switch: &'static str,
}
const ZH: Strings = Strings { click_to_inc: "点击加一", click_count: "您点击了 {} 次", switch: "English" };
const EN: Strings = Strings { click_to_inc: "Click to increment", click_count: "You clicked {} times", switch: "中文" };

#[component]
fn App() -> impl IntoView {
    let (zh, set_zh) = signal(true);
    let (count, set_count) = signal(0);
    let s = move || if zh.get() { &ZH } else { &EN };
    view! {
        <button on:click=move |_| set_zh.update(|z| *z = !*z)>{move || s().switch}</button>
        <button on:click=move |_| set_count.update(|c| *c += 1)>{move || s().click_to_inc}</button>
        <p>{move || s().click_count.replace("{}", &count.get().to_string())}</p>
    }
}

fn main() {
    leptos::mount::mount_to_body(App);
}
