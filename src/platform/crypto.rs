//! WebCrypto for the steward PIN: random salts and PBKDF2-SHA-256, so the PIN itself is
//! never stored. Needs a secure context (https, or 127.0.0.1 in development).

use js_sys::{Array, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Why the browser could not hash (its own words).
#[derive(Clone, Debug, PartialEq)]
pub struct CryptoError(pub String);

fn error(e: JsValue) -> CryptoError {
    CryptoError(
        e.dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .unwrap_or_else(|| "WebCrypto".into()),
    )
}

fn crypto() -> Result<web_sys::Crypto, CryptoError> {
    web_sys::window()
        .ok_or_else(|| CryptoError("no window".into()))?
        .crypto()
        .map_err(error)
}

/// `n` random bytes from the browser's generator.
pub fn random_bytes(n: usize) -> Result<Vec<u8>, CryptoError> {
    let mut bytes = vec![0u8; n];
    crypto()?
        .get_random_values_with_u8_array(&mut bytes)
        .map_err(error)?;
    Ok(bytes)
}

/// PBKDF2-SHA-256 of `secret` with `salt`, 256 bits.
pub async fn pbkdf2(secret: &str, salt: &[u8], iterations: u32) -> Result<Vec<u8>, CryptoError> {
    let subtle = crypto()?.subtle();
    let key_data = Uint8Array::from(secret.as_bytes());
    let usages = Array::of1(&"deriveBits".into());
    let key: web_sys::CryptoKey = JsFuture::from(
        subtle
            .import_key_with_str("raw", &key_data, "PBKDF2", false, &usages)
            .map_err(error)?,
    )
    .await
    .map_err(error)?
    .dyn_into()
    .map_err(error)?;
    let params = web_sys::Pbkdf2Params::new(
        "PBKDF2",
        &"SHA-256".into(),
        iterations,
        &Uint8Array::from(salt),
    );
    let bits = JsFuture::from(
        subtle
            .derive_bits_with_object(&params, &key, 256)
            .map_err(error)?,
    )
    .await
    .map_err(error)?;
    Ok(Uint8Array::new(&bits).to_vec())
}
