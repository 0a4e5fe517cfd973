//! The query line: free text and filter words (`statut:encours pilote:caf est:retard …`).
//!
//! Every filter is a `name:value` word, so no plain word is ever taken for a filter: `prevenir
//! retard` searches both words. A `name:value` word whose name is not a filter (`foo:bar`), or an
//! `est:` value that is not one, is an error the interface shows, naming the filters that exist;
//! quoting it (`"foo:bar"`) searches it as text.

use crate::i18n;
use crate::lang::Lang;
use crate::plan::model::Status;
use crate::text::fold;

/// A parsed query line: free text plus filters. Different filters combine with AND, repeated
/// values of one filter with OR.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Query {
    /// The free text as typed, filter words removed.
    pub text: String,
    /// The free text folded and split into words (a "quoted phrase" stays one term).
    pub terms: Vec<String>,
    /// `statut:` / `status:`.
    pub statuses: Vec<Status>,
    /// Status names that were not understood: the status filter then matches nothing.
    pub unknown_statuses: Vec<String>,
    /// `pilote:` / `pilot:` / `partenaire:` / `partner:`: a pilot or partner (folded substring).
    pub pilots: Vec<String>,
    /// `tag:` / `etiquette:`.
    pub tags: Vec<String>,
    /// `orientation:` / `axe:`: an orientation's id, or a piece of its title.
    pub orientations: Vec<String>,
    /// `referent:`: a person's id or login, or a piece of their name.
    pub referents: Vec<String>,
    /// `est:retard` / `is:late`: past due and not done.
    pub late: bool,
    /// `est:derriere` / `is:behind`: an indicator behind its trajectory.
    pub behind: bool,
    /// `est:moi` / `is:mine`: the current user (see [`super::SearchIndex::search_as`]) is among
    /// the pilots or the referents.
    pub mine: bool,
    /// `name:value` words that are no filter (an unknown name, or an unknown `est:` value), as
    /// typed: the query is in error and matches nothing until they are fixed or quoted.
    pub unknown_filters: Vec<String>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Key {
    Status,
    Pilot,
    Tag,
    Orientation,
    Referent,
    Is,
}

fn key_of(folded: &str) -> Option<Key> {
    match folded {
        "statut" | "status" | "etat" => Some(Key::Status),
        "pilote" | "pilotes" | "pilot" | "pilots" | "partenaire" | "partenaires" | "partner" | "partners" => {
            Some(Key::Pilot)
        }
        "tag" | "tags" | "etiquette" | "etiquettes" => Some(Key::Tag),
        "orientation" | "axe" => Some(Key::Orientation),
        "referent" | "referents" | "referente" => Some(Key::Referent),
        "est" | "is" => Some(Key::Is),
        _ => None,
    }
}

/// The values of `est:` / `is:`.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Is {
    Late,
    Behind,
    Mine,
}

fn is_of(folded: &str) -> Option<Is> {
    match folded {
        "retard" | "enretard" | "late" => Some(Is::Late),
        "derriere" | "behind" => Some(Is::Behind),
        "moi" | "mine" | "me" | "mes" => Some(Is::Mine),
        _ => None,
    }
}

/// Whether the part of a word before its colon looks like a filter's name (letters only), so
/// that an unknown one is an error; `10:30` or `http://…` are text.
fn looks_like_a_name(folded: &str) -> bool {
    folded.len() >= 2 && folded.chars().all(|c| c.is_ascii_alphabetic())
}

/// A status from its French or English name, with or without accents, case, spaces or dashes
/// (`non-démarrée`, `EnCours`, `in progress`, `réalisée`, `done`…), or from an unambiguous
/// beginning of one (`en`, `real`, `aband`).
pub fn status_from_name(name: &str) -> Option<Status> {
    let squashed: String = fold(name).chars().filter(|c| !matches!(c, ' ' | '-' | '_' | '\'' | '.')).collect();
    if squashed.is_empty() {
        return None;
    }
    if let Some(s) = crate::plan::edit::parse_status(&squashed) {
        return Some(s);
    }
    // Accepted by their beginning ("statut:en" is enough while typing): the search words.
    let mut found = crate::plan::status::SPELLINGS
        .iter()
        .filter(|s| [s.search_fr, &s.search_en.replace('-', "")].iter().any(|n| n.starts_with(&squashed)))
        .map(|s| s.status);
    let first = found.next()?;
    found.all(|s| s == first).then_some(first)
}

/// Splits a line into words; a double-quoted part keeps its spaces. Each word comes with the
/// byte offset where its first quote was, if any.
fn words(input: &str) -> Vec<(String, Option<usize>)> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quote_at: Option<usize> = None;
    let mut in_quotes = false;
    let mut started = false;
    for c in input.chars() {
        match c {
            '"' | '«' | '»' | '“' | '”' => {
                in_quotes = match c {
                    '"' => !in_quotes,
                    '«' | '“' => true,
                    _ => false,
                };
                quote_at.get_or_insert(cur.len());
                started = true;
            }
            c if c.is_whitespace() && !in_quotes => {
                if started {
                    out.push((std::mem::take(&mut cur), quote_at.take()));
                    started = false;
                }
            }
            c => {
                cur.push(c);
                started = true;
            }
        }
    }
    if started {
        out.push((cur, quote_at));
    }
    out
}

