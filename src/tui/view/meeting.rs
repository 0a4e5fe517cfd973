//! The meeting screens: the agenda with the item under discussion in a large view (in projection
//! mode the item alone, full width), and the attendance grouped by organisation.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use super::detail::{budget_line, indicator_lines, milestone_lines};
use super::theme::{LATE_MARK, Theme, status_symbol};
use super::{Ctx, pane, truncate};
use crate::i18n::{self, Lang};
use crate::plan::journal::Change;
use crate::plan::meeting::{AgendaItem, Reason, decision_text, task_text};
use crate::plan::model::PlanAction;
use crate::plan::progress::is_late;
use crate::plan::state::{Meeting, Outcome, PlanState};
use crate::sanitize::{sanitize, sanitize_multiline};
use crate::tui::meeting_ui::MeetingUi;

/// The meeting's heading: title (or the body's name), body, date, open or closed.
pub fn heading(l: Lang, state: &PlanState, m: &Meeting) -> String {
    let body = state.plan.body(&m.body).map(|b| b.name.as_str()).unwrap_or(&m.body);
    let date = i18n::date_text(l, m.date);
    match &m.title {
        Some(t) if t.trim() != body.trim() => {
            i18n::meeting_heading(l, &sanitize(t), &sanitize(body), &date, m.is_open())
        }
        // No title (or the body's name as title): the body's name once, not « X · X ».
        _ => {
            let state = if m.is_open() { i18n::MEETING_OPEN.get(l) } else { i18n::MEETING_CLOSED.get(l) };
            format!("{} · {date} · {state}", sanitize(body))
        }
    }
}

pub fn draw(frame: &mut Frame, area: Rect, ctx: &Ctx) {
    let l = ctx.lang;
    let Some((mu, m)) = shown(ctx) else { return };
    let t = ctx.theme;
    let n = mu.agenda.len();
    let mut title = format!(" {} ", heading(l, ctx.state, m));
    if ctx.ui.present && n > 0 {
        title = format!(" {} · {} ", i18n::agenda_position(l, mu.current + 1, n), heading(l, ctx.state, m));
    }
    let title = truncate(&title, area.width.saturating_sub(4) as usize);
    let block = pane(ctx, Line::styled(title, if m.is_open() { t.title } else { t.muted }), true);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    // On the projector the item has the whole width; otherwise the agenda sits on its left.
    let item_area = if ctx.ui.present {
        inner
    } else {
        let list_w = (inner.width / 3).clamp(26, 48).min(inner.width);
        let [list, item] = Layout::horizontal([Constraint::Length(list_w), Constraint::Min(0)]).spacing(1).areas(inner);
        agenda(frame, list, ctx, mu, m);
        item
    };
    let mut lines = match mu.current_item() {
        Some(item) => item_lines(ctx, m, item),
        None => vec![Line::styled(i18n::AGENDA_EMPTY.get(l), t.muted)],
    };
    // The item may be longer than the screen: it scrolls (PgUp/PgDn), and says so.
    // Rows once wrapped (about: words may wrap a little earlier).
    let w = item_area.width.max(1) as usize;
    let rows: usize = lines.iter().map(|l| l.width().max(1).div_ceil(w)).sum();
    let scroll = mu.item_scroll.min(rows.saturating_sub(1) as u16);
    if rows > item_area.height as usize && item_area.height > 2 {
        lines.insert(1, Line::styled(format!("({})", crate::wording::item_scroll_hint(l)), t.muted));
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }).scroll((scroll, 0)), item_area);
}

fn shown<'a>(ctx: &'a Ctx) -> Option<(&'a MeetingUi, &'a Meeting)> {
    let mu = ctx.ui.meeting.as_ref()?;
    Some((mu, ctx.state.meeting(&mu.id)?))
}

