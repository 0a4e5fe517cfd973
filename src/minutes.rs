//! The *relevé de décisions* of one meeting (`copil minutes PLAN MEETING`, `M` in a meeting), in
//! the shape French administrations send after a COPIL: a header (body, date, place, times, who
//! chaired, who took the minutes), attendance by organisation (présents, représentés, excusés,
//! absents), the agenda as it was run, the follow-up of earlier decisions and tasks, each item
//! with what was decided or recorded, the numbered decisions, the tasks, the next meeting and the
//! distribution list. A section with nothing to say is left out.
//!
//! Everything comes from the replay: the meeting's lines (`Meeting::items`, only those applied),
//! the earlier meetings of the same body and the plan's people. The document is a [`Doc`],
//! rendered as Markdown, HTML or ODT. Pure: the same journal gives the same bytes (no clock).

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::doc::{self, Block, Doc, Item, Line, Table, b, labelled, t};
use crate::i18n::{self, Lang, date_text, status_label, value_text};
use crate::plan::journal::{Change, Presence};
use crate::plan::meeting::{expected_people, presence_of};
use crate::plan::model::{Date, Plan, Timestamp, Value};
use crate::plan::state::{Entry, Meeting, Outcome, PlanState};
use crate::search::fold;

/// The formats of the minutes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MinutesFormat {
    /// Markdown, in the interface language.
    #[default]
    Md,
    /// OpenDocument text (LibreOffice, Word), A4.
    Odt,
    /// One self-contained HTML page that prints on A4.
    Html,
}

impl MinutesFormat {
    pub const ALL: [MinutesFormat; 3] = [MinutesFormat::Md, MinutesFormat::Odt, MinutesFormat::Html];

    pub fn extension(self) -> &'static str {
        match self {
            MinutesFormat::Md => "md",
            MinutesFormat::Odt => "odt",
            MinutesFormat::Html => "html",
        }
    }
}

/// Ids of every meeting of the plan, in the journal's order (for error messages).
pub fn meeting_ids(state: &PlanState) -> Vec<String> {
    state.meetings.iter().map(|m| m.id.clone()).collect()
}

/// A file name for a meeting's minutes, beside the plan: `<plan stem>-<meeting id>.md`, the
/// meeting id reduced to `[A-Za-z0-9._-]` (any other character becomes `_`).
pub fn default_path(plan: &Path, meeting: &str) -> PathBuf {
    default_path_as(plan, meeting, MinutesFormat::Md)
}

/// The same name with the format's extension (`.md`, `.odt`, `.html`).
pub fn default_path_as(plan: &Path, meeting: &str, format: MinutesFormat) -> PathBuf {
    let stem = plan.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "plan".to_string());
    let id: String = meeting
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-') { c } else { '_' })
        .collect();
    plan.with_file_name(format!("{stem}-{id}.{}", format.extension()))
}

/// The plan has no meeting with this id: the message names the meetings it has.
pub fn unknown_meeting(l: Lang, id: &str, known: &[String]) -> String {
    if known.is_empty() {
        return tr!(
            l,
            format!("réunion inconnue « {id} » : le plan n'a aucune réunion"),
            format!("unknown meeting \"{id}\": the plan has no meeting")
        );
    }
    let list = known.join(", ");
    tr!(
        l,
        format!("réunion inconnue « {id} » ; réunions du plan : {list}"),
        format!("unknown meeting \"{id}\"; the plan's meetings: {list}")
    )
}

/// The minutes file could not be written (the message of `copil minutes -o FILE`).
pub fn write_error(l: Lang, path: &Path, e: &std::io::Error) -> String {
    let (path, why) = (path.display(), i18n::io_reason(l, e));
    tr!(
        l,
        format!("impossible d'écrire le relevé dans {path} ({why}) : aucun fichier n'a été modifié"),
        format!("cannot write the minutes to {path} ({why}): no file was changed")
    )
}

/// The minutes of one meeting as Markdown, or None when the plan has no meeting with that id.
pub fn markdown(l: Lang, state: &PlanState, meeting: &str) -> Option<String> {
    document(l, state, meeting).map(|d| doc::markdown(&d))
}

