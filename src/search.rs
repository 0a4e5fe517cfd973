//! Search: accent folding, the query line (free text and filters) and fuzzy scoring, shared by
//! the TUI and the CLI.
//!
//! [`SearchIndex`] holds the folded texts of every action and sub-action. Journal lines change
//! statuses and measurements, never texts, so the index is built once per plan file and rebuilt
//! only when the plan's texts change; the status, late and behind filters read the live plan
//! passed to [`SearchIndex::search`].
//!
//! Matching: the query's free text is folded ([`fold`]) and split into terms; every term must
//! match some field of the action (AND). A term found as typed (contiguous, accents and case
//! aside) scores what `SkimMatcherV2` gives that occurrence where it stands. A short term (four
//! chars or fewer: `iae`, `caf`, `rsa`) counts only at a word's start, never inside a word nor
//! scattered. A longer term found nowhere as typed gets skim's fuzzy match within one word that
//! starts with its first letter, in a short field (letters in order, few gaps: `numeriq`; long
//! texts such as descriptions are matched as typed only), and else a word within one letter
//! wrong, missing or extra (`insersion` finds "insertion"), scored lower. A term's score is its
//! best field score times the field's weight (id and title count most); an action's score is the
//! sum over its terms. Ranking, best first: actions where the terms follow one another in order
//! ("maison de sante"), then those where every term was found without a typo, then the others;
//! within each, by score; ties in plan order.
//!
//! Speed (linear build; 10,000 actions in a few ms per keystroke, see BENCHMARKS.md): every
//! folded text lives in one string whose byte pairs are indexed, so a term's occurrences are read
//! off the positions of its rarest pair; an occurrence's score depends only on the character
//! before it and is cached; a one-letter term is answered from per-text letter masks; typos are
//! looked for among the distinct words of the plan, not its texts. Skim's dynamic programming
//! runs only for the fuzzy fallback and to highlight fuzzy matches. A large plan's index is built
//! on another thread ([`IndexCell`]) while the interface keeps taking keys.

mod background;
mod filters;
mod find;
mod query;
mod text;
mod typo;

use crate::lang::Lang;
use std::ops::Range;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

pub use crate::text::{Folded, fold, fold_with_map};
pub use background::IndexCell;
pub use query::{Query, parse_query, status_from_name};
pub use text::{filter_list, indexing};

use filters::Filters;
use find::{
    EXACT_ID_BONUS, LONG_TEXT, MAX_OCCURRENCES, Pairs, Place, Term, for_each_occurrence, fuzzy_in_words,
    is_subsequence, letter_bit, skim, starts_word,
};
use typo::Vocabulary;

use crate::i18n;
use crate::plan::model::{Date, Plan, PlanAction, walk_action};

/// Where a text of an action comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    Id,
    Title,
    Description,
    Pilot,
    Partner,
    Tag,
    /// The text of a section (its title is a generic heading and is not searched).
    Section,
    /// The name of an indicator.
    Indicator,
}

impl Field {
    /// Weight in tenths: a field's score is the matcher's score times this, divided by ten.
    pub fn weight(self) -> i64 {
        match self {
            Field::Id | Field::Title => 30,
            Field::Tag | Field::Pilot => 20,
            Field::Partner | Field::Indicator => 18,
            Field::Description | Field::Section => 12,
        }
    }

    /// The field's name for display ("found in: description").
    pub fn label(self, l: Lang) -> &'static str {
        match self {
            Field::Id => i18n::SEARCH_FIELD_ID.get(l),
            Field::Title => i18n::SEARCH_FIELD_TITLE.get(l),
            Field::Description => i18n::SEARCH_FIELD_DESCRIPTION.get(l),
            Field::Pilot => i18n::SEARCH_FIELD_PILOT.get(l),
            Field::Partner => i18n::SEARCH_FIELD_PARTNER.get(l),
            Field::Tag => i18n::SEARCH_FIELD_TAG.get(l),
            Field::Section => i18n::SEARCH_FIELD_SECTION.get(l),
            Field::Indicator => i18n::SEARCH_FIELD_INDICATOR.get(l),
        }
    }
}

