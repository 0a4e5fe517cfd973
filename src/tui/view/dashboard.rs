//! The tableau de bord: the whole plan, then each orientation, as cards: actions per status with
//! a bar, how many are late, indicators on track or behind, and the budget planned, committed
//! and spent. In projection mode the whole plan's key figures come first, in big digits.
//! The figures are `plan::progress::Figures`, the same as `copil report`'s.

use crate::lang::Lang;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use tui_big_text::{BigText, PixelSize};
use unicode_width::UnicodeWidthStr;

use super::theme::{LATE_MARK, Theme, status_symbol};
use super::{Ctx, truncate};
use crate::i18n;
use crate::plan::model::{Orientation, Status};
use crate::plan::progress::Figures;
use crate::sanitize::sanitize;

/// Lines per card, the blank line after it included.
const CARD: usize = 5;
/// Height of the big figures in projection mode: four rows of digits, the label, a blank.
const BIG: u16 = 6;
/// The order statuses are counted in on a card: what is done first.
const ORDER: [Status; 4] = [Status::Done, Status::InProgress, Status::NotStarted, Status::Abandoned];

/// The bar's fill for a status: a different block for each, so that the bar reads without colour.
fn fill(s: Status) -> char {
    match s {
        Status::Done => '█',
        Status::InProgress => '▓',
        Status::NotStarted => '░',
        Status::Abandoned => '·',
    }
}

