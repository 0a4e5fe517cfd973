//! `update`: a command changes the interface state; what it asks of the outside world comes back as
//! effects. No IO here, and the plan state is only read.

use super::command::Command;
use super::form::{Form, FormKind};
use super::meeting_ui::{ListUi, MeetingUi};
use super::search_ui::{self, Saved, SearchUi, TreeFilter};
use super::ui_state::{Focus, Message, Node, NodeKey, Screen, UiState, node, node_key};
use crate::i18n;
use crate::plan::edit::{Author, EditError};
use crate::plan::journal::Event;
use crate::plan::journal::Presence;
use crate::plan::meeting::{self, FollowUp};
use crate::plan::model::{Date, Timestamp};
use crate::plan::rights::Act;
use crate::plan::state::PlanState;

/// What a command asks the application to do outside the interface state.
#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    Quit,
    /// Append this line to the journal (lock, write, fsync), then tell the interface.
    Append(Box<Event>),
    /// Undo this person's last change, decided under the journal's lock from the file as it is
    /// (never from line numbers read earlier: the journal may have changed since).
    Undo,
    /// Write this meeting's minutes beside the plan: ask in which format first.
    WriteMinutes(String),
    /// Write this meeting's minutes beside the plan in this format (and remember it).
    WriteMinutesAs(String, crate::minutes::MinutesFormat),
}

/// What `update` may know of the world: who is editing, when, and whether edits are allowed.
pub struct Env<'a> {
    pub by: &'a str,
    pub now: Timestamp,
    pub today: Date,
    /// Why this session cannot write, when it cannot.
    pub read_only: Option<&'a str>,
}

impl Env<'_> {
    fn author(&self) -> Author<'_> {
        Author::new(self.by, self.now)
    }

    /// The author of an edit made from the meeting screen of the meeting this session runs.
    fn author_in<'a>(&'a self, meeting: Option<&'a str>) -> Author<'a> {
        Author { meeting, ..self.author() }
    }
}