/// The original text of a field of an action (`index`: which pilot, section, indicator…).
/// Pilots and partners are shown by their person's name when they name one.
pub fn field_text<'a>(plan: &'a Plan, a: &'a PlanAction, field: Field, index: usize) -> Option<&'a str> {
    match field {
        Field::Id => Some(&a.id),
        Field::Title => Some(&a.title),
        Field::Description => a.description.as_deref(),
        Field::Pilot => a.pilots.get(index).map(|p| plan.person_name(p)),
        Field::Partner => a.partners.get(index).map(|p| plan.person_name(p)),
        Field::Tag => a.tags.get(index).map(String::as_str),
        Field::Section => a.sections.get(index).map(|s| s.text.as_str()),
        Field::Indicator => a.indicators.get(index).map(|i| i.name.as_str()),
    }
}

/// One action found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    pub action_id: String,
    /// Index of the action in plan order (`Plan::walk`).
    pub position: usize,
    /// Higher is better; 0 when the query has no free text.
    pub score: i64,
    /// The field of the best-scoring term (`Title` when the query has no free text).
    pub field: Field,
    /// Which pilot, partner, tag, section or indicator (0 for the others).
    pub field_index: usize,
    /// Char indices in the ORIGINAL title to highlight.
    pub title_matches: Vec<usize>,
    /// Char indices in the ORIGINAL text of `field` (see [`field_text`]) to highlight.
    pub field_matches: Vec<usize>,
    /// Whether `title_matches` and `field_matches` are filled in: they are for the first
    /// [`HIGHLIGHTED`] results; [`SearchIndex::highlight`] fills in the others when shown.
    pub highlighted: bool,
}

/// Results highlighted by the search itself; the others are highlighted when shown (finding
/// every match's letters in 50,000 results would cost more than the search).
pub const HIGHLIGHTED: usize = 200;

impl Hit {
    /// The original text of the field that matched best.
    pub fn field_text<'a>(&self, plan: &'a Plan) -> Option<&'a str> {
        field_text(plan, plan.action(&self.action_id)?, self.field, self.field_index)
    }
}

/// One searchable text: a range of the index's folded corpus, with its origin map only when
/// folding changed the char count.
#[derive(Clone, Debug)]
struct Text {
    field: Field,
    index: u32,
    entry: u32,
    range: Range<usize>,
    /// Folded to ASCII only: char indices are byte offsets.
    ascii: bool,
    /// Longer than `LONG_TEXT` chars: matched as is only, never fuzzily.
    long: bool,
    /// The ASCII letters and digits the text holds ([`letter_bit`]), and those starting a word.
    letters: u64,
    heads: u64,
    /// `None` when folded char `i` comes from original char `i` (the common case).
    origin: Option<Box<[u32]>>,
}

impl Text {
    /// Original char indices, sorted and without duplicates, of folded ones (reordered in place).
    fn to_original(&self, folded: &mut [usize]) -> Vec<usize> {
        if !folded.is_sorted() {
            folded.sort_unstable();
        }
        if self.origin.is_none() && folded.windows(2).all(|w| w[0] != w[1]) {
            return folded.to_vec();
        }
        let mut out: Vec<usize> = Vec::with_capacity(folded.len());
        for &i in folded.iter() {
            let o = match &self.origin {
                None => Some(i),
                Some(map) => map.get(i).map(|&o| o as usize),
            };
            // The map never goes backwards: duplicates are adjacent.
            if let Some(o) = o
                && out.last() != Some(&o)
            {
                out.push(o);
            }
        }
        out
    }
}

#[derive(Clone, Debug)]
struct Entry {
    /// The action's id, as written: a range of `SearchIndex::ids`.
    id: Range<u32>,
    orientation: usize,
    /// Indices into `SearchIndex::texts`: id first, title second, then the other fields.
    texts: Range<usize>,
    /// Folded pilots and partners: "id\nname\norg" each.
    people: Vec<String>,
    tags: Vec<String>,
    /// Folded referents: id, name, login.
    referents: Vec<[String; 3]>,
    /// Person ids and logins of the pilots and referents, as written (`est:moi`).
    mine: Vec<String>,
}

/// Offset of the title among an entry's texts.
const TITLE: usize = 1;

/// The folded texts of every action and sub-action of a plan, in plan order.
#[derive(Clone, Debug, Default)]
pub struct SearchIndex {
    entries: Vec<Entry>,
    texts: Vec<Text>,
    /// Every folded text, each followed by a newline, entry after entry.
    corpus: String,
    /// Where each byte pair of the corpus is.
    pairs: Pairs,
    /// Folded id and title of each orientation.
    orientations: Vec<(String, String)>,
    /// Every word of the corpus and where it is (typo tolerance).
    vocabulary: Vocabulary,
    /// The actions' ids, one after the other (copied into every hit: kept together, they are
    /// read from a few cache lines rather than from a heap block each).
    ids: String,
}

