//! Popup forms for edits: the status picker, a new measurement, a comment. A form is fields
//! (choices or text inputs) plus the action it is about; submitting builds the journal line
//! through `plan::edit`, and the form stays open, with its text, until the line is on disk.

use tui_input::Input;

use crate::i18n::{self, T};
use crate::plan::edit::{self, Author, EditError};
use crate::plan::journal::Event;
use crate::plan::model::{Date, Status};
use crate::plan::state::PlanState;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormKind {
    Status,
    Measure,
    Comment,
}

#[derive(Clone, Debug)]
pub enum FieldValue {
    /// One of several options, shown as a list; `options` are already display texts.
    Choice {
        options: Vec<String>,
        selected: usize,
    },
    Text(Input),
}

#[derive(Clone, Debug)]
pub struct Field {
    pub label: T,
    pub value: FieldValue,
}

impl Field {
    fn text(label: T, initial: &str) -> Field {
        Field { label, value: FieldValue::Text(Input::new(initial.to_string())) }
    }
    pub fn text_value(&self) -> &str {
        match &self.value {
            FieldValue::Text(i) => i.value(),
            FieldValue::Choice { .. } => "",
        }
    }
    pub fn choice(&self) -> usize {
        match &self.value {
            FieldValue::Choice { selected, .. } => *selected,
            FieldValue::Text(_) => 0,
        }
    }
}

#[derive(Clone, Debug)]
pub struct Form {
    pub kind: FormKind,
    pub action: String,
    /// Indicator ids, for a measurement form (in the order of the first field's options).
    pub indicators: Vec<String>,
    pub fields: Vec<Field>,
    pub focus: usize,
    /// What is wrong with the last submission, shown in the form.
    pub error: Option<String>,
    /// Set while the line is being written; cleared by the app when it is on disk or failed.
    pub saving: bool,
}

impl Form {
    pub fn status(state: &PlanState, action: &str) -> Option<Form> {
        let a = state.plan.action(action)?;
        let options = Status::ALL.iter().map(|s| i18n::status_label(*s).to_string()).collect();
        Some(Form {
            kind: FormKind::Status,
            action: action.to_string(),
            indicators: Vec::new(),
            fields: vec![
                Field { label: i18n::F_STATUS, value: FieldValue::Choice { options, selected: a.status.index() } },
                Field::text(i18n::F_NOTE, ""),
            ],
            focus: 0,
            error: None,
            saving: false,
        })
    }

    /// A measurement form; `None` when the action has no indicator.
    pub fn measure(state: &PlanState, action: &str, today: Date) -> Option<Form> {
        let a = state.plan.action(action)?;
        if a.indicators.is_empty() {
            return None;
        }
        let options = a.indicators.iter().map(|i| crate::sanitize::sanitize(&i.name).into_owned()).collect();
        Some(Form {
            kind: FormKind::Measure,
            action: action.to_string(),
            indicators: a.indicators.iter().map(|i| i.id.clone()).collect(),
            fields: vec![
                Field { label: i18n::F_INDICATOR, value: FieldValue::Choice { options, selected: 0 } },
                Field::text(i18n::F_DATE, &today.to_string()),
                Field::text(i18n::F_VALUE, ""),
                Field::text(i18n::F_NOTE, ""),
            ],
            focus: 2,
            error: None,
            saving: false,
        })
    }

    pub fn comment(state: &PlanState, action: &str) -> Option<Form> {
        state.plan.action(action)?;
        Some(Form {
            kind: FormKind::Comment,
            action: action.to_string(),
            indicators: Vec::new(),
            fields: vec![Field::text(i18n::F_COMMENT, "")],
            focus: 0,
            error: None,
            saving: false,
        })
    }

    pub fn title(&self) -> String {
        let what = match self.kind {
            FormKind::Status => i18n::FORM_STATUS.get(),
            FormKind::Measure => i18n::FORM_MEASURE.get(),
            FormKind::Comment => i18n::FORM_COMMENT.get(),
        };
        format!("{what} — {}", self.action)
    }

    pub fn focused_input(&mut self) -> Option<&mut Input> {
        match &mut self.fields.get_mut(self.focus)?.value {
            FieldValue::Text(i) => Some(i),
            FieldValue::Choice { .. } => None,
        }
    }

    pub fn next_field(&mut self) {
        self.focus = (self.focus + 1) % self.fields.len();
    }

    pub fn prev_field(&mut self) {
        self.focus = (self.focus + self.fields.len() - 1) % self.fields.len();
    }

    /// Up/Down: on a choice, change the choice; on a text, move between fields.
    pub fn step(&mut self, forward: bool) {
        match &mut self.fields[self.focus].value {
            FieldValue::Choice { options, selected } => {
                let n = options.len().max(1);
                *selected = if forward { (*selected + 1) % n } else { (*selected + n - 1) % n };
            }
            FieldValue::Text(_) if forward => self.next_field(),
            FieldValue::Text(_) => self.prev_field(),
        }
    }

    /// The journal line this form asks for, or why it cannot be made.
    pub fn to_event(&self, state: &PlanState, who: &Author) -> Result<Event, EditError> {
        match self.kind {
            FormKind::Status => {
                let to = Status::ALL[self.fields[0].choice().min(3)];
                edit::status(state, who, &self.action, to, Some(self.fields[1].text_value().to_string()))
            }
            FormKind::Measure => {
                let indicator = self.indicators.get(self.fields[0].choice()).cloned().unwrap_or_default();
                let date_text = self.fields[1].text_value().trim();
                let date = Date::parse(date_text).ok_or_else(|| EditError::BadDate(date_text.to_string()))?;
                edit::measure(
                    state,
                    who,
                    &self.action,
                    &indicator,
                    self.fields[2].text_value(),
                    date,
                    Some(self.fields[3].text_value().to_string()),
                )
            }
            FormKind::Comment => edit::comment(state, who, &self.action, self.fields[0].text_value()),
        }
    }
}
