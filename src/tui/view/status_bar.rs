//! The status bar: the main keys (from the keymap), and the load's warnings.

use crate::lang::Localized;
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

/// The commands the status bar advertises, with their short labels. Those after the help key
/// (`OPTIONAL`) are shown only when there is room for them.
const MAIN: [(Command, i18n::T); 9] = [
    (Command::Down, i18n::KEY_MOVE),
    (Command::Toggle, i18n::KEY_OPEN),
    (Command::EditStatus, i18n::KEY_EDIT),
    (Command::Search, i18n::KEY_SEARCH),
    (Command::Help, i18n::KEY_HELP),
    (Command::Quit, i18n::KEY_QUIT),
    (Command::Meeting, i18n::KEY_MEETING),
    (Command::Dashboard, i18n::KEY_DASHBOARD),
    (Command::Chart, i18n::KEY_CHART),
];

/// On the dashboard.
const DASHBOARD: [(Command, i18n::T); 6] = [
    (Command::Down, i18n::KEY_MOVE),
    (Command::Submit, i18n::KEY_OPEN_ORIENTATION),
    (Command::Back, i18n::KEY_BACK),
    (Command::Help, i18n::KEY_HELP),
    (Command::Quit, i18n::KEY_QUIT),
    (Command::Present, i18n::KEY_PRESENT),
];

/// On the chart.
const CHART: [(Command, i18n::T); 7] = [
    (Command::NextIndicator, i18n::KEY_INDICATOR),
    (Command::Down, i18n::KEY_ACTION),
    (Command::AddMeasure, i18n::KEY_MEASURE),
    (Command::Back, i18n::KEY_BACK),
    (Command::Help, i18n::KEY_HELP),
    (Command::Quit, i18n::KEY_QUIT),
    (Command::Present, i18n::KEY_PRESENT),
];

/// In a meeting.
const MEETING: [(Command, i18n::T); 10] = [
    (Command::Down, i18n::KEY_MOVE),
    (Command::Decision, i18n::KEY_DECISION),
    (Command::Task, i18n::KEY_TASK),
    (Command::MeetingNote, i18n::KEY_NOTE),
    (Command::EditStatus, i18n::KEY_EDIT),
    (Command::Help, i18n::KEY_HELP),
    (Command::Quit, i18n::KEY_QUIT),
    (Command::Attendance, i18n::KEY_ATTENDANCE),
    (Command::Minutes, i18n::KEY_MINUTES),
    (Command::CloseMeeting, i18n::KEY_CLOSE),
];

const ATTENDANCE: [(Command, i18n::T); 7] = [
    (Command::Down, i18n::KEY_MOVE),
    (Command::MarkPresent, i18n::KEY_PRESENT_MARK),
    (Command::MarkExcused, i18n::KEY_EXCUSED_MARK),
    (Command::MarkAbsent, i18n::KEY_ABSENT_MARK),
    (Command::AddGuest, i18n::KEY_GUEST),
    (Command::Back, i18n::KEY_BACK),
    (Command::Quit, i18n::KEY_QUIT),
];

const FOLLOW_UP: [(Command, i18n::T); 4] = [
    (Command::Down, i18n::KEY_MOVE),
    (Command::TaskDone, i18n::KEY_DONE),
    (Command::Back, i18n::KEY_BACK),
    (Command::Quit, i18n::KEY_QUIT),
];

const MEETINGS: [(Command, i18n::T); 5] = [
    (Command::Down, i18n::KEY_MOVE),
    (Command::Submit, i18n::KEY_READ),
    (Command::Minutes, i18n::KEY_MINUTES),
    (Command::Back, i18n::KEY_BACK),
    (Command::Quit, i18n::KEY_QUIT),
];

const MINUTES: [(Command, i18n::T); 4] = [
    (Command::Down, i18n::KEY_MOVE),
    (Command::Minutes, i18n::KEY_MINUTES),
    (Command::Back, i18n::KEY_BACK),
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
    let l = ctx.lang;
    let t = ctx.theme;
    let mut spans = Vec::new();
    let mode = ctx.ui.body();
    let mut advertised: Vec<(Command, i18n::T)> = match mode {
        Mode::Search => SEARCH.to_vec(),
        Mode::Dashboard => DASHBOARD.to_vec(),
        Mode::Chart => CHART.to_vec(),
        Mode::Meeting => MEETING.to_vec(),
        Mode::Attendance => ATTENDANCE.to_vec(),
        Mode::FollowUp => FOLLOW_UP.to_vec(),
        Mode::Meetings => MEETINGS.to_vec(),
        Mode::Minutes => MINUTES.to_vec(),
        Mode::Plan | Mode::Help | Mode::Form => MAIN.to_vec(),
    };
    if mode == Mode::Plan && ctx.ui.filter.is_some() {
        // A filtered tree is unfolded: the fold key gives its place to the one that clears.
        advertised[1] = (Command::ClearFilter, i18n::KEY_CLEAR_FILTER);
    }
    let help_at = advertised.iter().position(|(c, _)| *c == Command::Quit).unwrap_or(advertised.len());
    for (i, (cmd, label)) in advertised.into_iter().enumerate() {
        // The first key bound to the command, as the user's keymap says.
        let Some(key) = ctx.keymap.keys_for(mode, cmd).first().copied() else {
            continue;
        };
        let pair = match cmd {
            Command::Down => Some(Command::Up),
            Command::NextIndicator => Some(Command::PrevIndicator),
            _ => None,
        };
        let key = match pair {
            Some(other) => {
                let first = ctx.keymap.keys_for(mode, other).first().map(|k| k.text(l)).unwrap_or_default();
                format!("{first}{}", key.in_lang(l))
            }
            None => key.text(l),
        };
        let entry = [Span::styled(format!(" {key} "), t.key), Span::raw(format!(" {} ", label.get(l)))];
        let width: usize = spans.iter().chain(&entry).map(|s: &Span| s.content.width()).sum();
        if i > help_at && width > area.width as usize {
            break;
        }
        spans.extend(entry);
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
            i18n::journal_line(l, first.line),
            sanitize(&first.kind.text(l)),
            if warnings.len() > 1 { format!(" (+{})", warnings.len() - 1) } else { String::new() }
        );
        let text = truncate(&text, room);
        let pad = room.saturating_sub(text.width());
        spans.push(Span::raw(" ".repeat(pad)));
        spans.push(Span::styled(text, t.warning));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)).style(t.status_bar), area);
}
