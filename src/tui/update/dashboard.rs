//! The dashboard.

use super::Effect;
use crate::tui::command::Command;
use crate::tui::ui_state::{Focus, Mode, NodeKey, UiState};

/// The dashboard: choosing a row (the whole plan, then each orientation) and opening it.
pub(super) fn dashboard(plan: &crate::plan::model::Plan, ui: &mut UiState, cmd: Command) -> Vec<Effect> {
    let last = plan.orientations.len();
    match cmd {
        Command::Down => ui.dashboard_selected = (ui.dashboard_selected + 1).min(last),
        Command::Up => ui.dashboard_selected = ui.dashboard_selected.saturating_sub(1),
        Command::Top | Command::PageUp => ui.dashboard_selected = 0,
        Command::Bottom | Command::PageDown => ui.dashboard_selected = last,
        Command::Back | Command::Dashboard | Command::Cancel => ui.screen = Mode::Plan,
        Command::Help => {
            ui.help_open = true;
            ui.help_scroll = 0;
        }
        Command::Submit => {
            ui.screen = Mode::Plan;
            ui.focus = Focus::Tree;
            let Some(oi) = ui.dashboard_selected.checked_sub(1) else {
                // The whole plan: the tree from its top.
                ui.selected = 0;
                ui.offset = 0;
                return Vec::new();
            };
            let Some(o) = plan.orientations.get(oi) else { return Vec::new() };
            // The orientation unfolded, at the top of the tree; a filter that hides it goes.
            ui.expanded.insert(NodeKey::Orientation(o.id.clone()));
            ui.rebuild_rows(plan);
            if !ui.rows.iter().any(|r| r.path == [oi]) {
                ui.filter = None;
                ui.rebuild_rows(plan);
            }
            if let Some(i) = ui.rows.iter().position(|r| r.path == [oi]) {
                ui.selected = i;
                ui.offset = i;
                ui.detail_scroll = 0;
            }
            ui.clamp_offset();
        }
        Command::Quit => return vec![Effect::Quit],
        _ => {}
    }
    Vec::new()
}
