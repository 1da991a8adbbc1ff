//! Where the person is: the page's URL as state, read by pages through `Location` and
//! changed through `Navigator` (the read and write halves kept apart, as for the app
//! state). Taps on links this program shows, and back/forward, move without a page load;
//! a link to another program's page is a full load (`format::entry_points`).

use leptos::prelude::*;

use crate::format::entry_points::Program;
use crate::format::route::{Route, query_value};
use crate::platform::history;

#[derive(Clone, Debug, PartialEq)]
struct Url {
    path: String,
    search: String,
}

impl Url {
    fn of(url: &str) -> Url {
        let url = url.split('#').next().unwrap_or("");
        let (path, search) = match url.find('?') {
            Some(at) => url.split_at(at),
            None => (url, ""),
        };
        Url {
            path: path.to_string(),
            search: search.to_string(),
        }
    }

    fn current() -> Url {
        let (path, search) = history::current();
        Url { path, search }
    }
}

/// The current page, tracked.
#[derive(Clone, Copy)]
pub struct Location {
    url: ReadSignal<Url>,
    route: Memo<Route>,
}

impl Location {
    /// The route: changes only when the page does, not when its query does (a search
    /// typed into the URL does not rebuild the page it is typed on).
    pub fn route(&self) -> Route {
        self.route.get()
    }

    pub fn path(&self) -> String {
        self.url.with(|u| u.path.clone())
    }

    /// The query as written (with its `?`), tracked.
    pub fn search(&self) -> String {
        self.url.with(|u| u.search.clone())
    }

    /// The decoded value of `key` in the query, if it is there.
    pub fn query(&self, key: &str) -> Option<String> {
        self.url.with(|u| query_value(&u.search, key))
    }
}

/// Moves to another page.
#[derive(Clone, Copy)]
pub struct Navigator {
    set_url: WriteSignal<Url>,
    program: Program,
}

impl Navigator {
    /// Goes to `url` as a link does: a new history entry, at the top of the page, or a
    /// page load where another program answers it.
    pub fn go(&self, url: &str) {
        if self.program.answers(url) {
            self.show(url, false);
        } else {
            history::load(url);
        }
    }

    /// Whether going to `url` is a page load (another program answers it).
    pub fn is_page_load(&self, url: &str) -> bool {
        !self.program.answers(url)
    }

    /// Rewrites the current history entry (a URL of this same page) and keeps the scroll
    /// position: for state kept in the URL (a search, a draft id), not for going somewhere.
    pub fn replace_in_place(&self, url: &str) {
        self.show(url, true);
    }

    fn show(&self, url: &str, replace: bool) {
        history::set(url, replace);
        self.set_url.set(Url::of(url));
        if !replace {
            history::scroll_to_top();
        }
    }
}

/// Starts following the address bar for `program`'s pages.
pub fn provide_location(program: Program) {
    let (url, set_url) = signal(Url::current());
    let route = Memo::new(move |_| url.with(|u| Route::of(&u.path)));
    let navigator = Navigator { set_url, program };
    history::on_back_forward(move || set_url.set(Url::current()));
    // A link to another program's page is left to the browser: a page load.
    history::on_link_tap(move |url| {
        let ours = program.answers(url);
        if ours {
            navigator.show(url, false);
        }
        ours
    });
    // A new page (not a new query on the same one) takes focus to its heading once drawn.
    Effect::new(move |drawn: Option<()>| {
        route.track();
        if drawn.is_some() {
            request_animation_frame(history::focus_page);
        }
    });
    provide_context(Location { url, route });
    provide_context(navigator);
}

pub fn use_location() -> Location {
    expect_context::<Location>()
}

pub fn use_navigator() -> Navigator {
    expect_context::<Navigator>()
}