/// The minutes in a format, as the file's bytes; None when the plan has no such meeting.
pub fn render(l: Lang, state: &PlanState, meeting: &str, format: MinutesFormat) -> Option<std::io::Result<Vec<u8>>> {
    let d = document(l, state, meeting)?;
    Some(match format {
        MinutesFormat::Md => Ok(doc::markdown(&d).into_bytes()),
        MinutesFormat::Html => Ok(doc::html::render(&d).into_bytes()),
        MinutesFormat::Odt => doc::odt::render(&d),
    })
}

/// The applied lines of a meeting, in the journal's order.
fn applied<'a>(state: &'a PlanState, m: &Meeting) -> Vec<&'a Entry> {
    m.items.iter().filter_map(|&i| state.entries.get(i)).filter(|e| e.outcome == Outcome::Applied).collect()
}

/// The body's name, or its id when the plan no longer has it.
fn body_name<'a>(plan: &'a Plan, m: &'a Meeting) -> &'a str {
    plan.body(&m.body).map(|b| b.name.as_str()).unwrap_or(&m.body)
}

/// The meeting's title as its heading says it.
fn title(l: Lang, plan: &Plan, m: &Meeting) -> String {
    let date = date_text(l, m.date);
    match &m.title {
        Some(t) => t.trim().to_string(),
        None => tr!(l, format!("{} du {date}", body_name(plan, m)), format!("{} of {date}", body_name(plan, m))),
    }
}

/// The minutes of one meeting as a document, or None when the plan has no meeting with that id.
pub fn document(l: Lang, state: &PlanState, meeting: &str) -> Option<Doc> {
    let m = state.meeting(meeting)?;
    let plan = &state.plan;
    let items = applied(state, m);
    let heading = format!("{} — {}", tr!(l, "Relevé de décisions", "Minutes"), title(l, plan, m));
    let mut d = Doc::new(l, heading.clone());
    d.heading(1, heading);
    header(l, &mut d, state, m);
    attendance(l, &mut d, plan, m);
    let agenda = agenda(l, plan, &items);
    if !agenda.is_empty() {
        d.heading(2, tr!(l, "Ordre du jour", "Agenda"));
        d.push(Block::Numbered(agenda.iter().map(|it| Item::new(vec![t(it.title.clone())])).collect()));
    }
    earlier(l, &mut d, state, m);
    if !agenda.is_empty() {
        d.heading(2, tr!(l, "Points examinés", "Items discussed"));
        let numbers = decision_numbers(&items);
        for (n, item) in agenda.iter().enumerate() {
            d.heading(3, format!("{}. {}", n + 1, item.title));
            let lines: Vec<Item> = item.entries.iter().filter_map(|e| recorded(l, state, e, &numbers)).collect();
            if lines.is_empty() {
                d.para(vec![t(tr!(l, "Point présenté, sans décision.", "Item presented, no decision."))]);
            } else {
                d.push(Block::List(lines));
            }
        }
    }
    decisions(l, &mut d, plan, &items);
    tasks(l, &mut d, state, &items, m.date);
    next_meeting(l, &mut d, plan, m);
    distribution(l, &mut d, plan, m);
    empreinte(l, &mut d, state, m);
    Some(d)
}

/// The label of the closing line's hash in the minutes; `copil verify --minutes` looks for it.
pub fn empreinte_label(l: Lang) -> &'static str {
    tr!(l, "Empreinte du journal à la clôture", "Journal fingerprint at closing")
}

/// A closed meeting's minutes end with the SHA-256 of its closing line, which commits to every
/// journal line before it (the journal is a hash chain): `copil verify PLAN --minutes FILE` says
/// whether printed minutes match the journal.
fn empreinte(l: Lang, d: &mut Doc, state: &PlanState, m: &Meeting) {
    if let Some(hash) = m.closed_line.and_then(|l| state.closing_hashes.get(&l)) {
        d.para(crate::doc::labelled(l, empreinte_label(l), vec![t(hash.clone())]));
    }
}

/// Finds the empreinte printed in minutes (any language, any of their formats), if any.
pub fn find_empreinte(text: &str) -> Option<String> {
    ["Empreinte du journal à la clôture", "Journal fingerprint at closing"].iter().find_map(|label| {
        let rest = &text[text.find(label)? + label.len()..];
        let hex: String =
            rest.chars().skip_while(|c| !c.is_ascii_hexdigit()).take_while(char::is_ascii_hexdigit).collect();
        (hex.len() == 64).then(|| hex.to_lowercase())
    })
}

