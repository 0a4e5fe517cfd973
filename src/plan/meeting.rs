//! Meetings of the plan's bodies (COPIL, COTECH…): the lines a meeting writes, the agenda copil
//! proposes for it, the follow-up of tasks and decisions across meetings, and whether each body
//! meets as often as it should. Pure, like `edit`: the callers pass the time and write the lines.

use std::collections::HashMap;

use super::edit::{Author, EditError, event};
use super::journal::{Change, Presence};
use super::model::{Body, BodyKind, Date, Status, walk_action};
use super::progress::{Verdict, is_late, verdict};
use super::state::{Meeting, Outcome, PlanState};
use crate::plan::journal::Event;

/// The id of a new meeting: its date and body, made unique with `-2`, `-3`… when needed.
pub fn new_id(state: &PlanState, body: &str, date: Date) -> String {
    let base = format!("{date}-{body}");
    let mut id = base.clone();
    let mut n = 2;
    while state.meeting(&id).is_some() {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

fn text(t: &str) -> Result<String, EditError> {
    let t = t.trim();
    if t.is_empty() { Err(EditError::EmptyText) } else { Ok(t.to_string()) }
}

fn optional(t: Option<&str>) -> Option<String> {
    t.map(str::trim).filter(|t| !t.is_empty()).map(str::to_string)
}

/// The meeting lines are recorded in: it must exist and be open.
fn open_meeting<'a>(state: &'a PlanState, id: &str) -> Result<&'a Meeting, EditError> {
    match state.meeting(id) {
        None => Err(EditError::UnknownMeeting(id.to_string())),
        Some(m) if !m.is_open() => Err(EditError::MeetingClosed(id.to_string())),
        Some(m) => Ok(m),
    }
}

/// Whether this person runs the meeting: the one who opened it, a chair of its body, or (when the
/// plan declares rights) a member of the technical cell.
pub fn may_run(state: &PlanState, meeting: &Meeting, by: &str) -> bool {
    meeting.opened_by == by
        || state.plan.body(&meeting.body).is_some_and(|b| b.chairs.iter().any(|c| c == by))
        || (state.gate().declared() && state.gate().in_cell(by))
}

/// The meeting lines are recorded in by this person: it must be open and theirs to run.
fn run_by<'a>(state: &'a PlanState, id: &str, who: &Author) -> Result<&'a Meeting, EditError> {
    let m = open_meeting(state, id)?;
    if !may_run(state, m, who.by) {
        let opened_by = state.plan.person_name(&m.opened_by).to_string();
        return Err(EditError::NotYourMeeting { meeting: id.to_string(), opened_by });
    }
    Ok(m)
}

/// What a decision, a note or a task needs: an open meeting run by this person, actions the plan
/// has, a text.
fn recordable(
    state: &PlanState,
    who: &Author,
    meeting: &str,
    actions: &[String],
    what: &str,
) -> Result<String, EditError> {
    run_by(state, meeting, who)?;
    if let Some(a) = actions.iter().find(|a| state.plan.action(a).is_none()) {
        return Err(EditError::UnknownAction(a.clone()));
    }
    text(what)
}

/// Opens a meeting of a body; only one meeting is open at a time per plan.
pub fn open(state: &PlanState, who: &Author, body: &str, date: Date, title: Option<&str>) -> Result<Event, EditError> {
    open_at(state, who, body, date, title, None)
}

/// Opens a meeting of a body, saying where it is held (blank: not said).
pub fn open_at(
    state: &PlanState,
    who: &Author,
    body: &str,
    date: Date,
    title: Option<&str>,
    place: Option<&str>,
) -> Result<Event, EditError> {
    if let Some(m) = state.open_meeting() {
        return Err(EditError::MeetingAlreadyOpen(m.id.clone()));
    }
    state.plan.body(body).ok_or_else(|| EditError::UnknownBody(body.to_string()))?;
    let change = Change::MeetingOpened {
        id: new_id(state, body, date),
        body: body.to_string(),
        title: optional(title),
        date,
        place: optional(place),
    };
    Ok(event(state, who, change, None))
}

/// A person of the attendance represented by someone else (`by`: a person id or a name).
pub fn represented(state: &PlanState, who: &Author, meeting: &str, person: &str, by: &str) -> Result<Event, EditError> {
    open_meeting(state, meeting)?;
    let person = text(person)?;
    let by = text(by)?;
    let change =
        Change::Attendance { meeting: meeting.to_string(), person, presence: Presence::Represented, by: Some(by) };
    Ok(event(state, who, change, None))
}

