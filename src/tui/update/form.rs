//! The forms: their keys (submitting included, for the forms that write nothing too), and the edit
//! keys that open them (or append an undo).

use super::meeting::open_meeting_screen;
use super::{Effect, Env};
use crate::i18n;
use crate::lang::Localized;
use crate::plan::rights::Act;
use crate::plan::state::PlanState;
use crate::tui::command::Command;
use crate::tui::form::{Form, Submitted};
use crate::tui::ui_state::{Message, Mode, Node, UiState, node};

/// A key while a form is open: moving among its fields, saving or cancelling it. Submitting a
/// form that writes no line (resuming a meeting, declining to close one, the minutes' format)
/// closes it and does what it says.
pub(super) fn keys(state: &PlanState, ui: &mut UiState, cmd: Command, env: &Env) -> Vec<Effect> {
    let l = env.lang;
    let ui_meeting = ui.meeting.as_ref().map(|m| m.id.clone());
    let Some(form) = &mut ui.form else { return Vec::new() };
    match cmd {
        Command::Cancel => ui.form = None,
        Command::NextField => form.next_field(),
        Command::PrevField => form.prev_field(),
        Command::ChoiceNext => form.step(true),
        Command::ChoicePrev => form.step(false),
        Command::NewLine => form.new_line(),
        Command::Submit if !form.saving => match form.submit(state, &env.author_in(in_meeting(&ui_meeting, form))) {
            Submitted::Line(Ok(event)) => {
                form.error = None;
                form.saving = true;
                return vec![Effect::Append(event)];
            }
            Submitted::Line(Err(e)) => form.error = Some(e.text(l)),
            Submitted::Resume(resume) => {
                let id = form.meeting.clone();
                ui.form = None;
                if resume {
                    open_meeting_screen(state, ui, &id);
                }
            }
            Submitted::Declined => ui.form = None,
            Submitted::MinutesFormat(format) => {
                let effect = Effect::WriteMinutesAs(form.meeting.clone(), format);
                ui.form = None;
                return vec![effect];
            }
        },
        Command::Quit => return vec![Effect::Quit],
        _ => {}
    }
    Vec::new()
}

/// The meeting a form's edit is made in: the one this session runs, when the form was opened
/// from its screen.
pub(super) fn in_meeting<'a>(running: &'a Option<String>, form: &Form) -> Option<&'a str> {
    running.as_deref().filter(|id| !form.meeting.is_empty() && form.meeting == *id)
}

/// The action an edit key is about: in a meeting, the agenda item's; elsewhere, the tree's.
pub(super) fn target_action(state: &PlanState, ui: &UiState) -> Option<String> {
    if ui.screen == Mode::Meeting {
        return ui.meeting.as_ref()?.current_action().map(str::to_string);
    }
    match ui.selected_row().and_then(|r| node(&state.plan, &r.path)) {
        Some(Node::Action(a)) => Some(a.id.clone()),
        _ => None,
    }
}

/// The edit keys: refused with a reason when read-only, else they open a form (or append an undo).
pub(super) fn edit(state: &PlanState, ui: &mut UiState, cmd: Command, env: &Env) -> Vec<Effect> {
    let l = env.lang;
    if let Some(why) = env.read_only {
        ui.message = Some(Message::error(i18n::read_only_refusal(l, why)));
        return Vec::new();
    }
    if cmd == Command::Undo {
        // A quick answer from what this session knows; the app decides again under the lock.
        return match crate::plan::edit::undo_last(state, &env.author()) {
            Ok(e) if let Err(d) = state.may(&e) => {
                ui.message = Some(Message::error(d.text(l)));
                Vec::new()
            }
            Ok(_) => vec![Effect::Undo],
            Err(e) => {
                ui.message = Some(Message::error(e.text(l)));
                Vec::new()
            }
        };
    }
    let Some(action) = target_action(state, ui) else {
        ui.message = Some(Message::error(i18n::NOT_AN_ACTION.get(l).to_string()));
        return Vec::new();
    };
    // The plan's rights: the key says why not before any form opens.
    let act = match cmd {
        Command::EditStatus => Act::Status(&action),
        Command::AddComment => Act::Comment(&action),
        Command::Reschedule => Act::Reschedule(&action),
        _ => Act::Measure(&action),
    };
    if let Err(d) = state.allows(env.by, act) {
        ui.message = Some(Message::error(d.text(l)));
        return Vec::new();
    }
    ui.form = match cmd {
        Command::EditStatus => Form::status(l, state, &action),
        Command::AddComment => Form::comment(state, &action),
        Command::Reschedule => Form::reschedule(l, state, &action),
        _ => {
            let f = Form::measure(state, &action, env.today);
            if f.is_none() {
                ui.message = Some(Message::error(i18n::NO_INDICATOR.get(l).to_string()));
            }
            f
        }
    };
    // Made from the meeting screen: recorded in the meeting this session runs.
    if ui.screen == Mode::Meeting
        && let (Some(f), Some(m)) = (&mut ui.form, &ui.meeting)
    {
        f.meeting = m.id.clone();
    }
    Vec::new()
}
