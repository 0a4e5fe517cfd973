//! `update`: a command changes the interface state; what it asks of the outside world comes back as
//! effects. No IO here, and the plan state is only read.

mod chart;
mod dashboard;
mod follow_up;
mod form;
mod help;
mod meeting;
mod outside;
mod search;
mod tree;

pub use meeting::open_meeting_screen;
pub use outside::{index_ready, on_start, plan_changed, show_mine, typed};

use super::command::Command;
use super::ui_state::{Message, Mode, NodeKey, UiState};
use crate::i18n;
use crate::lang::Lang;
use crate::plan::edit::Author;
use crate::plan::journal::{Change, Event};
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
    /// Write this meeting's minutes beside the plan in this format (and remember it).
    WriteMinutesAs(String, crate::minutes::MinutesFormat),
    /// Look up the actions matching this search line (the application owns the search index,
    /// built on another thread for a large plan): [`Outcome::SearchResults`] or
    /// [`Outcome::Indexing`].
    Search {
        text: String,
    },
    /// Look up the actions of the tree filter's line: [`Outcome::Filtered`] or
    /// [`Outcome::Indexing`].
    Filter {
        text: String,
    },
}

/// What became of an effect `App` ran, or what it noticed of the world (the plan file, the
/// journal, the search index), fed back to [`after`].
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// The line was written and the journal's new lines applied. `message_before` is what the
    /// status bar said before they were applied.
    Appended { change: Box<Change>, message_before: Option<Message> },
    /// Nothing was written, and why (the plan's rights, the lock, the disk).
    NotAppended(String),
    /// A meeting's minutes were written to this file, or why not (already said in words).
    MinutesWritten(Result<String, String>),
    /// Lines were applied from the journal (the entries' indices): others' appends, or this
    /// session's own line (`own`, as written). `reread`: the journal was read again from its start
    /// (rewritten under the session), and why.
    JournalChanged { new: Vec<usize>, own: Option<String>, reread: Option<String> },
    /// The actions matching a search line, best first ([`Effect::Search`]).
    SearchResults { text: String, hits: Vec<crate::search::Hit> },
    /// The actions of the tree filter's line ([`Effect::Filter`]).
    Filtered { text: String, ids: std::collections::HashSet<String> },
    /// A lookup could not be made yet: the index is being built on another thread (it is made
    /// again when the index is ready: [`index_ready`]).
    Indexing,
    /// The plan file changed on disk and was read again (with the key of the node that was
    /// selected: the old rows' paths name other nodes in the new plan), or why it could not be.
    PlanReloaded(Result<Option<NodeKey>, String>),
    /// Others' lines could not be read from the journal, and why.
    WatchFailed(String),
    /// The settings file was written (the minutes format remembered), or why not.
    SettingsSaved(Result<(), String>),
}

/// What `update` may know of the world: who is editing, when, and whether edits are allowed.
pub struct Env<'a> {
    pub by: &'a str,
    pub now: Timestamp,
    pub today: Date,
    /// Why this session cannot write, when it cannot.
    pub read_only: Option<&'a str>,
    /// The lists of the current plan state that the views show too.
    pub derived: &'a crate::tui::derived::Derived,
    /// The format the minutes were last written in: the one the minutes key offers first.
    pub minutes_format: crate::minutes::MinutesFormat,
    /// The language messages are said in.
    pub lang: crate::lang::Lang,
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

