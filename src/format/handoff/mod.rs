//! Hand-off links: a report, a steward's update or the reporter's answer, carried from
//! one phone to another in the fragment of a link (which browsers never send to a
//! server), so the loop between a building lead and a steward closes with nothing but
//! SMS, WeChat and QR codes.
//!
//! `https://host/steward/r#1.<base64url>`: `1` is the format's version, readable before
//! anything is decoded, so an older app can say "update me" instead of "damaged". The
//! base64url text is a frame: what it carries (one byte), whether the body is compressed
//! (one byte, deflate-raw by the browser's CompressionStream, which this pure layer does
//! not run), the body (short-keyed JSON), and a CRC-32 of all that. The checksum catches
//! a link cut short by an SMS app or mistyped; it is no signature — anyone can make a
//! link, and `domain::handoff` decides what one may change.

mod bodies;
mod encoding;

pub use bodies::{LinkBody, ReportCopy, Steps};
pub use encoding::{base64url, crc32, unbase64url};

/// The link format this app writes and reads.
pub const VERSION: u32 = 1;
/// The longest fragment read: typical links are a few hundred characters; this leaves
/// room for a 2,000-character description and a long timeline, and no more.
pub const MAX_FRAGMENT: usize = 8_000;
/// The largest body once decompressed (a small link cannot unpack into megabytes).
pub const MAX_BODY: usize = 32 * 1024;

/// What a link carries, and so whose phone it is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A building lead's report, for the steward's queue.
    Report,
    /// A steward's steps, for the reporter's copy.
    Update,
    /// The reporter's confirmation and rating (or reopening), for the steward's copy.
    Answer,
}

impl Kind {
    fn byte(self) -> u8 {
        match self {
            Kind::Report => b'r',
            Kind::Update => b'u',
            Kind::Answer => b'a',
        }
    }

    fn of_byte(b: u8) -> Option<Kind> {
        [Kind::Report, Kind::Update, Kind::Answer]
            .into_iter()
            .find(|k| k.byte() == b)
    }

    /// The page that opens it: stewards' links go to the console, updates to the app.
    pub fn path(self) -> &'static str {
        match self {
            Kind::Report | Kind::Answer => "/steward/r",
            Kind::Update => "/r",
        }
    }
}

/// A link's content, decoded.
#[derive(Clone, Debug, PartialEq)]
pub enum Message {
    Report(Box<ReportCopy>),
    Update(Steps),
    Answer(Steps),
}

impl Message {
    pub fn kind(&self) -> Kind {
        match self {
            Message::Report(_) => Kind::Report,
            Message::Update(_) => Kind::Update,
            Message::Answer(_) => Kind::Answer,
        }
    }

    /// The body before compression.
    pub fn to_json(&self) -> Vec<u8> {
        let json = match self {
            Message::Report(c) => serde_json::to_vec(c),
            Message::Update(s) | Message::Answer(s) => serde_json::to_vec(s),
        };
        json.expect("plain data always serialises")
    }

    /// The message a link's body holds. Each program parses only the kinds it takes in
    /// (`parse`), so the resident app carries no parser for report copies.
    pub fn from_json(kind: Kind, body: &[u8]) -> Result<Message, LinkError> {
        Ok(match kind {
            Kind::Report => Message::Report(Box::new(parse(body)?)),
            Kind::Update => Message::Update(parse(body)?),
            Kind::Answer => Message::Answer(parse(body)?),
        })
    }
}

/// One kind of link body, checked.
pub fn parse<T: LinkBody>(body: &[u8]) -> Result<T, LinkError> {
    serde_json::from_slice::<T>(body)
        .ok()
        .filter(LinkBody::valid)
        .ok_or(LinkError::Malformed)
}

/// Why a link could not be read. Nothing was changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkError {
    /// No link text at all (the page opened without a fragment).
    Empty,
    /// Written by a newer app: reload to update.
    NewerVersion(u32),
    /// Not a hand-off link, or cut short before its checksum.
    Malformed,
    /// The checksum does not match: characters were lost or changed on the way.
    Damaged,
    /// Longer than any link this app writes.
    TooLarge,
    /// Compressed, and this browser cannot decompress.
    Unsupported,
}

/// A frame unwrapped: what it carries and its body, still compressed if `compressed`.
#[derive(Debug, PartialEq)]
pub struct Frame {
    pub kind: Kind,
    pub compressed: bool,
    pub body: Vec<u8>,
}

/// `1.<base64url>` for a body (compressed or not) of the given kind.
pub fn frame(kind: Kind, compressed: bool, body: &[u8]) -> String {
    let mut bytes = Vec::with_capacity(body.len() + 6);
    bytes.push(kind.byte());
    bytes.push(u8::from(compressed));
    bytes.extend_from_slice(body);
    bytes.extend_from_slice(&crc32(&bytes).to_be_bytes());
    format!("{VERSION}.{}", base64url(&bytes))
}

/// The frame in a link's fragment (with or without its `#`), checked.
pub fn unframe(fragment: &str) -> Result<Frame, LinkError> {
    let text = fragment.trim().trim_start_matches('#');
    if text.is_empty() {
        return Err(LinkError::Empty);
    }
    if text.len() > MAX_FRAGMENT {
        return Err(LinkError::TooLarge);
    }
    let (version, data) = text.split_once('.').ok_or(LinkError::Malformed)?;
    match version.parse::<u32>() {
        Ok(VERSION) => {}
        Ok(v) if v > VERSION => return Err(LinkError::NewerVersion(v)),
        _ => return Err(LinkError::Malformed),
    }
    let bytes = unbase64url(data).ok_or(LinkError::Damaged)?;
    if bytes.len() < 6 {
        return Err(LinkError::Malformed);
    }
    let (content, sum) = bytes.split_at(bytes.len() - 4);
    if crc32(content).to_be_bytes() != sum {
        return Err(LinkError::Damaged);
    }
    let kind = Kind::of_byte(content[0]).ok_or(LinkError::Malformed)?;
    let compressed = match content[1] {
        0 => false,
        1 => true,
        _ => return Err(LinkError::Malformed),
    };
    Ok(Frame {
        kind,
        compressed,
        body: content[2..].to_vec(),
    })
}

/// The whole link: the page for its kind on this origin, then the fragment.
pub fn link(origin: &str, kind: Kind, fragment: &str) -> String {
    format!("{}{}#{fragment}", origin.trim_end_matches('/'), kind.path())
}

#[cfg(test)]
mod compat_tests;
#[cfg(test)]
mod tests;
