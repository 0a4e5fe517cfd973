//! The forms of the meeting screens: opening a meeting, recording in it (decision, task, note,
//! a guest, a representation, the next meeting), closing it, and the two questions that write no
//! journal line (resume a meeting found open, the minutes' format). The meeting a form records in
//! is the wrapper's (`Form::meeting`), given to `to_event`.

use super::field::{ChoiceField, TextField, fields};
use super::{PRESENCES, date_of, linked_actions, resolve_person};
use crate::i18n::{self, T};
use crate::lang::Lang;
use crate::minutes::MinutesFormat;
use crate::plan::edit::{Author, EditError};
use crate::plan::journal::Event;
use crate::plan::meeting;
use crate::plan::model::{Date, Plan};
use crate::plan::schedule::user_date_text;
use crate::plan::state::PlanState;

/// A new meeting: the body among the plan's, the date, a title, the place.
#[derive(Clone, Debug)]
pub struct OpenMeetingForm {
    pub body: ChoiceField,
    /// The bodies' ids, in the order of `body`'s options.
    pub bodies: Vec<String>,
    pub date: TextField,
    pub title: TextField,
    pub place: TextField,
}
fields!(OpenMeetingForm: body, date, title, place);

impl OpenMeetingForm {
    /// Today's date offered. `None` without bodies.
    pub fn new(state: &PlanState, today: Date) -> Option<OpenMeetingForm> {
        let bodies = &state.plan.bodies;
        if bodies.is_empty() {
            return None;
        }
        let names = bodies.iter().map(|b| crate::sanitize::sanitize(&b.name).into_owned()).collect();
        Some(OpenMeetingForm {
            body: ChoiceField::new(i18n::F_BODY, names),
            bodies: bodies.iter().map(|b| b.id.clone()).collect(),
            date: TextField::new(i18n::F_DATE, &user_date_text(today)),
            title: TextField::new(i18n::F_TITLE, ""),
            place: TextField::new(i18n::F_PLACE, ""),
        })
    }

    pub fn to_event(&self, state: &PlanState, who: &Author) -> Result<Event, EditError> {
        let body = self.bodies.get(self.body.selected()).cloned().unwrap_or_default();
        let date = date_of(self.date.value())?.ok_or(EditError::BadDate(String::new()))?;
        meeting::open_at(state, who, &body, date, Some(self.title.value()), Some(self.place.value()))
    }
}

/// A decision or a task: its text (several lines allowed), its owner (a person of the plan, offered
/// with ↑ ↓, or free text), its due date, and the actions it is about (the item's, others may be
/// added).
#[derive(Clone, Debug)]
pub struct CommitmentForm {
    /// The agenda item's action, when the item is one.
    pub action: Option<String>,
    pub text: TextField,
    pub owner: TextField,
    pub due: TextField,
    pub actions: TextField,
}
fields!(CommitmentForm: text, owner, due, actions);

/// How a decision's or a task's line is made (`meeting::decision`, `meeting::task`).
pub type CommitmentLine =
    fn(&PlanState, &Author, &str, &str, Vec<String>, Option<&str>, Option<Date>) -> Result<Event, EditError>;

impl CommitmentForm {
    pub fn decision(l: Lang, plan: &Plan, action: Option<&str>) -> CommitmentForm {
        CommitmentForm::new(l, i18n::F_DECISION, plan, action)
    }

    pub fn task(l: Lang, plan: &Plan, action: Option<&str>) -> CommitmentForm {
        CommitmentForm::new(l, i18n::F_TASK, plan, action)
    }

    fn new(l: Lang, label: T, plan: &Plan, action: Option<&str>) -> CommitmentForm {
        CommitmentForm {
            action: action.filter(|a| !a.is_empty()).map(str::to_string),
            text: TextField::long(label),
            owner: TextField::owner(plan),
            due: TextField::new(i18n::F_DUE, ""),
            // Ids separated by commas, the item's first.
            actions: TextField::new(i18n::F_AGENDA_ACTION, action.unwrap_or_default())
                .labelled(crate::wording::linked_actions_field(l)),
        }
    }

    /// The line `make` builds from what is typed: the owner resolved among the plan's people, the
    /// due date and the actions checked.
    pub fn to_event(
        &self,
        state: &PlanState,
        who: &Author,
        meeting: &str,
        make: CommitmentLine,
    ) -> Result<Event, EditError> {
        let owner = resolve_person(&state.plan, self.owner.value());
        let due = date_of(self.due.value())?;
        let actions = linked_actions(&state.plan, self.actions.value())?;
        make(state, who, meeting, self.text.value(), actions, owner.as_deref(), due)
    }
}

/// A note of the meeting, about the item's action when there is one.
#[derive(Clone, Debug)]
pub struct NoteForm {
    pub action: Option<String>,
    pub text: TextField,
}
fields!(NoteForm: text);

impl NoteForm {
    pub fn new(action: Option<&str>) -> NoteForm {
        NoteForm {
            action: action.filter(|a| !a.is_empty()).map(str::to_string),
            text: TextField::long(i18n::F_NOTE_TEXT),
        }
    }

    pub fn to_event(&self, state: &PlanState, who: &Author, meeting: &str) -> Result<Event, EditError> {
        let actions = self.action.iter().cloned().collect();
        meeting::note(state, who, meeting, self.text.value(), actions)
    }
}

