//! The full JSON backup: everything the resident has, versioned, and validated whole
//! before anything is written, so a rejected import changes nothing.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use super::settings::Settings;
use crate::domain::Millis;
use crate::domain::compound::Compound;
use crate::domain::limits::{DESCRIPTION_MAX, NAME_MAX, NOTE_MAX, TITLE_MAX};
use crate::domain::photo::MAX_PHOTOS;
use crate::domain::report::Report;

pub const FORMAT: &str = "compound-steward-backup";
/// 2 added the photos; a version 1 file (no photos) is still read.
pub const VERSION: u32 = 2;
const OLDEST: u32 = 1;
/// Records and their photos (at most four of ~0.3 MB per report): a phone's worth, with
/// room; a larger file cannot be ours.
pub const MAX_BYTES: usize = 64 * 1024 * 1024;
/// One photo as the app stores it: a JPEG of at most 1280 px, well under 2 MB as a URL.
const MAX_PHOTO_BYTES: usize = 2 * 1024 * 1024;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Backup {
    pub format: String,
    pub version: u32,
    pub exported_at: Millis,
    pub settings: Settings,
    pub compounds: Vec<Compound>,
    pub reports: Vec<Report>,
    /// The reports' photos, by the key the reports keep.
    #[serde(default)]
    pub photos: Vec<Photo>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Photo {
    pub key: String,
    /// `data:image/jpeg;base64,…`, as the photo store keeps it.
    pub data_url: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    TooLarge {
        bytes: usize,
    },
    NotJson,
    NotABackup,
    WrongVersion(u32),
    DuplicateId(String),
    /// A record with a value no real record has (too long, out of range).
    Implausible(String),
}

pub fn export(
    settings: &Settings,
    compounds: &[Compound],
    reports: &[Report],
    photos: Vec<Photo>,
    now: Millis,
) -> String {
    let backup = Backup {
        format: FORMAT.into(),
        version: VERSION,
        exported_at: now,
        settings: settings.clone(),
        compounds: compounds.to_vec(),
        reports: reports.to_vec(),
        photos,
    };
    serde_json::to_string_pretty(&backup).unwrap_or_default()
}

/// Checks a backup file whole: size, JSON, format marker, version, then shape and
/// duplicate ids.
pub fn parse(text: &str) -> Result<Backup, ImportError> {
    if text.len() > MAX_BYTES {
        return Err(ImportError::TooLarge { bytes: text.len() });
    }
    let value: serde_json::Value = serde_json::from_str(text).map_err(|_| ImportError::NotJson)?;
    if value.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(ImportError::NotABackup);
    }
    match value.get("version").and_then(|v| v.as_u64()) {
        Some(v) if (u64::from(OLDEST)..=u64::from(VERSION)).contains(&v) => {}
        Some(v) => {
            return Err(ImportError::WrongVersion(
                u32::try_from(v).unwrap_or(u32::MAX),
            ));
        }
        None => return Err(ImportError::NotABackup),
    }
    let backup: Backup = serde_json::from_str(text).map_err(|_| ImportError::NotABackup)?;
    if let Some(id) = first_duplicate(backup.compounds.iter().map(|c| c.id.as_str()))
        .or_else(|| first_duplicate(backup.reports.iter().map(|r| r.id.as_str())))
    {
        return Err(ImportError::DuplicateId(id));
    }
    if let Some(key) = first_duplicate(backup.photos.iter().map(|p| p.key.as_str())) {
        return Err(ImportError::DuplicateId(key));
    }
    match backup
        .reports
        .iter()
        .find_map(implausible_report)
        .or_else(|| backup.compounds.iter().find_map(implausible_compound))
        .or_else(|| backup.photos.iter().find_map(implausible_photo))
    {
        Some(id) => Err(ImportError::Implausible(id)),
        None => Ok(backup),
    }
}

fn too_long(text: &str, max: usize) -> bool {
    text.chars().count() > max
}

