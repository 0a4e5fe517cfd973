//! Accent folding: what is typed without accents finds what is written with them.

use unicode_normalization::char::{decompose_compatible, is_combining_mark};

/// Folds one character: compatibility decomposition (NFKD), combining marks dropped, lowercase,
/// and the letters NFKD leaves whole (œ, æ, ß, ø…) spelled out.
fn fold_char(c: char, out: &mut impl FnMut(char)) {
    if c.is_ascii() {
        out(c.to_ascii_lowercase());
        return;
    }
    decompose_compatible(c, |d| {
        if is_combining_mark(d) {
            return;
        }
        match d {
            'œ' | 'Œ' => {
                out('o');
                out('e');
            }
            'æ' | 'Æ' => {
                out('a');
                out('e');
            }
            'ß' | 'ẞ' => {
                out('s');
                out('s');
            }
            'ø' | 'Ø' => out('o'),
            'đ' | 'Đ' | 'ð' | 'Ð' => out('d'),
            'ł' | 'Ł' => out('l'),
            'ı' => out('i'),
            // Typographic apostrophes and quotes typed as a plain apostrophe.
            '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{02BC}' | '\u{2032}' => out('\''),
            // Hyphens and dashes.
            '\u{2010}'..='\u{2015}' | '\u{2212}' => out('-'),
            _ => {
                for l in d.to_lowercase() {
                    if !is_combining_mark(l) {
                        out(l);
                    }
                }
            }
        }
    });
}

/// Lowercase, accents removed and ligatures spelled out: `ÉCOLE` → `ecole`, `Œuvre` → `oeuvre`,
/// `Æ` → `ae`, `ß` → `ss`, `’` → `'`.
pub fn fold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        fold_char(c, &mut |f| out.push(f));
    }
    out
}

/// A folded text that remembers where each of its characters comes from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Folded {
    pub text: String,
    /// For each char of `text` (by char index), the index of the char of the original text it
    /// comes from (`œ` gives two folded chars with the same origin).
    pub origin: Vec<usize>,
}

impl Folded {
    /// The original char indices of folded char indices, sorted, without duplicates.
    pub fn to_original(&self, folded: &[usize]) -> Vec<usize> {
        let mut out: Vec<usize> = folded.iter().filter_map(|&i| self.origin.get(i).copied()).collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// [`fold`], keeping the map from folded char index back to original char index, so that
/// matches can be highlighted in the original text.
pub fn fold_with_map(s: &str) -> Folded {
    let mut text = String::with_capacity(s.len());
    let mut origin = Vec::with_capacity(s.len());
    for (i, c) in s.chars().enumerate() {
        fold_char(c, &mut |f| {
            text.push(f);
            origin.push(i);
        });
    }
    Folded { text, origin }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_removes_accents_and_spells_out_ligatures() {
        assert_eq!(fold("école"), "ecole");
        assert_eq!(fold("ÉCOLE"), "ecole");
        assert_eq!(fold("œuvre"), "oeuvre");
        assert_eq!(fold("Œuvre"), "oeuvre");
        assert_eq!(fold("Æsope"), "aesope");
        assert_eq!(fold("Ça"), "ca");
        assert_eq!(fold("À Paris"), "a paris");
        assert_eq!(fold("Straße"), "strasse");
        assert_eq!(fold("l’accès"), "l'acces");
        assert_eq!(fold("Noël Ïle Ûn Ô"), "noel ile un o");
        assert_eq!(fold("ﬁnancement"), "financement");
        assert_eq!(fold("MSAP\u{a0}: 12"), "msap : 12");
        assert_eq!(fold("plain ascii"), "plain ascii");
    }

    #[test]
    fn the_map_points_back_at_the_original_characters() {
        let f = fold_with_map("Œuvre à l’École");
        assert_eq!(f.text, "oeuvre a l'ecole");
        // "oe" both come from "Œ" (0); "u" from 1.
        assert_eq!(&f.origin[..3], &[0, 0, 1]);
        assert_eq!(f.to_original(&[0, 1, 2]), vec![0, 1]);
        // "e" of "ecole" (folded index 11) is "É" at original index 10.
        assert_eq!(f.text.chars().nth(11), Some('e'));
        assert_eq!(f.origin[11], 10);
        assert_eq!(f.origin.len(), f.text.chars().count());
    }

    proptest::proptest! {
        #[test]
        fn folding_is_idempotent_and_maps_every_char(s in "\\PC{0,30}") {
            let f = fold_with_map(&s);
            proptest::prop_assert_eq!(fold(&f.text), f.text.clone());
            proptest::prop_assert_eq!(f.origin.len(), f.text.chars().count());
            proptest::prop_assert!(f.origin.windows(2).all(|w| w[0] <= w[1]));
            proptest::prop_assert!(f.origin.iter().all(|&o| o < s.chars().count()));
        }
    }
}
