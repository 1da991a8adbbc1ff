//! Text length limits, counted in characters (a Chinese character is one, not three bytes).

pub const NAME_MAX: usize = 40;
pub const TITLE_MAX: usize = 40;
pub const DESCRIPTION_MAX: usize = 2_000;
pub const NOTE_MAX: usize = 500;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TextError {
    Required,
    TooLong { max: usize, actual: usize },
}

/// Trims, then checks `1..=max` characters (or `0..=max` when not required).
pub fn check_text(input: &str, max: usize, required: bool) -> Result<String, TextError> {
    let text = input.trim();
    let actual = text.chars().count();
    if required && actual == 0 {
        Err(TextError::Required)
    } else if actual > max {
        Err(TextError::TooLong { max, actual })
    } else {
        Ok(text.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_characters_not_bytes() {
        let two_thousand = "堵".repeat(2_000);
        assert!(check_text(&two_thousand, DESCRIPTION_MAX, true).is_ok());
        let over = "堵".repeat(2_001);
        assert_eq!(
            check_text(&over, DESCRIPTION_MAX, true),
            Err(TextError::TooLong {
                max: 2_000,
                actual: 2_001
            })
        );
        assert_eq!(check_text("   ", NAME_MAX, true), Err(TextError::Required));
        assert_eq!(check_text("  ", NAME_MAX, false), Ok(String::new()));
        assert_eq!(check_text(" 张三 ", NAME_MAX, true), Ok("张三".into()));
    }
}
