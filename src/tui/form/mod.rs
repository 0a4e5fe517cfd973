//! Popup forms for edits. Each form is a struct of its own whose named fields are its widgets
//! (`field.rs`: a text input or a choice), as in ratatui's input-form example: the forms about one
//! action in `action.rs` (status, measurement, comment, new due date), the meeting's in
//! `meeting.rs`. `Form` wraps the one open with what every form has: the meeting it records in,
//! the focus, the error of the last submission, whether its line is being written. Submitting
//! says what the form asks for (`Submitted`): a journal line built through `plan::edit` or
//! `plan::meeting` (the form stays open, with its text, until the line is on disk) or an answer
//! that writes nothing.

pub mod action;
pub mod field;
pub mod meeting;

use crate::lang::Lang;
use tui_input::Input;

pub use self::action::{CommentForm, MeasureForm, RescheduleForm, StatusForm};
pub use self::field::{ChoiceField, TextField};
use self::field::{FieldMut, FieldRef, Fields, Stepped};
pub use self::meeting::{
    CloseMeetingForm, CommitmentForm, GuestForm, MinutesFormatForm, NextMeetingForm, NoteForm, OpenMeetingForm,
    RepresentedForm, ResumeForm,
};
use crate::i18n;
use crate::minutes::MinutesFormat;
use crate::plan::edit::{Author, EditError};
use crate::plan::journal::{Event, Presence};
use crate::plan::model::{Date, Plan};
use crate::plan::schedule::parse_user_date;
use crate::plan::state::PlanState;

/// The form that is open, one variant per form.
#[derive(Clone, Debug)]
pub enum FormBody {
    Status(StatusForm),
    Measure(MeasureForm),
    Comment(CommentForm),
    Reschedule(RescheduleForm),
    OpenMeeting(OpenMeetingForm),
    Decision(CommitmentForm),
    Note(NoteForm),
    Task(CommitmentForm),
    Guest(GuestForm),
    Represented(RepresentedForm),
    NextMeeting(NextMeetingForm),
    CloseMeeting(CloseMeetingForm),
    Resume(ResumeForm),
    MinutesFormat(MinutesFormatForm),
}

/// `$e` with `$f` bound to the open form's struct, whichever form it is.
macro_rules! each_form {
    ($body:expr, $f:ident => $e:expr) => {
        match $body {
            FormBody::Status($f) => $e,
            FormBody::Measure($f) => $e,
            FormBody::Comment($f) => $e,
            FormBody::Reschedule($f) => $e,
            FormBody::OpenMeeting($f) => $e,
            FormBody::Decision($f) | FormBody::Task($f) => $e,
            FormBody::Note($f) => $e,
            FormBody::Guest($f) => $e,
            FormBody::Represented($f) => $e,
            FormBody::NextMeeting($f) => $e,
            FormBody::CloseMeeting($f) => $e,
            FormBody::Resume($f) => $e,
            FormBody::MinutesFormat($f) => $e,
        }
    };
}

impl FormBody {
    fn widgets(&self) -> &dyn Fields {
        each_form!(self, f => f)
    }

    fn widgets_mut(&mut self) -> &mut dyn Fields {
        each_form!(self, f => f)
    }

    /// The form's widgets, in order.
    pub fn fields(&self) -> Vec<FieldRef<'_>> {
        self.widgets().fields()
    }

    /// The form's widgets, in order, for the keys.
    pub fn fields_mut(&mut self) -> Vec<FieldMut<'_>> {
        self.widgets_mut().fields_mut()
    }

    /// The action the form is about, when it is about one.
    pub fn action(&self) -> Option<&str> {
        match self {
            FormBody::Status(f) => Some(&f.action),
            FormBody::Measure(f) => Some(&f.action),
            FormBody::Comment(f) => Some(&f.action),
            FormBody::Reschedule(f) => Some(&f.action),
            FormBody::Decision(f) | FormBody::Task(f) => f.action.as_deref(),
            FormBody::Note(f) => f.action.as_deref(),
            FormBody::OpenMeeting(_)
            | FormBody::Guest(_)
            | FormBody::Represented(_)
            | FormBody::NextMeeting(_)
            | FormBody::CloseMeeting(_)
            | FormBody::Resume(_)
            | FormBody::MinutesFormat(_) => None,
        }
    }
}

