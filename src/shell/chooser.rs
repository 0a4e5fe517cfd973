//! The SSH shell's first screen when PATH is a folder: its plans, one per row (file, title,
//! territory), to open one with the tree's keys. Quitting the plan comes back here.

use crate::lang::Localized;
use std::path::PathBuf;
use std::sync::atomic::Ordering;
use std::time::Duration;

use crossterm::event::{self, Event as TermEvent, KeyEvent, KeyEventKind};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::confine::Scope;
use crate::cli::{self, Global};
use crate::exit;
use crate::i18n::Lang;
use crate::sanitize::sanitize;
use crate::tui::command::Command;
use crate::tui::keymap::{Keymap, Mode};
use crate::tui::view::theme::Theme;
use crate::tui::{app, terminal};

/// One plan of the folder.
#[derive(Clone, Debug)]
pub struct Entry {
    /// Relative to PATH.
    pub file: PathBuf,
    /// The plan's title and territory, or why it does not load.
    pub title: String,
    /// The person's access to it: `None` when they may edit, else why not.
    pub reading_only: Option<String>,
}

/// What the chooser's keys ask for.
#[derive(Debug, PartialEq)]
pub enum Choice {
    Open(PathBuf),
    Quit,
}

pub struct Chooser {
    pub entries: Vec<Entry>,
    pub selected: usize,
    /// Why the last plan chosen did not open (its diagnostic).
    pub message: Option<String>,
    user: String,
    keymap: Keymap,
}

impl Chooser {
    /// Lists PATH's plans, loading each for its title (a plan that does not load is listed with
    /// the reason, and opening it shows the whole diagnostic).
    pub fn new(l: Lang, scope: &Scope, user: &str, keymap: Keymap) -> Chooser {
        let entries = scope
            .plans()
            .into_iter()
            .map(|file| match crate::store::load::load(l, &scope.root().join(&file)) {
                Ok(loaded) => {
                    let plan = &loaded.state.plan;
                    let title = format!("{} — {}", plan.display_title(), plan.territory);
                    Entry { file, title, reading_only: super::writer(l, plan, user).1 }
                }
                Err(d) => {
                    let title =
                        tr!(l, format!("ne s'ouvre pas : {}", d.message), format!("does not open: {}", d.message));
                    Entry { file, title, reading_only: None }
                }
            })
            .collect();
        Chooser { entries, selected: 0, message: None, user: user.to_string(), keymap }
    }

    /// A key, looked up in the tree's keymap: moves, opens (expand / toggle), quits.
    pub fn handle_key(&mut self, key: KeyEvent) -> Option<Choice> {
        if key.kind != KeyEventKind::Press {
            return None;
        }
        let last = self.entries.len().saturating_sub(1);
        match self.keymap.lookup(Mode::Plan, &key)? {
            Command::Up => self.selected = self.selected.saturating_sub(1),
            Command::Down => self.selected = (self.selected + 1).min(last),
            Command::PageUp | Command::Top => self.selected = 0,
            Command::PageDown | Command::Bottom => self.selected = last,
            Command::Toggle | Command::Expand => {
                return self.entries.get(self.selected).map(|e| Choice::Open(e.file.clone()));
            }
            Command::Quit => return Some(Choice::Quit),
            _ => {}
        }
        None
    }