/// A guest's name and presence.
#[derive(Clone, Debug)]
pub struct GuestForm {
    pub name: TextField,
    /// One of `PRESENCES`.
    pub presence: ChoiceField,
}
fields!(GuestForm: name, presence);

impl GuestForm {
    pub fn new(l: Lang) -> GuestForm {
        let presences = PRESENCES.iter().map(|p| i18n::presence_label(l, *p).to_string()).collect();
        GuestForm { name: TextField::new(i18n::F_GUEST, ""), presence: ChoiceField::new(i18n::F_PRESENCE, presences) }
    }

    pub fn to_event(&self, state: &PlanState, who: &Author, meeting: &str) -> Result<Event, EditError> {
        let presence = PRESENCES[self.presence.selected().min(PRESENCES.len() - 1)];
        meeting::attendance(state, who, meeting, self.name.value(), presence)
    }
}

/// Who came in the place of a person of the attendance.
#[derive(Clone, Debug)]
pub struct RepresentedForm {
    /// The person's key in the attendance.
    pub person: String,
    /// The person's name, for the title.
    pub name: String,
    pub by: TextField,
}
fields!(RepresentedForm: by);

impl RepresentedForm {
    pub fn new(person: &str, name: &str) -> RepresentedForm {
        RepresentedForm {
            person: person.to_string(),
            name: name.to_string(),
            by: TextField::new(i18n::F_REPRESENTED_BY, ""),
        }
    }

    pub fn to_event(&self, state: &PlanState, who: &Author, meeting: &str) -> Result<Event, EditError> {
        let by = resolve_person(&state.plan, self.by.value()).unwrap_or_default();
        meeting::represented(state, who, meeting, &self.person, &by)
    }
}

/// The next meeting's date and place.
#[derive(Clone, Debug)]
pub struct NextMeetingForm {
    pub date: TextField,
    pub place: TextField,
}
fields!(NextMeetingForm: date, place);

impl NextMeetingForm {
    /// What was set already offered.
    pub fn new(date: Option<Date>, place: Option<&str>) -> NextMeetingForm {
        let date = date.map(|d| d.to_string()).unwrap_or_default();
        NextMeetingForm {
            date: TextField::new(i18n::F_NEXT_DATE, &date),
            place: TextField::new(i18n::F_PLACE, place.unwrap_or_default()),
        }
    }

    pub fn to_event(&self, state: &PlanState, who: &Author, meeting: &str) -> Result<Event, EditError> {
        let t = self.date.value().trim();
        let date = Date::parse(t).ok_or_else(|| EditError::BadDate(t.to_string()))?;
        meeting::next_meeting(state, who, meeting, date, Some(self.place.value()))
    }
}

/// Closing the meeting, confirmed: "yes" or "no".
#[derive(Clone, Debug)]
pub struct CloseMeetingForm {
    pub confirm: ChoiceField,
}
fields!(CloseMeetingForm: confirm);

impl CloseMeetingForm {
    /// "No" preselected: a stray Enter never closes a meeting.
    pub fn new(l: Lang) -> CloseMeetingForm {
        let options = vec![i18n::CLOSE_YES.get(l).to_string(), i18n::CLOSE_NO.get(l).to_string()];
        CloseMeetingForm { confirm: ChoiceField::new(i18n::F_CONFIRM, options).selecting(1) }
    }

    /// Whether "yes" is chosen.
    pub fn confirmed(&self) -> bool {
        self.confirm.selected() == 0
    }
}

/// A meeting found open at start: resume it now, or later.
#[derive(Clone, Debug)]
pub struct ResumeForm {
    pub answer: ChoiceField,
}
fields!(ResumeForm: answer);

impl ResumeForm {
    /// "Not now" preselected: resuming is a choice.
    pub fn new(l: Lang) -> ResumeForm {
        let options = vec![i18n::RESUME_YES.get(l).to_string(), i18n::RESUME_LATER.get(l).to_string()];
        ResumeForm { answer: ChoiceField::new(i18n::F_RESUME, options).selecting(1) }
    }

    /// Whether "resume" is chosen.
    pub fn resume(&self) -> bool {
        self.answer.selected() == 0
    }
}

/// The format to write the minutes in.
#[derive(Clone, Debug)]
pub struct MinutesFormatForm {
    /// One of `MinutesFormat::ALL`.
    pub format: ChoiceField,
}
fields!(MinutesFormatForm: format);

impl MinutesFormatForm {
    /// The remembered format selected.
    pub fn new(remembered: MinutesFormat) -> MinutesFormatForm {
        let options = MinutesFormat::ALL
            .iter()
            .map(|f| match f {
                MinutesFormat::Md => "Markdown (.md)".to_string(),
                MinutesFormat::Odt => "OpenDocument (.odt) — LibreOffice, Word".to_string(),
                MinutesFormat::Html => "HTML (.html)".to_string(),
            })
            .collect();
        let selected = MinutesFormat::ALL.iter().position(|x| *x == remembered).unwrap_or(0);
        MinutesFormatForm { format: ChoiceField::new(i18n::F_FORMAT, options).selecting(selected) }
    }

    /// The format chosen.
    pub fn chosen(&self) -> MinutesFormat {
        MinutesFormat::ALL.get(self.format.selected()).copied().unwrap_or_default()
    }
}
