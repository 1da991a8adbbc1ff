//! The browser's print dialog (the poster, the district's quarterly report).

pub fn print_page() {
    if let Some(w) = web_sys::window() {
        // Nothing to tell the user if it fails: the dialog simply does not open.
        let _ = w.print();
    }
}