    pub fn draw(&self, l: Lang, frame: &mut Frame, theme: &Theme) {
        let area = frame.area();
        frame.render_widget(Block::new().style(theme.base), area);
        let [header, body, message, footer] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Min(3),
            Constraint::Length(if self.message.is_some() { 6 } else { 0 }),
            Constraint::Length(1),
        ])
        .areas(area);
        let who = tr!(
            l,
            format!(" copil — connecté en tant que {}", self.user),
            format!(" copil — logged in as {}", self.user)
        );
        frame.render_widget(Paragraph::new(sanitize(&who).into_owned()).style(theme.header), header);
        let block = Block::new()
            .borders(Borders::ALL)
            .border_style(theme.border_focus)
            .title(Span::styled(tr!(l, " Plans ", " Plans "), theme.title));
        let width = usize::from(body.width.saturating_sub(4));
        let mut lines: Vec<Line> = Vec::new();
        if self.entries.is_empty() {
            lines.push(Line::styled(
                tr!(l, "aucun plan (NOM.ron) dans ce dossier", "no plan (NAME.ron) in this folder"),
                theme.muted,
            ));
        }
        let file_width = self.entries.iter().map(|e| e.file.to_string_lossy().chars().count()).max().unwrap_or(0);
        // Keep the selected row in view.
        let rows = usize::from(body.height.saturating_sub(2)).max(1);
        let first = self.selected.saturating_sub(rows - 1);
        for (i, e) in self.entries.iter().enumerate().skip(first).take(rows) {
            let file = sanitize(&e.file.to_string_lossy()).into_owned();
            let mut text = format!("{file:<file_width$}  {}", sanitize(&e.title));
            if e.reading_only.is_some() {
                text.push_str(tr!(l, "  (consultation)", "  (reading only)"));
            }
            let text = crate::tui::view::truncate(&text, width);
            let style = if i == self.selected { theme.selected } else { theme.base };
            let marker = if i == self.selected { "▶ " } else { "  " };
            lines.push(Line::styled(format!("{marker}{text}"), style));
        }
        frame.render_widget(Paragraph::new(lines).block(block), body);
        if let Some(m) = &self.message {
            let text = crate::sanitize::sanitize_multiline(m).into_owned();
            frame.render_widget(Paragraph::new(text).style(theme.warning).wrap(Wrap { trim: false }), message);
        }
        let key = |cmd| self.keymap.keys_for(Mode::Plan, cmd).first().map(|k| k.text(l)).unwrap_or_default();
        let help = tr!(
            l,
            format!(
                " {} ouvrir · {} {} choisir · {} quitter",
                key(Command::Toggle),
                key(Command::Up),
                key(Command::Down),
                key(Command::Quit)
            ),
            format!(
                " {} open · {} {} choose · {} quit",
                key(Command::Toggle),
                key(Command::Up),
                key(Command::Down),
                key(Command::Quit)
            )
        );
        frame.render_widget(Paragraph::new(help).style(theme.status_bar), footer);
    }
}

/// The chooser's loop on the terminal; a chosen plan runs on the same terminal and quitting it
/// comes back to the list (reloaded: titles and access may have changed).
pub fn run(l: Lang, scope: &Scope, global: &Global) -> std::io::Result<i32> {
    let user = global.user.clone().unwrap_or_default();
    let keymap = match Keymap::load(l, global.keymap.as_deref()) {
        Ok(k) => k,
        Err(e) => {
            eprintln!("{e}");
            return Ok(exit::INVALID);
        }
    };
    let config = match crate::config::Config::load(l, global.config.as_deref()) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{e}");
            return Ok(exit::INVALID);
        }
    };
    let theme = Theme::choose(global.theme.or(config.theme_name().ok().flatten()));
    let mut chooser = Chooser::new(l, scope, &user, keymap.clone());
    let (mut term, stop) = terminal::init()?;
    let result = (|| -> std::io::Result<()> {
        let mut dirty = true;
        while !stop.load(Ordering::Relaxed) {
            if dirty {
                terminal::draw_synchronized(&mut term, |f| chooser.draw(l, f, &theme))?;
                dirty = false;
            }
            if !event::poll(Duration::from_millis(200))? {
                continue;
            }
            dirty = true;
            let key = match event::read()? {
                TermEvent::Key(k) => k,
                TermEvent::Resize(..) => {
                    term.autoresize()?;
                    continue;
                }
                _ => continue,
            };
            match chooser.handle_key(key) {
                Some(Choice::Quit) => break,
                Some(Choice::Open(file)) => {
                    let mut why = Vec::new();
                    match cli::prepare(l, &file, global, &mut why)? {
                        Ok(mut app) => {
                            app::run_on(&mut app, &mut term, &stop)?;
                            term.clear()?;
                            let selected = chooser.selected;
                            chooser = Chooser::new(l, scope, &user, keymap.clone());
                            chooser.selected = selected.min(chooser.entries.len().saturating_sub(1));
                        }
                        Err(_) => chooser.message = Some(String::from_utf8_lossy(&why).into_owned()),
                    }
                }
                None => {}
            }
        }
        Ok(())
    })();
    terminal::restore();
    result.map(|()| 0)
}
