//! The words of the headless commands: `check`, `verify`, the settings files.

use super::*;

pub fn counts_summary(l: Lang, o: usize, a: usize, i: usize, j: usize) -> String {
    format!(
        "{o} {}, {a} {}, {i} {}, {j} {}",
        ORIENTATIONS.get(l),
        ACTIONS_LC.get(l),
        INDICATORS_LC.get(l),
        JOURNAL_LINES.get(l)
    )
}

/// `copil check`: the plan declares who may change what.
pub fn rights_declared(l: Lang, cell: &str) -> String {
    tr!(
        l,
        format!(
            "Droits : déclarés ; cellule technique : {cell} (pilotes et référents sur leurs actions, les autres personnes commentent, les comptes non déclarés lisent)"
        ),
        format!(
            "Rights: declared; technical cell: {cell} (pilots and referents on their actions, other people comment, undeclared accounts read)"
        )
    )
}

/// `copil check`: the plan declares no rights.
pub fn rights_undeclared(l: Lang) -> String {
    tr!(l,
        "Droits : non déclarés : toute personne qui peut écrire le journal peut tout modifier (section `rights` du plan)",
        "Rights: not declared: anyone who can write the journal may change anything (the plan's `rights` section)"
    )
    .into()
}

/// `copil verify`: the chain holds.
pub fn chain_intact(l: Lang, lines: usize, unchained: usize, head: Option<&str>) -> String {
    let head = head.unwrap_or("—");
    tr!(
        l,
        format!("chaîne du journal intacte : {lines} lignes, dont {unchained} écrites avant la chaîne ; tête {head}"),
        format!("journal chain intact: {lines} lines, {unchained} of them written before the chain; head {head}")
    )
}

/// `copil verify --minutes`: the file has no empreinte.
pub fn minutes_without_empreinte(l: Lang, file: &str) -> String {
    tr!(
        l,
        format!(
            "{file} ne porte pas d'empreinte du journal (relevé d'une réunion non close, ou écrit avant les empreintes)"
        ),
        format!(
            "{file} carries no journal fingerprint (minutes of a meeting not closed, or written before fingerprints)"
        )
    )
}

/// `copil verify --minutes`: they match.
pub fn minutes_match(l: Lang, meeting: &str, line: usize) -> String {
    tr!(
        l,
        format!("le relevé correspond au journal : clôture de la réunion {meeting} (ligne {line})"),
        format!("the minutes match the journal: closing of meeting {meeting} (line {line})")
    )
}

/// `copil verify --minutes`: they do not.
pub fn minutes_mismatch(l: Lang, file: &str, printed: &str) -> String {
    tr!(
        l,
        format!(
            "l'empreinte de {file} ({printed}) ne correspond à la clôture d'aucune réunion du journal : le relevé ou le journal a été modifié"
        ),
        format!(
            "the fingerprint of {file} ({printed}) matches no meeting's closing in the journal: the minutes or the journal were changed"
        )
    )
}

/// `copil check`: a line dated well before the line above it.
pub fn backdated(l: Lang, line: usize, at: &str, above: usize, above_at: &str) -> String {
    tr!(
        l,
        format!(
            "ligne {line} datée du {at}, plus de 5 minutes avant la ligne {above} ({above_at}) : horloge fausse ou ligne antidatée"
        ),
        format!(
            "line {line} is dated {at}, over 5 minutes before line {above} ({above_at}): a wrong clock or a backdated line"
        )
    )
}

pub fn bad_theme(l: Lang, file: &str, name: &str) -> String {
    tr!(
        l,
        format!("erreur : {file} : thème inconnu « {name} » : attendu default, light, high-contrast ou monochrome"),
        format!("error: {file}: unknown theme \"{name}\": expected default, light, high-contrast or monochrome")
    )
}

/// A settings file (keymap, config) that does not parse: « erreur : FILE:LINE:COL : what ».
pub fn settings_error(l: Lang, file: &str, e: &ron::error::SpannedError) -> String {
    format!(
        "{}{}{}",
        label(l, ERROR.get(l)),
        label(l, &format!("{file}:{}:{}", e.span.start.line, e.span.start.col)),
        ron_error(l, &e.code)
    )
}
