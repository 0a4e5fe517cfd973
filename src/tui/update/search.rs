//! The search line.

use super::Effect;
use crate::i18n;
use crate::lang::Lang;
use crate::tui::command::Command;
use crate::tui::search_ui::{self, TreeFilter};
use crate::tui::ui_state::{Focus, Message, UiState};

/// The search line: moving among the results, the filter keys, going to an action or back.
/// The results themselves are computed by the application (it owns the search index).
pub(super) fn search(l: Lang, plan: &crate::plan::model::Plan, ui: &mut UiState, cmd: Command) -> Vec<Effect> {
    let rows = ui.viewport;
    let Some(s) = &mut ui.search else { return Vec::new() };
    let page = rows.max(2) as isize - 1;
    match cmd {
        Command::Down => s.step(1, rows),
        Command::Up => s.step(-1, rows),
        Command::PageDown => s.step(page, rows),
        Command::PageUp => s.step(-page, rows),
        Command::Top => s.step(isize::MIN, rows),
        Command::Bottom => s.step(isize::MAX, rows),
        Command::ToggleLate => s.set_text(search_ui::toggle_late(l, s.text())),
        Command::ToggleBehind => s.set_text(search_ui::toggle_behind(l, s.text())),
        Command::CycleStatus => s.set_text(search_ui::cycle_status(l, s.text())),
        Command::Cancel => {
            // Back to where the search started.
            back_to_saved(plan, ui);
            ui.clamp_offset();
        }
        Command::Submit => {
            let Some(hit) = s.selected_hit().map(|h| h.action_id.clone()) else {
                ui.message = Some(Message::error(i18n::search_count(l, 0, 0)));
                return Vec::new();
            };
            if s.for_agenda {
                // The chosen action goes on the meeting's agenda; the tree stays as it was.
                back_to_saved(plan, ui);
                if let Some(m) = &mut ui.meeting {
                    m.add(&hit);
                }
                return Vec::new();
            }
            let query = s.query();
            ui.filter = query.has_filters().then(|| TreeFilter {
                text: s.text().trim().to_string(),
                ids: s.hits.iter().map(|h| h.action_id.clone()).collect(),
            });
            ui.search = None;
            ui.focus = Focus::Tree;
            ui.rebuild_rows(plan);
            ui.reveal(plan, &hit);
        }
        Command::Quit => return vec![Effect::Quit],
        _ => {}
    }
    Vec::new()
}

/// Closes the search and puts the tree back as it was when the search opened (folds, selection,
/// scroll, detail scroll).
fn back_to_saved(plan: &crate::plan::model::Plan, ui: &mut UiState) {
    let Some(s) = ui.search.take() else { return };
    let saved = s.saved;
    ui.expanded = saved.expanded;
    ui.rebuild_rows(plan);
    ui.selected = saved.selected.min(ui.rows.len().saturating_sub(1));
    ui.offset = saved.offset;
    ui.detail_scroll = saved.detail_scroll;
}
