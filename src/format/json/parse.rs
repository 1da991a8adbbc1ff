//! JSON text to a `Json` tree (RFC 8259: what `JSON.parse` and serde_json accept).

use super::Json;

/// Deeper nesting than this is refused rather than risking the stack (serde_json stops
/// at 128 too).
const MAX_DEPTH: usize = 128;

/// Where the text stopped being JSON (a byte offset), for tests and messages.
#[derive(Debug, PartialEq)]
pub struct SyntaxError(pub usize);

pub fn parse(text: &str) -> Result<Json, SyntaxError> {
    let mut reader = Reader {
        bytes: text.as_bytes(),
        at: 0,
        depth: 0,
    };
    let value = reader.value()?;
    reader.skip_space();
    if reader.at == reader.bytes.len() {
        Ok(value)
    } else {
        Err(reader.error())
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    depth: usize,
}

impl Reader<'_> {
    fn error(&self) -> SyntaxError {
        SyntaxError(self.at)
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn skip_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\n' | b'\r' | b'\t')) {
            self.at += 1;
        }
    }

    fn expect(&mut self, byte: u8) -> Result<(), SyntaxError> {
        self.skip_space();
        if self.peek() == Some(byte) {
            self.at += 1;
            Ok(())
        } else {
            Err(self.error())
        }
    }

    fn literal(&mut self, word: &str, value: Json) -> Result<Json, SyntaxError> {
        if self.bytes[self.at..].starts_with(word.as_bytes()) {
            self.at += word.len();
            Ok(value)
        } else {
            Err(self.error())
        }
    }

    fn value(&mut self) -> Result<Json, SyntaxError> {
        self.skip_space();
        match self.peek() {
            Some(b'{') => self.nested(Reader::object),
            Some(b'[') => self.nested(Reader::array),
            Some(b'"') => self.string().map(Json::String),
            Some(b't') => self.literal("true", Json::Bool(true)),
            Some(b'f') => self.literal("false", Json::Bool(false)),
            Some(b'n') => self.literal("null", Json::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            _ => Err(self.error()),
        }
    }

    fn nested(
        &mut self,
        read: fn(&mut Self) -> Result<Json, SyntaxError>,
    ) -> Result<Json, SyntaxError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error());
        }
        self.at += 1;
        let value = read(self);
        self.depth -= 1;
        value
    }

    /// After `[`: the items, then `]`.
    fn array(&mut self) -> Result<Json, SyntaxError> {
        let mut items = Vec::new();
        self.list(b']', |r| {
            items.push(r.value()?);
            Ok(())
        })?;
        Ok(Json::Array(items))
    }

    /// After `{`: the members, then `}`.
    fn object(&mut self) -> Result<Json, SyntaxError> {
        let mut members = Vec::new();
        self.list(b'}', |r| {
            r.skip_space();
            if r.peek() != Some(b'"') {
                return Err(r.error());
            }
            let key = r.string()?;
            r.expect(b':')?;
            members.push((key, r.value()?));
            Ok(())
        })?;
        Ok(Json::Object(members))
    }

    /// Items read by `item`, separated by commas, up to and past `close` (none at all is
    /// fine; a trailing comma is not).
    fn list(
        &mut self,
        close: u8,
        mut item: impl FnMut(&mut Self) -> Result<(), SyntaxError>,
    ) -> Result<(), SyntaxError> {
        self.skip_space();
        if self.peek() == Some(close) {
            self.at += 1;
            return Ok(());
        }
        loop {
            item(self)?;
            self.skip_space();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(c) if c == close => {
                    self.at += 1;
                    return Ok(());
                }
                _ => return Err(self.error()),
            }
        }
    }

    /// At `"`: the string's text, escapes resolved.
    fn string(&mut self) -> Result<String, SyntaxError> {
        self.at += 1;
        let mut out = Vec::new();
        loop {
            let byte = self.peek().ok_or_else(|| self.error())?;
            self.at += 1;
            match byte {
                b'"' => return String::from_utf8(out).map_err(|_| self.error()),
                b'\\' => self.escape(&mut out)?,
                0..=0x1f => return Err(self.error()),
                _ => out.push(byte),
            }
        }
    }

    fn escape(&mut self, out: &mut Vec<u8>) -> Result<(), SyntaxError> {
        let byte = self.peek().ok_or_else(|| self.error())?;
        self.at += 1;
        let plain = match byte {
            b'"' | b'\\' | b'/' => byte,
            b'b' => 0x08,
            b'f' => 0x0c,
            b'n' => b'\n',
            b'r' => b'\r',
            b't' => b'\t',
            b'u' => {
                let c = self.unicode_escape()?;
                out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
                return Ok(());
            }
            _ => return Err(self.error()),
        };
        out.push(plain);
        Ok(())
    }

    /// After `\u`: one character, from a surrogate pair where it takes two escapes.
    fn unicode_escape(&mut self) -> Result<char, SyntaxError> {
        let first = self.hex4()?;
        let code = if (0xd800..0xdc00).contains(&first) {
            if !self.bytes[self.at..].starts_with(b"\\u") {
                return Err(self.error());
            }
            self.at += 2;
            let second = self.hex4()?;
            if !(0xdc00..0xe000).contains(&second) {
                return Err(self.error());
            }
            0x10000 + ((first - 0xd800) << 10) + (second - 0xdc00)
        } else {
            first
        };
        char::from_u32(code).ok_or_else(|| self.error())
    }

    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        let digits = self
            .bytes
            .get(self.at..self.at + 4)
            .ok_or_else(|| self.error())?;
        let mut code = 0;
        for &d in digits {
            let v = (d as char).to_digit(16).ok_or_else(|| self.error())?;
            code = code * 16 + v;
        }
        self.at += 4;
        Ok(code)
    }

    /// A number as JSON writes one: `-? int frac? exp?`, kept as its text.
    fn number(&mut self) -> Result<Json, SyntaxError> {
        let start = self.at;
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        match self.peek() {
            Some(b'0') => self.at += 1,
            Some(b'1'..=b'9') => self.digits(),
            _ => return Err(self.error()),
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            self.required_digits()?;
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            self.required_digits()?;
        }
        let text = &self.bytes[start..self.at];
        // Only ASCII digits and signs were taken.
        Ok(Json::Number(text.iter().map(|&b| b as char).collect()))
    }

    fn digits(&mut self) {
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.at += 1;
        }
    }

    fn required_digits(&mut self) -> Result<(), SyntaxError> {
        let start = self.at;
        self.digits();
        if self.at == start {
            Err(self.error())
        } else {
            Ok(())
        }
    }
}

/// A JSON number's text as `f64`, without the standard library's float parser (which
/// costs the wasm several kilobytes): exact for integers below 2^53, and correctly
/// rounded for decimals of up to 15 significant digits and 22 places, which covers every
/// figure the district publishes (percentages such as `96.5`). Further out it is within
/// a few units of the last place.
pub fn decimal(text: &str) -> Option<f64> {
    let (mantissa_text, exponent) = match text.find(['e', 'E']) {
        Some(at) => (&text[..at], text[at + 1..].parse::<i32>().ok()?),
        None => (text, 0),
    };
    let (negative, unsigned) = match mantissa_text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, mantissa_text),
    };
    let (whole, fraction) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    if whole.is_empty() || !(whole.bytes().chain(fraction.bytes())).all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut mantissa = 0f64;
    for b in whole.bytes().chain(fraction.bytes()) {
        mantissa = mantissa * 10.0 + f64::from(b - b'0');
    }
    let shift = exponent - i32::try_from(fraction.len()).ok()?;
    let scale = 10f64.powi(shift.abs());
    let value = if shift < 0 {
        mantissa / scale
    } else {
        mantissa * scale
    };
    Some(if negative { -value } else { value })
}
