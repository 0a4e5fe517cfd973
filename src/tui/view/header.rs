//! The header: the plan's short title, territory, period, and today's date.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::{Ctx, truncate};
use crate::i18n;
use crate::sanitize::sanitize;

pub use crate::i18n::date_text;

pub fn draw(frame: &mut Frame, area: Rect, ctx: &Ctx) {
    let l = ctx.lang;
    let plan = &ctx.state.plan;
    let mut badge = if ctx.read_only { format!("[{}] ", i18n::READ_ONLY.get(l).to_uppercase()) } else { String::new() };
    if let Some(m) = ctx.state.open_meeting() {
        // Everyone should know; those who do not run it, who does.
        let runs = ctx.ui.meeting.as_ref().is_some_and(|r| r.id == m.id);
        let text = if runs {
            i18n::MEETING_IN_PROGRESS.get(l).to_string()
        } else {
            i18n::meeting_opened_by(l, &sanitize(plan.person_name(&m.opened_by)))
        };
        badge.push_str(&format!("[{}] ", text.to_uppercase()));
    }
    // Who this session writes as: the plan's person, or the login, said undeclared.
    let me = match (ctx.by, plan.person(ctx.by)) {
        ("", _) => String::new(),
        (_, Some(p)) => format!("{} · ", sanitize(&p.name)),
        (login, None) => format!("{} · ", i18n::undeclared_user(l, &sanitize(login))),
    };
    // On a narrow screen the date stays whole, the plan keeps a few letters, and who I am, then
    // the badge, give way (cut with "…").
    let today = format!("{} {} ", i18n::TODAY.get(l), date_text(l, ctx.today));
    let spare = (area.width as usize).saturating_sub(today.width() + 1 + MIN_TITLE);
    let (bw, mw) = (badge.width(), me.width());
    let half = spare / 2;
    let (badge_room, me_room) = match () {
        _ if bw + mw <= spare => (bw, mw),
        _ if bw <= half => (bw, spare - bw),
        _ if mw <= half => (spare - mw, mw),
        _ => (half, spare - half),
    };
    let badge = truncate_piece(&badge, badge_room);
    let me = truncate_piece(&me, me_room);
    let right = format!(" {badge}{me}{today}");
    let left = format!(
        " {} · {} · {} → {}",
        sanitize(plan.display_title()),
        sanitize(&plan.territory),
        date_text(l, plan.period.start),
        date_text(l, plan.period.end)
    );
    let room = (area.width as usize).saturating_sub(right.width());
    let left = truncate(&left, room);
    let pad = room.saturating_sub(left.width());
    let line = Line::from(vec![Span::raw(left), Span::raw(" ".repeat(pad)), Span::raw(right)]);
    frame.render_widget(Paragraph::new(line).style(ctx.theme.header), area);
}

/// The columns the plan's title keeps, at least, beside the badges.
const MIN_TITLE: usize = 12;

/// A piece of the header's right side in at most `room` columns: whole, cut with "…" and a space
/// kept after it, or nothing when fewer than 4 columns are left.
fn truncate_piece(piece: &str, room: usize) -> String {
    if piece.width() <= room {
        piece.to_string()
    } else if room < 4 {
        String::new()
    } else {
        format!("{} ", truncate(piece.trim_end(), room - 1))
    }
}
