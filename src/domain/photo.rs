//! Photo sizing: phones take 12-megapixel pictures; a report needs far less, and
//! IndexedDB on a cheap phone is not endless.

/// Longest side of a stored photo, in pixels.
pub const MAX_SIDE: u32 = 1280;
/// Photos one report may carry.
pub const MAX_PHOTOS: usize = 4;

/// The size to scale `(width, height)` to: the longest side at most `max`, the aspect
/// ratio kept, never enlarged, never zero.
pub fn scaled_size(width: u32, height: u32, max: u32) -> (u32, u32) {
    let longest = width.max(height);
    if longest <= max || longest == 0 {
        return (width.max(1), height.max(1));
    }
    let scale = |side: u32| {
        ((u64::from(side) * u64::from(max) + u64::from(longest) / 2) / u64::from(longest)).max(1)
            as u32
    };
    (scale(width), scale(height))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scales_the_longest_side_down_only() {
        assert_eq!(scaled_size(4000, 3000, MAX_SIDE), (1280, 960));
        assert_eq!(scaled_size(3000, 4000, MAX_SIDE), (960, 1280));
        assert_eq!(scaled_size(800, 600, MAX_SIDE), (800, 600));
        assert_eq!(scaled_size(10_000, 10, MAX_SIDE), (1280, 1));
        assert_eq!(scaled_size(0, 0, MAX_SIDE), (1, 1));
    }
}
