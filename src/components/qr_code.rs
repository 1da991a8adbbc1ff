//! A QR code drawn as one SVG path: the poster's codes and a report's hand-off link.

use leptos::prelude::*;

use crate::domain::qr::qr_path;

/// A QR code drawn as one SVG path; `data-qr` carries the encoded text for checking.
#[component]
pub fn QrCode(
    /// What the code encodes.
    text: String,
) -> impl IntoView {
    qr_path(&text).map(|qr| {
        let view_box = format!("0 0 {0} {0}", qr.size);
        view! {
            <svg class="qr" viewBox=view_box width="132" height="132" role="img" aria-label=text.clone()
                data-qr=text shape-rendering="crispEdges">
                <rect width="100%" height="100%" fill="#fff"></rect>
                <path d=qr.d fill="#000"></path>
            </svg>
        }
    })
}