pub fn draw(frame: &mut Frame, area: Rect, ctx: &Ctx) {
    let l = ctx.lang;
    let t = ctx.theme;
    let title = Line::from(Span::styled(format!(" {} ", i18n::DASHBOARD.get(l)), t.title));
    let block = super::pane(ctx, title, true);
    let mut inner = block.inner(area);
    frame.render_widget(block, area);
    let plan = &ctx.state.plan;
    let figures = ctx.derived.dashboard(ctx.state, ctx.today);
    let total = figures.plan;
    if ctx.ui.present && inner.height >= BIG + CARD as u16 * 2 {
        let [figures, rest] = Layout::vertical([Constraint::Length(BIG), Constraint::Min(0)]).areas(inner);
        big_figures(l, frame, figures, t, &total);
        inner = rest;
    }
    let width = inner.width as usize;
    let selected = ctx.ui.dashboard_selected.min(plan.orientations.len());
    // As many whole cards as fit, the selected one among them.
    let fit = ((inner.height as usize + 1) / CARD).max(1);
    let first = (selected + 1).saturating_sub(fit);
    let mut lines = Vec::new();
    for i in first..=plan.orientations.len() {
        if lines.len() >= inner.height as usize {
            break;
        }
        let (o, f) = match i {
            0 => (None, total),
            _ => {
                let o = &plan.orientations[i - 1];
                (Some(o), figures.orientations[i - 1])
            }
        };
        card(l, &mut lines, t, o, &f, width, i == selected);
        lines.push(Line::raw(""));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// One card: a title line (highlighted when selected), the status bar and counts, the indicators,
/// the budget.
fn card<'a>(
    l: Lang,
    out: &mut Vec<Line<'a>>,
    t: &Theme,
    o: Option<&Orientation>,
    f: &Figures,
    width: usize,
    selected: bool,
) {
    let name = match o {
        Some(o) => format!("{} {}", sanitize(&o.id), sanitize(&o.title)),
        None => i18n::WHOLE_PLAN.get(l).to_string(),
    };
    let count = format!(" {} ", i18n::n_actions(l, f.counts.total()));
    let marker = if selected { "▶ " } else { "  " };
    let room = width.saturating_sub(count.width() + marker.width());
    let name = truncate(&name, room);
    let pad = room.saturating_sub(name.width());
    let style = if selected { t.selected.patch(t.title) } else { t.title };
    out.push(Line::from(vec![
        Span::styled(format!("{marker}{name}{}", " ".repeat(pad)), style),
        Span::styled(count, if selected { style } else { t.muted }),
    ]));

    // Counts first (they carry the meaning); the bar takes what room is left, up to 40 columns.
    let mut counts: Vec<Span> = Vec::new();
    for s in ORDER {
        counts.push(Span::styled(format!("  {} {}", status_symbol(s), f.counts.by_status[s.index()]), t.status(s)));
    }
    if f.counts.late > 0 {
        counts.push(Span::styled(format!("   {LATE_MARK} {}", i18n::late_count(l, f.counts.late)), t.late));
    }
    // The same bar width on every card, so that the bars compare at a glance.
    let bar_w = width.saturating_sub(48).clamp(8, 40);
    let mut line = vec![Span::raw("  ")];
    line.extend(bar(t, f, bar_w));
    line.extend(counts);
    out.push(Line::from(line));

    let mut ind = vec![
        Span::styled(format!("  {}", i18n::label(l, i18n::INDICATORS.get(l))), t.label),
        Span::styled(
            format!("✓ {}", i18n::on_track_count(l, f.on_track)),
            if f.on_track > 0 { t.good } else { t.muted },
        ),
        Span::raw(" · "),
        Span::styled(format!("✗ {}", i18n::behind_count(l, f.behind)), if f.behind > 0 { t.late } else { t.muted }),
    ];
    if f.measurement_due > 0 {
        ind.push(Span::styled(
            format!(" · ? {}", crate::wording::measurement_due_count(l, f.measurement_due)),
            t.warning,
        ));
    }
    if f.untracked > 0 {
        ind.push(Span::styled(format!(" · {}", i18n::untracked_count(l, f.untracked)), t.muted));
    }
    out.push(clip(Line::from(ind), width));

    let b = f.budget;
    let budget = if b.planned == 0 && b.committed == 0 && b.spent == 0 {
        vec![Span::styled(format!("  {}", i18n::NO_BUDGET.get(l)), t.muted)]
    } else {
        vec![Span::raw("  "), Span::styled(i18n::budget_summary(l, b.planned, b.committed, b.spent), t.title)]
    };
    out.push(clip(Line::from(budget), width));
}

/// A line cut to a width (its last span shortened, with `…`).
fn clip(line: Line<'_>, width: usize) -> Line<'_> {
    let mut used = 0;
    let mut spans = Vec::new();
    for s in line.spans {
        let w = s.content.width();
        if used + w <= width {
            used += w;
            spans.push(s);
        } else {
            spans.push(Span::styled(truncate(&s.content, width - used), s.style));
            break;
        }
    }
    Line::from(spans)
}

/// The actions of a card as a bar of `width` cells, one run per status (largest remainders, so
/// the runs add up to the width exactly).
fn bar<'a>(t: &Theme, f: &Figures, width: usize) -> Vec<Span<'a>> {
    let total = f.counts.total();
    if total == 0 {
        return vec![Span::styled("·".repeat(width), t.muted)];
    }
    let exact: Vec<f64> =
        ORDER.iter().map(|s| f.counts.by_status[s.index()] as f64 * width as f64 / total as f64).collect();
    let mut cells: Vec<usize> = exact.iter().map(|x| x.floor() as usize).collect();
    let mut rest = width - cells.iter().sum::<usize>();
    let mut by_remainder: Vec<usize> = (0..ORDER.len()).collect();
    by_remainder.sort_by(|&a, &b| (exact[b] - exact[b].floor()).total_cmp(&(exact[a] - exact[a].floor())));
    for i in by_remainder {
        if rest == 0 {
            break;
        }
        if exact[i] > 0.0 {
            cells[i] += 1;
            rest -= 1;
        }
    }
    ORDER
        .iter()
        .zip(cells)
        .filter(|(_, n)| *n > 0)
        .map(|(s, n)| Span::styled(fill(*s).to_string().repeat(n), t.status(*s)))
        .collect()
}

/// The whole plan's key figures in big digits: share done, in progress, late, budget committed
/// (indicators behind when the plan has no budget).
fn big_figures(l: Lang, frame: &mut Frame, area: Rect, t: &Theme, f: &Figures) {
    let total = f.counts.total();
    let done = f.counts.by_status[Status::Done.index()];
    let share = |part: u64, whole: u64| (part * 100).checked_div(whole).map_or("-".to_string(), |p| format!("{p}%"));
    let mut tiles = vec![
        (share(done as u64, total as u64), i18n::BIG_DONE.get(l), t.status(Status::Done)),
        (
            f.counts.by_status[Status::InProgress.index()].to_string(),
            i18n::BIG_IN_PROGRESS.get(l),
            t.status(Status::InProgress),
        ),
        (f.counts.late.to_string(), i18n::BIG_LATE.get(l), t.late),
    ];
    if f.budget.planned > 0 {
        tiles.push((share(f.budget.committed, f.budget.planned), i18n::BIG_COMMITTED.get(l), t.heading));
    } else {
        tiles.push((f.behind.to_string(), i18n::BIG_BEHIND.get(l), t.late));
    }
    let columns = Layout::horizontal(vec![Constraint::Ratio(1, tiles.len() as u32); tiles.len()]).split(area);
    for ((figure, label, style), col) in tiles.into_iter().zip(columns.iter()) {
        let [digits, caption] = Layout::vertical([Constraint::Length(4), Constraint::Length(1)]).areas(*col);
        let big = BigText::builder()
            .pixel_size(PixelSize::Quadrant)
            .style(style.patch(Style::new()))
            .lines(vec![Line::from(figure)])
            .centered()
            .build();
        frame.render_widget(big, digits);
        frame.render_widget(Paragraph::new(Line::styled(label, t.title)).centered(), caption);
    }
}
