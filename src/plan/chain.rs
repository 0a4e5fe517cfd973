//! The journal as a hash chain: every line written by copil carries the SHA-256 of the line before
//! it (`prev`), so a past line that is edited, removed or inserted breaks the chain at that place.
//! Lines written before the chain existed (no `prev`) are accepted as an unchained prefix. The
//! closing line of a meeting commits to everything before it: its own hash is the *empreinte*
//! printed in the minutes. Pure: the callers read the bytes.

use std::fmt;

use sha2::{Digest, Sha256};

use crate::lang::Lang;

/// The SHA-256 of a line's bytes (without its newline), as lowercase hex.
pub fn line_hash(line: &[u8]) -> String {
    let digest = Sha256::digest(line);
    let mut hex = String::with_capacity(64);
    for b in digest {
        hex.push_str(&format!("{b:02x}"));
    }
    hex
}

/// The lines of a journal: complete lines, and a last line without its newline if not empty.
pub fn lines(bytes: &[u8]) -> Vec<&[u8]> {
    let mut out: Vec<&[u8]> = bytes.split(|&b| b == b'\n').collect();
    if out.last().is_some_and(|l| l.is_empty()) {
        out.pop();
    }
    out
}

/// Where and how the chain breaks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Break {
    /// Line `line` (1-based) is in the chained part but carries no `prev` (or is not an event):
    /// inserted or rewritten by hand.
    Unchained { line: usize },
    /// The line after `line` does not carry `line`'s hash: `line` was changed, or lines were
    /// removed or inserted right after it.
    Changed { line: usize },
}

impl Break {
    /// The first line the break names.
    pub fn line(&self) -> usize {
        match self {
            Break::Unchained { line } | Break::Changed { line } => *line,
        }
    }
}

impl crate::lang::Localized for Break {
    fn fmt_in(&self, l: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&match self {
            Break::Unchained { line } => tr!(l,
                format!(
                    "la chaîne du journal est rompue à la ligne {line} : elle ne porte pas l'empreinte de la ligne précédente (ligne insérée ou réécrite hors de copil)"
                ),
                format!(
                    "the journal's chain breaks at line {line}: it does not carry the previous line's hash (a line inserted or rewritten outside copil)"
                )
            ),
            Break::Changed { line } => tr!(l,
                format!(
                    "la chaîne du journal est rompue à la ligne {line} : la ligne suivante ne porte plus son empreinte (ligne {line} modifiée, ou lignes supprimées ou insérées juste après)"
                ),
                format!(
                    "the journal's chain breaks at line {line}: the next line no longer carries its hash (line {line} changed, or lines removed or inserted right after it)"
                )
            ),
        })
    }
}

/// What a whole journal's chain says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verified {
    /// Lines before the first chained one (written before the chain existed).
    pub unchained_prefix: usize,
    /// Lines in all.
    pub lines: usize,
    /// The hash of the last line (the journal's head), if any.
    pub head: Option<String>,
}

/// Checks the chain of a journal's bytes. `prev_of` reads a line's `prev` field (`Err` when the
/// line is not an event at all).
pub fn verify(bytes: &[u8], prev_of: impl Fn(&[u8]) -> Result<Option<String>, ()>) -> Result<Verified, Break> {
    let lines = lines(bytes);
    let mut chained = false;
    let mut prefix = 0;
    let mut before = line_hash(b"");
    for (i, line) in lines.iter().enumerate() {
        let n = i + 1;
        match prev_of(line) {
            Ok(Some(p)) => {
                if p != before {
                    // The first chained line names the line before it too.
                    return Err(if n == 1 { Break::Unchained { line: 1 } } else { Break::Changed { line: n - 1 } });
                }
                chained = true;
            }
            _ if chained => return Err(Break::Unchained { line: n }),
            _ => prefix = n,
        }
        before = line_hash(line);
    }
    Ok(Verified { unchained_prefix: prefix, lines: lines.len(), head: lines.last().map(|l| line_hash(l)) })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Test lines: `prev=HASH;text` or `text` (unchained).
    fn prev_of(line: &[u8]) -> Result<Option<String>, ()> {
        let s = std::str::from_utf8(line).map_err(|_| ())?;
        Ok(s.strip_prefix("prev=").map(|r| r.split(';').next().unwrap_or_default().to_string()))
    }

    fn chain(texts: &[&str], unchained: usize) -> String {
        let mut out = String::new();
        let mut before = line_hash(b"");
        for (i, t) in texts.iter().enumerate() {
            let line = if i < unchained { t.to_string() } else { format!("prev={before};{t}") };
            before = line_hash(line.as_bytes());
            out.push_str(&line);
            out.push('\n');
        }
        out
    }

    #[test]
    fn sha256_of_nothing_is_the_known_one() {
        assert_eq!(line_hash(b""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    #[test]
    fn a_whole_chain_after_an_unchained_prefix_verifies() {
        let j = chain(&["a", "b", "c", "d"], 2);
        let v = verify(j.as_bytes(), prev_of).unwrap();
        assert_eq!((v.unchained_prefix, v.lines), (2, 4));
        assert_eq!(v.head, Some(line_hash(j.lines().last().unwrap().as_bytes())));
        assert_eq!(verify(b"", prev_of).unwrap().lines, 0);
    }

    #[test]
    fn an_edited_line_is_named() {
        let j = chain(&["a", "b", "c", "d"], 0);
        let edited = j.replacen(";b", ";B", 1);
        assert_eq!(verify(edited.as_bytes(), prev_of), Err(Break::Changed { line: 2 }));
    }

    #[test]
    fn a_removed_or_inserted_line_is_found() {
        let j = chain(&["a", "b", "c", "d"], 0);
        let lines: Vec<&str> = j.lines().collect();
        let removed = format!("{}\n{}\n{}\n", lines[0], lines[2], lines[3]);
        assert_eq!(verify(removed.as_bytes(), prev_of), Err(Break::Changed { line: 1 }));
        let inserted = format!("{}\n{}\nforged\n{}\n{}\n", lines[0], lines[1], lines[2], lines[3]);
        assert_eq!(verify(inserted.as_bytes(), prev_of), Err(Break::Unchained { line: 3 }));
        let first_removed = format!("{}\n{}\n{}\n", lines[1], lines[2], lines[3]);
        assert_eq!(verify(first_removed.as_bytes(), prev_of), Err(Break::Unchained { line: 1 }));
    }
}
