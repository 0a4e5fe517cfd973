//! The "tableau de bord" as a document: `copil report` renders a [`PlanState`] as Markdown (for
//! people: French or English, as the rest of the interface) or as CSV (for spreadsheets: stable
//! machine names, plain integers, RFC 4180).
//!
//! Both renderers are pure: the same state and date give the same bytes. The figures come from
//! `plan::progress` (late, on track, roll-ups, budget sums), so the report and the screen agree.

use std::borrow::Cow;
use std::fmt::Write as _;

use crate::i18n::{self, Lang, date_text, euros, lang, percent, value_text};
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

pub use crate::plan::model::status_symbol;

/// The stable machine name of a status (CSV): not_started, in_progress, done, abandoned.
pub fn status_name(s: Status) -> &'static str {
    match s {
        Status::NotStarted => "not_started",
        Status::InProgress => "in_progress",
        Status::Done => "done",
        Status::Abandoned => "abandoned",
    }
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
    let mut v = md_text(&value_text(&p.value));
    if let (Value::Number(_), Some(unit)) = (&p.value, &ind.unit) {
        v.push(' ');
        v.push_str(&md_text(unit));
    }
    format!("{v} ({})", date_text(p.date))
}

fn pilots_text(plan: &Plan, a: &PlanAction) -> String {
    if a.pilots.is_empty() {
        return "—".to_string();
    }
    a.pilots.iter().map(|p| md_text(plan.person_name(p))).collect::<Vec<_>>().join(", ")
}

fn id_path(path: &[&str]) -> String {
    path.iter().map(|p| md_text(p)).collect::<Vec<_>>().join(crate::line::path_separator())
}

/// The summary of a set of actions: counts per status, late, indicators, budget.
fn summary(out: &mut String, f: &Figures) {
    let (status_h, actions_h) = (i18n::STATUS.get(), i18n::ACTIONS.get());
    let _ = writeln!(out, "| {status_h} | {actions_h} |");
    let _ = writeln!(out, "| --- | ---: |");
    for s in Status::ALL {
        let _ = writeln!(out, "| {} | {} |", status_cell(s), f.counts.by_status[s.index()]);
    }
    let _ = writeln!(out, "| **{}** | **{}** |", tr!("Total", "Total"), f.counts.total());
    let _ = writeln!(out, "| {} | {} |", tr!("dont en retard", "of which late"), f.counts.late);
    out.push('\n');
    let total = f.on_track + f.behind + f.measurement_due + f.untracked;
    let mark = crate::line::verdict_mark;
    let (ok, behind, due) = (mark(Verdict::OnTrack), mark(Verdict::Behind), mark(Verdict::MeasurementDue));
    let _ = writeln!(
        out,
        "{}",
        tr!(
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
        )
    );
    out.push('\n');
    let b = &f.budget;
    let _ = writeln!(
        out,
        "| {} | {} | {} |",
        i18n::BUDGET.get(),
        tr!("Montant", "Amount"),
        tr!("Part du prévu", "Share of planned")
    );
    let _ = writeln!(out, "| --- | ---: | ---: |");
    let _ = writeln!(out, "| {} | {} | {} |", tr!("Prévu", "Planned"), euros(b.planned), percent(b.planned, b.planned));
    let _ = writeln!(
        out,
        "| {} | {} | {} |",
        tr!("Engagé", "Committed"),
        euros(b.committed),
        percent(b.committed, b.planned)
    );
    if b.spent == 0 {
        let _ = writeln!(out, "| {} | {} | — |", tr!("Dépensé", "Spent"), crate::wording::spent_not_recorded());
    } else {
        let _ = writeln!(out, "| {} | {} | {} |", tr!("Dépensé", "Spent"), euros(b.spent), percent(b.spent, b.planned));
    }
    out.push('\n');
}

