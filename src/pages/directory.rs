//! `/compounds?q=&mode=&sd=&cov=`: every compound, searchable as you type. The query lives in
//! the URL so a search can be shared and survives a reload.

use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::compound::{Compound, ManagementMode};
use crate::domain::phone::percent_encode;
use crate::domain::search::{Filter, SearchIndex};
use crate::state::location::{use_location, use_navigator};
use crate::state::pinyin::pinyin_when;
use crate::state::{Shared, use_state, use_strings};

const PAGE: usize = 30;

#[component]
pub fn DirectoryPage() -> impl IntoView {
    let state = use_state();
    let s = use_strings();
    let location = use_location();
    let navigator = use_navigator();
    let param = move |k: &str| location.query(k).unwrap_or_default();
    let q = Memo::new(move |_| param("q"));
    let mode = Memo::new(move |_| param("mode"));
    let sd = Memo::new(move |_| param("sd"));
    // `1`: covered by property management, `0`: not (the district's list of gaps).
    let cov = Memo::new(move |_| param("cov"));
    let (shown, set_shown) = signal(PAGE);

    let latin = Memo::new(move |_| q.with(|q| q.chars().any(|c| c.is_ascii_alphabetic())));
    let pinyin = pinyin_when(latin);
    // Rebuilt only when the data (or the pinyin table) changes, not per keystroke.
    let index = Memo::new(move |_| {
        let pinyin = pinyin.get();
        state.compounds.with(|c| {
            let table = pinyin.as_ref().map(|p| p.0.as_ref());
            Shared(Arc::new(SearchIndex::new(&c.0, table)))
        })
    });
    let hits = Memo::new(move |_| {
        let filter = Filter {
            mode: ManagementMode::from_key(&mode.get()),
            subdistrict: Some(sd.get()).filter(|s| !s.is_empty()),
            covered: match cov.get().as_str() {
                "1" => Some(true),
                "0" => Some(false),
                _ => None,
            },
        };
        index.with(|i| i.0.search(&q.get(), &filter))
    });
    let subdistricts = Memo::new(move |_| {
        // In the order the published data lists them (the district's own), without a
        // sort: a first visit's wasm carries one sort routine fewer.
        let mut names: Vec<String> = Vec::new();
        state.compounds.with(|all| {
            for c in all.0.iter() {
                if !c.subdistrict.is_empty() && !names.contains(&c.subdistrict) {
                    names.push(c.subdistrict.clone());
                }
            }
        });
        names
    });

    let has_more = move || hits.with(Vec::len) > shown.get();
    // The `page`th page of matching compounds.
    let rows = move |page: usize| {
        state.compounds.with(|all| {
            hits.with(|h| {
                h.iter()
                    .skip(page * PAGE)
                    .take(PAGE)
                    .filter_map(|&i| all.0.get(i).map(compound_item))
                    .collect_view()
            })
        })
    };
    let set_param = move |key: &'static str, value: String| {
        let mut pairs: Vec<(&str, String)> = vec![
            ("q", q.get_untracked()),
            ("mode", mode.get_untracked()),
            ("sd", sd.get_untracked()),
            ("cov", cov.get_untracked()),
        ];
        for pair in pairs.iter_mut().filter(|(k, _)| *k == key) {
            pair.1 = value.clone();
        }
        let search: Vec<String> = pairs
            .into_iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, v)| format!("{k}={}", percent_encode(&v)))
            .collect();
        let path = untrack(|| location.path());
        let url = if search.is_empty() {
            path
        } else {
            format!("{path}?{}", search.join("&"))
        };
        set_shown.set(PAGE);
        navigator.replace_in_place(&url);
    };
    let on_q = move |ev| set_param("q", event_target_value(&ev));
    let on_mode = move |ev| set_param("mode", event_target_value(&ev));
    let on_sd = move |ev| set_param("sd", event_target_value(&ev));
    let on_cov = move |ev| set_param("cov", event_target_value(&ev));

    let mode_options = move || {
        ManagementMode::ALL
            .into_iter()
            .map(|m| view! { <option value=m.key() selected=move || mode.get() == m.key()>{move || s().mode(m)}</option> })
            .collect_view()
    };
    let sd_options = move || {
        subdistricts
            .get()
            .into_iter()
            .map(|n| {
                let selected = sd.get() == n;
                view! { <option value=n.clone() selected=selected>{n.clone()}</option> }
            })
            .collect_view()
    };
    view! {
        <section class="page directory">
            <h1 class="page__title">{move || s().nav_directory}</h1>
            <div class="directory__controls" role="search">
                <label class="field">
                    <span class="field__label">{move || s().search_label}</span>
                    <input type="search" class="field__input" name="q" autocomplete="off"
                        placeholder=move || s().search_placeholder prop:value=q on:input=on_q/>
                </label>
                <div class="directory__filters">
                    <label class="field">
                        <span class="field__label">{move || s().mode_label}</span>
                        <select class="field__input" name="mode" on:change=on_mode>
                            <option value="" selected=move || mode.get().is_empty()>{move || s().all_modes}</option>
                            {mode_options}
                        </select>
                    </label>
                    <label class="field">
                        <span class="field__label">{move || s().subdistrict_label}</span>
                        <select class="field__input" name="sd" on:change=on_sd>
                            <option value="" selected=move || sd.get().is_empty()>{move || s().all_subdistricts}</option>
                            {sd_options}
                        </select>
                    </label>
                    <label class="field">
                        <span class="field__label">{move || s().coverage_filter}</span>
                        <select class="field__input" name="cov" on:change=on_cov>
                            <option value="" selected=move || cov.get().is_empty()>{move || s().all_coverage}</option>
                            <option value="1" selected=move || cov.get() == "1">{move || s().covered}</option>
                            <option value="0" selected=move || cov.get() == "0">{move || s().not_covered}</option>
                        </select>
                    </label>
                </div>
            </div>
            <p class="directory__count" role="status">{move || format!("{} {}", hits.with(Vec::len), s().results)}</p>
            <Show when=move || hits.with(Vec::is_empty) && !state.compounds.with(|c| c.0.is_empty())>
                <p class="notice notice--info">{move || if latin.get() && pinyin.with(Option::is_none) {
                    s().pinyin_loading
                } else {
                    s().no_results
                }}</p>
            </Show>
            <ul class="compound-list">
                // In pages of `PAGE` rows: a keystroke rebuilds the list (30 rows at first),
                // "show more" builds only the next page. (A keyed `<For>` built fewer rows
                // per keystroke but cost the first visit 4.6 KB of brotli.)
                {move || (0..hits.with(Vec::len).div_ceil(PAGE)).map(|page| {
                    let open = Memo::new(move |_| page * PAGE < shown.get());
                    move || open.get().then(|| untrack(|| rows(page)))
                }).collect_view()}
            </ul>
            <Show when=has_more>
                <button type="button" class="button button--secondary" on:click=move |_| set_shown.update(|n| *n += PAGE)>
                    {move || s().show_more}
                </button>
            </Show>
        </section>
    }
}

/// One line of the directory; takes only the headline fields, not the whole roster.
fn compound_item(compound: &Compound) -> impl IntoView + use<> {
    let s = use_strings();
    let place = [compound.community.as_str(), compound.subdistrict.as_str()]
        .iter()
        .filter(|p| !p.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" · ");
    let mode = compound.mode;
    let href = format!("/c/{}", compound.id);
    let name = compound.name.clone();
    let company = compound.property_company.clone();
    view! {
        <li class="compound-list__item">
            <a href=href class="compound-list__link">
                <span class="compound-list__name">{name}</span>
                <span class="compound-list__place">{place}</span>
                <span class="compound-list__meta">
                    <span class=format!("mode-badge mode-badge--{}", mode.key())>{move || s().mode(mode)}</span>
                    {company.map(|c| view! { <span class="compound-list__company">{c}</span> })}
                </span>
            </a>
        </li>
    }
}
