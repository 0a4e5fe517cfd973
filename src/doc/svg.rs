//! The report's pictures as SVG, drawn with plotters' SVG backend: an indicator's chart (baseline,
//! targets, the trajectory between them, the measurements) and the status bars of the plan and its
//! orientations. The same SVG goes inline into the HTML page and as a picture into the ODT file.
//! Status is told by a legend with the symbols as well as by colour, so the pictures read in
//! black and white.

use plotters::prelude::*;

use crate::i18n::{self, Lang, date_text, number, status_label};
use crate::plan::model::{Date, Indicator, Status, Value};
use crate::plan::status::status_symbol;

/// Pixels of the SVG canvas; the documents place it at 160 × 70 mm (indicator charts).
pub const CHART_SIZE: (u32, u32) = (640, 280);

const BLUE: RGBColor = RGBColor(0x1f, 0x4e, 0x9a);
const ORANGE: RGBColor = RGBColor(0xd3, 0x5f, 0x00);
const GREY: RGBColor = RGBColor(0x55, 0x55, 0x55);

pub fn status_colour(s: Status) -> RGBColor {
    match s {
        Status::NotStarted => RGBColor(0xc0, 0x39, 0x2b),
        Status::InProgress => RGBColor(0xe6, 0x9b, 0x00),
        Status::Done => RGBColor(0x2e, 0x8b, 0x57),
        Status::Abandoned => RGBColor(0x99, 0x99, 0x99),
    }
}

fn value_of(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => Some(*n),
        Value::Bool(b) => Some(if *b { 1.0 } else { 0.0 }),
        Value::Text(_) => None,
    }
}

fn day(d: Date) -> f64 {
    d.0.signed_duration_since(chrono::NaiveDate::default()).num_days() as f64
}

fn date_of_day(x: f64) -> Date {
    Date(chrono::NaiveDate::default() + chrono::Duration::days(x.round() as i64))
}

fn err(e: impl std::fmt::Display) -> String {
    e.to_string()
}

/// An indicator's chart, or `None` for a text indicator or one with no value at all. Yes/no
/// indicators are drawn as 0/1.
pub fn indicator_chart(l: Lang, ind: &Indicator) -> Option<String> {
    let baseline: Option<(f64, f64)> = ind.baseline.as_ref().and_then(|p| Some((day(p.date), value_of(&p.value)?)));
    let mut targets: Vec<(f64, f64)> =
        ind.targets.iter().filter_map(|p| Some((day(p.date), value_of(&p.value)?))).collect();
    targets.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut measures: Vec<(f64, f64)> =
        ind.measurements.iter().filter_map(|p| Some((day(p.date), value_of(&p.value)?))).collect();
    measures.sort_by(|a, b| a.0.total_cmp(&b.0));
    let all: Vec<(f64, f64)> = baseline.iter().chain(&targets).chain(&measures).copied().collect();
    if all.is_empty() {
        return None;
    }
    let (mut x0, mut x1) = all.iter().fold((f64::MAX, f64::MIN), |(a, b), p| (a.min(p.0), b.max(p.0)));
    let (mut y0, mut y1) = all.iter().fold((0.0f64, f64::MIN), |(a, b), p| (a.min(p.1), b.max(p.1)));
    if x1 - x0 < 60.0 {
        x0 -= 45.0;
        x1 += 45.0;
    }
    let pad = (x1 - x0) * 0.04;
    (x0, x1) = (x0 - pad, x1 + pad);
    if y1 <= y0 {
        y1 = y0 + 1.0;
    }
    y1 += (y1 - y0) * 0.12;
    y0 -= if y0 < 0.0 { (y1 - y0) * 0.05 } else { 0.0 };
    let mut svg = String::new();
    draw_indicator(l, &mut svg, ind, (x0, x1, y0, y1), baseline, &targets, &measures).ok()?;
    Some(bake_text_offsets(&svg))
}

