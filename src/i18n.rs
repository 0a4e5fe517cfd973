//! Every user-facing string, in French (the default) and English.
//!
//! The language is process-wide: chosen once at start (`--lang`, else the locale), read everywhere;
//! its mechanism (`Lang`, `lang()`, `T`, `tr!`) is the leaf module `lang`.

use crate::plan::model::Status;

pub use crate::lang::{Lang, T, detect_lang, lang, lang_of_locale, set_lang};

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
    PLAN_TREE = "Plan" / "Plan";
    DETAIL = "Détail" / "Detail";
    HELP_TITLE = "Aide — touches" / "Help — keys";
    HELP_CLOSE = "Échap ou ? pour fermer" / "Esc or ? to close";
    TOO_SMALL = "Fenêtre trop petite" / "Window too small";
    EMPTY_PLAN = "Ce plan n'a encore aucune orientation." / "This plan has no orientation yet.";
    EMPTY_FILTER = "Aucune action ne correspond au filtre (x pour l'effacer)." / "No action matches the filter (x clears it).";
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
    // Command descriptions (help screen and status bar).
    CMD_UP = "Action précédente" / "Previous row";
    CMD_DOWN = "Action suivante" / "Next row";
    CMD_PAGE_UP = "Page précédente" / "Page up";
    CMD_PAGE_DOWN = "Page suivante" / "Page down";
    CMD_TOP = "Première ligne" / "First row";
    CMD_BOTTOM = "Dernière ligne" / "Last row";
    CMD_TOGGLE = "Déplier / replier" / "Expand / collapse";
    CMD_EXPAND = "Déplier" / "Expand";
    CMD_COLLAPSE = "Replier, ou remonter au parent" / "Collapse, or go to parent";
    CMD_EXPAND_ALL = "Tout déplier" / "Expand all";
    CMD_COLLAPSE_ALL = "Tout replier" / "Collapse all";
    CMD_FOCUS = "Passer de l'arbre au détail" / "Switch between tree and detail";
    CMD_SCROLL_DOWN = "Faire défiler le détail vers le bas" / "Scroll detail down";
    CMD_SCROLL_UP = "Faire défiler le détail vers le haut" / "Scroll detail up";
    CMD_HELP = "Aide" / "Help";
    CMD_QUIT = "Quitter" / "Quit";
    CMD_CLOSE = "Fermer" / "Close";
    KEY_MOVE = "naviguer" / "move";
    KEY_OPEN = "déplier" / "expand";
    KEY_HELP = "aide" / "help";
    KEY_QUIT = "quitter" / "quit";
    KEY_FOCUS = "détail" / "detail";
    KEY_SPACE = "Espace" / "Space";
    KEY_PAGE_UP = "PgPréc" / "PgUp";
    KEY_PAGE_DOWN = "PgSuiv" / "PgDn";
    KEY_HOME = "Début" / "Home";
    KEY_END = "Fin" / "End";
    KEY_ENTER = "Entrée" / "Enter";
    KEY_ESC = "Échap" / "Esc";
    KEY_DELETE = "Suppr" / "Del";
    KEY_INSERT = "Inser" / "Ins";
    KEY_SHIFT = "Maj-" / "Shift-";
    KEY_EDIT = "statut" / "status";
    F_STATUS = "Statut" / "Status";
    F_NOTE = "Note (facultative)" / "Note (optional)";
    F_INDICATOR = "Indicateur" / "Indicator";
    F_DATE = "Date (JJ/MM/AAAA)" / "Date (DD/MM/YYYY)";
    F_VALUE = "Valeur" / "Value";
    F_COMMENT = "Commentaire" / "Comment";
    FORM_STATUS = "Changer le statut" / "Change status";
    FORM_MEASURE = "Nouvelle mesure" / "New measurement";
    FORM_COMMENT = "Commenter" / "Comment";
    FORM_HINT = "Entrée enregistrer · Échap annuler · Tab champ suivant · ↑↓ choisir" / "Enter save · Esc cancel · Tab next field · ↑↓ choose";
    SAVING = "Enregistrement…" / "Saving…";
    SAVED = "Enregistré" / "Saved";
    NO_INDICATOR = "Cette action n'a pas d'indicateur à mesurer." / "This action has no indicator to measure.";
    NOT_AN_ACTION = "Choisissez d'abord une action (pas une orientation)." / "Select an action first (not an orientation).";
    READ_ONLY = "lecture seule" / "read-only";
    READ_ONLY_FLAG = "ouvert avec --read-only" / "opened with --read-only";
    CMD_EDIT_STATUS = "Changer le statut de l'action" / "Change the action's status";
    CMD_MEASURE = "Saisir une mesure d'indicateur" / "Enter an indicator measurement";
    CMD_COMMENT = "Commenter l'action" / "Comment on the action";
    CMD_UNDO = "Annuler mon dernier changement" / "Undo my last change";
    CMD_SUBMIT = "Enregistrer" / "Save";
    CMD_CANCEL = "Annuler la saisie" / "Cancel the form";
    CMD_NEXT_FIELD = "Champ suivant" / "Next field";
    CMD_PREV_FIELD = "Champ précédent" / "Previous field";
    CMD_CHOICE_NEXT = "Choix suivant (ou champ suivant)" / "Next choice (or next field)";
    CMD_CHOICE_PREV = "Choix précédent (ou champ précédent)" / "Previous choice (or previous field)";
}

pub fn saved_change(what: &str) -> String {
    tr!(format!("Enregistré : {what}"), format!("Saved: {what}"))
}

pub fn changed_by(who: &str, action: &str, what: &str) -> String {
    tr!(format!("{who} — {action} : {what}"), format!("{who} — {action}: {what}"))
}

pub fn read_only_refusal(why: &str) -> String {
    tr!(
        format!("Lecture seule ({why}) : cette touche ne modifie rien."),
        format!("Read-only ({why}): this key changes nothing.")
    )
}

pub fn bad_key(file: &str, key: &str) -> String {
    tr!(
        format!(
            "{file} : touche inconnue « {key} » : attendu un caractère (\"q\", \"G\") ou un nom (up, down, left, right, pageup, pagedown, home, end, enter, space, tab, backtab, esc, backspace, delete, f1…f12), précédé au besoin de ctrl-, alt- ou shift-"
        ),
        format!(
            "{file}: unknown key \"{key}\": expected a character (\"q\", \"G\") or a name (up, down, left, right, pageup, pagedown, home, end, enter, space, tab, backtab, esc, backspace, delete, f1…f12), optionally after ctrl-, alt- or shift-"
        ),
    )
}

