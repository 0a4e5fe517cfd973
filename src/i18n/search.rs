//! The search's words: field names, the active-filter line, result counts.

use super::*;

t! {
    SEARCH_FIELD_ID = "identifiant" / "id";
    SEARCH_FIELD_TITLE = "titre" / "title";
    SEARCH_FIELD_DESCRIPTION = "description" / "description";
    SEARCH_FIELD_PILOT = "pilote" / "pilot";
    SEARCH_FIELD_PARTNER = "partenaire" / "partner";
    SEARCH_FIELD_TAG = "étiquette" / "tag";
    SEARCH_FIELD_SECTION = "section" / "section";
    SEARCH_FIELD_INDICATOR = "indicateur" / "indicator";
    SEARCH_LATE = "en retard" / "late";
    SEARCH_BEHIND = "un indicateur en retard sur la cible" / "an indicator behind target";
    SEARCH_WORD_LATE = "est:retard" / "is:late";
    SEARCH_WORD_BEHIND = "est:derriere" / "is:behind";
    SEARCH_WORD_STATUS = "statut" / "status";
    SEARCH_TITLE = "Recherche" / "Search";
    HELP_IN_SEARCH = "Dans la recherche" / "In the search line";
    SEARCH_KEYS_GO = "aller" / "go";
    SEARCH_KEYS_BACK = "revenir" / "back";
    SEARCH_KEYS_STATUS = "statut" / "status";
    SEARCH_KEYS_LATE = "retard" / "late";
    SEARCH_KEYS_BEHIND = "derrière la cible" / "behind target";
    KEY_SEARCH = "chercher" / "search";
    KEY_CLEAR_FILTER = "effacer le filtre" / "clear the filter";
    CMD_SEARCH = "Chercher une action (texte, statut:, pilote:, tag:, retard…)" / "Search actions (text, status:, pilot:, tag:, late…)";
    CMD_CLEAR_FILTER = "Effacer le filtre de l'arbre" / "Clear the tree's filter";
    CMD_TOGGLE_LATE = "Filtre « en retard » oui/non" / "Filter \"late\" on/off";
    CMD_TOGGLE_BEHIND = "Filtre « indicateur derrière la cible » oui/non" / "Filter \"indicator behind target\" on/off";
    CMD_CYCLE_STATUS = "Filtre de statut : statut suivant" / "Status filter: next status";
    SEARCH_HINT = "statut:encours pilote:caf tag:numerique orientation:2 referent:… est:retard est:derriere est:moi" / "status:in-progress pilot:caf tag:digital orientation:2 referent:… is:late is:behind is:mine";
}

/// The tree's title while a filter is on.
pub fn filtered_tree(l: Lang, n: usize) -> String {
    tr!(l, format!("filtre : {n} action(s)"), format!("filter: {n} action(s)"))
}

/// Values of one filter, quoted and joined: « a » ou « b » / "a" or "b".
fn search_quoted(l: Lang, values: &[String]) -> String {
    let quoted: Vec<String> = values.iter().map(|v| tr!(l, format!("« {v} »"), format!("\"{v}\""))).collect();
    quoted.join(tr!(l, " ou ", " or "))
}

pub fn search_filter_status(l: Lang, labels: &[&str]) -> String {
    let or = labels.join(tr!(l, " ou ", " or "));
    tr!(l, format!("statut : {or}"), format!("status: {or}"))
}

pub fn search_filter_pilot(l: Lang, values: &[String]) -> String {
    let v = search_quoted(l, values);
    tr!(l, format!("pilote ou partenaire : {v}"), format!("pilot or partner: {v}"))
}

pub fn search_filter_tag(l: Lang, values: &[String]) -> String {
    let v = search_quoted(l, values);
    tr!(l, format!("étiquette : {v}"), format!("tag: {v}"))
}

pub fn search_filter_orientation(l: Lang, values: &[String]) -> String {
    let v = search_quoted(l, values);
    tr!(l, format!("orientation : {v}"), format!("orientation: {v}"))
}

pub fn search_filter_referent(l: Lang, values: &[String]) -> String {
    let v = search_quoted(l, values);
    tr!(l, format!("référent : {v}"), format!("referent: {v}"))
}

pub fn search_unknown_status(l: Lang, s: &str) -> String {
    tr!(
        l,
        format!("statut inconnu « {s} » : attendu nondemarree, encours, realisee ou abandonnee"),
        format!("unknown status \"{s}\": expected not-started, in-progress, done or abandoned")
    )
}

/// The active-filter line: "Filtres : statut : En cours · en retard".
pub fn search_filters(l: Lang, parts: &[String]) -> String {
    let all = parts.join(" · ");
    tr!(l, format!("Filtres : {all}"), format!("Filters: {all}"))
}

pub fn search_count(l: Lang, n: usize, total: usize) -> String {
    match n {
        0 => tr!(l, "aucune action ne correspond".to_string(), "no action matches".to_string()),
        1 => tr!(l, format!("1 action sur {total}"), format!("1 of {total} actions")),
        n => tr!(l, format!("{n} actions sur {total}"), format!("{n} of {total} actions")),
    }
}
