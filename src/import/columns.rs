//! The import template: its sheets and columns, with their French and English headers, the other
//! names accepted on import, and the example row the template carries. One table drives the
//! reader (header matching), the template writers and the documentation (`docs/import.md`).

use crate::search::fold;

/// The sheets of the template (CSV: one file per sheet).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SheetKind {
    Plan,
    People,
    Actions,
    Indicators,
    Measurements,
    Budgets,
}

impl SheetKind {
    /// In the order the template writes them.
    pub const ALL: [SheetKind; 6] = [
        SheetKind::Actions,
        SheetKind::Indicators,
        SheetKind::Measurements,
        SheetKind::Budgets,
        SheetKind::People,
        SheetKind::Plan,
    ];

    /// (French, English) name of the sheet, as the template writes it.
    pub fn names(self) -> (&'static str, &'static str) {
        match self {
            SheetKind::Plan => ("Plan", "Plan"),
            SheetKind::People => ("Personnes", "People"),
            SheetKind::Actions => ("Actions", "Actions"),
            SheetKind::Indicators => ("Indicateurs", "Indicators"),
            SheetKind::Measurements => ("Mesures", "Measurements"),
            SheetKind::Budgets => ("Budgets", "Budgets"),
        }
    }

    /// The sheet a name designates (case, accents, spaces ignored), if any.
    pub fn from_name(name: &str) -> Option<SheetKind> {
        let n = squash(name);
        Some(match n.as_str() {
            "plan" | "general" | "informations" => SheetKind::Plan,
            "personnes" | "people" | "persons" | "contacts" => SheetKind::People,
            "actions" | "fiches" | "fichesactions" | "action" => SheetKind::Actions,
            "indicateurs" | "indicators" | "indicateur" | "indicator" => SheetKind::Indicators,
            "mesures" | "mesure" | "measurements" | "measurement" | "releves" => SheetKind::Measurements,
            "budgets" | "budget" | "financements" | "funding" => SheetKind::Budgets,
            _ => return None,
        })
    }

    pub fn columns(self) -> &'static [Column] {
        match self {
            SheetKind::Plan => PLAN,
            SheetKind::People => PEOPLE,
            SheetKind::Actions => ACTIONS,
            SheetKind::Indicators => INDICATORS,
            SheetKind::Measurements => MEASUREMENTS,
            SheetKind::Budgets => BUDGETS,
        }
    }
}

/// What a column holds (the reader's key).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Key {
    // Plan
    PlanTitle,
    ShortTitle,
    Territory,
    Adopted,
    PeriodStart,
    PeriodEnd,
    // People
    PersonId,
    PersonName,
    PersonOrg,
    PersonRole,
    PersonLogin,
    // Actions
    Orientation,
    OrientationTitle,
    OrientationSummary,
    Action,
    Parent,
    Title,
    Description,
    Pilots,
    Partners,
    Referents,
    Start,
    Due,
    Status,
    Tags,
    // Indicators (and Action, shared by the budgets)
    Indicator,
    Name,
    Unit,
    Direction,
    BaselineDate,
    BaselineValue,
    /// The n-th target (from 1): its date.
    TargetDate(u8),
    /// The n-th target: its value.
    TargetValue(u8),
    Source,
    // Measurements
    MeasureDate,
    MeasureValue,
    // Budgets
    Planned,
    Committed,
    Spent,
    Funders,
    Note,
}

/// A column of a sheet.
#[derive(Debug)]
pub struct Column {
    pub key: Key,
    pub fr: &'static str,
    pub en: &'static str,
    /// Other headers accepted on import (compared folded: case, accents, punctuation ignored).
    pub aliases: &'static [&'static str],
    /// Must be present in the sheet's header row.
    pub required: bool,
    /// The template's example row.
    pub example: &'static str,
    /// What the column holds, for the documentation.
    pub doc: &'static str,
}

const fn col(key: Key, fr: &'static str, en: &'static str, aliases: &'static [&'static str]) -> Column {
    Column { key, fr, en, aliases, required: false, example: "", doc: "" }
}

macro_rules! columns {
    ($name:ident: $( ($key:expr, $fr:literal, $en:literal, [$($alias:literal),*], $req:literal, $ex:literal, $doc:literal) ),* $(,)?) => {
        pub const $name: &[Column] = &[ $( Column { required: $req, example: $ex, doc: $doc, ..col($key, $fr, $en, &[$($alias),*]) } ),* ];
    };
}