pub fn status_label(s: Status) -> &'static str {
    match s {
        Status::NotStarted => NOT_STARTED.get(),
        Status::InProgress => IN_PROGRESS.get(),
        Status::Done => DONE.get(),
        Status::Abandoned => ABANDONED.get(),
    }
}

/// Renders a list of expected names: `a, b or c` / `a, b ou c`.
fn one_of(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    match quoted.len() {
        0 => String::new(),
        1 => quoted[0].clone(),
        n => format!("{} {} {}", quoted[..n - 1].join(", "), tr!("ou", "or"), quoted[n - 1]),
    }
}

/// A RON parse error in plain words.
pub fn ron_error(e: &ron::Error) -> String {
    use ron::Error as E;
    match e {
        E::Message(m) => m.clone(),
        E::Eof => tr!(
            "fin de fichier inattendue : une parenthèse, un crochet ou un guillemet n'est pas fermé",
            "unexpected end of file: a parenthesis, bracket or quote is not closed"
        )
        .into(),
        E::ExpectedArray => tr!("attendu une liste `[ … ]`", "expected a list `[ … ]`").into(),
        E::ExpectedArrayEnd => tr!(
            "attendu `]` pour fermer la liste, ou une virgule entre deux éléments",
            "expected `]` to close the list, or a comma between two items"
        )
        .into(),
        E::ExpectedComma => tr!("attendu une virgule", "expected a comma").into(),
        E::ExpectedBoolean => tr!("attendu true ou false", "expected true or false").into(),
        E::ExpectedInteger => tr!("attendu un nombre entier", "expected a whole number").into(),
        E::ExpectedFloat => tr!("attendu un nombre", "expected a number").into(),
        E::ExpectedString | E::ExpectedStringEnd => {
            tr!("attendu un texte entre guillemets \"…\"", "expected a text in double quotes \"…\"").into()
        }
        E::ExpectedStructLike | E::ExpectedNamedStructLike(_) => {
            tr!("attendu `(` pour ouvrir une structure", "expected `(` to open a structure").into()
        }
        E::ExpectedStructLikeEnd => tr!(
            "attendu `)` pour fermer la structure, ou une virgule entre deux champs",
            "expected `)` to close the structure, or a comma between two fields"
        )
        .into(),
        E::ExpectedIdentifier => {
            tr!("attendu un nom de champ ou de variante", "expected a field or variant name").into()
        }
        E::ExpectedMapColon => tr!("attendu `:` après le nom du champ", "expected `:` after the field name").into(),
        E::ExpectedDifferentStructName { expected, found } => tr!(
            format!("structure `{found}` inattendue ici : attendu `{expected}`"),
            format!("unexpected structure `{found}` here: expected `{expected}`")
        ),
        E::NoSuchStructField { expected, found, outer } => {
            let outer = outer.clone().unwrap_or_default();
            tr!(
                format!("champ inconnu `{found}` dans `{outer}` : attendu {}", one_of(expected)),
                format!("unknown field `{found}` in `{outer}`: expected {}", one_of(expected))
            )
        }
        E::MissingStructField { field, outer } => {
            let outer = outer.clone().unwrap_or_default();
            tr!(
                format!("champ obligatoire `{field}` absent de `{outer}`"),
                format!("required field `{field}` missing from `{outer}`")
            )
        }
        E::DuplicateStructField { field, .. } => {
            tr!(format!("champ `{field}` écrit deux fois"), format!("field `{field}` written twice"))
        }
        E::NoSuchEnumVariant { expected, found, .. } => tr!(
            format!("valeur inconnue `{found}` : attendu {}", one_of(expected)),
            format!("unknown value `{found}`: expected {}", one_of(expected))
        ),
        E::InvalidValueForType { expected, found } => tr!(
            format!("valeur {found} inattendue : attendu {expected}"),
            format!("unexpected value {found}: expected {expected}")
        ),
        E::TrailingCharacters => {
            tr!("texte en trop après la fin du plan", "unexpected text after the end of the value").into()
        }
        E::UnexpectedChar(c) => tr!(
            format!("caractère inattendu `{c}` : un texte doit être entre guillemets \"…\""),
            format!("unexpected character `{c}`: a text must be in double quotes \"…\"")
        ),
        E::UnclosedBlockComment => tr!("commentaire /* … */ non fermé", "unclosed /* … */ comment").into(),
        E::InvalidEscape(_) => {
            tr!("séquence d'échappement invalide dans un texte", "invalid escape sequence in a text").into()
        }
        E::Utf8Error(_) => tr!("le fichier n'est pas en UTF-8", "the file is not UTF-8").into(),
        E::IntegerOutOfBounds => tr!("nombre trop grand", "number too large").into(),
        other => tr!(format!("syntaxe RON invalide ({other})"), format!("invalid RON syntax ({other})")),
    }
}

pub fn problem(p: &crate::plan::validate::Problem) -> String {
    use crate::plan::validate::{IdKind, Problem as P};
    let what = |k: IdKind| match k {
        IdKind::Orientation => tr!("d'orientation", "orientation"),
        IdKind::Action => tr!("d'action", "action"),
        IdKind::Indicator => tr!("d'indicateur", "indicator"),
        IdKind::Person => tr!("de personne", "person"),
        IdKind::Body => tr!("d'instance", "body"),
    };
    match p {
        P::FormatVersion(v) => tr!(
            format!("format {v} non pris en charge : attendu `format: 1` (cette version de copil lit le format 1)"),
            format!("format {v} is not supported: expected `format: 1` (this version of copil reads format 1)")
        ),
        P::DuplicateId { what: k, id } => tr!(
            format!("identifiant {} « {id} » en double : attendu un identifiant unique", what(*k)),
            format!("duplicate {} id \"{id}\": expected a unique id", what(*k))
        ),
        P::UnknownPerson { field, id } => tr!(
            format!("`{field}` cite « {id} », personne inconnue : attendu l'id d'une personne de `people`"),
            format!("`{field}` names \"{id}\", an unknown person: expected the id of a person in `people`")
        ),
        P::PeriodReversed => tr!(
            "period : le début est après la fin : attendu start <= end".to_string(),
            "period: start is after end: expected start <= end".to_string()
        ),
        P::StartAfterDue { action } => tr!(
            format!("action « {action} » : début après l'échéance : attendu start <= due"),
            format!("action \"{action}\": start is after due: expected start <= due")
        ),
        P::KindMismatch { action, indicator } => tr!(
            format!(
                "indicateur « {indicator} » de l'action « {action} » : valeurs de natures différentes : attendu des valeurs toutes numériques, toutes oui/non ou toutes textuelles"
            ),
            format!(
                "indicator \"{indicator}\" of action \"{action}\": values of different kinds: expected all numbers, all yes/no or all texts"
            )
        ),
        P::BadSshKey { person, why } => crate::shell::keys::problem(person, why),
    }
}

