//! The follow-up of decisions and tasks, the past meetings and their minutes.

use super::help::open_help;
use super::{Effect, Env};
use crate::i18n;
use crate::lang::Localized;
use crate::plan::meeting::{self, FollowUp};
use crate::plan::state::PlanState;
use crate::tui::command::Command;
use crate::tui::form::Form;
use crate::tui::meeting_ui::ListUi;
use crate::tui::ui_state::{Message, Mode, UiState};

pub(super) fn go_to_list(ui: &mut UiState, cmd: Command) {
    ui.back_to = ui.screen;
    ui.list = ListUi::default();
    ui.screen = if cmd == Command::FollowUp { Mode::FollowUp } else { Mode::Meetings };
}

/// Open tasks and due decisions: marking a task done.
pub(super) fn follow_up_screen(state: &PlanState, ui: &mut UiState, cmd: Command, env: &Env) -> Vec<Effect> {
    let l = env.lang;
    let items = env.derived.follow_up(state, env.today);
    match cmd {
        Command::Down => ui.list.step(1, items.len()),
        Command::Up => ui.list.step(-1, items.len()),
        Command::TaskDone | Command::Submit => match items.get(ui.list.cursor) {
            Some((FollowUp::Task(task), _)) => {
                if let Some(why) = env.read_only {
                    ui.message = Some(Message::error(i18n::read_only_refusal(l, why)));
                    return Vec::new();
                }
                // From the meeting this session runs: recorded in it, and off its agenda.
                let running = ui.meeting.as_mut().filter(|_| ui.back_to == Mode::Meeting);
                let id = running.as_ref().map(|m| m.id.clone());
                match meeting::task_done(state, &env.author_in(id.as_deref()), task) {
                    Ok(e) => {
                        if let Some(m) = running {
                            m.task_done(task);
                        }
                        return vec![Effect::Append(Box::new(e))];
                    }
                    Err(e) => ui.message = Some(Message::error(e.text(l))),
                }
            }
            Some((FollowUp::Decision(_), _)) => {
                ui.message = Some(Message::error(i18n::DECISION_HAS_NO_STATE.get(l).to_string()));
            }
            None => {}
        },
        Command::Back | Command::Cancel => ui.screen = ui.back_to,
        Command::Help => open_help(ui),
        Command::Quit => return vec![Effect::Quit],
        _ => {}
    }
    Vec::new()
}

/// Past meetings per body, and the minutes of one.
pub(super) fn meetings_screen(state: &PlanState, ui: &mut UiState, cmd: Command, env: &Env) -> Vec<Effect> {
    if ui.screen == Mode::Minutes {
        let page = ui.viewport.max(2) as u16 - 1;
        let l = &mut ui.list;
        match cmd {
            Command::Down => l.scroll = l.scroll.saturating_add(1),
            Command::Up => l.scroll = l.scroll.saturating_sub(1),
            Command::PageDown => l.scroll = l.scroll.saturating_add(page),
            Command::PageUp => l.scroll = l.scroll.saturating_sub(page),
            Command::Top => l.scroll = 0,
            Command::Minutes => {
                // Which format first: the form says, the remembered one chosen.
                if let Some(id) = &l.meeting {
                    ui.form = Some(Form::minutes_format(id, env.minutes_format));
                }
            }
            Command::Back | Command::Cancel => ui.screen = Mode::Meetings,
            Command::Help => open_help(ui),
            Command::Quit => return vec![Effect::Quit],
            _ => {}
        }
        return Vec::new();
    }
    let ids: Vec<&str> =
        env.derived.meetings_by_body(state).iter().flatten().map(|&i| state.meetings[i].id.as_str()).collect();
    match cmd {
        Command::Down => ui.list.step(1, ids.len()),
        Command::Up => ui.list.step(-1, ids.len()),
        Command::Submit => {
            if let Some(id) = ids.get(ui.list.cursor) {
                ui.list.meeting = Some(id.to_string());
                ui.list.scroll = 0;
                ui.screen = Mode::Minutes;
            }
        }
        Command::Minutes => {
            if let Some(id) = ids.get(ui.list.cursor) {
                ui.form = Some(Form::minutes_format(id, env.minutes_format));
            }
        }
        Command::Back | Command::Cancel => ui.screen = ui.back_to,
        Command::Help => open_help(ui),
        Command::Quit => return vec![Effect::Quit],
        _ => {}
    }
    Vec::new()
}
