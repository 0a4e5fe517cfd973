//! One journal line: an [`Event`] carrying a [`Change`] (format 1).

use serde::{Deserialize, Serialize};

use super::model::{Date, Point, Status, Timestamp, ser_some};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Event", deny_unknown_fields)]
pub struct Event {
    pub at: Timestamp,
    pub by: String,
    pub change: Change,
    #[serde(default, skip_serializing_if = "Option::is_none", serialize_with = "ser_some")]
    pub note: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none", serialize_with = "ser_some")]
    pub meeting: Option<String>,
    /// The SHA-256 of the line before this one (lowercase hex; of nothing for a journal's first
    /// line): the journal is a hash chain, so an edited, removed or inserted line is found
    /// (`copil verify`). Set by the appender under the lock, never by hand; lines written before
    /// the chain existed have none.
    #[serde(default, skip_serializing_if = "Option::is_none", serialize_with = "ser_some")]
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
        #[serde(default, skip_serializing_if = "Option::is_none", serialize_with = "ser_some")]
        title: Option<String>,
        date: Date,
        /// Where the meeting is held (optional; absent in journals written before it existed).
        #[serde(default, skip_serializing_if = "Option::is_none", serialize_with = "ser_some")]
        place: Option<String>,
    },
    Attendance {
        meeting: String,
        person: String,
        presence: Presence,
        /// With `presence: Represented`: who came in the person's place (a person id or a name).
        #[serde(default, skip_serializing_if = "Option::is_none", serialize_with = "ser_some")]
        by: Option<String>,
    },
    Decision {
        meeting: String,
        text: String,
        #[serde(default)]
        actions: Vec<String>,
        #[serde(default, skip_serializing_if = "Option::is_none", serialize_with = "ser_some")]
        owner: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none", serialize_with = "ser_some")]
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
        #[serde(default, skip_serializing_if = "Option::is_none", serialize_with = "ser_some")]
        owner: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none", serialize_with = "ser_some")]
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
        #[serde(default, skip_serializing_if = "Option::is_none", serialize_with = "ser_some")]
        action: Option<String>,
        title: String,
    },
    /// The date (and place) of the body's next meeting, set before this one closes; the last
    /// line wins.
    NextMeeting {
        meeting: String,
        date: Date,
        #[serde(default, skip_serializing_if = "Option::is_none", serialize_with = "ser_some")]
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
        let line = ron::ser::to_string_pretty(self, cfg).expect("an Event always serialises");
        debug_assert!(!line.contains('\n'));
        line
    }
}
