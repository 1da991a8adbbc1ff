//! The one clock of the app: milliseconds since the epoch, as the domain counts time.

use crate::domain::Millis;

pub fn now() -> Millis {
    js_sys::Date::now() as Millis
}

/// A named moment on the page's performance timeline, for the benchmark to read
/// (`performance.getEntriesByName`); costs nothing noticeable otherwise.
pub fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}