/// The chair moves to an agenda item: the line that records the agenda as it is run. `None`
/// when that item is already the last one recorded (moving back and forth writes nothing new).
pub fn agenda_item(
    state: &PlanState,
    who: &Author,
    meeting: &str,
    action: Option<&str>,
    title: &str,
) -> Result<Option<Event>, EditError> {
    let m = open_meeting(state, meeting)?;
    if let Some(a) = action.filter(|a| state.plan.action(a).is_none()) {
        return Err(EditError::UnknownAction(a.to_string()));
    }
    let title = text(title)?;
    let already = m.items.iter().filter_map(|&i| state.entries.get(i)).any(|e| {
        e.outcome == Outcome::Applied
            && matches!(&e.event.change, Change::AgendaItem { action: a, title: t, .. }
                if a.as_deref() == action && *t == title)
    });
    if already {
        return Ok(None);
    }
    let change = Change::AgendaItem { meeting: meeting.to_string(), action: action.map(str::to_string), title };
    Ok(Some(event(state, who, change, None)))
}

/// The date and place of the body's next meeting, set while this one is open.
pub fn next_meeting(
    state: &PlanState,
    who: &Author,
    meeting: &str,
    date: Date,
    place: Option<&str>,
) -> Result<Event, EditError> {
    let m = open_meeting(state, meeting)?;
    if date <= m.date {
        return Err(EditError::BadDate(date.to_string()));
    }
    let change = Change::NextMeeting { meeting: meeting.to_string(), date, place: optional(place) };
    Ok(event(state, who, change, None))
}

pub fn attendance(
    state: &PlanState,
    who: &Author,
    meeting: &str,
    person: &str,
    presence: Presence,
) -> Result<Event, EditError> {
    run_by(state, meeting, who)?;
    let person = text(person)?;
    Ok(event(state, who, Change::Attendance { meeting: meeting.to_string(), person, presence, by: None }, None))
}

pub fn decision(
    state: &PlanState,
    who: &Author,
    meeting: &str,
    what: &str,
    actions: Vec<String>,
    owner: Option<&str>,
    due: Option<Date>,
) -> Result<Event, EditError> {
    let text = recordable(state, who, meeting, &actions, what)?;
    let change = Change::Decision { meeting: meeting.to_string(), text, actions, owner: optional(owner), due };
    Ok(event(state, who, change, None))
}

pub fn note(
    state: &PlanState,
    who: &Author,
    meeting: &str,
    what: &str,
    actions: Vec<String>,
) -> Result<Event, EditError> {
    let text = recordable(state, who, meeting, &actions, what)?;
    Ok(event(state, who, Change::Note { meeting: meeting.to_string(), text, actions }, None))
}

/// A task; its id is the next free `tN` of the plan.
pub fn task(
    state: &PlanState,
    who: &Author,
    meeting: &str,
    what: &str,
    actions: Vec<String>,
    owner: Option<&str>,
    due: Option<Date>,
) -> Result<Event, EditError> {
    let text = recordable(state, who, meeting, &actions, what)?;
    let mut n = state.tasks.len() + 1;
    while state.tasks.iter().any(|t| t.id == format!("t{n}")) {
        n += 1;
    }
    let change =
        Change::Task { meeting: meeting.to_string(), id: format!("t{n}"), text, actions, owner: optional(owner), due };
    Ok(event(state, who, change, None))
}

pub fn task_done(state: &PlanState, who: &Author, task: &str) -> Result<Event, EditError> {
    let t = state.tasks.iter().find(|t| t.id == task).ok_or_else(|| EditError::UnknownTask(task.to_string()))?;
    if t.done_line.is_some() {
        return Err(EditError::TaskAlreadyDone(task.to_string()));
    }
    Ok(event(state, who, Change::TaskDone { task: task.to_string() }, None))
}

pub fn close(state: &PlanState, who: &Author, meeting: &str) -> Result<Event, EditError> {
    run_by(state, meeting, who)?;
    Ok(event(state, who, Change::MeetingClosed { id: meeting.to_string() }, None))
}

/// Why an action (or a task, or a decision) is on a meeting's agenda.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reason {
    /// Past its due date and not done.
    Late,
    /// A status, a measurement or a comment since the body's last meeting.
    Changed,
    /// An indicator behind its trajectory.
    Behind,
    /// An indicator whose target date has passed with no measurement since.
    MeasurementDue,
    /// A task of an earlier meeting, still open (its id).
    OpenTask(String),
    /// A decision of an earlier meeting whose due date has come (its entry index).
    DecisionDue(usize),
}

/// One agenda item: an action with the reasons it is there, or a task or decision that names
/// no action (`action: None`, one reason).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AgendaItem {
    pub action: Option<String>,
    pub reasons: Vec<Reason>,
}

