//! The domain's words: statuses, presences, the plan file's problems, the journal's warnings,
//! what a change did, why an edit cannot be made. The domain's types are said here, beside each
//! other, so that `plan/` stays free of the interface's strings: `Localized` for the domain's
//! errors (`problem.text(l)`), plain functions for the rest.

use super::*;

pub fn status_label(l: Lang, s: Status) -> &'static str {
    match s {
        Status::NotStarted => NOT_STARTED.get(l),
        Status::InProgress => IN_PROGRESS.get(l),
        Status::Done => DONE.get(l),
        Status::Abandoned => ABANDONED.get(l),
    }
}

/// Renders a list of expected names: `a, b or c` / `a, b ou c`.
fn one_of(l: Lang, names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    match quoted.len() {
        0 => String::new(),
        1 => quoted[0].clone(),
        n => format!("{} {} {}", quoted[..n - 1].join(", "), tr!(l, "ou", "or"), quoted[n - 1]),
    }
}

/// A RON parse error in plain words.
pub fn ron_error(l: Lang, e: &ron::Error) -> String {
    use ron::Error as E;
    match e {
        E::Message(m) => m.clone(),
        E::Eof => tr!(
            l,
            "fin de fichier inattendue : une parenthèse, un crochet ou un guillemet n'est pas fermé",
            "unexpected end of file: a parenthesis, bracket or quote is not closed"
        )
        .into(),
        E::ExpectedArray => tr!(l, "attendu une liste `[ … ]`", "expected a list `[ … ]`").into(),
        E::ExpectedArrayEnd => tr!(
            l,
            "attendu `]` pour fermer la liste, ou une virgule entre deux éléments",
            "expected `]` to close the list, or a comma between two items"
        )
        .into(),
        E::ExpectedComma => tr!(l, "attendu une virgule", "expected a comma").into(),
        E::ExpectedBoolean => tr!(l, "attendu true ou false", "expected true or false").into(),
        E::ExpectedInteger => tr!(l, "attendu un nombre entier", "expected a whole number").into(),
        E::ExpectedFloat => tr!(l, "attendu un nombre", "expected a number").into(),
        E::ExpectedString | E::ExpectedStringEnd => {
            tr!(l, "attendu un texte entre guillemets \"…\"", "expected a text in double quotes \"…\"").into()
        }
        E::ExpectedStructLike | E::ExpectedNamedStructLike(_) => {
            tr!(l, "attendu `(` pour ouvrir une structure", "expected `(` to open a structure").into()
        }
        E::ExpectedStructLikeEnd => tr!(
            l,
            "attendu `)` pour fermer la structure, ou une virgule entre deux champs",
            "expected `)` to close the structure, or a comma between two fields"
        )
        .into(),
        E::ExpectedIdentifier => {
            tr!(l, "attendu un nom de champ ou de variante", "expected a field or variant name").into()
        }
        E::ExpectedMapColon => tr!(l, "attendu `:` après le nom du champ", "expected `:` after the field name").into(),
        E::ExpectedDifferentStructName { expected, found } => tr!(
            l,
            format!("structure `{found}` inattendue ici : attendu `{expected}`"),
            format!("unexpected structure `{found}` here: expected `{expected}`")
        ),
        E::NoSuchStructField { expected, found, outer } => {
            let outer = outer.clone().unwrap_or_default();
            tr!(
                l,
                format!("champ inconnu `{found}` dans `{outer}` : attendu {}", one_of(l, expected)),
                format!("unknown field `{found}` in `{outer}`: expected {}", one_of(l, expected))
            )
        }
        E::MissingStructField { field, outer } => {
            let outer = outer.clone().unwrap_or_default();
            tr!(
                l,
                format!("champ obligatoire `{field}` absent de `{outer}`"),
                format!("required field `{field}` missing from `{outer}`")
            )
        }
        E::DuplicateStructField { field, .. } => {
            tr!(l, format!("champ `{field}` écrit deux fois"), format!("field `{field}` written twice"))
        }
        E::NoSuchEnumVariant { expected, found, .. } => tr!(
            l,
            format!("valeur inconnue `{found}` : attendu {}", one_of(l, expected)),
            format!("unknown value `{found}`: expected {}", one_of(l, expected))
        ),
        E::InvalidValueForType { expected, found } => tr!(
            l,
            format!("valeur {found} inattendue : attendu {expected}"),
            format!("unexpected value {found}: expected {expected}")
        ),
        E::TrailingCharacters => {
            tr!(l, "texte en trop après la fin du plan", "unexpected text after the end of the value").into()
        }
        E::UnexpectedChar(c) => tr!(
            l,
            format!("caractère inattendu `{c}` : un texte doit être entre guillemets \"…\""),
            format!("unexpected character `{c}`: a text must be in double quotes \"…\"")
        ),
        E::UnclosedBlockComment => tr!(l, "commentaire /* … */ non fermé", "unclosed /* … */ comment").into(),
        E::InvalidEscape(_) => {
            tr!(l, "séquence d'échappement invalide dans un texte", "invalid escape sequence in a text").into()
        }
        E::Utf8Error(_) => tr!(l, "le fichier n'est pas en UTF-8", "the file is not UTF-8").into(),
        E::IntegerOutOfBounds => tr!(l, "nombre trop grand", "number too large").into(),
        other => tr!(l, format!("syntaxe RON invalide ({other})"), format!("invalid RON syntax ({other})")),
    }
}