impl SearchIndex {
    /// Builds the index; rebuild it when the plan's texts change (not for journal lines).
    pub fn new(plan: &Plan) -> SearchIndex {
        let mut index = SearchIndex {
            orientations: plan.orientations.iter().map(|o| (fold(&o.id), fold(&o.title))).collect(),
            ..SearchIndex::default()
        };
        for (oi, o) in plan.orientations.iter().enumerate() {
            for top in &o.actions {
                for (a, _) in walk_action(top, 0) {
                    index.add(plan, oi, a);
                }
            }
        }
        index.pairs = Pairs::new(&index.corpus);
        index.vocabulary = Vocabulary::new(&index.corpus);
        index
    }

    fn add(&mut self, plan: &Plan, orientation: usize, a: &PlanAction) {
        let entry = self.entries.len() as u32;
        let first = self.texts.len();
        let mut push = |field: Field, index: usize, original: &str| {
            let f = fold_with_map(original);
            let identity =
                f.origin.iter().enumerate().all(|(i, &o)| i == o) && f.origin.len() == original.chars().count();
            let origin = (!identity).then(|| f.origin.iter().map(|&o| o as u32).collect());
            let start = self.corpus.len();
            self.corpus.push_str(&f.text);
            let range = start..self.corpus.len();
            self.corpus.push('\n');
            let (ascii, long) = (f.text.is_ascii(), f.origin.len() > LONG_TEXT);
            let (mut letters, mut heads) = (0, 0);
            let mut prev: Option<char> = None;
            for c in f.text.chars() {
                if let Some(bit) = u8::try_from(c).ok().and_then(letter_bit) {
                    letters |= bit;
                    if starts_word(prev) {
                        heads |= bit;
                    }
                }
                prev = Some(c);
            }
            self.texts.push(Text { field, index: index as u32, entry, range, ascii, long, letters, heads, origin });
        };
        push(Field::Id, 0, &a.id);
        push(Field::Title, 0, &a.title);
        if let Some(d) = &a.description {
            push(Field::Description, 0, d);
        }
        for (i, p) in a.pilots.iter().enumerate() {
            push(Field::Pilot, i, plan.person_name(p));
        }
        for (i, p) in a.partners.iter().enumerate() {
            push(Field::Partner, i, plan.person_name(p));
        }
        for (i, t) in a.tags.iter().enumerate() {
            push(Field::Tag, i, t);
        }
        for (i, s) in a.sections.iter().enumerate() {
            push(Field::Section, i, &s.text);
        }
        for (i, ind) in a.indicators.iter().enumerate() {
            push(Field::Indicator, i, &ind.name);
        }
        let person = |id: &str| {
            let p = plan.person(id);
            let name = p.map(|p| p.name.as_str()).unwrap_or(id);
            let org = p.and_then(|p| p.org.as_deref()).unwrap_or("");
            fold(&format!("{id}\n{name}\n{org}"))
        };
        let referents = a
            .referents
            .iter()
            .map(|r| {
                let p = plan.person(r);
                [
                    fold(r),
                    fold(p.map(|p| p.name.as_str()).unwrap_or(r)),
                    fold(p.and_then(|p| p.login.as_deref()).unwrap_or("")),
                ]
            })
            .collect();
        let mut mine: Vec<String> = Vec::new();
        for id in a.pilots.iter().chain(&a.referents) {
            mine.push(id.clone());
            if let Some(login) = plan.person(id).and_then(|p| p.login.as_ref()) {
                mine.push(login.clone());
            }
        }
        let id_start = self.ids.len() as u32;
        self.ids.push_str(&a.id);
        self.entries.push(Entry {
            id: id_start..self.ids.len() as u32,
            orientation,
            texts: first..self.texts.len(),
            people: a.pilots.iter().chain(&a.partners).map(|p| person(p)).collect(),
            tags: a.tags.iter().map(|t| fold(t)).collect(),
            referents,
            mine,
        });
    }

