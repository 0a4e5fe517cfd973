//! The interface's words: commands and keys (help screen, status bar), forms, screens, the
//! dashboard, charts and meetings.

use super::*;

t! {
    PLAN_TREE = "Plan" / "Plan";
    DETAIL = "Détail" / "Detail";
    HELP_TITLE = "Aide — touches" / "Help — keys";
    HELP_CLOSE = "Échap ou ? pour fermer" / "Esc or ? to close";
    TOO_SMALL = "Fenêtre trop petite" / "Window too small";
    EMPTY_PLAN = "Ce plan n'a encore aucune orientation." / "This plan has no orientation yet.";
    EMPTY_FILTER = "Aucune action ne correspond au filtre (x pour l'effacer)." / "No action matches the filter (x clears it).";
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

pub fn too_small(l: Lang, w: u16, h: u16, min_w: u16, min_h: u16) -> String {
    tr!(
        l,
        format!("{w}×{h} : agrandissez la fenêtre à au moins {min_w}×{min_h}"),
        format!("{w}×{h}: enlarge the window to at least {min_w}×{min_h}")
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