/// The id of a report the app itself could never have written, if this is one.
fn implausible_report(r: &Report) -> Option<String> {
    let bad = too_long(&r.id, 40)
        || too_long(&r.description, DESCRIPTION_MAX)
        || r.reporter_name
            .as_deref()
            .is_some_and(|n| too_long(n, NAME_MAX))
        || r.photos.len() > MAX_PHOTOS
        || r.satisfaction.is_some_and(|n| !(1..=5).contains(&n))
        || r.answers
            .iter()
            .any(|(k, v)| too_long(k, 40) || too_long(v, 100))
        || r.timeline.iter().any(|e| too_long(&e.note, NOTE_MAX));
    bad.then(|| r.id.chars().take(40).collect())
}

fn implausible_compound(c: &Compound) -> Option<String> {
    let bad = too_long(&c.id, 40)
        || too_long(&c.name, NAME_MAX)
        || c.stewards.iter().any(|s| {
            too_long(&s.name, NAME_MAX) || too_long(&s.title, TITLE_MAX) || too_long(&s.phone, 30)
        });
    bad.then(|| c.id.chars().take(40).collect())
}

/// A photo that is not a picture the app could have stored.
fn implausible_photo(p: &Photo) -> Option<String> {
    let bad = too_long(&p.key, 80)
        || p.data_url.len() > MAX_PHOTO_BYTES
        || !(p.data_url.starts_with("data:image/jpeg;base64,")
            || p.data_url.starts_with("data:image/png;base64,"));
    bad.then(|| p.key.chars().take(40).collect())
}

fn first_duplicate<'a>(ids: impl Iterator<Item = &'a str>) -> Option<String> {
    let mut seen = HashSet::new();
    ids.into_iter()
        .find(|id| !seen.insert(*id))
        .map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::compound::ManagementMode;
    use crate::fixtures::compound;

    #[test]
    fn round_trip_and_rejections() {
        let c = compound("a", ManagementMode::Unmanaged);
        let text = export(
            &Settings::default(),
            std::slice::from_ref(&c),
            &[],
            vec![],
            9,
        );
        assert_eq!(parse(&text).unwrap().compounds, vec![c.clone()]);
        let v1 = text.replace("\"version\": 2", "\"version\": 1");
        assert_eq!(
            parse(&v1).unwrap().compounds,
            vec![c.clone()],
            "version 1 still reads"
        );
        let dup = export(&Settings::default(), &[c.clone(), c], &[], vec![], 9);
        assert_eq!(parse(&dup), Err(ImportError::DuplicateId("a".into())));
        assert_eq!(parse("{"), Err(ImportError::NotJson));
        assert_eq!(parse("[]"), Err(ImportError::NotABackup));
        let v3 = text.replace("\"version\": 2", "\"version\": 3");
        assert_eq!(parse(&v3), Err(ImportError::WrongVersion(3)));
        let extra = text.replacen('{', "{\"surprise\": 1,", 1);
        assert_eq!(parse(&extra), Err(ImportError::NotABackup));
        let mut long = crate::fixtures::report("a", crate::domain::report::Category::Other);
        long.description = "长".repeat(DESCRIPTION_MAX + 1);
        let absurd = export(&Settings::default(), &[], &[long], vec![], 9);
        assert_eq!(parse(&absurd), Err(ImportError::Implausible("R1".into())));
        let photo = |key: &str, url: &str| Photo {
            key: key.into(),
            data_url: url.into(),
        };
        let good = photo("p1", "data:image/jpeg;base64,AAAA");
        let with_photo = export(&Settings::default(), &[], &[], vec![good.clone()], 9);
        assert_eq!(parse(&with_photo).unwrap().photos, vec![good.clone()]);
        let twice = export(&Settings::default(), &[], &[], vec![good.clone(), good], 9);
        assert_eq!(parse(&twice), Err(ImportError::DuplicateId("p1".into())));
        let script = export(
            &Settings::default(),
            &[],
            &[],
            vec![photo("p2", "javascript:alert(1)")],
            9,
        );
        assert_eq!(parse(&script), Err(ImportError::Implausible("p2".into())));
        let huge = " ".repeat(MAX_BYTES + 1);
        assert_eq!(
            parse(&huge),
            Err(ImportError::TooLarge {
                bytes: MAX_BYTES + 1
            })
        );
    }
}