/// What submitting a form asks for.
#[derive(Debug)]
pub enum Submitted {
    /// A journal line, or why it cannot be made.
    Line(Result<Box<Event>, EditError>),
    /// Resume the meeting found open (`true`), or not now.
    Resume(bool),
    /// Write the minutes in this format.
    MinutesFormat(MinutesFormat),
    /// "No" to closing the meeting: the form closes, nothing is written.
    Declined,
}

#[derive(Clone, Debug)]
pub struct Form {
    pub body: FormBody,
    /// The meeting the form records in: the meeting forms', or the meeting this session runs when
    /// an edit of the plan is made from its screen (empty: none).
    pub meeting: String,
    /// The focused widget, among `body.fields()`.
    pub focus: usize,
    /// What is wrong with the last submission, shown in the form.
    pub error: Option<String>,
    /// Set while the line is being written; cleared by the app when it is on disk or failed.
    pub saving: bool,
}

impl Form {
    /// A form recording in `meeting` (empty: none); its first widget has the focus.
    fn new(body: FormBody, meeting: &str) -> Form {
        Form { body, meeting: meeting.to_string(), focus: 0, error: None, saving: false }
    }

    pub fn status(l: Lang, state: &PlanState, action: &str) -> Option<Form> {
        Some(Form::new(FormBody::Status(StatusForm::new(l, state, action)?), ""))
    }

    /// A measurement form, the focus on the value; `None` when the action has no indicator.
    pub fn measure(state: &PlanState, action: &str, today: Date) -> Option<Form> {
        let mut f = Form::new(FormBody::Measure(MeasureForm::new(state, action, today)?), "");
        if let FormBody::Measure(m) = &f.body {
            f.focus = f.body.fields().iter().position(|w| w.is(FieldRef::Text(&m.value))).unwrap_or(0);
        }
        Some(f)
    }

    pub fn comment(state: &PlanState, action: &str) -> Option<Form> {
        Some(Form::new(FormBody::Comment(CommentForm::new(state, action)?), ""))
    }

    /// A new due date for an action (its current one offered), and the reason.
    pub fn reschedule(l: Lang, state: &PlanState, action: &str) -> Option<Form> {
        Some(Form::new(FormBody::Reschedule(RescheduleForm::new(l, state, action)?), ""))
    }

    /// A new meeting: the body among the plan's, the date (today), a title. `None` without bodies.
    pub fn open_meeting(state: &PlanState, today: Date) -> Option<Form> {
        Some(Form::new(FormBody::OpenMeeting(OpenMeetingForm::new(state, today)?), ""))
    }

    /// A decision in `meeting`, about the item's action when there is one.
    pub fn decision(l: Lang, plan: &Plan, meeting: &str, action: Option<&str>) -> Form {
        Form::new(FormBody::Decision(CommitmentForm::decision(l, plan, action)), meeting)
    }

    pub fn note(meeting: &str, action: Option<&str>) -> Form {
        Form::new(FormBody::Note(NoteForm::new(action)), meeting)
    }

    pub fn task(l: Lang, plan: &Plan, meeting: &str, action: Option<&str>) -> Form {
        Form::new(FormBody::Task(CommitmentForm::task(l, plan, action)), meeting)
    }

    pub fn guest(l: Lang, meeting: &str) -> Form {
        Form::new(FormBody::Guest(GuestForm::new(l)), meeting)
    }

    pub fn close_meeting(l: Lang, meeting: &str) -> Form {
        Form::new(FormBody::CloseMeeting(CloseMeetingForm::new(l)), meeting)
    }

    pub fn next_meeting(meeting: &str, date: Option<Date>, place: Option<&str>) -> Form {
        Form::new(FormBody::NextMeeting(NextMeetingForm::new(date, place)), meeting)
    }

    /// Who represents `person` (a key of the attendance), named `name` in the title.
    pub fn represented(meeting: &str, person: &str, name: &str) -> Form {
        Form::new(FormBody::Represented(RepresentedForm::new(person, name)), meeting)
    }

    /// The format of the minutes, the remembered one first selected.
    pub fn minutes_format(meeting: &str, remembered: MinutesFormat) -> Form {
        Form::new(FormBody::MinutesFormat(MinutesFormatForm::new(remembered)), meeting)
    }

    pub fn resume(l: Lang, meeting: &str) -> Form {
        Form::new(FormBody::Resume(ResumeForm::new(l)), meeting)
    }

