//! A report's photos as CouchDB attachments. The phone keeps each photo's data in its
//! photo store (a data URL under the photo's key) and, in the document, only the stubs of
//! the photos the server holds (`_attachments: {key: {stub, digest, content_type, length,
//! revpos}}`), as CouchDB returns them without `attachments=true`. Going out, a photo the
//! report lists goes as its stub when the server has it, else with its data; coming in,
//! stubs are stored and each photo this phone lacks is fetched by itself.

use std::collections::HashMap;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use md5::{Digest, Md5};
use serde_json::{Map, Value, json};

use crate::domain::photo::MAX_PHOTOS;
use crate::format::revision::split_rev;

/// A photo's data as the photo store keeps it and CouchDB's JSON carries it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PhotoData {
    pub content_type: String,
    /// Base64, as in a data URL and in an inline attachment.
    pub base64: String,
}

impl PhotoData {
    /// `data:image/jpeg;base64,…` (how the photo store keeps a photo).
    pub fn from_data_url(url: &str) -> Option<PhotoData> {
        let (head, data) = url.strip_prefix("data:")?.split_once(',')?;
        let content_type = head.strip_suffix(";base64")?;
        Some(PhotoData {
            content_type: content_type.to_string(),
            base64: data.to_string(),
        })
    }

    pub fn data_url(&self) -> String {
        format!("data:{};base64,{}", self.content_type, self.base64)
    }

    /// The stub CouchDB keeps for this data stored at generation `revpos`: the digest is
    /// CouchDB's and PouchDB's (`md5-` and the base64 of the MD5 of the bytes).
    pub fn stub(&self, revpos: u32) -> Option<Value> {
        let bytes = STANDARD.decode(self.base64.as_bytes()).ok()?;
        let digest = STANDARD.encode(Md5::digest(&bytes));
        Some(json!({
            "content_type": self.content_type,
            "digest": format!("md5-{digest}"),
            "length": bytes.len(),
            "revpos": revpos,
            "stub": true,
        }))
    }
}

/// The data a wire document carries inline (`attachments=true`), taken out and left as
/// stubs, by attachment name.
pub fn take_inline(doc: &mut Map<String, Value>) -> Vec<(String, PhotoData)> {
    let Some(Value::Object(atts)) = doc.get_mut("_attachments") else {
        return vec![];
    };
    let mut taken = vec![];
    for (name, att) in atts.iter_mut() {
        let Some(att) = att.as_object_mut() else {
            continue;
        };
        if let Some(Value::String(data)) = att.remove("data") {
            let content_type = att
                .get("content_type")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string();
            att.insert("stub".into(), true.into());
            taken.push((
                name.clone(),
                PhotoData {
                    content_type,
                    base64: data,
                },
            ));
        }
    }
    taken
}

/// The names of the attachments a stored body has stubs of (the photos the server holds).
pub fn stub_names(body: &Value) -> Vec<String> {
    body.get("_attachments")
        .and_then(Value::as_object)
        .map(|atts| atts.keys().cloned().collect())
        .unwrap_or_default()
}

/// A report's photo keys (`photos`), at most as many as a report may carry.
pub fn photo_keys(body: &Value) -> Vec<String> {
    body.get("photos")
        .and_then(Value::as_array)
        .map(|keys| {
            keys.iter()
                .filter_map(|k| k.as_str().map(String::from))
                .take(MAX_PHOTOS)
                .collect()
        })
        .unwrap_or_default()
}

/// The photos of a report going out that the server does not hold yet: listed, without a
/// stub. `stubs_held`: false when the server is known to lack them (it asked for the
/// data), then every listed photo is one.
pub fn to_send(doc: &Value, stubs_held: bool) -> Vec<String> {
    let stubs = if stubs_held { stub_names(doc) } else { vec![] };
    photo_keys(doc)
        .into_iter()
        .filter(|k| !stubs.contains(k))
        .collect()
}

/// A report's wire document made ready to go: `_attachments` holds the photos it lists,
/// each with its data from `data` where given (`to_send`), else as the stub of the server's
/// copy; a photo with neither (this phone lost it) is left out, and the report says so
/// where it is shown. Stubs of photos the report no longer lists are dropped. Other kinds
/// go as they are.
pub fn outgoing(doc: &mut Value, data: &HashMap<String, PhotoData>) {
    if !doc
        .get("_id")
        .and_then(Value::as_str)
        .is_some_and(|id| id.starts_with("report:"))
    {
        return;
    }
    let stubs = doc
        .get("_attachments")
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    // Stored at this revision's generation: CouchDB keeps the `revpos` a replicated
    // revision gives (else 0), and a later stub must name the same.
    let revpos = doc
        .get("_rev")
        .and_then(Value::as_str)
        .and_then(split_rev)
        .map_or(1, |(n, _)| n);
    let mut atts = Map::new();
    for key in photo_keys(doc) {
        match (data.get(&key), stubs.get(&key)) {
            (Some(photo), _) => {
                atts.insert(
                    key,
                    json!({ "content_type": photo.content_type, "data": photo.base64, "revpos": revpos }),
                );
            }
            (None, Some(stub)) => {
                atts.insert(key, stub.clone());
            }
            _ => {}
        }
    }
    let Some(fields) = doc.as_object_mut() else {
        return;
    };
    if atts.is_empty() {
        fields.remove("_attachments");
    } else {
        fields.insert("_attachments".into(), Value::Object(atts));
    }
}

