//! Finding terms fast: byte-pair positions, the scores of contiguous occurrences, and skim's
//! fuzzy match within words.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::{SkimMatcherV2, SkimScoreConfig};

/// Every position of every byte pair of a text, grouped by pair: the occurrences of a needle are
/// among those of its rarest pair. One `u32` per byte of the text.
#[derive(Clone, Debug, Default)]
pub(super) struct Pairs {
    /// `starts[k]..starts[k + 1]` is the range of `positions` of pair `k` (first byte << 8 | second).
    starts: Vec<u32>,
    positions: Vec<u32>,
}

impl Pairs {
    /// Pairs across a newline are left out: no needle holds one.
    pub(super) fn new(text: &str) -> Pairs {
        let h = text.as_bytes();
        let key = |i: usize| usize::from(h[i]) << 8 | usize::from(h[i + 1]);
        let wanted = |i: usize| h[i] != b'\n' && h[i + 1] != b'\n';
        let mut starts = vec![0u32; (1 << 16) + 1];
        for i in 0..h.len().saturating_sub(1) {
            if wanted(i) {
                starts[key(i) + 1] += 1;
            }
        }
        for k in 1..starts.len() {
            starts[k] += starts[k - 1];
        }
        let mut next = starts.clone();
        let mut positions = vec![0u32; starts[1 << 16] as usize];
        for i in 0..h.len().saturating_sub(1) {
            if wanted(i) {
                let slot = &mut next[key(i)];
                positions[*slot as usize] = i as u32;
                *slot += 1;
            }
        }
        Pairs { starts, positions }
    }

    fn of(&self, a: u8, b: u8) -> &[u32] {
        let k = usize::from(a) << 8 | usize::from(b);
        &self.positions[self.starts[k] as usize..self.starts[k + 1] as usize]
    }
}

/// Calls `f` with the byte offset of every occurrence of `needle` in `hay` (overlapping ones
/// included), in order; `f` answers from which offset to go on (past the occurrence, or further
/// to skip a text). A needle whose rarest byte pair is rare is looked for among that pair's
/// positions (`pairs`, built from `hay`), each checked in place; a one-byte needle, or one made
/// of common pairs, by scanning the text itself (memchr's SIMD search: reading the text in order
/// beats checking scattered candidates once they are many).
pub(super) fn for_each_occurrence(hay: &str, pairs: &Pairs, needle: &str, f: impl FnMut(usize) -> usize) {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    if n.is_empty() || n.len() > h.len() {
        return;
    }
    let rarest = (0..n.len() - 1).map(|j| (j, pairs.of(n[j], n[j + 1]))).min_by_key(|(_, c)| c.len());
    match rarest {
        Some((j, candidates)) if candidates.len() < h.len() / SCAN_FROM => by_pairs(h, n, j, candidates, f),
        _ => by_scan(h, n, f),
    }
}

/// A needle is scanned for rather than checked at its rarest pair's positions when that pair
/// is found more than once every this many bytes.
const SCAN_FROM: usize = 1024;

fn by_scan(h: &[u8], n: &[u8], mut f: impl FnMut(usize) -> usize) {
    let finder = memchr::memmem::Finder::new(n);
    let mut from = 0;
    while let Some(found) = h.get(from..).and_then(|rest| finder.find(rest)) {
        let at = from + found;
        from = f(at).max(at + 1);
    }
}

fn by_pairs(h: &[u8], n: &[u8], j: usize, candidates: &[u32], mut f: impl FnMut(usize) -> usize) {
    let mut resume = 0;
    for &pos in candidates {
        let Some(start) = (pos as usize).checked_sub(j) else { continue };
        if start < resume || h.get(start..start + n.len()) != Some(n) {
            continue;
        }
        resume = f(start).max(start + 1);
    }
}

/// Where a one-letter term is in a text; the order of its scores.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Place {
    Start,
    WordStart,
}

/// The bit of an ASCII letter or digit in a text's letter masks.
pub(super) fn letter_bit(b: u8) -> Option<u64> {
    match b {
        b'a'..=b'z' => Some(1 << (b - b'a')),
        b'0'..=b'9' => Some(1 << (26 + b - b'0')),
        _ => None,
    }
}

