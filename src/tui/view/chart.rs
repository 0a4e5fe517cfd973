//! The chart of one indicator of the selected action: baseline, targets and measurements over
//! time, with the target trajectory (the straight lines from the baseline through each target,
//! the same line `plan::progress::track` judges by). Yes/no indicators are drawn as 0/1;
//! qualitative ones have no curve and list their values instead.

use chrono::{Datelike, NaiveDate};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Chart, Dataset, GraphType, LegendPosition, Paragraph, Wrap};

use super::theme::status_symbol;
use super::{Ctx, truncate};
use crate::i18n;
use crate::plan::model::{Date, Direction, Indicator, PlanAction, Point, Value, ValueKind};
use crate::plan::progress::{Verdict, expected_at, verdict};
use crate::sanitize::sanitize;
use crate::tui::ui_state::{Node, node};

/// A date as the chart's x: days since the start of the common era.
pub fn x_of(d: Date) -> f64 {
    d.0.num_days_from_ce() as f64
}

fn date_of(x: f64) -> Option<Date> {
    NaiveDate::from_num_days_from_ce_opt(x.round() as i32).map(Date)
}

/// A value as the chart's y: numbers as they are, yes/no as 1/0; texts are not drawn.
pub fn y_of(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => Some(*n),
        Value::Bool(b) => Some(if *b { 1.0 } else { 0.0 }),
        Value::Text(_) => None,
    }
}

fn xy(points: &[&Point]) -> Vec<(f64, f64)> {
    let mut v: Vec<(f64, f64)> = points.iter().filter_map(|p| y_of(&p.value).map(|y| (x_of(p.date), y))).collect();
    v.sort_by(|a, b| a.0.total_cmp(&b.0));
    v
}

/// The series of an indicator's chart.
#[derive(Debug, Default, PartialEq)]
pub struct Series {
    pub baseline: Vec<(f64, f64)>,
    pub targets: Vec<(f64, f64)>,
    /// Baseline then targets, by date: the line the measurements are judged against.
    pub trajectory: Vec<(f64, f64)>,
    pub measurements: Vec<(f64, f64)>,
}

impl Series {
    pub fn of(ind: &Indicator) -> Series {
        let baseline = xy(&ind.baseline.iter().collect::<Vec<_>>());
        let targets = xy(&ind.targets.iter().collect::<Vec<_>>());
        let mut trajectory: Vec<(f64, f64)> = baseline.iter().chain(&targets).copied().collect();
        trajectory.sort_by(|a, b| a.0.total_cmp(&b.0));
        let measurements = xy(&ind.measurements.iter().collect::<Vec<_>>());
        Series { baseline, targets, trajectory, measurements }
    }

    fn all(&self) -> impl Iterator<Item = &(f64, f64)> {
        self.trajectory.iter().chain(&self.measurements)
    }

    pub fn is_empty(&self) -> bool {
        self.all().next().is_none()
    }

    /// The x and y ranges, never empty, y from 0 unless values go below.
    pub fn bounds(&self) -> ([f64; 2], [f64; 2]) {
        let (mut x0, mut x1, mut y0, mut y1) = (f64::MAX, f64::MIN, 0.0f64, f64::MIN);
        for (x, y) in self.all() {
            x0 = x0.min(*x);
            x1 = x1.max(*x);
            y0 = y0.min(*y);
            y1 = y1.max(*y);
        }
        if x1 - x0 < 60.0 {
            // One date (or close ones): half a year either side.
            x0 -= 180.0;
            x1 += 180.0;
        }
        if y1 <= y0 {
            y1 = y0 + 1.0;
        }
        // A tenth of headroom above, so that the highest point is not on the frame.
        ([x0, x1], [y0, y1 + (y1 - y0) * 0.1])
    }
}

pub fn draw(frame: &mut Frame, area: Rect, ctx: &Ctx) {
    let l = ctx.lang;
    let t = ctx.theme;
    let action = match ctx.ui.selected_row().and_then(|r| node(&ctx.state.plan, &r.path)) {
        Some(Node::Action(a)) if !a.indicators.is_empty() => a,
        _ => {
            let block = super::pane(ctx, Line::styled(format!(" {} ", i18n::CHART_TITLE.get(l)), t.title), true);
            let p = Paragraph::new(i18n::NOT_AN_ACTION_CHART.get(l)).style(t.muted).block(block);
            frame.render_widget(p, area);
            return;
        }
    };
    let n = action.indicators.len();
    let i = ctx.ui.chart_indicator.min(n - 1);
    let ind = &action.indicators[i];
    let title = i18n::chart_title(l, i, n, &sanitize(&ind.name), ind.unit.as_deref().map(|u| sanitize(u)).as_deref());
    let title = truncate(&format!(" {title} "), area.width.saturating_sub(4) as usize);
    let block = super::pane(ctx, Line::styled(title, t.title), true);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [head, body, foot] =
        Layout::vertical([Constraint::Length(1), Constraint::Min(3), Constraint::Length(2)]).areas(inner);
    frame.render_widget(Paragraph::new(action_line(ctx, action, head.width as usize)), head);
    frame.render_widget(Paragraph::new(summary(ctx, ind)).wrap(Wrap { trim: true }), foot);

    let series = Series::of(ind);
    if ind.value_kind() == Some(ValueKind::Text) || series.is_empty() {
        let mut lines = vec![Line::raw("")];
        if series.is_empty() && ind.value_kind() != Some(ValueKind::Text) {
            lines.push(Line::styled(i18n::CHART_NOTHING.get(l), t.muted));
        } else {
            lines.push(Line::styled(i18n::CHART_TEXT_ONLY.get(l), t.muted));
            let mut points: Vec<&Point> = ind.measurements.iter().collect();
            points.sort_by_key(|p| p.date);
            for p in points {
                lines.push(Line::raw(format!(
                    "  {}  {}",
                    i18n::date_text(l, p.date),
                    sanitize(&i18n::value_text(l, &p.value))
                )));
            }
        }
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), body);
        return;
    }
    frame.render_widget(chart(ctx, ind, &series), body);
}

