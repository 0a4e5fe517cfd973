//! The tree of orientations → actions → sub-actions.

use crate::lang::Localized;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::theme::{LATE_MARK, status_symbol};
use super::{Ctx, truncate};
use crate::i18n;
use crate::plan::model::Status;
use crate::plan::progress::{is_late, orientation_counts};
use crate::sanitize::sanitize;
use crate::tui::command::Command;
use crate::tui::keymap::Mode;
use crate::tui::ui_state::{Focus, Node, Row, node};

pub fn draw(frame: &mut Frame, area: Rect, ctx: &Ctx) {
    let l = ctx.lang;
    let t = ctx.theme;
    let focused = ctx.ui.focus == Focus::Tree;
    let mut title = vec![Span::styled(format!(" {} ", i18n::PLAN_TREE.get(l)), t.title)];
    if let Some(f) = &ctx.ui.filter {
        title.push(Span::styled(format!("— {} ", i18n::filtered_tree(l, f.ids.len())), t.warning));
    }
    let block = super::pane(ctx, Line::from(title), focused);
    let mut inner = block.inner(area);
    frame.render_widget(block, area);
    if let Some(f) = &ctx.ui.filter {
        // The active filter is always in sight, after the key that clears it.
        let key = ctx.keymap.keys_for(Mode::Plan, Command::ClearFilter).first().map(|k| k.text(l));
        let what = crate::search::parse_query(&f.text).filter_parts(l).join(" · ");
        let mut spans = Vec::new();
        let mut used = 0;
        if let Some(k) = key {
            used = k.width() + 3;
            spans.push(Span::styled(format!(" {k} "), t.key));
            spans.push(Span::raw(" "));
        }
        spans.push(Span::styled(truncate(&sanitize(&what), (inner.width as usize).saturating_sub(used)), t.warning));
        frame.render_widget(Paragraph::new(Line::from(spans)), Rect { height: 1.min(inner.height), ..inner });
        inner.y += 1.min(inner.height);
        inner.height = inner.height.saturating_sub(1);
    }
    if ctx.ui.rows.is_empty() {
        // An empty tree: the plan has nothing, or the filter keeps nothing (say which).
        let empty = if ctx.ui.filter.is_some() { i18n::EMPTY_FILTER.get(l) } else { i18n::EMPTY_PLAN.get(l) };
        let text = ratatui::widgets::Paragraph::new(empty).wrap(ratatui::widgets::Wrap { trim: true });
        frame.render_widget(text.style(t.muted), inner);
        return;
    }
    let width = inner.width as usize;
    let lines: Vec<Line> = ctx
        .ui
        .rows
        .iter()
        .enumerate()
        .skip(ctx.ui.offset)
        .take(inner.height as usize)
        .map(|(i, row)| {
            let line = row_line(ctx, row, width);
            if i == ctx.ui.selected { line.style(t.selected) } else { line }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

fn row_line<'a>(ctx: &Ctx, row: &Row, width: usize) -> Line<'a> {
    let t = ctx.theme;
    let fold = match (row.has_children, row.expanded) {
        (false, _) => " ",
        (true, true) => "▾",
        (true, false) => "▸",
    };
    let indent = "  ".repeat(row.depth as usize);
    let mut spans = vec![Span::raw(format!("{indent}{fold} "))];
    let mut right: Vec<Span> = Vec::new();
    let label = match node(&ctx.state.plan, &row.path) {
        Some(Node::Orientation(o)) => {
            let c = orientation_counts(o, ctx.today);
            for s in Status::ALL {
                let n = c.by_status[s.index()];
                if n > 0 {
                    right.push(Span::styled(format!(" {}{n}", status_symbol(s)), t.status(s)));
                }
            }
            if c.late > 0 {
                right.push(Span::styled(format!(" {LATE_MARK}{}", c.late), t.late));
            }
            spans[0].style = t.title;
            (format!("{} ", sanitize(&o.id)), sanitize(&o.title).into_owned(), t.title)
        }
        Some(Node::Action(a)) => {
            spans.push(Span::styled(format!("{} ", status_symbol(a.status)), t.status(a.status)));
            if is_late(a, ctx.today) {
                right.push(Span::styled(format!(" {LATE_MARK}"), t.late));
            }
            (format!("{} ", sanitize(&a.id)), sanitize(&a.title).into_owned(), ratatui::style::Style::new())
        }
        None => (String::new(), String::new(), ratatui::style::Style::new()),
    };
    let used: usize =
        spans.iter().map(|s| s.content.width()).sum::<usize>() + right.iter().map(|s| s.content.width()).sum::<usize>();
    let room = width.saturating_sub(used);
    let id = truncate(&label.0, room);
    let title = truncate(&label.1, room.saturating_sub(id.width()));
    let pad = room.saturating_sub(id.width() + title.width());
    spans.push(Span::styled(id, t.label.patch(label.2)));
    spans.push(Span::styled(title, label.2));
    spans.push(Span::raw(" ".repeat(pad)));
    spans.extend(right);
    Line::from(spans)
}