columns!(PLAN:
    (Key::PlanTitle, "Titre", "Title", ["intitule", "titre du plan", "plan title"], false,
        "Schéma départemental d'amélioration de l'accessibilité des services au public",
        "the plan's full title (default: the file's name)"),
    (Key::ShortTitle, "Titre court", "Short title", ["sigle", "short name"], false, "SDAASP Exemple",
        "shown in headers and on the projected screen"),
    (Key::Territory, "Territoire", "Territory", ["departement", "department"], false, "Exemple",
        "the département or territory"),
    (Key::Adopted, "Adopté le", "Adopted", ["adoption", "date d'adoption", "adopted on"], false, "20/12/2017",
        "date the plan was adopted"),
    (Key::PeriodStart, "Début", "Start", ["debut de la periode", "period start", "date de debut"], false, "01/01/2018",
        "start of the plan's period (default: the earliest action date)"),
    (Key::PeriodEnd, "Fin", "End", ["fin de la periode", "period end", "date de fin"], false, "31/12/2023",
        "end of the plan's period (default: the latest action date)"),
);

columns!(PEOPLE:
    (Key::PersonId, "Identifiant", "Id", ["id", "code"], false, "mlegrand",
        "unique id used in pilots and referents (default: made from the name)"),
    (Key::PersonName, "Nom", "Name", ["nom prenom", "prenom nom", "full name"], true, "Marie Legrand",
        "the person's name (or an organisation's)"),
    (Key::PersonOrg, "Organisation", "Organisation", ["organisme", "structure", "organization", "org"], false,
        "Préfecture", "their organisation (minutes group attendance by it)"),
    (Key::PersonRole, "Rôle", "Role", ["fonction", "role"], false, "Cellule technique", "their role"),
    (Key::PersonLogin, "Login", "Login", ["compte", "identifiant systeme", "account"], false, "mlegrand",
        "the system account that maps to this person when they edit"),
);

columns!(ACTIONS:
    (Key::Orientation, "Orientation", "Orientation", ["axe", "id orientation", "orientation id", "n orientation", "numero orientation"], true,
        "1", "the orientation's (axis') id; may be left empty on a sub-action's row"),
    (Key::OrientationTitle, "Titre de l'orientation", "Orientation title", ["intitule de l'orientation", "titre orientation", "intitule orientation", "titre de l'axe", "axis title"], false,
        "Améliorer l'offre d'accès physique aux services publics", "the orientation's title: on at least one of its rows"),
    (Key::OrientationSummary, "Résumé de l'orientation", "Orientation summary", ["resume orientation", "axis summary"], false,
        "", "optional summary of the orientation: on at most one distinct value per orientation"),
    (Key::Action, "Action", "Action", ["id", "id action", "action id", "n action", "numero action", "fiche", "ref", "reference"], true,
        "1-1", "the action's id, unique in the whole plan (sub-actions included)"),
    (Key::Parent, "Action parente", "Parent action", ["parent", "sous action de", "sub action of"], false,
        "", "for a sub-action: the id of the action it belongs to (any depth)"),
    (Key::Title, "Titre", "Title", ["intitule", "libelle", "titre de l'action", "action title", "intitule de l'action"], true,
        "Développer un maillage territorial d'espaces d'accueil", "the action's title"),
    (Key::Description, "Description", "Description", ["descriptif", "contenu", "objectifs"], false,
        "Ouvrir des espaces France services là où il en manque.", "free text, may span lines"),
    (Key::Pilots, "Pilotes", "Pilots", ["pilote", "pilot", "porteur", "porteurs"], false, "CAF ; CPAM",
        "pilots, separated by `;` or line breaks: each is gathered into the plan's people"),
    (Key::Partners, "Partenaires", "Partners", ["partenaire", "partner"], false, "La Poste",
        "partners, separated by `;` or line breaks (kept as written)"),
    (Key::Referents, "Référents", "Referents", ["referent", "referent"], false, "Marie Legrand",
        "people expected to keep the action up to date, separated by `;`: each is gathered into the plan's people"),
    (Key::Start, "Début", "Start", ["date de debut", "start date", "debut"], false, "01/01/2018", "start date"),
    (Key::Due, "Échéance", "Due", ["fin", "date d'echeance", "date de fin", "due date", "end", "end date", "deadline"], false,
        "31/12/2019", "due date: an action past it and not done is late"),
    (Key::Status, "Statut", "Status", ["etat", "avancement", "state"], false, "en cours",
        "non démarrée, en cours, réalisée, abandonnée (or not started, in progress, done, abandoned); empty: not started"),
    (Key::Tags, "Étiquettes", "Tags", ["etiquette", "mots cles", "mot cle", "themes", "theme", "tag", "keywords"], false,
        "Physique ; Mutualisation", "free labels, separated by `;`"),
);