/// A time of day as written in minutes: « 14 h 05 » / "14:05".
fn time_text(l: Lang, at: &Timestamp) -> String {
    match l {
        Lang::Fr => at.0.format("%H h %M").to_string(),
        Lang::En => at.0.format("%H:%M").to_string(),
    }
}

/// A person as listed: name, then role when there is one.
fn person_label(plan: &Plan, who: &str) -> String {
    match plan.person(who) {
        Some(p) => match p.role.as_deref().map(str::trim).filter(|r| !r.is_empty()) {
            Some(role) => format!("{}, {role}", p.name.trim()),
            None => p.name.trim().to_string(),
        },
        None => who.trim().to_string(),
    }
}

/// "X, représenté(e) par Y" for a represented person, else the person's label.
fn with_representative(l: Lang, plan: &Plan, m: &Meeting, who: &str) -> String {
    let label = person_label(plan, who);
    match m.represented.iter().find(|(p, _)| p == who) {
        Some((_, by)) if presence_of(m, who) == Some(Presence::Represented) => {
            let by = plan.person_name(by);
            tr!(l, format!("{label}, représenté(e) par {by}"), format!("{label}, represented by {by}"))
        }
        _ => label,
    }
}

fn header(l: Lang, d: &mut Doc, state: &PlanState, m: &Meeting) {
    let plan = &state.plan;
    let mut lines = vec![
        Item::new(labelled(l, tr!(l, "Plan", "Plan"), vec![t(plan.display_title())])),
        Item::new(labelled(l, tr!(l, "Instance", "Body"), vec![t(body_name(plan, m))])),
        Item::new(labelled(l, tr!(l, "Date", "Date"), vec![t(date_text(l, m.date))])),
    ];
    if let Some(place) = m.place.as_deref().map(str::trim).filter(|p| !p.is_empty()) {
        lines.push(Item::new(labelled(l, tr!(l, "Lieu", "Place"), vec![t(place)])));
    }
    let opened = state.entry_by_line(m.opened_line);
    let closed = m.closed_line.and_then(|l| state.entry_by_line(l));
    if let Some(o) = opened {
        let start = time_text(l, &o.event.at);
        let times = match closed {
            Some(c) => tr!(
                l,
                format!("de {start} à {}", time_text(l, &c.event.at)),
                format!("{start} to {}", time_text(l, &c.event.at))
            ),
            None => tr!(l, format!("à partir de {start}"), format!("from {start}")),
        };
        lines.push(Item::new(labelled(l, tr!(l, "Horaires", "Time"), vec![t(times)])));
    }
    let chairs = chairs(l, plan, m);
    if !chairs.is_empty() {
        lines.push(Item::new(labelled(
            l,
            tr!(l, "Présidence", "Chaired by"),
            vec![t(chairs.join(tr!(l, " ; ", "; ")))],
        )));
    }
    if let Some(o) = opened {
        let secretary = person_label(plan, &o.event.by);
        lines.push(Item::new(labelled(l, tr!(l, "Secrétariat de séance", "Minutes taken by"), vec![t(secretary)])));
    }
    d.push(Block::List(lines));
    if m.is_open() {
        d.para(vec![b(tr!(l, "Réunion en cours — relevé provisoire.", "Meeting in progress — provisional minutes."))]);
    }
}

/// Who chaired: the body's chairs recorded present (or represented, with who represented them);
/// when none is recorded so, the body's chairs.
fn chairs(l: Lang, plan: &Plan, m: &Meeting) -> Vec<String> {
    let Some(body) = plan.body(&m.body) else { return Vec::new() };
    let there: Vec<String> = body
        .chairs
        .iter()
        .filter(|c| matches!(presence_of(m, c), Some(Presence::Present | Presence::Represented)))
        .map(|c| with_representative(l, plan, m, c))
        .collect();
    if there.is_empty() { body.chairs.iter().map(|c| person_label(plan, c)).collect() } else { there }
}

/// Where a person of the attendance belongs: an organisation, none, or a guest (a free name).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Group {
    /// Folded name (the sort key), then the name as written.
    Org(String, String),
    NoOrg,
    Guests,
}

fn group_of(plan: &Plan, who: &str) -> Group {
    match plan.person(who) {
        Some(p) => match p.org.as_deref().map(str::trim).filter(|o| !o.is_empty()) {
            Some(org) => Group::Org(fold(org), org.to_string()),
            None => Group::NoOrg,
        },
        None => Group::Guests,
    }
}

