//! The line mode: copil without the full screen, for screen readers, scripts and slow links.
//!
//! `copil show` prints one action in reading order ([`show`]), `copil list` the actions as lines
//! or as an outline ([`list`]). The *plain* switch (`--plain`, or `NO_COLOR`, or `TERM=dumb`)
//! makes every command's output free of symbols whose meaning is only visual: statuses and
//! verdicts in words, no marks, no arrows. It is process-wide, like the language: chosen once at
//! start for the headless commands (the full-screen interface keeps its symbols), read by the
//! documents' renderers through the helpers below.

pub mod list;
pub mod show;

use std::sync::atomic::{AtomicBool, Ordering};

use crate::exit;
use crate::i18n::{self, Lang};
use crate::plan::model::Status;
use crate::plan::progress::Verdict;
use crate::plan::status::status_symbol;

static PLAIN: AtomicBool = AtomicBool::new(false);

/// Turns plain output on or off for the whole process.
pub fn set_plain(on: bool) {
    PLAIN.store(on, Ordering::Relaxed);
}

/// Whether output must carry no symbol whose meaning is only visual.
pub fn plain() -> bool {
    PLAIN.load(Ordering::Relaxed)
}

/// Whether plain output is asked for: by `--plain`, by `NO_COLOR` set to anything non-empty
/// (<https://no-color.org>), or by a terminal that says it can do nothing (`TERM=dumb`).
pub fn plain_wanted(flag: bool, no_color: Option<&std::ffi::OsStr>, term: Option<&std::ffi::OsStr>) -> bool {
    flag || no_color.is_some_and(|v| !v.is_empty()) || is_dumb(term)
}

/// Whether `TERM` names a terminal without cursor movement (`dumb`), where a full screen cannot work.
pub fn is_dumb(term: Option<&std::ffi::OsStr>) -> bool {
    term.is_some_and(|t| t == "dumb")
}

/// The sentence the full-screen interface answers a dumb terminal with: what to use instead.
pub fn dumb_terminal_refusal(l: Lang) -> String {
    tr!(
        l,
        "copil : ce terminal (TERM=dumb) ne peut pas afficher l'interface plein écran. Les mêmes tâches se font \
         en ligne de commande, en texte lisible par un lecteur d'écran : `copil list PLAN` (vos actions : \
         `copil list PLAN referent:VOTRE-IDENTIFIANT`), `copil show PLAN ACTION`, `copil status`, \
         `copil measure`, `copil comment`, `copil log` et `copil report` ; `copil --help` les décrit toutes."
            .to_string(),
        "copil: this terminal (TERM=dumb) cannot show the full-screen interface. The same tasks can be done \
         on the command line, in text a screen reader reads: `copil list PLAN` (your actions: \
         `copil list PLAN referent:YOUR-LOGIN`), `copil show PLAN ACTION`, `copil status`, `copil measure`, \
         `copil comment`, `copil log` and `copil report`; `copil --help` describes them all."
            .to_string()
    )
}

/// A status as a document shows it: its symbol and its name, or its name alone when plain.
pub fn status_text(l: Lang, s: Status) -> String {
    if plain() {
        i18n::status_label(l, s).to_string()
    } else {
        format!("{} {}", status_symbol(s), i18n::status_label(l, s))
    }
}

/// The mark before an indicator's verdict (✓ on track, ✗ behind); nothing when plain.
pub fn verdict_mark(v: Verdict) -> String {
    if plain() { String::new() } else { format!("{} ", crate::wording::verdict_symbol(v)) }
}

/// Between an action and its sub-action in an id path: `Spup01 › Spup02`, or `Spup01 / Spup02`
/// when plain (a screen reader says "slash", not the name of a quotation mark).
pub fn path_separator() -> &'static str {
    if plain() { " / " } else { " › " }
}

