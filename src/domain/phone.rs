//! Phone numbers: what may go into a `tel:` or `sms:` link. Only digits (and a leading
//! `+86` country code) survive normalisation, so nothing can be smuggled into a link.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PhoneKind {
    /// 11 digits starting 13–19.
    Mobile,
    /// Area code + 7 or 8 digits, e.g. 0731-5555 0000.
    Landline,
    /// 110, 12345, 95xxx service lines, 400/800 numbers.
    Hotline,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Phone {
    /// Digits only, ready for `tel:`/`sms:`.
    pub digits: String,
    pub kind: PhoneKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PhoneError {
    Empty,
    /// Letters or symbols other than spaces, dashes, brackets and a leading `+`.
    BadCharacters,
    /// Digits that are no Chinese mobile, landline or hotline number.
    NotANumber,
}

/// Accepts what people write (`138 0000 0001`, `+86-138-0000-0001`, `(0731)5555-0000`,
/// `400-800-1234`, `12345`) and returns the digits, or why it cannot be dialled.
pub fn parse_phone(input: &str) -> Result<Phone, PhoneError> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Err(PhoneError::Empty);
    }
    let mut digits = String::with_capacity(trimmed.len());
    for (i, c) in trimmed.chars().enumerate() {
        match c {
            '0'..='9' => digits.push(c),
            ' ' | '-' | '(' | ')' | '\u{3000}' => {}
            '+' if i == 0 => {}
            _ => return Err(PhoneError::BadCharacters),
        }
    }
    let national = strip_country_code(&digits, trimmed.starts_with('+'));
    let kind = classify(national).ok_or(PhoneError::NotANumber)?;
    Ok(Phone {
        digits: national.to_string(),
        kind,
    })
}

fn strip_country_code(digits: &str, had_plus: bool) -> &str {
    if let Some(rest) = digits.strip_prefix("0086") {
        rest
    } else if had_plus {
        digits.strip_prefix("86").unwrap_or(digits)
    } else if digits.len() == 13 && digits.starts_with("861") {
        &digits[2..]
    } else {
        digits
    }
}

fn classify(d: &str) -> Option<PhoneKind> {
    let b = d.as_bytes();
    let all_digits = b.iter().all(u8::is_ascii_digit);
    if !all_digits || b.is_empty() {
        return None;
    }
    match (b.len(), b[0]) {
        (11, b'1') if (b'3'..=b'9').contains(&b[1]) => Some(PhoneKind::Mobile),
        // 0 + 2–3 digit area code + 7–8 digit local number.
        (10..=12, b'0') if b[1] != b'0' => Some(PhoneKind::Landline),
        (10, b'4' | b'8') if d.starts_with("400") || d.starts_with("800") => {
            Some(PhoneKind::Hotline)
        }
        (3, b'1') | (5, b'1') | (5, b'9') => Some(PhoneKind::Hotline),
        _ => None,
    }
}

impl Phone {
    pub fn tel_href(&self) -> String {
        format!("tel:{}", self.digits)
    }

    /// `sms:` with a prefilled body; the body is percent-encoded so that `&` or `?` in
    /// it cannot add parameters.
    pub fn sms_href(&self, body: &str) -> String {
        if body.is_empty() {
            format!("sms:{}", self.digits)
        } else {
            format!("sms:{}?body={}", self.digits, percent_encode(body))
        }
    }

    /// Written out for reading aloud: `138 0000 0001`, `0731-5555 0000`.
    pub fn display(&self) -> String {
        let d = &self.digits;
        match self.kind {
            PhoneKind::Mobile => format!("{} {} {}", &d[..3], &d[3..7], &d[7..]),
            PhoneKind::Landline => {
                let area = if d.starts_with("01") || d.starts_with("02") {
                    3
                } else {
                    4
                };
                format!("{}-{}", &d[..area], &d[area..])
            }
            PhoneKind::Hotline if d.len() == 10 => {
                format!("{}-{}-{}", &d[..3], &d[3..6], &d[6..])
            }
            PhoneKind::Hotline => d.clone(),
        }
    }

    /// `138****0001`: for lists and shares, unless shown on purpose.
    pub fn masked(&self) -> String {
        match self.kind {
            PhoneKind::Mobile => format!("{}****{}", &self.digits[..3], &self.digits[7..]),
            _ => self.display(),
        }
    }
}

/// RFC 3986 unreserved characters stay, every other byte becomes %XX.
pub fn percent_encode(text: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(text.len() * 3);
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.~".contains(&byte) {
            out.push(byte as char);
        } else {
            // By hand, not `format!`: a card's program carries this (the report link).
            out.push('%');
            out.push(HEX[usize::from(byte >> 4)] as char);
            out.push(HEX[usize::from(byte & 15)] as char);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn digits(s: &str) -> String {
        parse_phone(s).unwrap().digits
    }

    #[test]
    fn mobiles_in_every_common_spelling() {
        assert_eq!(digits("138 0000 0001"), "13800000001");
        assert_eq!(digits("+86 138-0000-0001"), "13800000001");
        assert_eq!(digits("008613800000001"), "13800000001");
        assert_eq!(digits("8613800000001"), "13800000001");
        assert_eq!(parse_phone("13800000001").unwrap().kind, PhoneKind::Mobile);
    }

    #[test]
    fn landlines_and_hotlines() {
        assert_eq!(digits("(0731) 5555-0000"), "073155550000");
        assert_eq!(
            parse_phone("0731-55550000").unwrap().kind,
            PhoneKind::Landline
        );
        assert_eq!(
            parse_phone("010-12345678").unwrap().display(),
            "010-12345678"
        );
        assert_eq!(parse_phone("12345").unwrap().kind, PhoneKind::Hotline);
        assert_eq!(parse_phone("110").unwrap().kind, PhoneKind::Hotline);
        assert_eq!(parse_phone("95598").unwrap().kind, PhoneKind::Hotline);
        assert_eq!(
            parse_phone("400-800-1234").unwrap().display(),
            "400-800-1234"
        );
    }

    #[test]
    fn injection_and_junk_are_rejected() {
        assert_eq!(parse_phone("13800000001;x"), Err(PhoneError::BadCharacters));
        assert_eq!(parse_phone("123&body=hi"), Err(PhoneError::BadCharacters));
        assert_eq!(
            parse_phone("javascript:alert(1)"),
            Err(PhoneError::BadCharacters)
        );
        assert_eq!(parse_phone("12+3"), Err(PhoneError::BadCharacters));
        assert_eq!(parse_phone("  "), Err(PhoneError::Empty));
        assert_eq!(parse_phone("1380000000"), Err(PhoneError::NotANumber));
        assert_eq!(parse_phone("12800000001"), Err(PhoneError::NotANumber));
        assert_eq!(parse_phone("0012345678"), Err(PhoneError::NotANumber));
    }

    #[test]
    fn links_and_masking() {
        let p = parse_phone("138 0000 0001").unwrap();
        assert_eq!(p.tel_href(), "tel:13800000001");
        assert_eq!(
            p.sms_href("化粪池 & 堵塞?"),
            "sms:13800000001?body=%E5%8C%96%E7%B2%AA%E6%B1%A0%20%26%20%E5%A0%B5%E5%A1%9E%3F"
        );
        assert_eq!(p.display(), "138 0000 0001");
        assert_eq!(p.masked(), "138****0001");
    }
}
