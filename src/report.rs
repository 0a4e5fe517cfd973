//! The "tableau de bord" as a document: `copil report` renders a [`PlanState`] as Markdown (for
//! people: French or English, as the rest of the interface) or as CSV (for spreadsheets: stable
//! machine names, plain integers, RFC 4180).
//!
//! Both renderers are pure: the same state and date give the same bytes. The figures come from
//! `plan::progress` (late, on track, roll-ups, budget sums), so the report and the screen agree.

use std::borrow::Cow;

use crate::doc::sheet::{Book, Cell, Sheet};
use crate::doc::{Block, Doc, Item, Line, Table, b, svg, t};
use crate::i18n::{self, Lang, date_text, euros, lang, percent, status_label, value_text};
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
pub fn write_error(path: &std::path::Path, e: &std::io::Error) -> String {
    let (path, why) = (path.display(), i18n::io_reason(e));
    tr!(
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
fn status_cell(s: Status) -> String {
    crate::line::status_text(s)
}

fn track_cell(v: Verdict) -> String {
    format!("{}{}", crate::line::verdict_mark(v), crate::wording::verdict_label(v))
}

fn point_text(ind: &Indicator, p: &Point) -> String {
    let mut v = value_text(&p.value);
    if let (Value::Number(_), Some(unit)) = (&p.value, &ind.unit) {
        v.push(' ');
        v.push_str(unit);
    }
    format!("{v} ({})", date_text(p.date))
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
fn summary(d: &mut Doc, f: &Figures) {
    let mut counts = Table::new(&[i18n::STATUS.get(), i18n::ACTIONS.get()], &[false, true]);
    for s in Status::ALL {
        counts.row(vec![cell(status_cell(s)), cell(f.counts.by_status[s.index()].to_string())]);
    }
    counts.row(vec![vec![b(tr!("Total", "Total"))], vec![b(f.counts.total().to_string())]]);
    counts.row(vec![cell(tr!("dont en retard", "of which late")), cell(f.counts.late.to_string())]);
    d.push(Block::Table(counts));
    let total = f.on_track + f.behind + f.measurement_due + f.untracked;
    let mark = crate::line::verdict_mark;
    let (ok, behind, due) = (mark(Verdict::OnTrack), mark(Verdict::Behind), mark(Verdict::MeasurementDue));
    d.para(cell(tr!(
        format!(
            "{} : {total} — {ok}{} dans la trajectoire, {behind}{} en retard sur la cible, {due}{} en attente de mesure, {} sans comparaison possible.",
            i18n::INDICATORS.get(),
            f.on_track,
            f.behind,
            f.measurement_due,
            f.untracked
        ),
        format!(
            "{}: {total} — {ok}{} on track, {behind}{} behind target, {due}{} measurement due, {} with nothing to compare.",
            i18n::INDICATORS.get(),
            f.on_track,
            f.behind,
            f.measurement_due,
            f.untracked
        )
    )));
    let bu = &f.budget;
    let mut money = Table::new(
        &[i18n::BUDGET.get(), tr!("Montant", "Amount"), tr!("Part du prévu", "Share of planned")],
        &[false, true, true],
    );
    money.row(vec![cell(tr!("Prévu", "Planned")), cell(euros(bu.planned)), cell(percent(bu.planned, bu.planned))]);
    money.row(vec![
        cell(tr!("Engagé", "Committed")),
        cell(euros(bu.committed)),
        cell(percent(bu.committed, bu.planned)),
    ]);
    if bu.spent == 0 {
        money.row(vec![cell(tr!("Dépensé", "Spent")), cell(crate::wording::spent_not_recorded()), cell("—")]);
    } else {
        money.row(vec![cell(tr!("Dépensé", "Spent")), cell(euros(bu.spent)), cell(percent(bu.spent, bu.planned))]);
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
pub fn markdown(state: &PlanState, at: Date) -> String {
    let mut out = crate::doc::markdown(&document(state, at, false));
    // The report has always ended with a blank line.
    out.push('\n');
    out
}

/// The report as a document; `figures` adds the pictures (status bars, indicator charts) that
/// the HTML and ODT documents show.
pub fn document(state: &PlanState, at: Date, figures: bool) -> Doc {
    let plan = &state.plan;
    let title = format!("{} — {}", tr!("Tableau de bord", "Dashboard"), plan.title);
    let mut d = Doc::new(title.clone());
    d.heading(1, title);
    let mut head = vec![Item::new(crate::doc::labelled(tr!("Territoire", "Territory"), cell(plan.territory.clone())))];
    let (start, end) = (date_text(plan.period.start), date_text(plan.period.end));
    head.push(Item::new(cell(tr!(format!("Période : du {start} au {end}"), format!("Period: {start} to {end}")))));
    if let Some(a) = plan.adopted {
        head.push(Item::new(cell(tr!(format!("Adopté le {}", date_text(a)), format!("Adopted: {}", date_text(a))))));
    }
    let at_text = date_text(at);
    let journal = match state.entries.len() {
        0 => tr!("le plan, sans ligne de journal".to_string(), "the plan, with no journal line".to_string()),
        1 => tr!("le plan et 1 ligne de journal".to_string(), "the plan and 1 journal line".to_string()),
        n => tr!(format!("le plan et {n} lignes de journal"), format!("the plan and {n} journal lines")),
    };
    head.push(Item::new(cell(tr!(format!("État au {at_text} : {journal}"), format!("State on {at_text}: {journal}")))));
    d.push(Block::List(head));

    let whole = Figures::of_plan(plan, at);
    d.heading(2, tr!("Synthèse du plan", "Plan summary"));
    summary(&mut d, &whole);
    if figures {
        let mut bars = vec![svg::Bar { label: tr!("Plan", "Plan").to_string(), counts: whole.counts.by_status }];
        for o in &plan.orientations {
            let f = Figures::of_orientation(o, at);
            bars.push(svg::Bar { label: format!("{} — {}", o.id, o.title), counts: f.counts.by_status });
        }
        let size = svg::bars_size(bars.len());
        let alt = tr!(
            "Actions par statut, pour le plan et chaque orientation",
            "Actions per status, for the plan and each orientation"
        );
        d.push(figure(svg::status_bars(&bars), size, alt.to_string()));
    }

    if plan.orientations.is_empty() {
        d.para(cell(i18n::EMPTY_PLAN.get()));
        return d;
    }
    d.heading(3, tr!("Par orientation", "By orientation"));
    let mut head: Vec<String> = vec![i18n::ORIENTATION.get().to_string(), i18n::ACTIONS.get().to_string()];
    for s in Status::ALL {
        head.push(status_cell(s));
    }
    head.push(tr!("En retard", "Late").to_string());
    head.push(tr!("Indicateurs en retard", "Indicators behind").to_string());
    head.push(tr!("Budget prévu", "Planned budget").to_string());
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
        row.push(cell(euros(f.budget.planned)));
        table.row(row);
    }
    d.push(Block::Table(table));

    let all = rows(plan);
    for o in &plan.orientations {
        orientation(&mut d, plan, o, &all, at, figures);
    }
    d
}

fn orientation(
    d: &mut Doc,
    plan: &Plan,
    o: &Orientation,
    all: &[(&Orientation, &PlanAction, Vec<&str>)],
    at: Date,
    figures: bool,
) {
    d.heading(2, format!("{} {} — {}", i18n::ORIENTATION.get(), o.id, o.title));
    if let Some(s) = &o.summary {
        d.para(cell(s.clone()));
    }
    summary(d, &Figures::of_orientation(o, at));
    let mine: Vec<_> = all.iter().filter(|(x, _, _)| std::ptr::eq(*x, o)).collect();
    if mine.is_empty() {
        d.para(cell(tr!("Aucune action.", "No action.")));
        return;
    }

    d.heading(3, tr!("Tableau des actions", "Actions at a glance"));
    let mut table = Table::new(
        &[
            tr!("Action", "Action"),
            tr!("Titre", "Title"),
            i18n::STATUS.get(),
            i18n::PILOTS.get(),
            i18n::DUE.get(),
            tr!("Indicateurs en retard", "Indicators behind"),
            tr!("Budget prévu", "Planned budget"),
        ],
        &[false, false, false, false, false, true, true],
    );
    table.widths = vec![4, 9, 5, 5, 4, 3, 3];
    for (_, a, path) in &mine {
        table.row(vec![
            cell(id_path(path)),
            cell(a.title.clone()),
            status_with_late(a, at),
            cell(pilots_text(plan, a)),
            cell(a.due.map(date_text).unwrap_or_else(|| "—".to_string())),
            cell(behind_count(a, at).to_string()),
            cell(a.budget.as_ref().map(|b| euros(b.planned.0)).unwrap_or_else(|| "—".to_string())),
        ]);
    }
    d.push(Block::Table(table));

    d.heading(3, tr!("Détail des actions", "Actions in detail"));
    for (_, a, path) in &mine {
        action(d, plan, a, path, at, figures);
    }
}

fn item(label: &str, value: Line) -> Item {
    Item::new(crate::doc::labelled(label, value))
}

fn status_with_late(a: &PlanAction, at: Date) -> Line {
    let mut l = vec![t(status_cell(a.status))];
    if is_late(a, at) {
        l.push(t(", "));
        l.push(b(i18n::LATE.get()));
    }
    l
}

fn action(d: &mut Doc, plan: &Plan, a: &PlanAction, path: &[&str], at: Date, figures: bool) {
    d.heading((3 + path.len()).min(6) as u8, format!("{} — {}", id_path(path), a.title));
    let mut lines = vec![
        item(i18n::STATUS.get(), status_with_late(a, at)),
        item(i18n::PILOTS.get(), cell(pilots_text(plan, a))),
        item(i18n::DUE.get(), cell(a.due.map(date_text).unwrap_or_else(|| "—".to_string()))),
    ];
    let budget = match &a.budget {
        Some(bu) => {
            let (p, c, s) = (bu.planned.0, bu.committed.0, bu.spent.0);
            format!(
                "{} {}, {} {} ({}), {} {} ({})",
                i18n::PLANNED.get(),
                euros(p),
                i18n::COMMITTED.get(),
                euros(c),
                percent(c, p),
                i18n::SPENT.get(),
                if s == 0 { crate::wording::spent_not_recorded().to_string() } else { euros(s) },
                if s == 0 { "—".to_string() } else { percent(s, p) }
            )
        }
        None => "—".to_string(),
    };
    lines.push(item(i18n::BUDGET.get(), cell(budget)));
    if a.indicators.is_empty() {
        lines.push(item(i18n::INDICATORS.get(), cell(tr!("aucun", "none"))));
        d.push(Block::List(lines));
        return;
    }
    d.push(Block::List(lines));
    let mut table = Table::new(
        &[
            tr!("Indicateur", "Indicator"),
            tr!("Valeur initiale", "Baseline"),
            tr!("Cibles", "Targets"),
            tr!("Dernière mesure", "Latest"),
            tr!("Trajectoire", "Track"),
        ],
        &[false; 5],
    );
    table.widths = vec![5, 3, 4, 3, 3];
    for ind in &a.indicators {
        let mut name = ind.name.clone();
        if let Some(u) = &ind.unit {
            name.push_str(&format!(" ({u})"));
        }
        let baseline = ind.baseline.as_ref().map(|p| point_text(ind, p)).unwrap_or_else(|| "—".to_string());
        let targets = if ind.targets.is_empty() {
            "—".to_string()
        } else {
            ind.targets.iter().map(|p| point_text(ind, p)).collect::<Vec<_>>().join(tr!(" ; ", "; "))
        };
        let latest = ind.latest().map(|p| point_text(ind, p)).unwrap_or_else(|| i18n::NO_MEASURE.get().to_string());
        table.row(vec![cell(name), cell(baseline), cell(targets), cell(latest), cell(track_cell(verdict(ind, at)))]);
    }
    d.push(Block::Table(table));
    if figures {
        for ind in &a.indicators {
            if let Some(chart) = svg::indicator_chart(ind) {
                let alt = tr!(
                    format!("{} — {} : valeur initiale, cibles, trajectoire et mesures", a.id, ind.name),
                    format!("{} — {}: baseline, targets, trajectory and measurements", a.id, ind.name)
                );
                d.push(figure(chart, svg::CHART_SIZE, alt));
            }
        }
    }
}

/// The report in a format, as the file's bytes.
pub fn render(state: &PlanState, at: Date, format: crate::cli::ReportFormat) -> std::io::Result<Vec<u8>> {
    use crate::cli::ReportFormat as F;
    Ok(match format {
        F::Md => markdown(state, at).into_bytes(),
        F::Csv => csv(state, at).into_bytes(),
        F::Html => crate::doc::html::render(&document(state, at, true)).into_bytes(),
        F::Odt => crate::doc::odt::render(&document(state, at, true))?,
        F::Ods => crate::doc::ods::render(&book(state, at))?,
        F::Xlsx => crate::doc::xlsx::render(&book(state, at))?,
    })
}

/// A binary document was asked for without `-o FILE`.
pub fn needs_output() -> &'static str {
    tr!(
        "ce format est binaire : donnez le fichier à écrire avec -o FICHIER",
        "this format is binary: give the file to write with -o FILE"
    )
}

// ---------------------------------------------------------------------------------------------
// Spreadsheets (ODS, XLSX)

/// The report as a workbook: a summary sheet (the plan's figures), one row per orientation, and
/// one row per action and sub-action with numbers, dates and euros as such.
pub fn book(state: &PlanState, at: Date) -> Book {
    let plan = &state.plan;
    let f = Figures::of_plan(plan, at);
    let mut summary =
        Sheet::new(tr!("Synthèse", "Summary"), &[tr!("Élément", "Item"), tr!("Valeur", "Value")], &[42.0, 60.0]);
    let mut row = |label: &str, v: Cell| summary.rows.push(vec![Cell::text(label), v]);
    row(tr!("Plan", "Plan"), Cell::text(&plan.title));
    row(tr!("Territoire", "Territory"), Cell::text(&plan.territory));
    row(tr!("Début de la période", "Period start"), Cell::Date(plan.period.start));
    row(tr!("Fin de la période", "Period end"), Cell::Date(plan.period.end));
    row(tr!("État au", "State on"), Cell::Date(at));
    row(tr!("Lignes de journal", "Journal lines"), Cell::Number(state.entries.len() as f64));
    row(tr!("Actions", "Actions"), Cell::Number(f.counts.total() as f64));
    for s in Status::ALL {
        row(&status_cell(s), Cell::Number(f.counts.by_status[s.index()] as f64));
    }
    row(tr!("Actions en retard", "Actions late"), Cell::Number(f.counts.late as f64));
    row(tr!("Indicateurs dans la trajectoire", "Indicators on track"), Cell::Number(f.on_track as f64));
    row(tr!("Indicateurs en retard sur la cible", "Indicators behind target"), Cell::Number(f.behind as f64));
    row(
        tr!("Indicateurs en attente de mesure", "Indicators with a measurement due"),
        Cell::Number(f.measurement_due as f64),
    );
    row(tr!("Indicateurs sans comparaison", "Indicators with nothing to compare"), Cell::Number(f.untracked as f64));
    row(tr!("Budget prévu", "Budget planned"), Cell::Euros(f.budget.planned));
    row(tr!("Budget engagé", "Budget committed"), Cell::Euros(f.budget.committed));
    row(tr!("Budget dépensé", "Budget spent"), Cell::Euros(f.budget.spent));
    let share = |part: u64| {
        if f.budget.planned == 0 { Cell::Empty } else { Cell::Percent(part as f64 / f.budget.planned as f64) }
    };
    row(tr!("Part engagée", "Share committed"), share(f.budget.committed));
    row(tr!("Part dépensée", "Share spent"), share(f.budget.spent));

    let mut head: Vec<String> =
        vec![i18n::ORIENTATION.get().into(), tr!("Titre", "Title").into(), i18n::ACTIONS.get().into()];
    head.extend(Status::ALL.iter().map(|s| status_label(*s).to_string()));
    for h in [
        tr!("En retard", "Late"),
        tr!("Indicateurs en retard", "Indicators behind"),
        tr!("Budget prévu", "Budget planned"),
        tr!("Budget engagé", "Budget committed"),
        tr!("Budget dépensé", "Budget spent"),
    ] {
        head.push(h.to_string());
    }
    let head: Vec<&str> = head.iter().map(String::as_str).collect();
    let mut orientations = Sheet::new(
        tr!("Orientations", "Orientations"),
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
        tr!("Actions", "Actions"),
        &[
            i18n::ORIENTATION.get(),
            tr!("Action", "Action"),
            tr!("Action parente", "Parent action"),
            tr!("Titre", "Title"),
            i18n::STATUS.get(),
            tr!("En retard", "Late"),
            i18n::PILOTS.get(),
            tr!("Début", "Start"),
            i18n::DUE.get(),
            tr!("Indicateurs", "Indicators"),
            tr!("Indicateurs en retard", "Indicators behind"),
            tr!("Budget prévu", "Budget planned"),
            tr!("Budget engagé", "Budget committed"),
            tr!("Budget dépensé", "Budget spent"),
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
            Cell::text(status_label(a.status)),
            Cell::text(if is_late(a, at) { i18n::YES.get() } else { i18n::NO.get() }),
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
    let title = format!("{} — {}", tr!("Tableau de bord", "Dashboard"), plan.title);
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