/// Whether a character after `prev` starts a word: at a text's start, or after a space or
/// punctuation (not after a letter or a digit).
pub(super) fn starts_word(prev: Option<char>) -> bool {
    prev.is_none_or(|c| !c.is_alphanumeric())
}

/// Terms of this many chars or fewer are short: they match a whole word or a word's start only
/// (`caf`, `iae`, `rsa`), never letters inside a word nor scattered ones.
pub(super) const SHORT: usize = 4;

/// Skim's best fuzzy match of a term within one word of a text that starts with the term's
/// first letter, if it reaches the term's least score: (raw score, start and end of the window:
/// the word with the character before it, so that skim sees where the word starts). Words are
/// split at anything but letters and digits; letters are not looked for across words: "ecole" is
/// not in "Et COnsolider LEs", "logement" not in "l'accompagnement".
pub(super) fn fuzzy_in_words(matcher: &SkimMatcherV2, term: &Term, text: &str) -> Option<(i64, usize, usize)> {
    let mut best: Option<(i64, usize, usize)> = None;
    let first = term.text.chars().next()?;
    let mut prev: Option<(usize, char)> = None; // the char before the current word
    let mut word_start: Option<usize> = None;
    let mut consider = |from: usize, start: usize, end: usize| {
        let word = &text[start..end];
        if word.len() >= term.text.len()
            && word.starts_with(first)
            && is_subsequence(&term.text, word)
            && let Some(raw) = matcher.fuzzy_match(&text[from..end], &term.text)
            && raw >= term.min_score
            && best.is_none_or(|(b, _, _)| raw > b)
        {
            best = Some((raw, from, end));
        }
    };
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() {
            if word_start.is_none() {
                word_start = Some(i);
            }
        } else {
            if let Some(start) = word_start.take() {
                consider(prev.map_or(start, |(p, _)| p), start, i);
            }
            prev = Some((i, c));
        }
    }
    if let Some(start) = word_start {
        consider(prev.map_or(start, |(p, _)| p), start, text.len());
    }
    best
}

/// Whether the bytes of `needle` appear in order in `hay`: necessary for a (char) subsequence.
pub(super) fn is_subsequence(needle: &str, hay: &str) -> bool {
    let mut it = hay.bytes();
    needle.bytes().all(|b| it.any(|h| h == b))
}

/// Skim's scoring with a dearer gap: letters typed together should be found together, and a
/// term scattered over a sentence is noise (`msap` is not in "Mutualisation des moyens pour").
pub(super) fn skim() -> SkimMatcherV2 {
    let config = SkimScoreConfig { gap_start: -12, bonus_consecutive: 4, ..SkimScoreConfig::default() };
    SkimMatcherV2::default().score_config(config).respect_case()
}

/// Texts longer than this many chars (descriptions, long sections) are matched as is only: a
/// term scattered through a paragraph is noise, and aligning it costs the most.
pub(super) const LONG_TEXT: usize = 160;

/// Occurrences of a term looked at in one text, at most: the best of the first few.
pub(super) const MAX_OCCURRENCES: usize = 8;

/// A never-matched character put before a window, so that skim's bonus for the first
/// character of a text goes to it.
const SENTINEL: char = '\u{1}';

/// A whole term equal to the action's id ranks that action first.
pub(super) const EXACT_ID_BONUS: i64 = 1000;

/// A folded query term, the least score a fuzzy match must reach, and the scores of its
/// contiguous occurrences.
pub(super) struct Term {
    pub(super) text: String,
    pub(super) chars: usize,
    /// At most [`SHORT`] chars: whole words and word starts only.
    pub(super) short: bool,
    /// Three quarters of a matched character's score per character: a few gaps are allowed
    /// (`msp` finds `msap`, `sp3` finds `spup03`), a scattering is not.
    pub(super) min_score: i64,
    pub(super) occurrences: Occurrences,
}