/// The report as Markdown, in the current language: a title block, the whole plan's summary,
/// then per orientation its summary, a table of its actions and each action in detail.
/// `at` is the date of the state and the "today" that decides what is late.
pub fn markdown(state: &PlanState, at: Date) -> String {
    let plan = &state.plan;
    let mut out = String::new();
    let _ = writeln!(out, "# {} — {}", tr!("Tableau de bord", "Dashboard"), md_text(&plan.title));
    out.push('\n');
    let _ = writeln!(out, "{}", item(tr!("Territoire", "Territory"), &md_text(&plan.territory)));
    let (start, end) = (date_text(plan.period.start), date_text(plan.period.end));
    let _ = writeln!(out, "{}", tr!(format!("- Période : du {start} au {end}"), format!("- Period: {start} to {end}")));
    if let Some(d) = plan.adopted {
        let _ =
            writeln!(out, "{}", tr!(format!("- Adopté le {}", date_text(d)), format!("- Adopted: {}", date_text(d))));
    }
    let at_text = date_text(at);
    let journal = match state.entries.len() {
        0 => tr!("le plan, sans ligne de journal".to_string(), "the plan, with no journal line".to_string()),
        1 => tr!("le plan et 1 ligne de journal".to_string(), "the plan and 1 journal line".to_string()),
        n => tr!(format!("le plan et {n} lignes de journal"), format!("the plan and {n} journal lines")),
    };
    let _ = writeln!(
        out,
        "{}",
        tr!(format!("- État au {at_text} : {journal}"), format!("- State on {at_text}: {journal}"))
    );
    out.push('\n');

    let whole = Figures::of_plan(plan, at);
    let _ = writeln!(out, "## {}", tr!("Synthèse du plan", "Plan summary"));
    out.push('\n');
    summary(&mut out, &whole);

    if plan.orientations.is_empty() {
        let _ = writeln!(out, "{}", i18n::EMPTY_PLAN.get());
        return out;
    }
    let _ = writeln!(out, "### {}", tr!("Par orientation", "By orientation"));
    out.push('\n');
    let mut header = format!("| {} | {} |", i18n::ORIENTATION.get(), i18n::ACTIONS.get());
    let mut rule = String::from("| --- | ---: |");
    for s in Status::ALL {
        let _ = write!(header, " {} |", status_cell(s));
        rule.push_str(" ---: |");
    }
    let _ = write!(
        header,
        " {} | {} | {} |",
        tr!("En retard", "Late"),
        tr!("Indicateurs en retard", "Indicators behind"),
        tr!("Budget prévu", "Planned budget")
    );
    rule.push_str(" ---: | ---: | ---: |");
    let _ = writeln!(out, "{header}\n{rule}");
    for o in &plan.orientations {
        let f = Figures::of_orientation(o, at);
        let mut row = format!("| {} — {} | {} |", md_text(&o.id), md_text(&o.title), f.counts.total());
        for s in Status::ALL {
            let _ = write!(row, " {} |", f.counts.by_status[s.index()]);
        }
        let _ = write!(row, " {} | {} | {} |", f.counts.late, f.behind, euros(f.budget.planned));
        let _ = writeln!(out, "{row}");
    }
    out.push('\n');

    let all = rows(plan);
    for o in &plan.orientations {
        orientation(&mut out, plan, o, &all, at);
    }
    out
}

fn orientation(
    out: &mut String,
    plan: &Plan,
    o: &Orientation,
    all: &[(&Orientation, &PlanAction, Vec<&str>)],
    at: Date,
) {
    let _ = writeln!(out, "## {} {} — {}", i18n::ORIENTATION.get(), md_text(&o.id), md_text(&o.title));
    out.push('\n');
    if let Some(s) = &o.summary {
        let _ = writeln!(out, "{}\n", md_text(s));
    }
    summary(out, &Figures::of_orientation(o, at));
    let mine: Vec<_> = all.iter().filter(|(x, _, _)| std::ptr::eq(*x, o)).collect();
    if mine.is_empty() {
        let _ = writeln!(out, "{}\n", tr!("Aucune action.", "No action."));
        return;
    }

    let _ = writeln!(out, "### {}", tr!("Tableau des actions", "Actions at a glance"));
    out.push('\n');
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} | {} | {} | {} |",
        tr!("Action", "Action"),
        tr!("Titre", "Title"),
        i18n::STATUS.get(),
        i18n::PILOTS.get(),
        i18n::DUE.get(),
        tr!("Indicateurs en retard", "Indicators behind"),
        tr!("Budget prévu", "Planned budget")
    );
    let _ = writeln!(out, "| --- | --- | --- | --- | --- | ---: | ---: |");
    for (_, a, path) in &mine {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} |",
            id_path(path),
            md_text(&a.title),
            status_with_late(a, at),
            pilots_text(plan, a),
            a.due.map(date_text).unwrap_or_else(|| "—".to_string()),
            behind_count(a, at),
            a.budget.as_ref().map(|b| euros(b.planned.0)).unwrap_or_else(|| "—".to_string())
        );
    }
    out.push('\n');

    let _ = writeln!(out, "### {}", tr!("Détail des actions", "Actions in detail"));
    out.push('\n');
    for (_, a, path) in &mine {
        action(out, plan, a, path, at);
    }
}