pub fn update(state: &PlanState, ui: &mut UiState, cmd: Command, env: &Env) -> Vec<Effect> {
    let plan = &state.plan;
    if cmd == Command::Submit
        && ui.form.as_ref().is_some_and(|f| !f.saving)
        && let Some(effects) = session_form(state, ui)
    {
        return effects;
    }
    let ui_meeting = ui.meeting.as_ref().map(|m| m.id.clone());
    if let Some(form) = &mut ui.form {
        match cmd {
            Command::Cancel => ui.form = None,
            Command::NextField => form.next_field(),
            Command::PrevField => form.prev_field(),
            Command::ChoiceNext => form.step(true),
            Command::ChoicePrev => form.step(false),
            Command::NewLine => form.new_line(),
            Command::Submit if !form.saving => {
                match form.to_event(state, &env.author_in(in_meeting(&ui_meeting, form))) {
                    Ok(event) => {
                        form.error = None;
                        form.saving = true;
                        return vec![Effect::Append(Box::new(event))];
                    }
                    Err(e) => form.error = Some(i18n::edit_error(&e)),
                }
            }
            Command::Quit => return vec![Effect::Quit],
            _ => {}
        }
        return Vec::new();
    }
    if ui.search.is_some() {
        return search(plan, ui, cmd);
    }
    if !ui.help_open && cmd == Command::Present {
        ui.present = !ui.present;
        return Vec::new();
    }
    if ui.help_open {
        match cmd {
            Command::CloseHelp | Command::Help => ui.help_open = false,
            Command::ScrollDown | Command::Down => ui.help_scroll = ui.help_scroll.saturating_add(1),
            Command::ScrollUp | Command::Up => ui.help_scroll = ui.help_scroll.saturating_sub(1),
            Command::Quit => return vec![Effect::Quit],
            _ => {}
        }
        return Vec::new();
    }
    match ui.screen {
        Screen::Dashboard => return dashboard(plan, ui, cmd),
        Screen::Chart => return chart(state, ui, cmd, env),
        Screen::Meeting => return meeting_screen(state, ui, cmd, env),
        Screen::Attendance => return attendance_screen(state, ui, cmd, env),
        Screen::FollowUp => return follow_up_screen(state, ui, cmd, env),
        Screen::Meetings | Screen::Minutes => return meetings_screen(state, ui, cmd),
        Screen::Plan => {}
    }
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
        Command::MyActions if ui.filter.as_ref().is_none_or(|f| f.text != search_ui::mine_word()) => {
            // The application computes which actions are mine (it owns the search index).
            ui.filter = Some(TreeFilter { text: search_ui::mine_word().to_string(), ids: Default::default() });
            ui.focus = Focus::Tree;
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
            ui.screen = Screen::Dashboard;
        }
        Command::Chart => match ui.selected_row().and_then(|r| node(plan, &r.path)) {
            Some(Node::Action(a)) if !a.indicators.is_empty() => {
                ui.chart_indicator = 0;
                ui.screen = Screen::Chart;
            }
            Some(Node::Action(_)) => ui.message = Some(Message::error(i18n::NO_INDICATOR.get().to_string())),
            _ => ui.message = Some(Message::error(i18n::NOT_AN_ACTION_CHART.get().to_string())),
        },
        Command::Meeting => match state.open_meeting() {
            Some(m) if ui.meeting.as_ref().is_some_and(|r| r.id == m.id) || meeting::may_run(state, m, env.by) => {
                open_meeting_screen(state, ui, &m.id.clone())
            }
            Some(m) => {
                let opened_by = state.plan.person_name(&m.opened_by).to_string();
                let e = EditError::NotYourMeeting { meeting: m.id.clone(), opened_by };
                ui.message = Some(Message::error(i18n::edit_error(&e)));
            }
            None => match (env.read_only, Form::open_meeting(state, env.today)) {
                (Some(why), _) => ui.message = Some(Message::error(i18n::read_only_refusal(why))),
                (None, Some(_)) if let Err(d) = state.allows(env.by, Act::OpenMeeting) => {
                    ui.message = Some(Message::error(d.to_string()));
                }
                (None, Some(f)) => ui.form = Some(f),
                (None, None) => ui.message = Some(Message::error(i18n::NO_BODIES.get().to_string())),
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

/// The search line: moving among the results, the filter keys, going to an action or back.
/// The results themselves are computed by the application (it owns the search index).
fn search(plan: &crate::plan::model::Plan, ui: &mut UiState, cmd: Command) -> Vec<Effect> {
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
        Command::ToggleLate => s.set_text(search_ui::toggle_late(s.text())),
        Command::ToggleBehind => s.set_text(search_ui::toggle_behind(s.text())),
        Command::CycleStatus => s.set_text(search_ui::cycle_status(s.text())),
        Command::Cancel => {
            // Back to where the search started.
            let saved = std::mem::take(&mut s.saved);
            ui.search = None;
            ui.expanded = saved.expanded;
            ui.rebuild_rows(plan);
            ui.selected = saved.selected.min(ui.rows.len().saturating_sub(1));
            ui.offset = saved.offset;
            ui.detail_scroll = saved.detail_scroll;
            ui.clamp_offset();
        }
        Command::Submit => {
            let Some(hit) = s.selected_hit().map(|h| h.action_id.clone()) else {
                ui.message = Some(Message::error(i18n::search_count(0, 0)));
                return Vec::new();
            };
            if s.for_agenda {
                // The chosen action goes on the meeting's agenda; the tree stays as it was.
                let saved = std::mem::take(&mut s.saved);
                ui.search = None;
                ui.expanded = saved.expanded;
                ui.rebuild_rows(plan);
                ui.selected = saved.selected.min(ui.rows.len().saturating_sub(1));
                ui.offset = saved.offset;
                ui.detail_scroll = saved.detail_scroll;
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

/// The meeting a form's edit is made in: the one this session runs, when the form was opened
/// from its screen.
fn in_meeting<'a>(running: &'a Option<String>, form: &Form) -> Option<&'a str> {
    running.as_deref().filter(|id| !form.meeting.is_empty() && form.meeting == *id)
}

/// The action an edit key is about: in a meeting, the agenda item's; elsewhere, the tree's.
fn target_action(state: &PlanState, ui: &UiState) -> Option<String> {
    if ui.screen == Screen::Meeting {
        return ui.meeting.as_ref()?.current_action().map(str::to_string);
    }
    match ui.selected_row().and_then(|r| node(&state.plan, &r.path)) {
        Some(Node::Action(a)) => Some(a.id.clone()),
        _ => None,
    }
}

/// The forms whose submission writes no journal line: resuming a meeting,
/// declining to close one. `None` for the others.
fn session_form(state: &PlanState, ui: &mut UiState) -> Option<Vec<Effect>> {
    let f = ui.form.as_ref()?;
    match f.kind {
        FormKind::Resume => {
            let (id, resume) = (f.meeting.clone(), f.fields[0].choice() == 0);
            ui.form = None;
            if resume {
                open_meeting_screen(state, ui, &id);
            }
        }
        FormKind::CloseMeeting if f.fields[0].choice() != 0 => ui.form = None,
        FormKind::MinutesFormat => {
            let effect = Effect::WriteMinutesAs(f.meeting.clone(), f.chosen_format());
            ui.form = None;
            return Some(vec![effect]);
        }
        _ => return None,
    }
    Some(Vec::new())
}

/// Shows a meeting; its agenda is proposed the first time it is shown in this session.
pub fn open_meeting_screen(state: &PlanState, ui: &mut UiState, id: &str) {
    if ui.meeting.as_ref().map(|m| m.id.as_str()) != Some(id) {
        ui.meeting = Some(MeetingUi::new(state, id));
    }
    ui.screen = Screen::Meeting;
}

fn go_to_list(ui: &mut UiState, cmd: Command) {
    ui.back_to = ui.screen;
    ui.list = ListUi::default();
    ui.screen = if cmd == Command::FollowUp { Screen::FollowUp } else { Screen::Meetings };
}

fn open_help(ui: &mut UiState) {
    ui.help_open = true;
    ui.help_scroll = 0;
}

/// Whether lines can be recorded in a meeting now; the reason when not.
fn can_record(state: &PlanState, env: &Env, id: &str) -> Result<(), String> {
    if let Some(why) = env.read_only {
        return Err(i18n::read_only_refusal(why));
    }
    match state.meeting(id) {
        Some(m) if m.is_open() => Ok(()),
        _ => Err(i18n::edit_error(&EditError::MeetingClosed(id.to_string()))),
    }
}

/// Running a meeting: walking and editing the agenda, recording against the item's action.
fn meeting_screen(state: &PlanState, ui: &mut UiState, cmd: Command, env: &Env) -> Vec<Effect> {
    let Some(m) = ui.meeting.as_mut() else {
        ui.screen = Screen::Plan;
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
                Command::Decision => Form::decision(&state.plan, &id, action),
                Command::MeetingNote => Form::note(&id, action),
                Command::Task => Form::task(&state.plan, &id, action),
                _ => Form::close_meeting(&id),
            });
        }
        Command::EditStatus | Command::AddMeasure | Command::AddComment | Command::Undo | Command::Reschedule => {
            return edit(state, ui, cmd, env);
        }
        Command::Attendance => {
            m.attendance = 0;
            ui.screen = Screen::Attendance;
        }
        Command::Minutes => return vec![Effect::WriteMinutes(id)],
        Command::FollowUp => go_to_list(ui, cmd),
        Command::Back | Command::Cancel => {
            if let Some(a) = m.current_action().map(str::to_string) {
                ui.reveal(&state.plan, &a);
            }
            ui.screen = Screen::Plan;
        }
        Command::Help => open_help(ui),
        Command::Quit => return vec![Effect::Quit],
        _ => {}
    }
    Vec::new()
}

/// The chair moved to an agenda item: the line that records the agenda as it is run (none when
/// the item is already recorded, or when this session cannot record in the meeting).
fn record_agenda_item(state: &PlanState, ui: &mut UiState, env: &Env) -> Vec<Effect> {
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
fn attendance_screen(state: &PlanState, ui: &mut UiState, cmd: Command, env: &Env) -> Vec<Effect> {
    let Some(m) = ui.meeting.as_mut() else {
        ui.screen = Screen::Plan;
        return Vec::new();
    };
    let id = m.id.clone();
    let rows = state.meeting(&id).map(|mt| meeting::attendees(state, mt)).unwrap_or_default();
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
                ui.form = Some(Form::guest(&id));
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
                Err(e) => ui.message = Some(Message::error(i18n::edit_error(&e))),
            }
        }
        Command::Back | Command::Cancel => ui.screen = Screen::Meeting,
        Command::Help => open_help(ui),
        Command::Quit => return vec![Effect::Quit],
        _ => {}
    }
    Vec::new()
}