fn group_label(l: Lang, g: &Group) -> String {
    match g {
        Group::Org(_, org) => org.clone(),
        Group::NoOrg => tr!(l, "Sans organisation", "No organisation").to_string(),
        Group::Guests => tr!(l, "Invités", "Guests").to_string(),
    }
}

fn attendance(l: Lang, d: &mut Doc, plan: &Plan, m: &Meeting) {
    // Everyone recorded, then the body's chairs and members not recorded.
    let mut people: Vec<(&str, Option<Presence>)> =
        m.attendance.iter().map(|(p, pr)| (p.as_str(), Some(*pr))).collect();
    if let Some(body) = plan.body(&m.body) {
        for who in expected_people(body) {
            if !people.iter().any(|(p, _)| *p == who) {
                people.push((who, None));
            }
        }
    }
    if people.is_empty() {
        return;
    }
    d.heading(2, tr!(l, "Participants", "Attendance"));
    let kinds: [(Option<Presence>, &str); 5] = [
        (Some(Presence::Present), tr!(l, "Présents", "Present")),
        (Some(Presence::Represented), tr!(l, "Représentés", "Represented")),
        (Some(Presence::Excused), tr!(l, "Excusés", "Excused")),
        (Some(Presence::Absent), tr!(l, "Absents", "Absent")),
        (None, tr!(l, "Présence non renseignée", "Attendance not recorded")),
    ];
    for (presence, heading) in kinds {
        let mut mine: Vec<(Group, String)> = people
            .iter()
            .filter(|(_, p)| *p == presence)
            .map(|(who, _)| (group_of(plan, who), with_representative(l, plan, m, who)))
            .collect();
        if mine.is_empty() {
            continue;
        }
        // A stable sort: within an organisation, the journal's then the body's order.
        mine.sort_by(|a, b| a.0.cmp(&b.0));
        let mut lines = Vec::new();
        let mut rest = mine.as_slice();
        while let Some((group, _)) = rest.first() {
            let n = rest.iter().take_while(|p| p.0 == *group).count();
            let (here, next) = rest.split_at(n);
            let names: Vec<&str> = here.iter().map(|p| p.1.as_str()).collect();
            let mut line = vec![b(group_label(l, group))];
            line.push(t(tr!(l, " : ", ": ")));
            line.push(t(names.join(tr!(l, " ; ", "; "))));
            lines.push(Item::new(line));
            rest = next;
        }
        d.heading(3, heading);
        d.push(Block::List(lines));
    }
}

/// One item of the agenda as run: its title, its action when it has one, and what the meeting
/// recorded about it.
struct AgendaPoint<'a> {
    title: String,
    action: Option<String>,
    entries: Vec<&'a Entry>,
}

/// An action by id and title.
fn action_title(plan: &Plan, id: &str) -> String {
    match plan.action(id) {
        Some(a) => format!("{id} — {}", a.title.trim()),
        None => id.to_string(),
    }
}

/// The action a line of the meeting is about (the first one it names).
fn action_of(e: &Entry) -> Option<&str> {
    match &e.event.change {
        Change::Status { action, .. }
        | Change::Measure { action, .. }
        | Change::Comment { action, .. }
        | Change::Reschedule { action, .. } => Some(action),
        Change::Decision { actions, .. } | Change::Task { actions, .. } | Change::Note { actions, .. } => {
            actions.first().map(String::as_str)
        }
        _ => None,
    }
}

