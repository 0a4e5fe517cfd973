//! Every user-facing string, in French (the default) and English, one file per layer:
//! `plan` (the domain's words and errors), `store` (files and the journal), `search`, `cli` (the
//! headless commands), `tui` (the interface); the words they share are here.
//!
//! Nothing here reads a language from anywhere: every function takes the language it speaks
//! (`l: Lang`), and the domain's errors implement `Localized`. The mechanism (`Lang`, `T`, `tr!`)
//! is the leaf module `lang`.

mod cli;
mod plan;
mod search;
mod store;
mod tui;

pub use cli::*;
pub use plan::*;
pub use search::*;
pub use store::*;
pub use tui::*;

use crate::plan::model::Status;

pub use crate::lang::{InLang, Lang, Localized, T, detect_lang, lang_of_locale};

t! {
    ERROR = "erreur" / "error";
    WARNING = "avertissement" / "warning";
    EXPECTED = "attendu" / "expected";
    NOT_STARTED = "Non démarrée" / "Not started";
    IN_PROGRESS = "En cours" / "In progress";
    DONE = "Réalisée" / "Done";
    ABANDONED = "Abandonnée" / "Abandoned";
    LATE = "en retard" / "late";
    LATE_SHORT = "retard" / "late";
    ON_TRACK = "dans la trajectoire" / "on track";
    BEHIND = "en retard sur la cible" / "behind target";
    DESCRIPTION = "Description" / "Description";
    STATUS = "Statut" / "Status";
    PILOTS = "Pilotes" / "Pilots";
    PARTNERS = "Partenaires" / "Partners";
    REFERENTS = "Référents" / "Referents";
    START = "Début" / "Start";
    DUE = "Échéance" / "Due";
    TAGS = "Étiquettes" / "Tags";
    MILESTONES = "Calendrier" / "Milestones";
    BUDGET = "Budget" / "Budget";
    PLANNED = "prévu" / "planned";
    COMMITTED = "engagé" / "committed";
    SPENT = "dépensé" / "spent";
    FUNDERS = "Financeurs" / "Funders";
    INDICATORS = "Indicateurs" / "Indicators";
    BASELINE = "valeur initiale" / "baseline";
    TARGETS = "cibles" / "targets";
    LATEST = "dernière mesure" / "latest";
    NO_MEASURE = "aucune mesure" / "no measurement";
    SOURCE = "source" / "source";
    HISTORY = "Historique" / "History";
    NO_HISTORY = "Aucun changement depuis l'adoption du plan." / "No change since the plan was adopted.";
    UNDONE = "annulé" / "undone";
    NOT_APPLIED = "non appliqué" / "not applied";
    SUB_ACTIONS = "Sous-actions" / "Sub-actions";
    ORIENTATION = "Orientation" / "Orientation";
    SUMMARY = "Résumé" / "Summary";
    ACTIONS = "Actions" / "Actions";
    YES = "oui" / "yes";
    NO = "non" / "no";
    PERIOD = "Période" / "Period";
    ADOPTED = "adopté le" / "adopted";
    TODAY = "aujourd'hui" / "today";
    ORIENTATIONS = "orientations" / "orientations";
    ACTIONS_LC = "actions" / "actions";
    INDICATORS_LC = "indicateurs" / "indicators";
    JOURNAL_LINES = "lignes de journal" / "journal lines";
    OPEN_MEETING = "réunion ouverte" / "open meeting";
    NONE = "aucune" / "none";
    VALID = "plan valide" / "valid plan";
    WARNINGS = "avertissements" / "warnings";
    DONE_MARK = "fait" / "done";
    TODO_MARK = "à faire" / "to do";
    MEETING = "réunion" / "meeting";
}

/// A date as people of the language write it: 23/11/2026, 2026-11-23.
pub fn date_text(l: Lang, d: crate::plan::model::Date) -> String {
    match l {
        Lang::Fr => d.0.format("%d/%m/%Y").to_string(),
        Lang::En => d.to_string(),
    }
}

/// A value as shown: numbers with a French decimal comma, yes/no, texts as they are.
pub fn value_text(l: Lang, v: &crate::plan::model::Value) -> String {
    use crate::plan::model::Value as V;
    match v {
        V::Number(n) => number(l, *n),
        V::Bool(b) => if *b { YES.get(l) } else { NO.get(l) }.to_string(),
        V::Text(t) => t.clone(),
    }
}

/// `part` as a share of `whole`, to a tenth: « 64,5 % » / "64.5%"; a dash when `whole` is 0.
pub fn percent(l: Lang, part: u64, whole: u64) -> String {
    if whole == 0 {
        return "—".to_string();
    }
    let p = (part as f64 * 1000.0 / whole as f64).round() / 10.0;
    tr!(l, format!("{} %", number(l, p)), format!("{}%", number(l, p)))
}

pub fn number(l: Lang, n: f64) -> String {
    let s = if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n:.2}").trim_end_matches('0').trim_end_matches('.').to_string()
    };
    match l {
        Lang::Fr => s.replace('.', ","),
        Lang::En => s,
    }
}

/// Euros with thousands grouped: "442 998 €" / "€442,998".
pub fn euros(l: Lang, n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    let sep = tr!(l, ' ', ',');
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    tr!(l, format!("{out} €"), format!("€{out}"))
}

/// A label before its value: « Pilotes : » in French (a space before the colon), "Pilots:" in English.
pub fn label(l: Lang, name: &str) -> String {
    tr!(l, format!("{name} : "), format!("{name}: "))
}
