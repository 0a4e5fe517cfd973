//! The forms about one action of the plan: its status, a measurement, a comment, a new due date.

use super::field::{ChoiceField, TextField, fields};
use crate::i18n;
use crate::lang::Lang;
use crate::plan::edit::{self, Author, EditError};
use crate::plan::journal::Event;
use crate::plan::model::{Date, Status};
use crate::plan::schedule::{parse_user_date, user_date_text};
use crate::plan::state::PlanState;

/// A new status, and a note.
#[derive(Clone, Debug)]
pub struct StatusForm {
    pub action: String,
    pub status: ChoiceField,
    pub note: TextField,
}
fields!(StatusForm: status, note);

impl StatusForm {
    /// The action's current status selected.
    pub fn new(l: Lang, state: &PlanState, action: &str) -> Option<StatusForm> {
        let a = state.plan.action(action)?;
        let options = Status::ALL.iter().map(|s| i18n::status_label(l, *s).to_string()).collect();
        let status = ChoiceField::new(i18n::F_STATUS, options).of_statuses();
        Some(StatusForm {
            action: action.to_string(),
            status: status.selecting(a.status.index()),
            note: TextField::new(i18n::F_NOTE, ""),
        })
    }

    pub fn to_event(&self, state: &PlanState, who: &Author) -> Result<Event, EditError> {
        let to = Status::ALL[self.status.selected().min(Status::ALL.len() - 1)];
        edit::status(state, who, &self.action, to, Some(self.note.value().to_string()))
    }
}

/// A measurement of one of the action's indicators: when, how much, a note.
#[derive(Clone, Debug)]
pub struct MeasureForm {
    pub action: String,
    pub indicator: ChoiceField,
    /// The indicators' ids, in the order of `indicator`'s options.
    pub indicators: Vec<String>,
    pub date: TextField,
    pub value: TextField,
    pub note: TextField,
}
fields!(MeasureForm: indicator, date, value, note);

impl MeasureForm {
    /// Today's date offered; `None` when the action has no indicator.
    pub fn new(state: &PlanState, action: &str, today: Date) -> Option<MeasureForm> {
        let a = state.plan.action(action)?;
        if a.indicators.is_empty() {
            return None;
        }
        // Each option shows the indicator's id, as `copil measure` takes it, then its name.
        let options = a
            .indicators
            .iter()
            .map(|i| format!("{} · {}", crate::sanitize::sanitize(&i.id), crate::sanitize::sanitize(&i.name)))
            .collect();
        Some(MeasureForm {
            action: action.to_string(),
            indicator: ChoiceField::new(i18n::F_INDICATOR, options),
            indicators: a.indicators.iter().map(|i| i.id.clone()).collect(),
            date: TextField::new(i18n::F_DATE, &user_date_text(today)),
            value: TextField::new(i18n::F_VALUE, ""),
            note: TextField::new(i18n::F_NOTE, ""),
        })
    }

    /// The id of the indicator chosen.
    pub fn indicator_id(&self) -> &str {
        self.indicators.get(self.indicator.selected()).map(String::as_str).unwrap_or_default()
    }

    pub fn to_event(&self, state: &PlanState, who: &Author) -> Result<Event, EditError> {
        let date_text = self.date.value().trim();
        let date = parse_user_date(date_text).ok_or_else(|| EditError::BadDate(date_text.to_string()))?;
        let note = Some(self.note.value().to_string());
        edit::measure(state, who, &self.action, self.indicator_id(), self.value.value(), date, note)
    }
}

/// A comment on the action (several lines allowed).
#[derive(Clone, Debug)]
pub struct CommentForm {
    pub action: String,
    pub comment: TextField,
}
fields!(CommentForm: comment);

impl CommentForm {
    pub fn new(state: &PlanState, action: &str) -> Option<CommentForm> {
        state.plan.action(action)?;
        Some(CommentForm { action: action.to_string(), comment: TextField::long(i18n::F_COMMENT) })
    }

    pub fn to_event(&self, state: &PlanState, who: &Author) -> Result<Event, EditError> {
        edit::comment(state, who, &self.action, self.comment.value())
    }
}

/// A new due date for the action, and why.
#[derive(Clone, Debug)]
pub struct RescheduleForm {
    pub action: String,
    pub due: TextField,
    pub reason: TextField,
}
fields!(RescheduleForm: due, reason);

impl RescheduleForm {
    /// The action's current due date offered.
    pub fn new(l: Lang, state: &PlanState, action: &str) -> Option<RescheduleForm> {
        let a = state.plan.action(action)?;
        let current = a.due.map(user_date_text).unwrap_or_default();
        Some(RescheduleForm {
            action: action.to_string(),
            due: TextField::new(i18n::F_DUE, &current).labelled(crate::wording::reschedule_field(l)),
            reason: TextField::long(i18n::F_NOTE).labelled(crate::wording::reason_field(l)),
        })
    }

    pub fn to_event(&self, state: &PlanState, who: &Author) -> Result<Event, EditError> {
        let typed = self.due.value().trim();
        let due = parse_user_date(typed).ok_or_else(|| EditError::BadDate(typed.to_string()))?;
        let why = self.reason.value().to_string();
        crate::plan::schedule::reschedule(state, who, &self.action, due, Some(why))
    }
}