/// The agenda as it was run: the items the chair moved to (`AgendaItem` lines), in order, each
/// with the lines about its action; an action the meeting recorded something about without
/// moving to it is an item of its own where it first comes up; a decision, task or note about no
/// action goes with the item under discussion then, else with "Questions diverses".
fn agenda<'a>(l: Lang, plan: &Plan, items: &[&'a Entry]) -> Vec<AgendaPoint<'a>> {
    let mut points: Vec<AgendaPoint> = Vec::new();
    let mut current: Option<usize> = None;
    let mut loose: Vec<&Entry> = Vec::new();
    for e in items {
        match &e.event.change {
            Change::AgendaItem { action, title, .. } => {
                let found = points.iter().position(|p| match (action, &p.action) {
                    (Some(a), Some(b)) => a == b,
                    (None, None) => p.title == *title,
                    _ => false,
                });
                current = Some(found.unwrap_or_else(|| {
                    points.push(AgendaPoint {
                        title: title.trim().to_string(),
                        action: action.clone(),
                        entries: Vec::new(),
                    });
                    points.len() - 1
                }));
            }
            Change::Status { .. }
            | Change::Measure { .. }
            | Change::Comment { .. }
            | Change::Reschedule { .. }
            | Change::Decision { .. }
            | Change::Task { .. }
            | Change::Note { .. } => match action_of(e) {
                Some(a) => {
                    let i = points.iter().position(|p| p.action.as_deref() == Some(a)).unwrap_or_else(|| {
                        points.push(AgendaPoint {
                            title: action_title(plan, a),
                            action: Some(a.to_string()),
                            entries: Vec::new(),
                        });
                        points.len() - 1
                    });
                    points[i].entries.push(e);
                }
                None => match current {
                    Some(i) => points[i].entries.push(e),
                    None => loose.push(e),
                },
            },
            _ => {}
        }
    }
    if !loose.is_empty() {
        points.push(AgendaPoint {
            title: tr!(l, "Questions diverses", "Other business").to_string(),
            action: None,
            entries: loose,
        });
    }
    points
}

/// Each decision's number in the meeting (its journal line → 1, 2, 3…).
fn decision_numbers(items: &[&Entry]) -> Vec<(usize, usize)> {
    items
        .iter()
        .filter(|e| matches!(e.event.change, Change::Decision { .. }))
        .enumerate()
        .map(|(i, e)| (e.line, i + 1))
        .collect()
}

/// Owner and due date: the details of a decision or a task.
fn details(l: Lang, plan: &Plan, owner: Option<&str>, due: Option<Date>) -> Vec<Line> {
    let mut d = Vec::new();
    if let Some(o) = owner {
        d.push(labelled(l, tr!(l, "Responsable", "Owner"), vec![t(plan.person_name(o))]));
    }
    if let Some(due) = due {
        d.push(labelled(l, tr!(l, "Échéance", "Due"), vec![t(date_text(l, due))]));
    }
    d
}

/// A quoted text: « … » in French, “…” in English.
fn quoted(l: Lang, s: &str) -> String {
    tr!(l, format!("« {} »", s.trim()), format!("“{}”", s.trim()))
}

/// The notes of an event, each once, after dashes.
fn with_notes(l: Lang, mut s: String, notes: &[Option<&String>]) -> String {
    let mut seen: Vec<&str> = Vec::new();
    for n in notes.iter().flatten().map(|n| n.trim()).filter(|n| !n.is_empty()) {
        if !seen.contains(&n) {
            seen.push(n);
            s.push_str(&format!(" — {}", quoted(l, n)));
        }
    }
    s
}

/// A value with its unit, for a number.
fn measured(l: Lang, plan: &Plan, action: &str, indicator: &str, value: &Value) -> (String, String) {
    let ind = plan.action(action).and_then(|a| a.indicators.iter().find(|i| i.id == indicator));
    let name = ind.map(|i| i.name.trim().to_string()).unwrap_or_else(|| indicator.to_string());
    let mut v = value_text(l, value);
    if let (Value::Number(_), Some(unit)) = (value, ind.and_then(|i| i.unit.as_ref())) {
        v.push(' ');
        v.push_str(unit.trim());
    }
    (name, v)
}

/// A line led by a strong label: « **Décision n° 1 :** texte ».
fn lead(label: impl Into<String>, text: impl Into<String>) -> Line {
    vec![b(label), t(" "), t(text)]
}

