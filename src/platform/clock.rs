//! The one clock of the app: milliseconds since the epoch, as the domain counts time.

use crate::domain::Millis;

pub fn now() -> Millis {
    js_sys::Date::now() as Millis
}
