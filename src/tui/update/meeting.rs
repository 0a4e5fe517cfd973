//! Running a meeting: the agenda and its item, the attendance.

use super::follow_up::go_to_list;
use super::form::edit;
use super::help::open_help;
use super::{Effect, Env};
use crate::i18n;
use crate::lang::Localized;
use crate::plan::edit::EditError;
use crate::plan::journal::Presence;
use crate::plan::meeting;
use crate::plan::state::PlanState;
use crate::tui::command::Command;
use crate::tui::form::Form;
use crate::tui::meeting_ui::MeetingUi;
use crate::tui::search_ui::{Saved, SearchUi};
use crate::tui::ui_state::{Message, Mode, UiState};

/// Shows a meeting; its agenda is proposed the first time it is shown in this session.
pub fn open_meeting_screen(state: &PlanState, ui: &mut UiState, id: &str) {
    if ui.meeting.as_ref().map(|m| m.id.as_str()) != Some(id) {
        ui.meeting = Some(MeetingUi::new(state, id));
    }
    ui.screen = Mode::Meeting;
}

/// Whether lines can be recorded in a meeting now; the reason when not.
pub(super) fn can_record(state: &PlanState, env: &Env, id: &str) -> Result<(), String> {
    let l = env.lang;
    if let Some(why) = env.read_only {
        return Err(i18n::read_only_refusal(l, why));
    }
    match state.meeting(id) {
        Some(m) if m.is_open() => Ok(()),
        _ => Err(i18n::edit_error(l, &EditError::MeetingClosed(id.to_string()))),
    }
}

/// Running a meeting: walking and editing the agenda, recording against the item's action.
pub(super) fn meeting_screen(state: &PlanState, ui: &mut UiState, cmd: Command, env: &Env) -> Vec<Effect> {
    let l = env.lang;
    let Some(m) = ui.meeting.as_mut() else {
        ui.screen = Mode::Plan;
        return Vec::new();
    };
    let id = m.id.clone();
    match cmd {
        Command::Down | Command::Up | Command::Top | Command::Bottom => {
            let before = m.current;
            let len = m.agenda.len() as isize;
            m.step(match cmd {
                Command::Down => 1,
                Command::Up => -1,
                Command::Top => -len,
                _ => len,
            });
            if m.current != before {
                return record_agenda_item(state, ui, env);
            }
        }
        Command::NextMeeting => {
            if let Err(why) = can_record(state, env, &id) {
                ui.message = Some(Message::error(why));
                return Vec::new();
            }
            let next = state.meeting(&id).and_then(|x| x.next.clone());
            ui.form =
                Some(Form::next_meeting(&id, next.as_ref().map(|n| n.0), next.as_ref().and_then(|n| n.1.as_deref())));
        }
        Command::ItemDown => m.move_item(1),
        Command::ItemUp => m.move_item(-1),
        Command::RemoveItem => {
            m.remove_current();
        }
        Command::AddItem => {
            // The `/` search, its Enter putting the chosen action on the agenda.
            let saved = Saved {
                selected: ui.selected,
                offset: ui.offset,
                expanded: ui.expanded.clone(),
                detail_scroll: ui.detail_scroll,
            };
            ui.search = Some(SearchUi { for_agenda: true, ..SearchUi::new("", saved) });
        }
        Command::PageDown => m.item_scroll = m.item_scroll.saturating_add(ui.viewport.max(4) as u16 / 2),
        Command::PageUp => m.item_scroll = m.item_scroll.saturating_sub(ui.viewport.max(4) as u16 / 2),
        Command::ScrollDown => m.item_scroll = m.item_scroll.saturating_add(1),
        Command::ScrollUp => m.item_scroll = m.item_scroll.saturating_sub(1),
        Command::Decision | Command::MeetingNote | Command::Task | Command::CloseMeeting => {
            if let Err(why) = can_record(state, env, &id) {
                ui.message = Some(Message::error(why));
                return Vec::new();
            }
            let action = m.current_action().map(str::to_string);
            let action = action.as_deref();
            ui.form = Some(match cmd {
                Command::Decision => Form::decision(l, &state.plan, &id, action),
                Command::MeetingNote => Form::note(&id, action),
                Command::Task => Form::task(l, &state.plan, &id, action),
                _ => Form::close_meeting(l, &id),
            });
        }
        Command::EditStatus | Command::AddMeasure | Command::AddComment | Command::Undo | Command::Reschedule => {
            return edit(state, ui, cmd, env);
        }
        Command::Attendance => {
            m.attendance = 0;
            ui.screen = Mode::Attendance;
        }
        Command::Minutes => ui.form = Some(Form::minutes_format(&id, env.minutes_format)),
        Command::FollowUp => go_to_list(ui, cmd),
        Command::Back | Command::Cancel => {
            if let Some(a) = m.current_action().map(str::to_string) {
                ui.reveal(&state.plan, &a);
            }
            ui.screen = Mode::Plan;
        }
        Command::Help => open_help(ui),
        Command::Quit => return vec![Effect::Quit],
        _ => {}
    }
    Vec::new()
}