    pub fn title(&self, l: Lang) -> String {
        let what = match &self.body {
            FormBody::Status(_) => i18n::FORM_STATUS.get(l),
            FormBody::Measure(_) => i18n::FORM_MEASURE.get(l),
            FormBody::Comment(_) => i18n::FORM_COMMENT.get(l),
            FormBody::OpenMeeting(_) => i18n::FORM_OPEN_MEETING.get(l),
            FormBody::Decision(_) => i18n::FORM_DECISION.get(l),
            FormBody::Note(_) => i18n::FORM_NOTE.get(l),
            FormBody::Task(_) => i18n::FORM_TASK.get(l),
            FormBody::Guest(_) => i18n::FORM_GUEST.get(l),
            FormBody::CloseMeeting(_) => i18n::FORM_CLOSE_MEETING.get(l),
            FormBody::Resume(_) => i18n::FORM_RESUME.get(l),
            FormBody::Reschedule(_) => crate::wording::reschedule_form_title(l),
            FormBody::NextMeeting(_) => i18n::FORM_NEXT_MEETING.get(l),
            FormBody::MinutesFormat(_) => i18n::FORM_MINUTES_FORMAT.get(l),
            FormBody::Represented(r) => return format!("{} — {}", i18n::FORM_REPRESENTED.get(l), r.name),
        };
        match (self.body.action().filter(|a| !a.is_empty()), self.meeting.is_empty()) {
            (Some(action), _) => format!("{what} — {action}"),
            (None, false) => format!("{what} — {}", self.meeting),
            (None, true) => what.to_string(),
        }
    }