pub fn warning(w: &crate::plan::state::WarningKind) -> String {
    use crate::plan::state::WarningKind as W;
    match w {
        W::UnknownAction(a) => tr!(
            format!("l'action « {a} » n'existe pas dans le plan : ligne non appliquée"),
            format!("action \"{a}\" is not in the plan: line not applied")
        ),
        W::UnknownIndicator(a, i) => tr!(
            format!("l'indicateur « {i} » n'existe pas dans l'action « {a} » : ligne non appliquée"),
            format!("indicator \"{i}\" is not in action \"{a}\": line not applied")
        ),
        W::UnknownBody(b) => tr!(
            format!("l'instance « {b} » n'existe pas dans le plan : ligne non appliquée"),
            format!("body \"{b}\" is not in the plan: line not applied")
        ),
        W::UnknownMeeting(m) => tr!(
            format!("la réunion « {m} » n'existe pas : ligne non appliquée"),
            format!("meeting \"{m}\" does not exist: line not applied")
        ),
        W::UnknownTask(t) => tr!(
            format!("la tâche « {t} » n'existe pas : ligne non appliquée"),
            format!("task \"{t}\" does not exist: line not applied")
        ),
        W::DuplicateMeeting(m) => tr!(
            format!("la réunion « {m} » est déjà ouverte ailleurs dans le journal : ligne non appliquée"),
            format!("meeting \"{m}\" was already opened: line not applied")
        ),
        W::DuplicateTask(t) => tr!(
            format!("la tâche « {t} » existe déjà : ligne non appliquée"),
            format!("task \"{t}\" already exists: line not applied")
        ),
        W::MeetingClosed(m) => tr!(
            format!("la réunion « {m} » est close : ligne non appliquée"),
            format!("meeting \"{m}\" is closed: line not applied")
        ),
        W::NoRight(denied) => tr!(
            format!("droit refusé : {denied} ; ligne non appliquée"),
            format!("no right: {denied}; line not applied")
        ),
        W::SealedMeeting { line, meeting } => tr!(
            format!(
                "annulation refusée : la ligne {line} appartient à la réunion « {meeting} », close avant cette annulation ; ligne non appliquée"
            ),
            format!(
                "undo refused: line {line} belongs to meeting \"{meeting}\", closed before this undo; line not applied"
            )
        ),
        W::MeetingAlreadyOpen(m) => tr!(
            format!("la réunion « {m} » est encore ouverte : une seule réunion à la fois ; ligne non appliquée"),
            format!("meeting \"{m}\" is still open: one meeting at a time; line not applied")
        ),
        W::KindMismatch { action, indicator } => tr!(
            format!(
                "mesure de l'indicateur « {indicator} » ({action}) d'une autre nature que ses cibles : ligne non appliquée"
            ),
            format!(
                "measurement of indicator \"{indicator}\" ({action}) of another kind than its targets: line not applied"
            )
        ),
        W::BadUndo(l) => tr!(
            format!("annulation de la ligne {l}, qui n'existe pas avant elle : ligne non appliquée"),
            format!("undo of line {l}, which does not come before it: line not applied")
        ),
        W::TornLastLine => tr!(
            "dernière ligne du journal coupée (arrêt pendant l'écriture) : ignorée".to_string(),
            "the journal's last line is cut short (stopped mid-write): skipped".to_string()
        ),
    }
}

pub fn journal_line(line: usize) -> String {
    tr!(format!("ligne {line} du journal"), format!("journal line {line}"))
}

pub fn io_error(path: &str, e: &std::io::Error) -> String {
    tr!(format!("impossible de lire {path} : {e}"), format!("cannot read {path}: {e}"))
}

pub fn too_small(w: u16, h: u16, min_w: u16, min_h: u16) -> String {
    tr!(
        format!("{w}×{h} : agrandissez la fenêtre à au moins {min_w}×{min_h}"),
        format!("{w}×{h}: enlarge the window to at least {min_w}×{min_h}")
    )
}

pub fn counts_summary(o: usize, a: usize, i: usize, j: usize) -> String {
    format!(
        "{o} {}, {a} {}, {i} {}, {j} {}",
        ORIENTATIONS.get(),
        ACTIONS_LC.get(),
        INDICATORS_LC.get(),
        JOURNAL_LINES.get()
    )
}

/// A date as people of the language write it: 23/11/2026, 2026-11-23.
pub fn date_text(d: crate::plan::model::Date) -> String {
    match lang() {
        Lang::Fr => d.0.format("%d/%m/%Y").to_string(),
        Lang::En => d.to_string(),
    }
}

/// A change as one line of history: "statut → Réalisée", "mesure msap = 15"…
pub fn describe_change(c: &crate::plan::journal::Change, before: Option<Status>) -> String {
    use crate::plan::journal::Change as C;
    match c {
        C::Status { to, .. } => match before {
            Some(b) => tr!(
                format!("statut : {}", crate::line::from_to(status_label(b), status_label(*to))),
                format!("status: {}", crate::line::from_to(status_label(b), status_label(*to)))
            ),
            None => tr!(
                format!("statut {}", crate::line::becomes(status_label(*to))),
                format!("status {}", crate::line::becomes(status_label(*to)))
            ),
        },
        C::Measure { indicator, point, .. } => tr!(
            format!("mesure {indicator} = {} au {}", value_text(&point.value), date_text(point.date)),
            format!("measurement {indicator} = {} on {}", value_text(&point.value), date_text(point.date))
        ),
        C::Comment { text, .. } => tr!(format!("commentaire : {text}"), format!("comment: {text}")),
        C::MeetingOpened { id, .. } => tr!(format!("ouverture de la réunion {id}"), format!("meeting {id} opened")),
        C::Attendance { person, .. } => tr!(format!("présence : {person}"), format!("attendance: {person}")),
        C::Decision { text, .. } => tr!(format!("décision : {text}"), format!("decision: {text}")),
        C::Note { text, .. } => tr!(format!("note : {text}"), format!("note: {text}")),
        C::Task { text, .. } => tr!(format!("tâche : {text}"), format!("task: {text}")),
        C::TaskDone { task } => tr!(format!("tâche {task} faite"), format!("task {task} done")),
        C::MeetingClosed { id } => tr!(format!("clôture de la réunion {id}"), format!("meeting {id} closed")),
        C::Undo { line } => tr!(format!("annulation de la ligne {line}"), format!("undo of line {line}")),
        C::Reschedule { due, .. } => crate::wording::rescheduled(None, *due),
        C::AgendaItem { title, .. } => {
            tr!(format!("point de l'ordre du jour : {title}"), format!("agenda item: {title}"))
        }
        C::NextMeeting { date, .. } => {
            tr!(format!("prochaine réunion le {}", date_text(*date)), format!("next meeting on {}", date_text(*date)))
        }
    }
}

