//! The help screen, generated from the keymap and each command's description.

use crate::lang::Localized;
use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use super::Ctx;
use super::theme::{LATE_MARK, status_symbol};
use crate::i18n;
use crate::plan::model::Status;
use crate::tui::keymap::Mode;

/// The help text: every bound command with its keys, then the symbols' legend.
pub fn lines<'a>(ctx: &Ctx) -> Vec<Line<'a>> {
    let l = ctx.lang;
    let t = ctx.theme;
    let mut out = Vec::new();
    let bindings = |mode: Mode, out: &mut Vec<Line<'a>>| {
        for (cmd, keys) in ctx.keymap.bindings(mode) {
            let keys: Vec<String> = keys.iter().map(|k| k.text(l)).collect();
            out.push(Line::from(vec![
                Span::styled(format!("{:<18}", keys.join(" ")), t.label),
                Span::raw(cmd.description_in(l, mode).to_string()),
            ]));
        }
    };
    bindings(Mode::Plan, &mut out);
    out.push(Line::raw(""));
    out.push(Line::styled(i18n::HELP_IN_SEARCH.get(l), t.heading));
    bindings(Mode::Search, &mut out);
    out.push(Line::from(vec![
        Span::styled(format!("{:<18}", ""), t.label),
        Span::styled(i18n::SEARCH_HINT.get(l), t.muted),
    ]));
    for (mode, title) in [
        (Mode::Dashboard, i18n::HELP_IN_DASHBOARD),
        (Mode::Chart, i18n::HELP_IN_CHART),
        (Mode::Meeting, i18n::HELP_IN_MEETING),
        (Mode::Attendance, i18n::HELP_IN_ATTENDANCE),
        (Mode::FollowUp, i18n::HELP_IN_FOLLOW_UP),
        (Mode::Meetings, i18n::HELP_IN_MEETINGS),
    ] {
        out.push(Line::raw(""));
        out.push(Line::styled(title.get(l), t.heading));
        bindings(mode, &mut out);
    }
    out.push(Line::raw(""));
    let mut legend: Vec<Span> = Vec::new();
    for s in Status::ALL {
        legend.push(Span::styled(format!("{} {}", status_symbol(s), i18n::status_label(l, s)), t.status(s)));
        legend.push(Span::raw("   "));
    }
    legend.push(Span::styled(format!("{LATE_MARK} {}", i18n::LATE.get(l)), t.late));
    out.push(Line::from(legend));
    out
}

pub fn draw(frame: &mut Frame, area: Rect, ctx: &Ctx) {
    let l = ctx.lang;
    let t = ctx.theme;
    let width = area.width.saturating_sub(4).min(76);
    let height = area.height.saturating_sub(2);
    let [popup] = Layout::horizontal([Constraint::Length(width)]).flex(Flex::Center).areas(area);
    let [popup] = Layout::vertical([Constraint::Length(height)]).flex(Flex::Center).areas(popup);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(t.border_focus)
        .title(Span::styled(format!(" {} ", i18n::HELP_TITLE.get(l)), t.title))
        .title_bottom(Line::styled(format!(" {} ", i18n::HELP_CLOSE.get(l)), t.muted));
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(lines(ctx)).block(block).wrap(Wrap { trim: false }).scroll((ctx.ui.help_scroll, 0)),
        popup,
    );
}