fn action_line<'a>(ctx: &Ctx, a: &PlanAction, width: usize) -> Line<'a> {
    let t = ctx.theme;
    let head = format!("{} {} ", status_symbol(a.status), sanitize(&a.id));
    let title = truncate(&sanitize(&a.title), width.saturating_sub(head.chars().count()));
    Line::from(vec![Span::styled(head, t.status(a.status)), Span::styled(title, t.title)])
}

/// Under the chart: the latest value against the trajectory, then the baseline and targets.
fn summary<'a>(ctx: &Ctx, ind: &Indicator) -> Vec<Line<'a>> {
    let l = ctx.lang;
    let t = ctx.theme;
    let unit = ind.unit.as_deref().map(|u| format!(" {}", sanitize(u))).unwrap_or_default();
    let value = |v: &Value| format!("{}{unit}", sanitize(&i18n::value_text(l, v)));
    let latest = match ind.latest() {
        Some(p) => {
            let v = verdict(ind, ctx.today);
            let expected = match p.value {
                Value::Number(_) => expected_at(ind, p.date).map(|e| format!("{}{unit}", i18n::number(l, e))),
                _ => None,
            };
            let mut text =
                i18n::chart_latest(l, &value(&p.value), &i18n::date_text(l, p.date), expected.as_deref(), None);
            text.push_str(&format!(" · {}", crate::wording::verdict_text(l, v)));
            Line::styled(text, super::detail::verdict_style(t, v))
        }
        None => {
            let v = verdict(ind, ctx.today);
            Line::styled(format!("{} {}", i18n::no_measure_yet(l), crate::wording::verdict_text(l, v)), t.muted)
        }
    };
    let mut parts = Vec::new();
    if let Some(b) = &ind.baseline {
        parts.push(format!("{} {} ({})", i18n::BASELINE.get(l), value(&b.value), i18n::date_text(l, b.date)));
    }
    if !ind.targets.is_empty() {
        let targets: Vec<String> =
            ind.targets.iter().map(|p| format!("{} ({})", value(&p.value), i18n::date_text(l, p.date))).collect();
        parts.push(format!("{} {}", i18n::TARGETS.get(l), targets.join(", ")));
    }
    vec![latest, Line::styled(parts.join(" · "), t.muted)]
}

fn chart<'a>(ctx: &Ctx, ind: &Indicator, s: &'a Series) -> Chart<'a> {
    let l = ctx.lang;
    let t = ctx.theme;
    let measured = match verdict(ind, ctx.today) {
        Verdict::OnTrack => t.good,
        Verdict::Behind => t.late,
        Verdict::MeasurementDue => t.warning,
        Verdict::NothingToCompare => t.title,
    };
    // Lines in braille (fine), points as dots; a line needs two points. The measurements' line
    // has no name: their dots carry the legend.
    let line = |data: &'a [(f64, f64)], style| {
        (data.len() >= 2)
            .then(|| Dataset::default().marker(Marker::Braille).graph_type(GraphType::Line).style(style).data(data))
    };
    let dots = |name: &'static str, data: &'a [(f64, f64)], style| {
        (!data.is_empty()).then(|| {
            Dataset::default().name(name).marker(Marker::Dot).graph_type(GraphType::Scatter).style(style).data(data)
        })
    };
    let datasets: Vec<Dataset> = [
        line(&s.trajectory, t.muted).map(|d| d.name(i18n::CHART_TRAJECTORY.get(l))),
        dots(i18n::CHART_BASELINE.get(l), &s.baseline, t.label),
        dots(i18n::CHART_TARGETS.get(l), &s.targets, t.warning),
        line(&s.measurements, measured),
        dots(i18n::CHART_MEASURES.get(l), &s.measurements, measured),
    ]
    .into_iter()
    .flatten()
    .collect();
    let (xb, yb) = s.bounds();
    let x_labels: Vec<Span> = [xb[0], (xb[0] + xb[1]) / 2.0, xb[1]]
        .iter()
        .map(|x| Span::styled(date_of(*x).map(|d| i18n::date_text(l, d)).unwrap_or_default(), t.muted))
        .collect();
    let unit = ind.unit.as_deref().map(|u| format!(" {}", sanitize(u))).unwrap_or_default();
    let y_labels: Vec<Span> = if ind.value_kind() == Some(ValueKind::Bool) {
        vec![Span::styled(i18n::NO.get(l), t.muted), Span::styled(i18n::YES.get(l), t.muted)]
    } else {
        [yb[0], (yb[0] + yb[1]) / 2.0, yb[1]]
            .iter()
            .map(|y| Span::styled(format!("{}{unit}", i18n::number(l, (y * 10.0).round() / 10.0)), t.muted))
            .collect()
    };
    let yb = if ind.value_kind() == Some(ValueKind::Bool) { [-0.1, 1.1] } else { yb };
    Chart::new(datasets)
        .style(Style::new())
        .x_axis(Axis::default().bounds(xb).labels(x_labels).style(t.border))
        .y_axis(Axis::default().bounds(yb).labels(y_labels).style(t.border))
        // The legend goes in the corner the trajectory leaves free.
        .legend_position(Some(match ind.direction {
            Direction::Increase => LegendPosition::BottomRight,
            Direction::Decrease => LegendPosition::TopRight,
        }))
        .hidden_legend_constraints((Constraint::Percentage(60), Constraint::Percentage(60)))
}
