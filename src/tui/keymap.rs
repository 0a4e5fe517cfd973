//! Keymaps in RON, one table per mode. The built-in `keymaps/default.ron` is overridden entry by
//! entry by a user file (`--keymap FILE`, else `keymap.ron` in the user's config directory).

use std::collections::BTreeMap;

use indexmap::IndexMap;
use std::fmt;
use std::path::{Path, PathBuf};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde::Deserialize;

use super::command::Command;
use crate::i18n::{self, Lang};

pub const DEFAULT: &str = include_str!("../../keymaps/default.ron");

pub use super::mode::Mode;

/// A key with its modifiers, normalised so that `G` and `shift-g` are the same binding.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Key {
    pub code: KeyCodeOrd,
    pub ctrl: bool,
    pub alt: bool,
    pub shift: bool,
}

/// `KeyCode` restricted to what keymaps name, with an order (for stable help listings).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum KeyCodeOrd {
    Char(char),
    F(u8),
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Home,
    End,
    Enter,
    Tab,
    BackTab,
    Esc,
    Backspace,
    Delete,
    Insert,
}

const NAMES: [(&str, KeyCodeOrd); 16] = [
    ("up", KeyCodeOrd::Up),
    ("down", KeyCodeOrd::Down),
    ("left", KeyCodeOrd::Left),
    ("right", KeyCodeOrd::Right),
    ("pageup", KeyCodeOrd::PageUp),
    ("pagedown", KeyCodeOrd::PageDown),
    ("home", KeyCodeOrd::Home),
    ("end", KeyCodeOrd::End),
    ("enter", KeyCodeOrd::Enter),
    ("tab", KeyCodeOrd::Tab),
    ("backtab", KeyCodeOrd::BackTab),
    ("esc", KeyCodeOrd::Esc),
    ("backspace", KeyCodeOrd::Backspace),
    ("delete", KeyCodeOrd::Delete),
    ("insert", KeyCodeOrd::Insert),
    ("space", KeyCodeOrd::Char(' ')),
];

impl Key {
    /// Parses `"q"`, `"G"`, `"ctrl-c"`, `"shift-tab"`, `"pagedown"`, `"f1"`, `"space"`…
    pub fn parse(s: &str) -> Option<Key> {
        let mut key = Key { code: KeyCodeOrd::Esc, ctrl: false, alt: false, shift: false };
        let mut rest = s;
        loop {
            let lower = rest.to_ascii_lowercase();
            if lower.starts_with("ctrl-") && rest.len() > 5 {
                key.ctrl = true;
            } else if lower.starts_with("alt-") && rest.len() > 4 {
                key.alt = true;
            } else if lower.starts_with("shift-") && rest.len() > 6 {
                key.shift = true;
            } else {
                break;
            }
            rest = &rest[rest.find('-').map(|i| i + 1).unwrap_or(0)..];
        }
        let mut chars = rest.chars();
        key.code = match (chars.next(), chars.next()) {
            (Some(c), None) => KeyCodeOrd::Char(c),
            _ => {
                let lower = rest.to_ascii_lowercase();
                if let Some((_, code)) = NAMES.iter().find(|(n, _)| *n == lower) {
                    *code
                } else if let Some(n) = lower.strip_prefix('f').and_then(|n| n.parse::<u8>().ok()) {
                    KeyCodeOrd::F(n)
                } else {
                    return None;
                }
            }
        };
        Some(key.normalised())
    }

    /// A character key carries its case, not a shift flag; shift-tab is back-tab.
    fn normalised(mut self) -> Key {
        match self.code {
            KeyCodeOrd::Char(c) if self.shift => {
                self.code = KeyCodeOrd::Char(c.to_uppercase().next().unwrap_or(c));
                self.shift = false;
            }
            KeyCodeOrd::Char(_) => {}
            KeyCodeOrd::Tab if self.shift => {
                self.code = KeyCodeOrd::BackTab;
                self.shift = false;
            }
            KeyCodeOrd::BackTab => self.shift = false,
            _ => {}
        }
        self
    }

    pub fn from_event(e: &KeyEvent) -> Option<Key> {
        let code = match e.code {
            KeyCode::Char(c) => KeyCodeOrd::Char(c),
            KeyCode::F(n) => KeyCodeOrd::F(n),
            KeyCode::Up => KeyCodeOrd::Up,
            KeyCode::Down => KeyCodeOrd::Down,
            KeyCode::Left => KeyCodeOrd::Left,
            KeyCode::Right => KeyCodeOrd::Right,
            KeyCode::PageUp => KeyCodeOrd::PageUp,
            KeyCode::PageDown => KeyCodeOrd::PageDown,
            KeyCode::Home => KeyCodeOrd::Home,
            KeyCode::End => KeyCodeOrd::End,
            KeyCode::Enter => KeyCodeOrd::Enter,
            KeyCode::Tab => KeyCodeOrd::Tab,
            KeyCode::BackTab => KeyCodeOrd::BackTab,
            KeyCode::Esc => KeyCodeOrd::Esc,
            KeyCode::Backspace => KeyCodeOrd::Backspace,
            KeyCode::Delete => KeyCodeOrd::Delete,
            KeyCode::Insert => KeyCodeOrd::Insert,
            _ => return None,
        };
        Some(
            Key {
                code,
                ctrl: e.modifiers.contains(KeyModifiers::CONTROL),
                alt: e.modifiers.contains(KeyModifiers::ALT),
                shift: e.modifiers.contains(KeyModifiers::SHIFT),
            }
            .normalised(),
        )
    }
}