/// Separates filter words from free text. `name:value` words with a known name are filters
/// (values may be separated by commas or quoted: `pilote:"La Poste"`, `est:retard,moi`); an
/// unknown name made of letters is recorded in `unknown_filters`. Anything else, quoted words
/// included, is free text. A filter with no value yet (`statut:` while typing) is ignored.
pub fn parse_query(input: &str) -> Query {
    let mut q = Query::default();
    let mut free: Vec<String> = Vec::new();
    for (word, quote_at) in words(input) {
        if let Some(colon) = word.find(':')
            && quote_at.is_none_or(|at| colon < at)
        {
            let name = fold(&word[..colon]);
            let key = key_of(&name);
            if key.is_some() || looks_like_a_name(&name) {
                let value = &word[colon + 1..];
                let values: Vec<String> =
                    value.split(',').map(str::trim).filter(|v| !v.is_empty()).map(str::to_string).collect();
                let Some(key) = key else {
                    if !values.is_empty() {
                        q.unknown_filters.push(word.clone());
                    }
                    continue;
                };
                for v in values {
                    match key {
                        Key::Status => match status_from_name(&v) {
                            Some(s) if !q.statuses.contains(&s) => q.statuses.push(s),
                            Some(_) => {}
                            None => q.unknown_statuses.push(v),
                        },
                        Key::Pilot => q.pilots.push(v),
                        Key::Tag => q.tags.push(v),
                        Key::Orientation => q.orientations.push(v),
                        Key::Referent => q.referents.push(v),
                        Key::Is => match is_of(&fold(&v)) {
                            Some(Is::Late) => q.late = true,
                            Some(Is::Behind) => q.behind = true,
                            Some(Is::Mine) => q.mine = true,
                            None => q.unknown_filters.push(format!("{}:{v}", &word[..colon])),
                        },
                    }
                }
                continue;
            }
        }
        if quote_at.is_some() {
            let t = fold(&word).split_whitespace().collect::<Vec<_>>().join(" ");
            if !t.is_empty() {
                q.terms.push(t);
            }
        } else {
            q.terms.extend(fold(&word).split_whitespace().map(str::to_string));
        }
        free.push(if quote_at.is_some() { format!("\"{word}\"") } else { word });
    }
    q.text = free.join(" ");
    q
}

impl Query {
    /// Whether any filter is set (besides the free text).
    pub fn has_filters(&self) -> bool {
        !self.statuses.is_empty()
            || !self.unknown_statuses.is_empty()
            || !self.pilots.is_empty()
            || !self.tags.is_empty()
            || !self.orientations.is_empty()
            || !self.referents.is_empty()
            || self.late
            || self.behind
            || self.mine
            || !self.unknown_filters.is_empty()
    }

    /// What is wrong with the query (an unknown filter or status), to show instead of results;
    /// `None` when it can be searched.
    pub fn error(&self, l: Lang) -> Option<String> {
        if let Some(f) = self.unknown_filters.first() {
            return Some(super::text::unknown_filter(l, f));
        }
        self.unknown_statuses.first().map(|s| i18n::search_unknown_status(l, s))
    }

