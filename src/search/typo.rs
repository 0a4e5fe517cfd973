//! Typo tolerance: the distinct words of the corpus, and those within one edit of a term.

use std::collections::HashMap;

/// Every distinct word of the folded corpus (letters and digits between anything else) with the
/// byte offsets where it stands. Built in one pass; a typo lookup reads the distinct words only.
#[derive(Clone, Debug, Default)]
pub(super) struct Vocabulary {
    words: Vec<(Box<str>, Vec<u32>)>,
}

impl Vocabulary {
    pub(super) fn new(corpus: &str) -> Vocabulary {
        let mut at: HashMap<&str, usize> = HashMap::new();
        let mut words: Vec<(Box<str>, Vec<u32>)> = Vec::new();
        let mut push = |start: usize, end: usize| {
            let w = &corpus[start..end];
            let k = *at.entry(w).or_insert_with(|| {
                words.push((w.into(), Vec::new()));
                words.len() - 1
            });
            words[k].1.push(start as u32);
        };
        let mut start: Option<usize> = None;
        for (i, c) in corpus.char_indices() {
            match (c.is_alphanumeric(), start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => {
                    push(s, i);
                    start = None;
                }
                _ => {}
            }
        }
        if let Some(s) = start {
            push(s, corpus.len());
        }
        Vocabulary { words }
    }

    /// Calls `f(offset, chars)` for every place of every word that is within one letter wrong,
    /// missing or extra of `term` (the whole word, or its start: `insersion` is near
    /// "insertions"), with the number of chars that matched; words holding `term` as typed are
    /// skipped.
    pub(super) fn near(&self, term: &str, mut f: impl FnMut(usize, usize)) {
        let t: Vec<char> = term.chars().collect();
        let mut w: Vec<char> = Vec::new();
        for (word, offsets) in &self.words {
            // A cheap length check first: a word shorter than the term by two never matches.
            if word.len() + 1 < t.len() || word.contains(term) {
                continue;
            }
            w.clear();
            w.extend(word.chars());
            if let Some(chars) = near_start(&t, &w) {
                for &o in offsets {
                    f(o as usize, chars);
                }
            }
        }
    }
}

/// The length of the whole word, or else of its shortest start, within one edit of `t`.
fn near_start(t: &[char], w: &[char]) -> Option<usize> {
    if w.len() + 1 >= t.len() && w.len() <= t.len() + 1 && within_one(t, w) {
        return Some(w.len());
    }
    [t.len() - 1, t.len(), t.len() + 1].into_iter().find(|&n| n < w.len() && n > 0 && within_one(t, &w[..n]))
}

/// Whether `a` and `b` differ by at most one substitution, insertion or deletion.
fn within_one<T: PartialEq>(a: &[T], b: &[T]) -> bool {
    let (a, b) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if b.len() - a.len() > 1 {
        return false;
    }
    let Some(i) = a.iter().zip(b).position(|(x, y)| x != y) else { return true };
    if a.len() == b.len() { a[i + 1..] == b[i + 1..] } else { a[i..] == b[i + 1..] }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn near(corpus: &str, term: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        Vocabulary::new(corpus).near(term, |o, n| out.push((o, n)));
        out.sort();
        out
    }

    #[test]
    fn one_edit_at_most() {
        let c = |a: &str, b: &str| within_one(&a.chars().collect::<Vec<_>>(), &b.chars().collect::<Vec<_>>());
        assert!(c("insersion", "insertion"));
        assert!(c("insrtion", "insertion"));
        assert!(c("inssertion", "insertion"));
        assert!(c("insertion", "insertion"));
        assert!(!c("insrsion", "insertion"));
        assert!(!c("abcdef", "badcef"));
        assert!(c("", "a"));
    }

    #[test]
    fn words_and_word_starts_near_a_term() {
        let corpus = "l'insertion des jeunes\ninsertions, emploi\nreinsertion";
        // "insertion" at 2, "insertions" at 23; "reinsertion" holds neither start.
        assert_eq!(near(corpus, "insersion"), [(2, 9), (23, 9)]);
        // Held as typed: found without a typo, so not offered as one.
        assert!(near(corpus, "insertion").is_empty());
        assert_eq!(near(corpus, "emplois"), [(35, 6)]);
        assert!(near(corpus, "zzzzz").is_empty());
    }
}
