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

use serde::{Deserialize, Serialize};

use crate::domain::Millis;
use crate::domain::report::{Category, Report, Status, StatusEvent, Urgency};
use crate::domain::report_rules::QUESTION_KEYS;
use crate::domain::steward::Role;

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

/// How far apart two times in one link may be: anything else is not a real report
/// (and would overflow when added back).
const SPAN_MAX: Millis = 20 * 365 * 24 * 3_600_000;
/// The latest base time read (about the year 3100).
const TIME_MAX: Millis = 1 << 45;

/// One step, positionally: `[ms after the link's base time, status index, role index
/// or null, note]`. Indices are positions in the enums' `ALL`: links are short.
type Step = (Millis, u8, Option<u8>, String);

fn step(base: Millis, e: &StatusEvent) -> Step {
    (
        e.at - base,
        e.status as u8,
        e.by.map(|r| r as u8),
        e.note.clone(),
    )
}

fn event(base: Millis, (at, status, by, note): &Step) -> StatusEvent {
    StatusEvent {
        at: base + at,
        status: Status::ALL[*status as usize],
        by: by.map(|r| Role::ALL[r as usize]),
        note: note.clone(),
    }
}

fn step_ok((at, status, by, _): &Step) -> bool {
    at.abs() <= SPAN_MAX
        && usize::from(*status) < Status::ALL.len()
        && by.is_none_or(|r| usize::from(r) < Role::ALL.len())
}

/// A kind of link body, checked beyond its JSON shape (indices in range, times sane).
pub trait Body: serde::de::DeserializeOwned {
    fn valid(&self) -> bool;
}

/// A report as a building lead sends it: no photos (they stay on the lead's phone; the
/// count is sent), and no name or phone unless the lead allowed sharing them. A JSON
/// array, each position below; times are milliseconds after `created`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReportCopy(
    /// 0 id, 1 compound, 2 building, 3 unit
    String,
    String,
    Option<String>,
    Option<String>,
    /// 4 category index, 5 urgency index, 6 description
    u8,
    u8,
    String,
    /// 7 answers: (index in `QUESTION_KEYS`, answer)
    Vec<(u8, String)>,
    /// 8 reporter's name, 9 phone (only if shared), 10 photos kept on the phone
    Option<String>,
    Option<String>,
    u8,
    /// 11 created (the base time), 12 steps, 13 assigned steward id
    Millis,
    Vec<Step>,
    Option<String>,
    /// 14 expected by, 15 rating, 16 last updated
    Option<Millis>,
    Option<u8>,
    Millis,
);

impl ReportCopy {
    pub fn of(r: &Report) -> ReportCopy {
        let shared = |v: &Option<String>| v.clone().filter(|_| r.share_phone);
        let base = r.created_at;
        let answers = r
            .answers
            .iter()
            .filter(|(_, v)| !v.is_empty())
            .filter_map(|(k, v)| {
                let q = QUESTION_KEYS.iter().position(|q| q == k)?;
                Some((q as u8, v.clone()))
            })
            .collect();
        ReportCopy(
            r.id.clone(),
            r.compound.clone(),
            r.building.clone(),
            r.unit.clone(),
            r.category as u8,
            r.urgency as u8,
            r.description.clone(),
            answers,
            shared(&r.reporter_name),
            shared(&r.reporter_phone),
            r.photos.len().min(u8::MAX as usize) as u8,
            base,
            r.timeline.iter().map(|e| step(base, e)).collect(),
            r.assigned.clone(),
            r.expected_by.map(|t| t - base),
            r.satisfaction,
            r.updated_at - base,
        )
    }

    /// Photos the reporter kept on their phone.
    pub fn photos_elsewhere(&self) -> u8 {
        self.10
    }