    /// The number of actions and sub-actions indexed.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    fn id(&self, e: &Entry) -> &str {
        &self.ids[e.id.start as usize..e.id.end as usize]
    }

    fn folded(&self, t: &Text) -> &str {
        &self.corpus[t.range.clone()]
    }

    /// The part of the corpus holding all of an entry's texts.
    fn entry_text(&self, e: &Entry) -> &str {
        let start = self.texts[e.texts.start].range.start;
        let end = self.texts[e.texts.end - 1].range.end;
        &self.corpus[start..end]
    }

    /// [`SearchIndex::search_as`] with no current user: `est:moi` matches nothing.
    pub fn search(&self, plan: &Plan, query: &Query, today: Date) -> Vec<Hit> {
        self.search_as(plan, query, today, None)
    }

    /// The actions matching `query`, best first; with no free text, every action that passes
    /// the filters, in plan order. `plan` is the live plan (journal applied): statuses, lateness
    /// and indicator tracking are read from it, as of `today`. `me` is the current user's person
    /// id or login ([`crate::plan::edit::identity`]), for `est:moi`.
    ///
    /// Ranking: actions where the query's words follow one another, in order, come first; then
    /// those where every word is found as typed (or as an abbreviation); then those that needed a
    /// typo forgiven. Within each, by score; ties in plan order.
    pub fn search_as(&self, plan: &Plan, query: &Query, today: Date, me: Option<&str>) -> Vec<Hit> {
        let filters = Filters::new(query, me);
        let mut alive: Vec<bool> = if filters.any() {
            let live: Vec<&PlanAction> = plan.walk().map(|(_, a, _)| a).collect();
            self.entries
                .iter()
                .enumerate()
                .map(|(position, e)| {
                    // The index follows the plan's order; an index out of date falls back to the id.
                    let a = match live.get(position) {
                        Some(a) if a.id == self.id(e) => Some(*a),
                        _ => plan.action(self.id(e)),
                    };
                    a.is_some_and(|a| filters.pass(self, e, a, today))
                })
                .collect()
        } else {
            vec![true; self.entries.len()]
        };
        let mut terms: Vec<Term> = query.terms.iter().filter(|t| !t.is_empty()).map(|t| Term::new(t)).collect();
        if terms.is_empty() {
            return (0..self.entries.len())
                .filter(|&p| alive[p])
                .map(|position| Hit {
                    action_id: self.id(&self.entries[position]).to_string(),
                    position,
                    score: 0,
                    field: Field::Title,
                    field_index: 0,
                    title_matches: Vec::new(),
                    field_matches: Vec::new(),
                    highlighted: true,
                })
                .collect();
        }
        let matcher = skim();
        let mut matches: Vec<Vec<Option<TermMatch>>> = Vec::with_capacity(terms.len());
        let mut in_title: Vec<Vec<Option<usize>>> = Vec::with_capacity(terms.len());
        for term in &mut terms {
            let (best, title) = self.scan(&matcher, term, &mut alive);
            matches.push(best);
            in_title.push(title);
        }
        let phrase = if terms.len() > 1 { self.phrases(&terms, &alive) } else { Vec::new() };
        let tier = |p: usize| {
            let exact = !matches.iter().any(|m| m[p].is_some_and(|m| m.typo));
            u8::from(phrase.get(p).copied().unwrap_or(false)) * 2 + u8::from(exact)
        };
        let mut found: Vec<(usize, (u8, i64))> = (0..self.entries.len())
            .filter(|&p| alive[p])
            .map(|p| (p, (tier(p), matches.iter().map(|m| m[p].map_or(0, |m| m.score)).sum())))
            .collect();
        // Stable: ties stay in plan order.
        found.sort_by_key(|&(_, key)| std::cmp::Reverse(key));
        let mut scratch = Vec::new();
        found
            .into_iter()
            .enumerate()
            .map(|(rank, (position, (_, score)))| {
                if rank < HIGHLIGHTED {
                    self.hit(&matcher, &terms, (position, score), &matches, &in_title, &mut scratch)
                } else {
                    self.plain_hit(&matches, position, score)
                }
            })
            .collect()
    }

    /// Highlights the results not yet highlighted (see [`Hit::highlighted`]), for the same
    /// `query`: the terms are matched again in those actions only.
    pub fn highlight(&self, query: &Query, hits: &mut [Hit]) {
        let todo: Vec<usize> =
            (0..hits.len()).filter(|&i| !hits[i].highlighted && self.entries.get(hits[i].position).is_some()).collect();
        if todo.is_empty() {
            return;
        }
        let mut terms: Vec<Term> = query.terms.iter().filter(|t| !t.is_empty()).map(|t| Term::new(t)).collect();
        let mut alive = vec![false; self.entries.len()];
        for &i in &todo {
            alive[hits[i].position] = true;
        }
        let matcher = skim();
        let mut matches = Vec::with_capacity(terms.len());
        let mut in_title = Vec::with_capacity(terms.len());
        for term in &mut terms {
            let (best, title) = self.scan(&matcher, term, &mut alive);
            matches.push(best);
            in_title.push(title);
        }
        let mut scratch = Vec::new();
        for i in todo {
            let h = &mut hits[i];
            if alive[h.position] && self.id(&self.entries[h.position]) == h.action_id {
                *h = self.hit(&matcher, &terms, (h.position, h.score), &matches, &in_title, &mut scratch);
            } else {
                h.highlighted = true;
            }
        }
    }

    /// A result without its highlights (see [`HIGHLIGHTED`]): its best field only.
    fn plain_hit(&self, matches: &[Vec<Option<TermMatch>>], position: usize, score: i64) -> Hit {
        let best = matches.iter().filter_map(|m| m[position]).reduce(|a, b| if b.score > a.score { b } else { a });
        let (field, field_index) =
            best.map_or((Field::Title, 0), |m| (self.texts[m.text].field, self.texts[m.text].index as usize));
        Hit {
            action_id: self.id(&self.entries[position]).to_string(),
            position,
            score,
            field,
            field_index,
            title_matches: Vec::new(),
            field_matches: Vec::new(),
            highlighted: false,
        }
    }

    /// One term over the whole plan: every contiguous occurrence is scored where it stands;
    /// the entries still alive without one get skim's fuzzy match, and die without that.
    /// Returns, per entry, the term's best match and its best occurrence in the title.
    fn scan(
        &self,
        matcher: &SkimMatcherV2,
        term: &mut Term,
        alive: &mut [bool],
    ) -> (Vec<Option<TermMatch>>, Vec<Option<usize>>) {
        if let [b] = term.text.as_bytes()
            && let Some(bit) = letter_bit(*b)
        {
            return self.scan_letter(matcher, term, bit, alive);
        }
        let n = self.entries.len();
        let mut best: Vec<Option<TermMatch>> = vec![None; n];
        let mut title: Vec<Option<(i64, usize)>> = vec![None; n];
        let mut ti = 0;
        let (short, chars) = (term.short, term.chars);
        let Term { text, occurrences, .. } = term;
        // No occurrence but one at the very start beats one after a space.
        let best_inside = occurrences.score(matcher, text, Some(' '));
        let mut seen = 0; // occurrences seen in text `ti`
        for_each_occurrence(&self.corpus, &self.pairs, text, |at| {
            if self.texts[ti].range.end < at {
                seen = 0;
                while self.texts[ti].range.end < at {
                    ti += 1;
                }
            }
            seen += 1;
            let t = &self.texts[ti];
            let e = t.entry as usize;
            if !alive[e] {
                // Skip the rest of a dead entry.
                return self.texts[self.entries[e].texts.end - 1].range.end + 1;
            }
            let prev = if at == t.range.start { None } else { self.corpus[..at].chars().next_back() };
            if short && !starts_word(prev) {
                // A short word is a word or a word's start, never letters inside another word.
                return at + 1;
            }
            let raw = occurrences.score(matcher, text, prev);
            let mut score = raw * t.field.weight() / 10;
            if t.field == Field::Id && t.range.len() == text.len() {
                score += EXACT_ID_BONUS;
            }
            let local = at - t.range.start;
            if best[e].is_none_or(|b| score > b.score) {
                best[e] = Some(TermMatch { score, text: ti, at: local, fuzzy_end: None, len: chars, typo: false });
            }
            if ti == self.entries[e].texts.start + TITLE && title[e].is_none_or(|(s, _)| raw > s) {
                title[e] = Some((raw, local));
            }
            // Nothing further in this text can score more (or enough looked at): the next text.
            if prev.is_none() || raw >= best_inside || seen >= MAX_OCCURRENCES { t.range.end + 1 } else { at + 1 }
        });
        let mut typos = if term.short { Vec::new() } else { self.typos(matcher, term, alive, &best) };
        for (e, entry) in self.entries.iter().enumerate() {
            if alive[e] && best[e].is_none() {
                best[e] = if term.short { None } else { self.fuzzy(matcher, term, entry) };
                if best[e].is_none() {
                    best[e] = typos.get_mut(e).and_then(Option::take);
                }
                alive[e] = best[e].is_some();
            }
        }
        (best, title.into_iter().map(|t| t.map(|(_, at)| at)).collect())
    }

    /// A one-letter (or digit) term, typically the first keystroke: the texts' letter masks tell
    /// which have a word starting with it (at their start or further); where exactly is looked
    /// up only in the texts kept.
    fn scan_letter(
        &self,
        matcher: &SkimMatcherV2,
        term: &mut Term,
        bit: u64,
        alive: &mut [bool],
    ) -> (Vec<Option<TermMatch>>, Vec<Option<usize>>) {
        let n = self.entries.len();
        let mut best: Vec<Option<TermMatch>> = vec![None; n];
        let mut title: Vec<Option<usize>> = vec![None; n];
        let c = term.text.as_bytes()[0];
        let Term { text, occurrences, .. } = term;
        let scores = [occurrences.score(matcher, text, None), occurrences.score(matcher, text, Some(' '))];
        for (e, entry) in self.entries.iter().enumerate() {
            if !alive[e] {
                continue;
            }
            let mut found: Option<(i64, usize, Place)> = None;
            for k in entry.texts.clone() {
                let t = &self.texts[k];
                if t.letters & bit == 0 {
                    continue;
                }
                let place = if self.corpus.as_bytes()[t.range.start] == c {
                    Place::Start
                } else if t.heads & bit != 0 {
                    Place::WordStart
                } else {
                    // Only inside words: a short word never matches there.
                    continue;
                };
                let raw = scores[place as usize];
                let mut score = raw * t.field.weight() / 10;
                if t.field == Field::Id && t.range.len() == 1 {
                    score += EXACT_ID_BONUS;
                }
                if found.is_none_or(|(s, _, _)| score > s) {
                    found = Some((score, k, place));
                }
                if k == entry.texts.start + TITLE {
                    title[e] = Some(self.locate(k, c, place));
                }
            }
            // A letter starts a word of a text or not: no fuzzy fallback.
            alive[e] = found.is_some();
            best[e] = found.map(|(score, k, place)| TermMatch {
                score,
                text: k,
                at: self.locate(k, c, place),
                fuzzy_end: None,
                len: 1,
                typo: false,
            });
        }
        (best, title)
    }

    /// Byte offset in text `k` of the first occurrence of `c` at the given place.
    fn locate(&self, k: usize, c: u8, place: Place) -> usize {
        let found = match place {
            Place::Start => Some(0),
            Place::WordStart => {
                let text = self.folded(&self.texts[k]);
                text.char_indices()
                    .find(|&(i, x)| x == char::from(c) && starts_word(text[..i].chars().next_back()))
                    .map(|(i, _)| i)
            }
        };
        found.unwrap_or(0)
    }

    /// Per entry still alive, its best match of a long `term` with one letter wrong, missing or
    /// extra (a word of the corpus, or a word's start, within one edit of the term; words that
    /// hold the term as typed are left out: they are found as typed). Entries that already have
    /// a match (`best`) are skipped. Scored below an exact occurrence at a word's start.
    fn typos(
        &self,
        matcher: &SkimMatcherV2,
        term: &mut Term,
        alive: &[bool],
        best: &[Option<TermMatch>],
    ) -> Vec<Option<TermMatch>> {
        let mut out: Vec<Option<TermMatch>> = Vec::new();
        let raw = term.occurrences.score(matcher, &term.text, Some(' ')) / 2;
        self.vocabulary.near(&term.text, |offset, len| {
            let ti = self.texts.partition_point(|t| t.range.end < offset);
            let Some(t) = self.texts.get(ti) else { return };
            let e = t.entry as usize;
            if !alive[e] || best[e].is_some() {
                return;
            }
            if out.is_empty() {
                out = vec![None; self.entries.len()];
            }
            let score = raw * t.field.weight() / 10;
            if out[e].is_none_or(|m| score > m.score) {
                let at = offset - t.range.start;
                out[e] = Some(TermMatch { score, text: ti, at, fuzzy_end: None, len, typo: true });
            }
        });
        out
    }

    /// Per entry, whether the terms follow one another in one of its texts, in order: each at a
    /// word's start, the next one after the end of the word where the last one is, with only
    /// spaces or punctuation between (`maison de sante` in "Maisons de santé").
    fn phrases(&self, terms: &[Term], alive: &[bool]) -> Vec<bool> {
        let mut out = vec![false; self.entries.len()];
        let h = self.corpus.as_bytes();
        let word_byte = |b: u8| b.is_ascii_alphanumeric() || b >= 0x80;
        let follows = |mut i: usize| {
            for term in &terms[1..] {
                // The rest of the current word, then separators (not a text's end).
                while i < h.len() && word_byte(h[i]) {
                    i += 1;
                }
                let gap = i;
                while i < h.len() && !word_byte(h[i]) && h[i] != b'\n' {
                    i += 1;
                }
                if i == gap || !h[i..].starts_with(term.text.as_bytes()) {
                    return false;
                }
                i += term.text.len();
            }
            true
        };
        let mut ti = 0;
        for_each_occurrence(&self.corpus, &self.pairs, &terms[0].text, |at| {
            while self.texts[ti].range.end < at {
                ti += 1;
            }
            let t = &self.texts[ti];
            let e = t.entry as usize;
            let prev = if at == t.range.start { None } else { self.corpus[..at].chars().next_back() };
            if !alive[e] || out[e] || !starts_word(prev) || !follows(at + terms[0].text.len()) {
                return at + 1;
            }
            out[e] = true;
            // This entry is settled: on to the next one.
            self.texts[self.entries[e].texts.end - 1].range.end + 1
        });
        out
    }

    /// Skim's fuzzy match of a term found nowhere as is in an entry: its best field, if any
    /// reaches the term's least score.
    fn fuzzy(&self, matcher: &SkimMatcherV2, term: &Term, e: &Entry) -> Option<TermMatch> {
        if !is_subsequence(&term.text, self.entry_text(e)) {
            return None;
        }
        let mut best: Option<TermMatch> = None;
        for k in e.texts.clone() {
            let t = &self.texts[k];
            let folded = self.folded(t);
            if t.long || !is_subsequence(&term.text, folded) {
                continue;
            }
            if let Some((raw, at, end)) = fuzzy_in_words(matcher, term, folded) {
                let score = raw * t.field.weight() / 10;
                if best.is_none_or(|b| score > b.score) {
                    best = Some(TermMatch { score, text: k, at, fuzzy_end: Some(end), len: 0, typo: false });
                }
            }
        }
        best
    }

    /// A hit with its highlights: in the title, every term found there (contiguous, or the
    /// fuzzy match that scored); in the best field, its best term.
    fn hit(
        &self,
        matcher: &SkimMatcherV2,
        terms: &[Term],
        (position, score): (usize, i64),
        matches: &[Vec<Option<TermMatch>>],
        in_title: &[Vec<Option<usize>>],
        lit: &mut Vec<usize>,
    ) -> Hit {
        let e = &self.entries[position];
        let title_at = e.texts.start + TITLE;
        // Folded char indices of a term's match in a text, pushed onto `out`.
        let push = |k: usize, term: &Term, at: usize, fuzzy_end: Option<usize>, len: usize, out: &mut Vec<usize>| {
            let (t, folded) = (&self.texts[k], self.folded(&self.texts[k]));
            let start = if t.ascii { at } else { folded[..at].chars().count() };
            match fuzzy_end {
                None => out.extend(start..start + len),
                Some(end) => {
                    let idx = matcher.fuzzy_indices(&folded[at..end], &term.text).map(|x| x.1).unwrap_or_default();
                    out.extend(idx.into_iter().map(|i| start + i));
                }
            }
        };
        // Every term of a hit has a match (the others are no longer alive).
        let m = |ti: usize| matches[ti][position].expect("a hit matches every term");
        lit.clear();
        for (ti, term) in terms.iter().enumerate() {
            let tm = m(ti);
            if let Some(at) = in_title[ti][position] {
                push(title_at, term, at, None, term.chars, lit);
            } else if (tm.fuzzy_end.is_some() || tm.typo) && tm.text == title_at {
                push(title_at, term, tm.at, tm.fuzzy_end, tm.len, lit);
            }
        }
        let title_matches = self.texts[title_at].to_original(lit);
        // The best term (the first among equals).
        let best = (0..terms.len()).max_by(|&i, &j| m(i).score.cmp(&m(j).score).then(j.cmp(&i)));
        let (field, field_index, field_matches) = match best {
            Some(ti) => {
                let tm = m(ti);
                let t = &self.texts[tm.text];
                lit.clear();
                push(tm.text, &terms[ti], tm.at, tm.fuzzy_end, tm.len, lit);
                (t.field, t.index as usize, t.to_original(lit))
            }
            None => (Field::Title, 0, Vec::new()),
        };
        Hit {
            action_id: self.id(e).to_string(),
            position,
            score,
            field,
            field_index,
            title_matches,
            field_matches,
            highlighted: true,
        }
    }
}

