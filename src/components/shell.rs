//! The frame around every page: a header with the app's name and language switch, and
//! the bottom navigation with four thumb-sized items.

use crate::state::location::use_location;
use leptos::prelude::*;

use super::icons::{Icon, IconKind};
use super::problem_notices::ProblemNotices;
use super::pwa_banners::PwaBanners;
use crate::i18n::{Lang, Strings};
use crate::state::{use_program, use_state, use_strings, use_writer};

/// The frame every program draws inside its router: header, banners and problems, the
/// routed page, and the navigation. Links another program answers are full page loads.
#[component]
pub fn AppFrame(
    /// The routes.
    children: ChildrenFn,
) -> impl IntoView {
    let state = use_state();
    view! {
        <AppHeader/>
        <main id="main" class="app-main">
            <PwaBanners/>
            <ProblemNotices/>
            // Pages read the stored records as they start: they start once those are
            // read (the static shell stays on screen until then).
            <Show when=move || state.records_ready.get()>{children()}</Show>
        </main>
        <AppNav/>
    }
}

/// The top bar.
#[component]
pub fn AppHeader() -> impl IntoView {
    let state = use_state();
    let writer = use_writer();
    let s = use_strings();
    let toggle = move |_| {
        writer.update_settings(|st| {
            st.lang = if st.lang == Lang::Zh {
                Lang::En
            } else {
                Lang::Zh
            }
        });
    };
    view! {
        <header class="app-header">
            <a href="/" class="app-header__name" rel=use_program().rel_for("/")>{move || s().app_name}</a>
            <button type="button" class="app-header__lang" on:click=toggle
                lang=move || if state.lang.get() == Lang::Zh { "en" } else { "zh-CN" }>
                {move || s().switch_lang}
            </button>
        </header>
    }
}

struct NavItem {
    href: &'static str,
    icon: IconKind,
    label: fn(&Strings) -> &'static str,
    /// Path prefixes that count as this section.
    section: &'static [&'static str],
}

const NAV: [NavItem; 4] = [
    NavItem {
        href: "/",
        icon: IconKind::Home,
        label: |s| s.nav_home,
        section: &["/c/"],
    },
    NavItem {
        href: "/compounds",
        icon: IconKind::List,
        label: |s| s.nav_directory,
        section: &["/compounds"],
    },
    NavItem {
        href: "/report/new",
        icon: IconKind::Report,
        label: |s| s.nav_report,
        section: &["/report/"],
    },
    NavItem {
        href: "/settings",
        icon: IconKind::Person,
        label: |s| s.nav_mine,
        section: &["/settings", "/reports", "/district", "/steward"],
    },
];

/// The bottom navigation; the current section is marked with `aria-current`.
#[component]
pub fn AppNav() -> impl IntoView {
    let program = use_program();
    let s = use_strings();
    let location = use_location();
    let items = NAV
        .iter()
        .map(|item| {
            let current = move || {
                let path = location.path();
                let here = path == item.href || item.section.iter().any(|p| path.starts_with(p));
                here.then_some("page")
            };
            view! {
                <a href=item.href class="app-nav__item" aria-current=current rel=program.rel_for(item.href)>
                    <Icon kind=item.icon/>
                    <span>{move || (item.label)(s())}</span>
                </a>
            }
        })
        .collect_view();
    view! {
        <nav class="app-nav" aria-label=move || s().main_nav>
            {items}
        </nav>
    }
}
