//! The detail pane: every field of the selected orientation or action, and its history.

use crate::lang::Lang;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::Ctx;
use super::header::date_text;
use super::theme::{LATE_MARK, Theme, status_symbol};
use crate::i18n;
use crate::plan::model::{Date, Indicator, Orientation, PlanAction, Point, Status};
use crate::plan::progress::{Verdict, is_late, orientation_counts, verdict};
use crate::plan::state::{Outcome, PlanState};
use crate::sanitize::{sanitize, sanitize_multiline};
use crate::tui::ui_state::{Focus, Node, node, node_by_key};

pub fn draw(frame: &mut Frame, area: Rect, ctx: &Ctx) {
    let l = ctx.lang;
    let t = ctx.theme;
    let focused = ctx.ui.focus == Focus::Detail;
    let block = super::pane(ctx, Line::from(Span::styled(format!(" {} ", i18n::DETAIL.get(l)), t.title)), focused);
    // While searching, the selected result is previewed.
    let (shown, scroll) = match &ctx.ui.search {
        Some(s) => (s.selected_hit().and_then(|h| ctx.state.plan.action(&h.action_id)).map(Node::Action), 0),
        // Moving through the tree with a detail delay: what the pane showed, until keys stop.
        None => match &ctx.ui.detail_frozen {
            Some(key) => (node_by_key(&ctx.state.plan, key), 0),
            None => (ctx.ui.selected_row().and_then(|r| node(&ctx.state.plan, &r.path)), ctx.ui.detail_scroll),
        },
    };
    let lines = match shown {
        Some(Node::Orientation(o)) => orientation_lines(ctx, o),
        Some(Node::Action(a)) => action_lines(ctx, a),
        None => Vec::new(),
    };
    let p = Paragraph::new(lines).block(block).wrap(Wrap { trim: false }).scroll((scroll, 0));
    frame.render_widget(p, area);
}

fn heading<'a>(t: &Theme, text: &str) -> Line<'a> {
    Line::styled(text.to_string(), t.heading)
}

fn field<'a>(l: Lang, t: &Theme, label: &str, value: String) -> Line<'a> {
    Line::from(vec![Span::styled(i18n::label(l, label), t.label), Span::raw(value)])
}

fn list(items: &[String]) -> String {
    items.iter().map(|s| sanitize(s).into_owned()).collect::<Vec<_>>().join(", ")
}

fn paragraph<'a>(out: &mut Vec<Line<'a>>, text: &str) {
    for l in sanitize_multiline(text).lines() {
        out.push(Line::raw(l.to_string()));
    }
}

fn status_spans<'a>(l: Lang, t: &Theme, s: Status) -> Span<'a> {
    Span::styled(format!("{} {}", status_symbol(s), i18n::status_label(l, s)), t.status(s))
}

fn orientation_lines<'a>(ctx: &Ctx, o: &Orientation) -> Vec<Line<'a>> {
    let l = ctx.lang;
    let t = ctx.theme;
    let mut out = vec![
        Line::styled(format!("{} {} — {}", i18n::ORIENTATION.get(l), sanitize(&o.id), sanitize(&o.title)), t.title),
        Line::raw(""),
    ];
    let c = orientation_counts(o, ctx.today);
    let mut counts: Vec<Span> = Vec::new();
    for s in Status::ALL {
        counts.push(status_spans(l, t, s));
        counts.push(Span::raw(format!(" {}   ", c.by_status[s.index()])));
    }
    counts.push(Span::styled(format!("{LATE_MARK} {} {}", i18n::LATE.get(l), c.late), t.late));
    out.push(Line::from(counts));
    if let Some(s) = &o.summary {
        out.push(Line::raw(""));
        out.push(heading(t, i18n::SUMMARY.get(l)));
        paragraph(&mut out, s);
    }
    out.push(Line::raw(""));
    out.push(heading(t, i18n::ACTIONS.get(l)));
    for a in &o.actions {
        out.push(action_item(ctx, a));
    }
    out
}

fn action_item<'a>(ctx: &Ctx, a: &PlanAction) -> Line<'a> {
    let t = ctx.theme;
    let mut spans = vec![
        Span::raw("  "),
        Span::styled(format!("{} ", status_symbol(a.status)), t.status(a.status)),
        Span::styled(format!("{} ", sanitize(&a.id)), t.label),
        Span::raw(sanitize(&a.title).into_owned()),
    ];
    if is_late(a, ctx.today) {
        spans.push(Span::styled(format!(" {LATE_MARK}"), t.late));
    }
    Line::from(spans)
}

