//! The search pane, in place of the tree while searching: the line being typed, the active
//! filters, and the results best first with the matched characters highlighted.

use crate::lang::Lang;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::theme::{LATE_MARK, Theme, status_symbol};
use super::{Ctx, truncate};
use crate::i18n;
use crate::plan::model::PlanAction;
use crate::plan::progress::is_late;
use crate::sanitize::{one_line_char, sanitize};
use crate::search::{Field, Hit};
use crate::tui::search_ui::SearchUi;

/// Lines above the results: the search line, the filters (or the hint), the count.
const TOP: u16 = 3;

pub fn draw(frame: &mut Frame, area: Rect, ctx: &Ctx, s: &SearchUi) {
    let l = ctx.lang;
    let t = ctx.theme;
    // Opened from a meeting, Enter puts the chosen action on the agenda: the title says so.
    let title = if s.for_agenda { i18n::FORM_ADD_ITEM.get(l) } else { i18n::SEARCH_TITLE.get(l) };
    let block = super::pane(ctx, Line::from(Span::styled(format!(" {title} "), t.title)), true);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.height == 0 || inner.width < 4 {
        return;
    }
    let width = inner.width as usize;
    // The line being typed, scrolled so the cursor stays visible.
    let prompt = "/ ";
    let room = width.saturating_sub(prompt.len() + 1).max(1);
    let scroll = s.input.visual_scroll(room);
    let shown: String = sanitize(s.text()).chars().skip(scroll).collect();
    let mut lines =
        vec![Line::from(vec![Span::styled(prompt, t.key), Span::styled(truncate(&shown, room + 1), t.title)])];
    let query = s.query();
    let filters = query.describe(l);
    if let Some(error) = query.error(l) {
        // An unknown filter: say so, and which filters exist, on as many lines as it takes (at
        // most three; nothing matches meanwhile, so the results' room is not missed).
        let chars: Vec<char> = format!("⚠ {}", sanitize(&error)).chars().collect();
        for part in chars.chunks(width.max(1)).take(3) {
            lines.push(Line::styled(part.iter().collect::<String>(), t.late));
        }
    } else {
        lines.push(filter_line(l, &filters, width, t));
    }
    let plan = &ctx.state.plan;
    // Plan order, to find a hit's action by its position (not one walk per hit).
    let actions: Vec<&PlanAction> = plan.walk().map(|(_, a, _)| a).collect();
    let count = if s.indexing {
        crate::search::indexing(l).to_string()
    } else {
        i18n::search_count(l, s.hits.len(), actions.len())
    };
    lines.push(Line::styled(truncate(&count, width), t.label));
    let extra = lines.len().saturating_sub(TOP as usize) as u16; // error lines beyond the first
    let rows = inner.height.saturating_sub(TOP + extra) as usize;
    // Only the results that can show (each takes one or two rows): thousands of results cost
    // no more than a screenful.
    let lo = s.selected.saturating_sub(rows);
    let hi = s.hits.len().min(s.selected.saturating_add(rows + 1));
    let items: Vec<Vec<Line>> = s.hits[lo.min(hi)..hi]
        .iter()
        .map(|h| {
            let a =
                actions.get(h.position).copied().filter(|a| a.id == h.action_id).or_else(|| plan.action(&h.action_id));
            a.map(|a| hit_lines(ctx, h, a, width)).unwrap_or_default()
        })
        .collect();
    let selected = s.selected.saturating_sub(lo);
    let first = first_shown(&items, selected, rows);
    let mut used = 0;
    for (i, item) in items.iter().enumerate().skip(first) {
        if used + item.len() > rows {
            break;
        }
        used += item.len();
        for l in item {
            lines.push(if i == selected { l.clone().patch_style(t.selected) } else { l.clone() });
        }
    }
    frame.render_widget(Paragraph::new(lines), inner);
    let cursor = (s.input.visual_cursor().saturating_sub(scroll) + prompt.len()).min(width - 1);
    frame.set_cursor_position(Position::new(inner.x + cursor as u16, inner.y));
}