/// One "label: value" list item, with the language's spacing before the colon.
fn item(label: &str, value: &str) -> String {
    tr!(format!("- {label} : {value}"), format!("- {label}: {value}"))
}

fn status_with_late(a: &PlanAction, at: Date) -> String {
    let mut s = status_cell(a.status);
    if is_late(a, at) {
        let _ = write!(s, ", **{}**", i18n::LATE.get());
    }
    s
}

fn action(out: &mut String, plan: &Plan, a: &PlanAction, path: &[&str], at: Date) {
    let level = "#".repeat((3 + path.len()).min(6));
    let _ = writeln!(out, "{level} {} — {}", id_path(path), md_text(&a.title));
    out.push('\n');
    let _ = writeln!(out, "{}", item(i18n::STATUS.get(), &status_with_late(a, at)));
    let _ = writeln!(out, "{}", item(i18n::PILOTS.get(), &pilots_text(plan, a)));
    let due = a.due.map(date_text).unwrap_or_else(|| "—".to_string());
    let _ = writeln!(out, "{}", item(i18n::DUE.get(), &due));
    let budget = match &a.budget {
        Some(b) => {
            let (p, c, s) = (b.planned.0, b.committed.0, b.spent.0);
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
    let _ = writeln!(out, "{}", item(i18n::BUDGET.get(), &budget));
    if a.indicators.is_empty() {
        let _ = writeln!(out, "{}", item(i18n::INDICATORS.get(), tr!("aucun", "none")));
        out.push('\n');
        return;
    }
    out.push('\n');
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} | {} |",
        tr!("Indicateur", "Indicator"),
        tr!("Valeur initiale", "Baseline"),
        tr!("Cibles", "Targets"),
        tr!("Dernière mesure", "Latest"),
        tr!("Trajectoire", "Track")
    );
    let _ = writeln!(out, "| --- | --- | --- | --- | --- |");
    for ind in &a.indicators {
        let mut name = md_text(&ind.name);
        if let Some(u) = &ind.unit {
            let _ = write!(name, " ({})", md_text(u));
        }
        let baseline = ind.baseline.as_ref().map(|p| point_text(ind, p)).unwrap_or_else(|| "—".to_string());
        let targets = if ind.targets.is_empty() {
            "—".to_string()
        } else {
            ind.targets.iter().map(|p| point_text(ind, p)).collect::<Vec<_>>().join(tr!(" ; ", "; "))
        };
        let latest = ind.latest().map(|p| point_text(ind, p)).unwrap_or_else(|| i18n::NO_MEASURE.get().to_string());
        let _ = writeln!(out, "| {name} | {baseline} | {targets} | {latest} | {} |", track_cell(verdict(ind, at)));
    }
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_are_quoted_only_when_needed() {
        assert_eq!(csv_field("abc"), "abc");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("dit \"oui\""), "\"dit \"\"oui\"\"\"");
        assert_eq!(csv_field("a\nb"), "\"a\nb\"");
        assert_eq!(csv_field("a\rb"), "\"a\rb\"");
    }

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
    fn markdown_text_cannot_break_a_table_or_the_terminal() {
        assert_eq!(md_text("a | b"), "a \\| b");
        assert_eq!(md_text("l1\nl2\tx"), "l1 l2 x");
        assert_eq!(md_text("x\u{1b}[31my"), "x\u{FFFD}\\[31my");
        assert_eq!(md_text("*gras* _i_"), "\\*gras\\* \\_i\\_");
    }
}
