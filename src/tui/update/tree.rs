//! The plan screen: the tree and the detail pane.

use super::follow_up::go_to_list;
use super::form::edit;
use super::meeting::open_meeting_screen;
use super::{Effect, Env};
use crate::i18n;
use crate::lang::Localized;
use crate::plan::edit::EditError;
use crate::plan::meeting;
use crate::plan::rights::Act;
use crate::plan::state::PlanState;
use crate::tui::command::Command;
use crate::tui::form::Form;
use crate::tui::search_ui::{self, Saved, SearchUi};
use crate::tui::ui_state::{Focus, Message, Mode, Node, NodeKey, UiState, node, node_key};

/// A key on the plan screen.
pub(super) fn keys(state: &PlanState, ui: &mut UiState, cmd: Command, env: &Env) -> Vec<Effect> {
    let l = env.lang;
    let plan = &state.plan;
    let before = ui.selected;
    let page = ui.viewport.max(2) - 1;
    let in_detail = ui.focus == Focus::Detail;
    match cmd {
        Command::Quit => return vec![Effect::Quit],
        Command::Help => {
            ui.help_open = true;
            ui.help_scroll = 0;
        }
        Command::Search => {
            let saved = Saved {
                selected: ui.selected,
                offset: ui.offset,
                expanded: ui.expanded.clone(),
                detail_scroll: ui.detail_scroll,
            };
            let text = ui.filter.as_ref().map(|f| f.text.clone()).unwrap_or_default();
            ui.search = Some(SearchUi::new(&text, saved));
        }
        Command::MyActions if ui.filter.as_ref().is_none_or(|f| f.text != search_ui::mine_word(l)) => {
            // Which actions are mine is looked up in the search index (the application's).
            ui.focus = Focus::Tree;
            return super::search::show_filter(ui, search_ui::mine_word(l));
        }
        Command::ClearFilter | Command::MyActions => {
            if ui.filter.take().is_some() {
                let keep = ui.selected_row().and_then(|r| node_key(plan, &r.path));
                ui.rebuild_rows(plan);
                if let Some(id) = keep.as_ref().and_then(NodeKey::action_id) {
                    ui.reveal(plan, id);
                }
            }
        }
        Command::Dashboard => {
            // The dashboard opens on the orientation holding the selection.
            ui.dashboard_selected = ui.selected_row().map(|r| r.path[0] + 1).unwrap_or(0);
            ui.screen = Mode::Dashboard;
        }
        Command::Chart => match ui.selected_row().and_then(|r| node(plan, &r.path)) {
            Some(Node::Action(a)) if !a.indicators.is_empty() => {
                ui.chart_indicator = 0;
                ui.screen = Mode::Chart;
            }
            Some(Node::Action(_)) => ui.message = Some(Message::error(i18n::NO_INDICATOR.get(l).to_string())),
            _ => ui.message = Some(Message::error(i18n::NOT_AN_ACTION_CHART.get(l).to_string())),
        },
        Command::Meeting => match state.open_meeting() {
            Some(m) if ui.meeting.as_ref().is_some_and(|r| r.id == m.id) || meeting::may_run(state, m, env.by) => {
                open_meeting_screen(state, ui, &m.id.clone())
            }
            Some(m) => {
                let opened_by = state.plan.person_name(&m.opened_by).to_string();
                let e = EditError::NotYourMeeting { meeting: m.id.clone(), opened_by };
                ui.message = Some(Message::error(e.text(l)));
            }
            None => match (env.read_only, Form::open_meeting(state, env.today)) {
                (Some(why), _) => ui.message = Some(Message::error(i18n::read_only_refusal(l, why))),
                (None, Some(_)) if let Err(d) = state.allows(env.by, Act::OpenMeeting) => {
                    ui.message = Some(Message::error(d.text(l)));
                }
                (None, Some(f)) => ui.form = Some(f),
                (None, None) => ui.message = Some(Message::error(i18n::NO_BODIES.get(l).to_string())),
            },
        },
        Command::FollowUp | Command::Meetings => go_to_list(ui, cmd),
        Command::CloseHelp
        | Command::Nothing
        | Command::Decision
        | Command::MeetingNote
        | Command::Task
        | Command::Attendance
        | Command::AddItem
        | Command::RemoveItem
        | Command::ItemUp
        | Command::ItemDown
        | Command::CloseMeeting
        | Command::Minutes
        | Command::MarkPresent
        | Command::MarkExcused
        | Command::MarkAbsent
        | Command::AddGuest
        | Command::TaskDone
        | Command::NewLine
        | Command::NextMeeting
        | Command::MarkRepresented
        | Command::Present
        | Command::Back
        | Command::NextIndicator
        | Command::PrevIndicator
        | Command::ToggleLate
        | Command::ToggleBehind
        | Command::CycleStatus
        | Command::Submit
        | Command::Cancel
        | Command::NextField
        | Command::PrevField
        | Command::ChoiceNext
        | Command::ChoicePrev => {}
        Command::EditStatus | Command::AddMeasure | Command::AddComment | Command::Undo | Command::Reschedule => {
            return edit(state, ui, cmd, env);
        }
        Command::FocusNext => {
            ui.focus = match ui.focus {
                Focus::Tree => Focus::Detail,
                Focus::Detail => Focus::Tree,
            }
        }
        Command::ScrollDown => ui.detail_scroll = ui.detail_scroll.saturating_add(1),
        Command::ScrollUp => ui.detail_scroll = ui.detail_scroll.saturating_sub(1),
        Command::Down if in_detail => ui.detail_scroll = ui.detail_scroll.saturating_add(1),
        Command::Up if in_detail => ui.detail_scroll = ui.detail_scroll.saturating_sub(1),
        Command::PageDown if in_detail => ui.detail_scroll = ui.detail_scroll.saturating_add(page as u16),
        Command::PageUp if in_detail => ui.detail_scroll = ui.detail_scroll.saturating_sub(page as u16),
        Command::Top if in_detail => ui.detail_scroll = 0,
        Command::Down => ui.selected = (ui.selected + 1).min(ui.rows.len().saturating_sub(1)),
        Command::Up => ui.selected = ui.selected.saturating_sub(1),
        Command::PageDown => ui.selected = (ui.selected + page).min(ui.rows.len().saturating_sub(1)),
        Command::PageUp => ui.selected = ui.selected.saturating_sub(page),
        Command::Top => ui.selected = 0,
        Command::Bottom => ui.selected = ui.rows.len().saturating_sub(1),
        Command::Toggle | Command::Expand | Command::Collapse => {
            let Some(row) = ui.selected_row().cloned() else {
                return Vec::new();
            };
            // Every row is a node of the plan it was built from.
            let Some(key) = node_key(plan, &row.path) else {
                return Vec::new();
            };
            match cmd {
                Command::Toggle if row.has_children && row.expanded => {
                    ui.expanded.remove(&key);
                }
                Command::Toggle if row.has_children => {
                    ui.expanded.insert(key);
                }
                Command::Expand if row.has_children => {
                    ui.expanded.insert(key);
                }
                Command::Collapse if row.expanded => {
                    ui.expanded.remove(&key);
                }
                Command::Collapse => {
                    // Already folded: go to the parent row.
                    let parent = &row.path[..row.path.len().saturating_sub(1)];
                    if let Some(i) = ui.rows.iter().position(|r| r.path == parent) {
                        ui.selected = i;
                    }
                }
                _ => {}
            }
            ui.rebuild_rows(plan);
        }
        Command::ExpandAll => {
            for (o, a, _) in plan.walk() {
                ui.expanded.insert(NodeKey::Orientation(o.id.clone()));
                if !a.sub_actions.is_empty() {
                    ui.expanded.insert(NodeKey::Action(a.id.clone()));
                }
            }
            ui.rebuild_rows(plan);
        }
        Command::CollapseAll => {
            // Keep the selection on the orientation that holds it.
            let orientation = ui.selected_row().map(|r| r.path[0]).unwrap_or(0);
            ui.expanded.clear();
            ui.rebuild_rows(plan);
            ui.selected = orientation.min(ui.rows.len().saturating_sub(1));
        }
    }
    if ui.selected != before {
        ui.detail_scroll = 0;
    }
    ui.clamp_offset();
    Vec::new()
}