/// The chair moved to an agenda item: the line that records the agenda as it is run (none when
/// the item is already recorded, or when this session cannot record in the meeting).
pub(super) fn record_agenda_item(state: &PlanState, ui: &mut UiState, env: &Env) -> Vec<Effect> {
    let Some(m) = ui.meeting.as_ref() else { return Vec::new() };
    let Some(item) = m.current_item() else { return Vec::new() };
    if can_record(state, env, &m.id).is_err() {
        return Vec::new();
    }
    let title = match (&item.action, item.reasons.first()) {
        (Some(a), _) => match state.plan.action(a) {
            Some(x) => format!("{a} — {}", x.title),
            None => a.clone(),
        },
        (None, Some(meeting::Reason::OpenTask(t))) => meeting::task_text(state, t).to_string(),
        (None, Some(meeting::Reason::DecisionDue(i))) => meeting::decision_text(state, *i).to_string(),
        (None, _) => return Vec::new(),
    };
    match meeting::agenda_item(state, &env.author(), &m.id, item.action.as_deref(), &title) {
        Ok(Some(e)) => vec![Effect::Append(Box::new(e))],
        _ => Vec::new(),
    }
}

/// The roll call: one key per presence, then the next person.
pub(super) fn attendance_screen(state: &PlanState, ui: &mut UiState, cmd: Command, env: &Env) -> Vec<Effect> {
    let l = env.lang;
    let Some(m) = ui.meeting.as_mut() else {
        ui.screen = Mode::Plan;
        return Vec::new();
    };
    let id = m.id.clone();
    let rows = env.derived.attendees(state, &id);
    let presence = match cmd {
        Command::MarkPresent => Some(Presence::Present),
        Command::MarkExcused => Some(Presence::Excused),
        Command::MarkAbsent => Some(Presence::Absent),
        _ => None,
    };
    match cmd {
        Command::Down => m.attendance = (m.attendance + 1).min(rows.len().saturating_sub(1)),
        Command::Up => m.attendance = m.attendance.saturating_sub(1),
        Command::MarkPresent
        | Command::MarkExcused
        | Command::MarkAbsent
        | Command::AddGuest
        | Command::MarkRepresented => {
            if let Err(why) = can_record(state, env, &id) {
                ui.message = Some(Message::error(why));
                return Vec::new();
            }
            if cmd == Command::AddGuest {
                ui.form = Some(Form::guest(l, &id));
                return Vec::new();
            }
            if cmd == Command::MarkRepresented {
                if let Some(row) = rows.get(m.attendance) {
                    ui.form = Some(Form::represented(&id, &row.key, &row.name));
                }
                return Vec::new();
            }
            let (Some(row), Some(presence)) = (rows.get(m.attendance), presence) else { return Vec::new() };
            match meeting::attendance(state, &env.author(), &id, &row.key, presence) {
                Ok(e) => {
                    m.attendance = (m.attendance + 1).min(rows.len().saturating_sub(1));
                    return vec![Effect::Append(Box::new(e))];
                }
                Err(e) => ui.message = Some(Message::error(e.text(l))),
            }
        }
        Command::Back | Command::Cancel => ui.screen = Mode::Meeting,
        Command::Help => open_help(ui),
        Command::Quit => return vec![Effect::Quit],
        _ => {}
    }
    Vec::new()
}
