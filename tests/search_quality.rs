//! The search's quality set: queries reviewers actually type over the bundled plans (partner
//! names, themes, acronyms, typos, phrases), each with the action it must rank first. A ranking
//! change that moves one of these fails here, so it is made on purpose (update the expectation
//! with the reason) or not at all.

use std::path::Path;

use copil::lang::Lang;
use copil::plan::model::{Date, Plan};
use copil::search::{SearchIndex, parse_query};
use copil::store::load::load;

fn plan(name: &str) -> Plan {
    let path = Path::new("plans").join(format!("{name}.ron"));
    load(Lang::Fr, &path).unwrap_or_else(|d| panic!("{d}")).state.plan
}

const TODAY: Date = Date(chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap());

/// (plan, query, what kind of query, the action expected first). Why each is right: the title
/// (or, for CARSAT, the partners; for IAE, the only description naming "structures IAE") says
/// it; typos are one letter off the title's word.
const SET: &[(&str, &str, &str, &str)] = &[
    ("bouches-du-rhone", "maison de services au public", "phrase", "1-1-2"),
    ("bouches-du-rhone", "zones blanches", "theme", "2-1-1"),
    ("bouches-du-rhone", "violences conjugales", "theme", "4-2-3"),
    ("bouches-du-rhone", "violances conjugales", "typo", "4-2-3"),
    ("bouches-du-rhone", "renoncement aux soins", "phrase", "3-1-4"),
    ("bouches-du-rhone", "renoncment", "typo", "3-1-4"),
    ("bouches-du-rhone", "PPNG", "acronym", "1-2-2"),
    ("bouches-du-rhone", "france mobile", "phrase", "2-2-2"),
    ("bouches-du-rhone", "presence postale", "theme", "1-1-4"),
    ("bouches-du-rhone", "enfance et famille", "phrase", "3-2-2"),
    ("bouches-du-rhone", "parentalité", "theme", "3-2-3"),
    ("bouches-du-rhone", "IAE", "acronym", "4-2-2"),
    ("charente", "intermediation numerique", "theme", "Spup09"),
    ("charente", "permis de conduire", "phrase", "Spup09"),
    ("charente", "crises agricoles", "theme", "Spup10"),
    ("charente", "insersion", "typo", "Spup11"),
    ("charente", "CARSAT", "partner", "Spup05"),
    ("charente", "la poste", "partner", "Spup01"),
    ("alpes-de-haute-provence", "departements frontaliers", "theme", "1-A-1-R5"),
    ("alpes-de-haute-provence", "handicap", "theme", "1-A-2"),
    ("alpes-de-haute-provence", "referentiel metier", "theme", "3-A-2"),
    ("alpes-de-haute-provence", "CCAS", "acronym", "3-B"),
    ("alpes-de-haute-provence", "mairies", "theme", "3-B-1"),
    ("pas-de-calais", "wikisol", "name", "3-3"),
    ("pas-de-calais", "decrochage scolaire", "theme", "5-2"),
    ("pas-de-calais", "bourgs centres", "theme", "7-1"),
    ("pas-de-calais", "telephnie", "typo", "1-1"),
    ("pas-de-calais", "bibliotheque numerique", "phrase", "6-2"),
    ("pas-de-calais", "ARS", "partner", "4-1-1"),
];

#[test]
fn every_reviewer_query_ranks_its_action_first() {
    let mut failures = Vec::new();
    let mut last: Option<(&str, Plan, SearchIndex)> = None;
    for &(name, query, kind, expected) in SET {
        if last.as_ref().is_none_or(|(n, _, _)| *n != name) {
            let p = plan(name);
            let idx = SearchIndex::new(&p);
            last = Some((name, p, idx));
        }
        let (_, p, idx) = last.as_ref().unwrap();
        let hits = idx.search(p, &parse_query(query), TODAY);
        let got: Vec<String> = hits.iter().take(5).map(|h| format!("{} ({})", h.action_id, h.score)).collect();
        if hits.first().map(|h| h.action_id.as_str()) != Some(expected) {
            failures.push(format!("{name}: {kind} \"{query}\": expected {expected} first, got {got:?}"));
        }
    }
    assert!(SET.len() >= 20);
    assert!(failures.is_empty(), "{} of {} queries:\n{}", failures.len(), SET.len(), failures.join("\n"));
}
