//! QR codes for the building posters: the `qrcode` crate encodes, this turns the module
//! matrix into one SVG path (one `<path>` element is far lighter than a rect per module).

use qrcode::{Color, EcLevel, QrCode};

/// A QR code ready to draw: `size` modules square (quiet zone included) and the path.
#[derive(Clone, Debug, PartialEq)]
pub struct QrPath {
    pub size: usize,
    pub d: String,
}

const QUIET: usize = 4;

/// Encodes `text` at error-correction level M (survives a scuffed poster).
pub fn qr_path(text: &str) -> Option<QrPath> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).ok()?;
    let width = code.width();
    let colors = code.to_colors();
    let mut d = String::with_capacity(colors.len() * 4);
    for y in 0..width {
        let mut x = 0;
        while x < width {
            if colors[y * width + x] == Color::Dark {
                // Merge horizontal runs of dark modules into one rectangle.
                let start = x;
                while x < width && colors[y * width + x] == Color::Dark {
                    x += 1;
                }
                d.push_str(&format!(
                    "M{} {}h{}v1h-{}z",
                    start + QUIET,
                    y + QUIET,
                    x - start,
                    x - start
                ));
            } else {
                x += 1;
            }
        }
    }
    Some(QrPath {
        size: width + 2 * QUIET,
        d,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_a_building_url() {
        let qr = qr_path("https://example.org/c/dongtangcun/b/3").unwrap();
        // 37 bytes at level M fit version 3: 29 modules, plus the quiet zone.
        assert_eq!(qr.size, 29 + 8);
        // The three finder patterns start with a 7-module dark run on the first row.
        assert!(qr.d.starts_with("M4 4h7v1h-7z"), "{}", &qr.d[..40]);
        assert!(qr.d.matches('z').count() > 50);
    }
}
