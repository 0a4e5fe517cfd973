//! Every user-facing string, in French (the default) and English.
//!
//! The language is process-wide: chosen once at start (`--lang`, else the locale), read everywhere;
//! its mechanism (`Lang`, `l`, `T`, `tr!`) is the leaf module `lang`.

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

pub fn saved_change(l: Lang, what: &str) -> String {
    tr!(l, format!("Enregistré : {what}"), format!("Saved: {what}"))
}

pub fn changed_by(l: Lang, who: &str, action: &str, what: &str) -> String {
    tr!(l, format!("{who} — {action} : {what}"), format!("{who} — {action}: {what}"))
}

pub fn read_only_refusal(l: Lang, why: &str) -> String {
    tr!(
        l,
        format!("Lecture seule ({why}) : cette touche ne modifie rien."),
        format!("Read-only ({why}): this key changes nothing.")
    )
}

pub fn bad_key(l: Lang, file: &str, key: &str) -> String {
    tr!(
        l,
        format!(
            "{file} : touche inconnue « {key} » : attendu un caractère (\"q\", \"G\") ou un nom (up, down, left, right, pageup, pagedown, home, end, enter, space, tab, backtab, esc, backspace, delete, f1…f12), précédé au besoin de ctrl-, alt- ou shift-"
        ),
        format!(
            "{file}: unknown key \"{key}\": expected a character (\"q\", \"G\") or a name (up, down, left, right, pageup, pagedown, home, end, enter, space, tab, backtab, esc, backspace, delete, f1…f12), optionally after ctrl-, alt- or shift-"
        ),
    )
}

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

pub fn journal_line(l: Lang, line: usize) -> String {
    tr!(l, format!("ligne {line} du journal"), format!("journal line {line}"))
}

pub fn io_error(l: Lang, path: &str, e: &std::io::Error) -> String {
    tr!(l, format!("impossible de lire {path} : {e}"), format!("cannot read {path}: {e}"))
}

pub fn too_small(l: Lang, w: u16, h: u16, min_w: u16, min_h: u16) -> String {
    tr!(
        l,
        format!("{w}×{h} : agrandissez la fenêtre à au moins {min_w}×{min_h}"),
        format!("{w}×{h}: enlarge the window to at least {min_w}×{min_h}")
    )
}

pub fn counts_summary(l: Lang, o: usize, a: usize, i: usize, j: usize) -> String {
    format!(
        "{o} {}, {a} {}, {i} {}, {j} {}",
        ORIENTATIONS.get(l),
        ACTIONS_LC.get(l),
        INDICATORS_LC.get(l),
        JOURNAL_LINES.get(l)
    )
}