    /// The report as the receiving phone keeps it (its content not yet checked: see
    /// `domain::handoff::take_copy`).
    pub fn into_report(self) -> Report {
        let base = self.11;
        let mut r = Report::draft(self.0, self.1, self.2, self.3, base);
        r.category = Category::ALL[self.4 as usize];
        r.urgency = Urgency::ALL[self.5 as usize];
        r.description = self.6;
        r.answers = self
            .7
            .into_iter()
            .map(|(q, v)| (QUESTION_KEYS[q as usize].to_string(), v))
            .collect();
        r.share_phone = self.8.is_some() || self.9.is_some();
        r.reporter_name = self.8;
        r.reporter_phone = self.9;
        r.timeline = self.12.iter().map(|s| event(base, s)).collect();
        r.assigned = self.13;
        r.expected_by = self.14.map(|t| base + t);
        r.satisfaction = self.15;
        r.updated_at = base + self.16;
        r
    }
}

impl Body for ReportCopy {
    fn valid(&self) -> bool {
        let span = |t: Millis| t.abs() <= SPAN_MAX;
        usize::from(self.4) < Category::ALL.len()
            && usize::from(self.5) < Urgency::ALL.len()
            && self
                .7
                .iter()
                .all(|(q, _)| usize::from(*q) < QUESTION_KEYS.len())
            && (0..=TIME_MAX).contains(&self.11)
            && self.12.iter().all(step_ok)
            && self.14.is_none_or(span)
            && span(self.16)
    }
}

/// The steps one side recorded on a report, all of them each time: a later link carries
/// everything an earlier one did, so links opened twice or out of order add nothing.
/// `[report id, base time, steps, rating]`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Steps(String, Millis, Vec<Step>, Option<u8>);

impl Steps {
    /// A steward's steps (`by` a role) or the reporter's answers (confirm, reopen).
    pub fn of(r: &Report, kind: Kind) -> Steps {
        let ours = |e: &&StatusEvent| match kind {
            Kind::Update => e.by.is_some() && e.status != Status::Submitted,
            _ => e.by.is_none() && matches!(e.status, Status::Confirmed | Status::Reopened),
        };
        let base = r.created_at;
        Steps(
            r.id.clone(),
            base,
            r.timeline
                .iter()
                .filter(ours)
                .map(|e| step(base, e))
                .collect(),
            r.satisfaction.filter(|_| kind == Kind::Answer),
        )
    }

    pub fn report_id(&self) -> &str {
        &self.0
    }

    pub fn events(&self) -> Vec<StatusEvent> {
        self.2.iter().map(|s| event(self.1, s)).collect()
    }

    pub fn rating(&self) -> Option<u8> {
        self.3
    }
}

impl Body for Steps {
    fn valid(&self) -> bool {
        (0..=TIME_MAX).contains(&self.1) && self.2.iter().all(step_ok)
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
pub fn parse<T: Body>(body: &[u8]) -> Result<T, LinkError> {
    serde_json::from_slice::<T>(body)
        .ok()
        .filter(Body::valid)
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

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Base64 with the URL-safe alphabet and no padding (RFC 4648 §5).
pub fn base64url(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | (u32::from(*b) << (16 - 8 * i)));
        for i in 0..=chunk.len() {
            out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

/// The bytes of unpadded base64url text; `None` for any other character or a length
/// no encoding produces.
pub fn unbase64url(text: &str) -> Option<Vec<u8>> {
    if text.len() % 4 == 1 {
        return None;
    }
    let values: Vec<u32> = text
        .bytes()
        .map(|c| ALPHABET.iter().position(|a| *a == c).map(|v| v as u32))
        .collect::<Option<_>>()?;
    let mut out = Vec::with_capacity(values.len() * 3 / 4);
    for chunk in values.chunks(4) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, v)| n | (v << (18 - 6 * i)));
        for i in 0..chunk.len() - 1 {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    Some(out)
}

/// CRC-32 (IEEE 802.3, as zip and PNG use), bit by bit: links are short.
pub fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for b in bytes {
        crc ^= u32::from(*b);
        for _ in 0..8 {
            crc = (crc >> 1) ^ (0xEDB8_8320 & (crc & 1).wrapping_neg());
        }
    }
    !crc
}

#[cfg(test)]
#[path = "handoff_tests.rs"]
mod tests;
