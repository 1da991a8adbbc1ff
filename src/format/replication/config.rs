//! The phone's sync settings: which server, and whether to sync at all. The server is the
//! app's own origin under `/db/` unless the district built the app for another (its CSP
//! must allow that origin: `connect-src`).

use serde::{Deserialize, Serialize};

/// Where the settings are kept (localStorage, apart from the resident's own settings so
/// the browse entry never reads them).
pub const SYNC_KEY: &str = "cs.sync";
pub const DEFAULT_SERVER: &str = "/db/";

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyncConfig {
    /// Base URL of the CouchDB server, ending in `/`.
    pub server: String,
    /// Whether this phone syncs (off until someone turns it on).
    #[serde(default)]
    pub on: bool,
    /// Who signed in here (until they sign out): a server that no longer knows the
    /// session is then a sign-in that ended, not a reader who never signed in.
    #[serde(default)]
    pub user: Option<String>,
}

impl Default for SyncConfig {
    fn default() -> Self {
        SyncConfig {
            server: DEFAULT_SERVER.into(),
            on: false,
            user: None,
        }
    }
}

/// Why a typed server address is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AddressError {
    /// Neither a path on this site (`/db/`) nor an `https://` address.
    NotAnAddress,
    /// Has spaces, a query or a fragment.
    Malformed,
}

/// The server address as typed, checked and ending in `/`; empty means this site's `/db/`.
/// Plain `http://` is allowed only for this computer (a district's test server).
pub fn server_address(typed: &str) -> Result<String, AddressError> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Ok(DEFAULT_SERVER.into());
    }
    if typed.contains(char::is_whitespace) || typed.contains(['?', '#']) {
        return Err(AddressError::Malformed);
    }
    let local = ["http://127.0.0.1", "http://localhost"]
        .iter()
        .any(|l| typed.starts_with(l));
    let fine = (typed.starts_with('/') && !typed.starts_with("//"))
        || (typed.starts_with("https://") && typed.len() > "https://".len())
        || local;
    if !fine {
        return Err(AddressError::NotAnAddress);
    }
    Ok(if typed.ends_with('/') {
        typed.to_string()
    } else {
        format!("{typed}/")
    })
}

/// Who is signed in, read from the stored settings (`SYNC_KEY`) by the small JSON reader:
/// what the report entry, which carries no sync, records on a report it files.
pub fn stored_user(stored: &str) -> Option<String> {
    let json = crate::format::json::parse(stored).ok()?;
    json.get("user")?.as_str().map(String::from)
}

/// The server address from the stored settings, if sync was ever set up on this phone.
pub fn stored_server(stored: &str) -> Option<String> {
    let json = crate::format::json::parse(stored).ok()?;
    json.get("server")?.as_str().map(String::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stored_user_and_server_are_read_without_serde() {
        let config = SyncConfig {
            user: Some("wang".into()),
            on: true,
            server: "/db/".into(),
        };
        let stored = serde_json::to_string(&config).unwrap();
        assert_eq!(stored_user(&stored).as_deref(), Some("wang"));
        assert_eq!(stored_server(&stored).as_deref(), Some("/db/"));
        let nobody = serde_json::to_string(&SyncConfig::default()).unwrap();
        assert_eq!(stored_user(&nobody), None);
        assert_eq!(stored_user("not json"), None);
    }

    #[test]
    fn addresses_are_this_site_or_https() {
        assert_eq!(server_address("  ").unwrap(), "/db/");
        assert_eq!(server_address("/couch").unwrap(), "/couch/");
        assert_eq!(
            server_address("https://sync.example.cn/db").unwrap(),
            "https://sync.example.cn/db/"
        );
        assert_eq!(
            server_address("http://127.0.0.1:5984/").unwrap(),
            "http://127.0.0.1:5984/"
        );
        assert_eq!(
            server_address("http://sync.example.cn"),
            Err(AddressError::NotAnAddress)
        );
        assert_eq!(server_address("//evil"), Err(AddressError::NotAnAddress));
        assert_eq!(server_address("sync"), Err(AddressError::NotAnAddress));
        assert_eq!(server_address("/db /"), Err(AddressError::Malformed));
        assert_eq!(server_address("/db/?x"), Err(AddressError::Malformed));
    }
}
