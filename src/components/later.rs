//! Part of a page drawn a moment after the rest. A first visit's long tasks are the wasm's
//! first render and the layout of what it drew (Lighthouse counts each one's time past
//! 50 ms as blocking): the report form's lower half — photos, urgency, the reporter, the
//! submit button, mostly below the fold — drawn in a task of its own halves both.

use leptos::prelude::*;

use crate::platform::shell::after_first_frames;

/// Draws `children` once the page around them has been shown and laid out.
#[component]
pub fn Later(children: ChildrenFn) -> impl IntoView {
    let (shown, show) = signal(false);
    // The page may be gone by then: a disposed signal takes nothing.
    after_first_frames(move || {
        let _ = show.try_set(true);
    });
    move || shown.get().then(|| children())
}
