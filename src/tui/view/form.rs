//! The popup of an open form: its fields, the error of the last submission, the keys.

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use super::Ctx;
use super::theme::status_symbol;
use crate::i18n;
use crate::plan::model::Status;
use crate::sanitize::sanitize;
use crate::tui::form::{FieldValue, Form, FormKind};

pub fn draw(frame: &mut Frame, area: Rect, ctx: &Ctx, form: &Form) {
    let t = ctx.theme;
    let width = area.width.saturating_sub(4).min(72);
    let inner_w = width.saturating_sub(2) as usize;
    let mut lines: Vec<Line> = Vec::new();
    let mut cursor: Option<(u16, u16)> = None;
    for (i, field) in form.fields.iter().enumerate() {
        let focused = i == form.focus;
        let label_style = if focused { t.heading } else { t.label };
        lines.push(Line::styled(format!("{}{}", if focused { "▶ " } else { "  " }, field.label.get()), label_style));
        match &field.value {
            FieldValue::Choice { options, selected } => {
                for (j, opt) in options.iter().enumerate() {
                    let mark = if j == *selected { "(•)" } else { "( )" };
                    let mut spans = vec![Span::raw(format!("    {mark} "))];
                    if form.kind == FormKind::Status {
                        let s = Status::ALL[j.min(3)];
                        spans.push(Span::styled(format!("{} ", status_symbol(s)), t.status(s)));
                    }
                    spans.push(Span::raw(sanitize(opt).into_owned()));
                    let line = Line::from(spans);
                    lines.push(if j == *selected && focused { line.style(t.selected) } else { line });
                }
            }
            FieldValue::Text(input) => {
                let room = inner_w.saturating_sub(6).max(1);
                let scroll = input.visual_scroll(room);
                let shown: String = input.value().chars().skip(scroll).collect();
                lines.push(Line::from(vec![
                    Span::raw("    "),
                    Span::styled(format!("[{}]", sanitize(&shown)), t.title),
                ]));
                if focused {
                    let x = 5 + (input.visual_cursor().saturating_sub(scroll)) as u16;
                    cursor = Some((x, lines.len() as u16 - 1));
                }
            }
        }
    }
    lines.push(Line::raw(""));
    if form.saving {
        lines.push(Line::styled(i18n::SAVING.get(), t.warning));
    }
    if let Some(e) = &form.error {
        lines.push(Line::styled(format!("⚠ {}", sanitize(e)), t.late));
    }
    lines.push(Line::styled(i18n::FORM_HINT.get(), t.muted));
    let height = (lines.len() as u16 + 2).min(area.height);
    let [popup] = Layout::horizontal([Constraint::Length(width)]).flex(Flex::Center).areas(area);
    let [popup] = Layout::vertical([Constraint::Length(height)]).flex(Flex::Center).areas(popup);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(t.border_focus)
        .title(Span::styled(format!(" {} ", sanitize(&form.title())), t.title));
    frame.render_widget(Clear, popup);
    frame.render_widget(Paragraph::new(lines).block(block).wrap(Wrap { trim: false }), popup);
    if let Some((x, y)) = cursor
        && y + 1 < popup.height
    {
        frame.set_cursor_position(Position::new(popup.x + 1 + x.min(popup.width.saturating_sub(3)), popup.y + 1 + y));
    }
}