/// The meeting of the same body held before this one (the latest opened before it).
pub fn previous_meeting<'a>(state: &'a PlanState, meeting: &Meeting) -> Option<&'a Meeting> {
    state.meetings.iter().rfind(|m| m.body == meeting.body && m.opened_line < meeting.opened_line)
}

/// A task's text (empty when the plan has no such task).
pub fn task_text<'a>(state: &'a PlanState, id: &str) -> &'a str {
    state.tasks.iter().find(|t| t.id == id).map(|t| t.text.as_str()).unwrap_or_default()
}

/// A decision's text, by its entry index (empty when that entry is not a decision).
pub fn decision_text(state: &PlanState, entry: usize) -> &str {
    match state.entries.get(entry).map(|e| &e.event.change) {
        Some(Change::Decision { text, .. }) => text,
        _ => "",
    }
}

/// The agenda copil proposes for a meeting: actions late, actions changed since the body's
/// previous meeting, actions with an indicator behind target, open tasks and due decisions of
/// earlier meetings. Actions come in the plan's order with all their reasons; tasks and decisions
/// that name no action come after them, in the journal's order.
pub fn proposed_agenda(state: &PlanState, meeting: &Meeting) -> Vec<AgendaItem> {
    let previous = previous_meeting(state, meeting);
    let since = previous.map(|p| p.closed_line.unwrap_or(p.opened_line)).unwrap_or(0);
    let mut reasons: HashMap<&str, Vec<Reason>> = HashMap::new();
    let mut loose: Vec<AgendaItem> = Vec::new();
    for e in state.entries.iter().filter(|e| e.outcome == Outcome::Applied) {
        if e.line <= since || e.line >= meeting.opened_line {
            continue;
        }
        if let Change::Status { action, .. } | Change::Measure { action, .. } | Change::Comment { action, .. } =
            &e.event.change
        {
            let r = reasons.entry(action.as_str()).or_default();
            if !r.contains(&Reason::Changed) {
                r.push(Reason::Changed);
            }
        }
    }
    for t in state.tasks.iter().filter(|t| t.done_line.is_none() && t.meeting != meeting.id) {
        if t.actions.is_empty() {
            loose.push(AgendaItem { action: None, reasons: vec![Reason::OpenTask(t.id.clone())] });
        }
        for a in &t.actions {
            reasons.entry(a.as_str()).or_default().push(Reason::OpenTask(t.id.clone()));
        }
    }
    let after = previous.map(|p| p.date);
    for (i, e) in state.entries.iter().enumerate() {
        if let Change::Decision { meeting: m, actions, due: Some(due), .. } = &e.event.change
            && e.outcome == Outcome::Applied
            && *m != meeting.id
            && *due <= meeting.date
            && after.is_none_or(|d| *due > d)
        {
            if actions.is_empty() {
                loose.push(AgendaItem { action: None, reasons: vec![Reason::DecisionDue(i)] });
            }
            for a in actions {
                reasons.entry(a.as_str()).or_default().push(Reason::DecisionDue(i));
            }
        }
    }
    let mut items = Vec::new();
    for o in &state.plan.orientations {
        for top in &o.actions {
            for (a, _) in walk_action(top, 0) {
                let mut r = Vec::new();
                if is_late(a, meeting.date) {
                    r.push(Reason::Late);
                }
                r.extend(reasons.remove(a.id.as_str()).unwrap_or_default());
                // An abandoned action's indicators are no longer followed; a done one's
                // measurements are no longer awaited.
                let followed = a.status != Status::Abandoned;
                if followed && a.indicators.iter().any(|i| verdict(i, meeting.date) == Verdict::Behind) {
                    r.push(Reason::Behind);
                }
                if followed
                    && a.status != Status::Done
                    && a.indicators.iter().any(|i| verdict(i, meeting.date) == Verdict::MeasurementDue)
                {
                    r.push(Reason::MeasurementDue);
                }
                if !r.is_empty() {
                    items.push(AgendaItem { action: Some(a.id.clone()), reasons: r });
                }
            }
        }
    }
    items.extend(loose);
    items
}

/// Something to follow up between meetings: an open task, or a decision with a due date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FollowUp {
    /// A task's id.
    Task(String),
    /// A decision's entry index.
    Decision(usize),
}

/// Every open task and every decision with a due date, across meetings: overdue first, then by
/// due date (no due date last), then in the journal's order.
pub fn follow_up(state: &PlanState, today: Date) -> Vec<(FollowUp, Option<Date>)> {
    let mut items: Vec<(FollowUp, Option<Date>, usize)> = Vec::new();
    for t in state.tasks.iter().filter(|t| t.done_line.is_none()) {
        items.push((FollowUp::Task(t.id.clone()), t.due, t.line));
    }
    for (i, e) in state.entries.iter().enumerate() {
        if let Change::Decision { due: Some(due), .. } = &e.event.change
            && e.outcome == Outcome::Applied
        {
            items.push((FollowUp::Decision(i), Some(*due), e.line));
        }
    }
    items.sort_by_key(|(_, due, line)| {
        let overdue = due.is_some_and(|d| d < today);
        (!overdue, due.is_none(), *due, *line)
    });
    items.into_iter().map(|(f, due, _)| (f, due)).collect()
}

