//! The search's own user-facing strings (French and English), beside those in `i18n`.

use crate::i18n::Lang;

/// Every filter, in the interface language, as typed.
pub fn filter_list(l: Lang) -> &'static str {
    tr!(
        l,
        "statut:… pilote:… tag:… orientation:… referent:… est:retard est:derriere est:moi",
        "status:… pilot:… tag:… orientation:… referent:… is:late is:behind is:mine"
    )
}

/// An unknown `name:value` word, and the filters that exist.
pub fn unknown_filter(l: Lang, word: &str) -> String {
    let list = filter_list(l);
    tr!(
        l,
        format!("filtre inconnu « {word} » ; filtres : {list} ; entre guillemets, c'est du texte"),
        format!("unknown filter \"{word}\"; filters: {list}; quoted, it is text")
    )
}

/// The `est:moi` filter in words.
pub fn mine(l: Lang) -> &'static str {
    tr!(l, "mes actions (pilote ou référent)", "my actions (pilot or referent)")
}

/// Shown while the index of a large plan is being built (keys are still taken).
pub fn indexing(l: Lang) -> &'static str {
    tr!(l, "indexation du plan…", "indexing the plan…")
}