/// One line of an agenda item: what the meeting recorded.
fn recorded(l: Lang, state: &PlanState, e: &Entry, numbers: &[(usize, usize)]) -> Option<Item> {
    let plan = &state.plan;
    let item = match &e.event.change {
        Change::Decision { text, owner, due, .. } => {
            let n = numbers.iter().find(|(l, _)| *l == e.line).map(|(_, n)| *n).unwrap_or_default();
            let label = tr!(l, format!("Décision n° {n} :"), format!("Decision {n}:"));
            Item { line: lead(label, text.trim()), sub: details(l, plan, owner.as_deref(), *due) }
        }
        Change::Task { id, text, owner, due, .. } => Item {
            line: lead(tr!(l, "Tâche :", "Task:"), format!("{} ({id})", text.trim())),
            sub: details(l, plan, owner.as_deref(), *due),
        },
        Change::Note { text, .. } => Item::new(lead(tr!(l, "Relevé :", "Noted:"), text.trim())),
        Change::Status { to, .. } => {
            let change = match e.before {
                Some(bf) => crate::line::from_to(l, status_label(l, bf), status_label(l, *to)),
                None => crate::line::becomes(l, status_label(l, *to)),
            };
            Item::new(lead(tr!(l, "Statut :", "Status:"), with_notes(l, change, &[e.event.note.as_ref()])))
        }
        Change::Measure { action, indicator, point } => {
            let (name, v) = measured(l, plan, action, indicator, &point.value);
            let date = date_text(l, point.date);
            let what = tr!(l, format!("{name} : {v} au {date}"), format!("{name}: {v} on {date}"));
            let what = with_notes(l, what, &[point.note.as_ref(), e.event.note.as_ref()]);
            Item::new(lead(tr!(l, "Mesure :", "Measurement:"), what))
        }
        Change::Comment { text, .. } => Item::new(lead(
            tr!(l, "Commentaire :", "Comment:"),
            with_notes(l, quoted(l, text), &[e.event.note.as_ref()]),
        )),
        Change::Reschedule { .. } => {
            // « échéance reportée du 31/12/2021 au 30/06/2027 », the former date found by replay.
            let (from, to) = crate::plan::schedule::moved(e)?;
            let what = with_notes(l, crate::wording::rescheduled(l, from, to), &[e.event.note.as_ref()]);
            Item::new(lead(tr!(l, "Échéance :", "Due date:"), what))
        }
        _ => return None,
    };
    Some(item)
}

/// Where a task stands on a date: done (and when), late, or to do.
fn task_state(
    l: Lang,
    state: &PlanState,
    id: &str,
    line: usize,
    due: Option<Date>,
    on: Date,
    until: Option<usize>,
) -> String {
    let done = state
        .tasks
        .iter()
        .find(|t| t.id == id && t.line == line)
        .and_then(|t| t.done_line)
        .filter(|l| until.is_none_or(|u| *l <= u));
    match done.and_then(|l| state.entry_by_line(l)) {
        Some(e) => tr!(
            l,
            format!("faite le {}", date_text(l, e.event.at.date())),
            format!("done on {}", date_text(l, e.event.at.date()))
        ),
        None if due.is_some_and(|d| d < on) => tr!(l, "en retard", "late").to_string(),
        None => tr!(l, "à faire", "to do").to_string(),
    }
}

/// Where an earlier decision stands on the meeting's date.
fn decision_state(l: Lang, due: Option<Date>, on: Date) -> String {
    match due {
        Some(d) if d < on => tr!(l, "échéance dépassée", "past due").to_string(),
        Some(_) => tr!(l, "en cours", "under way").to_string(),
        None => tr!(l, "sans échéance", "no due date").to_string(),
    }
}

/// "Suivi des décisions antérieures": the decisions and tasks of the body's earlier meetings.
fn earlier(l: Lang, d: &mut Doc, state: &PlanState, m: &Meeting) {
    let plan = &state.plan;
    let mut table = Table::new(
        &[
            tr!(l, "Réunion", "Meeting"),
            tr!(l, "Décision ou tâche", "Decision or task"),
            tr!(l, "Responsable", "Owner"),
            tr!(l, "Échéance", "Due"),
            tr!(l, "État", "State"),
        ],
        &[false; 5],
    );
    table.widths = vec![4, 12, 6, 4, 4];
    // Tasks done by the end of this meeting count as done; later ones do not yet.
    let until = m.closed_line.or(Some(usize::MAX));
    for before in state.meetings.iter().filter(|x| x.body == m.body && x.opened_line < m.opened_line) {
        let mut n = 0;
        for e in applied(state, before) {
            let row = match &e.event.change {
                Change::Decision { text, owner, due, .. } => {
                    n += 1;
                    let what =
                        tr!(l, format!("Décision n° {n} : {}", text.trim()), format!("Decision {n}: {}", text.trim()));
                    (what, owner, *due, decision_state(l, *due, m.date))
                }
                Change::Task { id, text, owner, due, .. } => {
                    let what = tr!(l, format!("Tâche : {}", text.trim()), format!("Task: {}", text.trim()));
                    (what, owner, *due, task_state(l, state, id, e.line, *due, m.date, until))
                }
                _ => continue,
            };
            let (what, owner, due, st) = row;
            table.row(vec![
                vec![t(date_text(l, before.date))],
                vec![t(what)],
                vec![t(owner.as_deref().map(|o| plan.person_name(o)).unwrap_or("—"))],
                vec![t(due.map(|d| date_text(l, d)).unwrap_or_else(|| "—".to_string()))],
                vec![t(st)],
            ]);
        }
    }
    if table.rows.is_empty() {
        return;
    }
    d.heading(2, tr!(l, "Suivi des décisions antérieures", "Follow-up of earlier decisions"));
    d.push(Block::Table(table));
}