/// How a term matched an action: its weighted score, which text, and where.
#[derive(Clone, Copy, Debug)]
struct TermMatch {
    score: i64,
    /// Index into `SearchIndex::texts`.
    text: usize,
    /// Byte offset in the folded text: of a contiguous occurrence, or of the window (the word
    /// and the separator before it) where the fuzzy match is.
    at: usize,
    /// For a fuzzy match, where its window ends.
    fuzzy_end: Option<usize>,
    /// Chars to highlight from `at` (a contiguous occurrence or a word with a typo).
    len: usize,
    /// Found only with one letter wrong, missing or extra.
    typo: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tiny_plan() -> Plan {
        let text = r#"#![enable(implicit_some)]
Plan(format: 1, title: "T", territory: "X", period: (start: "2020-01-01", end: "2025-12-31"),
  orientations: [Orientation(id: "1", title: "Éducation", actions: [
    Action(id: "A1", title: "Aide aux devoirs", description: "Une école ouverte le soir"),
    Action(id: "A2", title: "ÉCOLE numérique", tags: ["Numérique"]),
    Action(id: "A3", title: "Main d’œuvre et Æsthétique"),
  ])])"#;
        ron::Options::default().from_str(text).unwrap()
    }

    #[test]
    fn accents_and_ligatures_match_and_highlight_the_original() {
        let plan = tiny_plan();
        let idx = SearchIndex::new(&plan);
        let today = Date::ymd(2024, 1, 1);
        let hits = idx.search(&plan, &parse_query("ecole"), today);
        assert_eq!(hits.iter().map(|h| h.action_id.as_str()).collect::<Vec<_>>(), ["A2", "A1"]);
        assert_eq!(hits[0].field, Field::Title);
        assert_eq!(hits[0].title_matches, vec![0, 1, 2, 3, 4]);
        assert_eq!(hits[1].field, Field::Description);
        let d = hits[1].field_text(&plan).unwrap();
        let lit: String = hits[1].field_matches.iter().map(|&i| d.chars().nth(i).unwrap()).collect();
        assert_eq!(lit, "école");

        let hits = idx.search(&plan, &parse_query("oeuvre"), today);
        assert_eq!(hits[0].action_id, "A3");
        // "Main d’œuvre": œ is char 7 and stands for "oe".
        assert_eq!(hits[0].title_matches, vec![7, 8, 9, 10, 11]);
        assert_eq!(idx.search(&plan, &parse_query("aesth"), today)[0].action_id, "A3");
        assert_eq!(idx.search(&plan, &parse_query("d'oeuvre"), today)[0].action_id, "A3");
    }