/// A value as shown: numbers with a French decimal comma, yes/no, texts as they are.
pub fn value_text(v: &crate::plan::model::Value) -> String {
    use crate::plan::model::Value as V;
    match v {
        V::Number(n) => number(*n),
        V::Bool(b) => if *b { YES.get() } else { NO.get() }.to_string(),
        V::Text(t) => t.clone(),
    }
}

/// `part` as a share of `whole`, to a tenth: « 64,5 % » / "64.5%"; a dash when `whole` is 0.
pub fn percent(part: u64, whole: u64) -> String {
    if whole == 0 {
        return "—".to_string();
    }
    let p = (part as f64 * 1000.0 / whole as f64).round() / 10.0;
    tr!(format!("{} %", number(p)), format!("{}%", number(p)))
}

pub fn number(n: f64) -> String {
    let s = if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n:.2}").trim_end_matches('0').trim_end_matches('.').to_string()
    };
    match lang() {
        Lang::Fr => s.replace('.', ","),
        Lang::En => s,
    }
}

/// Euros with thousands grouped: "442 998 €" / "€442,998".
pub fn euros(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    let sep = tr!(' ', ',');
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    tr!(format!("{out} €"), format!("€{out}"))
}

pub fn value_kind_name(k: crate::plan::model::ValueKind) -> &'static str {
    use crate::plan::model::ValueKind as K;
    match k {
        K::Number => tr!("un nombre (12 ou 12,5)", "a number (12 or 12.5)"),
        K::Bool => tr!("oui ou non", "yes or no"),
        K::Text => tr!("un texte non vide", "a non-empty text"),
    }
}

pub fn edit_error(e: &crate::plan::edit::EditError) -> String {
    use crate::plan::edit::EditError as E;
    match e {
        E::UnknownAction(a) => tr!(format!("action inconnue « {a} »"), format!("unknown action \"{a}\"")),
        E::UnknownIndicator { action, indicator } => tr!(
            format!("l'action « {action} » n'a pas d'indicateur « {indicator} »"),
            format!("action \"{action}\" has no indicator \"{indicator}\"")
        ),
        E::UnknownStatus(s) => tr!(
            format!(
                "statut inconnu « {s} » : attendu nondemarree, encours, realisee ou abandonnee (ou not-started, in-progress, done, abandoned)"
            ),
            format!(
                "unknown status \"{s}\": expected not-started, in-progress, done or abandoned (or nondemarree, encours, realisee, abandonnee)"
            )
        ),
        E::BadValue { kind, text } => tr!(
            format!("valeur « {text} » refusée : attendu {}", value_kind_name(*kind)),
            format!("value \"{text}\" refused: expected {}", value_kind_name(*kind))
        ),
        E::BadDate(s) => crate::wording::bad_user_date(s),
        E::EmptyText => tr!("texte vide : rien à enregistrer".to_string(), "empty text: nothing to record".to_string()),
        E::NothingToUndo => tr!(
            "rien à annuler : aucun changement de votre part".to_string(),
            "nothing to undo: no change of yours".to_string()
        ),
        E::ReadOnly(why) => tr!(format!("lecture seule : {why}"), format!("read-only: {why}")),
        E::UnknownBody(b) => tr!(format!("instance inconnue « {b} »"), format!("unknown body \"{b}\"")),
        E::UnknownMeeting(m) => tr!(format!("réunion inconnue « {m} »"), format!("unknown meeting \"{m}\"")),
        E::MeetingAlreadyOpen(m) => tr!(
            format!("la réunion « {m} » est déjà ouverte : une seule à la fois"),
            format!("meeting \"{m}\" is already open: one at a time")
        ),
        E::MeetingClosed(m) => tr!(
            format!("la réunion « {m} » est close : on ne peut plus rien y enregistrer"),
            format!("meeting \"{m}\" is closed: nothing more can be recorded in it")
        ),
        E::MeetingSealed(m) => tr!(
            format!(
                "votre dernière modification fait partie de la réunion « {m} », close : elle ne peut plus être annulée"
            ),
            format!("your last change is part of meeting \"{m}\", which is closed: it can no longer be undone")
        ),
        E::NotYourMeeting { meeting, opened_by } => tr!(
            format!(
                "réunion en cours « {meeting} », ouverte par {opened_by} : seuls cette personne et les présidents de l'instance la conduisent"
            ),
            format!(
                "meeting \"{meeting}\" in progress, opened by {opened_by}: only that person and the body's chairs run it"
            )
        ),
        E::UnknownTask(t) => tr!(format!("tâche inconnue « {t} »"), format!("unknown task \"{t}\"")),
        E::TaskAlreadyDone(t) => {
            tr!(format!("la tâche « {t} » est déjà faite"), format!("task \"{t}\" is already done"))
        }
    }
}

// Writing and watching the journal (store::append, store::watch).

/// Why a file operation failed, in plain words (the system's own text for the unusual cases).
pub fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::PermissionDenied => tr!("permission refusée", "permission denied").into(),
        K::ReadOnlyFilesystem => tr!("disque ou partage en lecture seule", "read-only disk or share").into(),
        K::StorageFull => tr!("disque plein", "disk full").into(),
        K::QuotaExceeded => tr!("quota disque dépassé", "disk quota exceeded").into(),
        K::NotFound => tr!("fichier ou dossier introuvable", "file or folder not found").into(),
        K::NotADirectory => {
            tr!("le dossier du journal n'est pas un dossier", "the journal's folder is not a folder").into()
        }
        K::IsADirectory => tr!("c'est un dossier, pas un fichier", "it is a folder, not a file").into(),
        K::WriteZero => tr!("écriture incomplète", "incomplete write").into(),
        _ => e.to_string(),
    }
}

