//! The "tableau de bord" as a document: `copil report` renders a [`PlanState`] as Markdown (for
//! people: French or English, as the rest of the interface) or as CSV (for spreadsheets: stable
//! machine names, plain integers, RFC 4180).
//!
//! Both renderers are pure: the same state and date give the same bytes. The figures come from
//! `plan::progress` (late, on track, roll-ups, budget sums), so the report and the screen agree.

use std::borrow::Cow;

use crate::doc::sheet::{Book, Cell, Sheet};
use crate::doc::{Block, Doc, Item, Line, Table, b, svg, t};
use crate::i18n::{self, Lang, date_text, euros, percent, status_label, value_text};
use crate::plan::model::{Date, Indicator, Orientation, Plan, PlanAction, Point, Status, Value};
use crate::plan::progress::{Figures, Verdict, is_late, verdict};
use crate::plan::state::PlanState;
use crate::sanitize::sanitize;

/// The state as it was on `at`: the plan file with only the journal lines written on or before
/// that date (the date of their `at` timestamp, in its own offset), each keeping its line number.
/// A later `Undo` is not replayed, so what it cancelled still counts.
pub fn state_at(state: &PlanState, at: Date) -> PlanState {
    let mut past = PlanState::new(state.base().clone());
    for e in state.entries.iter().filter(|e| e.event.at.date() <= at) {
        past.apply(e.line, e.event.clone());
    }
    past
}

/// The report file could not be written (the message of `copil report -o FILE`).
pub fn write_error(l: Lang, path: &std::path::Path, e: &std::io::Error) -> String {
    let (path, why) = (path.display(), i18n::io_reason(l, e));
    tr!(
        l,
        format!("impossible d'écrire le rapport dans {path} ({why}) : aucun fichier n'a été modifié"),
        format!("cannot write the report to {path} ({why}): no file was changed")
    )
}

pub use crate::plan::status::status_symbol;

/// The stable machine name of a status (CSV): not_started, in_progress, done, abandoned.
pub fn status_name(s: Status) -> &'static str {
    s.spelling().machine
}

/// Every action and sub-action of the plan, depth first: (orientation, action, id path).
fn rows(plan: &Plan) -> Vec<(&Orientation, &PlanAction, Vec<&str>)> {
    fn visit<'a>(
        o: &'a Orientation,
        a: &'a PlanAction,
        path: &[&'a str],
        out: &mut Vec<(&'a Orientation, &'a PlanAction, Vec<&'a str>)>,
    ) {
        let mut p = path.to_vec();
        p.push(&a.id);
        out.push((o, a, p.clone()));
        for s in &a.sub_actions {
            visit(o, s, &p, out);
        }
    }
    let mut out = Vec::new();
    for o in &plan.orientations {
        for a in &o.actions {
            visit(o, a, &[], &mut out);
        }
    }
    out
}

fn behind_count(a: &PlanAction, at: Date) -> usize {
    a.indicators.iter().filter(|i| verdict(i, at) == Verdict::Behind).count()
}

// ---------------------------------------------------------------------------------------------
// CSV

/// The CSV header; the columns never change with the language.
pub const CSV_HEADER: [&str; 12] = [
    "orientation",
    "action",
    "parent",
    "title",
    "status",
    "late",
    "pilots",
    "due",
    "indicators_behind",
    "budget_planned",
    "budget_committed",
    "budget_spent",
];

/// One field, quoted when it holds a comma, a quote or a line break (quotes doubled), RFC 4180.
pub fn csv_field(s: &str) -> Cow<'_, str> {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        // A spreadsheet would run it as a formula (CSV injection): a leading apostrophe makes it
        // text, shown as written.
        return Cow::Owned(format!("\"'{}\"", s.replace('"', "\"\"")));
    }
    if s.contains([',', '"', '\n', '\r']) {
        Cow::Owned(format!("\"{}\"", s.replace('"', "\"\"")))
    } else {
        Cow::Borrowed(s)
    }
}

fn csv_record(out: &mut String, fields: &[&str]) {
    let line: Vec<Cow<str>> = fields.iter().map(|f| csv_field(f)).collect();
    out.push_str(&line.join(","));
    out.push_str("\r\n");
}

