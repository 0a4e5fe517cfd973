//! The application: the loop event → Command → update → effects → draw when something changed.
//! Effects are carried out here, never in `update`: what touches the disk (appending a line,
//! writing the minutes, the settings) and lookups in the search index (which `App` owns, built on
//! another thread for a large plan). Each outcome goes back to `update::after`, which decides what
//! the interface shows; `App` keeps only the time a message stays up.

use std::io;
use std::path::PathBuf;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use crossterm::event::{self, Event as TermEvent, KeyEvent, KeyEventKind};
use ratatui::Frame;
use ratatui::layout::Rect;
use tui_input::backend::crossterm::EventHandler;

use super::derived::Derived;
use super::keymap::{Keymap, Mode};
use super::terminal;
use super::ui_state::{NodeKey, UiState, node_key};
use super::update::{self, Effect, Env, Outcome, after};
use super::view::{self, Ctx, theme::Theme};
use crate::i18n;
use crate::lang::{Lang, Localized};
use crate::plan::journal::Event;
use crate::plan::model::{Date, Timestamp};
use crate::plan::state::PlanState;
use crate::search::{IndexCell, parse_query};
use crate::store::append;
use crate::store::load::Loaded;
use crate::store::watch::Watcher;

/// How long a status-bar message stays.
const MESSAGE_TIME: Duration = Duration::from_secs(5);
/// How often the journal is checked for others' lines (and the longest a key waits).
const TICK: Duration = Duration::from_millis(200);
/// At most this many queued events are handled between two frames.
const TYPE_AHEAD: usize = 64;
/// How long an append waits for another writer's lock before saying so.
const LOCK_TIMEOUT: Duration = Duration::from_secs(3);

pub struct App {
    pub state: PlanState,
    /// The lists of `state` that `update` and the views share (dropped when `state` changes).
    derived: Derived,
    pub ui: UiState,
    pub keymap: Keymap,
    pub theme: Theme,
    /// The theme of projection mode (derived from `theme`).
    pub present_theme: Theme,
    pub today: Date,
    /// The person id (or login) written as `by`.
    pub by: String,
    /// Why this session cannot write, when it cannot.
    pub read_only: Option<String>,
    journal: PathBuf,
    /// The plan file (minutes are written beside it).
    plan_path: PathBuf,
    watcher: Watcher,
    /// When the message shown was said (it goes after `MESSAGE_TIME`).
    message_since: Option<Instant>,
    /// The terminal's size, as last told.
    size: (u16, u16),
    /// How long the detail pane waits for keys to stop before following the selection (zero:
    /// it follows at once). `copil PLAN` sets it; tests and the library default to zero.
    pub detail_delay: Duration,
    detail_due: Option<Instant>,
    /// Built on the first search (it is not needed to start); a large plan's on another thread.
    index: IndexCell,
    /// The plan file as last read (length, modification time, inode), to reload it when it
    /// changes on disk.
    plan_stamp: Option<PlanStamp>,
    /// The format the minutes were last written in (offered first by `M`).
    pub minutes_format: crate::minutes::MinutesFormat,
    /// The settings file the chosen minutes format is remembered in (none: this session only).
    pub config_path: Option<PathBuf>,
    /// The language the interface speaks.
    pub lang: Lang,
}

/// What `update` may know of the session (a macro: a method would borrow the whole `App`, and
/// `update` takes its `ui` mutably beside it).
macro_rules! env {
    ($app:expr) => {
        Env {
            by: &$app.by,
            now: Timestamp::now(),
            today: $app.today,
            read_only: $app.read_only.as_deref(),
            derived: &$app.derived,
            minutes_format: $app.minutes_format,
            lang: $app.lang,
        }
    };
}

/// What says a plan file changed on disk.
type PlanStamp = (u64, Option<std::time::SystemTime>, u64);

fn plan_stamp(path: &std::path::Path) -> Option<PlanStamp> {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(path).ok().map(|m| (m.len(), m.modified().ok(), m.ino()))
}

