//! Popup forms for edits: the status picker, a new measurement, a comment. A form is fields
//! (choices or text inputs) plus the action it is about; submitting builds the journal line
//! through `plan::edit`, and the form stays open, with its text, until the line is on disk.

use crate::lang::Lang;
use tui_input::Input;

use crate::i18n::{self, T};
use crate::plan::edit::{self, Author, EditError};
use crate::plan::journal::{Event, Presence};
use crate::plan::meeting;
use crate::plan::model::{Date, Plan, Status};
use crate::plan::schedule::{parse_user_date, user_date_text};
use crate::plan::state::PlanState;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormKind {
    Status,
    Measure,
    Comment,
    /// Body, date, title of a new meeting.
    OpenMeeting,
    Decision,
    MeetingNote,
    Task,
    /// A guest's name and presence.
    Guest,
    /// Confirms closing the meeting.
    CloseMeeting,
    /// A meeting found open at start: resume it, or later.
    Resume,
    /// A new due date for an action, and why.
    Reschedule,
    /// The next meeting's date and place.
    NextMeeting,
    /// Who came in the place of a person of the attendance (`action` holds the person's key).
    Represented,
    /// Which format to write the minutes in (no journal line).
    MinutesFormat,
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
    /// A text that may span several lines (`NewLine` inserts a line break).
    pub multiline: bool,
    /// For a text field: names offered with ↑ ↓ (the plan's people, for an owner); free text
    /// stays allowed.
    pub suggestions: Vec<String>,
    /// A label of the field's own, when `label` (a fixed string of `i18n`) does not say it.
    pub label_text: Option<&'static str>,
}

