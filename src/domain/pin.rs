//! The steward-mode PIN: what a PIN may be, how wrong tries lock it for a growing time,
//! and when an idle steward mode locks itself. The hash itself is the browser's
//! (PBKDF2-SHA-256 in WebCrypto); this is the arithmetic around it, tested natively.
//! It stops casual use of a shared phone, not someone who has the device.

use super::Millis;

pub const PIN_MIN: usize = 4;
pub const PIN_MAX: usize = 8;
/// PBKDF2 iterations: slow enough to make guessing from a copied store costly, fast
/// enough on a cheap phone (about half a second).
pub const ITERATIONS: u32 = 150_000;
/// Wrong tries allowed before the first lock.
pub const FREE_TRIES: u32 = 5;
/// The first lock; each further wrong try doubles it, up to `MAX_LOCK_MS`.
pub const FIRST_LOCK_MS: Millis = 30_000;
pub const MAX_LOCK_MS: Millis = 60 * 60_000;
/// Steward mode locks itself after this long without a tap.
pub const IDLE_LOCK_MS: Millis = 10 * 60_000;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PinError {
    /// Fewer than 4 or more than 8 characters.
    Length,
    /// Anything but the digits 0–9.
    NotDigits,
    /// The second entry differs from the first.
    Mismatch,
}

/// Checks a new PIN and its confirmation.
pub fn check_new_pin(pin: &str, again: &str) -> Result<(), PinError> {
    if !pin.chars().all(|c| c.is_ascii_digit()) {
        return Err(PinError::NotDigits);
    }
    if !(PIN_MIN..=PIN_MAX).contains(&pin.len()) {
        return Err(PinError::Length);
    }
    if pin != again {
        return Err(PinError::Mismatch);
    }
    Ok(())
}

/// Wrong tries so far and until when the PIN is locked.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Lockout {
    pub failures: u32,
    pub locked_until: Millis,
}

impl Lockout {
    /// After a wrong PIN: five are free, then 30 s, 1 min, 2 min, … up to an hour.
    pub fn after_failure(self, now: Millis) -> Lockout {
        let failures = self.failures.saturating_add(1);
        let locked_until = match failures.checked_sub(FREE_TRIES) {
            Some(over) => {
                let doubling = 1_i64.checked_shl(over.min(20)).unwrap_or(i64::MAX);
                now + FIRST_LOCK_MS.saturating_mul(doubling).min(MAX_LOCK_MS)
            }
            None => self.locked_until,
        };
        Lockout {
            failures,
            locked_until,
        }
    }

    /// Milliseconds until another try is allowed; `None` when one is allowed now.
    pub fn wait(&self, now: Millis) -> Option<Millis> {
        (self.locked_until > now).then(|| self.locked_until - now)
    }

    /// Tries left before the next lock (0 once locking has started).
    pub fn tries_left(&self) -> u32 {
        FREE_TRIES.saturating_sub(self.failures)
    }
}

/// Steward mode has been idle long enough to lock itself.
pub fn idle_expired(last_activity: Millis, now: Millis) -> bool {
    now - last_activity >= IDLE_LOCK_MS
}

/// Compares two hashes in time that does not depend on where they differ.
pub fn same_hash(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pin_is_four_to_eight_digits_typed_twice() {
        assert_eq!(check_new_pin("2468", "2468"), Ok(()));
        assert_eq!(check_new_pin("12345678", "12345678"), Ok(()));
        assert_eq!(check_new_pin("123", "123"), Err(PinError::Length));
        assert_eq!(
            check_new_pin("123456789", "123456789"),
            Err(PinError::Length)
        );
        assert_eq!(check_new_pin("12a4", "12a4"), Err(PinError::NotDigits));
        assert_eq!(
            check_new_pin("１２３４", "１２３４"),
            Err(PinError::NotDigits)
        );
        assert_eq!(check_new_pin("2468", "2469"), Err(PinError::Mismatch));
    }

    #[test]
    fn five_wrong_tries_lock_for_a_growing_time() {
        let mut l = Lockout::default();
        for i in 1..=4 {
            l = l.after_failure(1_000);
            assert_eq!((l.failures, l.wait(1_000)), (i, None));
        }
        assert_eq!(l.tries_left(), 1);
        l = l.after_failure(1_000);
        assert_eq!(l.wait(1_000), Some(30_000));
        assert_eq!(l.wait(31_000), None, "the lock ends");
        l = l.after_failure(31_000);
        assert_eq!(l.wait(31_000), Some(60_000), "then it doubles");
        l = l.after_failure(91_000);
        assert_eq!(l.wait(91_000), Some(120_000));
        for _ in 0..40 {
            l = l.after_failure(0);
        }
        assert_eq!(l.wait(0), Some(MAX_LOCK_MS), "never more than an hour");
    }

    #[test]
    fn idle_for_ten_minutes_locks() {
        assert!(!idle_expired(0, IDLE_LOCK_MS - 1));
        assert!(idle_expired(0, IDLE_LOCK_MS));
    }

    #[test]
    fn hashes_compare_whole() {
        assert!(same_hash(&[1, 2, 3], &[1, 2, 3]));
        assert!(!same_hash(&[1, 2, 3], &[1, 2, 4]));
        assert!(!same_hash(&[1, 2], &[1, 2, 3]));
    }
}
