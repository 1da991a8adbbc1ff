//! Pinyin initials (东塘村 → dtc) from a table of the 3,755 common characters, generated
//! once by `scripts/make_pinyin_table.py` into `public/data/pinyin.txt`. The table is a
//! file of its own (about 7 KB brotli), fetched when someone first searches in Latin
//! letters and precached for offline use, instead of riding in every first visit's wasm.

/// Characters and their initial letter, sorted by character.
pub struct PinyinTable(Vec<(char, char)>);

impl PinyinTable {
    /// The table from its text: a line per letter, the letter then its characters. Lines
    /// that are not that shape (a damaged or wrong file) add nothing.
    pub fn parse(text: &str) -> PinyinTable {
        let mut pairs: Vec<(char, char)> = text
            .lines()
            .filter_map(|line| {
                let mut chars = line.chars();
                let letter = chars.next().filter(char::is_ascii_lowercase)?;
                Some(chars.filter(|c| !c.is_ascii()).map(move |c| (c, letter)))
            })
            .flatten()
            .collect();
        pairs.sort_unstable();
        PinyinTable(pairs)
    }

    /// The initial letter of one character: ASCII letters and digits stand for themselves.
    pub fn initial(&self, c: char) -> Option<char> {
        if c.is_ascii_alphanumeric() {
            return Some(c.to_ascii_lowercase());
        }
        let t = &self.0;
        t.binary_search_by_key(&c, |&(ch, _)| ch)
            .ok()
            .map(|i| t[i].1)
    }

    /// The initials of a text, skipping what has none (punctuation, rare characters).
    pub fn initials(&self, text: &str) -> String {
        text.chars().filter_map(|c| self.initial(c)).collect()
    }
}

/// The table as the app publishes it, for tests.
#[cfg(test)]
pub fn published() -> PinyinTable {
    PinyinTable::parse(include_str!("../../public/data/pinyin.txt"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compound_names_to_initials() {
        let table = published();
        assert_eq!(table.initials("东塘村小区"), "dtcxq");
        assert_eq!(table.initials("天鹤村小区"), "thcxq");
        assert_eq!(table.initials("桂花村"), "ghc");
        assert_eq!(table.initials("松涛里小区"), "stlxq");
        assert_eq!(table.initials("金地物业 A区"), "jdwyaq");
    }

    #[test]
    fn a_wrong_file_adds_nothing() {
        let table = PinyinTable::parse("<!doctype html>\n<p>404</p>\nd东");
        assert_eq!(table.initials("东塘"), "d");
    }
}