    #[test]
    fn no_text_gives_every_action_in_plan_order() {
        let plan = tiny_plan();
        let idx = SearchIndex::new(&plan);
        let hits = idx.search(&plan, &parse_query(""), Date::ymd(2024, 1, 1));
        assert_eq!(hits.iter().map(|h| h.position).collect::<Vec<_>>(), [0, 1, 2]);
        assert!(hits.iter().all(|h| h.score == 0 && h.title_matches.is_empty()));
        let hits = idx.search(&plan, &parse_query("tag:numerique"), Date::ymd(2024, 1, 1));
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].action_id, "A2");
    }

    #[test]
    fn abbreviations_match_fuzzily_but_not_scattered_letters() {
        let plan = tiny_plan();
        let idx = SearchIndex::new(&plan);
        let today = Date::ymd(2024, 1, 1);
        let ids =
            |q: &str| idx.search(&plan, &parse_query(q), today).into_iter().map(|h| h.action_id).collect::<Vec<_>>();
        // "numriq": the letters of "numérique" with a gap, highlighted in the original title.
        assert_eq!(ids("numriq"), ["A2"]);
        let hit = &idx.search(&plan, &parse_query("numriq"), today)[0];
        assert_eq!((hit.field, hit.title_matches.clone()), (Field::Title, vec![6, 7, 8, 10, 11, 12]));
        // A short word is a word's start only: never scattered, nor inside a word.
        assert!(ids("numq").is_empty());
        assert!(ids("cole").is_empty());
        assert_eq!(ids("ecol"), ["A2", "A1"]);
        // The fuzzy match starts where a word does.
        assert!(ids("umriq").is_empty());
        // Letters are not looked for across words.
        assert!(ids("ecnum").is_empty());
        // The letters of "devoirs" are all in "Une école ouverte le soir", but scattered.
        assert_eq!(ids("devoirs"), ["A1"]);
        assert_eq!(idx.search(&plan, &parse_query("devoirs"), today)[0].field, Field::Title);
    }

    #[test]
    fn an_exact_id_comes_first() {
        let plan = tiny_plan();
        let idx = SearchIndex::new(&plan);
        let hits = idx.search(&plan, &parse_query("a3"), Date::ymd(2024, 1, 1));
        assert_eq!(hits[0].action_id, "A3");
        assert_eq!(hits[0].field, Field::Id);
    }
}