/// The journal cannot be written (permissions, read-only disk): the edit is lost unless retried.
pub fn append_read_only(e: &std::io::Error) -> String {
    let why = io_reason(e);
    tr!(
        format!("impossible d'écrire dans le journal ({why}) : la modification n'a PAS été enregistrée"),
        format!("cannot write to the journal ({why}): the change was NOT saved")
    )
}

/// The journal is not a regular file: nothing was written.
pub fn append_refused(e: &std::io::Error) -> String {
    tr!(format!("{e} : la modification n'a PAS été enregistrée"), format!("{e}: the change was NOT saved"))
}

/// Another session kept the journal locked for longer than `waited`.
pub fn append_lock_timeout(waited: std::time::Duration) -> String {
    let s = number(waited.as_secs_f64());
    tr!(
        format!(
            "le journal est occupé par une autre session depuis plus de {s} s : la modification n'a PAS été enregistrée ; réessayez"
        ),
        format!("the journal has been busy with another session for over {s} s: the change was NOT saved; try again")
    )
}

/// Writing or flushing the journal failed (disk full, I/O error).
pub fn append_failed(e: &std::io::Error) -> String {
    let why = io_reason(e);
    tr!(
        format!("l'écriture du journal a échoué ({why}) : la modification n'a PAS été enregistrée"),
        format!("writing the journal failed ({why}): the change was NOT saved")
    )
}

/// Why a session opens read-only: short, shown as "Lecture seule (…)".
pub fn journal_not_writable(e: &std::io::Error) -> String {
    let why = io_reason(e);
    tr!(format!("journal non modifiable : {why}"), format!("journal not writable: {why}"))
}

/// `copil check`: the plan declares who may change what.
pub fn rights_declared(cell: &str) -> String {
    tr!(
        format!(
            "Droits : déclarés ; cellule technique : {cell} (pilotes et référents sur leurs actions, les autres personnes commentent, les comptes non déclarés lisent)"
        ),
        format!(
            "Rights: declared; technical cell: {cell} (pilots and referents on their actions, other people comment, undeclared accounts read)"
        )
    )
}

/// `copil check`: the plan declares no rights.
pub fn rights_undeclared() -> String {
    tr!(
        "Droits : non déclarés : toute personne qui peut écrire le journal peut tout modifier (section `rights` du plan)",
        "Rights: not declared: anyone who can write the journal may change anything (the plan's `rights` section)"
    )
    .into()
}

/// `copil verify`: the chain holds.
pub fn chain_intact(lines: usize, unchained: usize, head: Option<&str>) -> String {
    let head = head.unwrap_or("—");
    tr!(
        format!("chaîne du journal intacte : {lines} lignes, dont {unchained} écrites avant la chaîne ; tête {head}"),
        format!("journal chain intact: {lines} lines, {unchained} of them written before the chain; head {head}")
    )
}

/// `copil verify --minutes`: the file has no empreinte.
pub fn minutes_without_empreinte(file: &str) -> String {
    tr!(
        format!(
            "{file} ne porte pas d'empreinte du journal (relevé d'une réunion non close, ou écrit avant les empreintes)"
        ),
        format!(
            "{file} carries no journal fingerprint (minutes of a meeting not closed, or written before fingerprints)"
        )
    )
}

/// `copil verify --minutes`: they match.
pub fn minutes_match(meeting: &str, line: usize) -> String {
    tr!(
        format!("le relevé correspond au journal : clôture de la réunion {meeting} (ligne {line})"),
        format!("the minutes match the journal: closing of meeting {meeting} (line {line})")
    )
}

/// `copil verify --minutes`: they do not.
pub fn minutes_mismatch(file: &str, printed: &str) -> String {
    tr!(
        format!(
            "l'empreinte de {file} ({printed}) ne correspond à la clôture d'aucune réunion du journal : le relevé ou le journal a été modifié"
        ),
        format!(
            "the fingerprint of {file} ({printed}) matches no meeting's closing in the journal: the minutes or the journal were changed"
        )
    )
}

/// `copil check`: a line dated well before the line above it.
pub fn backdated(line: usize, at: &str, above: usize, above_at: &str) -> String {
    tr!(
        format!(
            "ligne {line} datée du {at}, plus de 5 minutes avant la ligne {above} ({above_at}) : horloge fausse ou ligne antidatée"
        ),
        format!(
            "line {line} is dated {at}, over 5 minutes before line {above} ({above_at}): a wrong clock or a backdated line"
        )
    )
}

/// The header's badge for a meeting run by someone else.
pub fn meeting_opened_by(name: &str) -> String {
    tr!(format!("réunion en cours, ouverte par {name}"), format!("meeting in progress, opened by {name}"))
}

/// The header's "who am I" for a login that is not one of the plan's people.
pub fn undeclared_user(login: &str) -> String {
    tr!(format!("{login} (non déclaré dans le plan)"), format!("{login} (not declared in the plan)"))
}

/// The plan file changed on disk and was read again.
pub fn plan_reloaded() -> String {
    tr!("le fichier du plan a changé sur le disque : plan rechargé", "the plan file changed on disk: plan reloaded")
        .into()
}

/// The plan file changed on disk but does not load: the plan shown stays.
pub fn plan_not_reloaded(diagnostic: &str) -> String {
    let first = diagnostic.lines().take(2).map(str::trim).collect::<Vec<_>>().join(" ");
    tr!(
        format!("le fichier du plan a changé mais ne se charge pas ; le plan affiché reste celui d'avant — {first}"),
        format!("the plan file changed but does not load; the plan shown stays as it was — {first}")
    )
}

/// The journal was rewritten under an open copil and read again from its start.
pub fn journal_rewritten() -> String {
    tr!(
        "le journal a été modifié hors de copil (raccourci, réécrit ou remplacé) : il a été relu depuis le début",
        "the journal was changed outside copil (shortened, rewritten or replaced): it was read again from the start"
    )
    .into()
}

/// The journal is now shorter than what the session already read and applied.
pub fn journal_shrank(len: u64, read: u64) -> String {
    tr!(
        format!(
            "le journal a raccourci ({len} octets, {read} déjà lus) : il a été modifié hors de copil ; rouvrez le plan pour le relire"
        ),
        format!(
            "the journal got shorter ({len} bytes, {read} already read): it was changed outside copil; reopen the plan to read it again"
        )
    )
}

