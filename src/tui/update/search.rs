//! The search line.

use super::Effect;
use crate::i18n;
use crate::lang::Lang;
use crate::plan::state::PlanState;
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

/// The open search's results are looked up when its line is not the one they were found for
/// (typed, a filter key, just opened), or while they wait for the index.
pub(super) fn lookup(ui: &UiState) -> Option<Effect> {
    let s = ui.search.as_ref()?;
    let text = s.text();
    (s.searched.as_deref() != Some(text) || s.indexing).then(|| Effect::Search { text: text.to_string() })
}

/// The tree shows only the actions of a filter line, from its first row; which actions those are
/// is looked up ([`Effect::Filter`]).
pub(super) fn show_filter(ui: &mut UiState, text: &str) -> Vec<Effect> {
    ui.filter = Some(TreeFilter { text: text.to_string(), ids: Default::default() });
    // Rebuilt from nothing once the actions are known: the selection on the first row.
    ui.rows.clear();
    ui.selected = 0;
    ui.offset = 0;
    vec![Effect::Filter { text: text.to_string() }]
}

/// A search's results: the selected action stays selected when they are for the same line (the
/// plan changed under it), else the selection goes back to the best result.
pub(super) fn results(ui: &mut UiState, text: String, hits: Vec<crate::search::Hit>) -> bool {
    let rows = ui.viewport;
    let Some(s) = &mut ui.search else { return false };
    if s.text() != text {
        // Found for a line since changed: its own results are on their way.
        return false;
    }
    let same = s.searched.as_deref() == Some(text.as_str());
    let keep = if same { s.selected_hit().map(|h| h.action_id.clone()) } else { None };
    s.selected = keep.and_then(|id| hits.iter().position(|h| h.action_id == id)).unwrap_or(0);
    s.offset = 0;
    s.hits = hits;
    s.searched = Some(text);
    s.indexing = false;
    s.keep_visible(rows);
    false
}

/// The tree filter's actions: the tree is rebuilt on them (the selected node kept when shown).
pub(super) fn filtered(
    state: &PlanState,
    ui: &mut UiState,
    text: &str,
    ids: std::collections::HashSet<String>,
) -> bool {
    if let Some(f) = &mut ui.filter
        && f.text == text
    {
        f.ids = ids;
    }
    ui.rebuild_rows(&state.plan);
    ui.clamp_offset();
    false
}

/// The index is being built: the search says so (its results are not yet those of its line);
/// a filtered tree shows the actions known so far.
pub(super) fn indexing(state: &PlanState, ui: &mut UiState) -> bool {
    if let Some(s) = &mut ui.search {
        s.indexing = true;
    }
    if ui.filter.is_some() {
        ui.rebuild_rows(&state.plan);
        ui.clamp_offset();
    }
    false
}
