//! The static shell of `index.html`: plain HTML painted before the wasm arrives.

/// Removes the shell; the app, mounted beside it and hidden by CSS until now, shows.
pub fn remove_static_shell() {
    if let Some(shell) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("shell"))
    {
        shell.remove();
    }
}
