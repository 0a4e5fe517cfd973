//! `update`: a command changes the interface state; what it asks of the outside world comes back as
//! effects. No IO here, and the plan state is only read.

mod chart;
mod dashboard;
mod follow_up;
mod form;
mod help;
mod meeting;
mod search;
mod tree;

pub use meeting::open_meeting_screen;

use super::command::Command;
use super::ui_state::{Mode, UiState};
use crate::plan::edit::Author;
use crate::plan::journal::Event;
use crate::plan::model::{Date, Timestamp};
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
    pub(super) fn author(&self) -> Author<'_> {
        Author::new(self.by, self.now)
    }

    /// The author of an edit made from the meeting screen of the meeting this session runs.
    pub(super) fn author_in<'a>(&'a self, meeting: Option<&'a str>) -> Author<'a> {
        Author { meeting, ..self.author() }
    }
}

pub fn update(state: &PlanState, ui: &mut UiState, cmd: Command, env: &Env) -> Vec<Effect> {
    let plan = &state.plan;
    let mode = ui.mode();
    if mode == Mode::Form
        && cmd == Command::Submit
        && ui.form.as_ref().is_some_and(|f| !f.saving)
        && let Some(effects) = form::session_form(state, ui)
    {
        return effects;
    }
    match mode {
        Mode::Form => form::keys(state, ui, cmd, env),
        Mode::Help => help::keys(ui, cmd),
        Mode::Search => search::search(plan, ui, cmd),
        // On every screen, `Present` switches projection mode.
        _ if cmd == Command::Present => {
            ui.present = !ui.present;
            Vec::new()
        }
        Mode::Dashboard => dashboard::dashboard(plan, ui, cmd),
        Mode::Chart => chart::chart(state, ui, cmd, env),
        Mode::Meeting => meeting::meeting_screen(state, ui, cmd, env),
        Mode::Attendance => meeting::attendance_screen(state, ui, cmd, env),
        Mode::FollowUp => follow_up::follow_up_screen(state, ui, cmd, env),
        Mode::Meetings | Mode::Minutes => follow_up::meetings_screen(state, ui, cmd),
        Mode::Plan => tree::keys(state, ui, cmd, env),
    }
}