/// How many months may pass between two meetings of a body: from its cadence when it names one
/// (annuel, semestriel, trimestriel, mensuel, in French or English), else from its kind (a COPIL
/// meets yearly, a COTECH twice a year); `None` when nothing says.
pub fn cadence_months(body: &Body) -> Option<u32> {
    let c = body.cadence.as_deref().unwrap_or("").to_lowercase();
    let by_word = [
        ("semest", 6),
        ("semiannual", 6),
        ("half", 6),
        ("trimest", 3),
        ("quarter", 3),
        ("mensu", 1),
        ("month", 1),
        ("annu", 12),
        ("year", 12),
    ];
    if let Some((_, m)) = by_word.iter().find(|(w, _)| c.contains(w)) {
        return Some(*m);
    }
    match body.kind {
        BodyKind::Copil => Some(12),
        BodyKind::Cotech => Some(6),
        BodyKind::WorkingGroup | BodyKind::Other => None,
    }
}

/// The meetings of a body, latest first.
pub fn meetings_of<'a>(state: &'a PlanState, body: &str) -> Vec<&'a Meeting> {
    let mut v: Vec<&Meeting> = state.meetings.iter().filter(|m| m.body == body).collect();
    v.sort_by(|a, b| b.date.cmp(&a.date).then(b.opened_line.cmp(&a.opened_line)));
    v
}

/// Whether a body has not met as often as its cadence says: no meeting in the last N months.
pub fn is_overdue(state: &PlanState, body: &Body, today: Date) -> bool {
    let Some(months) = cadence_months(body) else { return false };
    let Some(limit) = today.0.checked_sub_months(chrono::Months::new(months)) else { return false };
    !state.meetings.iter().any(|m| m.body == body.id && m.date.0 > limit && m.date <= today)
}

/// The body's chairs then members, each once, in the plan's order.
pub fn expected_people(body: &Body) -> Vec<&str> {
    let mut v: Vec<&str> = Vec::new();
    for p in body.chairs.iter().chain(&body.members) {
        if !v.contains(&p.as_str()) {
            v.push(p);
        }
    }
    v
}

/// A meeting's attendance so far for a person (the last line about them wins).
pub fn presence_of(meeting: &Meeting, person: &str) -> Option<Presence> {
    meeting.attendance.iter().rev().find(|(p, _)| p == person).map(|(_, pr)| *pr)
}

/// One line of a meeting's attendance: a person of the plan expected there (a chair or member of
/// the body) or anyone recorded (a guest's free name), with their presence so far.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attendee {
    /// What an `Attendance` line names: a person id, or the guest's name.
    pub key: String,
    pub name: String,
    /// The organisation heading it is listed under (`None`: guests and people without one).
    pub org: Option<String>,
    pub chair: bool,
    pub guest: bool,
    pub presence: Option<Presence>,
}

/// A meeting's attendance grouped by organisation (organisations in alphabetical order, people in
/// the body's order), then the people without an organisation, then the guests.
pub fn attendees(state: &PlanState, meeting: &Meeting) -> Vec<Attendee> {
    let plan = &state.plan;
    let body = plan.body(&meeting.body);
    let mut keys: Vec<&str> = body.map(expected_people).unwrap_or_default();
    for (p, _) in &meeting.attendance {
        if !keys.contains(&p.as_str()) {
            keys.push(p);
        }
    }
    let mut out: Vec<Attendee> = keys
        .into_iter()
        .map(|k| {
            let person = plan.person(k);
            Attendee {
                key: k.to_string(),
                name: person.map(|p| p.name.clone()).unwrap_or_else(|| k.to_string()),
                org: person.and_then(|p| p.org.clone()),
                chair: body.is_some_and(|b| b.chairs.iter().any(|c| c == k)),
                guest: person.is_none(),
                presence: presence_of(meeting, k),
            }
        })
        .collect();
    // A stable sort keeps the body's order inside each group.
    out.sort_by_key(|a| (a.guest, a.org.is_none(), a.org.as_deref().map(crate::text::fold)));
    out
}

/// The plan's bodies, each with its meetings, latest first.
pub fn meetings_by_body(state: &PlanState) -> Vec<(&Body, Vec<&Meeting>)> {
    state.plan.bodies.iter().map(|b| (b, meetings_of(state, &b.id))).collect()
}