impl App {
    pub fn new(loaded: Loaded, keymap: Keymap, theme: Theme, today: Date, lang: Lang) -> App {
        let ui = UiState::new(&loaded.state.plan);
        let watcher = Watcher::new(&loaded);
        App {
            journal: loaded.journal_path.clone(),
            plan_path: loaded.plan_path.clone(),
            by: String::new(),
            read_only: None,
            state: loaded.state,
            derived: Derived::default(),
            ui,
            keymap,
            present_theme: theme.for_projection(),
            theme,
            today,
            watcher,
            message_since: None,
            size: (80, 24),
            detail_delay: Duration::ZERO,
            detail_due: None,
            index: IndexCell::Absent,
            plan_stamp: plan_stamp(&loaded.plan_path),
            minutes_format: Default::default(),
            config_path: None,
            lang,
        }
    }

    /// Starts in projection mode (`--present`, or `present: true` in the config file).
    pub fn set_present(&mut self, on: bool) {
        self.ui.present = on;
        self.resize(self.size.0, self.size.1);
    }

    /// The terminal's size changed: the tree shows a different number of rows.
    pub fn resize(&mut self, width: u16, height: u16) {
        self.size = (width, height);
        self.ui.viewport = view::tree_viewport(Rect::new(0, 0, width, height), self.ui.present).max(1);
        self.ui.clamp_offset();
    }

    fn mode(&self) -> Mode {
        self.ui.mode()
    }

    /// A key press, looked up in the keymap of the current mode; in a form, unbound keys type
    /// into the focused field. Returns whether to redraw.
    pub fn handle_key(&mut self, key: KeyEvent) -> bool {
        if key.kind != KeyEventKind::Press {
            return false;
        }
        let mode = self.mode();
        let Some(cmd) = self.keymap.lookup(mode, &key) else {
            if let Some(input) = self.ui.form.as_mut().and_then(|f| f.focused_input()) {
                return input.handle_event(&TermEvent::Key(key)).is_some();
            }
            if let Some(s) = self.ui.search.as_mut() {
                let changed = s.input.handle_event(&TermEvent::Key(key)).is_some();
                let effects = update::typed(&self.ui);
                self.run(effects);
                return changed;
            }
            return false;
        };
        let present = self.ui.present;
        let before = self.selected_key();
        let effects = update::update(&self.state, &mut self.ui, cmd, &env!(self));
        self.run(effects);
        self.follow_selection(mode, before);
        if self.ui.present != present {
            // Projection mode has no borders: the tree shows one more row.
            self.resize(self.size.0, self.size.1);
        }
        if self.ui.message.is_some() && self.message_since.is_none() {
            self.message_since = Some(Instant::now());
        }
        true
    }

    /// The key (`o:ID`, `a:ID`) of the tree's selected row.
    fn selected_key(&self) -> Option<NodeKey> {
        self.ui.selected_row().and_then(|r| node_key(&self.state.plan, &r.path))
    }

    /// With a detail delay, moving in the tree keeps the detail pane on what it showed until keys
    /// stop for that long: moving costs the two tree rows that change, and the detail is drawn
    /// once, for the row the user stops on. Any other key shows the selection's detail at once.
    fn follow_selection(&mut self, mode: Mode, before: Option<NodeKey>) {
        let moved = mode == Mode::Plan
            && self.ui.screen == Mode::Plan
            && self.ui.form.is_none()
            && self.ui.search.is_none()
            && self.selected_key() != before;
        if moved && !self.detail_delay.is_zero() {
            if self.ui.detail_frozen.is_none() {
                self.ui.detail_frozen = before;
            }
            self.detail_due = Some(Instant::now() + self.detail_delay);
        } else {
            self.settle();
        }
    }

    /// Shows the selection's detail now (the delay is over, or a test wants the final screen).
    /// Returns whether the screen changes.
    pub fn settle(&mut self) -> bool {
        self.detail_due = None;
        self.ui.detail_frozen.take().is_some()
    }