    /// No free text and no filter: every action.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty() && !self.has_filters()
    }

    /// The active-filter line ("Filtres : statut : En cours · en retard"); empty without filters.
    pub fn describe(&self, l: Lang) -> String {
        let parts = self.filter_parts(l);
        if parts.is_empty() { String::new() } else { i18n::search_filters(l, &parts) }
    }

    /// Each active filter in words ("statut : En cours", "en retard").
    pub fn filter_parts(&self, l: Lang) -> Vec<String> {
        let mut parts = Vec::new();
        if !self.statuses.is_empty() {
            let labels: Vec<&str> = self.statuses.iter().map(|s| i18n::status_label(l, *s)).collect();
            parts.push(i18n::search_filter_status(l, &labels));
        }
        for u in &self.unknown_statuses {
            parts.push(i18n::search_unknown_status(l, u));
        }
        if !self.pilots.is_empty() {
            parts.push(i18n::search_filter_pilot(l, &self.pilots));
        }
        if !self.tags.is_empty() {
            parts.push(i18n::search_filter_tag(l, &self.tags));
        }
        if !self.orientations.is_empty() {
            parts.push(i18n::search_filter_orientation(l, &self.orientations));
        }
        if !self.referents.is_empty() {
            parts.push(i18n::search_filter_referent(l, &self.referents));
        }
        if self.late {
            parts.push(i18n::SEARCH_LATE.get(l).to_string());
        }
        if self.behind {
            parts.push(i18n::SEARCH_BEHIND.get(l).to_string());
        }
        if self.mine {
            parts.push(super::text::mine(l).to_string());
        }
        parts
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_names_in_both_languages_and_by_their_beginning() {
        for (name, s) in [
            ("nondemarree", Status::NotStarted),
            ("non-démarrée", Status::NotStarted),
            ("Non démarrée", Status::NotStarted),
            ("not-started", Status::NotStarted),
            ("NotStarted", Status::NotStarted),
            ("encours", Status::InProgress),
            ("EN-COURS", Status::InProgress),
            ("in-progress", Status::InProgress),
            ("in_progress", Status::InProgress),
            ("realisee", Status::Done),
            ("réalisée", Status::Done),
            ("RÉALISÉE", Status::Done),
            ("done", Status::Done),
            ("abandonnee", Status::Abandoned),
            ("abandonnée", Status::Abandoned),
            ("abandoned", Status::Abandoned),
            ("en", Status::InProgress),
            ("real", Status::Done),
            ("aband", Status::Abandoned),
            ("no", Status::NotStarted),
        ] {
            assert_eq!(status_from_name(name), Some(s), "{name}");
        }
        assert_eq!(status_from_name("xyz"), None);
        assert_eq!(status_from_name(""), None);
    }

    #[test]
    fn filter_words_are_separated_from_free_text() {
        let l = Lang::Fr;
        let q = parse_query(
            "statut:encours ÉCOLE pilote:caf,cpam tag:Numérique 10:30 est:retard axe:2 EST:derrière referent:ref-caf",
        );
        assert_eq!(q.statuses, vec![Status::InProgress]);
        assert_eq!(q.pilots, vec!["caf", "cpam"]);
        assert_eq!(q.tags, vec!["Numérique"]);
        assert_eq!(q.orientations, vec!["2"]);
        assert_eq!(q.referents, vec!["ref-caf"]);
        assert!(q.late && q.behind && !q.mine);
        assert!(q.unknown_filters.is_empty() && q.error(l).is_none());
        assert_eq!(q.text, "ÉCOLE 10:30");
        assert_eq!(q.terms, vec!["ecole", "10:30"]);
        let q = parse_query("is:late,mine,behind");
        assert!(q.late && q.behind && q.mine);
    }

    #[test]
    fn plain_words_are_never_filters() {
        let q = parse_query("prevenir retard derriere late moi");
        assert!(!q.has_filters(), "{q:?}");
        assert_eq!(q.terms, vec!["prevenir", "retard", "derriere", "late", "moi"]);
    }

    #[test]
    fn an_unknown_filter_is_an_error_naming_the_filters() {
        let l = Lang::Fr;
        for (line, bad) in [("foo:bar ecole", "foo:bar"), ("est:fini", "est:fini"), ("couleur:rouge", "couleur:rouge")]
        {
            let q = parse_query(line);
            assert_eq!(q.unknown_filters, vec![bad.to_string()], "{line}");
            let e = q.error(l).expect("an error");
            assert!(
                e.contains(bad) && e.contains("statut:") && e.contains("est:retard") && e.contains("est:moi"),
                "{e}"
            );
        }
        // Quoted, or while its value is still being typed, it is no error.
        assert!(parse_query("\"foo:bar\"").error(l).is_none());
        assert_eq!(parse_query("\"foo:bar\"").terms, vec!["foo:bar"]);
        assert!(parse_query("foo:").error(l).is_none());
        assert!(parse_query("statut:zzz").error(l).unwrap().contains("zzz"));
    }

    #[test]
    fn quotes_keep_spaces_and_escape_filter_words() {
        let q = parse_query("pilote:\"La Poste\" \"retard scolaire\" \"est:retard\"");
        assert_eq!(q.pilots, vec!["La Poste"]);
        assert!(!q.late);
        assert_eq!(q.terms, vec!["retard scolaire", "est:retard"]);
    }

    #[test]
    fn an_empty_filter_value_is_ignored_while_typing() {
        let l = Lang::Fr;
        let q = parse_query("statut: pilote:");
        assert!(q.is_empty(), "{q:?}");
        assert_eq!(q.describe(l), "");
    }

    #[test]
    fn describe_names_every_filter() {
        let l = Lang::Fr;
        let d = parse_query("statut:encours statut:done pilote:caf est:retard,moi").describe(l);
        assert!(d.starts_with("Filtres : "), "{d}");
        assert!(d.contains("En cours ou Réalisée"), "{d}");
        assert!(d.contains("« caf »"), "{d}");
        assert!(d.contains("en retard"), "{d}");
        assert!(d.contains("mes actions"), "{d}");
        assert!(parse_query("statut:zzz").describe(l).contains("statut inconnu « zzz »"));
    }
}
