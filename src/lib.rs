//! 小区管家 · Compound Steward.
//!
//! Layers, each depending only on those above it:
//! - `domain`: the rules of the battle map and of reports (pure);
//! - `format`: stored and exchanged formats — envelopes, migrations, backups, CSV (pure);
//! - `i18n`: every user-visible string (pure);
//! - `platform`: the browser — localStorage, IndexedDB, downloads, the service worker;
//! - `state`: the reactive app state and the one place it is persisted;
//! - `components` and `pages`: the views; `card` (one building's card, the QR path),
//!   `browse` (the directory, battle maps and cards), `report` (the report form), `app`
//!   (residents), `console` (stewards) and `dashboard` (the district's): the six entry
//!   points' routes, each its own wasm (`format::entry_points` says which answers a path).
//!
//! The pure layers compile and test natively; the rest exists only in the wasm build.

/// A fieldless enum declared once, with what the outside world depends on kept apart
/// from its display order:
///
/// ```ignore
/// keyed_enum! {
///     #[derive(Serialize, Deserialize)]
///     pub enum Role {
///         Red = "red" @ 0,
///         Property = "property" @ 1,
///     }
/// }
/// ```
///
/// - the variant's name is what serde writes in stored documents (`name`, `from_name`);
/// - `"red"`, its key, is its word in URLs, form values, CSS modifiers, test hooks and CSV
///   (`key`, `from_key`) — never the `Debug` output;
/// - `@ 0`, its code, is its number in hand-off links (`code`, `from_code`): given once,
///   never reused or renumbered, so links already sent still mean the same (a test reads
///   links made by earlier builds). Enums that never travel in a link leave it out.
///
/// `ALL` lists the values in declaration order, which is only their display order. Labels
/// are looked up by value in the catalogue (`i18n::values`), never by position.
macro_rules! keyed_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $ty:ident {
            $($(#[$vmeta:meta])* $variant:ident = $key:literal $(@ $code:literal)?),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        $vis enum $ty {
            $($(#[$vmeta])* $variant),+
        }

        impl $ty {
            pub const ALL: [$ty; [$($key),+].len()] = [$($ty::$variant),+];

            pub fn key(self) -> &'static str {
                match self { $($ty::$variant => $key),+ }
            }

            pub fn from_key(key: &str) -> Option<$ty> {
                match key { $($key => Some($ty::$variant),)+ _ => None }
            }

            /// The variant's name, as serde's derive writes it.
            pub fn name(self) -> &'static str {
                match self { $($ty::$variant => stringify!($variant)),+ }
            }

            pub fn from_name(name: &str) -> Option<$ty> {
                match name { $(stringify!($variant) => Some($ty::$variant),)+ _ => None }
            }

            /// The position in `ALL`, for this program's own tables (never for labels,
            /// never stored or sent).
            pub fn index(self) -> usize {
                self as usize
            }
        }

        keyed_enum!(@codes $ty { $($variant $(@ $code)?),+ });
    };
    // Every variant has a link code: `code` and `from_code`.
    (@codes $ty:ident { $($variant:ident @ $code:literal),+ }) => {
        impl $ty {
            /// The value's number in hand-off links (fixed once given).
            pub fn code(self) -> u8 {
                match self { $($ty::$variant => $code),+ }
            }

            pub fn from_code(code: u8) -> Option<$ty> {
                match code { $($code => Some($ty::$variant),)+ _ => None }
            }
        }
    };
    // No variant has one: the enum never travels in a link.
    (@codes $ty:ident { $($variant:ident),+ }) => {};
}

pub mod domain;
pub mod format;
pub mod i18n;
/// The site written at build time and republished by the server (`deploy/publish.mjs`):
/// a program of its own, after every layer, pure so that it runs natively in tests.
pub mod prerender;

#[cfg(test)]
mod fixtures;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod browse;
#[cfg(target_arch = "wasm32")]
pub mod card;
#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod console;
#[cfg(target_arch = "wasm32")]
pub mod dashboard;
#[cfg(target_arch = "wasm32")]
pub mod pages;
#[cfg(target_arch = "wasm32")]
pub mod platform;
#[cfg(target_arch = "wasm32")]
pub mod report;
#[cfg(target_arch = "wasm32")]
pub mod state;

/// Mounts a program into its page's `#app` element, beside the static shell; the app
/// stays hidden until it removes the shell once it has the published data
/// (`platform::shell`), so a pre-rendered card stays on screen instead of flashing to
/// "loading". The mounted view lives as long as the page.
#[cfg(target_arch = "wasm32")]
fn mount_program<V: leptos::IntoView + 'static>(program: fn() -> V) {
    leptos::mount::mount_to(platform::shell::app_root(), program).forget();
}

/// Mounts the resident app (`app.html`).
#[cfg(target_arch = "wasm32")]
pub fn mount() {
    mount_program(app::App);
}

/// Mounts the browse entry (`index.html`: the directory and the cards).
#[cfg(target_arch = "wasm32")]
pub fn mount_browse() {
    mount_program(browse::BrowseApp);
}

/// Mounts the card entry (`card.html`: one building's card, the QR path), the same way,
/// in a task after the one that instantiated the wasm (the card starts in stages, each a
/// short task: `card::CardApp`).
#[cfg(target_arch = "wasm32")]
pub fn mount_card() {
    platform::shell::in_next_task(|| mount_program(card::CardApp));
}

/// Mounts the report entry (`report.html`: the report form), the same way, but in a task
/// after the one that instantiated the wasm: nothing is pre-rendered on its page, so its
/// first render is a long task a first visit's total blocking time counts (every task's
/// time past 50 ms), and apart each is shorter.
#[cfg(target_arch = "wasm32")]
pub fn mount_report() {
    platform::shell::in_next_task(|| mount_program(report::ReportApp));
}

/// Mounts the steward console (`steward.html`), the same way, in a task after the one
/// that instantiated the wasm, as the report entry does.
#[cfg(target_arch = "wasm32")]
pub fn mount_console() {
    platform::shell::in_next_task(|| mount_program(console::ConsoleApp));
}

/// Mounts the district dashboard (`district.html`), the same way.
#[cfg(target_arch = "wasm32")]
pub fn mount_dashboard() {
    platform::shell::in_next_task(|| mount_program(dashboard::DashboardApp));
}