/// Open tasks and due decisions: marking a task done.
fn follow_up_screen(state: &PlanState, ui: &mut UiState, cmd: Command, env: &Env) -> Vec<Effect> {
    let items = meeting::follow_up(state, env.today);
    match cmd {
        Command::Down => ui.list.step(1, items.len()),
        Command::Up => ui.list.step(-1, items.len()),
        Command::TaskDone | Command::Submit => match items.get(ui.list.cursor) {
            Some((FollowUp::Task(task), _)) => {
                if let Some(why) = env.read_only {
                    ui.message = Some(Message::error(i18n::read_only_refusal(why)));
                    return Vec::new();
                }
                // From the meeting this session runs: recorded in it, and off its agenda.
                let running = ui.meeting.as_mut().filter(|_| ui.back_to == Screen::Meeting);
                let id = running.as_ref().map(|m| m.id.clone());
                match meeting::task_done(state, &env.author_in(id.as_deref()), task) {
                    Ok(e) => {
                        if let Some(m) = running {
                            m.task_done(task);
                        }
                        return vec![Effect::Append(Box::new(e))];
                    }
                    Err(e) => ui.message = Some(Message::error(i18n::edit_error(&e))),
                }
            }
            Some((FollowUp::Decision(_), _)) => {
                ui.message = Some(Message::error(i18n::DECISION_HAS_NO_STATE.get().to_string()));
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
fn meetings_screen(state: &PlanState, ui: &mut UiState, cmd: Command) -> Vec<Effect> {
    if ui.screen == Screen::Minutes {
        let page = ui.viewport.max(2) as u16 - 1;
        let l = &mut ui.list;
        match cmd {
            Command::Down => l.scroll = l.scroll.saturating_add(1),
            Command::Up => l.scroll = l.scroll.saturating_sub(1),
            Command::PageDown => l.scroll = l.scroll.saturating_add(page),
            Command::PageUp => l.scroll = l.scroll.saturating_sub(page),
            Command::Top => l.scroll = 0,
            Command::Minutes => return l.meeting.clone().map(Effect::WriteMinutes).into_iter().collect(),
            Command::Back | Command::Cancel => ui.screen = Screen::Meetings,
            Command::Help => open_help(ui),
            Command::Quit => return vec![Effect::Quit],
            _ => {}
        }
        return Vec::new();
    }
    let ids: Vec<String> =
        meeting::meetings_by_body(state).into_iter().flat_map(|(_, ms)| ms).map(|m| m.id.clone()).collect();
    match cmd {
        Command::Down => ui.list.step(1, ids.len()),
        Command::Up => ui.list.step(-1, ids.len()),
        Command::Submit => {
            if let Some(id) = ids.get(ui.list.cursor) {
                ui.list.meeting = Some(id.clone());
                ui.list.scroll = 0;
                ui.screen = Screen::Minutes;
            }
        }
        Command::Minutes => return ids.get(ui.list.cursor).cloned().map(Effect::WriteMinutes).into_iter().collect(),
        Command::Back | Command::Cancel => ui.screen = ui.back_to,
        Command::Help => open_help(ui),
        Command::Quit => return vec![Effect::Quit],
        _ => {}
    }
    Vec::new()
}

/// The dashboard: choosing a row (the whole plan, then each orientation) and opening it.
fn dashboard(plan: &crate::plan::model::Plan, ui: &mut UiState, cmd: Command) -> Vec<Effect> {
    let last = plan.orientations.len();
    match cmd {
        Command::Down => ui.dashboard_selected = (ui.dashboard_selected + 1).min(last),
        Command::Up => ui.dashboard_selected = ui.dashboard_selected.saturating_sub(1),
        Command::Top | Command::PageUp => ui.dashboard_selected = 0,
        Command::Bottom | Command::PageDown => ui.dashboard_selected = last,
        Command::Back | Command::Dashboard | Command::Cancel => ui.screen = Screen::Plan,
        Command::Help => {
            ui.help_open = true;
            ui.help_scroll = 0;
        }
        Command::Submit => {
            ui.screen = Screen::Plan;
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

/// The chart: another indicator of the action, another action, a new measurement, or back.
fn chart(state: &PlanState, ui: &mut UiState, cmd: Command, env: &Env) -> Vec<Effect> {
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
            if let Some(f) = &mut ui.form
                && let Some(crate::tui::form::FieldValue::Choice { selected, options }) =
                    f.fields.first_mut().map(|f| &mut f.value)
            {
                *selected = ui.chart_indicator.min(options.len().saturating_sub(1));
            }
            return effects;
        }
        Command::Back | Command::Chart | Command::Cancel => ui.screen = Screen::Plan,
        Command::Help => {
            ui.help_open = true;
            ui.help_scroll = 0;
        }
        Command::Quit => return vec![Effect::Quit],
        _ => {}
    }
    Vec::new()
}

/// The edit keys: refused with a reason when read-only, else they open a form (or append an undo).
fn edit(state: &PlanState, ui: &mut UiState, cmd: Command, env: &Env) -> Vec<Effect> {
    if let Some(why) = env.read_only {
        ui.message = Some(Message::error(i18n::read_only_refusal(why)));
        return Vec::new();
    }
    if cmd == Command::Undo {
        // A quick answer from what this session knows; the app decides again under the lock.
        return match crate::plan::edit::undo_last(state, &env.author()) {
            Ok(e) if let Err(d) = state.may(&e) => {
                ui.message = Some(Message::error(d.to_string()));
                Vec::new()
            }
            Ok(_) => vec![Effect::Undo],
            Err(e) => {
                ui.message = Some(Message::error(i18n::edit_error(&e)));
                Vec::new()
            }
        };
    }
    let Some(action) = target_action(state, ui) else {
        ui.message = Some(Message::error(i18n::NOT_AN_ACTION.get().to_string()));
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
        ui.message = Some(Message::error(d.to_string()));
        return Vec::new();
    }
    ui.form = match cmd {
        Command::EditStatus => Form::status(state, &action),
        Command::AddComment => Form::comment(state, &action),
        Command::Reschedule => Form::reschedule(state, &action),
        _ => {
            let f = Form::measure(state, &action, env.today);
            if f.is_none() {
                ui.message = Some(Message::error(i18n::NO_INDICATOR.get().to_string()));
            }
            f
        }
    };
    // Made from the meeting screen: recorded in the meeting this session runs.
    if ui.screen == Screen::Meeting
        && let (Some(f), Some(m)) = (&mut ui.form, &ui.meeting)
    {
        f.meeting = m.id.clone();
    }
    Vec::new()
}
