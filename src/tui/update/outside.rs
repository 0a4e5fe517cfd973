//! What happens to the interface from outside the keymap: the start of a session, text typed into
//! the search line, the search index ready, the plan changing on disk, troubles reading it. `App`
//! notices them (it owns the files, the clock and the index) and asks here what the interface does.

use super::{Effect, Env, search};
use crate::i18n;
use crate::lang::Lang;
use crate::plan::state::PlanState;
use crate::tui::form::Form;
use crate::tui::search_ui;
use crate::tui::ui_state::{Message, NodeKey, UiState};

/// A session starts: a meeting left open (copil or the connection died) is offered for resuming
/// to the person who opened it and to its body's chairs ("not now" preselected), unless this
/// session may only read. Everyone else sees in the header that a meeting is in progress.
pub fn on_start(state: &PlanState, ui: &mut UiState, env: &Env) {
    let l = env.lang;
    if let Some(m) = state.open_meeting()
        && env.read_only.is_none()
        && crate::plan::meeting::may_run(state, m, env.by)
    {
        ui.form = Some(Form::resume(l, &m.id));
    }
}

/// Only my actions in the tree (`est:moi`: `mine: true` in the settings), from its first row.
pub fn show_mine(l: Lang, ui: &mut UiState) -> Vec<Effect> {
    search::show_filter(ui, search_ui::mine_word(l))
}

/// Text was typed into the search line: its results are looked up when it changed.
pub fn typed(ui: &UiState) -> Vec<Effect> {
    search::lookup(ui).into_iter().collect()
}

/// The index built on another thread is ready: the search typed meanwhile is looked up, and a
/// filter set meanwhile (my actions) gets its actions, the tree from its first row.
pub fn index_ready(ui: &mut UiState) -> Vec<Effect> {
    if ui.search.is_some() {
        return typed(ui);
    }
    match ui.filter.as_ref().map(|f| f.text.clone()) {
        Some(text) => search::show_filter(ui, &text),
        None => Vec::new(),
    }
}

/// The plan state changed (lines applied, the plan file read again): the tree is rebuilt on the
/// same node, and the tree filter's actions and the open search's results (statuses, lateness)
/// are looked up again, the selected result kept.
pub fn plan_changed(state: &PlanState, ui: &mut UiState) -> Vec<Effect> {
    ui.rebuild_rows(&state.plan);
    ui.clamp_offset();
    let filter = ui.filter.as_ref().map(|f| Effect::Filter { text: f.text.clone() });
    let search = ui.search.as_ref().map(|s| Effect::Search { text: s.text().to_string() });
    filter.into_iter().chain(search).collect()
}

/// The plan file was read again: the tree on the node that was selected, and it is said; or the
/// plan shown stays and why is said, once for the same trouble.
pub(super) fn reloaded(
    l: Lang,
    state: &PlanState,
    ui: &mut UiState,
    reloaded: Result<Option<NodeKey>, String>,
) -> bool {
    match reloaded {
        Ok(keep) => {
            ui.said.plan_error = None;
            ui.rebuild_rows(&state.plan);
            if let Some(id) = keep.as_ref().and_then(NodeKey::action_id) {
                ui.reveal(&state.plan, id);
            }
            ui.clamp_offset();
            ui.message = Some(Message::info(i18n::plan_reloaded(l)));
            true
        }
        Err(why) => {
            let text = i18n::plan_not_reloaded(l, &why);
            say_once(ui, |s| &mut s.plan_error, text)
        }
    }
}

/// Others' lines could not be read: said once for the same trouble.
pub(super) fn watch_failed(ui: &mut UiState, why: String) -> bool {
    say_once(ui, |s| &mut s.watch_error, why)
}

/// The settings file could not be written: said.
pub(super) fn settings_saved(ui: &mut UiState, saved: Result<(), String>) -> bool {
    match saved {
        Ok(()) => false,
        Err(why) => {
            ui.message = Some(Message::error(why));
            true
        }
    }
}

/// Says a trouble as an error unless it is the one last said in its place.
fn say_once(
    ui: &mut UiState,
    place: impl Fn(&mut crate::tui::ui_state::Said) -> &mut Option<String>,
    text: String,
) -> bool {
    let last = place(&mut ui.said);
    if last.as_deref() == Some(text.as_str()) {
        return false;
    }
    *last = Some(text.clone());
    ui.message = Some(Message::error(text));
    true
}
