//! One journal line: an [`Event`] carrying a [`Change`] (format 1).

use serde::{Deserialize, Serialize};

use super::model::{Date, Point, Status, Timestamp};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Event", deny_unknown_fields)]
pub struct Event {
    pub at: Timestamp,
    pub by: String,
    pub change: Change,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meeting: Option<String>,
    /// The SHA-256 of the line before this one (lowercase hex; of nothing for a journal's first
    /// line): the journal is a hash chain, so an edited, removed or inserted line is found
    /// (`copil verify`). Set by the appender under the lock, never by hand; lines written before
    /// the chain existed have none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prev: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Presence {
    Present,
    Excused,
    Absent,
    /// Not there in person: someone else came in their place (the `Attendance` line's `by`).
    Represented,
}

/// The change kinds of format 1. An unknown kind is refused with its line number.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum Change {
    Status {
        action: String,
        to: Status,
    },
    Measure {
        action: String,
        indicator: String,
        point: Point,
    },
    Comment {
        action: String,
        text: String,
    },
    MeetingOpened {
        id: String,
        body: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        title: Option<String>,
        date: Date,
        /// Where the meeting is held (optional; absent in journals written before it existed).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        place: Option<String>,
    },
    Attendance {
        meeting: String,
        person: String,
        presence: Presence,
        /// With `presence: Represented`: who came in the person's place (a person id or a name).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        by: Option<String>,
    },
    Decision {
        meeting: String,
        text: String,
        #[serde(default)]
        actions: Vec<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        owner: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        due: Option<Date>,
    },
    Note {
        meeting: String,
        text: String,
        #[serde(default)]
        actions: Vec<String>,
    },
    Task {
        meeting: String,
        id: String,
        text: String,
        #[serde(default)]
        actions: Vec<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        owner: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        due: Option<Date>,
    },
    TaskDone {
        task: String,
    },
    MeetingClosed {
        id: String,
    },
    Undo {
        line: usize,
    },
    /// Sets an action's due date (the event's `note` says why). The latest one applied is the
    /// action's due date, for lateness and everything else.
    Reschedule {
        action: String,
        due: Date,
    },
    /// The chair moved to an agenda item: the agenda as it was run. `action` is the item's action,
    /// when it has one; `title` is the item as announced.
    AgendaItem {
        meeting: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        action: Option<String>,
        title: String,
    },
    /// The date (and place) of the body's next meeting, set before this one closes; the last
    /// line wins.
    NextMeeting {
        meeting: String,
        date: Date,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        place: Option<String>,
    },
}

impl Change {
    /// The actions this change is about (for an action's history).
    pub fn actions(&self) -> Vec<&str> {
        match self {
            Change::Status { action, .. }
            | Change::Measure { action, .. }
            | Change::Comment { action, .. }
            | Change::Reschedule { action, .. } => {
                vec![action.as_str()]
            }
            Change::Decision { actions, .. } | Change::Note { actions, .. } | Change::Task { actions, .. } => {
                actions.iter().map(String::as_str).collect()
            }
            Change::AgendaItem { action: Some(action), .. } => vec![action.as_str()],
            _ => Vec::new(),
        }
    }
}

impl Event {
    /// The event as one journal line, without its newline: RON, struct names written, no raw newline.
    pub fn to_line(&self) -> String {
        let cfg = ron::ser::PrettyConfig::new()
            .struct_names(true)
            .new_line(String::new())
            .indentor(String::new())
            .separator(" ".to_string())
            .compact_arrays(true)
            .compact_structs(true)
            .escape_strings(true);
        let line = crate::ron_format::options().to_string_pretty(self, cfg).expect("an Event always serialises");
        debug_assert!(!line.contains('\n'));
        line
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::model::Value;

    fn at() -> Timestamp {
        Timestamp(chrono::DateTime::parse_from_rfc3339("2026-11-23T10:30:00+01:00").unwrap())
    }

    /// Optional fields are written bare (`implicit_some`), absent ones not at all, and the line
    /// reads back as the same event: the journal's format, byte for byte.
    #[test]
    fn a_line_writes_optional_fields_bare_and_reads_back_the_same() {
        let event = Event {
            at: at(),
            by: "marie".into(),
            change: Change::Decision {
                meeting: "2026-11-23-copil".into(),
                text: "Étendre \"le\" réseau".into(),
                actions: vec!["1-2".into()],
                owner: Some("paul".into()),
                due: Date::parse("2027-12-31"),
            },
            note: None,
            meeting: Some("2026-11-23-copil".into()),
            prev: None,
        };
        let line = event.to_line();
        assert_eq!(
            line,
            r#"Event(at: "2026-11-23T10:30:00+01:00", by: "marie", change: Decision(meeting: "2026-11-23-copil", text: "Étendre \"le\" réseau", actions: ["1-2"], owner: "paul", due: "2027-12-31"), meeting: "2026-11-23-copil")"#
        );
        assert_eq!(crate::ron_format::options().from_str::<Event>(&line).unwrap(), event);

        let measure = Event {
            at: at(),
            by: "paul".into(),
            change: Change::Measure {
                action: "1-2".into(),
                indicator: "i1".into(),
                point: Point {
                    date: Date::parse("2026-11-01").unwrap(),
                    value: Value::Number(12.5),
                    note: Some("estimé".into()),
                    by: None,
                },
            },
            note: Some("lu".into()),
            meeting: None,
            prev: Some("ab".repeat(32)),
        };
        let line = measure.to_line();
        assert!(line.contains(r#"note: "estimé")"#) && !line.contains("Some(") && !line.contains("None"), "{line}");
        assert_eq!(crate::ron_format::options().from_str::<Event>(&line).unwrap(), measure);
    }
}