    /// Runs what `update` asked for, in order, each outcome going back through `update::after`;
    /// then the search results shown get their highlights.
    fn run(&mut self, effects: Vec<Effect>) {
        for effect in effects {
            match effect {
                Effect::Quit => self.ui.quit = true,
                Effect::Append(event) => self.save(*event),
                Effect::Undo => self.undo(),
                Effect::WriteMinutesAs(id, format) => self.write_minutes(&id, format),
                Effect::Search { text } => {
                    let found = match self.hits(&text) {
                        Some(hits) => Outcome::SearchResults { text, hits },
                        None => Outcome::Indexing,
                    };
                    self.feed(found);
                }
                Effect::Filter { text } => {
                    let found = match self.hits(&text) {
                        Some(hits) => Outcome::Filtered { text, ids: hits.into_iter().map(|h| h.action_id).collect() },
                        None => Outcome::Indexing,
                    };
                    self.feed(found);
                }
            }
        }
        self.highlight_shown();
    }

    /// Gives an outcome to `update::after`; a message it says is shown for `MESSAGE_TIME` from
    /// now. Returns whether a message was said.
    fn feed(&mut self, outcome: Outcome) -> bool {
        let l = self.lang;
        let said = after(l, &self.state, &mut self.ui, outcome);
        if said {
            self.message_since = Some(Instant::now());
        }
        said
    }

    /// The actions matching a search line, best first, on the live plan (`est:moi`: this
    /// session's user); `None` while the index is being built.
    fn hits(&mut self, text: &str) -> Option<Vec<crate::search::Hit>> {
        let plan = &self.state.plan;
        let me = (!self.by.is_empty()).then_some(self.by.as_str());
        let index = self.index.get(plan)?;
        Some(index.search_as(plan, &parse_query(text), self.today, me))
    }

    /// Whether the search index is still being built (on another thread).
    pub fn indexing(&self) -> bool {
        self.index.is_building()
    }

    /// The results around the selection get their highlights (a search highlights its first
    /// results only: see `search::HIGHLIGHTED`).
    fn highlight_shown(&mut self) {
        let (Some(index), Some(s)) = (self.index.ready(), &mut self.ui.search) else { return };
        let rows = self.ui.viewport.max(1);
        let hi = s.hits.len().min(s.selected.saturating_add(rows + 1));
        let lo = s.selected.saturating_sub(rows).min(hi);
        if s.hits[lo..hi].iter().any(|h| !h.highlighted) {
            index.highlight(&parse_query(s.text()), &mut s.hits[lo..hi]);
        }
    }

    /// Keeps only my actions in the tree (`est:moi`): `mine: true` in the settings.
    pub fn show_mine(&mut self) {
        let l = self.lang;
        let effects = update::show_mine(l, &mut self.ui);
        self.run(effects);
    }

    /// The plan state changed: the tree, its filter and an open search follow it.
    fn plan_changed(&mut self) {
        let effects = update::plan_changed(&self.state, &mut self.ui);
        self.run(effects);
    }

    /// Appends a line (lock, write, fsync); only then says it is saved (`update::after`
    /// decides what the interface shows). On failure the form stays open with its text and the
    /// reason, so the edit can be retried.
    fn save(&mut self, event: Event) {
        let l = self.lang;
        // The plan's rights, whatever the key: nothing is written that replay would ignore.
        let outcome = match self.state.may(&event) {
            Err(d) => Outcome::NotAppended(d.text(l)),
            Ok(()) => match append::append_chained(l, &self.journal, &event, LOCK_TIMEOUT) {
                Ok((_, written)) => {
                    let message_before = self.ui.message.clone();
                    self.apply_new_lines(Some(&written));
                    Outcome::Appended { change: Box::new(event.change), message_before }
                }
                Err(e) => Outcome::NotAppended(e.text(l)),
            },
        };
        self.feed(outcome);
    }