/// A line the session had already read was changed in place.
pub fn journal_line_changed(line: usize) -> String {
    tr!(
        format!(
            "{} modifiée après sa lecture : le journal a été modifié hors de copil ; rouvrez le plan pour le relire",
            journal_line(line)
        ),
        format!(
            "{} changed after it was read: the journal was changed outside copil; reopen the plan to read it again",
            journal_line(line)
        )
    )
}

/// An event whose line would hold a raw newline (never expected: `Event::to_line` escapes them).
pub fn raw_newline_in_line() -> String {
    tr!("la ligne à écrire contient un saut de ligne brut", "the line to write holds a raw newline").into()
}

// Search (src/search.rs): field names, the active-filter line, result counts.
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
pub fn filtered_tree(n: usize) -> String {
    tr!(format!("filtre : {n} action(s)"), format!("filter: {n} action(s)"))
}

/// Values of one filter, quoted and joined: « a » ou « b » / "a" or "b".
fn search_quoted(values: &[String]) -> String {
    let quoted: Vec<String> = values.iter().map(|v| tr!(format!("« {v} »"), format!("\"{v}\""))).collect();
    quoted.join(tr!(" ou ", " or "))
}

pub fn search_filter_status(labels: &[&str]) -> String {
    let or = labels.join(tr!(" ou ", " or "));
    tr!(format!("statut : {or}"), format!("status: {or}"))
}

pub fn search_filter_pilot(values: &[String]) -> String {
    let v = search_quoted(values);
    tr!(format!("pilote ou partenaire : {v}"), format!("pilot or partner: {v}"))
}

pub fn search_filter_tag(values: &[String]) -> String {
    let v = search_quoted(values);
    tr!(format!("étiquette : {v}"), format!("tag: {v}"))
}

pub fn search_filter_orientation(values: &[String]) -> String {
    let v = search_quoted(values);
    tr!(format!("orientation : {v}"), format!("orientation: {v}"))
}

pub fn search_filter_referent(values: &[String]) -> String {
    let v = search_quoted(values);
    tr!(format!("référent : {v}"), format!("referent: {v}"))
}

pub fn search_unknown_status(s: &str) -> String {
    tr!(
        format!("statut inconnu « {s} » : attendu nondemarree, encours, realisee ou abandonnee"),
        format!("unknown status \"{s}\": expected not-started, in-progress, done or abandoned")
    )
}

/// The active-filter line: "Filtres : statut : En cours · en retard".
pub fn search_filters(parts: &[String]) -> String {
    let all = parts.join(" · ");
    tr!(format!("Filtres : {all}"), format!("Filters: {all}"))
}

pub fn search_count(n: usize, total: usize) -> String {
    match n {
        0 => tr!("aucune action ne correspond".to_string(), "no action matches".to_string()),
        1 => tr!(format!("1 action sur {total}"), format!("1 of {total} actions")),
        n => tr!(format!("{n} actions sur {total}"), format!("{n} of {total} actions")),
    }
}

t! {
    DASHBOARD = "Tableau de bord" / "Dashboard";
    WHOLE_PLAN = "Plan entier" / "Whole plan";
    NO_BUDGET = "Budget : non renseigné" / "Budget: not given";
    BIG_DONE = "réalisées" / "done";
    BIG_IN_PROGRESS = "en cours" / "in progress";
    BIG_LATE = "en retard" / "late";
    BIG_COMMITTED = "budget engagé" / "budget committed";
    BIG_BEHIND = "indicateurs en retard" / "indicators behind";
    CHART_TITLE = "Indicateur" / "Indicator";
    CHART_TRAJECTORY = "Trajectoire" / "Trajectory";
    CHART_TARGETS = "Cibles" / "Targets";
    CHART_BASELINE = "Référence" / "Baseline";
    CHART_MEASURES = "Mesures" / "Measurements";
    CHART_TEXT_ONLY = "Indicateur qualitatif : pas de courbe ; ses valeurs :" / "Qualitative indicator: no curve; its values:";
    CHART_NOTHING = "Ni référence, ni cible, ni mesure à tracer." / "No baseline, target or measurement to draw.";
    CMD_DASHBOARD = "Tableau de bord ; Entrée y ouvre une orientation dans l'arbre" / "Dashboard; Enter there opens an orientation in the tree";
    CMD_CHART = "Graphique des indicateurs de l'action" / "Chart of the action's indicators";
    CMD_PRESENT = "Mode projection (grand contraste, sans décor)" / "Projection mode (high contrast, no clutter)";
    CMD_NEXT_INDICATOR = "Indicateur suivant" / "Next indicator";
    CMD_PREV_INDICATOR = "Indicateur précédent" / "Previous indicator";
    CMD_BACK = "Revenir au plan" / "Back to the plan";
    KEY_DASHBOARD = "tableau de bord" / "dashboard";
    KEY_CHART = "graphique" / "chart";
    KEY_PRESENT = "projection" / "projection";
    KEY_BACK = "retour" / "back";
    KEY_OPEN_ORIENTATION = "ouvrir" / "open";
    KEY_INDICATOR = "indicateur" / "indicator";
    KEY_MEASURE = "mesure" / "measure";
    KEY_ACTION = "action" / "action";
    HELP_IN_DASHBOARD = "Dans le tableau de bord" / "On the dashboard";
    HELP_IN_CHART = "Dans le graphique" / "On the chart";
    NOT_AN_ACTION_CHART = "Choisissez une action : le graphique montre ses indicateurs." / "Choose an action: the chart shows its indicators.";
}

pub fn n_actions(n: usize) -> String {
    match (lang(), n) {
        (Lang::Fr, 0 | 1) => format!("{n} action"),
        (Lang::Fr, _) => format!("{n} actions"),
        (Lang::En, 1) => "1 action".to_string(),
        (Lang::En, _) => format!("{n} actions"),
    }
}

/// « ! 3 en retard » / "! 3 late".
pub fn late_count(n: usize) -> String {
    tr!(format!("{n} en retard"), format!("{n} late"))
}

pub fn on_track_count(n: usize) -> String {
    tr!(format!("{n} dans la trajectoire"), format!("{n} on track"))
}

pub fn behind_count(n: usize) -> String {
    tr!(format!("{n} en retard"), format!("{n} behind"))
}

pub fn untracked_count(n: usize) -> String {
    tr!(format!("{n} sans comparaison"), format!("{n} not comparable"))
}

