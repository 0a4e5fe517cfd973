//! The search line and the tree filter: what the interface remembers of a search.
//!
//! The search line is the single source of truth: the filter keys (status, late, behind) edit its
//! words, so what the user sees typed is exactly what is searched.

use crate::lang::Lang;
use std::collections::HashSet;

use tui_input::Input;

use crate::plan::model::Status;
use crate::search::fold;
use crate::search::{Hit, Query, parse_query};

/// Where the interface was when the search opened, to go back to on Esc.
#[derive(Clone, Debug, Default)]
pub struct Saved {
    pub selected: usize,
    pub offset: usize,
    pub expanded: HashSet<super::ui_state::NodeKey>,
    pub detail_scroll: u16,
}

/// An open search: the line being typed and its results, best first.
#[derive(Clone, Debug, Default)]
pub struct SearchUi {
    pub input: Input,
    pub hits: Vec<Hit>,
    pub selected: usize,
    /// First result shown.
    pub offset: usize,
    /// The text `hits` was computed for.
    pub searched: Option<String>,
    /// The index is being built: `hits` are not yet those of the line.
    pub indexing: bool,
    pub saved: Saved,
    /// Opened from a meeting to add an action to its agenda: `Enter` adds the chosen action
    /// there instead of going to it in the tree.
    pub for_agenda: bool,
}

impl SearchUi {
    pub fn new(text: &str, saved: Saved) -> SearchUi {
        SearchUi { input: Input::new(text.to_string()), saved, ..Default::default() }
    }

    pub fn text(&self) -> &str {
        self.input.value()
    }

    pub fn query(&self) -> Query {
        parse_query(self.text())
    }

    pub fn selected_hit(&self) -> Option<&Hit> {
        self.hits.get(self.selected)
    }

    /// Replaces the line (the cursor goes to its end).
    pub fn set_text(&mut self, text: String) {
        self.input = Input::new(text);
    }

    /// Moves the selection among the results, keeping it inside a window of `rows`.
    pub fn step(&mut self, by: isize, rows: usize) {
        if self.hits.is_empty() {
            return;
        }
        let last = self.hits.len() - 1;
        self.selected = self.selected.saturating_add_signed(by).min(last);
        self.keep_visible(rows);
    }

    pub fn keep_visible(&mut self, rows: usize) {
        let rows = rows.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + rows {
            self.offset = self.selected + 1 - rows;
        }
    }
}

/// A filter applied to the tree: only the matching actions and their parents are shown.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TreeFilter {
    /// The search line that made it (shown, and reopened by the search key).
    pub text: String,
    /// Ids of the matching actions (recomputed when the plan changes).
    pub ids: HashSet<String>,
}

/// Whether a word is `est:VALUE` / `is:VALUE` with one of `values` (folded).
fn is_word(word: &str, values: &[&str]) -> bool {
    let w = fold(word);
    w.split_once(':').is_some_and(|(k, v)| matches!(k, "est" | "is") && values.contains(&v))
}

const LATE_WORDS: [&str; 3] = ["retard", "enretard", "late"];
const BEHIND_WORDS: [&str; 2] = ["derriere", "behind"];
const MINE_WORDS: [&str; 4] = ["moi", "mine", "me", "mes"];

/// Adds the word for a filter, or removes it when present.
fn toggle_word(line: &str, values: &[&str], word: &str) -> String {
    let words: Vec<&str> = line.split_whitespace().collect();
    let kept: Vec<&str> = words.iter().copied().filter(|w| !is_word(w, values)).collect();
    let mut out = kept.join(" ");
    if kept.len() == words.len() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// `est:retard` on or off.
pub fn toggle_late(l: Lang, line: &str) -> String {
    toggle_word(line, &LATE_WORDS, crate::i18n::SEARCH_WORD_LATE.get(l))
}

/// `est:derriere` on or off.
pub fn toggle_behind(l: Lang, line: &str) -> String {
    toggle_word(line, &BEHIND_WORDS, crate::i18n::SEARCH_WORD_BEHIND.get(l))
}

/// The query word of "my actions" (pilot or referent), in the interface language: a plain
/// query string, `est:moi` / `is:mine`.
pub fn mine_word(l: Lang) -> &'static str {
    match l {
        crate::i18n::Lang::Fr => "est:moi",
        crate::i18n::Lang::En => "is:mine",
    }
}

/// `est:moi` on or off.
pub fn toggle_mine(l: Lang, line: &str) -> String {
    toggle_word(line, &MINE_WORDS, mine_word(l))
}

/// The status filter goes to the next status, and after the last one away.
pub fn cycle_status(l: Lang, line: &str) -> String {
    let words: Vec<&str> = line.split_whitespace().collect();
    let is_status =
        |w: &str| w.find(':').is_some_and(|c| matches!(fold(&w[..c]).as_str(), "statut" | "status" | "etat"));
    let current = words.iter().find(|w| is_status(w)).and_then(|w| {
        let value = &w[w.find(':').unwrap_or(0) + 1..];
        crate::search::status_from_name(value.split(',').next().unwrap_or(""))
    });
    let next = match current {
        None => Some(Status::ALL[0]),
        Some(s) => Status::ALL.get(s.index() + 1).copied(),
    };
    let mut kept: Vec<String> = words.iter().filter(|w| !is_status(w)).map(|w| w.to_string()).collect();
    if let Some(s) = next {
        kept.push(format!("{}:{}", crate::i18n::SEARCH_WORD_STATUS.get(l), status_word(l, s)));
    }
    kept.join(" ")
}

/// A status as typed in the search line.
fn status_word(l: Lang, s: Status) -> &'static str {
    match l {
        crate::i18n::Lang::Fr => s.spelling().search_fr,
        crate::i18n::Lang::En => s.spelling().search_en,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn toggles_add_and_remove_their_word() {
        let l = Lang::Fr;
        assert_eq!(toggle_late(l, "ecole"), "ecole est:retard");
        assert_eq!(toggle_late(l, "ecole est:retard"), "ecole");
        assert_eq!(toggle_late(l, "IS:Late ecole"), "ecole");
        // A plain word is text, left alone.
        assert_eq!(toggle_late(l, "prevenir retard"), "prevenir retard est:retard");
        assert_eq!(toggle_behind(l, ""), "est:derriere");
        assert!(parse_query(&toggle_behind(l, "x")).behind);
        assert_eq!(toggle_mine(l, "x"), "x est:moi");
        assert!(parse_query(&toggle_mine(l, "x")).mine);
        assert_eq!(toggle_mine(l, "x est:moi"), "x");
    }

    #[test]
    fn the_status_key_cycles_through_every_status_then_off() {
        let l = Lang::Fr;
        let mut line = "caf".to_string();
        let mut seen = Vec::new();
        for _ in 0..Status::ALL.len() {
            line = cycle_status(l, &line);
            let q = parse_query(&line);
            assert_eq!(q.terms, vec!["caf"]);
            seen.push(q.statuses[0]);
        }
        assert_eq!(seen, Status::ALL.to_vec());
        assert_eq!(cycle_status(l, &line), "caf");
        assert_eq!(cycle_status(l, "statut:en x"), "x statut:realisee");
    }
}
