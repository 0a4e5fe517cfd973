//! Building the journal line for an edit: the rules shared by the interface and the headless
//! commands, so that both append exactly the same line. Pure: no disk, no clock (callers pass both).

use super::journal::{Change, Event};
use super::model::{Date, Indicator, Plan, Point, Status, Timestamp, Value, ValueKind};
use super::state::PlanState;

/// Why an edit cannot be made; nothing is written.
#[derive(Clone, Debug, PartialEq)]
pub enum EditError {
    UnknownAction(String),
    UnknownIndicator {
        action: String,
        indicator: String,
    },
    UnknownStatus(String),
    BadValue {
        kind: ValueKind,
        text: String,
    },
    BadDate(String),
    EmptyText,
    NothingToUndo,
    ReadOnly(String),
    UnknownBody(String),
    UnknownMeeting(String),
    MeetingAlreadyOpen(String),
    MeetingClosed(String),
    /// The last change is part of a closed meeting: it cannot be undone.
    MeetingSealed(String),
    /// The meeting is open but run by someone else (the person who opened it and the body's
    /// chairs run it).
    NotYourMeeting {
        meeting: String,
        opened_by: String,
    },
    UnknownTask(String),
    TaskAlreadyDone(String),
}

/// Folds a name for lenient matching: lowercase, no accents, no spaces, dashes or underscores.
fn squash(s: &str) -> String {
    s.chars()
        .flat_map(char::to_lowercase)
        .filter(|c| !matches!(c, ' ' | '-' | '_' | '\''))
        .map(|c| match c {
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'à' | 'â' => 'a',
            'î' | 'ï' => 'i',
            'ô' => 'o',
            'û' | 'ù' => 'u',
            'ç' => 'c',
            c => c,
        })
        .collect()
}

/// A status from its French or English name, with or without accents, spaces or dashes:
/// `encours`, `en cours`, `in-progress`, `realisee`, `réalisée`, `done`, `NotStarted`…
pub fn parse_status(s: &str) -> Option<Status> {
    Status::from_squashed(&squash(s))
}

/// A value typed by a person, read as the indicator's kind: a number (`12,5` or `12.5`), yes/no
/// (`oui`, `non`, `yes`, `no`, `true`, `false`), or a text. An indicator without any value yet
/// takes a number if the text is one, else yes/no, else text.
pub fn parse_value(kind: Option<ValueKind>, text: &str) -> Result<Value, EditError> {
    let t = text.trim();
    let number =
        || t.replace(['\u{202f}', '\u{a0}', ' '], "").replace(',', ".").parse::<f64>().ok().filter(|n| n.is_finite());
    let boolean = || match squash(t).as_str() {
        "oui" | "yes" | "true" | "vrai" | "o" | "y" => Some(true),
        "non" | "no" | "false" | "faux" | "n" => Some(false),
        _ => None,
    };
    let bad = |kind| EditError::BadValue { kind, text: t.to_string() };
    match kind {
        Some(ValueKind::Number) => number().map(Value::Number).ok_or(bad(ValueKind::Number)),
        Some(ValueKind::Bool) => boolean().map(Value::Bool).ok_or(bad(ValueKind::Bool)),
        Some(ValueKind::Text) if t.is_empty() => Err(bad(ValueKind::Text)),
        Some(ValueKind::Text) => Ok(Value::Text(t.to_string())),
        None => number()
            .map(Value::Number)
            .or_else(|| boolean().map(Value::Bool))
            .or_else(|| (!t.is_empty()).then(|| Value::Text(t.to_string())))
            .ok_or(bad(ValueKind::Text)),
    }
}

/// Who is editing: the person whose `login` is the system user, else the login itself.
pub fn identity(plan: &Plan, login: &str) -> String {
    plan.people
        .iter()
        .find(|p| p.login.as_deref() == Some(login))
        .map(|p| p.id.clone())
        .unwrap_or_else(|| login.to_string())
}

/// Everything an event needs besides its change.
pub struct Author<'a> {
    pub by: &'a str,
    pub at: Timestamp,
    /// The meeting this edit is made in: set only by the meeting screen of the session that runs
    /// it (opened or resumed it). Every other edit, made meanwhile anywhere else, is an ordinary
    /// one that the minutes do not list.
    pub meeting: Option<&'a str>,
}