pub fn problem(l: Lang, p: &crate::plan::validate::Problem) -> String {
    use crate::plan::validate::{IdKind, Problem as P};
    let what = |k: IdKind| match k {
        IdKind::Orientation => tr!(l, "d'orientation", "orientation"),
        IdKind::Action => tr!(l, "d'action", "action"),
        IdKind::Indicator => tr!(l, "d'indicateur", "indicator"),
        IdKind::Person => tr!(l, "de personne", "person"),
        IdKind::Body => tr!(l, "d'instance", "body"),
    };
    match p {
        P::FormatVersion(v) => tr!(
            l,
            format!("format {v} non pris en charge : attendu `format: 1` (cette version de copil lit le format 1)"),
            format!("format {v} is not supported: expected `format: 1` (this version of copil reads format 1)")
        ),
        P::DuplicateId { what: k, id } => tr!(
            l,
            format!("identifiant {} « {id} » en double : attendu un identifiant unique", what(*k)),
            format!("duplicate {} id \"{id}\": expected a unique id", what(*k))
        ),
        P::UnknownPerson { field, id } => tr!(
            l,
            format!("`{field}` cite « {id} », personne inconnue : attendu l'id d'une personne de `people`"),
            format!("`{field}` names \"{id}\", an unknown person: expected the id of a person in `people`")
        ),
        P::PeriodReversed => tr!(
            l,
            "period : le début est après la fin : attendu start <= end".to_string(),
            "period: start is after end: expected start <= end".to_string()
        ),
        P::StartAfterDue { action } => tr!(
            l,
            format!("action « {action} » : début après l'échéance : attendu start <= due"),
            format!("action \"{action}\": start is after due: expected start <= due")
        ),
        P::KindMismatch { action, indicator } => tr!(
            l,
            format!(
                "indicateur « {indicator} » de l'action « {action} » : valeurs de natures différentes : attendu des valeurs toutes numériques, toutes oui/non ou toutes textuelles"
            ),
            format!(
                "indicator \"{indicator}\" of action \"{action}\": values of different kinds: expected all numbers, all yes/no or all texts"
            )
        ),
        P::BadSshKey { person, why } => crate::shell::keys::problem(l, person, why),
    }
}