/// Text from a file, for CSV: control characters replaced, line breaks kept (the field is quoted).
fn csv_text(s: &str) -> String {
    crate::sanitize::sanitize_multiline(s).into_owned()
}

/// The report as CSV: a header, then one record per action and sub-action, depth first.
/// Records end with CRLF (RFC 4180). An action without a budget has empty budget fields.
pub fn csv(state: &PlanState, at: Date) -> String {
    let plan = &state.plan;
    let mut out = String::new();
    csv_record(&mut out, &CSV_HEADER);
    for (o, a, path) in rows(plan) {
        let parent = if path.len() > 1 { path[path.len() - 2] } else { "" };
        let pilots: Vec<String> = a.pilots.iter().map(|p| csv_text(plan.person_name(p))).collect();
        let due = a.due.map(|d| d.to_string()).unwrap_or_default();
        let money = |f: fn(&crate::plan::model::Budget) -> u64| a.budget.as_ref().map(|b| f(b).to_string());
        let (planned, committed, spent) = (money(|b| b.planned.0), money(|b| b.committed.0), money(|b| b.spent.0));
        csv_record(
            &mut out,
            &[
                &csv_text(&o.id),
                &csv_text(&a.id),
                &csv_text(parent),
                &csv_text(&a.title),
                status_name(a.status),
                if is_late(a, at) { "1" } else { "0" },
                &pilots.join(";"),
                &due,
                &behind_count(a, at).to_string(),
                planned.as_deref().unwrap_or(""),
                committed.as_deref().unwrap_or(""),
                spent.as_deref().unwrap_or(""),
            ],
        );
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Markdown

/// Text from a file, for one line of Markdown (a heading, a list item, a table cell): line breaks
/// and tabs become spaces, other control characters are replaced, and the characters that
/// Markdown would read as markup (`|` first, which would split a table cell) are escaped.
pub fn md_text(s: &str) -> String {
    let flat: String = s.chars().map(|c| if matches!(c, '\n' | '\r' | '\t') { ' ' } else { c }).collect();
    let mut out = String::with_capacity(flat.len());
    for c in sanitize(&flat).chars() {
        if matches!(c, '\\' | '|' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The status's symbol and name; its name alone when plain (`crate::line`).
fn status_cell(l: Lang, s: Status) -> String {
    crate::line::status_text(l, s)
}

fn track_cell(l: Lang, v: Verdict) -> String {
    format!("{}{}", crate::line::verdict_mark(v), crate::wording::verdict_label(l, v))
}

fn point_text(l: Lang, ind: &Indicator, p: &Point) -> String {
    let mut v = value_text(l, &p.value);
    if let (Value::Number(_), Some(unit)) = (&p.value, &ind.unit) {
        v.push(' ');
        v.push_str(unit);
    }
    format!("{v} ({})", date_text(l, p.date))
}

fn pilots_text(plan: &Plan, a: &PlanAction) -> String {
    if a.pilots.is_empty() {
        return "—".to_string();
    }
    a.pilots.iter().map(|p| plan.person_name(p)).collect::<Vec<_>>().join(", ")
}

fn id_path(path: &[&str]) -> String {
    path.join(crate::line::path_separator())
}

fn cell(s: impl Into<String>) -> Line {
    vec![t(s)]
}

/// The summary of a set of actions: counts per status, late, indicators, budget.
fn summary(l: Lang, d: &mut Doc, f: &Figures) {
    let mut counts = Table::new(&[i18n::STATUS.get(l), i18n::ACTIONS.get(l)], &[false, true]);
    for s in Status::ALL {
        counts.row(vec![cell(status_cell(l, s)), cell(f.counts.by_status[s.index()].to_string())]);
    }
    counts.row(vec![vec![b(tr!(l, "Total", "Total"))], vec![b(f.counts.total().to_string())]]);
    counts.row(vec![cell(tr!(l, "dont en retard", "of which late")), cell(f.counts.late.to_string())]);
    d.push(Block::Table(counts));
    let total = f.on_track + f.behind + f.measurement_due + f.untracked;
    let mark = crate::line::verdict_mark;
    let (ok, behind, due) = (mark(Verdict::OnTrack), mark(Verdict::Behind), mark(Verdict::MeasurementDue));
    d.para(cell(tr!(l,
        format!(
            "{} : {total} — {ok}{} dans la trajectoire, {behind}{} en retard sur la cible, {due}{} en attente de mesure, {} sans comparaison possible.",
            i18n::INDICATORS.get(l),
            f.on_track,
            f.behind,
            f.measurement_due,
            f.untracked
        ),
        format!(
            "{}: {total} — {ok}{} on track, {behind}{} behind target, {due}{} measurement due, {} with nothing to compare.",
            i18n::INDICATORS.get(l),
            f.on_track,
            f.behind,
            f.measurement_due,
            f.untracked
        )
    )));
    let bu = &f.budget;
    let mut money = Table::new(
        &[i18n::BUDGET.get(l), tr!(l, "Montant", "Amount"), tr!(l, "Part du prévu", "Share of planned")],
        &[false, true, true],
    );
    money.row(vec![
        cell(tr!(l, "Prévu", "Planned")),
        cell(euros(l, bu.planned)),
        cell(percent(l, bu.planned, bu.planned)),
    ]);
    money.row(vec![
        cell(tr!(l, "Engagé", "Committed")),
        cell(euros(l, bu.committed)),
        cell(percent(l, bu.committed, bu.planned)),
    ]);
    if bu.spent == 0 {
        money.row(vec![cell(tr!(l, "Dépensé", "Spent")), cell(crate::wording::spent_not_recorded(l)), cell("—")]);
    } else {
        money.row(vec![
            cell(tr!(l, "Dépensé", "Spent")),
            cell(euros(l, bu.spent)),
            cell(percent(l, bu.spent, bu.planned)),
        ]);
    }
    d.push(Block::Table(money));
}

/// Millimetres on paper for a picture of this many pixels, 160 mm wide.
fn figure(svg: String, (w, h): (u32, u32), alt: String) -> Block {
    Block::Figure { svg, width_mm: 160.0, height_mm: 160.0 * h as f64 / w as f64, alt }
}

/// The report as Markdown, in the current language: a title block, the whole plan's summary,
/// then per orientation its summary, a table of its actions and each action in detail.
/// `at` is the date of the state and the "today" that decides what is late.
pub fn markdown(l: Lang, state: &PlanState, at: Date) -> String {
    let mut out = crate::doc::markdown(&document(l, state, at, false));
    // The report has always ended with a blank line.
    out.push('\n');
    out
}

/// The report as a document; `figures` adds the pictures (status bars, indicator charts) that
/// the HTML and ODT documents show.
pub fn document(l: Lang, state: &PlanState, at: Date, figures: bool) -> Doc {
    let plan = &state.plan;
    let title = format!("{} — {}", tr!(l, "Tableau de bord", "Dashboard"), plan.title);
    let mut d = Doc::new(l, title.clone());
    d.heading(1, title);
    let mut head =
        vec![Item::new(crate::doc::labelled(l, tr!(l, "Territoire", "Territory"), cell(plan.territory.clone())))];
    let (start, end) = (date_text(l, plan.period.start), date_text(l, plan.period.end));
    head.push(Item::new(cell(tr!(l, format!("Période : du {start} au {end}"), format!("Period: {start} to {end}")))));
    if let Some(a) = plan.adopted {
        head.push(Item::new(cell(tr!(
            l,
            format!("Adopté le {}", date_text(l, a)),
            format!("Adopted: {}", date_text(l, a))
        ))));
    }
    let at_text = date_text(l, at);
    let journal = match state.entries.len() {
        0 => tr!(l, "le plan, sans ligne de journal".to_string(), "the plan, with no journal line".to_string()),
        1 => tr!(l, "le plan et 1 ligne de journal".to_string(), "the plan and 1 journal line".to_string()),
        n => tr!(l, format!("le plan et {n} lignes de journal"), format!("the plan and {n} journal lines")),
    };
    head.push(Item::new(cell(tr!(
        l,
        format!("État au {at_text} : {journal}"),
        format!("State on {at_text}: {journal}")
    ))));
    d.push(Block::List(head));

    let whole = Figures::of_plan(plan, at);
    d.heading(2, tr!(l, "Synthèse du plan", "Plan summary"));
    summary(l, &mut d, &whole);
    if figures {
        let mut bars = vec![svg::Bar { label: tr!(l, "Plan", "Plan").to_string(), counts: whole.counts.by_status }];
        for o in &plan.orientations {
            let f = Figures::of_orientation(o, at);
            bars.push(svg::Bar { label: format!("{} — {}", o.id, o.title), counts: f.counts.by_status });
        }
        let size = svg::bars_size(bars.len());
        let alt = tr!(
            l,
            "Actions par statut, pour le plan et chaque orientation",
            "Actions per status, for the plan and each orientation"
        );
        d.push(figure(svg::status_bars(l, &bars), size, alt.to_string()));
    }

    if plan.orientations.is_empty() {
        d.para(cell(i18n::EMPTY_PLAN.get(l)));
        return d;
    }
    d.heading(3, tr!(l, "Par orientation", "By orientation"));
    let mut head: Vec<String> = vec![i18n::ORIENTATION.get(l).to_string(), i18n::ACTIONS.get(l).to_string()];
    for s in Status::ALL {
        head.push(status_cell(l, s));
    }
    head.push(tr!(l, "En retard", "Late").to_string());
    head.push(tr!(l, "Indicateurs en retard", "Indicators behind").to_string());
    head.push(tr!(l, "Budget prévu", "Planned budget").to_string());
    let head: Vec<&str> = head.iter().map(String::as_str).collect();
    let mut right = vec![true; head.len()];
    right[0] = false;
    let mut table = Table::new(&head, &right);
    table.widths = vec![5, 2, 2, 2, 2, 2, 2, 2, 3];
    for o in &plan.orientations {
        let f = Figures::of_orientation(o, at);
        let mut row = vec![cell(format!("{} — {}", o.id, o.title)), cell(f.counts.total().to_string())];
        for s in Status::ALL {
            row.push(cell(f.counts.by_status[s.index()].to_string()));
        }
        row.push(cell(f.counts.late.to_string()));
        row.push(cell(f.behind.to_string()));
        row.push(cell(euros(l, f.budget.planned)));
        table.row(row);
    }
    d.push(Block::Table(table));

    let all = rows(plan);
    for o in &plan.orientations {
        orientation(l, &mut d, plan, o, &all, at, figures);
    }
    d
}

fn orientation(
    l: Lang,
    d: &mut Doc,
    plan: &Plan,
    o: &Orientation,
    all: &[(&Orientation, &PlanAction, Vec<&str>)],
    at: Date,
    figures: bool,
) {
    d.heading(2, format!("{} {} — {}", i18n::ORIENTATION.get(l), o.id, o.title));
    if let Some(s) = &o.summary {
        d.para(cell(s.clone()));
    }
    summary(l, d, &Figures::of_orientation(o, at));
    let mine: Vec<_> = all.iter().filter(|(x, _, _)| std::ptr::eq(*x, o)).collect();
    if mine.is_empty() {
        d.para(cell(tr!(l, "Aucune action.", "No action.")));
        return;
    }

    d.heading(3, tr!(l, "Tableau des actions", "Actions at a glance"));
    let mut table = Table::new(
        &[
            tr!(l, "Action", "Action"),
            tr!(l, "Titre", "Title"),
            i18n::STATUS.get(l),
            i18n::PILOTS.get(l),
            i18n::DUE.get(l),
            tr!(l, "Indicateurs en retard", "Indicators behind"),
            tr!(l, "Budget prévu", "Planned budget"),
        ],
        &[false, false, false, false, false, true, true],
    );
    table.widths = vec![4, 9, 5, 5, 4, 3, 3];
    for (_, a, path) in &mine {
        table.row(vec![
            cell(id_path(path)),
            cell(a.title.clone()),
            status_with_late(l, a, at),
            cell(pilots_text(plan, a)),
            cell(a.due.map(|d| date_text(l, d)).unwrap_or_else(|| "—".to_string())),
            cell(behind_count(a, at).to_string()),
            cell(a.budget.as_ref().map(|b| euros(l, b.planned.0)).unwrap_or_else(|| "—".to_string())),
        ]);
    }
    d.push(Block::Table(table));

    d.heading(3, tr!(l, "Détail des actions", "Actions in detail"));
    for (_, a, path) in &mine {
        action(l, d, plan, a, path, at, figures);
    }
}

fn item(l: Lang, label: &str, value: Line) -> Item {
    Item::new(crate::doc::labelled(l, label, value))
}

fn status_with_late(l: Lang, a: &PlanAction, at: Date) -> Line {
    let mut line = vec![t(status_cell(l, a.status))];
    if is_late(a, at) {
        line.push(t(", "));
        line.push(b(i18n::LATE.get(l)));
    }
    line
}

fn action(l: Lang, d: &mut Doc, plan: &Plan, a: &PlanAction, path: &[&str], at: Date, figures: bool) {
    d.heading((3 + path.len()).min(6) as u8, format!("{} — {}", id_path(path), a.title));
    let mut lines = vec![
        item(l, i18n::STATUS.get(l), status_with_late(l, a, at)),
        item(l, i18n::PILOTS.get(l), cell(pilots_text(plan, a))),
        item(l, i18n::DUE.get(l), cell(a.due.map(|d| date_text(l, d)).unwrap_or_else(|| "—".to_string()))),
    ];
    let budget = match &a.budget {
        Some(bu) => {
            let (p, c, s) = (bu.planned.0, bu.committed.0, bu.spent.0);
            format!(
                "{} {}, {} {} ({}), {} {} ({})",
                i18n::PLANNED.get(l),
                euros(l, p),
                i18n::COMMITTED.get(l),
                euros(l, c),
                percent(l, c, p),
                i18n::SPENT.get(l),
                if s == 0 { crate::wording::spent_not_recorded(l).to_string() } else { euros(l, s) },
                if s == 0 { "—".to_string() } else { percent(l, s, p) }
            )
        }
        None => "—".to_string(),
    };
    lines.push(item(l, i18n::BUDGET.get(l), cell(budget)));
    if a.indicators.is_empty() {
        lines.push(item(l, i18n::INDICATORS.get(l), cell(tr!(l, "aucun", "none"))));
        d.push(Block::List(lines));
        return;
    }
    d.push(Block::List(lines));
    let mut table = Table::new(
        &[
            tr!(l, "Indicateur", "Indicator"),
            tr!(l, "Valeur initiale", "Baseline"),
            tr!(l, "Cibles", "Targets"),
            tr!(l, "Dernière mesure", "Latest"),
            tr!(l, "Trajectoire", "Track"),
        ],
        &[false; 5],
    );
    table.widths = vec![5, 3, 4, 3, 3];
    for ind in &a.indicators {
        let mut name = ind.name.clone();
        if let Some(u) = &ind.unit {
            name.push_str(&format!(" ({u})"));
        }
        let baseline = ind.baseline.as_ref().map(|p| point_text(l, ind, p)).unwrap_or_else(|| "—".to_string());
        let targets = if ind.targets.is_empty() {
            "—".to_string()
        } else {
            ind.targets.iter().map(|p| point_text(l, ind, p)).collect::<Vec<_>>().join(tr!(l, " ; ", "; "))
        };
        let latest = ind.latest().map(|p| point_text(l, ind, p)).unwrap_or_else(|| i18n::NO_MEASURE.get(l).to_string());
        table.row(vec![cell(name), cell(baseline), cell(targets), cell(latest), cell(track_cell(l, verdict(ind, at)))]);
    }
    d.push(Block::Table(table));
    if figures {
        for ind in &a.indicators {
            if let Some(chart) = svg::indicator_chart(l, ind) {
                let alt = tr!(
                    l,
                    format!("{} — {} : valeur initiale, cibles, trajectoire et mesures", a.id, ind.name),
                    format!("{} — {}: baseline, targets, trajectory and measurements", a.id, ind.name)
                );
                d.push(figure(chart, svg::CHART_SIZE, alt));
            }
        }
    }
}

/// The report in a format, as the file's bytes.
pub fn render(l: Lang, state: &PlanState, at: Date, format: crate::cli::ReportFormat) -> std::io::Result<Vec<u8>> {
    use crate::cli::ReportFormat as F;
    Ok(match format {
        F::Md => markdown(l, state, at).into_bytes(),
        F::Csv => csv(state, at).into_bytes(),
        F::Html => crate::doc::html::render(&document(l, state, at, true)).into_bytes(),
        F::Odt => crate::doc::odt::render(&document(l, state, at, true))?,
        F::Ods => crate::doc::ods::render(l, &book(l, state, at))?,
        F::Xlsx => crate::doc::xlsx::render(l, &book(l, state, at))?,
    })
}

/// A binary document was asked for without `-o FILE`.
pub fn needs_output(l: Lang) -> &'static str {
    tr!(
        l,
        "ce format est binaire : donnez le fichier à écrire avec -o FICHIER",
        "this format is binary: give the file to write with -o FILE"
    )
}

// ---------------------------------------------------------------------------------------------
// Spreadsheets (ODS, XLSX)

/// The report as a workbook: a summary sheet (the plan's figures), one row per orientation, and
/// one row per action and sub-action with numbers, dates and euros as such.
pub fn book(l: Lang, state: &PlanState, at: Date) -> Book {
    let plan = &state.plan;
    let f = Figures::of_plan(plan, at);
    let mut summary = Sheet::new(
        tr!(l, "Synthèse", "Summary"),
        &[tr!(l, "Élément", "Item"), tr!(l, "Valeur", "Value")],
        &[42.0, 60.0],
    );
    let mut row = |label: &str, v: Cell| summary.rows.push(vec![Cell::text(label), v]);
    row(tr!(l, "Plan", "Plan"), Cell::text(&plan.title));
    row(tr!(l, "Territoire", "Territory"), Cell::text(&plan.territory));
    row(tr!(l, "Début de la période", "Period start"), Cell::Date(plan.period.start));
    row(tr!(l, "Fin de la période", "Period end"), Cell::Date(plan.period.end));
    row(tr!(l, "État au", "State on"), Cell::Date(at));
    row(tr!(l, "Lignes de journal", "Journal lines"), Cell::Number(state.entries.len() as f64));
    row(tr!(l, "Actions", "Actions"), Cell::Number(f.counts.total() as f64));
    for s in Status::ALL {
        row(&status_cell(l, s), Cell::Number(f.counts.by_status[s.index()] as f64));
    }
    row(tr!(l, "Actions en retard", "Actions late"), Cell::Number(f.counts.late as f64));
    row(tr!(l, "Indicateurs dans la trajectoire", "Indicators on track"), Cell::Number(f.on_track as f64));
    row(tr!(l, "Indicateurs en retard sur la cible", "Indicators behind target"), Cell::Number(f.behind as f64));
    row(
        tr!(l, "Indicateurs en attente de mesure", "Indicators with a measurement due"),
        Cell::Number(f.measurement_due as f64),
    );
    row(tr!(l, "Indicateurs sans comparaison", "Indicators with nothing to compare"), Cell::Number(f.untracked as f64));
    row(tr!(l, "Budget prévu", "Budget planned"), Cell::Euros(f.budget.planned));
    row(tr!(l, "Budget engagé", "Budget committed"), Cell::Euros(f.budget.committed));
    row(tr!(l, "Budget dépensé", "Budget spent"), Cell::Euros(f.budget.spent));
    let share = |part: u64| {
        if f.budget.planned == 0 { Cell::Empty } else { Cell::Percent(part as f64 / f.budget.planned as f64) }
    };
    row(tr!(l, "Part engagée", "Share committed"), share(f.budget.committed));
    row(tr!(l, "Part dépensée", "Share spent"), share(f.budget.spent));

    let mut head: Vec<String> =
        vec![i18n::ORIENTATION.get(l).into(), tr!(l, "Titre", "Title").into(), i18n::ACTIONS.get(l).into()];
    head.extend(Status::ALL.iter().map(|s| status_label(l, *s).to_string()));
    for h in [
        tr!(l, "En retard", "Late"),
        tr!(l, "Indicateurs en retard", "Indicators behind"),
        tr!(l, "Budget prévu", "Budget planned"),
        tr!(l, "Budget engagé", "Budget committed"),
        tr!(l, "Budget dépensé", "Budget spent"),
    ] {
        head.push(h.to_string());
    }
    let head: Vec<&str> = head.iter().map(String::as_str).collect();
    let mut orientations = Sheet::new(
        tr!(l, "Orientations", "Orientations"),
        &head,
        &[12.0, 50.0, 10.0, 12.0, 12.0, 12.0, 12.0, 11.0, 12.0, 15.0, 15.0, 15.0],
    );
    for o in &plan.orientations {
        let f = Figures::of_orientation(o, at);
        let mut r = vec![Cell::text(&o.id), Cell::text(&o.title), Cell::Number(f.counts.total() as f64)];
        r.extend(Status::ALL.iter().map(|s| Cell::Number(f.counts.by_status[s.index()] as f64)));
        r.push(Cell::Number(f.counts.late as f64));
        r.push(Cell::Number(f.behind as f64));
        r.extend([Cell::Euros(f.budget.planned), Cell::Euros(f.budget.committed), Cell::Euros(f.budget.spent)]);
        orientations.rows.push(r);
    }

    let mut actions = Sheet::new(
        tr!(l, "Actions", "Actions"),
        &[
            i18n::ORIENTATION.get(l),
            tr!(l, "Action", "Action"),
            tr!(l, "Action parente", "Parent action"),
            tr!(l, "Titre", "Title"),
            i18n::STATUS.get(l),
            tr!(l, "En retard", "Late"),
            i18n::PILOTS.get(l),
            tr!(l, "Début", "Start"),
            i18n::DUE.get(l),
            tr!(l, "Indicateurs", "Indicators"),
            tr!(l, "Indicateurs en retard", "Indicators behind"),
            tr!(l, "Budget prévu", "Budget planned"),
            tr!(l, "Budget engagé", "Budget committed"),
            tr!(l, "Budget dépensé", "Budget spent"),
        ],
        &[12.0, 12.0, 12.0, 50.0, 14.0, 10.0, 30.0, 12.0, 12.0, 11.0, 11.0, 15.0, 15.0, 15.0],
    );
    for (o, a, path) in rows(plan) {
        let parent = if path.len() > 1 { path[path.len() - 2] } else { "" };
        let pilots: Vec<&str> = a.pilots.iter().map(|p| plan.person_name(p)).collect();
        let money = |f: fn(&crate::plan::model::Budget) -> u64| Cell::opt_euros(a.budget.as_ref().map(f));
        actions.rows.push(vec![
            Cell::text(&o.id),
            Cell::text(&a.id),
            Cell::text(parent),
            Cell::text(&a.title),
            Cell::text(status_label(l, a.status)),
            Cell::text(if is_late(a, at) { i18n::YES.get(l) } else { i18n::NO.get(l) }),
            Cell::text(pilots.join(", ")),
            Cell::opt_date(a.start),
            Cell::opt_date(a.due),
            Cell::Number(a.indicators.len() as f64),
            Cell::Number(behind_count(a, at) as f64),
            money(|b| b.planned.0),
            money(|b| b.committed.0),
            money(|b| b.spent.0),
        ]);
    }
    let title = format!("{} — {}", tr!(l, "Tableau de bord", "Dashboard"), plan.title);
    Book { title, sheets: vec![summary, orientations, actions] }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_cells_that_a_spreadsheet_would_run_are_text() {
        for (cell, want) in [
            ("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\""),
            ("+33 5 45", "\"'+33 5 45\""),
            ("-1", "\"'-1\""),
            ("@SUM(A1)", "\"'@SUM(A1)\""),
            ("\tx", "\"'\tx\""),
            ("\r=1", "\"'\r=1\""),
        ] {
            assert_eq!(csv_field(cell), want, "{cell:?}");
        }
        assert_eq!(csv_field("Budget = 10"), "Budget = 10", "only a leading sign counts");
    }

    #[test]
    fn csv_fields_are_quoted_only_when_needed() {
        assert_eq!(csv_field("abc"), "abc");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("dit \"oui\""), "\"dit \"\"oui\"\"\"");
        assert_eq!(csv_field("a\nb"), "\"a\nb\"");
        assert_eq!(csv_field("a\rb"), "\"a\rb\"");
    }

    #[test]
    fn markdown_text_cannot_break_a_table_or_the_terminal() {
        assert_eq!(md_text("a | b"), "a \\| b");
        assert_eq!(md_text("l1\nl2\tx"), "l1 l2 x");
        assert_eq!(md_text("x\u{1b}[31my"), "x\u{FFFD}\\[31my");
        assert_eq!(md_text("*gras* _i_"), "\\*gras\\* \\_i\\_");
    }
}