/// The budget of a set of actions: planned, and the shares committed and spent.
pub fn budget_summary(planned: u64, committed: u64, spent: u64) -> String {
    let (p, c) = (euros(planned), percent(committed, planned));
    // No spending recorded is not « 0 % » spent.
    let s = if spent == 0 { crate::wording::spent_not_recorded().to_string() } else { percent(spent, planned) };
    tr!(
        format!("Budget : {p} prévus · engagé {c} · dépensé {s}"),
        format!("Budget: {p} planned · committed {c} · spent {s}")
    )
}

/// The chart's title: which indicator of how many, its name and unit.
pub fn chart_title(i: usize, n: usize, name: &str, unit: Option<&str>) -> String {
    let unit = unit.map(|u| format!(" ({u})")).unwrap_or_default();
    format!("{} {}/{n} — {name}{unit}", CHART_TITLE.get(), i + 1)
}

/// Below the chart: the latest value, where the trajectory expects it, and the verdict.
pub fn chart_latest(value: &str, date: &str, expected: Option<&str>, on_track: Option<bool>) -> String {
    let mut s = tr!(format!("Dernière mesure : {value} ({date})"), format!("Latest: {value} ({date})"));
    if let Some(e) = expected {
        s.push_str(&tr!(format!(" · attendu {e}"), format!(" · expected {e}")));
    }
    match on_track {
        Some(true) => s.push_str(tr!(" · ✓ dans la trajectoire", " · ✓ on track")),
        Some(false) => s.push_str(tr!(" · ✗ en retard sur la trajectoire", " · ✗ behind the trajectory")),
        None => {}
    }
    s
}

pub fn no_measure_yet() -> &'static str {
    tr!("Pas encore de mesure.", "No measurement yet.")
}

pub fn bad_theme(file: &str, name: &str) -> String {
    tr!(
        format!("erreur : {file} : thème inconnu « {name} » : attendu default, light, high-contrast ou monochrome"),
        format!("error: {file}: unknown theme \"{name}\": expected default, light, high-contrast or monochrome")
    )
}

/// A settings file (keymap, config) that does not parse: « erreur : FILE:LINE:COL : what ».
pub fn settings_error(file: &str, e: &ron::error::SpannedError) -> String {
    format!("{} : {file}:{}:{} : {}", ERROR.get(), e.span.start.line, e.span.start.col, ron_error(&e.code))
}

t! {
    F_BODY = "Instance" / "Body";
    F_TITLE = "Titre (facultatif)" / "Title (optional)";
    F_PLACE = "Lieu (facultatif)" / "Place (optional)";
    F_NEXT_DATE = "Date (AAAA-MM-JJ)" / "Date (YYYY-MM-DD)";
    F_REPRESENTED_BY = "Représenté(e) par" / "Represented by";
    F_FORMAT = "Format" / "Format";
    FORM_NEXT_MEETING = "Prochaine réunion" / "Next meeting";
    FORM_REPRESENTED = "Représentation" / "Represented";
    FORM_MINUTES_FORMAT = "Écrire le relevé" / "Write the minutes";
    F_DECISION = "Décision" / "Decision";
    F_OWNER = "Responsable (facultatif)" / "Owner (optional)";
    F_DUE = "Échéance (JJ/MM/AAAA, facultative)" / "Due (DD/MM/YYYY, optional)";
    F_NOTE_TEXT = "Note" / "Note";
    F_TASK = "Tâche" / "Task";
    F_GUEST = "Nom de l'invité" / "Guest's name";
    F_PRESENCE = "Présence" / "Presence";
    F_AGENDA_ACTION = "Action à ajouter (identifiant)" / "Action to add (id)";
    F_CONFIRM = "Clore la réunion ? Plus rien ne pourra y être enregistré." / "Close the meeting? Nothing more can be recorded in it.";
    F_RESUME = "Une réunion est restée ouverte." / "A meeting was left open.";
    CLOSE_YES = "Oui, clore la réunion" / "Yes, close the meeting";
    CLOSE_NO = "Non, revenir" / "No, go back";
    RESUME_YES = "Reprendre la réunion" / "Resume the meeting";
    RESUME_LATER = "Plus tard" / "Later";
    FORM_OPEN_MEETING = "Ouvrir une réunion" / "Open a meeting";
    FORM_DECISION = "Décision" / "Decision";
    FORM_NOTE = "Note de réunion" / "Meeting note";
    FORM_TASK = "Tâche" / "Task";
    FORM_GUEST = "Invité" / "Guest";
    FORM_ADD_ITEM = "Ajouter à l'ordre du jour" / "Add to the agenda";
    FORM_CLOSE_MEETING = "Clore la réunion" / "Close the meeting";
    FORM_RESUME = "Reprendre la réunion" / "Resume the meeting";
    PRESENT = "Présent" / "Present";
    EXCUSED = "Excusé" / "Excused";
    ABSENT = "Absent" / "Absent";
    NOT_RECORDED = "non renseigné" / "not recorded";
}

pub fn presence_label(p: crate::plan::journal::Presence) -> &'static str {
    use crate::plan::journal::Presence as P;
    match p {
        P::Present => PRESENT.get(),
        P::Excused => EXCUSED.get(),
        P::Absent => ABSENT.get(),
        P::Represented => tr!("Représenté(e)", "Represented"),
    }
}

