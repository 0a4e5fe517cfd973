//! Colours and symbols. Only the 16 ANSI colours are used, so every terminal shows them; status is
//! always a symbol as well as a colour (readable colour-blind and in monochrome).

use ratatui::style::{Color, Modifier, Style};

use crate::plan::model::Status;

pub use crate::config::ThemeName;

#[derive(Clone, Debug)]
pub struct Theme {
    pub name: ThemeName,
    /// The whole screen's style (its background, for the themes that set one).
    pub base: Style,
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
            name: ThemeName::Default,
            base: Style::new(),
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
            name: ThemeName::Monochrome,
            base: Style::new(),
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

    /// For a light terminal background: dark inks, no yellow text on white.
    pub fn light() -> Theme {
        Theme {
            name: ThemeName::Light,
            base: Style::new(),
            header: Style::new().fg(Color::White).bg(Color::Blue).add_modifier(Modifier::BOLD),
            status_bar: Style::new().fg(Color::Black).bg(Color::Gray),
            key: Style::new().fg(Color::White).bg(Color::Blue).add_modifier(Modifier::BOLD),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            border: Style::new().fg(Color::Gray),
            border_focus: Style::new().fg(Color::Blue),
            title: Style::new().add_modifier(Modifier::BOLD),
            heading: Style::new().fg(Color::Blue).add_modifier(Modifier::BOLD),
            label: Style::new().fg(Color::Blue),
            muted: Style::new().fg(Color::DarkGray),
            late: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
            warning: Style::new().fg(Color::Magenta).add_modifier(Modifier::BOLD),
            good: Style::new().fg(Color::Green),
            matched: Style::new().fg(Color::Magenta).add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            status: [
                Style::new().fg(Color::Red),
                Style::new().fg(Color::Magenta),
                Style::new().fg(Color::Green),
                Style::new().fg(Color::DarkGray),
            ],
        }
    }

    /// For the projector: its own black background whatever the terminal's, white and bright
    /// colours, everything that matters in bold.
    pub fn high_contrast() -> Theme {
        let bold = Modifier::BOLD;
        let on_black = |c: Color| Style::new().fg(c).bg(Color::Black);
        Theme {
            name: ThemeName::HighContrast,
            base: on_black(Color::White),
            header: Style::new().fg(Color::Black).bg(Color::White).add_modifier(bold),
            status_bar: on_black(Color::White),
            key: Style::new().fg(Color::Black).bg(Color::LightYellow).add_modifier(bold),
            selected: Style::new().fg(Color::Black).bg(Color::LightCyan).add_modifier(bold),
            border: on_black(Color::Gray),
            border_focus: on_black(Color::White).add_modifier(bold),
            title: on_black(Color::White).add_modifier(bold),
            heading: on_black(Color::LightCyan).add_modifier(bold | Modifier::UNDERLINED),
            label: on_black(Color::LightCyan).add_modifier(bold),
            muted: on_black(Color::Gray),
            late: on_black(Color::LightRed).add_modifier(bold),
            warning: on_black(Color::LightYellow).add_modifier(bold),
            good: on_black(Color::LightGreen).add_modifier(bold),
            matched: on_black(Color::LightYellow).add_modifier(bold | Modifier::UNDERLINED),
            status: [
                on_black(Color::LightRed).add_modifier(bold),
                on_black(Color::LightYellow).add_modifier(bold),
                on_black(Color::LightGreen).add_modifier(bold),
                on_black(Color::Gray).add_modifier(bold),
            ],
        }
    }

    pub fn named(name: ThemeName) -> Theme {
        match name {
            ThemeName::Default => Theme::default16(),
            ThemeName::Light => Theme::light(),
            ThemeName::HighContrast => Theme::high_contrast(),
            ThemeName::Monochrome => Theme::monochrome(),
        }
    }

    /// The theme to use: the one chosen (option, else config file), else monochrome when
    /// NO_COLOR is set (any non-empty value), else the default.
    pub fn choose(chosen: Option<ThemeName>) -> Theme {
        if let Some(name) = chosen {
            return Theme::named(name);
        }
        match std::env::var_os("NO_COLOR") {
            Some(v) if !v.is_empty() => Theme::monochrome(),
            _ => Theme::default16(),
        }
    }

    /// The theme of projection mode: high contrast, unless the user asked for no colour at all.
    pub fn for_projection(&self) -> Theme {
        match self.name {
            ThemeName::Monochrome => self.clone(),
            _ => Theme::high_contrast(),
        }
    }

    pub fn status(&self, s: Status) -> Style {
        self.status[s.index()]
    }
}

pub use crate::plan::status::status_symbol;

/// The late marker shown after a late action's title.
pub const LATE_MARK: &str = "!";