/// A date as people of the language write it: 23/11/2026, 2026-11-23.
pub fn date_text(l: Lang, d: crate::plan::model::Date) -> String {
    match l {
        Lang::Fr => d.0.format("%d/%m/%Y").to_string(),
        Lang::En => d.to_string(),
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

// Writing and watching the journal (store::append, store::watch).

/// Why a file operation failed, in plain words (the system's own text for the unusual cases).
pub fn io_reason(l: Lang, e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    // copil's own refusals, carried inside an I/O error, in the language asked for.
    if let Some(refusal) = crate::store::safe::NotRegular::find(e) {
        return refusal.text(l);
    }
    if let Some(refusal) = crate::store::export::OwnFile::find(e) {
        return refusal.text(l);
    }
    match e.kind() {
        K::PermissionDenied => tr!(l, "permission refusée", "permission denied").into(),
        K::ReadOnlyFilesystem => tr!(l, "disque ou partage en lecture seule", "read-only disk or share").into(),
        K::StorageFull => tr!(l, "disque plein", "disk full").into(),
        K::QuotaExceeded => tr!(l, "quota disque dépassé", "disk quota exceeded").into(),
        K::NotFound => tr!(l, "fichier ou dossier introuvable", "file or folder not found").into(),
        K::NotADirectory => {
            tr!(l, "le dossier du journal n'est pas un dossier", "the journal's folder is not a folder").into()
        }
        K::IsADirectory => tr!(l, "c'est un dossier, pas un fichier", "it is a folder, not a file").into(),
        K::WriteZero => tr!(l, "écriture incomplète", "incomplete write").into(),
        _ => e.to_string(),
    }
}

/// The journal cannot be written (permissions, read-only disk): the edit is lost unless retried.
pub fn append_read_only(l: Lang, e: &std::io::Error) -> String {
    let why = io_reason(l, e);
    tr!(
        l,
        format!("impossible d'écrire dans le journal ({why}) : la modification n'a PAS été enregistrée"),
        format!("cannot write to the journal ({why}): the change was NOT saved")
    )
}

/// The journal is not a regular file: nothing was written.
pub fn append_refused(l: Lang, e: &std::io::Error) -> String {
    tr!(l, format!("{e} : la modification n'a PAS été enregistrée"), format!("{e}: the change was NOT saved"))
}

/// Another session kept the journal locked for longer than `waited`.
pub fn append_lock_timeout(l: Lang, waited: std::time::Duration) -> String {
    let s = number(l, waited.as_secs_f64());
    tr!(
        l,
        format!(
            "le journal est occupé par une autre session depuis plus de {s} s : la modification n'a PAS été enregistrée ; réessayez"
        ),
        format!("the journal has been busy with another session for over {s} s: the change was NOT saved; try again")
    )
}

/// Writing or flushing the journal failed (disk full, I/O error).
pub fn append_failed(l: Lang, e: &std::io::Error) -> String {
    let why = io_reason(l, e);
    tr!(
        l,
        format!("l'écriture du journal a échoué ({why}) : la modification n'a PAS été enregistrée"),
        format!("writing the journal failed ({why}): the change was NOT saved")
    )
}

/// Why a session opens read-only: short, shown as "Lecture seule (…)".
pub fn journal_not_writable(l: Lang, e: &std::io::Error) -> String {
    let why = io_reason(l, e);
    tr!(l, format!("journal non modifiable : {why}"), format!("journal not writable: {why}"))
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

/// The header's badge for a meeting run by someone else.
pub fn meeting_opened_by(l: Lang, name: &str) -> String {
    tr!(l, format!("réunion en cours, ouverte par {name}"), format!("meeting in progress, opened by {name}"))
}

/// The header's "who am I" for a login that is not one of the plan's people.
pub fn undeclared_user(l: Lang, login: &str) -> String {
    tr!(l, format!("{login} (non déclaré dans le plan)"), format!("{login} (not declared in the plan)"))
}

/// The plan file changed on disk and was read again.
pub fn plan_reloaded(l: Lang) -> String {
    tr!(l, "le fichier du plan a changé sur le disque : plan rechargé", "the plan file changed on disk: plan reloaded")
        .into()
}

/// The plan file changed on disk but does not load: the plan shown stays.
pub fn plan_not_reloaded(l: Lang, diagnostic: &str) -> String {
    let first = diagnostic.lines().take(2).map(str::trim).collect::<Vec<_>>().join(" ");
    tr!(
        l,
        format!("le fichier du plan a changé mais ne se charge pas ; le plan affiché reste celui d'avant — {first}"),
        format!("the plan file changed but does not load; the plan shown stays as it was — {first}")
    )
}

/// The journal was rewritten under an open copil and read again from its start.
pub fn journal_rewritten(l: Lang) -> String {
    tr!(
        l,
        "le journal a été modifié hors de copil (raccourci, réécrit ou remplacé) : il a été relu depuis le début",
        "the journal was changed outside copil (shortened, rewritten or replaced): it was read again from the start"
    )
    .into()
}

/// The journal is now shorter than what the session already read and applied.
pub fn journal_shrank(l: Lang, len: u64, read: u64) -> String {
    tr!(
        l,
        format!(
            "le journal a raccourci ({len} octets, {read} déjà lus) : il a été modifié hors de copil ; rouvrez le plan pour le relire"
        ),
        format!(
            "the journal got shorter ({len} bytes, {read} already read): it was changed outside copil; reopen the plan to read it again"
        )
    )
}

/// A line the session had already read was changed in place.
pub fn journal_line_changed(l: Lang, line: usize) -> String {
    tr!(
        l,
        format!(
            "{} modifiée après sa lecture : le journal a été modifié hors de copil ; rouvrez le plan pour le relire",
            journal_line(l, line)
        ),
        format!(
            "{} changed after it was read: the journal was changed outside copil; reopen the plan to read it again",
            journal_line(l, line)
        )
    )
}

/// An event whose line would hold a raw newline (never expected: `Event::to_line` escapes them).
pub fn raw_newline_in_line(l: Lang) -> String {
    tr!(l, "la ligne à écrire contient un saut de ligne brut", "the line to write holds a raw newline").into()
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

pub fn n_actions(l: Lang, n: usize) -> String {
    match (l, n) {
        (Lang::Fr, 0 | 1) => format!("{n} action"),
        (Lang::Fr, _) => format!("{n} actions"),
        (Lang::En, 1) => "1 action".to_string(),
        (Lang::En, _) => format!("{n} actions"),
    }
}

/// « ! 3 en retard » / "! 3 late".
pub fn late_count(l: Lang, n: usize) -> String {
    tr!(l, format!("{n} en retard"), format!("{n} late"))
}

pub fn on_track_count(l: Lang, n: usize) -> String {
    tr!(l, format!("{n} dans la trajectoire"), format!("{n} on track"))
}

pub fn behind_count(l: Lang, n: usize) -> String {
    tr!(l, format!("{n} en retard"), format!("{n} behind"))
}

pub fn untracked_count(l: Lang, n: usize) -> String {
    tr!(l, format!("{n} sans comparaison"), format!("{n} not comparable"))
}

/// The budget of a set of actions: planned, and the shares committed and spent.
pub fn budget_summary(l: Lang, planned: u64, committed: u64, spent: u64) -> String {
    let (p, c) = (euros(l, planned), percent(l, committed, planned));
    // No spending recorded is not « 0 % » spent.
    let s = if spent == 0 { crate::wording::spent_not_recorded(l).to_string() } else { percent(l, spent, planned) };
    tr!(
        l,
        format!("Budget : {p} prévus · engagé {c} · dépensé {s}"),
        format!("Budget: {p} planned · committed {c} · spent {s}")
    )
}

/// The chart's title: which indicator of how many, its name and unit.
pub fn chart_title(l: Lang, i: usize, n: usize, name: &str, unit: Option<&str>) -> String {
    let unit = unit.map(|u| format!(" ({u})")).unwrap_or_default();
    format!("{} {}/{n} — {name}{unit}", CHART_TITLE.get(l), i + 1)
}

/// Below the chart: the latest value, where the trajectory expects it, and the verdict.
pub fn chart_latest(l: Lang, value: &str, date: &str, expected: Option<&str>, on_track: Option<bool>) -> String {
    let mut s = tr!(l, format!("Dernière mesure : {value} ({date})"), format!("Latest: {value} ({date})"));
    if let Some(e) = expected {
        s.push_str(&tr!(l, format!(" · attendu {e}"), format!(" · expected {e}")));
    }
    match on_track {
        Some(true) => s.push_str(tr!(l, " · ✓ dans la trajectoire", " · ✓ on track")),
        Some(false) => s.push_str(tr!(l, " · ✗ en retard sur la trajectoire", " · ✗ behind the trajectory")),
        None => {}
    }
    s
}

pub fn no_measure_yet(l: Lang) -> &'static str {
    tr!(l, "Pas encore de mesure.", "No measurement yet.")
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

pub fn presence_label(l: Lang, p: crate::plan::journal::Presence) -> &'static str {
    use crate::plan::journal::Presence as P;
    match p {
        P::Present => PRESENT.get(l),
        P::Excused => EXCUSED.get(l),
        P::Absent => ABSENT.get(l),
        P::Represented => tr!(l, "Représenté(e)", "Represented"),
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
pub fn meeting_heading(l: Lang, title: &str, body: &str, date: &str, open: bool) -> String {
    let state = if open { MEETING_OPEN.get(l) } else { MEETING_CLOSED.get(l) };
    format!("{title} · {body} · {date} · {state}")
}

pub fn task_due(l: Lang, owner: &str, due: &str) -> String {
    match (owner.is_empty(), due.is_empty()) {
        (true, true) => String::new(),
        (false, true) => owner.to_string(),
        (true, false) => tr!(l, format!("échéance {due}"), format!("due {due}")),
        (false, false) => tr!(l, format!("{owner}, échéance {due}"), format!("{owner}, due {due}")),
    }
}

/// A body that has not met as often as it should.
pub fn body_overdue(l: Lang, months: u32) -> String {
    tr!(l, format!("⚠ aucune réunion depuis {months} mois"), format!("⚠ no meeting in {months} months"))
}

pub fn minutes_written(l: Lang, path: &str) -> String {
    tr!(l, format!("Relevé écrit : {path}"), format!("Minutes written: {path}"))
}

pub fn task_marked_done(l: Lang, id: &str) -> String {
    tr!(l, format!("tâche {id} faite"), format!("task {id} done"))
}

pub fn agenda_position(l: Lang, i: usize, n: usize) -> String {
    tr!(l, format!("Point {i} / {n}"), format!("Item {i} / {n}"))
}

pub fn present_count(l: Lang, present: usize, expected: usize) -> String {
    tr!(l, format!("{present} présent(s) sur {expected}"), format!("{present} present of {expected}"))
}

pub fn reason_open_task(l: Lang, id: &str, text: &str) -> String {
    tr!(l, format!("tâche {id} ouverte : {text}"), format!("task {id} open: {text}"))
}

pub fn reason_decision_due(l: Lang, text: &str) -> String {
    tr!(l, format!("décision arrivée à échéance : {text}"), format!("decision due: {text}"))
}

/// A label before its value: « Pilotes : » in French (a space before the colon), "Pilots:" in English.
pub fn label(l: Lang, name: &str) -> String {
    tr!(l, format!("{name} : "), format!("{name}: "))
}