pub fn warning(l: Lang, w: &crate::plan::state::WarningKind) -> String {
    use crate::plan::state::WarningKind as W;
    match w {
        W::UnknownAction(a) => tr!(
            l,
            format!("l'action « {a} » n'existe pas dans le plan : ligne non appliquée"),
            format!("action \"{a}\" is not in the plan: line not applied")
        ),
        W::UnknownIndicator(a, i) => tr!(
            l,
            format!("l'indicateur « {i} » n'existe pas dans l'action « {a} » : ligne non appliquée"),
            format!("indicator \"{i}\" is not in action \"{a}\": line not applied")
        ),
        W::UnknownBody(b) => tr!(
            l,
            format!("l'instance « {b} » n'existe pas dans le plan : ligne non appliquée"),
            format!("body \"{b}\" is not in the plan: line not applied")
        ),
        W::UnknownMeeting(m) => tr!(
            l,
            format!("la réunion « {m} » n'existe pas : ligne non appliquée"),
            format!("meeting \"{m}\" does not exist: line not applied")
        ),
        W::UnknownTask(t) => tr!(
            l,
            format!("la tâche « {t} » n'existe pas : ligne non appliquée"),
            format!("task \"{t}\" does not exist: line not applied")
        ),
        W::DuplicateMeeting(m) => tr!(
            l,
            format!("la réunion « {m} » est déjà ouverte ailleurs dans le journal : ligne non appliquée"),
            format!("meeting \"{m}\" was already opened: line not applied")
        ),
        W::DuplicateTask(t) => tr!(
            l,
            format!("la tâche « {t} » existe déjà : ligne non appliquée"),
            format!("task \"{t}\" already exists: line not applied")
        ),
        W::MeetingClosed(m) => tr!(
            l,
            format!("la réunion « {m} » est close : ligne non appliquée"),
            format!("meeting \"{m}\" is closed: line not applied")
        ),
        W::NoRight(denied) => tr!(
            l,
            format!("droit refusé : {} ; ligne non appliquée", denied.in_lang(l)),
            format!("no right: {}; line not applied", denied.in_lang(l))
        ),
        W::SealedMeeting { line, meeting } => tr!(
            l,
            format!(
                "annulation refusée : la ligne {line} appartient à la réunion « {meeting} », close avant cette annulation ; ligne non appliquée"
            ),
            format!(
                "undo refused: line {line} belongs to meeting \"{meeting}\", closed before this undo; line not applied"
            )
        ),
        W::MeetingAlreadyOpen(m) => tr!(
            l,
            format!("la réunion « {m} » est encore ouverte : une seule réunion à la fois ; ligne non appliquée"),
            format!("meeting \"{m}\" is still open: one meeting at a time; line not applied")
        ),
        W::KindMismatch { action, indicator } => tr!(
            l,
            format!(
                "mesure de l'indicateur « {indicator} » ({action}) d'une autre nature que ses cibles : ligne non appliquée"
            ),
            format!(
                "measurement of indicator \"{indicator}\" ({action}) of another kind than its targets: line not applied"
            )
        ),
        W::BadUndo(line) => tr!(
            l,
            format!("annulation de la ligne {line}, qui n'existe pas avant elle : ligne non appliquée"),
            format!("undo of line {line}, which does not come before it: line not applied")
        ),
        W::TornLastLine => tr!(
            l,
            "dernière ligne du journal coupée (arrêt pendant l'écriture) : ignorée".to_string(),
            "the journal's last line is cut short (stopped mid-write): skipped".to_string()
        ),
    }
}

/// A change as one line of history: "statut → Réalisée", "mesure msap = 15"…
pub fn describe_change(l: Lang, c: &crate::plan::journal::Change, before: Option<Status>) -> String {
    use crate::plan::journal::Change as C;
    match c {
        C::Status { to, .. } => match before {
            Some(b) => tr!(
                l,
                format!("statut : {}", crate::line::from_to(l, status_label(l, b), status_label(l, *to))),
                format!("status: {}", crate::line::from_to(l, status_label(l, b), status_label(l, *to)))
            ),
            None => tr!(
                l,
                format!("statut {}", crate::line::becomes(l, status_label(l, *to))),
                format!("status {}", crate::line::becomes(l, status_label(l, *to)))
            ),
        },
        C::Measure { indicator, point, .. } => tr!(
            l,
            format!("mesure {indicator} = {} au {}", value_text(l, &point.value), date_text(l, point.date)),
            format!("measurement {indicator} = {} on {}", value_text(l, &point.value), date_text(l, point.date))
        ),
        C::Comment { text, .. } => tr!(l, format!("commentaire : {text}"), format!("comment: {text}")),
        C::MeetingOpened { id, .. } => tr!(l, format!("ouverture de la réunion {id}"), format!("meeting {id} opened")),
        C::Attendance { person, .. } => tr!(l, format!("présence : {person}"), format!("attendance: {person}")),
        C::Decision { text, .. } => tr!(l, format!("décision : {text}"), format!("decision: {text}")),
        C::Note { text, .. } => tr!(l, format!("note : {text}"), format!("note: {text}")),
        C::Task { text, .. } => tr!(l, format!("tâche : {text}"), format!("task: {text}")),
        C::TaskDone { task } => tr!(l, format!("tâche {task} faite"), format!("task {task} done")),
        C::MeetingClosed { id } => tr!(l, format!("clôture de la réunion {id}"), format!("meeting {id} closed")),
        C::Undo { line } => tr!(l, format!("annulation de la ligne {line}"), format!("undo of line {line}")),
        C::Reschedule { due, .. } => crate::wording::rescheduled(l, None, *due),
        C::AgendaItem { title, .. } => {
            tr!(l, format!("point de l'ordre du jour : {title}"), format!("agenda item: {title}"))
        }
        C::NextMeeting { date, .. } => {
            tr!(
                l,
                format!("prochaine réunion le {}", date_text(l, *date)),
                format!("next meeting on {}", date_text(l, *date))
            )
        }
    }
}