    /// Undoes this person's last change. Which line that is is decided under the journal's lock,
    /// from the journal as it is on disk (replayed afresh), never from the line numbers this
    /// session read earlier: a journal edited meanwhile cannot make it cancel someone else's line.
    fn undo(&mut self) {
        let l = self.lang;
        use crate::store::load::{LastLine, replay_lines};
        let base = self.state.base().clone();
        let (journal, by, now) = (self.journal.clone(), self.by.clone(), Timestamp::now());
        let decided = append::append_decided(l, &self.journal, LOCK_TIMEOUT, |locked| {
            let bytes = locked.bytes().map_err(|e| i18n::append_failed(l, &e))?;
            let mut fresh = PlanState::new(base);
            if let Some(d) = replay_lines(l, &journal, &bytes, 0, &mut fresh, LastLine::Settle).error {
                return Err(d.to_string());
            }
            let event = crate::plan::edit::undo_last(&fresh, &crate::plan::edit::Author::new(&by, now))
                .map_err(|e| e.text(l))?;
            fresh.may(&event).map_err(|d| d.text(l))?;
            Ok(event)
        });
        let outcome = match decided {
            Ok((_, event)) => {
                let message_before = self.ui.message.clone();
                self.apply_new_lines(Some(&event));
                Outcome::Appended { change: Box::new(event.change), message_before }
            }
            Err(e) => Outcome::NotAppended(e.text(l)),
        };
        self.feed(outcome);
    }

    /// Reads the plan file again when it changed on disk: a valid plan replaces the one shown
    /// (the journal replayed on it); an invalid one leaves the plan shown as it is. `update`
    /// decides what is shown and said. Returns whether the screen changes.
    pub fn reload_plan_if_changed(&mut self) -> bool {
        let l = self.lang;
        let stamp = plan_stamp(&self.plan_path);
        if stamp.is_none() || stamp == self.plan_stamp {
            return false;
        }
        self.plan_stamp = stamp;
        match crate::store::load::load(l, &self.plan_path) {
            Ok(loaded) => {
                let keep = self.selected_key();
                self.watcher = Watcher::new(&loaded);
                self.state = loaded.state;
                self.derived = Derived::default();
                self.index = IndexCell::Absent;
                if let Some(why) = loaded.journal_refused {
                    self.read_only = Some(why);
                }
                let said = self.feed(Outcome::PlanReloaded(Ok(keep)));
                self.plan_changed();
                said
            }
            Err(d) => self.feed(Outcome::PlanReloaded(Err(d.to_string()))),
        }
    }

    /// Writes a meeting's minutes beside the plan (`PLAN-MEETING.md`), whole or not at all; once
    /// written, a format other than the last one is remembered in the settings file.
    fn write_minutes(&mut self, id: &str, format: crate::minutes::MinutesFormat) {
        let l = self.lang;
        let written = match crate::minutes::render(l, &self.state, id, format) {
            None => Err(i18n::edit_error(l, &crate::plan::edit::EditError::UnknownMeeting(id.to_string()))),
            Some(bytes) => {
                let path = crate::minutes::default_path_as(&self.plan_path, id, format);
                match bytes.and_then(|b| crate::store::export::write_document(&path, &b, &self.plan_path)) {
                    Ok(()) => Ok(path.display().to_string()),
                    Err(e) => Err(crate::minutes::write_error(l, &path, &e)),
                }
            }
        };
        let failed = written.is_err();
        self.feed(Outcome::MinutesWritten(written));
        if failed || self.minutes_format == format {
            return;
        }
        self.minutes_format = format;
        if let Some(config) = &self.config_path {
            let saved = crate::config::remember_minutes_format(l, config, format);
            self.feed(Outcome::SettingsSaved(saved));
        }
    }

    /// A meeting left open (copil or the connection died): `update::on_start` offers to resume
    /// it to those who may run it.
    pub fn offer_resumption(&mut self) {
        update::on_start(&self.state, &mut self.ui, &env!(self));
    }

    /// Applies lines appended to the journal since the last look (by anyone, this session too),
    /// keeping the selection, the scroll and any half-typed form. Returns whether anything changed.
    pub fn refresh(&mut self) -> bool {
        self.apply_new_lines(None)
    }

