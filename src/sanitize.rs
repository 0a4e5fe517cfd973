//! Text from plan and journal files never reaches the terminal raw: control characters (C0, DEL,
//! C1, which start escape sequences) and bidirectional overrides are replaced, one character for
//! one, so that columns stay where they were.

use std::borrow::Cow;

/// What an unsafe character is shown as.
pub const REPLACEMENT: char = '\u{FFFD}';

fn unsafe_char(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}')
}

/// One character made safe for a one-line display: line breaks and tabs become spaces, other
/// unsafe characters the replacement character.
pub fn one_line_char(c: char) -> char {
    match c {
        '\n' | '\r' | '\t' => ' ',
        c if unsafe_char(c) => REPLACEMENT,
        c => c,
    }
}

/// Replaces every control character and bidi override, for a one-line display: line breaks and
/// tabs (a decision or a note may span lines) become spaces, the others the replacement character.
pub fn sanitize(s: &str) -> Cow<'_, str> {
    if !s.chars().any(unsafe_char) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(s.chars().map(one_line_char).collect())
}

/// Like [`sanitize`] but keeps line breaks (for multi-line descriptions) and turns tabs into spaces.
pub fn sanitize_multiline(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| c != '\n' && unsafe_char(c)) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| match c {
                '\n' => '\n',
                '\t' => ' ',
                c if unsafe_char(c) => REPLACEMENT,
                c => c,
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_and_controls_are_replaced_one_for_one() {
        let s = "a\u{1b}]52;c;AAAA\u{7}b\u{9b}31m\u{202e}c";
        let out = sanitize(s);
        assert!(!out.chars().any(unsafe_char));
        assert_eq!(out.chars().count(), s.chars().count());
        assert!(matches!(sanitize("école"), Cow::Borrowed(_)));
    }

    #[test]
    fn multiline_keeps_newlines_only() {
        assert_eq!(sanitize_multiline("a\nb\tc\u{1b}"), "a\nb c\u{FFFD}");
        assert_eq!(sanitize("a\nb\tc\u{1b}"), "a b c\u{FFFD}", "one line: breaks become spaces");
    }
}