impl<'a> Author<'a> {
    /// An edit outside any meeting.
    pub fn new(by: &'a str, at: Timestamp) -> Author<'a> {
        Author { by, at, meeting: None }
    }
}

pub(crate) fn event(state: &PlanState, who: &Author, change: Change, note: Option<String>) -> Event {
    let in_meeting = matches!(
        change,
        Change::Status { .. }
            | Change::Measure { .. }
            | Change::Comment { .. }
            | Change::TaskDone { .. }
            | Change::Reschedule { .. }
    );
    let meeting = who.meeting.filter(|id| in_meeting && state.meeting(id).is_some_and(|m| m.is_open()));
    Event {
        at: who.at,
        by: who.by.to_string(),
        change,
        note: note.map(|n| n.trim().to_string()).filter(|n| !n.is_empty()),
        // A change made from the meeting screen carries the meeting's id, so the minutes list it.
        meeting: meeting.map(str::to_string),
        prev: None,
    }
}

pub fn status(
    state: &PlanState,
    who: &Author,
    action: &str,
    to: Status,
    note: Option<String>,
) -> Result<Event, EditError> {
    state.plan.action(action).ok_or_else(|| EditError::UnknownAction(action.to_string()))?;
    Ok(event(state, who, Change::Status { action: action.to_string(), to }, note))
}

pub fn find_indicator<'a>(plan: &'a Plan, action: &str, indicator: &str) -> Result<&'a Indicator, EditError> {
    let a = plan.action(action).ok_or_else(|| EditError::UnknownAction(action.to_string()))?;
    a.indicators
        .iter()
        .find(|i| i.id == indicator)
        .ok_or_else(|| EditError::UnknownIndicator { action: action.to_string(), indicator: indicator.to_string() })
}

pub fn measure(
    state: &PlanState,
    who: &Author,
    action: &str,
    indicator: &str,
    value: &str,
    date: Date,
    note: Option<String>,
) -> Result<Event, EditError> {
    let ind = find_indicator(&state.plan, action, indicator)?;
    let value = parse_value(ind.value_kind(), value)?;
    let note = note.map(|n| n.trim().to_string()).filter(|n| !n.is_empty());
    let point = Point { date, value, note, by: None };
    Ok(event(state, who, Change::Measure { action: action.to_string(), indicator: indicator.to_string(), point }, None))
}

pub fn comment(state: &PlanState, who: &Author, action: &str, text: &str) -> Result<Event, EditError> {
    state.plan.action(action).ok_or_else(|| EditError::UnknownAction(action.to_string()))?;
    let text = text.trim();
    if text.is_empty() {
        return Err(EditError::EmptyText);
    }
    Ok(event(state, who, Change::Comment { action: action.to_string(), text: text.to_string() }, None))
}

/// The last applied change by this person that can be undone (a status, a measurement, a
/// comment, or what a meeting recorded: a decision, a note, a task, a task done; not already
/// undone), as an `Undo` line. A change of a closed meeting is sealed: refused.
pub fn undo_last(state: &PlanState, who: &Author) -> Result<Event, EditError> {
    use super::state::Outcome;
    let target = state
        .entries
        .iter()
        .rev()
        .find(|e| {
            e.event.by == who.by
                && e.outcome == Outcome::Applied
                && matches!(
                    e.event.change,
                    Change::Status { .. }
                        | Change::Measure { .. }
                        | Change::Comment { .. }
                        | Change::Reschedule { .. }
                        | Change::Decision { .. }
                        | Change::Note { .. }
                        | Change::Task { .. }
                        | Change::TaskDone { .. }
                )
        })
        .ok_or(EditError::NothingToUndo)?;
    if let Some(m) = state.sealed_in(target.line) {
        return Err(EditError::MeetingSealed(m.id.clone()));
    }
    Ok(event(state, who, Change::Undo { line: target.line }, None))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_names_in_french_and_english() {
        for (s, want) in [
            ("encours", Status::InProgress),
            ("en cours", Status::InProgress),
            ("in-progress", Status::InProgress),
            ("InProgress", Status::InProgress),
            ("réalisée", Status::Done),
            ("realisee", Status::Done),
            ("done", Status::Done),
            ("Non démarrée", Status::NotStarted),
            ("not-started", Status::NotStarted),
            ("abandonnée", Status::Abandoned),
            ("abandoned", Status::Abandoned),
        ] {
            assert_eq!(parse_status(s), Some(want), "{s}");
        }
        assert_eq!(parse_status("finie?"), None);
    }

    #[test]
    fn values_follow_the_indicator_kind() {
        assert_eq!(parse_value(Some(ValueKind::Number), "12,5"), Ok(Value::Number(12.5)));
        assert_eq!(parse_value(Some(ValueKind::Number), "1 200"), Ok(Value::Number(1200.0)));
        assert!(parse_value(Some(ValueKind::Number), "douze").is_err());
        assert_eq!(parse_value(Some(ValueKind::Bool), "Oui"), Ok(Value::Bool(true)));
        assert!(parse_value(Some(ValueKind::Bool), "17").is_err());
        assert_eq!(parse_value(Some(ValueKind::Text), "1 MSAP"), Ok(Value::Text("1 MSAP".into())));
        assert_eq!(parse_value(None, "3"), Ok(Value::Number(3.0)));
        assert_eq!(parse_value(None, "non"), Ok(Value::Bool(false)));
        assert!(parse_value(Some(ValueKind::Number), "NaN").is_err());
    }
}