impl crate::lang::Localized for Key {
    /// How the help screen and the status bar show a key.
    fn fmt_in(&self, l: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("Ctrl-")?;
        }
        if self.alt {
            f.write_str("Alt-")?;
        }
        if self.shift {
            f.write_str(i18n::KEY_SHIFT.get(l))?;
        }
        let name = match self.code {
            KeyCodeOrd::Char(' ') => i18n::KEY_SPACE.get(l).to_string(),
            KeyCodeOrd::Char(c) => c.to_string(),
            KeyCodeOrd::F(n) => format!("F{n}"),
            KeyCodeOrd::Up => "↑".into(),
            KeyCodeOrd::Down => "↓".into(),
            KeyCodeOrd::Left => "←".into(),
            KeyCodeOrd::Right => "→".into(),
            KeyCodeOrd::PageUp => i18n::KEY_PAGE_UP.get(l).into(),
            KeyCodeOrd::PageDown => i18n::KEY_PAGE_DOWN.get(l).into(),
            KeyCodeOrd::Home => i18n::KEY_HOME.get(l).into(),
            KeyCodeOrd::End => i18n::KEY_END.get(l).into(),
            KeyCodeOrd::Enter => i18n::KEY_ENTER.get(l).into(),
            KeyCodeOrd::Tab => "Tab".into(),
            KeyCodeOrd::BackTab => format!("{}Tab", i18n::KEY_SHIFT.get(l)),
            KeyCodeOrd::Esc => i18n::KEY_ESC.get(l).into(),
            KeyCodeOrd::Backspace => "⌫".into(),
            KeyCodeOrd::Delete => i18n::KEY_DELETE.get(l).into(),
            KeyCodeOrd::Insert => i18n::KEY_INSERT.get(l).into(),
        };
        f.write_str(&name)
    }
}

/// A keymap file as written: key names to commands, per mode. Every mode may be left out.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeymapFile {
    #[serde(default)]
    pub normal: IndexMap<String, Command>,
    #[serde(default)]
    pub help: IndexMap<String, Command>,
    #[serde(default)]
    pub form: IndexMap<String, Command>,
    #[serde(default)]
    pub search: IndexMap<String, Command>,
    #[serde(default)]
    pub dashboard: IndexMap<String, Command>,
    #[serde(default)]
    pub chart: IndexMap<String, Command>,
    #[serde(default)]
    pub meeting: IndexMap<String, Command>,
    #[serde(default)]
    pub attendance: IndexMap<String, Command>,
    #[serde(default)]
    pub follow_up: IndexMap<String, Command>,
    #[serde(default)]
    pub meetings: IndexMap<String, Command>,
    #[serde(default)]
    pub minutes: IndexMap<String, Command>,
}

#[derive(Clone, Debug, Default)]
pub struct Keymap {
    /// Per mode, the bindings in the order the files wrote them (the first key of a command is
    /// the one the status bar shows).
    modes: BTreeMap<Mode, IndexMap<Key, Command>>,
}

/// A keymap that could not be read: the file, and what is wrong.
#[derive(Debug)]
pub struct KeymapError(pub String);

impl fmt::Display for KeymapError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for KeymapError {}

impl Keymap {
    /// The built-in keys.
    pub fn builtin() -> Keymap {
        let mut k = Keymap::default();
        // The built-in file is valid (a test says so): the language of an error is moot.
        k.merge_str(Lang::default(), "keymaps/default.ron", DEFAULT).expect("the built-in keymap is valid");
        k
    }

    /// The built-in keys, then the user's file (`path`, else the config directory's), entry by entry.
    pub fn load(l: Lang, path: Option<&Path>) -> Result<Keymap, KeymapError> {
        let mut k = Keymap::builtin();
        let user = path.map(Path::to_path_buf).or_else(user_keymap_path).filter(|p| path.is_some() || p.exists());
        if let Some(p) = user {
            let text = std::fs::read_to_string(&p)
                .map_err(|e| KeymapError(i18n::io_error(l, &p.display().to_string(), &e)))?;
            k.merge_str(l, &p.display().to_string(), &text)?;
        }
        Ok(k)
    }

