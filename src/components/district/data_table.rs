//! A table of figures that sorts by any column and exports what it shows as CSV — every
//! table on the district page is one of these.

use leptos::prelude::*;

use crate::format::csv::table_csv;
use crate::platform::download::download;
use crate::state::use_district_strings;

/// One cell: the text shown (and exported), what it sorts by, and an optional link.
#[derive(Clone, Debug, PartialEq)]
pub struct Cell {
    pub text: String,
    /// Numbers sort as numbers; a cell with no number (text, "—") sorts by its text,
    /// after every number.
    pub number: Option<f64>,
    pub href: Option<String>,
}

impl Cell {
    pub fn text(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            number: None,
            href: None,
        }
    }

    pub fn number(text: impl Into<String>, number: f64) -> Cell {
        Cell {
            number: Some(number),
            ..Cell::text(text)
        }
    }

    /// A count: shown and sorted as itself.
    pub fn count(n: usize) -> Cell {
        Cell::number(n.to_string(), n as f64)
    }

    pub fn link(text: impl Into<String>, href: String) -> Cell {
        Cell {
            href: Some(href),
            ..Cell::text(text)
        }
    }
}

/// Which column sorts, and which way.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Sort {
    column: usize,
    ascending: bool,
}

fn sorted(mut rows: Vec<Vec<Cell>>, sort: Option<Sort>) -> Vec<Vec<Cell>> {
    let Some(Sort { column, ascending }) = sort else {
        return rows;
    };
    rows.sort_by(|a, b| {
        let (a, b) = (a.get(column), b.get(column));
        let order = match (a.and_then(|c| c.number), b.and_then(|c| c.number)) {
            (Some(x), Some(y)) => x.total_cmp(&y),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => a.map(|c| &c.text).cmp(&b.map(|c| &c.text)),
        };
        if ascending { order } else { order.reverse() }
    });
    rows
}

#[component]
pub fn DataTable(
    /// The table's caption: read out, printed, and the CSV file's name.
    #[prop(into)]
    caption: Signal<String>,
    /// Marks the table for tests and for the CSV file name (`scorecards` →
    /// `scorecards.csv`).
    name: &'static str,
    /// Column headings.
    #[prop(into)]
    headers: Signal<Vec<&'static str>>,
    /// The rows, in their unsorted order.
    #[prop(into)]
    rows: Signal<Vec<Vec<Cell>>>,
    /// Rows shown until "show all" is tapped (0: all); the CSV always has every row.
    #[prop(optional)]
    page: usize,
    /// Its links are the dashboard's own pages (no page load), not another program's.
    #[prop(optional)]
    inner: bool,
) -> impl IntoView {
    let d = use_district_strings();
    let sort = RwSignal::new(None::<Sort>);
    let all_shown = RwSignal::new(page == 0);
    let shown = Memo::new(move |_| sorted(rows.get(), sort.get()));
    let cut = move || !all_shown.get() && shown.with(Vec::len) > page;
    let export = move |_| {
        let texts: Vec<Vec<String>> = shown.with(|rows| {
            rows.iter()
                .map(|r| r.iter().map(|c| c.text.clone()).collect())
                .collect()
        });
        download(
            &format!("{name}.csv"),
            "text/csv;charset=utf-8",
            &headers.with(|h| table_csv(h, &texts)),
        );
    };
    let heading = move |(i, h): (usize, &'static str)| {
        let state = move || sort.get().filter(|s| s.column == i);
        let aria = move || match state() {
            Some(s) if s.ascending => "ascending",
            Some(_) => "descending",
            None => "none",
        };
        let click = move |_| {
            sort.update(|s| {
                *s = Some(match *s {
                    Some(cur) if cur.column == i => Sort {
                        column: i,
                        ascending: !cur.ascending,
                    },
                    _ => Sort {
                        column: i,
                        ascending: false,
                    },
                })
            })
        };
        view! {
            <th scope="col" aria-sort=aria>
                <button type="button" class="data-table__sort" on:click=click title=move || d().sort_by>
                    {h}
                    <span class="data-table__arrow" aria-hidden="true">{move || match state() { Some(s) if s.ascending => "▲", Some(_) => "▼", None => "↕" }}</span>
                </button>
            </th>
        }
    };
    let rel = (!inner).then_some("external");
    let row = move |cells: Vec<Cell>| {
        let mut cells = cells.into_iter();
        let first = cells.next().map(|c| match c.href {
            Some(href) => {
                view! { <th scope="row"><a href=href rel=rel>{c.text}</a></th> }.into_any()
            }
            None => view! { <th scope="row">{c.text}</th> }.into_any(),
        });
        view! { <tr>{first}{cells.map(|c| view! { <td>{c.text}</td> }).collect_view()}</tr> }
    };
    view! {
        <div class="data-table" data-table=name>
            <div class="data-table__scroll">
                <table class="table">
                    <caption>{move || caption.get()}</caption>
                    <thead><tr>{move || headers.get().into_iter().enumerate().map(heading).collect_view()}</tr></thead>
                    <tbody>{move || {
                        let limit = if all_shown.get() { usize::MAX } else { page };
                        shown.get().into_iter().take(limit).map(row).collect_view()
                    }}</tbody>
                </table>
            </div>
            <Show when=cut>
                <button type="button" class="button button--secondary button--small no-print" data-show-all=name on:click=move |_| all_shown.set(true)>
                    {move || format!("{} {}", d().show_all, shown.with(Vec::len))}
                </button>
            </Show>
            <button type="button" class="button button--secondary button--small no-print" data-csv=name on:click=export>
                {move || d().csv} " · " {move || caption.get()}
            </button>
        </div>
    }
}