/// plotters places text with `dy="0.76em"` or `dy="0.5ex"`, which LibreOffice and Word ignore
/// (labels then sit on the tick marks): the offsets are added to `y` instead, so the picture is
/// the same in every program.
pub fn bake_text_offsets(svg: &str) -> String {
    let mut out = String::with_capacity(svg.len());
    let mut rest = svg;
    while let Some(at) = rest.find("<text ") {
        out.push_str(&rest[..at]);
        let end = rest[at..].find('>').map(|e| at + e).unwrap_or(rest.len());
        out.push_str(&bake_tag(&rest[at..end]));
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let from = tag.find(&key)? + key.len();
    tag[from..].find('"').map(|e| &tag[from..from + e])
}

fn bake_tag(tag: &str) -> String {
    let (Some(y), Some(dy), Some(size)) = (attr(tag, "y"), attr(tag, "dy"), attr(tag, "font-size")) else {
        return tag.to_string();
    };
    let (Ok(yv), Ok(fs)) = (y.parse::<f64>(), size.parse::<f64>()) else { return tag.to_string() };
    let shift = if let Some(em) = dy.strip_suffix("em") {
        em.parse::<f64>().ok().map(|e| e * fs)
    } else {
        dy.strip_suffix("ex").and_then(|ex| ex.parse::<f64>().ok()).map(|e| e * fs * 0.5)
    };
    let Some(shift) = shift else { return tag.to_string() };
    tag.replace(&format!(" y=\"{y}\""), &format!(" y=\"{:.1}\"", yv + shift)).replace(&format!(" dy=\"{dy}\""), "")
}

fn draw_indicator(
    l: Lang,
    svg: &mut String,
    ind: &Indicator,
    (x0, x1, y0, y1): (f64, f64, f64, f64),
    baseline: Option<(f64, f64)>,
    targets: &[(f64, f64)],
    measures: &[(f64, f64)],
) -> Result<(), String> {
    let yes_no = ind.value_kind() == Some(crate::plan::model::ValueKind::Bool);
    let root = SVGBackend::with_string(svg, CHART_SIZE).into_drawing_area();
    root.fill(&WHITE).map_err(err)?;
    let y_desc = match &ind.unit {
        Some(u) => crate::sanitize::sanitize(u).into_owned(),
        None => String::new(),
    };
    let mut chart = ChartBuilder::on(&root)
        .margin(12)
        .x_label_area_size(28)
        .y_label_area_size(52)
        .build_cartesian_2d(x0..x1, y0..y1)
        .map_err(err)?;
    chart
        .configure_mesh()
        .light_line_style(RGBColor(0xee, 0xee, 0xee))
        .bold_line_style(RGBColor(0xdd, 0xdd, 0xdd))
        .x_labels(6)
        .y_labels(6)
        .x_label_formatter(&|x| date_text(l, date_of_day(*x)))
        .y_label_formatter(&|y| {
            // A yes/no indicator is drawn as 0/1: its axis says non / oui, nothing between.
            if !yes_no {
                number(l, (*y * 100.0).round() / 100.0)
            } else if (*y - 1.0).abs() < 1e-9 {
                i18n::YES.get(l).to_string()
            } else if y.abs() < 1e-9 {
                i18n::NO.get(l).to_string()
            } else {
                String::new()
            }
        })
        .y_desc(y_desc)
        .label_style(("sans-serif", 12))
        .draw()
        .map_err(err)?;

    let trajectory: Vec<(f64, f64)> = baseline.iter().chain(targets).copied().collect();
    if trajectory.len() > 1 {
        chart
            .draw_series(DashedLineSeries::new(trajectory, 6, 4, ORANGE.stroke_width(2)))
            .map_err(err)?
            .label(tr!(l, "Trajectoire", "Trajectory"))
            .legend(|(x, y)| PathElement::new(vec![(x, y), (x + 18, y)], ORANGE.stroke_width(2)));
    }
    if let Some(b) = baseline {
        chart
            .draw_series(std::iter::once(Circle::new(b, 5, GREY.filled())))
            .map_err(err)?
            .label(tr!(l, "Valeur initiale", "Baseline"))
            .legend(|(x, y)| Circle::new((x + 9, y), 5, GREY.filled()));
    }
    if !targets.is_empty() {
        chart
            .draw_series(targets.iter().map(|p| TriangleMarker::new(*p, 7, ORANGE.filled())))
            .map_err(err)?
            .label(tr!(l, "Cibles", "Targets"))
            .legend(|(x, y)| TriangleMarker::new((x + 9, y), 7, ORANGE.filled()));
    }
    if !measures.is_empty() {
        chart.draw_series(LineSeries::new(measures.iter().copied(), BLUE.stroke_width(2))).map_err(err)?;
        chart
            .draw_series(measures.iter().map(|p| Circle::new(*p, 4, BLUE.filled())))
            .map_err(err)?
            .label(tr!(l, "Mesures", "Measurements"))
            .legend(|(x, y)| Circle::new((x + 9, y), 4, BLUE.filled()));
    }
    chart
        .configure_series_labels()
        // Where the line is not: an indicator that should rise starts low on the left.
        .position(match ind.direction {
            crate::plan::model::Direction::Increase => SeriesLabelPosition::LowerRight,
            crate::plan::model::Direction::Decrease => SeriesLabelPosition::UpperRight,
        })
        .background_style(WHITE.mix(0.85))
        .border_style(RGBColor(0xbb, 0xbb, 0xbb))
        .label_font(("sans-serif", 12))
        .draw()
        .map_err(err)?;
    root.present().map_err(err)?;
    Ok(())
}

/// One bar of [`status_bars`]: a label and the count of actions per status (`Status::index`).
pub struct Bar {
    pub label: String,
    pub counts: [usize; 4],
}

/// Pixels of a status-bar picture with `n` bars: 640 wide, 30 per bar plus the legend.
pub fn bars_size(n: usize) -> (u32, u32) {
    (640, 30 * n as u32 + 44)
}

/// Horizontal stacked bars, one per line (the plan, then each orientation): the share of actions
/// per status, the count written in each segment wide enough, a legend with the status symbols.
pub fn status_bars(l: Lang, bars: &[Bar]) -> String {
    let mut svg = String::new();
    let _ = draw_bars(l, &mut svg, bars);
    bake_text_offsets(&svg)
}

fn short(s: &str, max: usize) -> String {
    let s = crate::sanitize::sanitize(s);
    if s.chars().count() <= max {
        return s.into_owned();
    }
    let mut t: String = s.chars().take(max - 1).collect();
    t.push('…');
    t
}

fn draw_bars(l: Lang, svg: &mut String, bars: &[Bar]) -> Result<(), String> {
    let size = bars_size(bars.len());
    let root = SVGBackend::with_string(svg, size).into_drawing_area();
    root.fill(&WHITE).map_err(err)?;
    let (left, right) = (190i32, size.0 as i32 - 12);
    let font = ("sans-serif", 13).into_font();
    let small = ("sans-serif", 11).into_font();
    for (i, bar) in bars.iter().enumerate() {
        let top = 8 + 30 * i as i32;
        root.draw(&Text::new(short(&bar.label, 26), (6, top + 5), font.color(&BLACK))).map_err(err)?;
        let total: usize = bar.counts.iter().sum();
        if total == 0 {
            root.draw(&Rectangle::new([(left, top), (right, top + 22)], GREY.stroke_width(1))).map_err(err)?;
            continue;
        }
        let mut x = left as f64;
        for s in Status::ALL {
            let n = bar.counts[s.index()];
            if n == 0 {
                continue;
            }
            let w = (right - left) as f64 * n as f64 / total as f64;
            let (a, b) = (x.round() as i32, (x + w).round() as i32);
            root.draw(&Rectangle::new([(a, top), (b, top + 22)], status_colour(s).filled())).map_err(err)?;
            root.draw(&Rectangle::new([(a, top), (b, top + 22)], WHITE.stroke_width(1))).map_err(err)?;
            let label = format!("{} {n}", status_symbol(s));
            if b - a > 8 * label.chars().count() as i32 {
                let colour = if s == Status::InProgress || s == Status::Abandoned { &BLACK } else { &WHITE };
                root.draw(&Text::new(label, (a + 5, top + 5), small.color(colour))).map_err(err)?;
            }
            x += w;
        }
    }
    let mut x = 6;
    let y = 8 + 30 * bars.len() as i32 + 8;
    for s in Status::ALL {
        root.draw(&Rectangle::new([(x, y), (x + 14, y + 14)], status_colour(s).filled())).map_err(err)?;
        let label = format!("{} {}", status_symbol(s), status_label(l, s));
        root.draw(&Text::new(label.clone(), (x + 19, y + 1), small.color(&BLACK))).map_err(err)?;
        x += 30 + 7 * label.chars().count() as i32;
    }
    root.present().map_err(err)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::model::Point;

    fn point(d: Date, v: f64) -> Point {
        Point { date: d, value: Value::Number(v), note: None, by: None }
    }

    #[test]
    fn a_numeric_indicator_is_drawn_and_a_text_one_is_not() {
        let l = Lang::Fr;
        let mut ind = Indicator {
            id: "n".into(),
            name: "MSAP".into(),
            unit: Some("MSAP".into()),
            direction: Default::default(),
            baseline: Some(point(Date::ymd(2016, 7, 1), 2.0)),
            targets: vec![point(Date::ymd(2022, 12, 31), 20.0)],
            measurements: vec![point(Date::ymd(2019, 12, 31), 17.0)],
            source: None,
        };
        let svg = indicator_chart(l, &ind).expect("a chart");
        assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"), "{svg}");
        assert!(svg.contains("<circle") && svg.contains("<polygon"), "points and target markers: {svg}");
        ind.baseline = None;
        ind.targets.clear();
        ind.measurements =
            vec![Point { date: Date::ymd(2019, 1, 1), value: Value::Text("x".into()), note: None, by: None }];
        assert_eq!(indicator_chart(l, &ind), None);
    }

    #[test]
    fn a_yes_no_indicator_says_oui_and_non_on_its_axis() {
        let l = Lang::Fr;
        let p = |d, b| Point { date: d, value: Value::Bool(b), note: None, by: None };
        let ind = Indicator {
            id: "b".into(),
            name: "Diagnostic".into(),
            unit: None,
            direction: Default::default(),
            baseline: Some(p(Date::ymd(2016, 7, 1), false)),
            targets: vec![p(Date::ymd(2017, 12, 31), true)],
            measurements: vec![],
            source: None,
        };
        let svg = indicator_chart(l, &ind).unwrap();
        let labels: Vec<&str> = svg.lines().map(str::trim).filter(|l| !l.starts_with('<')).collect();
        // In the language of the moment (another test may have changed it).
        let said = |a: &str, b: &str| labels.contains(&a) || labels.contains(&b);
        assert!(said("oui", "yes") && said("non", "no"), "{labels:?}");
        assert!(!labels.iter().any(|l| l.starts_with("0,")), "no fraction on a yes/no axis: {labels:?}");
    }

    #[test]
    fn text_offsets_are_added_to_y() {
        let svg =
            r#"<text x="1" y="10" dy="0.76em" font-size="10">a</text><text y="5" dy="0.5ex" font-size="8">b</text>"#;
        assert_eq!(
            bake_text_offsets(svg),
            r#"<text x="1" y="17.6" font-size="10">a</text><text y="7.0" font-size="8">b</text>"#
        );
    }

    #[test]
    fn status_bars_have_one_segment_per_status_present() {
        let l = Lang::Fr;
        let svg = status_bars(l, &[Bar { label: "Plan".into(), counts: [1, 2, 0, 0] }]);
        assert!(svg.contains("○ 1") || svg.contains("◐ 2"), "{svg}");
        let reds = svg.matches("#C0392B").count() + svg.matches("#c0392b").count();
        assert!(reds >= 2, "one segment and the legend: {svg}");
    }
}