columns!(INDICATORS:
    (Key::Action, "Action", "Action", ["id action", "action id", "fiche"], true, "1-1", "the id of the action measured"),
    (Key::Indicator, "Indicateur", "Indicator", ["id", "id indicateur", "indicator id", "code"], false, "msap",
        "id, unique within the action (default: made from the name)"),
    (Key::Name, "Nom", "Name", ["intitule", "libelle", "nom de l'indicateur", "indicator name"], true,
        "Nombre d'espaces France services", "what is measured"),
    (Key::Unit, "Unité", "Unit", ["unite"], false, "espaces", "unit of its values"),
    (Key::Direction, "Sens", "Direction", ["sens d'evolution", "tendance"], false, "hausse",
        "which way is better: hausse / increase (default) or baisse / decrease"),
    (Key::BaselineDate, "Date de référence", "Baseline date", ["date initiale", "date de la valeur initiale"], false,
        "31/07/2016", "date of the baseline value"),
    (Key::BaselineValue, "Valeur de référence", "Baseline value", ["valeur initiale", "baseline", "reference"], false, "2",
        "the baseline: a number, oui/non, or a text"),
    (Key::TargetDate(1), "Date cible 1", "Target date 1", ["date cible", "target date", "echeance cible"], false, "31/12/2022",
        "date of the first target; more targets in `Date cible 2`, `Valeur cible 2`… (any number)"),
    (Key::TargetValue(1), "Valeur cible 1", "Target value 1", ["valeur cible", "cible", "target value", "target"], false, "20",
        "value of the first target, of the same kind as the baseline"),
    (Key::Source, "Source", "Source", ["source des donnees", "data source"], false, "Rapport d'activité",
        "where the figures come from"),
);

columns!(MEASUREMENTS:
    (Key::Action, "Action", "Action", ["id action", "action id", "fiche"], true, "1-1", "the id of the action"),
    (Key::Indicator, "Indicateur", "Indicator", ["id indicateur", "indicator id", "nom de l'indicateur", "indicator name"], true, "msap",
        "the indicator measured: its id or its name"),
    (Key::MeasureDate, "Date", "Date", ["date de mesure", "date de la mesure", "measured on", "au"], true, "31/12/2019",
        "the date the value is for"),
    (Key::MeasureValue, "Valeur", "Value", ["valeur mesuree", "mesure", "measured value", "measure"], true, "17",
        "the value, of the indicator's kind (number, oui/non or text)"),
    (Key::Note, "Note", "Note", ["commentaire", "remarque", "comment", "source"], false, "source : CDC", "a note on the value"),
);

columns!(BUDGETS:
    (Key::Action, "Action", "Action", ["id action", "action id", "fiche"], true, "1-1", "the id of the action funded"),
    (Key::Planned, "Prévu", "Planned", ["budget prevu", "montant prevu", "budget", "montant", "planned amount"], true, "442998",
        "amount planned, in whole euros (`442 998 €` is read too)"),
    (Key::Committed, "Engagé", "Committed", ["montant engage", "committed amount"], false, "400000", "amount committed"),
    (Key::Spent, "Dépensé", "Spent", ["montant depense", "mandate", "paye", "spent amount"], false, "120000", "amount spent"),
    (Key::Funders, "Financeurs", "Funders", ["financeur", "funder", "cofinanceurs"], false,
        "État : 221499 ; Département : 221499", "`funder: amount` pairs separated by `;`"),
    (Key::Note, "Note", "Note", ["commentaire", "remarque", "comment"], false, "Convention initiale", "a note on the budget"),
);