    /// Adds or replaces the bindings of a keymap file's text.
    pub fn merge_str(&mut self, l: Lang, name: &str, text: &str) -> Result<(), KeymapError> {
        let file: KeymapFile =
            crate::ron_format::options().from_str(text).map_err(|e| KeymapError(i18n::settings_error(l, name, &e)))?;
        for (mode, table) in [
            (Mode::Plan, file.normal),
            (Mode::Help, file.help),
            (Mode::Form, file.form),
            (Mode::Search, file.search),
            (Mode::Dashboard, file.dashboard),
            (Mode::Chart, file.chart),
            (Mode::Meeting, file.meeting),
            (Mode::Attendance, file.attendance),
            (Mode::FollowUp, file.follow_up),
            (Mode::Meetings, file.meetings),
            (Mode::Minutes, file.minutes),
        ] {
            let target = self.modes.entry(mode).or_default();
            for (name_of_key, cmd) in table {
                let key = Key::parse(&name_of_key).ok_or_else(|| KeymapError(i18n::bad_key(l, name, &name_of_key)))?;
                target.insert(key, cmd);
            }
        }
        Ok(())
    }

    pub fn lookup(&self, mode: Mode, event: &KeyEvent) -> Option<Command> {
        let key = Key::from_event(event)?;
        self.modes.get(&mode)?.get(&key).copied().filter(|c| *c != Command::Nothing)
    }

    /// The keys bound to a command in a mode, in a stable order.
    pub fn keys_for(&self, mode: Mode, cmd: Command) -> Vec<Key> {
        self.modes
            .get(&mode)
            .map(|t| t.iter().filter(|(_, c)| **c == cmd).map(|(k, _)| *k).collect())
            .unwrap_or_default()
    }

    /// Every command bound in a mode with its keys, in the order of [`Command::all`].
    pub fn bindings(&self, mode: Mode) -> Vec<(Command, Vec<Key>)> {
        Command::all()
            .filter(|c| *c != Command::Nothing)
            .map(|c| (c, self.keys_for(mode, c)))
            .filter(|(_, keys)| !keys.is_empty())
            .collect()
    }
}

pub fn user_keymap_path() -> Option<PathBuf> {
    dirs::config_dir().map(|d| d.join("copil").join("keymap.ron"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(code: KeyCode, m: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, m)
    }

    #[test]
    fn key_names_parse_and_normalise() {
        assert_eq!(Key::parse("G"), Key::parse("shift-g"));
        assert_eq!(Key::parse("shift-tab"), Key::parse("backtab"));
        assert!(Key::parse("ctrl-c").unwrap().ctrl);
        assert_eq!(Key::parse("f5").unwrap().code, KeyCodeOrd::F(5));
        assert_eq!(Key::parse("-").unwrap().code, KeyCodeOrd::Char('-'));
        assert_eq!(Key::parse("nonsense"), None);
    }

    #[test]
    fn events_match_bindings() {
        let k = Keymap::builtin();
        assert_eq!(k.lookup(Mode::Plan, &ev(KeyCode::Char('j'), KeyModifiers::NONE)), Some(Command::Down));
        assert_eq!(k.lookup(Mode::Plan, &ev(KeyCode::Char('G'), KeyModifiers::SHIFT)), Some(Command::Bottom));
        assert_eq!(k.lookup(Mode::Plan, &ev(KeyCode::Char('c'), KeyModifiers::CONTROL)), Some(Command::Quit));
        assert_eq!(k.lookup(Mode::Plan, &ev(KeyCode::Char('w'), KeyModifiers::NONE)), None);
    }

    #[test]
    fn a_user_file_overrides_entry_by_entry() {
        let l = Lang::Fr;
        let mut k = Keymap::builtin();
        k.merge_str(l, "user.ron", r#"(normal: {"x": Quit, "q": Nothing})"#).unwrap();
        assert_eq!(k.lookup(Mode::Plan, &ev(KeyCode::Char('x'), KeyModifiers::NONE)), Some(Command::Quit));
        assert_eq!(k.lookup(Mode::Plan, &ev(KeyCode::Char('q'), KeyModifiers::NONE)), None);
        // Untouched entries keep their built-in meaning.
        assert_eq!(k.lookup(Mode::Plan, &ev(KeyCode::Down, KeyModifiers::NONE)), Some(Command::Down));
    }

    #[test]
    fn a_bad_user_file_says_where() {
        let l = Lang::Fr;
        let mut k = Keymap::builtin();
        let e = k.merge_str(l, "user.ron", "(normal: {\"x\": Quitter})").unwrap_err();
        assert!(e.0.contains("user.ron:1:"), "{e}");
        assert!(k.merge_str(l, "user.ron", "(normal: {\"hyper-x\": Quit})").is_err());
    }
}
