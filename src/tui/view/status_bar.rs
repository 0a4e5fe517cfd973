//! The status bar: the main keys (from the keymap), and the load's warnings.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::{Ctx, truncate};
use crate::i18n;
use crate::sanitize::sanitize;
use crate::tui::command::Command;
use crate::tui::keymap::Mode;

/// The commands the status bar advertises, with their short labels.
const MAIN: [(Command, i18n::T); 5] = [
    (Command::Down, i18n::KEY_MOVE),
    (Command::Toggle, i18n::KEY_OPEN),
    (Command::EditStatus, i18n::KEY_EDIT),
    (Command::Help, i18n::KEY_HELP),
    (Command::Quit, i18n::KEY_QUIT),
];

pub fn draw(frame: &mut Frame, area: Rect, ctx: &Ctx) {
    let t = ctx.theme;
    let mut spans = Vec::new();
    for (cmd, label) in MAIN {
        // The first key bound to the command, as the user's keymap says.
        let Some(key) = ctx.keymap.keys_for(Mode::Normal, cmd).first().copied() else {
            continue;
        };
        let key = if cmd == Command::Down {
            let up =
                ctx.keymap.keys_for(Mode::Normal, Command::Up).first().map(ToString::to_string).unwrap_or_default();
            format!("{up}{key}")
        } else {
            key.to_string()
        };
        spans.push(Span::styled(format!(" {key} "), t.key));
        spans.push(Span::raw(format!(" {} ", label.get())));
    }
    let used: usize = spans.iter().map(|s| s.content.width()).sum();
    let warnings = ctx.state.all_warnings();
    if let Some(m) = &ctx.ui.message {
        let room = (area.width as usize).saturating_sub(used + 1);
        let text = truncate(&format!(" {}", sanitize(&m.text)), room);
        let pad = room.saturating_sub(text.width());
        spans.push(Span::raw(" ".repeat(pad)));
        spans.push(Span::styled(text, if m.is_error { t.warning } else { t.status_bar }));
    } else if let Some(first) = warnings.first() {
        let room = (area.width as usize).saturating_sub(used + 1);
        let text = format!(
            " ⚠ {} : {}{}",
            i18n::journal_line(first.line),
            sanitize(&i18n::warning(&first.kind)),
            if warnings.len() > 1 { format!(" (+{})", warnings.len() - 1) } else { String::new() }
        );
        let text = truncate(&text, room);
        let pad = room.saturating_sub(text.width());
        spans.push(Span::raw(" ".repeat(pad)));
        spans.push(Span::styled(text, t.warning));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)).style(t.status_bar), area);
}
