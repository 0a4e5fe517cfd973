//! Between meetings: the follow-up of open tasks and decisions with a due date (overdue first),
//! the past meetings of each body (a body that has not met as often as it should is flagged), and
//! a meeting's minutes.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::theme::LATE_MARK;
use super::{Ctx, pane, truncate};
use crate::i18n;
use crate::plan::journal::Change;
use crate::plan::meeting::{FollowUp, cadence_months, is_overdue};
use crate::sanitize::sanitize;

/// Keeps a cursor line in sight: the scroll that shows it at the bottom at most.
fn scroll_for(line: usize, height: u16) -> u16 {
    (line + 1).saturating_sub(height as usize) as u16
}

pub fn draw_follow_up(frame: &mut Frame, area: Rect, ctx: &Ctx) {
    let l = ctx.lang;
    let t = ctx.theme;
    let block = pane(ctx, Line::styled(format!(" {} ", i18n::FOLLOW_UP_TITLE.get(l)), t.title), true);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let state = ctx.state;
    let plan = &state.plan;
    let items = ctx.derived.follow_up(state, ctx.today);
    if items.is_empty() {
        frame.render_widget(Paragraph::new(Line::styled(i18n::FOLLOW_UP_EMPTY.get(l), t.muted)), inner);
        return;
    }
    let width = inner.width as usize;
    let mut lines = Vec::new();
    for (i, (item, due)) in items.iter().enumerate() {
        let (what, owner, meeting, actions) = match item {
            FollowUp::Task(id) => {
                let Some(task) = state.tasks.iter().find(|x| &x.id == id) else { continue };
                (
                    format!("{} {id} : {}", i18n::TASK_WORD.get(l), task.text),
                    task.owner.clone(),
                    task.meeting.clone(),
                    task.actions.clone(),
                )
            }
            FollowUp::Decision(e) => match state.entries.get(*e).map(|e| &e.event.change) {
                Some(Change::Decision { meeting, text, actions, owner, .. }) => (
                    format!("{} : {text}", i18n::DECISION_WORD.get(l)),
                    owner.clone(),
                    meeting.clone(),
                    actions.clone(),
                ),
                _ => continue,
            },
        };
        let overdue = due.is_some_and(|d| d < ctx.today);
        let date = due.map(|d| i18n::date_text(l, d)).unwrap_or_else(|| "—".to_string());
        let marker = if i == ctx.ui.list.cursor { "▶" } else { " " };
        let head = Line::from(vec![
            Span::raw(format!("{marker} ")),
            Span::styled(if overdue { format!("{LATE_MARK} ") } else { "  ".to_string() }, t.late),
            Span::styled(format!("{date:<10}  "), if overdue { t.late } else { t.label }),
            Span::raw(truncate(&sanitize(&what), width.saturating_sub(16))),
        ]);
        lines.push(if i == ctx.ui.list.cursor { head.style(t.selected) } else { head });
        let owner = owner.as_deref().map(|o| plan.person_name(o).to_string()).unwrap_or_default();
        let meeting_title = state.meeting(&meeting).map(|m| super::meeting::heading(l, state, m)).unwrap_or(meeting);
        let mut detail = vec![owner, meeting_title];
        detail.extend(actions);
        detail.retain(|s| !s.is_empty());
        lines.push(Line::styled(
            truncate(&format!("                {}", sanitize(&detail.join(" · "))), width),
            t.muted,
        ));
    }
    let scroll = scroll_for(ctx.ui.list.cursor * 2 + 1, inner.height);
    frame.render_widget(Paragraph::new(lines).scroll((scroll, 0)), inner);
}

pub fn draw_meetings(frame: &mut Frame, area: Rect, ctx: &Ctx) {
    let l = ctx.lang;
    let t = ctx.theme;
    let block = pane(ctx, Line::styled(format!(" {} ", i18n::MEETINGS_TITLE.get(l)), t.title), true);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let state = ctx.state;
    let width = inner.width as usize;
    let mut lines = Vec::new();
    let mut n = 0;
    let mut cursor_line = 0;
    for (body, meetings) in state.plan.bodies.iter().zip(ctx.derived.meetings_by_body(state)) {
        let mut head = vec![Span::styled(sanitize(&body.name).into_owned(), t.heading)];
        if let Some(c) = &body.cadence {
            head.push(Span::styled(format!(" ({})", sanitize(c)), t.muted));
        }
        if is_overdue(state, body, ctx.today) {
            let months = cadence_months(body).unwrap_or(0);
            head.push(Span::styled(format!("  {}", i18n::body_overdue(l, months)), t.late));
        }
        lines.push(Line::from(head));
        if meetings.is_empty() {
            lines.push(Line::styled(format!("    {}", i18n::NO_MEETING_YET.get(l)), t.muted));
        }
        for m in meetings.iter().map(|&i| &state.meetings[i]) {
            let selected = n == ctx.ui.list.cursor;
            let text = format!(
                "{} {}  {}",
                if selected { "▶" } else { " " },
                i18n::date_text(l, m.date),
                super::meeting::heading(l, state, m)
            );
            let line = Line::raw(truncate(&text, width));
            if selected {
                cursor_line = lines.len();
            }
            lines.push(if selected { line.style(t.selected) } else { line });
            n += 1;
        }
        lines.push(Line::raw(""));
    }
    frame.render_widget(Paragraph::new(lines).scroll((scroll_for(cursor_line, inner.height), 0)), inner);
}

/// A meeting's minutes, as the Markdown `copil minutes` writes, scrolled.
pub fn draw_minutes(frame: &mut Frame, area: Rect, ctx: &Ctx) {
    let l = ctx.lang;
    let t = ctx.theme;
    let id = ctx.ui.list.meeting.as_deref().unwrap_or_default();
    let title = format!(" {} — {} ", i18n::MINUTES_TITLE.get(l), sanitize(id));
    let block = pane(ctx, Line::styled(truncate(&title, area.width.saturating_sub(4) as usize), t.title), true);
    let text = ctx.derived.minutes(l, ctx.state, id);
    let lines: Vec<Line> = text
        .lines()
        .map(|l| {
            let l = sanitize(l).into_owned();
            if l.starts_with('#') { Line::styled(l, t.heading) } else { Line::raw(l) }
        })
        .collect();
    frame.render_widget(
        Paragraph::new(lines).block(block).wrap(Wrap { trim: false }).scroll((ctx.ui.list.scroll, 0)),
        area,
    );
}
