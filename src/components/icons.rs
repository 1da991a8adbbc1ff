//! A few inline SVG icons (no icon font: the size budget). Each is decorative; the text
//! beside it carries the meaning, so they are hidden from screen readers.

use leptos::prelude::*;

use crate::domain::steward::Role;

/// Which icon to draw.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum IconKind {
    Phone,
    Message,
    Home,
    List,
    Report,
    Person,
    Star,
    Building,
    Handshake,
    Share,
}

const PHONE: &str = "M6.6 10.8a15 15 0 0 0 6.6 6.6l2.2-2.2a1 1 0 0 1 1-.25 11.4 11.4 0 0 0 3.6.57 1 1 0 0 1 1 1V20a1 1 0 0 1-1 1A17 17 0 0 1 3 4a1 1 0 0 1 1-1h3.5a1 1 0 0 1 1 1c0 1.25.2 2.45.57 3.57a1 1 0 0 1-.25 1z";

fn path(kind: IconKind) -> &'static str {
    match kind {
        IconKind::Phone => PHONE,
        IconKind::Message => "M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H8l-4 4V6a2 2 0 0 1 2-2z",
        IconKind::Home => "M3 11l9-8 9 8v10a1 1 0 0 1-1 1h-5v-7H9v7H4a1 1 0 0 1-1-1z",
        IconKind::List => "M4 5h16v3H4zm0 5.5h16v3H4zM4 16h16v3H4z",
        IconKind::Report => "M5 3h10l4 4v14H5zm3 8h8v2H8zm0 4h8v2H8zm0-8h5v2H8z",
        IconKind::Person => "M12 12a4.5 4.5 0 1 0 0-9 4.5 4.5 0 0 0 0 9zm-8 9a8 8 0 0 1 16 0z",
        IconKind::Star => "M12 2l3 6.5 7 .8-5.2 4.8 1.4 7L12 17.6 5.8 21l1.4-7L2 9.3l7-.8z",
        IconKind::Building => {
            "M4 21V4l8-2v19h-2v-3H8v3zm10 0V8l6 2v11zM6 6h2v2H6zm0 4h2v2H6zm0 4h2v2H6z"
        }
        IconKind::Handshake => "M2 11l5-5 4 2 3-2 5 2 3 3-6 6-2-2-2 2-2-2-2 2z",
        IconKind::Share => {
            "M18 16a3 3 0 0 0-2.4 1.2L8.9 13.7a3 3 0 0 0 0-1.4l6.7-3.5A3 3 0 1 0 15 7l-6.7 3.5a3 3 0 1 0 0 3l6.7 3.5A3 3 0 1 0 18 16z"
        }
    }
}

/// The icon that stands beside a role's label (never colour alone); its colour is the
/// stylesheet's (`.role--<key>` in style/main.css).
pub fn role_icon(role: Role) -> IconKind {
    match role {
        Role::Red => IconKind::Star,
        Role::Property => IconKind::Building,
        Role::Peacemaker => IconKind::Handshake,
    }
}

/// The phone icon alone, as `Icon` draws it: a program that shows no other icon (the
/// report entry's danger screen) then carries neither the others' paths nor the match.
pub fn phone_icon() -> impl IntoView {
    view! {
        <svg class="icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
            <path d=PHONE fill="currentColor"></path>
        </svg>
    }
}

/// A 24×24 icon drawn in the current text colour.
#[component]
pub fn Icon(
    /// Which icon.
    kind: IconKind,
) -> impl IntoView {
    view! {
        <svg class="icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
            <path d=path(kind) fill="currentColor"></path>
        </svg>
    }
}
