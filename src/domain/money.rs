//! Amounts of money in yuan, kept as whole fen so sums are exact.

/// The most one log entry may say: ten million yuan, in fen.
pub const MAX_FEN: u64 = 10_000_000 * 100;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MoneyError {
    /// Not a number of yuan (letters, a minus sign, two decimal points …).
    NotAnAmount,
    /// More than two decimals: there is nothing smaller than a fen.
    TooPrecise,
    /// More than `MAX_FEN`.
    TooLarge,
}

/// `"39271"`, `"1,234.5"`, `"300000.00"`, `"１２"` (full-width digits, as Chinese keyboards
/// type them) → fen.
pub fn parse_yuan(text: &str) -> Result<u64, MoneyError> {
    let normal: String = text
        .trim()
        .chars()
        .filter(|c| !matches!(c, ',' | '，' | ' ' | '元' | '¥' | '￥'))
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '．' | '。' => '.',
            c => c,
        })
        .collect();
    let (whole, cents) = normal.split_once('.').unwrap_or((&normal, ""));
    let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if whole.is_empty() || !digits(whole) || !digits(cents) {
        return Err(MoneyError::NotAnAmount);
    }
    if cents.len() > 2 {
        return Err(MoneyError::TooPrecise);
    }
    let yuan: u64 = whole.parse().map_err(|_| MoneyError::TooLarge)?;
    let fen: u64 = format!("{cents:0<2}").parse().unwrap_or(0);
    let total = yuan
        .checked_mul(100)
        .and_then(|y| y.checked_add(fen))
        .ok_or(MoneyError::TooLarge)?;
    if total > MAX_FEN {
        return Err(MoneyError::TooLarge);
    }
    Ok(total)
}

/// `39271.00` → `"39,271"`; `1234.5` → `"1,234.50"`.
pub fn format_yuan(fen: u64) -> String {
    let yuan = (fen / 100).to_string();
    let mut grouped = String::new();
    for (i, c) in yuan.chars().enumerate() {
        if i > 0 && (yuan.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    match fen % 100 {
        0 => grouped,
        f => format!("{grouped}.{f:02}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_read_as_people_write_them() {
        assert_eq!(parse_yuan("39271"), Ok(3_927_100));
        assert_eq!(parse_yuan(" 1,234.5 元"), Ok(123_450));
        assert_eq!(parse_yuan("￥300000.00"), Ok(30_000_000));
        assert_eq!(parse_yuan("１２．３"), Ok(1_230));
        assert_eq!(parse_yuan("0"), Ok(0));
        assert_eq!(parse_yuan("-5"), Err(MoneyError::NotAnAmount));
        assert_eq!(parse_yuan(""), Err(MoneyError::NotAnAmount));
        assert_eq!(parse_yuan("五百"), Err(MoneyError::NotAnAmount));
        assert_eq!(parse_yuan("1.2.3"), Err(MoneyError::NotAnAmount));
        assert_eq!(parse_yuan("1.234"), Err(MoneyError::TooPrecise));
        assert_eq!(parse_yuan("10000001"), Err(MoneyError::TooLarge));
        assert_eq!(
            parse_yuan("99999999999999999999999"),
            Err(MoneyError::TooLarge)
        );
    }

    #[test]
    fn amounts_are_written_with_thousands() {
        assert_eq!(format_yuan(3_927_100), "39,271");
        assert_eq!(format_yuan(123_450), "1,234.50");
        assert_eq!(format_yuan(5), "0.05");
        assert_eq!(format_yuan(30_000_000), "300,000");
    }
}
