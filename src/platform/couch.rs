//! Talking to a CouchDB server: JSON over `fetch` with the session cookie. Every request
//! has a timeout the client enforces itself (an `AbortController`), because a server that
//! never answers — or a long poll it does not end — must not hang the phone's sync; and
//! every failure comes back as a `SyncProblem` a person can read.

use std::cell::RefCell;

use js_sys::Promise;
use serde_json::Value;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, Headers, RequestCredentials, RequestInit, Response};

use crate::format::replication::databases::UserCtx;
use crate::format::replication::problem::{SyncProblem, from_status};

/// How long an ordinary request may take on a slow phone network.
pub const REQUEST_MS: i32 = 60_000;
/// How long signing out waits for the server: a person is waiting to hand the phone on.
const SIGN_OUT_MS: i32 = 10_000;

thread_local! {
    /// Requests that a stop (or a wake during a long poll) cancels.
    static IN_FLIGHT: RefCell<Vec<AbortController>> = const { RefCell::new(Vec::new()) };
}

/// Cancels every request in flight (they end as `Offline`; the caller knows why).
pub fn abort_all() {
    for c in IN_FLIGHT.with(|f| std::mem::take(&mut *f.borrow_mut())) {
        c.abort();
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Couch {
    /// The server's base URL, ending in `/`.
    pub base: String,
}

impl Couch {
    pub fn new(base: &str) -> Self {
        Couch { base: base.into() }
    }

    /// A database's URL, as replication ids are made from.
    pub fn db_url(&self, db: &str) -> String {
        format!("{}{db}", self.base)
    }

    pub async fn get(&self, db: &str, path: &str) -> Result<Value, SyncProblem> {
        self.request("GET", db, path, None, REQUEST_MS).await
    }

    /// A document that may not exist yet (a checkpoint): `None` on 404.
    pub async fn get_opt(&self, db: &str, path: &str) -> Result<Option<Value>, SyncProblem> {
        match self.get(db, path).await {
            Ok(v) => Ok(Some(v)),
            Err(SyncProblem::NoDatabase { .. }) => Ok(None),
            Err(e) => Err(e),
        }
    }

    pub async fn send(
        &self,
        method: &str,
        db: &str,
        path: &str,
        body: &Value,
    ) -> Result<Value, SyncProblem> {
        self.request(method, db, path, Some(body), REQUEST_MS).await
    }

    /// A request that may wait long (a long poll), ended by the client after `timeout_ms`.
    pub async fn get_within(
        &self,
        db: &str,
        path: &str,
        timeout_ms: i32,
    ) -> Result<Value, SyncProblem> {
        self.request("GET", db, path, None, timeout_ms).await
    }

    /// Who is signed in (anonymous: no name).
    pub async fn session(&self) -> Result<UserCtx, SyncProblem> {
        let answer = self.get("", "_session").await?;
        Ok(answer
            .get("userCtx")
            .and_then(|u| serde_json::from_value(u.clone()).ok())
            .unwrap_or_default())
    }

    /// Signs in with a CouchDB user (the server sets a session cookie).
    pub async fn sign_in(&self, name: &str, password: &str) -> Result<(), SyncProblem> {
        let body = serde_json::json!({ "name": name, "password": password });
        self.send("POST", "", "_session", &body).await?;
        // CouchDB's cookie names the second it was issued and is otherwise the same for
        // the same account: signed in again within the second of a cookie just signed out
        // with, the server's door takes the new one for the old (docs/SECURITY.md). A
        // second later the cookie is new.
        if let Err(SyncProblem::SignedOut) = self.get("", "_session").await {
            crate::platform::clock::sleep(1100).await;
            self.send("POST", "", "_session", &body).await?;
        }
        Ok(())
    }

    /// Ends the session: CouchDB answers `DELETE /_session` by clearing the cookie. Its
    /// cookies are signed, not stored (apache/couchdb#844): the district server's door
    /// refuses that cookie and the account's older ones from then on (docs/SECURITY.md).
    pub async fn sign_out(&self) -> Result<(), SyncProblem> {
        self.request("DELETE", "", "_session", None, SIGN_OUT_MS)
            .await
            .map(drop)
    }

    /// An attachment's bytes (a report's photo), by its document and name.
    pub async fn get_bytes(&self, db: &str, path: &str) -> Result<Vec<u8>, SyncProblem> {
        self.exchange("GET", db, path, None, REQUEST_MS, Read::Bytes)
            .await?
            .bytes()
    }

    async fn request(
        &self,
        method: &str,
        db: &str,
        path: &str,
        body: Option<&Value>,
        timeout_ms: i32,
    ) -> Result<Value, SyncProblem> {
        self.exchange(method, db, path, body, timeout_ms, Read::Json)
            .await?
            .json()
    }

    async fn exchange(
        &self,
        method: &str,
        db: &str,
        path: &str,
        body: Option<&Value>,
        timeout_ms: i32,
        read: Read,
    ) -> Result<Answer, SyncProblem> {
        let url = match (db.is_empty(), path.is_empty()) {
            (true, _) => format!("{}{path}", self.base),
            (false, true) => self.db_url(db),
            (false, false) => format!("{}/{path}", self.db_url(db)),
        };
        let window = web_sys::window().ok_or(SyncProblem::Offline)?;
        let controller = AbortController::new().map_err(|_| SyncProblem::Offline)?;
        let init = RequestInit::new();
        init.set_method(method);
        // The server may be another origin the district configured; the session cookie
        // must go with every request either way.
        init.set_credentials(RequestCredentials::Include);
        init.set_signal(Some(&controller.signal()));
        let headers = Headers::new().map_err(|_| SyncProblem::Offline)?;
        if read == Read::Json {
            let _ = headers.set("Accept", "application/json");
        }
        if let Some(body) = body {
            let _ = headers.set("Content-Type", "application/json");
            init.set_body(&JsValue::from_str(&body.to_string()));
        }
        init.set_headers(&headers);
        let timer = {
            let c = controller.clone();
            Closure::once_into_js(move || c.abort())
        };
        let timer_id = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(
                timer.unchecked_ref(),
                timeout_ms,
            )
            .unwrap_or(0);
        IN_FLIGHT.with(|f| f.borrow_mut().push(controller.clone()));
        let result = answer(window.fetch_with_str_and_init(&url, &init), db, read).await;
        window.clear_timeout_with_handle(timer_id);
        IN_FLIGHT.with(|f| f.borrow_mut().retain(|c| c != &controller));
        result
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Read {
    Json,
    Bytes,
}

enum Answer {
    Json(Value),
    Bytes(Vec<u8>),
}

impl Answer {
    fn json(self) -> Result<Value, SyncProblem> {
        match self {
            Answer::Json(json) => Ok(json),
            Answer::Bytes(_) => Err(SyncProblem::Server { status: 200 }),
        }
    }

    fn bytes(self) -> Result<Vec<u8>, SyncProblem> {
        match self {
            Answer::Bytes(bytes) => Ok(bytes),
            Answer::Json(_) => Err(SyncProblem::Server { status: 200 }),
        }
    }
}

/// The JSON (or bytes) of a response, or the problem its status (or its absence) means.
async fn answer(fetching: Promise, db: &str, read: Read) -> Result<Answer, SyncProblem> {
    let response: Response = JsFuture::from(fetching)
        .await
        .map_err(|_| SyncProblem::Offline)?
        .dyn_into()
        .map_err(|_| SyncProblem::Offline)?;
    let status = response.status();
    if read == Read::Bytes && response.ok() {
        let buffer = JsFuture::from(response.array_buffer().map_err(|_| SyncProblem::Offline)?)
            .await
            .map_err(|_| SyncProblem::Offline)?;
        return Ok(Answer::Bytes(js_sys::Uint8Array::new(&buffer).to_vec()));
    }
    let text = JsFuture::from(response.text().map_err(|_| SyncProblem::Offline)?)
        .await
        .map_err(|_| SyncProblem::Offline)?
        .as_string()
        .unwrap_or_default();
    let json: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
    if response.ok() {
        if json.is_null() {
            return Err(SyncProblem::Server { status });
        }
        Ok(Answer::Json(json))
    } else {
        Err(from_status(status, &json, db))
    }
}