    /// The focused widget.
    fn focused(&mut self) -> Option<FieldMut<'_>> {
        let focus = self.focus;
        self.body.fields_mut().into_iter().nth(focus)
    }

    /// The text input under the focus (none on a choice), for the keys that type.
    pub fn focused_input(&mut self) -> Option<&mut Input> {
        self.focused()?.into_input()
    }

    fn count(&self) -> usize {
        self.body.fields().len().max(1)
    }

    pub fn next_field(&mut self) {
        self.focus = (self.focus + 1) % self.count();
    }

    pub fn prev_field(&mut self) {
        let n = self.count();
        self.focus = (self.focus + n - 1) % n;
    }

    /// In a multi-line text: a line break at the cursor. Elsewhere nothing.
    pub fn new_line(&mut self) {
        if let Some(f) = self.focused() {
            f.new_line();
        }
    }

    /// Up/Down: on a choice, change the choice; on a text with suggestions, the next one; on
    /// another text, move between fields.
    pub fn step(&mut self, forward: bool) {
        match self.focused().map(|f| f.step(forward)) {
            Some(Stepped::MoveFocus) if forward => self.next_field(),
            Some(Stepped::MoveFocus) => self.prev_field(),
            Some(Stepped::Changed) | None => {}
        }
    }

    /// What submitting the form asks for: the journal line (or why it cannot be made), or the
    /// answer of a form that writes none.
    pub fn submit(&self, state: &PlanState, who: &Author) -> Submitted {
        let meeting = self.meeting.as_str();
        let line = match &self.body {
            FormBody::Status(f) => f.to_event(state, who),
            FormBody::Measure(f) => f.to_event(state, who),
            FormBody::Comment(f) => f.to_event(state, who),
            FormBody::Reschedule(f) => f.to_event(state, who),
            FormBody::OpenMeeting(f) => f.to_event(state, who),
            FormBody::Decision(f) => f.to_event(state, who, meeting, crate::plan::meeting::decision),
            FormBody::Task(f) => f.to_event(state, who, meeting, crate::plan::meeting::task),
            FormBody::Note(f) => f.to_event(state, who, meeting),
            FormBody::Guest(f) => f.to_event(state, who, meeting),
            FormBody::Represented(f) => f.to_event(state, who, meeting),
            FormBody::NextMeeting(f) => f.to_event(state, who, meeting),
            FormBody::CloseMeeting(f) if f.confirmed() => crate::plan::meeting::close(state, who, meeting),
            FormBody::CloseMeeting(_) => return Submitted::Declined,
            FormBody::Resume(f) => return Submitted::Resume(f.resume()),
            FormBody::MinutesFormat(f) => return Submitted::MinutesFormat(f.chosen()),
        };
        Submitted::Line(line.map(Box::new))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::model::{Status, Timestamp};

    fn state(l: Lang) -> PlanState {
        crate::store::load::load(l, std::path::Path::new("plans/bouches-du-rhone.ron")).unwrap().state
    }

    fn now() -> Timestamp {
        Timestamp(chrono::DateTime::parse_from_rfc3339("2026-11-23T10:00:00+01:00").unwrap())
    }

    /// The first action with an indicator.
    fn measured(state: &PlanState) -> String {
        state.plan.walk().map(|(_, a, _)| a).find(|a| !a.indicators.is_empty()).unwrap().id.clone()
    }

    /// Whether `form` lists exactly `expected`, in that order.
    fn lists(form: &FormBody, expected: &[FieldRef<'_>]) -> bool {
        let fields = form.fields();
        fields.len() == expected.len() && fields.iter().zip(expected).all(|(a, b)| a.is(*b))
    }

    #[test]
    fn each_form_lists_its_named_widgets_in_order() {
        let l = Lang::Fr;
        let state = state(l);
        let action = measured(&state);
        let f = Form::measure(&state, &action, now().date()).unwrap();
        let FormBody::Measure(m) = &f.body else { panic!() };
        assert!(lists(&f.body, &[(&m.indicator).into(), (&m.date).into(), (&m.value).into(), (&m.note).into()]));
        let f = Form::decision(l, &state.plan, "m", Some(&action));
        let FormBody::Decision(d) = &f.body else { panic!() };
        assert!(lists(&f.body, &[(&d.text).into(), (&d.owner).into(), (&d.due).into(), (&d.actions).into()]));
        assert_eq!(
            (d.actions.value(), d.text.multiline, d.owner.suggestions.len()),
            (action.as_str(), true, state.plan.people.len())
        );
        let f = Form::open_meeting(&state, now().date()).unwrap();
        let FormBody::OpenMeeting(o) = &f.body else { panic!() };
        assert!(lists(&f.body, &[(&o.body).into(), (&o.date).into(), (&o.title).into(), (&o.place).into()]));
        assert_eq!(o.bodies.len(), o.body.options().len());
        assert!(!lists(&f.body, &[(&o.date).into(), (&o.body).into(), (&o.title).into(), (&o.place).into()]));
    }

    #[test]
    fn a_measurement_is_typed_into_its_value_first() {
        let l = Lang::Fr;
        let state = state(l);
        let action = measured(&state);
        let mut f = Form::measure(&state, &action, now().date()).unwrap();
        f.focused_input().unwrap().handle(tui_input::InputRequest::InsertChar('7'));
        let FormBody::Measure(m) = &f.body else { panic!() };
        assert_eq!((m.value.value(), m.note.value()), ("7", ""));
        assert_eq!(m.indicator_id(), state.plan.action(&action).unwrap().indicators[0].id);
        let Submitted::Line(Ok(e)) = f.submit(&state, &Author::new("cellule-etat", now())) else { panic!() };
        assert_eq!(e.change.actions(), [action.as_str()]);
    }

    #[test]
    fn up_and_down_change_a_choice_and_move_off_a_plain_text() {
        let l = Lang::Fr;
        let state = state(l);
        let action = measured(&state);
        let mut f = Form::status(l, &state, &action).unwrap();
        let before = match &f.body {
            FormBody::Status(s) => s.status.selected(),
            _ => panic!(),
        };
        f.step(true);
        let FormBody::Status(s) = &f.body else { panic!() };
        assert_eq!((f.focus, s.status.selected()), (0, (before + 1) % Status::ALL.len()));
        f.next_field();
        assert!(f.focused_input().is_some(), "the note");
        f.new_line();
        f.step(true);
        assert_eq!(f.focus, 0, "Down on the note goes round to the status");
        let FormBody::Status(s) = &f.body else { panic!() };
        assert_eq!(s.note.value(), "", "no line break in a one-line text");
        f.prev_field();
        assert_eq!(f.focus, 1);
    }

    #[test]
    fn the_questions_answer_without_a_line() {
        let l = Lang::Fr;
        let state = state(l);
        let who = Author::new("cellule-etat", now());
        let mut close = Form::close_meeting(l, "m");
        assert!(matches!(close.submit(&state, &who), Submitted::Declined), "no is preselected");
        close.step(false);
        assert!(matches!(close.submit(&state, &who), Submitted::Line(Err(EditError::UnknownMeeting(_)))));
        let mut resume = Form::resume(l, "m");
        assert!(matches!(resume.submit(&state, &who), Submitted::Resume(false)), "not now is preselected");
        resume.step(true);
        assert!(matches!(resume.submit(&state, &who), Submitted::Resume(true)));
        let format = Form::minutes_format("m", MinutesFormat::Odt);
        assert!(matches!(format.submit(&state, &who), Submitted::MinutesFormat(MinutesFormat::Odt)));
    }
}