/// The agenda list, the current item highlighted, then how many are present.
fn agenda(frame: &mut Frame, area: Rect, ctx: &Ctx, mu: &MeetingUi, m: &Meeting) {
    let l = ctx.lang;
    let t = ctx.theme;
    let width = area.width as usize;
    let [list, foot] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(area);
    let mut lines = vec![Line::styled(format!("{} ({})", i18n::AGENDA.get(l), mu.agenda.len()), t.heading)];
    let rows = list.height.saturating_sub(1) as usize;
    let first = (mu.current + 1).saturating_sub(rows.max(1));
    for (i, item) in mu.agenda.iter().enumerate().skip(first).take(rows) {
        let marker = if i == mu.current { "▶" } else { " " };
        let (symbol, text, style) = match item.action.as_deref().and_then(|a| ctx.state.plan.action(a)) {
            Some(a) => (status_symbol(a.status), format!("{} {}", a.id, a.title), t.status(a.status)),
            None => ("·", loose_title(l, ctx.state, item), t.muted),
        };
        let head = format!("{marker}{:>2} ", i + 1);
        let room = width.saturating_sub(head.width() + 2);
        let line = Line::from(vec![
            Span::raw(head),
            Span::styled(format!("{symbol} "), style),
            Span::raw(truncate(&sanitize(&text), room)),
        ]);
        lines.push(if i == mu.current { line.style(t.selected) } else { line });
    }
    frame.render_widget(Paragraph::new(lines), list);
    let expected = ctx.derived.attendees(ctx.state, &m.id);
    let present = expected.iter().filter(|a| a.presence == Some(crate::plan::journal::Presence::Present)).count();
    let mut text = i18n::present_count(l, present, expected.len());
    // The next meeting, once set: the chair sees it was entered before closing.
    if let Some((date, _)) = &m.next {
        text.push_str(&tr!(
            l,
            format!(" · suivante : {}", i18n::date_text(l, *date)),
            format!(" · next: {}", i18n::date_text(l, *date))
        ));
    }
    let text = truncate(&text, width);
    frame.render_widget(Paragraph::new(Line::styled(text, t.muted)), foot);
}

/// What an item without an action is: the task's or the decision's text.
fn loose_title(l: Lang, state: &PlanState, item: &AgendaItem) -> String {
    match item.reasons.first() {
        Some(Reason::OpenTask(id)) => format!("{} {id} : {}", i18n::TASK_WORD.get(l), task_text(state, id)),
        Some(Reason::DecisionDue(i)) => format!("{} : {}", i18n::DECISION_WORD.get(l), decision_text(state, *i)),
        _ => String::new(),
    }
}

fn reason_text(l: Lang, state: &PlanState, r: &Reason) -> String {
    match r {
        Reason::Late => i18n::REASON_LATE.get(l).to_string(),
        Reason::Changed => i18n::REASON_CHANGED.get(l).to_string(),
        Reason::Behind => i18n::REASON_BEHIND.get(l).to_string(),
        Reason::MeasurementDue => crate::wording::reason_measurement_due(l).to_string(),
        Reason::OpenTask(id) => i18n::reason_open_task(l, id, task_text(state, id)),
        Reason::DecisionDue(i) => i18n::reason_decision_due(l, decision_text(state, *i)),
    }
}

/// The item under discussion, large and plain: the action, its status in words, why it is on the
/// agenda, its indicators, what is open about it, and what this meeting recorded.
fn item_lines<'a>(ctx: &Ctx, m: &Meeting, item: &AgendaItem) -> Vec<Line<'a>> {
    let l = ctx.lang;
    let t = ctx.theme;
    let state = ctx.state;
    let mut out = Vec::new();
    let action = item.action.as_deref().and_then(|a| state.plan.action(a));
    match action {
        Some(a) => action_head(ctx, a, m, &mut out),
        None => out.push(Line::styled(sanitize(&loose_title(l, state, item)).into_owned(), t.title)),
    }
    let reasons: Vec<String> = item.reasons.iter().map(|r| reason_text(l, state, r)).collect();
    let why = if reasons.is_empty() { i18n::REASON_ADDED.get(l).to_string() } else { reasons.join(" · ") };
    out.push(Line::from(vec![
        Span::styled(i18n::label(l, i18n::WHY_ON_AGENDA.get(l)), t.label),
        Span::styled(sanitize(&why).into_owned(), t.warning),
    ]));
    // What this meeting recorded first: the chair sees a line as soon as it is written.
    recorded_lines(ctx, m, item.action.as_deref(), &mut out);
    if let Some(a) = action {
        if let Some(d) = &a.description {
            out.push(Line::raw(""));
            out.push(Line::styled(crate::wording::description_heading(l), t.heading));
            for l in sanitize_multiline(d).lines() {
                out.push(Line::raw(l.to_string()));
            }
        }
        if let Some(b) = &a.budget {
            out.push(Line::raw(""));
            out.push(Line::styled(crate::wording::budget_heading(l), t.heading));
            out.push(budget_line(l, b));
        }
        if !a.indicators.is_empty() {
            out.push(Line::raw(""));
            out.push(Line::styled(i18n::INDICATORS.get(l), t.heading));
            for i in &a.indicators {
                indicator_lines(l, t, i, m.date.max(ctx.today), &mut out);
            }
        }
        if !a.milestones.is_empty() {
            out.push(Line::raw(""));
            out.push(Line::styled(crate::wording::milestones_heading(l), t.heading));
            milestone_lines(l, t, a, &mut out);
        }
        earlier_lines(ctx, &a.id, m, &mut out);
    }
    out
}