impl Term {
    pub(super) fn new(folded: &str) -> Term {
        let chars = folded.chars().count();
        Term {
            text: folded.to_string(),
            chars,
            short: chars <= SHORT,
            min_score: 12 * chars as i64,
            occurrences: Occurrences::new(),
        }
    }
}

/// The score of a contiguous occurrence depends only on the character before it: cached.
pub(super) struct Occurrences {
    /// At the start of a text.
    at_start: Option<i64>,
    /// After each ASCII character (`i64::MIN`: not computed yet).
    after_ascii: [i64; 128],
    after_other: Vec<(char, i64)>,
}

impl Occurrences {
    fn new() -> Occurrences {
        Occurrences { at_start: None, after_ascii: [i64::MIN; 128], after_other: Vec::new() }
    }

    /// Skim's score of `term` preceded by `prev` (`None`: at the start of a text).
    pub(super) fn score(&mut self, matcher: &SkimMatcherV2, term: &str, prev: Option<char>) -> i64 {
        let slot = match prev {
            None => self.at_start.get_or_insert(i64::MIN),
            Some(c) if c.is_ascii() => &mut self.after_ascii[c as usize],
            Some(c) => match self.after_other.iter().position(|(o, _)| *o == c) {
                Some(i) => &mut self.after_other[i].1,
                None => {
                    self.after_other.push((c, i64::MIN));
                    &mut self.after_other.last_mut().expect("just pushed").1
                }
            },
        };
        if *slot == i64::MIN {
            let window = match prev {
                None => term.to_string(),
                Some(c) => format!("{SENTINEL}{c}{term}"),
            };
            *slot = matcher.fuzzy_match(&window, term).unwrap_or(16 * term.len() as i64);
        }
        *slot
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every start of `needle` in `hay`, overlapping ones included.
    fn naive(hay: &str, needle: &str) -> Vec<usize> {
        (0..=hay.len().saturating_sub(needle.len()))
            .filter(|&i| hay.as_bytes()[i..].starts_with(needle.as_bytes()))
            .collect()
    }

    fn occurrences(hay: &str, needle: &str) -> Vec<usize> {
        let pairs = Pairs::new(hay);
        let mut out = Vec::new();
        for_each_occurrence(hay, &pairs, needle, |at| {
            out.push(at);
            at + 1
        });
        // Both ways of finding them agree, whichever the density chose.
        let (h, n) = (hay.as_bytes(), needle.as_bytes());
        let mut scanned = Vec::new();
        by_scan(h, n, |at| {
            scanned.push(at);
            at + 1
        });
        assert_eq!(scanned, out, "scan: {needle} in {hay}");
        if n.len() > 1 {
            for j in 0..n.len() - 1 {
                let mut paired = Vec::new();
                by_pairs(h, n, j, pairs.of(n[j], n[j + 1]), |at| {
                    paired.push(at);
                    at + 1
                });
                assert_eq!(paired, out, "pair {j}: {needle} in {hay}");
            }
        }
        out
    }

    #[test]
    fn occurrences_are_all_found_overlapping_ones_too() {
        for (hay, needle) in [
            ("aaaa", "aa"),
            ("accompagnement numerique", "e"),
            ("abc\nabc abcabc", "abc"),
            ("x", "xy"),
            ("ecole ecole", "ecole"),
            ("résumé de l'été", "é"),
            ("réseau réseaux", "seau"),
        ] {
            assert_eq!(occurrences(hay, needle), naive(hay, needle), "{needle} in {hay}");
        }
        // The caller can skip ahead: only the first occurrence of each line.
        let hay = "ab ab\nab ab\nab";
        let pairs = Pairs::new(hay);
        let mut out = Vec::new();
        for_each_occurrence(hay, &pairs, "ab", |at| {
            out.push(at);
            hay[at..].find('\n').map_or(hay.len(), |n| at + n + 1)
        });
        assert_eq!(out, [0, 6, 12]);
    }

    proptest::proptest! {
        #[test]
        fn occurrences_match_a_plain_scan(hay in "[ab \n]{0,40}", needle in "[ab ]{1,4}") {
            proptest::prop_assert_eq!(occurrences(&hay, &needle), naive(&hay, &needle));
        }
    }
}