fn decisions(l: Lang, d: &mut Doc, plan: &Plan, items: &[&Entry]) {
    let mut table = Table::new(
        &[
            tr!(l, "N°", "No."),
            tr!(l, "Décision", "Decision"),
            tr!(l, "Responsable", "Owner"),
            tr!(l, "Échéance", "Due"),
        ],
        &[true, false, false, false],
    );
    table.widths = vec![1, 8, 3, 2];
    for e in items {
        if let Change::Decision { text, owner, due, actions, .. } = &e.event.change {
            let mut what = vec![t(text.trim())];
            if !actions.is_empty() {
                let linked: Vec<String> = actions.iter().map(|a| action_title(plan, a)).collect();
                what.push(t(format!(" ({})", linked.join(tr!(l, " ; ", "; ")))));
            }
            table.row(vec![
                vec![t((table.rows.len() + 1).to_string())],
                what,
                vec![t(owner.as_deref().map(|o| plan.person_name(o)).unwrap_or("—"))],
                vec![t(due.map(|d| date_text(l, d)).unwrap_or_else(|| "—".to_string()))],
            ]);
        }
    }
    if !table.rows.is_empty() {
        d.heading(2, tr!(l, "Relevé des décisions", "Decisions"));
        d.push(Block::Table(table));
    }
}

fn tasks(l: Lang, d: &mut Doc, state: &PlanState, items: &[&Entry], on: Date) {
    let plan = &state.plan;
    let mut table = Table::new(
        &[tr!(l, "Tâche", "Task"), tr!(l, "Responsable", "Owner"), tr!(l, "Échéance", "Due"), tr!(l, "État", "State")],
        &[false; 4],
    );
    table.widths = vec![7, 3, 2, 2];
    for e in items {
        if let Change::Task { id, text, owner, due, .. } = &e.event.change {
            table.row(vec![
                vec![t(format!("{} ({id})", text.trim()))],
                vec![t(owner.as_deref().map(|o| plan.person_name(o)).unwrap_or("—"))],
                vec![t(due.map(|d| date_text(l, d)).unwrap_or_else(|| "—".to_string()))],
                vec![t(task_state(l, state, id, e.line, *due, on, None))],
            ]);
        }
    }
    if !table.rows.is_empty() {
        d.heading(2, tr!(l, "Tâches", "Tasks"));
        d.push(Block::Table(table));
    }
}

fn next_meeting(l: Lang, d: &mut Doc, plan: &Plan, m: &Meeting) {
    let Some((date, place)) = &m.next else { return };
    d.heading(2, tr!(l, "Prochaine réunion", "Next meeting"));
    let body = body_name(plan, m);
    let when = date_text(l, *date);
    let text = match place.as_deref().map(str::trim).filter(|p| !p.is_empty()) {
        Some(p) => tr!(l, format!("{body} : le {when}, {p}."), format!("{body}: {when}, {p}.")),
        None => tr!(l, format!("{body} : le {when}."), format!("{body}: {when}.")),
    };
    d.para(vec![t(text)]);
}

fn distribution(l: Lang, d: &mut Doc, plan: &Plan, m: &Meeting) {
    let Some(body) = plan.body(&m.body) else { return };
    let people = expected_people(body);
    if people.is_empty() {
        return;
    }
    d.heading(2, tr!(l, "Diffusion", "Distribution"));
    let lines = people
        .into_iter()
        .map(|p| {
            let mut label = person_label(plan, p);
            if let Some(org) = plan.person(p).and_then(|x| x.org.as_deref()).map(str::trim).filter(|o| !o.is_empty()) {
                label.push_str(&format!(" ({org})"));
            }
            Item::new(vec![t(label)])
        })
        .collect();
    d.push(Block::List(lines));
}
