//! Drawing: one file per panel. Views read the state and draw; they change nothing and do no IO.

pub mod chart;
pub mod dashboard;
pub mod detail;
pub mod follow_up;
pub mod form;
pub mod header;
pub mod help;
pub mod meeting;
pub mod search;
pub mod status_bar;
pub mod theme;
pub mod tree;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use super::keymap::Keymap;
use super::ui_state::{Mode, UiState};
use crate::i18n;
use crate::plan::model::Date;
use crate::plan::state::PlanState;
use theme::Theme;

/// Below this size copil says so instead of drawing a squeezed screen.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 15;

/// Everything a view reads.
pub struct Ctx<'a> {
    pub state: &'a PlanState,
    pub ui: &'a UiState,
    pub keymap: &'a Keymap,
    pub theme: &'a Theme,
    pub today: Date,
    pub read_only: bool,
    /// Who this session writes as (a person id of the plan, or a login; empty: not said).
    pub by: &'a str,
    /// The lists of the current plan state that `update` uses too.
    pub derived: &'a crate::tui::derived::Derived,
    /// The language everything on screen is said in.
    pub lang: crate::lang::Lang,
}

/// Where each panel goes for a terminal of a given size.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Areas {
    pub header: Rect,
    pub tree: Rect,
    pub detail: Rect,
    pub status: Rect,
}

pub fn layout(area: Rect) -> Areas {
    layout_for(area, false)
}

/// The layout while searching gives the results three fifths of the width (they show more of
/// each title, and where else the text matched); the tree gets about two fifths, never less
/// than 34 columns.
pub fn layout_for(area: Rect, searching: bool) -> Areas {
    let [header, body, status] =
        Layout::vertical([Constraint::Length(1), Constraint::Min(1), Constraint::Length(1)]).areas(area);
    let fifths = if searching { 3 } else { 2 };
    let tree_w = (body.width * fifths / 5).max(34).min(body.width);
    let [tree, detail] = Layout::horizontal([Constraint::Length(tree_w), Constraint::Min(0)]).areas(body);
    Areas { header, tree, detail, status }
}

/// How many tree rows are visible for a terminal size (inside the tree's border; in projection
/// mode, below its title line).
pub fn tree_viewport(area: Rect, present: bool) -> usize {
    layout(area).tree.height.saturating_sub(if present { 1 } else { 2 }) as usize
}

/// A pane's frame: a border with the title in it; in projection mode no border (it carries no
/// information on a wall), only the title line and a margin.
pub fn pane<'a>(ctx: &Ctx, title: Line<'a>, focused: bool) -> Block<'a> {
    let t = ctx.theme;
    if ctx.ui.present {
        return Block::default()
            .borders(Borders::NONE)
            .padding(ratatui::widgets::Padding::horizontal(1))
            .title(title.style(if focused { t.heading } else { t.title }));
    }
    Block::default().borders(Borders::ALL).border_style(if focused { t.border_focus } else { t.border }).title(title)
}

pub fn draw(frame: &mut Frame, ctx: &Ctx) {
    let l = ctx.lang;
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let text = vec![
            Line::styled(i18n::TOO_SMALL.get(l), ctx.theme.title),
            Line::raw(i18n::too_small(l, area.width, area.height, MIN_WIDTH, MIN_HEIGHT)),
        ];
        frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), area);
        return;
    }
    if ctx.theme.base != ratatui::style::Style::new() {
        frame.render_widget(Block::default().style(ctx.theme.base), area);
    }
    let areas = layout_for(area, ctx.ui.search.is_some());
    header::draw(frame, areas.header, ctx);
    let body = Rect { height: areas.tree.height, ..Rect::new(area.x, areas.tree.y, area.width, 0) };
    match (&ctx.ui.search, ctx.ui.body()) {
        (Some(s), Mode::Search) => {
            search::draw(frame, areas.tree, ctx, s);
            detail::draw(frame, areas.detail, ctx);
        }
        (_, Mode::Dashboard) => dashboard::draw(frame, body, ctx),
        (_, Mode::Chart) => chart::draw(frame, body, ctx),
        (_, Mode::Meeting) => meeting::draw(frame, body, ctx),
        (_, Mode::Attendance) => meeting::draw_attendance(frame, body, ctx),
        (_, Mode::FollowUp) => follow_up::draw_follow_up(frame, body, ctx),
        (_, Mode::Meetings) => follow_up::draw_meetings(frame, body, ctx),
        (_, Mode::Minutes) => follow_up::draw_minutes(frame, body, ctx),
        // The plan (the help, a form and the search are never a screen; `body` is a screen or
        // the search).
        (_, Mode::Plan | Mode::Help | Mode::Form | Mode::Search) => {
            tree::draw(frame, areas.tree, ctx);
            detail::draw(frame, areas.detail, ctx);
        }
    }
    status_bar::draw(frame, areas.status, ctx);
    if ctx.ui.help_open {
        help::draw(frame, area, ctx);
    }
    if let Some(f) = &ctx.ui.form {
        form::draw(frame, area, ctx, f);
    }
}

/// Cuts a text to a display width, ending with `…` when cut.
pub fn truncate(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_string();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if w + cw + 1 > width {
            break;
        }
        out.push(c);
        w += cw;
    }
    out.push('…');
    out
}
