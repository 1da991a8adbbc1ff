//! The browser's own dialogs: a yes/no question before something that cannot be undone.

/// Asks `question` with the browser's confirm dialog; `false` when there is no window or
/// the dialog is blocked (nothing is then done).
pub fn confirm(question: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.confirm_with_message(question).ok())
        .unwrap_or(false)
}

/// Tells `message` with the browser's alert dialog (where there is a window).
pub fn tell(message: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.alert_with_message(message);
    }
}