pub fn value_kind_name(l: Lang, k: crate::plan::model::ValueKind) -> &'static str {
    use crate::plan::model::ValueKind as K;
    match k {
        K::Number => tr!(l, "un nombre (12 ou 12,5)", "a number (12 or 12.5)"),
        K::Bool => tr!(l, "oui ou non", "yes or no"),
        K::Text => tr!(l, "un texte non vide", "a non-empty text"),
    }
}

pub fn edit_error(l: Lang, e: &crate::plan::edit::EditError) -> String {
    use crate::plan::edit::EditError as E;
    match e {
        E::UnknownAction(a) => tr!(l, format!("action inconnue « {a} »"), format!("unknown action \"{a}\"")),
        E::UnknownIndicator { action, indicator } => tr!(
            l,
            format!("l'action « {action} » n'a pas d'indicateur « {indicator} »"),
            format!("action \"{action}\" has no indicator \"{indicator}\"")
        ),
        E::UnknownStatus(s) => tr!(
            l,
            format!(
                "statut inconnu « {s} » : attendu nondemarree, encours, realisee ou abandonnee (ou not-started, in-progress, done, abandoned)"
            ),
            format!(
                "unknown status \"{s}\": expected not-started, in-progress, done or abandoned (or nondemarree, encours, realisee, abandonnee)"
            )
        ),
        E::BadValue { kind, text } => tr!(
            l,
            format!("valeur « {text} » refusée : attendu {}", value_kind_name(l, *kind)),
            format!("value \"{text}\" refused: expected {}", value_kind_name(l, *kind))
        ),
        E::BadDate(s) => crate::wording::bad_user_date(l, s),
        E::EmptyText => {
            tr!(l, "texte vide : rien à enregistrer".to_string(), "empty text: nothing to record".to_string())
        }
        E::NothingToUndo => tr!(
            l,
            "rien à annuler : aucun changement de votre part".to_string(),
            "nothing to undo: no change of yours".to_string()
        ),
        E::ReadOnly(why) => tr!(l, format!("lecture seule : {why}"), format!("read-only: {why}")),
        E::UnknownBody(b) => tr!(l, format!("instance inconnue « {b} »"), format!("unknown body \"{b}\"")),
        E::UnknownMeeting(m) => tr!(l, format!("réunion inconnue « {m} »"), format!("unknown meeting \"{m}\"")),
        E::MeetingAlreadyOpen(m) => tr!(
            l,
            format!("la réunion « {m} » est déjà ouverte : une seule à la fois"),
            format!("meeting \"{m}\" is already open: one at a time")
        ),
        E::MeetingClosed(m) => tr!(
            l,
            format!("la réunion « {m} » est close : on ne peut plus rien y enregistrer"),
            format!("meeting \"{m}\" is closed: nothing more can be recorded in it")
        ),
        E::MeetingSealed(m) => tr!(
            l,
            format!(
                "votre dernière modification fait partie de la réunion « {m} », close : elle ne peut plus être annulée"
            ),
            format!("your last change is part of meeting \"{m}\", which is closed: it can no longer be undone")
        ),
        E::NotYourMeeting { meeting, opened_by } => tr!(
            l,
            format!(
                "réunion en cours « {meeting} », ouverte par {opened_by} : seuls cette personne et les présidents de l'instance la conduisent"
            ),
            format!(
                "meeting \"{meeting}\" in progress, opened by {opened_by}: only that person and the body's chairs run it"
            )
        ),
        E::UnknownTask(t) => tr!(l, format!("tâche inconnue « {t} »"), format!("unknown task \"{t}\"")),
        E::TaskAlreadyDone(t) => {
            tr!(l, format!("la tâche « {t} » est déjà faite"), format!("task \"{t}\" is already done"))
        }
    }
}

pub fn presence_label(l: Lang, p: crate::plan::journal::Presence) -> &'static str {
    use crate::plan::journal::Presence as P;
    match p {
        P::Present => PRESENT.get(l),
        P::Excused => EXCUSED.get(l),
        P::Absent => ABSENT.get(l),
        P::Represented => tr!(l, "Représenté(e)", "Represented"),
    }
}

/// The domain's errors, said in a language: `problem.text(l)`, `warning.in_lang(l)`.
impl Localized for crate::plan::validate::Problem {
    fn fmt_in(&self, l: Lang, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&problem(l, self))
    }
}

impl Localized for crate::plan::state::WarningKind {
    fn fmt_in(&self, l: Lang, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&warning(l, self))
    }
}

impl Localized for crate::plan::edit::EditError {
    fn fmt_in(&self, l: Lang, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&edit_error(l, self))
    }
}
