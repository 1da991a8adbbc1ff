//! Notices (公告) a steward posts for a compound: what residents see now, and what a
//! notice may say.

use super::Millis;
use super::compound::Notice;
use super::limits::{NOTE_MAX, TITLE_MAX, TextError, check_text};

impl Notice {
    /// Not yet expired.
    pub fn is_current(&self, now: Millis) -> bool {
        self.expires_at.is_none_or(|end| end > now)
    }
}

/// What residents see now: pinned first, then the newest.
pub fn current_notices(notices: &[Notice], now: Millis) -> Vec<&Notice> {
    let mut shown: Vec<(usize, &Notice)> = notices
        .iter()
        .enumerate()
        .filter(|(_, n)| n.is_current(now))
        .collect();
    // Ties keep the stored order (the index), as a stable sort would; unstable because
    // the browse entry's wasm then needs one sort routine, not two.
    shown.sort_unstable_by_key(|&(i, n)| (!n.pinned, std::cmp::Reverse(n.published_at), i));
    shown.into_iter().map(|(_, n)| n).collect()
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NoticeError {
    Title(TextError),
    Body(TextError),
    /// The expiry date is today or earlier.
    ExpiresInThePast,
}

/// Checks a notice as written; every problem at once.
pub fn check_notice(notice: &Notice, now: Millis) -> Vec<NoticeError> {
    let mut errors = Vec::new();
    if let Err(e) = check_text(&notice.title, TITLE_MAX, true) {
        errors.push(NoticeError::Title(e));
    }
    if let Err(e) = check_text(&notice.body, NOTE_MAX, true) {
        errors.push(NoticeError::Body(e));
    }
    if notice.expires_at.is_some_and(|end| end <= now) {
        errors.push(NoticeError::ExpiresInThePast);
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::time::DAY_MS;

    fn notice(id: &str, at: Millis, pinned: bool, expires_at: Option<Millis>) -> Notice {
        Notice {
            id: id.into(),
            title: "停水通知".into(),
            body: "周六上午停水".into(),
            published_at: at,
            pinned,
            expires_at,
        }
    }

    #[test]
    fn residents_see_current_notices_pinned_first_then_newest() {
        let all = [
            notice("old", 1, false, None),
            notice("new", 5, false, None),
            notice("pinned", 2, true, None),
            notice("gone", 9, true, Some(10 * DAY_MS)),
        ];
        let ids = |now| {
            current_notices(&all, now)
                .iter()
                .map(|n| n.id.as_str())
                .collect::<Vec<_>>()
        };
        assert_eq!(ids(DAY_MS), ["gone", "pinned", "new", "old"]);
        assert_eq!(
            ids(10 * DAY_MS),
            ["pinned", "new", "old"],
            "expired from that moment"
        );
    }

    #[test]
    fn a_notice_needs_a_title_a_text_and_a_future_expiry() {
        assert!(check_notice(&notice("a", 0, false, Some(DAY_MS)), 0).is_empty());
        let mut bad = notice("b", 0, false, Some(DAY_MS));
        bad.title = " ".into();
        bad.body = "长".repeat(NOTE_MAX + 1);
        assert_eq!(
            check_notice(&bad, DAY_MS),
            vec![
                NoticeError::Title(TextError::Required),
                NoticeError::Body(TextError::TooLong {
                    max: NOTE_MAX,
                    actual: NOTE_MAX + 1
                }),
                NoticeError::ExpiresInThePast,
            ]
        );
    }
}