/// A text of several lines as the lines of a list item: the first after `head`, the others
/// indented under it.
fn text_lines<'a>(head: Vec<Span<'a>>, text: &str, indent: usize, out: &mut Vec<Line<'a>>) {
    let clean = sanitize_multiline(text);
    let mut parts = clean.lines();
    let mut first = head;
    first.push(Span::raw(parts.next().unwrap_or_default().to_string()));
    out.push(Line::from(first));
    for l in parts {
        out.push(Line::raw(format!("{}{l}", " ".repeat(indent))));
    }
}

/// The decisions and tasks of earlier meetings about the action, oldest first, with their state:
/// a task open (overdue or not) or done; a decision with its due date, passed or to come.
fn earlier_lines<'a>(ctx: &Ctx, action: &str, m: &Meeting, out: &mut Vec<Line<'a>>) {
    let l = ctx.lang;
    let t = ctx.theme;
    let state = ctx.state;
    let mut lines: Vec<Line<'a>> = Vec::new();
    for e in state.entries.iter().filter(|e| e.outcome == Outcome::Applied) {
        let when = |id: &str| state.meeting(id).map(|mt| i18n::date_text(l, mt.date)).unwrap_or_default();
        match &e.event.change {
            Change::Decision { meeting, text, actions, owner, due }
                if *meeting != m.id && actions.iter().any(|a| a == action) =>
            {
                let owner = owner.as_deref().map(|o| state.plan.person_name(o).to_string()).unwrap_or_default();
                let due_text = due.map(|d| i18n::date_text(l, d)).unwrap_or_default();
                let overdue = due.is_some_and(|d| d < m.date);
                let head = vec![
                    Span::styled(if overdue { format!("  {LATE_MARK} ") } else { "    ".to_string() }, t.late),
                    Span::styled(format!("{} ({}) : ", crate::wording::decision_word(l), when(meeting)), t.label),
                ];
                text_lines(head, text, 6, &mut lines);
                let who_due = i18n::task_due(l, &owner, &due_text);
                if !who_due.is_empty() {
                    lines.push(Line::styled(format!("      {}", sanitize(&who_due)), t.muted));
                }
            }
            Change::Task { meeting, id, .. } if *meeting != m.id => {
                let Some(task) = state.tasks.iter().find(|x| x.id == *id && x.line == e.line) else { continue };
                if !task.actions.iter().any(|a| a == action) {
                    continue;
                }
                let done = task.done_line.is_some();
                let overdue = !done && task.due.is_some_and(|d| d < m.date);
                let head = vec![
                    Span::styled(if overdue { format!("  {LATE_MARK} ") } else { "    ".to_string() }, t.late),
                    Span::styled(
                        format!(
                            "{} {} ({}) · {} : ",
                            i18n::TASK_WORD.get(l),
                            task.id,
                            when(meeting),
                            crate::wording::task_state(l, done)
                        ),
                        if done { t.good } else { t.label },
                    ),
                ];
                text_lines(head, &task.text, 6, &mut lines);
                let owner = task.owner.as_deref().map(|o| state.plan.person_name(o).to_string()).unwrap_or_default();
                let who_due = i18n::task_due(l, &owner, &task.due.map(|d| i18n::date_text(l, d)).unwrap_or_default());
                if !who_due.is_empty() {
                    lines.push(Line::styled(format!("      {}", sanitize(&who_due)), t.muted));
                }
            }
            _ => {}
        }
    }
    if !lines.is_empty() {
        out.push(Line::raw(""));
        out.push(Line::styled(crate::wording::earlier_heading(l), t.heading));
        out.extend(lines);
    }
}