/// A stored body with stubs for the photos just sent with it (the server now holds them,
/// stored at generation `revpos`): the phone's copy says what the server's says.
pub fn with_stubs(body: &Value, sent: &[(String, PhotoData)], revpos: u32) -> Option<Value> {
    let mut body = body.clone();
    let fields = body.as_object_mut()?;
    let atts = fields
        .entry("_attachments")
        .or_insert_with(|| Value::Object(Map::new()))
        .as_object_mut()?;
    for (name, photo) in sent {
        atts.insert(name.clone(), photo.stub(revpos)?);
    }
    Some(body)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn photo() -> PhotoData {
        // "hello" (MD5 5d41402abc4b2a76b9719d911017c592).
        PhotoData::from_data_url("data:image/jpeg;base64,aGVsbG8=").unwrap()
    }

    #[test]
    fn a_stub_has_couchdbs_digest() {
        let stub = photo().stub(2).unwrap();
        assert_eq!(stub["digest"], "md5-XUFAKrxLKna5cZ2REBfFkg==");
        assert_eq!(stub["length"], 5);
        assert_eq!(stub["revpos"], 2);
        assert_eq!(photo().data_url(), "data:image/jpeg;base64,aGVsbG8=");
        assert_eq!(PhotoData::from_data_url("data:text/plain,hi"), None);
    }

    #[test]
    fn inline_data_comes_out_and_stubs_stay() {
        let mut doc = json!({ "_id": "report:R1", "_attachments": {
            "p1": { "content_type": "image/jpeg", "data": "aGVsbG8=", "digest": "md5-XUFAKrxLKna5cZ2REBfFkg==", "revpos": 2 },
            "p2": { "content_type": "image/jpeg", "stub": true, "digest": "md5-y", "revpos": 1 },
        }});
        let taken = take_inline(doc.as_object_mut().unwrap());
        assert_eq!(taken, vec![("p1".to_string(), photo())]);
        assert_eq!(doc["_attachments"]["p1"]["stub"], true);
        assert!(doc["_attachments"]["p1"].get("data").is_none());
        assert_eq!(stub_names(&doc), ["p1", "p2"]);
    }

    #[test]
    fn going_out_a_photo_is_sent_once_then_as_its_stub() {
        let mut data = HashMap::new();
        data.insert("p1".to_string(), photo());
        data.insert("p2".to_string(), photo());
        let filed = json!({ "_id": "report:R1", "_rev": "3-ab", "photos": ["p1", "p2", "gone"] });
        assert_eq!(to_send(&filed, true), ["p1", "p2", "gone"]);
        let mut first = filed.clone();
        outgoing(&mut first, &data);
        assert_eq!(first["_attachments"]["p1"]["data"], "aGVsbG8=");
        assert_eq!(
            first["_attachments"]["p1"]["revpos"], 3,
            "stored at the generation it went with, as the stub will say"
        );
        assert!(
            first["_attachments"].get("gone").is_none(),
            "a photo this phone lost is left out"
        );
        // Once sent, the phone's copy has the stubs: the next edit sends those alone.
        let stored =
            with_stubs(&filed, &[("p1".into(), photo()), ("p2".into(), photo())], 1).unwrap();
        assert_eq!(to_send(&stored, true), ["gone"]);
        let mut next = stored.clone();
        next["photos"] = json!(["p2"]);
        outgoing(&mut next, &HashMap::new());
        assert_eq!(next["_attachments"]["p2"]["stub"], true);
        assert!(
            next["_attachments"].get("p1").is_none(),
            "a photo taken off the report goes"
        );
        // Where the server lacks the revision the stubs refer to, the data goes again.
        assert_eq!(to_send(&stored, false), ["p1", "p2", "gone"]);
        let mut again = stored.clone();
        outgoing(&mut again, &data);
        assert_eq!(again["_attachments"]["p1"]["data"], "aGVsbG8=");
        // Other kinds go as they are.
        let mut roster = json!({ "_id": "compound:x", "photos": ["p1"] });
        outgoing(&mut roster, &data);
        assert!(roster.get("_attachments").is_none());
    }
}