/// The interface after an effect `App` ran. After an append: the form closes and the change is said, a meeting just opened
/// here is run; refused, the form stays open with its text and the reason (else the reason is
/// said). The chair moving along the agenda is recorded without a word: the message stays.
/// After the minutes are written: the file, or why not. After lines come in from the journal:
/// who changed what, for the last one written elsewhere (a line of this session's says nothing).
/// After a lookup in the search index: the search's results and selection, the filtered tree.
/// After the plan file changed: the tree on the same node and a word, or why not (once).
/// Returns whether a new message was said (its display time starts again).
pub fn after(l: Lang, state: &PlanState, ui: &mut UiState, outcome: Outcome) -> bool {
    match outcome {
        Outcome::SearchResults { text, hits } => search::results(ui, text, hits),
        Outcome::Filtered { text, ids } => search::filtered(state, ui, &text, ids),
        Outcome::Indexing => search::indexing(state, ui),
        Outcome::PlanReloaded(reloaded) => outside::reloaded(l, state, ui, reloaded),
        Outcome::WatchFailed(why) => outside::watch_failed(ui, why),
        Outcome::SettingsSaved(saved) => outside::settings_saved(ui, saved),
        Outcome::Appended { change, message_before } => {
            ui.form = None;
            if let Change::MeetingOpened { id, .. } = &*change {
                open_meeting_screen(state, ui, id);
            }
            if let Change::AgendaItem { .. } = &*change {
                ui.message = message_before;
                return false;
            }
            ui.message = Some(Message::info(i18n::saved_change(l, &i18n::describe_change(l, &change, None))));
            true
        }
        Outcome::JournalChanged { reread: Some(why), .. } => {
            // Lines were read: a trouble reading them, if it comes back, is said again.
            ui.said.watch_error = None;
            // Every line is "new": say why instead.
            ui.message = Some(Message::error(why));
            true
        }
        Outcome::JournalChanged { new, own, reread: None } => {
            ui.said.watch_error = None;
            // Who changed what, for the last line written elsewhere. Compared as written: the line
            // read back has whole seconds, the event in memory may not.
            let mut others = new.iter().rev().filter_map(|&i| state.entries.get(i));
            let Some(e) = others.find(|e| own.as_deref() != Some(e.event.to_line().as_str())) else {
                return false;
            };
            let who = state.plan.person_name(&e.event.by).to_string();
            let action = e.event.change.actions().first().map(|s| s.to_string()).unwrap_or_default();
            let what = i18n::describe_change(l, &e.event.change, e.before);
            ui.message = Some(Message::info(i18n::changed_by(l, &who, &action, &what)));
            true
        }
        Outcome::MinutesWritten(Ok(path)) => {
            ui.message = Some(Message::info(i18n::minutes_written(l, &path)));
            true
        }
        Outcome::MinutesWritten(Err(why)) => {
            ui.message = Some(Message::error(why));
            true
        }
        Outcome::NotAppended(why) => match &mut ui.form {
            Some(f) => {
                f.saving = false;
                f.error = Some(why);
                false
            }
            None => {
                ui.message = Some(Message::error(why));
                true
            }
        },
    }
}

pub fn update(state: &PlanState, ui: &mut UiState, cmd: Command, env: &Env) -> Vec<Effect> {
    let mut effects = dispatch(state, ui, cmd, env);
    // The search line changed (a filter key, just opened) or still waits for the index: its
    // results are looked up.
    effects.extend(search::lookup(ui));
    effects
}

fn dispatch(state: &PlanState, ui: &mut UiState, cmd: Command, env: &Env) -> Vec<Effect> {
    let l = env.lang;
    let plan = &state.plan;
    let mode = ui.mode();
    match mode {
        Mode::Form => form::keys(state, ui, cmd, env),
        Mode::Help => help::keys(ui, cmd),
        Mode::Search => search::search(l, plan, ui, cmd),
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
        Mode::Meetings | Mode::Minutes => follow_up::meetings_screen(state, ui, cmd, env),
        Mode::Plan => tree::keys(state, ui, cmd, env),
    }
}