    /// `own` is the line this session just wrote: every other new line, whoever wrote it (the same
    /// person may run copil in two terminals), is announced in the status bar.
    fn apply_new_lines(&mut self, own: Option<&Event>) -> bool {
        let l = self.lang;
        let polled = self.watcher.poll(l, &mut self.state);
        if !matches!(&polled, Ok(new) if new.is_empty()) {
            // The state changed (or may have): its lists are computed again when next asked for.
            self.derived = Derived::default();
        }
        match polled {
            Ok(new) if new.is_empty() => false,
            Ok(new) => {
                self.plan_changed();
                let reread = self.watcher.take_reloaded();
                self.feed(Outcome::JournalChanged { new, own: own.map(Event::to_line), reread });
                true
            }
            // Said once (`update` decides): the same trouble comes back at every tick.
            Err(d) => self.feed(Outcome::WatchFailed(d.message)),
        }
    }

    /// Called every tick: others' changes, and messages that have been shown long enough.
    pub fn tick(&mut self) -> bool {
        let mut dirty = self.reload_plan_if_changed();
        dirty |= self.refresh();
        if self.index.poll() {
            // The index built on another thread is ready: what waited for it is looked up.
            let effects = update::index_ready(&mut self.ui);
            dirty |= !effects.is_empty();
            self.run(effects);
        }
        if self.message_since.is_some_and(|t| t.elapsed() > MESSAGE_TIME) {
            self.ui.message = None;
            self.message_since = None;
            dirty = true;
        }
        dirty
    }

    pub fn draw(&self, frame: &mut Frame) {
        let ctx = Ctx {
            state: &self.state,
            ui: &self.ui,
            keymap: &self.keymap,
            theme: if self.ui.present { &self.present_theme } else { &self.theme },
            today: self.today,
            read_only: self.read_only.is_some(),
            by: &self.by,
            derived: &self.derived,
            lang: self.lang,
        };
        view::draw(frame, &ctx);
    }
}

/// Runs the interface until the user quits or a signal asks to stop; the terminal is restored
/// whatever happens.
pub fn run(app: &mut App) -> io::Result<()> {
    let (mut term, stop) = terminal::init()?;
    let result = event_loop(app, &mut term, &stop);
    terminal::restore();
    result
}

/// Runs the interface on a terminal already set up (by `terminal::init`), leaving it set up: the
/// SSH shell's chooser goes back to its list when the plan is quit.
pub fn run_on(app: &mut App, term: &mut terminal::Term, stop: &std::sync::atomic::AtomicBool) -> io::Result<()> {
    event_loop(app, term, stop)
}

fn event_loop(app: &mut App, term: &mut terminal::Term, stop: &std::sync::atomic::AtomicBool) -> io::Result<()> {
    let size = term.size()?;
    app.resize(size.width, size.height);
    let mut dirty = true;
    let mut last_tick = Instant::now();
    while !app.ui.quit && !stop.load(Ordering::Relaxed) {
        if dirty {
            terminal::draw_synchronized(term, |f| app.draw(f))?;
            dirty = false;
        }
        let mut wait = TICK.saturating_sub(last_tick.elapsed());
        if let Some(due) = app.detail_due {
            wait = wait.min(due.saturating_duration_since(Instant::now()));
        }
        if event::poll(wait)? {
            // Keys typed ahead (a held key, a paste, a slow link) are all handled before the next
            // frame: one frame for the lot, not one per key.
            for _ in 0..TYPE_AHEAD {
                match event::read()? {
                    TermEvent::Key(k) => dirty |= app.handle_key(k),
                    TermEvent::Resize(w, h) => {
                        app.resize(w, h);
                        term.autoresize()?;
                        dirty = true;
                    }
                    _ => {}
                }
                if app.ui.quit || !event::poll(Duration::ZERO)? {
                    break;
                }
            }
        }
        if app.detail_due.is_some_and(|d| d <= Instant::now()) {
            dirty |= app.settle();
        }
        if last_tick.elapsed() >= TICK {
            dirty |= app.tick();
            last_tick = Instant::now();
        }
    }
    Ok(())
}