impl Field {
    fn new(label: T, value: FieldValue) -> Field {
        Field { label, value, multiline: false, suggestions: Vec::new(), label_text: None }
    }
    fn text(label: T, initial: &str) -> Field {
        Field::new(label, FieldValue::Text(Input::new(initial.to_string())))
    }
    /// A text field that may span several lines.
    fn long_text(label: T) -> Field {
        Field { multiline: true, ..Field::text(label, "") }
    }
    /// An owner: free text, or one of the plan's people chosen with ↑ ↓.
    fn owner(plan: &Plan) -> Field {
        let names = plan.people.iter().map(|p| crate::sanitize::sanitize(&p.name).into_owned()).collect();
        Field { suggestions: names, ..Field::text(i18n::F_OWNER, "") }
    }
    /// The label shown above the field.
    pub fn label(&self, l: Lang) -> &'static str {
        self.label_text.unwrap_or_else(|| self.label.get(l))
    }
    /// The suggestions that match what is typed (accents and case aside); all when none does.
    pub fn matching_suggestions(&self) -> Vec<&str> {
        let typed = crate::search::fold(self.text_value().trim());
        let all: Vec<&str> = self.suggestions.iter().map(String::as_str).collect();
        if typed.is_empty() {
            return all;
        }
        let found: Vec<&str> = all.iter().copied().filter(|n| crate::search::fold(n).contains(&typed)).collect();
        if found.is_empty() { all } else { found }
    }
    /// ↑ ↓ on a field with suggestions: the next (or previous) person, replacing the text.
    fn suggest(&mut self, forward: bool) {
        let names = &self.suggestions;
        let current = self.text_value().trim().to_string();
        let next = match names.iter().position(|n| *n == current) {
            Some(i) if forward => names[(i + 1) % names.len()].clone(),
            Some(i) => names[(i + names.len() - 1) % names.len()].clone(),
            None => {
                let m = self.matching_suggestions();
                let pick = if forward { m.first() } else { m.last() };
                pick.map(|s| s.to_string()).unwrap_or_default()
            }
        };
        self.value = FieldValue::Text(Input::new(next));
    }
    pub fn text_value(&self) -> &str {
        match &self.value {
            FieldValue::Text(i) => i.value(),
            FieldValue::Choice { .. } => "",
        }
    }
    /// Selects an option of a choice (clamped to its options).
    pub fn select(&mut self, i: usize) {
        if let FieldValue::Choice { selected, options } = &mut self.value {
            *selected = i.min(options.len().saturating_sub(1));
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
    /// The action the form is about (empty when none).
    pub action: String,
    /// The meeting a meeting form records in (empty for the others).
    pub meeting: String,
    /// Ids behind the first field's options, for the forms that choose among plan items (bodies).
    pub ids: Vec<String>,
    /// Indicator ids, for a measurement form (in the order of the first field's options).
    pub indicators: Vec<String>,
    /// The person of the attendance a representation form is about: their key and name.
    pub person: Option<(String, String)>,
    pub fields: Vec<Field>,
    pub focus: usize,
    /// What is wrong with the last submission, shown in the form.
    pub error: Option<String>,
    /// Set while the line is being written; cleared by the app when it is on disk or failed.
    pub saving: bool,
}

impl Form {
    /// A form about an action (empty: none), recording in a meeting (empty: none), with its
    /// fields; the first field has the focus.
    fn new(kind: FormKind, action: &str, meeting: &str, fields: Vec<Field>) -> Form {
        Form {
            kind,
            action: action.to_string(),
            meeting: meeting.to_string(),
            ids: Vec::new(),
            indicators: Vec::new(),
            person: None,
            fields,
            focus: 0,
            error: None,
            saving: false,
        }
    }

    pub fn status(l: Lang, state: &PlanState, action: &str) -> Option<Form> {
        let a = state.plan.action(action)?;
        let options = Status::ALL.iter().map(|s| i18n::status_label(l, *s).to_string()).collect();
        let fields = vec![
            Field::new(i18n::F_STATUS, FieldValue::Choice { options, selected: a.status.index() }),
            Field::text(i18n::F_NOTE, ""),
        ];
        Some(Form::new(FormKind::Status, action, "", fields))
    }

    /// A measurement form; `None` when the action has no indicator.
    pub fn measure(state: &PlanState, action: &str, today: Date) -> Option<Form> {
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
        let fields = vec![
            Form::choice(i18n::F_INDICATOR, options),
            Field::text(i18n::F_DATE, &user_date_text(today)),
            Field::text(i18n::F_VALUE, ""),
            Field::text(i18n::F_NOTE, ""),
        ];
        let mut f = Form::new(FormKind::Measure, action, "", fields);
        f.indicators = a.indicators.iter().map(|i| i.id.clone()).collect();
        f.focus = 2;
        Some(f)
    }

    pub fn comment(state: &PlanState, action: &str) -> Option<Form> {
        state.plan.action(action)?;
        Some(Form::new(FormKind::Comment, action, "", vec![Field::long_text(i18n::F_COMMENT)]))
    }

    /// A new due date for an action (its current one offered), and the reason.
    pub fn reschedule(l: Lang, state: &PlanState, action: &str) -> Option<Form> {
        let a = state.plan.action(action)?;
        let current = a.due.map(user_date_text).unwrap_or_default();
        let mut date = Field::text(i18n::F_DUE, &current);
        date.label_text = Some(crate::wording::reschedule_field(l));
        let mut why = Field::long_text(i18n::F_NOTE);
        why.label_text = Some(crate::wording::reason_field(l));
        Some(Form::new(FormKind::Reschedule, action, "", vec![date, why]))
    }

    /// A form of the meeting screens: its fields, about an action or none.
    fn meeting_form(kind: FormKind, meeting: &str, action: Option<&str>, fields: Vec<Field>) -> Form {
        Form::new(kind, action.unwrap_or_default(), meeting, fields)
    }

    fn choice(label: T, options: Vec<String>) -> Field {
        Field::new(label, FieldValue::Choice { options, selected: 0 })
    }

    /// A new meeting: the body among the plan's, the date (today), a title. `None` without bodies.
    pub fn open_meeting(state: &PlanState, today: Date) -> Option<Form> {
        let bodies = &state.plan.bodies;
        if bodies.is_empty() {
            return None;
        }
        let names = bodies.iter().map(|b| crate::sanitize::sanitize(&b.name).into_owned()).collect();
        let mut f = Form::meeting_form(
            FormKind::OpenMeeting,
            "",
            None,
            vec![
                Form::choice(i18n::F_BODY, names),
                Field::text(i18n::F_DATE, &user_date_text(today)),
                Field::text(i18n::F_TITLE, ""),
                Field::text(i18n::F_PLACE, ""),
            ],
        );
        f.ids = bodies.iter().map(|b| b.id.clone()).collect();
        Some(f)
    }

    /// A decision: its text (several lines allowed), owner (a person of the plan or free
    /// text), due date, and the actions it is about (the item's, others may be added).
    pub fn decision(l: Lang, plan: &Plan, meeting: &str, action: Option<&str>) -> Form {
        Form::meeting_form(
            FormKind::Decision,
            meeting,
            action,
            vec![
                Field::long_text(i18n::F_DECISION),
                Field::owner(plan),
                Field::text(i18n::F_DUE, ""),
                Form::actions_field(l, action),
            ],
        )
    }

    pub fn note(meeting: &str, action: Option<&str>) -> Form {
        Form::meeting_form(FormKind::MeetingNote, meeting, action, vec![Field::long_text(i18n::F_NOTE_TEXT)])
    }

    pub fn task(l: Lang, plan: &Plan, meeting: &str, action: Option<&str>) -> Form {
        Form::meeting_form(
            FormKind::Task,
            meeting,
            action,
            vec![
                Field::long_text(i18n::F_TASK),
                Field::owner(plan),
                Field::text(i18n::F_DUE, ""),
                Form::actions_field(l, action),
            ],
        )
    }

    /// The actions a decision or task is about: ids separated by commas, the item's first.
    fn actions_field(l: Lang, action: Option<&str>) -> Field {
        let mut f = Field::text(i18n::F_AGENDA_ACTION, action.unwrap_or_default());
        f.label_text = Some(crate::wording::linked_actions_field(l));
        f
    }

    pub fn guest(l: Lang, meeting: &str) -> Form {
        let presences = PRESENCES.iter().map(|p| i18n::presence_label(l, *p).to_string()).collect();
        Form::meeting_form(
            FormKind::Guest,
            meeting,
            None,
            vec![Field::text(i18n::F_GUEST, ""), Form::choice(i18n::F_PRESENCE, presences)],
        )
    }

    pub fn close_meeting(l: Lang, meeting: &str) -> Form {
        let options = vec![i18n::CLOSE_YES.get(l).to_string(), i18n::CLOSE_NO.get(l).to_string()];
        let mut f =
            Form::meeting_form(FormKind::CloseMeeting, meeting, None, vec![Form::choice(i18n::F_CONFIRM, options)]);
        // "No" is preselected: a stray Enter never closes a meeting.
        f.fields[0].select(1);
        f
    }

    pub fn next_meeting(meeting: &str, date: Option<Date>, place: Option<&str>) -> Form {
        let date = date.map(|d| d.to_string()).unwrap_or_default();
        Form::meeting_form(
            FormKind::NextMeeting,
            meeting,
            None,
            vec![Field::text(i18n::F_NEXT_DATE, &date), Field::text(i18n::F_PLACE, place.unwrap_or_default())],
        )
    }

    /// Who represents `person` (a key of the attendance), named `name` in the title.
    pub fn represented(meeting: &str, person: &str, name: &str) -> Form {
        let mut f =
            Form::meeting_form(FormKind::Represented, meeting, None, vec![Field::text(i18n::F_REPRESENTED_BY, "")]);
        f.person = Some((person.to_string(), name.to_string()));
        f
    }

    /// The format of the minutes, the remembered one first selected.
    pub fn minutes_format(meeting: &str, remembered: crate::minutes::MinutesFormat) -> Form {
        use crate::minutes::MinutesFormat as M;
        let options = M::ALL
            .iter()
            .map(|f| match f {
                M::Md => "Markdown (.md)".to_string(),
                M::Odt => "OpenDocument (.odt) — LibreOffice, Word".to_string(),
                M::Html => "HTML (.html)".to_string(),
            })
            .collect();
        let mut f =
            Form::meeting_form(FormKind::MinutesFormat, meeting, None, vec![Form::choice(i18n::F_FORMAT, options)]);
        if let FieldValue::Choice { selected, .. } = &mut f.fields[0].value {
            *selected = M::ALL.iter().position(|x| *x == remembered).unwrap_or(0);
        }
        f
    }

    /// The format chosen in a minutes-format form.
    pub fn chosen_format(&self) -> crate::minutes::MinutesFormat {
        crate::minutes::MinutesFormat::ALL.get(self.fields[0].choice()).copied().unwrap_or_default()
    }

    pub fn resume(l: Lang, meeting: &str) -> Form {
        let options = vec![i18n::RESUME_YES.get(l).to_string(), i18n::RESUME_LATER.get(l).to_string()];
        let mut f = Form::meeting_form(FormKind::Resume, meeting, None, vec![Form::choice(i18n::F_RESUME, options)]);
        // "Not now" is preselected: resuming is a choice.
        f.fields[0].select(1);
        f
    }

    pub fn title(&self, l: Lang) -> String {
        let what = match self.kind {
            FormKind::Status => i18n::FORM_STATUS.get(l),
            FormKind::Measure => i18n::FORM_MEASURE.get(l),
            FormKind::Comment => i18n::FORM_COMMENT.get(l),
            FormKind::OpenMeeting => i18n::FORM_OPEN_MEETING.get(l),
            FormKind::Decision => i18n::FORM_DECISION.get(l),
            FormKind::MeetingNote => i18n::FORM_NOTE.get(l),
            FormKind::Task => i18n::FORM_TASK.get(l),
            FormKind::Guest => i18n::FORM_GUEST.get(l),
            FormKind::CloseMeeting => i18n::FORM_CLOSE_MEETING.get(l),
            FormKind::Resume => i18n::FORM_RESUME.get(l),
            FormKind::Reschedule => crate::wording::reschedule_form_title(l),
            FormKind::NextMeeting => i18n::FORM_NEXT_MEETING.get(l),
            FormKind::MinutesFormat => i18n::FORM_MINUTES_FORMAT.get(l),
            FormKind::Represented => {
                return format!(
                    "{} — {}",
                    i18n::FORM_REPRESENTED.get(l),
                    self.person.as_ref().map(|p| p.1.as_str()).unwrap_or_default()
                );
            }
        };
        match (self.action.is_empty(), self.meeting.is_empty()) {
            (false, _) => format!("{what} — {}", self.action),
            (true, false) => format!("{what} — {}", self.meeting),
            (true, true) => what.to_string(),
        }
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

    /// In a multi-line text: a line break at the cursor. Elsewhere nothing.
    pub fn new_line(&mut self) {
        if self.fields.get(self.focus).is_some_and(|f| f.multiline)
            && let Some(input) = self.focused_input()
        {
            input.handle(tui_input::InputRequest::InsertChar('\n'));
        }
    }

    /// Up/Down: on a choice, change the choice; on a text with suggestions, the next one; on
    /// another text, move between fields.
    pub fn step(&mut self, forward: bool) {
        if !self.fields[self.focus].suggestions.is_empty() {
            self.fields[self.focus].suggest(forward);
            return;
        }
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
                let date = parse_user_date(date_text).ok_or_else(|| EditError::BadDate(date_text.to_string()))?;
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
            FormKind::OpenMeeting => {
                let body = self.ids.get(self.fields[0].choice()).cloned().unwrap_or_default();
                let date = date_of(self.fields[1].text_value())?.ok_or(EditError::BadDate(String::new()))?;
                let place = self.fields.get(3).map(Field::text_value);
                meeting::open_at(state, who, &body, date, Some(self.fields[2].text_value()), place)
            }
            FormKind::Decision | FormKind::Task => {
                let owner = resolve_person(&state.plan, self.fields[1].text_value());
                let due = date_of(self.fields[2].text_value())?;
                let what = self.fields[0].text_value();
                let actions = match self.fields.get(3) {
                    Some(f) => linked_actions(&state.plan, f.text_value())?,
                    None => self.actions(),
                };
                if self.kind == FormKind::Decision {
                    meeting::decision(state, who, &self.meeting, what, actions, owner.as_deref(), due)
                } else {
                    meeting::task(state, who, &self.meeting, what, actions, owner.as_deref(), due)
                }
            }
            FormKind::Reschedule => {
                let typed = self.fields[0].text_value().trim();
                let due = parse_user_date(typed).ok_or_else(|| EditError::BadDate(typed.to_string()))?;
                let why = self.fields[1].text_value().to_string();
                crate::plan::schedule::reschedule(state, who, &self.action, due, Some(why))
            }
            FormKind::MeetingNote => {
                meeting::note(state, who, &self.meeting, self.fields[0].text_value(), self.actions())
            }
            FormKind::Guest => {
                let presence = PRESENCES[self.fields[1].choice().min(2)];
                meeting::attendance(state, who, &self.meeting, self.fields[0].text_value(), presence)
            }
            FormKind::CloseMeeting => meeting::close(state, who, &self.meeting),
            FormKind::NextMeeting => {
                let t = self.fields[0].text_value().trim();
                let date = Date::parse(t).ok_or_else(|| EditError::BadDate(t.to_string()))?;
                meeting::next_meeting(state, who, &self.meeting, date, Some(self.fields[1].text_value()))
            }
            FormKind::Represented => {
                let person = self.person.as_ref().map(|p| p.0.clone()).unwrap_or_default();
                let by = resolve_person(&state.plan, self.fields[0].text_value()).unwrap_or_default();
                meeting::represented(state, who, &self.meeting, &person, &by)
            }
            // Not journal lines: `update` handles them.
            FormKind::Resume | FormKind::MinutesFormat => Err(EditError::EmptyText),
        }
    }

    fn actions(&self) -> Vec<String> {
        if self.action.is_empty() { Vec::new() } else { vec![self.action.clone()] }
    }
}

/// The presences, in the order forms offer them.
pub const PRESENCES: [Presence; 3] = [Presence::Present, Presence::Excused, Presence::Absent];

/// An optional date field: empty is none, anything else must be a real date.
fn date_of(text: &str) -> Result<Option<Date>, EditError> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    parse_user_date(t).map(Some).ok_or_else(|| EditError::BadDate(t.to_string()))
}

