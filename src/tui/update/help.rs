//! The help screen.

use super::Effect;
use crate::tui::command::Command;
use crate::tui::ui_state::UiState;

/// A key while the help is open.
pub(super) fn keys(ui: &mut UiState, cmd: Command) -> Vec<Effect> {
    match cmd {
        Command::CloseHelp | Command::Help => ui.help_open = false,
        Command::ScrollDown | Command::Down => ui.help_scroll = ui.help_scroll.saturating_add(1),
        Command::ScrollUp | Command::Up => ui.help_scroll = ui.help_scroll.saturating_sub(1),
        Command::Quit => return vec![Effect::Quit],
        _ => {}
    }
    Vec::new()
}

pub(super) fn open_help(ui: &mut UiState) {
    ui.help_open = true;
    ui.help_scroll = 0;
}
