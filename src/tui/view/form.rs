//! The popup of an open form: its fields, the error of the last submission, the keys. The popup
//! grows with its fields up to the screen's height; beyond, it scrolls so that the focused field
//! is always in view (a choice that is not focused shows only its chosen option).

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::Ctx;
use super::theme::status_symbol;
use crate::i18n;
use crate::plan::model::Status;
use crate::sanitize::sanitize;
use crate::tui::form::Form;
use crate::tui::form::field::FieldRef;

/// How many options of a focused choice are listed at once.
const CHOICE_ROWS: usize = 8;

pub fn draw(frame: &mut Frame, area: Rect, ctx: &Ctx, form: &Form) {
    let l = ctx.lang;
    let t = ctx.theme;
    let width = area.width.saturating_sub(4).min(72);
    let inner_w = width.saturating_sub(2) as usize;
    let mut lines: Vec<Line> = Vec::new();
    let mut cursor: Option<(u16, u16)> = None;
    // The rows of the focused field, to keep them in view.
    let mut focus_rows = (0usize, 0usize);
    for (i, field) in form.body.fields().into_iter().enumerate() {
        let focused = i == form.focus;
        let first = lines.len();
        let label_style = if focused { t.heading } else { t.label };
        lines.push(Line::styled(format!("{}{}", if focused { "▶ " } else { "  " }, field.label(l)), label_style));
        match field {
            FieldRef::Choice(choice) => {
                let (options, selected) = (choice.options(), choice.selected());
                // Focused: a window of the options around the chosen one; else the chosen one.
                let (from, to) = if focused {
                    let from =
                        (selected + 1).saturating_sub(CHOICE_ROWS).min(options.len().saturating_sub(CHOICE_ROWS));
                    (from, (from + CHOICE_ROWS).min(options.len()))
                } else {
                    (selected, (selected + 1).min(options.len()))
                };
                for (j, opt) in options.iter().enumerate().take(to).skip(from) {
                    let mark = if j == selected { "(•)" } else { "( )" };
                    let mut spans = vec![Span::raw(format!("    {mark} "))];
                    if choice.statuses {
                        let s = Status::ALL[j.min(3)];
                        spans.push(Span::styled(format!("{} ", status_symbol(s)), t.status(s)));
                    }
                    spans.push(Span::raw(super::truncate(&sanitize(opt), inner_w.saturating_sub(10))));
                    let line = Line::from(spans);
                    lines.push(if j == selected && focused { line.style(t.selected) } else { line });
                }
                if focused && options.len() > to - from {
                    lines.push(Line::styled(format!("    {}/{}", selected + 1, options.len()), t.muted));
                }
            }
            FieldRef::Text(text) => {
                let input = &text.input;
                let room = inner_w.saturating_sub(6).max(1);
                let value = input.value();
                // The cursor's line and column among the text's lines.
                let before: String = value.chars().take(input.cursor()).collect();
                let cur_line = before.matches('\n').count();
                let cur_col = before.rsplit('\n').next().unwrap_or("").width();
                let n = value.split('\n').count();
                for (k, text) in value.split('\n').enumerate() {
                    let scroll = if k == cur_line { cur_col.saturating_sub(room.saturating_sub(1)) } else { 0 };
                    let shown: String = skip_width(text, scroll);
                    let (open, close) = match (n, k) {
                        (1, _) => ("[", "]"),
                        (_, 0) => ("[", ""),
                        (_, k) if k + 1 == n => (" ", "]"),
                        _ => (" ", ""),
                    };
                    lines.push(Line::from(vec![
                        Span::raw("   "),
                        Span::styled(format!("{open}{}{close}", sanitize(&shown)), t.title),
                    ]));
                    if focused && k == cur_line {
                        let x = 4 + cur_col.saturating_sub(scroll) as u16;
                        cursor = Some((x, lines.len() as u16 - 1));
                    }
                }
                if focused && text.multiline {
                    lines.push(Line::styled(format!("    {}", crate::wording::multiline_hint(l)), t.muted));
                }
                if focused && !text.suggestions.is_empty() {
                    let names: Vec<String> = text.matching_suggestions().into_iter().map(str::to_string).collect();
                    let hint = crate::wording::owner_suggestions(l, &names);
                    lines.push(Line::styled(format!("    {}", super::truncate(&hint, room)), t.muted));
                }
            }
        }
        if focused {
            focus_rows = (first, lines.len());
        }
    }
    lines.push(Line::raw(""));
    if form.saving {
        lines.push(Line::styled(i18n::SAVING.get(l), t.warning));
    }
    if let Some(e) = &form.error {
        for l in wrap_words(&format!("⚠ {}", sanitize(e)), inner_w) {
            lines.push(Line::styled(l, t.late));
        }
    }
    for l in wrap_words(i18n::FORM_HINT.get(l), inner_w) {
        lines.push(Line::styled(l, t.muted));
    }
    let height = (lines.len() as u16 + 2).min(area.height);
    let rows = height.saturating_sub(2) as usize;
    // Scroll only when the form is taller than the screen: the focused field stays in view.
    let scroll = if lines.len() <= rows {
        0
    } else {
        // The focused field, or, when it is taller than the popup, the cursor's line.
        let (first, end) = match cursor {
            Some((_, y)) if focus_rows.1 - focus_rows.0 > rows => (y as usize, y as usize + 1),
            _ => focus_rows,
        };
        end.saturating_sub(rows).min(first)
    };
    let [popup] = Layout::horizontal([Constraint::Length(width)]).flex(Flex::Center).areas(area);
    let [popup] = Layout::vertical([Constraint::Length(height)]).flex(Flex::Center).areas(popup);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(t.border_focus)
        .title(Span::styled(format!(" {} ", sanitize(&form.title(l))), t.title));
    frame.render_widget(Clear, popup);
    frame.render_widget(Paragraph::new(lines).block(block).scroll((scroll as u16, 0)), popup);
    if let Some((x, y)) = cursor {
        let y = y as usize;
        if y >= scroll && y - scroll < rows {
            let y = (y - scroll) as u16;
            frame.set_cursor_position(Position::new(
                popup.x + 1 + x.min(popup.width.saturating_sub(3)),
                popup.y + 1 + y,
            ));
        }
    }
}

/// The text without its first `width` columns.
fn skip_width(s: &str, width: usize) -> String {
    let mut w = 0;
    s.chars()
        .skip_while(|c| {
            let skip = w < width;
            w += unicode_width::UnicodeWidthChar::width(*c).unwrap_or(0);
            skip
        })
        .collect()
}

/// A text cut into lines of at most `width` columns, at spaces.
fn wrap_words(text: &str, width: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        if !line.is_empty() && line.width() + 1 + word.width() > width.max(1) {
            out.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        out.push(line);
    }
    out
}