#[cfg(test)]
mod effect_tests;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::edit::Author;
    use crate::tui::form::Form;

    fn state(l: Lang) -> PlanState {
        crate::store::load::load(l, std::path::Path::new("plans/bouches-du-rhone.ron")).unwrap().state
    }

    fn now() -> Timestamp {
        Timestamp(chrono::DateTime::parse_from_rfc3339("2026-11-23T10:00:00+01:00").unwrap())
    }

    #[test]
    fn a_meeting_opened_here_is_run_once_its_line_is_written() {
        let l = Lang::Fr;
        let mut state = state(l);
        let mut ui = UiState::new(&state.plan);
        ui.form = Form::open_meeting(&state, now().date());
        let body = state.plan.bodies[0].id.clone();
        let event = crate::plan::meeting::open(&state, &Author::new("x", now()), &body, now().date(), None).unwrap();
        let Change::MeetingOpened { id, .. } = &event.change else { panic!() };
        let id = id.clone();
        state.apply(1, event.clone());
        let said =
            after(l, &state, &mut ui, Outcome::Appended { change: Box::new(event.change), message_before: None });
        assert!(said && ui.form.is_none());
        assert_eq!((ui.screen, ui.meeting.as_ref().map(|m| m.id.clone())), (Mode::Meeting, Some(id)));
        assert!(ui.message.as_ref().is_some_and(|m| !m.is_error));
    }

    #[test]
    fn a_refused_line_keeps_the_form_and_its_text_else_it_is_said() {
        let l = Lang::Fr;
        let state = state(l);
        let mut ui = UiState::new(&state.plan);
        let action = state.plan.walk().next().unwrap().1.id.clone();
        let mut form = Form::comment(&state, &action).unwrap();
        form.saving = true;
        ui.form = Some(form);
        assert!(!after(l, &state, &mut ui, Outcome::NotAppended("disque plein".into())));
        let f = ui.form.as_ref().unwrap();
        assert_eq!((f.saving, f.error.as_deref()), (false, Some("disque plein")));
        assert_eq!(ui.message, None);

        ui.form = None;
        assert!(after(l, &state, &mut ui, Outcome::NotAppended("verrou".into())));
        assert_eq!(ui.message, Some(Message::error("verrou".into())));
        assert_eq!(ui.screen, Mode::Plan);
    }

    #[test]
    fn lines_from_the_journal_are_said_unless_they_are_this_sessions_own() {
        let l = Lang::Fr;
        let mut state = state(l);
        let mut ui = UiState::new(&state.plan);
        let action = state.plan.walk().next().unwrap().1.id.clone();
        let line = |by: &str| Event {
            at: now(),
            by: by.into(),
            change: Change::Comment { action: action.clone(), text: "vu".into() },
            note: None,
            meeting: None,
            prev: None,
        };
        state.apply(1, line("moi"));
        let new = vec![state.entries.len() - 1];
        let own = Some(line("moi").to_line());
        assert!(!after(l, &state, &mut ui, Outcome::JournalChanged { new: new.clone(), own, reread: None }));
        assert_eq!(ui.message, None);
        assert!(after(l, &state, &mut ui, Outcome::JournalChanged { new, own: None, reread: None }));
        assert!(ui.message.as_ref().is_some_and(|m| !m.is_error && m.text.contains("moi")), "{:?}", ui.message);
        let reread = Some("rewritten".to_string());
        assert!(after(l, &state, &mut ui, Outcome::JournalChanged { new: vec![], own: None, reread }));
        assert_eq!(ui.message, Some(Message::error("rewritten".into())));
    }

    #[test]
    fn moving_along_the_agenda_is_recorded_without_a_word() {
        let l = Lang::Fr;
        let state = state(l);
        let mut ui = UiState::new(&state.plan);
        ui.message = Some(Message::info("someone else's change".into()));
        let before = Some(Message::info("the chair's".into()));
        let change = Change::AgendaItem { meeting: "m".into(), action: None, title: String::new() };
        assert!(!after(
            l,
            &state,
            &mut ui,
            Outcome::Appended { change: Box::new(change), message_before: before.clone() }
        ));
        assert_eq!(ui.message, before);
    }
}

#[cfg(test)]
mod minutes_tests {
    use super::*;

    #[test]
    fn written_minutes_are_said_with_their_file_and_a_failure_as_an_error() {
        let l = Lang::Fr;
        let state = crate::store::load::load(l, std::path::Path::new("plans/charente.ron")).unwrap().state;
        let mut ui = UiState::default();
        assert!(after(l, &state, &mut ui, Outcome::MinutesWritten(Ok("/p/releve.odt".into()))));
        let m = ui.message.clone().unwrap();
        assert!(!m.is_error && m.text.contains("/p/releve.odt"), "{m:?}");
        assert!(after(l, &state, &mut ui, Outcome::MinutesWritten(Err("disque plein".into()))));
        assert_eq!(ui.message, Some(Message::error("disque plein".into())));
    }
}