t! {
    CMD_MEETING = "Réunion : en ouvrir une (COPIL, COTECH…) ou revenir à celle en cours" / "Meeting: open one (COPIL, COTECH…) or go back to the open one";
    CMD_FOLLOW_UP = "Suivi : tâches ouvertes et décisions à échéance, en retard d'abord" / "Follow-up: open tasks and decisions with a due date, overdue first";
    CMD_MEETINGS = "Réunions passées, par instance, et leurs relevés" / "Past meetings per body, and their minutes";
    CMD_DECISION = "Enregistrer une décision (texte, responsable, échéance)" / "Record a decision (text, owner, due date)";
    CMD_MEETING_NOTE = "Enregistrer une note" / "Record a note";
    CMD_TASK = "Enregistrer une tâche (texte, responsable, échéance)" / "Record a task (text, owner, due date)";
    CMD_ATTENDANCE = "Présences" / "Attendance";
    CMD_ADD_ITEM = "Ajouter une action à l'ordre du jour" / "Add an action to the agenda";
    CMD_REMOVE_ITEM = "Retirer le point de l'ordre du jour" / "Take the item off the agenda";
    CMD_ITEM_UP = "Monter le point dans l'ordre du jour" / "Move the item up the agenda";
    CMD_ITEM_DOWN = "Descendre le point dans l'ordre du jour" / "Move the item down the agenda";
    CMD_CLOSE_MEETING = "Clore la réunion" / "Close the meeting";
    CMD_MINUTES = "Écrire le relevé de décisions à côté du plan (Markdown, ODT ou HTML)" / "Write the minutes beside the plan (Markdown, ODT or HTML)";
    CMD_NEXT_MEETING = "Date et lieu de la prochaine réunion (avant de clore)" / "Date and place of the next meeting (before closing)";
    CMD_MARK_REPRESENTED = "Représenté(e) : qui vient à sa place" / "Represented: who came in their place";
    CMD_MARK_PRESENT = "Marquer présent" / "Mark present";
    CMD_MARK_EXCUSED = "Marquer excusé" / "Mark excused";
    CMD_MARK_ABSENT = "Marquer absent" / "Mark absent";
    CMD_ADD_GUEST = "Ajouter un invité" / "Add a guest";
    CMD_TASK_DONE = "Marquer la tâche faite" / "Mark the task done";
    HELP_IN_MEETING = "En réunion" / "In a meeting";
    HELP_IN_ATTENDANCE = "Dans les présences" / "In the attendance";
    HELP_IN_FOLLOW_UP = "Dans le suivi" / "In the follow-up";
    HELP_IN_MEETINGS = "Dans les réunions passées et les relevés" / "In past meetings and minutes";
    KEY_MEETING = "réunion" / "meeting";
    KEY_DECISION = "décision" / "decision";
    KEY_NOTE = "note" / "note";
    KEY_TASK = "tâche" / "task";
    KEY_ATTENDANCE = "présences" / "attendance";
    KEY_CLOSE = "clore" / "close";
    KEY_MINUTES = "relevé" / "minutes";
    KEY_PRESENT_MARK = "présent" / "present";
    KEY_EXCUSED_MARK = "excusé" / "excused";
    KEY_ABSENT_MARK = "absent" / "absent";
    KEY_GUEST = "invité" / "guest";
    KEY_DONE = "faite" / "done";
    KEY_READ = "lire" / "read";
    NO_BODIES = "Le plan ne déclare aucune instance (bodies) : pas de réunion possible." / "The plan declares no body: no meeting possible.";
    AGENDA = "Ordre du jour" / "Agenda";
    AGENDA_EMPTY = "Rien à l'ordre du jour : + pour ajouter une action." / "Nothing on the agenda: + to add an action.";
    MEETING_OPEN = "en cours" / "in progress";
    MEETING_IN_PROGRESS = "réunion en cours" / "meeting in progress";
    MEETING_CLOSED = "close" / "closed";
    WHY_ON_AGENDA = "À l'ordre du jour" / "On the agenda";
    REASON_LATE = "en retard" / "late";
    REASON_CHANGED = "modifiée depuis la dernière réunion" / "changed since the last meeting";
    REASON_BEHIND = "indicateur derrière la cible" / "indicator behind target";
    REASON_ADDED = "ajoutée en séance" / "added in the meeting";
    FOLLOW_UP_TITLE = "Suivi des tâches et décisions" / "Follow-up of tasks and decisions";
    FOLLOW_UP_EMPTY = "Aucune tâche ouverte ni décision à échéance." / "No open task and no decision with a due date.";
    MEETINGS_TITLE = "Réunions" / "Meetings";
    NO_MEETING_YET = "aucune réunion" / "no meeting yet";
    IN_THIS_MEETING = "Dans cette réunion" / "In this meeting";
    FOLLOW_UP_HEADING = "Suivi" / "Follow-up";
    ATTENDANCE_TITLE = "Présences" / "Attendance";
    GUESTS = "Invités" / "Guests";
    NO_ORG = "Sans organisation" / "No organisation";
    CHAIR = "présidence" / "chair";
    TASK_WORD = "Tâche" / "Task";
    DECISION_WORD = "Décision" / "Decision";
    DECISION_HAS_NO_STATE = "Une décision n'a pas d'état « faite » : elle reste au suivi jusqu'à son échéance." / "A decision has no done state: it stays in the follow-up until its due date.";
    NOT_A_TASK = "Choisissez une tâche." / "Choose a task.";
    MINUTES_TITLE = "Relevé de décisions" / "Minutes";
}

/// The meeting screen's title: title (or body), body, date, open or closed.
pub fn meeting_heading(title: &str, body: &str, date: &str, open: bool) -> String {
    let state = if open { MEETING_OPEN.get() } else { MEETING_CLOSED.get() };
    format!("{title} · {body} · {date} · {state}")
}

pub fn task_due(owner: &str, due: &str) -> String {
    match (owner.is_empty(), due.is_empty()) {
        (true, true) => String::new(),
        (false, true) => owner.to_string(),
        (true, false) => tr!(format!("échéance {due}"), format!("due {due}")),
        (false, false) => tr!(format!("{owner}, échéance {due}"), format!("{owner}, due {due}")),
    }
}

/// A body that has not met as often as it should.
pub fn body_overdue(months: u32) -> String {
    tr!(format!("⚠ aucune réunion depuis {months} mois"), format!("⚠ no meeting in {months} months"))
}

pub fn minutes_written(path: &str) -> String {
    tr!(format!("Relevé écrit : {path}"), format!("Minutes written: {path}"))
}

pub fn task_marked_done(id: &str) -> String {
    tr!(format!("tâche {id} faite"), format!("task {id} done"))
}

pub fn agenda_position(i: usize, n: usize) -> String {
    tr!(format!("Point {i} / {n}"), format!("Item {i} / {n}"))
}

pub fn present_count(present: usize, expected: usize) -> String {
    tr!(format!("{present} présent(s) sur {expected}"), format!("{present} present of {expected}"))
}

pub fn reason_open_task(id: &str, text: &str) -> String {
    tr!(format!("tâche {id} ouverte : {text}"), format!("task {id} open: {text}"))
}

pub fn reason_decision_due(text: &str) -> String {
    tr!(format!("décision arrivée à échéance : {text}"), format!("decision due: {text}"))
}

/// A label before its value: « Pilotes : » in French (a space before the colon), "Pilots:" in English.
pub fn label(l: &str) -> String {
    tr!(format!("{l} : "), format!("{l}: "))
}