fn action_lines<'a>(ctx: &Ctx, a: &PlanAction) -> Vec<Line<'a>> {
    let l = ctx.lang;
    let t = ctx.theme;
    let plan = &ctx.state.plan;
    let mut out = vec![Line::styled(format!("{} · {}", sanitize(&a.id), sanitize(&a.title)), t.title)];
    let mut status_line = vec![status_spans(l, t, a.status)];
    if is_late(a, ctx.today) {
        status_line.push(Span::styled(format!("   {LATE_MARK} {}", i18n::LATE.get(l)), t.late));
    }
    out.push(Line::from(status_line));
    if let Some(d) = &a.description {
        out.push(Line::raw(""));
        out.push(heading(t, i18n::DESCRIPTION.get(l)));
        paragraph(&mut out, d);
    }
    out.push(Line::raw(""));
    if !a.pilots.is_empty() {
        let pilots: Vec<String> = a.pilots.iter().map(|p| plan.person_name(p).to_string()).collect();
        out.push(field(l, t, i18n::PILOTS.get(l), list(&pilots)));
    }
    if !a.partners.is_empty() {
        out.push(field(l, t, i18n::PARTNERS.get(l), list(&a.partners)));
    }
    if !a.referents.is_empty() {
        let names: Vec<String> = a.referents.iter().map(|p| plan.person_name(p).to_string()).collect();
        out.push(field(l, t, i18n::REFERENTS.get(l), list(&names)));
    }
    if let Some(d) = a.start {
        out.push(field(l, t, i18n::START.get(l), date_text(l, d)));
    }
    if let Some(d) = a.due {
        let first = ctx.state.base().action(&a.id).and_then(|b| b.due);
        let moved = if first.is_some_and(|f| f != d) {
            format!(" ({})", crate::wording::first_due(l, first))
        } else {
            String::new()
        };
        out.push(field(l, t, i18n::DUE.get(l), format!("{}{moved}", date_text(l, d))));
    }
    if !a.tags.is_empty() {
        out.push(field(l, t, i18n::TAGS.get(l), list(&a.tags)));
    }
    for s in &a.sections {
        out.push(Line::raw(""));
        out.push(heading(t, &sanitize(&s.title)));
        paragraph(&mut out, &s.text);
    }
    if !a.milestones.is_empty() {
        out.push(Line::raw(""));
        out.push(heading(t, i18n::MILESTONES.get(l)));
        milestone_lines(l, t, a, &mut out);
    }
    if let Some(b) = &a.budget {
        out.push(Line::raw(""));
        out.push(heading(t, i18n::BUDGET.get(l)));
        out.push(budget_line(l, b));
        if !b.funders.is_empty() {
            let f: Vec<String> =
                b.funders.iter().map(|f| format!("{} {}", sanitize(&f.funder), i18n::euros(l, f.amount.0))).collect();
            out.push(Line::from(vec![
                Span::styled(format!("  {}", i18n::label(l, i18n::FUNDERS.get(l))), t.label),
                Span::raw(f.join(", ")),
            ]));
        }
        if let Some(n) = &b.note {
            paragraph(&mut out, n);
        }
    }
    if !a.indicators.is_empty() {
        out.push(Line::raw(""));
        out.push(heading(t, i18n::INDICATORS.get(l)));
        for i in &a.indicators {
            indicator_lines(l, t, i, ctx.today, &mut out);
        }
    }
    if !a.sub_actions.is_empty() {
        out.push(Line::raw(""));
        out.push(heading(t, i18n::SUB_ACTIONS.get(l)));
        for s in &a.sub_actions {
            out.push(action_item(ctx, s));
        }
    }
    out.push(Line::raw(""));
    out.push(heading(t, i18n::HISTORY.get(l)));
    history_lines(l, ctx.state, t, &a.id, &mut out);
    out
}

fn point_text(l: Lang, p: &Point, unit: Option<&str>) -> String {
    let unit = unit.map(|u| format!(" {}", sanitize(u))).unwrap_or_default();
    format!("{}{unit} ({})", sanitize(&i18n::value_text(l, &p.value)), date_text(l, p.date))
}

