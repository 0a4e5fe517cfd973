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
const MAIN: [(Command, i18n::T); 6] = [
    (Command::Down, i18n::KEY_MOVE),
    (Command::Toggle, i18n::KEY_OPEN),
    (Command::EditStatus, i18n::KEY_EDIT),
    (Command::Search, i18n::KEY_SEARCH),
    (Command::Help, i18n::KEY_HELP),
    (Command::Quit, i18n::KEY_QUIT),
];

/// The same while the search line is open.
const SEARCH: [(Command, i18n::T); 6] = [
    (Command::Down, i18n::KEY_MOVE),
    (Command::Submit, i18n::SEARCH_KEYS_GO),
    (Command::Cancel, i18n::SEARCH_KEYS_BACK),
    (Command::CycleStatus, i18n::SEARCH_KEYS_STATUS),
    (Command::ToggleLate, i18n::SEARCH_KEYS_LATE),
    (Command::ToggleBehind, i18n::SEARCH_KEYS_BEHIND),
];

pub fn draw(frame: &mut Frame, area: Rect, ctx: &Ctx) {
    let t = ctx.theme;
    let mut spans = Vec::new();
    let (mode, mut advertised) = if ctx.ui.search.is_some() { (Mode::Search, SEARCH) } else { (Mode::Normal, MAIN) };
    if ctx.ui.search.is_none() && ctx.ui.filter.is_some() {
        // A filtered tree is unfolded: the fold key gives its place to the one that clears.
        advertised[1] = (Command::ClearFilter, i18n::KEY_CLEAR_FILTER);
    }
    for (cmd, label) in advertised {
        // The first key bound to the command, as the user's keymap says.
        let Some(key) = ctx.keymap.keys_for(mode, cmd).first().copied() else {
            continue;
        };
        let key = if cmd == Command::Down {
            let up = ctx.keymap.keys_for(mode, Command::Up).first().map(ToString::to_string).unwrap_or_default();
            format!("{up}{key}")
        } else {
            key.to_string()
        };
        spans.push(Span::styled(format!(" {key} "), t.key));
        spans.push(Span::raw(format!(" {} ", label.get())));
    }
    let warnings = ctx.state.all_warnings();
    // A message (a save, someone else's change, a refusal) matters more than the key reminders:
    // these give it room, the first ones first, down to the help key.
    if let Some(m) = &ctx.ui.message {
        let want = format!(" {}", sanitize(&m.text)).width() + 1;
        while spans.len() > 2 && spans.iter().map(|s| s.content.width()).sum::<usize>() + want > area.width as usize {
            spans.drain(..2);
        }
    }
    let used: usize = spans.iter().map(|s| s.content.width()).sum();
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