/// Folds a header or a name: lowercase, no accents, every run of other characters one space.
pub fn squash_words(s: &str) -> String {
    let folded = fold(s.trim());
    let mut out = String::with_capacity(folded.len());
    let mut space = false;
    for c in folded.chars() {
        if c.is_alphanumeric() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        } else {
            space = true;
        }
    }
    out
}

/// Folds and drops everything but letters and digits.
fn squash(s: &str) -> String {
    squash_words(s).replace(' ', "")
}

/// The column a header designates in a sheet of this kind. Numbered target headers (`Date cible
/// 3`, `Target 2 value`) give `TargetDate(n)` / `TargetValue(n)`.
pub fn match_header(kind: SheetKind, header: &str) -> Option<Key> {
    let h = squash_words(header);
    if h.is_empty() {
        return None;
    }
    let same = |name: &str| squash_words(name) == h;
    if let Some(c) = kind.columns().iter().find(|c| same(c.fr) || same(c.en) || c.aliases.iter().any(|a| same(a))) {
        return Some(c.key);
    }
    if kind == SheetKind::Indicators {
        // A number anywhere in the header: the target's rank.
        let digits: String = h.chars().filter(char::is_ascii_digit).collect();
        let rest: String =
            h.split(' ').filter(|w| !w.chars().all(|c| c.is_ascii_digit())).collect::<Vec<_>>().join(" ");
        if let Ok(n) = digits.parse::<u8>()
            && n >= 1
        {
            let dates = ["date cible", "target date", "date de la cible", "cible date", "target"];
            let values = ["valeur cible", "target value", "cible", "cible valeur", "valeur de la cible"];
            if dates.iter().any(|d| squash_words(d) == rest) && rest.contains("date") {
                return Some(Key::TargetDate(n));
            }
            if values.iter().any(|v| squash_words(v) == rest) || rest == "target" {
                return Some(Key::TargetValue(n));
            }
        }
    }
    None
}

/// The header the template writes for a key, in French or English.
pub fn header(kind: SheetKind, key: Key, english: bool) -> String {
    match key {
        Key::TargetDate(n) if n > 1 => {
            if english {
                format!("Target date {n}")
            } else {
                format!("Date cible {n}")
            }
        }
        Key::TargetValue(n) if n > 1 => {
            if english {
                format!("Target value {n}")
            } else {
                format!("Valeur cible {n}")
            }
        }
        _ => {
            let c = kind.columns().iter().find(|c| c.key == key).expect("a column of the sheet");
            (if english { c.en } else { c.fr }).to_string()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_match_in_either_language_whatever_the_case_and_accents() {
        use SheetKind::*;
        assert_eq!(match_header(Actions, "ÉCHÉANCE"), Some(Key::Due));
        assert_eq!(match_header(Actions, "echeance"), Some(Key::Due));
        assert_eq!(match_header(Actions, " Due date "), Some(Key::Due));
        assert_eq!(match_header(Actions, "Référents"), Some(Key::Referents));
        assert_eq!(match_header(Actions, "Titre de l’orientation"), Some(Key::OrientationTitle));
        assert_eq!(match_header(Actions, "statut"), Some(Key::Status));
        assert_eq!(match_header(Actions, "couleur"), None);
        assert_eq!(match_header(Indicators, "Date cible 3"), Some(Key::TargetDate(3)));
        assert_eq!(match_header(Indicators, "valeur cible 2"), Some(Key::TargetValue(2)));
        assert_eq!(match_header(Indicators, "Target value 4"), Some(Key::TargetValue(4)));
        assert_eq!(match_header(Indicators, "Target 2 date"), Some(Key::TargetDate(2)));
        assert_eq!(match_header(Indicators, "Valeur cible"), Some(Key::TargetValue(1)));
        assert_eq!(match_header(Budgets, "Prévu"), Some(Key::Planned));
        assert_eq!(SheetKind::from_name("INDICATEURS"), Some(Indicators));
        assert_eq!(SheetKind::from_name("Feuil1"), None);
    }

    #[test]
    fn every_template_header_reads_back_as_its_own_column() {
        for kind in SheetKind::ALL {
            for c in kind.columns() {
                for english in [false, true] {
                    let h = header(kind, c.key, english);
                    assert_eq!(match_header(kind, &h), Some(c.key), "{kind:?} {h}");
                }
            }
        }
    }
}