/// A change of status between two states, as history and minutes say it:
/// `En cours → Réalisée`, or in words when plain (`de En cours à Réalisée`).
pub fn from_to(l: Lang, from: &str, to: &str) -> String {
    if !plain() {
        return format!("{from} → {to}");
    }
    match l {
        Lang::Fr => format!("de {from} à {to}"),
        Lang::En => format!("from {from} to {to}"),
    }
}

/// A new status without the previous one: `→ Réalisée`, or `devient Réalisée` when plain.
pub fn becomes(l: Lang, to: &str) -> String {
    if !plain() {
        return format!("→ {to}");
    }
    tr!(l, format!("devient {to}"), format!("becomes {to}"))
}

/// A period of dates: `2018-01-01 → 2023-12-31`, or `du 2018-01-01 au 2023-12-31` when plain.
pub fn period(l: Lang, start: &str, end: &str) -> String {
    if !plain() {
        return format!("{start} → {end}");
    }
    tr!(l, format!("du {start} au {end}"), format!("from {start} to {end}"))
}

/// Writes a command's text: 0 written; 0 too when the reader stopped reading (`copil list PLAN |
/// head`: a closed pipe is the end of the output, not an error); 3 on any other failure, said.
pub fn print(l: Lang, text: &str, out: &mut impl std::io::Write, err: &mut impl std::io::Write) -> i32 {
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => exit::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => exit::SUCCESS,
        Err(e) => {
            let _ = writeln!(err, "{}{e}", i18n::label(l, i18n::ERROR.get(l)));
            exit::NOT_WRITTEN
        }
    }
}

/// The characters a plain output never holds: status symbols, verdict and warning marks, arrows,
/// pointers, box drawing, block elements (bars) and geometric shapes. Used by the tests, and
/// available to anyone checking a document.
pub fn is_visual_symbol(c: char) -> bool {
    matches!(c, '✓' | '✗' | '✕' | '✔' | '✘' | '⚠' | '›' | '‹')
        || ('\u{2190}'..='\u{21FF}').contains(&c) // arrows
        || ('\u{2500}'..='\u{257F}').contains(&c) // box drawing
        || ('\u{2580}'..='\u{259F}').contains(&c) // block elements: bars
        || ('\u{25A0}'..='\u{25FF}').contains(&c) // geometric shapes: ○ ◐ ● ▶ ■
        || ('\u{2800}'..='\u{28FF}').contains(&c) // braille patterns (charts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::OsStr;

    #[test]
    fn plain_is_asked_by_the_flag_no_color_or_a_dumb_terminal() {
        assert!(!plain_wanted(false, None, None));
        assert!(!plain_wanted(false, Some(OsStr::new("")), Some(OsStr::new("xterm-256color"))));
        assert!(plain_wanted(true, None, None));
        assert!(plain_wanted(false, Some(OsStr::new("1")), None));
        assert!(plain_wanted(false, None, Some(OsStr::new("dumb"))));
        assert!(!is_dumb(Some(OsStr::new("dumber"))));
    }

    #[test]
    fn the_symbols_of_every_status_count_as_visual() {
        for s in Status::ALL {
            assert!(status_symbol(s).chars().all(is_visual_symbol), "{}", status_symbol(s));
        }
        assert!(!"En cours, en retard : échéance 31/12/2017 — 15 MSAP…".chars().any(is_visual_symbol));
    }

    /// A writer that fails every write with `kind`.
    struct Failing(std::io::ErrorKind);
    impl std::io::Write for Failing {
        fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
            Err(self.0.into())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_closed_pipe_ends_the_output_quietly_other_failures_are_said() {
        let l = Lang::Fr;
        let mut err = Vec::new();
        assert_eq!(print(l, "x\n", &mut Failing(std::io::ErrorKind::BrokenPipe), &mut err), 0);
        assert!(err.is_empty());
        assert_eq!(print(l, "x\n", &mut Failing(std::io::ErrorKind::StorageFull), &mut err), 3);
        assert!(!err.is_empty());
        let mut out = Vec::new();
        assert_eq!(print(l, "x\n", &mut out, &mut err), 0);
        assert_eq!(out, b"x\n");
    }
}