/// The active filters, or the hint when there are none.
fn filter_line<'a>(l: Lang, filters: &str, width: usize, t: &Theme) -> Line<'a> {
    if filters.is_empty() {
        Line::styled(truncate(i18n::SEARCH_HINT.get(l), width), t.muted)
    } else {
        Line::styled(truncate(filters, width), t.warning)
    }
}

/// The first result shown: as many results above the selected one as fit.
fn first_shown(items: &[Vec<Line>], selected: usize, rows: usize) -> usize {
    let mut first = selected.min(items.len());
    let mut used = items.get(selected).map_or(0, Vec::len);
    while first > 0 && used + items[first - 1].len() <= rows {
        first -= 1;
        used += items[first].len();
    }
    first
}

/// One result: status, id and title (matches highlighted), then where else it matched.
fn hit_lines<'a>(ctx: &Ctx, h: &Hit, a: &PlanAction, width: usize) -> Vec<Line<'a>> {
    let l = ctx.lang;
    let t = ctx.theme;
    let plan = &ctx.state.plan;
    let late = is_late(a, ctx.today);
    let head = format!("{} {} ", status_symbol(a.status), sanitize(&a.id));
    let tail = if late { format!(" {LATE_MARK}") } else { String::new() };
    let room = width.saturating_sub(head.width() + tail.width());
    let mut spans = vec![
        Span::styled(status_symbol(a.status).to_string(), t.status(a.status)),
        Span::styled(format!(" {} ", sanitize(&a.id)), t.label),
    ];
    spans.extend(highlighted(&a.title, &h.title_matches, 0, room, t, Style::new()));
    if late {
        let pad = width.saturating_sub(spans.iter().map(|s| s.content.width()).sum::<usize>() + tail.width());
        spans.push(Span::raw(" ".repeat(pad)));
        spans.push(Span::styled(tail, t.late));
    }
    let mut out = vec![Line::from(spans)];
    if !matches!(h.field, Field::Title | Field::Id)
        && !h.field_matches.is_empty()
        && let Some(text) = crate::search::field_text(plan, a, h.field, h.field_index)
    {
        let label = format!("    ↳ {}", i18n::label(l, h.field.label(l)));
        let room = width.saturating_sub(label.width());
        // Start a little before the first match, so that it shows in a long text.
        let from = h.field_matches.iter().min().copied().unwrap_or(0).saturating_sub(4);
        let mut spans = vec![Span::styled(label, t.muted)];
        spans.extend(highlighted(text, &h.field_matches, from, room, t, t.muted));
        out.push(Line::from(spans));
    }
    out
}

/// `text` from char `from`, cut to `room` columns, with the chars at `matches` highlighted.
/// Unsafe characters are replaced as `sanitize` does; line breaks become spaces.
fn highlighted<'a>(text: &str, matches: &[usize], from: usize, room: usize, t: &Theme, base: Style) -> Vec<Span<'a>> {
    let mut spans: Vec<Span> = Vec::new();
    let mut cur = String::new();
    let mut cur_hit = false;
    let mut w = 0;
    let mut cut = false;
    if from > 0 {
        cur.push('…');
        w += 1;
    }
    for (i, c) in text.chars().enumerate().skip(from) {
        let c = one_line_char(c);
        let cw = c.width().unwrap_or(0);
        if w + cw + 1 > room {
            cut = true;
            break;
        }
        let hit = matches.contains(&i);
        if hit != cur_hit && !cur.is_empty() {
            spans.push(Span::styled(std::mem::take(&mut cur), if cur_hit { t.matched } else { base }));
        }
        cur_hit = hit;
        cur.push(c);
        w += cw;
    }
    if cut {
        if cur_hit && !cur.is_empty() {
            spans.push(Span::styled(std::mem::take(&mut cur), t.matched));
            cur_hit = false;
        }
        cur.push('…');
    }
    if !cur.is_empty() {
        spans.push(Span::styled(cur, if cur_hit { t.matched } else { base }));
    }
    spans
}
