//! Colours and symbols. Only the 16 ANSI colours are used, so every terminal shows them; status is
//! always a symbol as well as a colour (readable colour-blind and in monochrome).

use ratatui::style::{Color, Modifier, Style};

use crate::plan::model::Status;

#[derive(Clone, Debug)]
pub struct Theme {
    pub header: Style,
    pub status_bar: Style,
    pub key: Style,
    pub selected: Style,
    pub border: Style,
    pub border_focus: Style,
    pub title: Style,
    pub heading: Style,
    pub label: Style,
    pub muted: Style,
    pub late: Style,
    pub warning: Style,
    pub good: Style,
    /// Characters a search matched.
    pub matched: Style,
    pub status: [Style; 4],
}

impl Theme {
    /// The default theme, on the 16 ANSI colours.
    pub fn default16() -> Theme {
        Theme {
            header: Style::new().fg(Color::White).bg(Color::Blue).add_modifier(Modifier::BOLD),
            status_bar: Style::new().fg(Color::White).bg(Color::DarkGray),
            key: Style::new().fg(Color::Yellow).bg(Color::DarkGray).add_modifier(Modifier::BOLD),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            border: Style::new().fg(Color::DarkGray),
            border_focus: Style::new().fg(Color::Cyan),
            title: Style::new().add_modifier(Modifier::BOLD),
            heading: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            label: Style::new().fg(Color::Cyan),
            muted: Style::new().fg(Color::DarkGray),
            late: Style::new().fg(Color::LightRed).add_modifier(Modifier::BOLD),
            warning: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            good: Style::new().fg(Color::Green),
            matched: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            status: [
                Style::new().fg(Color::Red),
                Style::new().fg(Color::Yellow),
                Style::new().fg(Color::Green),
                Style::new().fg(Color::DarkGray),
            ],
        }
    }

    /// No colour at all (NO_COLOR): emphasis by bold, underline and reverse only.
    pub fn monochrome() -> Theme {
        let plain = Style::new();
        let bold = Style::new().add_modifier(Modifier::BOLD);
        Theme {
            header: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            status_bar: Style::new().add_modifier(Modifier::REVERSED),
            key: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            border: plain,
            border_focus: bold,
            title: bold,
            heading: Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            label: bold,
            muted: plain,
            late: bold,
            warning: bold,
            good: plain,
            matched: Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            status: [plain, plain, bold, plain],
        }
    }

    /// NO_COLOR (any non-empty value) chooses monochrome.
    pub fn from_env() -> Theme {
        match std::env::var_os("NO_COLOR") {
            Some(v) if !v.is_empty() => Theme::monochrome(),
            _ => Theme::default16(),
        }
    }

    pub fn status(&self, s: Status) -> Style {
        self.status[s.index()]
    }
}

pub use crate::plan::model::status_symbol;

/// The late marker shown after a late action's title.
pub const LATE_MARK: &str = "!";