pub(super) fn indicator_lines<'a>(l: Lang, t: &Theme, i: &Indicator, today: Date, out: &mut Vec<Line<'a>>) {
    let unit = i.unit.as_deref();
    // The id first, as `copil measure` takes it, then the name.
    out.push(Line::from(vec![
        Span::raw("  "),
        Span::styled(format!("{} · ", sanitize(&i.id)), t.label),
        Span::styled(sanitize(&i.name).into_owned(), t.title),
    ]));
    let mut parts = Vec::new();
    if let Some(b) = &i.baseline {
        parts.push(format!("{} {}", i18n::BASELINE.get(l), point_text(l, b, unit)));
    }
    if !i.targets.is_empty() {
        let targets: Vec<String> = i.targets.iter().map(|p| point_text(l, p, unit)).collect();
        parts.push(format!("{} {}", i18n::TARGETS.get(l), targets.join(", ")));
    }
    if !parts.is_empty() {
        out.push(Line::raw(format!("    {}", parts.join(" · "))));
    }
    let mut latest = vec![Span::raw(format!("    {} ", i18n::LATEST.get(l)))];
    match i.latest() {
        Some(p) => latest.push(Span::styled(point_text(l, p, unit), t.title)),
        None => latest.push(Span::styled(i18n::NO_MEASURE.get(l), t.muted)),
    }
    let v = verdict(i, today);
    latest.push(Span::styled(format!(" — {}", crate::wording::verdict_text(l, v)), verdict_style(t, v)));
    out.push(Line::from(latest));
    if let Some(s) = &i.source {
        out.push(Line::styled(format!("    {} : {}", i18n::SOURCE.get(l), sanitize(s)), t.muted));
    }
}

fn history_lines<'a>(l: Lang, state: &PlanState, t: &Theme, action: &str, out: &mut Vec<Line<'a>>) {
    let idxs = state.history(action);
    if idxs.is_empty() {
        out.push(Line::styled(format!("  {}", i18n::NO_HISTORY.get(l)), t.muted));
        return;
    }
    // One entry per block: when and who, then what (never cut mid-phrase by the pane's width),
    // then the note.
    for &i in idxs.iter().rev() {
        let e = &state.entries[i];
        let when = crate::wording::local_time(l, e.event.at);
        let who = state.plan.person_name(&e.event.by).to_string();
        let mut head =
            vec![Span::styled(format!("  {when} · "), t.muted), Span::styled(sanitize(&who).into_owned(), t.label)];
        if let Some(m) = &e.event.meeting {
            head.push(Span::styled(format!(" [{} {}]", i18n::MEETING.get(l), sanitize(m)), t.muted));
        }
        out.push(Line::from(head));
        let mut what = vec![Span::raw(format!("    {}", sanitize(&crate::wording::describe_entry(l, e))))];
        match e.outcome {
            Outcome::Undone => what.push(Span::styled(format!(" ({})", i18n::UNDONE.get(l)), t.muted)),
            Outcome::Skipped => what.push(Span::styled(format!(" ({})", i18n::NOT_APPLIED.get(l)), t.warning)),
            Outcome::Applied => {}
        }
        out.push(Line::from(what));
        if let Some(n) = &e.event.note {
            out.push(Line::styled(format!("      {}", sanitize(n)), t.muted));
        }
    }
}

/// The colour of a verdict (its symbol and words carry the meaning without it).
pub(super) fn verdict_style(t: &Theme, v: Verdict) -> ratatui::style::Style {
    match v {
        Verdict::OnTrack => t.good,
        Verdict::Behind => t.late,
        Verdict::MeasurementDue => t.warning,
        Verdict::NothingToCompare => t.muted,
    }
}

/// An action's milestones, one a line: done or not, date, label.
pub(super) fn milestone_lines<'a>(l: Lang, t: &Theme, a: &PlanAction, out: &mut Vec<Line<'a>>) {
    for m in &a.milestones {
        let (mark, style) = if m.done { ("✓", t.good) } else { ("·", Style::new()) };
        out.push(Line::from(vec![
            Span::styled(format!("  {mark} "), style),
            Span::raw(format!("{}  {}", date_text(l, m.date), sanitize(&m.label))),
        ]));
    }
}

/// A budget: planned, committed and spent with their shares; spending not recorded (zero) is
/// said so, not shown as « 0 % ».
pub(super) fn budget_line<'a>(l: Lang, b: &crate::plan::model::Budget) -> Line<'a> {
    let pct = |x: u64| (x * 100).checked_div(b.planned.0).map(|p| format!(" ({p} %)")).unwrap_or_default();
    let spent = if b.spent.0 == 0 {
        crate::wording::spent_not_recorded(l).to_string()
    } else {
        format!("{}{}", i18n::euros(l, b.spent.0), pct(b.spent.0))
    };
    Line::raw(format!(
        "  {} {} · {} {}{} · {} {spent}",
        i18n::PLANNED.get(l),
        i18n::euros(l, b.planned.0),
        i18n::COMMITTED.get(l),
        i18n::euros(l, b.committed.0),
        pct(b.committed.0),
        i18n::SPENT.get(l),
    ))
}
