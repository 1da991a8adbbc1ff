//! Pinyin initials (东塘村 → dtc) from a table of the 3,755 common characters, generated
//! once by `scripts/make_pinyin_table.py`. About 7 KB brotli in the bundle, against
//! hundreds of KB for a full pinyin dictionary crate.

use std::sync::OnceLock;

const TABLE: &str = include_str!("pinyin_initials.txt");

fn table() -> &'static [(char, char)] {
    static SORTED: OnceLock<Vec<(char, char)>> = OnceLock::new();
    SORTED.get_or_init(|| {
        let mut pairs: Vec<(char, char)> = TABLE
            .lines()
            .flat_map(|line| {
                let mut chars = line.chars();
                let letter = chars.next().unwrap_or('?');
                chars.map(move |c| (c, letter))
            })
            .collect();
        pairs.sort_unstable();
        pairs
    })
}

/// The initial letter of one character: ASCII letters and digits stand for themselves.
pub fn initial(c: char) -> Option<char> {
    if c.is_ascii_alphanumeric() {
        return Some(c.to_ascii_lowercase());
    }
    let t = table();
    t.binary_search_by_key(&c, |&(ch, _)| ch)
        .ok()
        .map(|i| t[i].1)
}

/// The initials of a text, skipping what has none (punctuation, rare characters).
pub fn initials(text: &str) -> String {
    text.chars().filter_map(initial).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compound_names_to_initials() {
        assert_eq!(initials("东塘村小区"), "dtcxq");
        assert_eq!(initials("天鹤村小区"), "thcxq");
        assert_eq!(initials("桂花村"), "ghc");
        assert_eq!(initials("松涛里小区"), "stlxq");
        assert_eq!(initials("金地物业 A区"), "jdwyaq");
    }
}