fn action_head<'a>(ctx: &Ctx, a: &PlanAction, m: &Meeting, out: &mut Vec<Line<'a>>) {
    let l = ctx.lang;
    let t = ctx.theme;
    out.push(Line::styled(format!("{} · {}", sanitize(&a.id), sanitize(&a.title)), t.title));
    let mut status = vec![Span::styled(
        format!("{} {}", status_symbol(a.status), i18n::status_label(l, a.status).to_uppercase()),
        t.status(a.status),
    )];
    if is_late(a, m.date) {
        status.push(Span::styled(format!("   {LATE_MARK} {}", i18n::LATE.get(l)), t.late));
    }
    if let Some(d) = a.due {
        status.push(Span::styled(format!("   {} {}", i18n::DUE.get(l), i18n::date_text(l, d)), t.muted));
        let first = ctx.state.base().action(&a.id).and_then(|b| b.due);
        if first.is_some_and(|f| f != d) {
            status.push(Span::styled(format!(" ({})", crate::wording::first_due(l, first)), t.muted));
        }
    }
    out.push(Line::from(status));
    let people: Vec<String> = a.pilots.iter().map(|p| ctx.state.plan.person_name(p).to_string()).collect();
    if !people.is_empty() {
        out.push(Line::from(vec![
            Span::styled(i18n::label(l, i18n::PILOTS.get(l)), t.label),
            Span::raw(sanitize(&people.join(", ")).into_owned()),
        ]));
    }
}

/// What this meeting recorded about the item's action (or, for an item without one, everything
/// recorded without an action).
fn recorded_lines<'a>(ctx: &Ctx, m: &Meeting, action: Option<&str>, out: &mut Vec<Line<'a>>) {
    let l = ctx.lang;
    let t = ctx.theme;
    let mut lines = Vec::new();
    for &i in &m.items {
        let Some(e) = ctx.state.entries.get(i) else { continue };
        // Moving to an item and setting the next meeting are not what the item recorded.
        let bookkeeping = matches!(
            e.event.change,
            crate::plan::journal::Change::AgendaItem { .. } | crate::plan::journal::Change::NextMeeting { .. }
        );
        if e.outcome != Outcome::Applied || bookkeeping {
            continue;
        }
        let about = e.event.change.actions();
        let relevant = match action {
            Some(a) => about.contains(&a),
            None => about.is_empty(),
        };
        if relevant {
            text_lines(vec![Span::raw("  • ")], &crate::wording::describe_entry(l, e), 4, &mut lines);
        }
    }
    if !lines.is_empty() {
        out.push(Line::raw(""));
        out.push(Line::styled(i18n::IN_THIS_MEETING.get(l), t.heading));
        out.extend(lines);
    }
}

/// The attendance, grouped by organisation, one person a row with their presence.
pub fn draw_attendance(frame: &mut Frame, area: Rect, ctx: &Ctx) {
    let l = ctx.lang;
    let Some((mu, m)) = shown(ctx) else { return };
    let t = ctx.theme;
    let title = format!(" {} — {} ", i18n::ATTENDANCE_TITLE.get(l), heading(l, ctx.state, m));
    let block = pane(ctx, Line::styled(truncate(&title, area.width.saturating_sub(4) as usize), t.title), true);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = inner.width as usize;
    let mut lines: Vec<Line> = Vec::new();
    let mut group: Option<String> = None;
    let mut cursor_line = 0;
    for (i, a) in ctx.derived.attendees(ctx.state, &m.id).iter().enumerate() {
        let g = if a.guest {
            i18n::GUESTS.get(l).to_string()
        } else {
            a.org.clone().unwrap_or_else(|| i18n::NO_ORG.get(l).to_string())
        };
        if group.as_ref() != Some(&g) {
            if group.is_some() {
                lines.push(Line::raw(""));
            }
            lines.push(Line::styled(sanitize(&g).into_owned(), t.heading));
            group = Some(g);
        }
        let presence = match a.presence {
            Some(p) => (i18n::presence_label(l, p).to_string(), presence_style(t, p)),
            None => (i18n::NOT_RECORDED.get(l).to_string(), t.muted),
        };
        let name = if a.chair { format!("{} · {}", a.name, i18n::CHAIR.get(l)) } else { a.name.clone() };
        let marker = if i == mu.attendance { "▶ " } else { "  " };
        let room = width.saturating_sub(marker.width() + presence.0.width() + 2);
        let name = truncate(&sanitize(&name), room);
        let pad = room.saturating_sub(name.width());
        let line = Line::from(vec![
            Span::raw(format!("{marker}{name}{}  ", " ".repeat(pad))),
            Span::styled(presence.0, presence.1),
        ]);
        if i == mu.attendance {
            cursor_line = lines.len();
            lines.push(line.style(t.selected));
        } else {
            lines.push(line);
        }
    }
    let scroll = (cursor_line + 1).saturating_sub(inner.height as usize) as u16;
    frame.render_widget(Paragraph::new(lines).scroll((scroll, 0)), inner);
}

fn presence_style(t: &Theme, p: crate::plan::journal::Presence) -> ratatui::style::Style {
    use crate::plan::journal::Presence as P;
    match p {
        P::Present | P::Represented => t.good,
        P::Excused => t.warning,
        P::Absent => t.late,
    }
}
