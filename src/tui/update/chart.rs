//! An indicator's chart.

use super::form::edit;
use super::{Effect, Env};
use crate::plan::state::PlanState;
use crate::tui::command::Command;
use crate::tui::ui_state::{Mode, Node, UiState, node};

/// The chart: another indicator of the action, another action, a new measurement, or back.
pub(super) fn chart(state: &PlanState, ui: &mut UiState, cmd: Command, env: &Env) -> Vec<Effect> {
    let plan = &state.plan;
    let count = match ui.selected_row().and_then(|r| node(plan, &r.path)) {
        Some(Node::Action(a)) => a.indicators.len(),
        _ => 0,
    };
    match cmd {
        Command::NextIndicator if count > 0 => ui.chart_indicator = (ui.chart_indicator + 1) % count,
        Command::PrevIndicator if count > 0 => ui.chart_indicator = (ui.chart_indicator + count - 1) % count,
        Command::Down | Command::Up => {
            // The next (or previous) action in the tree that has indicators.
            let step = |i: usize| if cmd == Command::Down { i.checked_add(1) } else { i.checked_sub(1) };
            let mut i = ui.selected;
            while let Some(j) = step(i).filter(|j| *j < ui.rows.len()) {
                i = j;
                if let Some(Node::Action(a)) = node(plan, &ui.rows[j].path)
                    && !a.indicators.is_empty()
                {
                    ui.selected = j;
                    ui.chart_indicator = 0;
                    ui.detail_scroll = 0;
                    ui.clamp_offset();
                    break;
                }
            }
        }
        Command::AddMeasure => {
            let effects = edit(state, ui, cmd, env);
            if let Some(crate::tui::form::Form { body: crate::tui::form::FormBody::Measure(f), .. }) = &mut ui.form {
                f.indicator.select(ui.chart_indicator);
            }
            return effects;
        }
        Command::Back | Command::Chart | Command::Cancel => ui.screen = Mode::Plan,
        Command::Help => {
            ui.help_open = true;
            ui.help_scroll = 0;
        }
        Command::Quit => return vec![Effect::Quit],
        _ => {}
    }
    Vec::new()
}