/// The actions typed in a decision's or task's field: ids separated by commas, semicolons or
/// spaces, case aside; each once, in the order typed. An unknown id is refused.
pub fn linked_actions(plan: &Plan, typed: &str) -> Result<Vec<String>, EditError> {
    let mut out: Vec<String> = Vec::new();
    for word in typed.split([',', ';', ' ']).map(str::trim).filter(|w| !w.is_empty()) {
        let a = plan
            .walk()
            .map(|(_, a, _)| a)
            .find(|a| a.id.eq_ignore_ascii_case(word))
            .ok_or_else(|| EditError::UnknownAction(word.to_string()))?;
        if !out.contains(&a.id) {
            out.push(a.id.clone());
        }
    }
    Ok(out)
}

/// An owner as typed: a person of the plan (by id, login or name, case aside) becomes their id, so
/// the minutes show their name; anything else is kept as written (an organisation, a guest).
pub fn resolve_person(plan: &Plan, typed: &str) -> Option<String> {
    let t = typed.trim();
    if t.is_empty() {
        return None;
    }
    let lower = t.to_lowercase();
    let found = plan.people.iter().find(|p| {
        p.id.to_lowercase() == lower
            || p.name.to_lowercase() == lower
            || p.login.as_deref().is_some_and(|l| l.to_lowercase() == lower)
    });
    Some(found.map(|p| p.id.clone()).unwrap_or_else(|| t.to_string()))
}
