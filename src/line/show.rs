//! `copil show PLAN ACTION`: one action as plain text, in reading order.
//!
//! What the detail pane shows, for a screen reader or a script: the title, the status and
//! lateness in words, where the action sits in the plan, its people and dates, its description and
//! sections, its indicators (with the ids `copil measure` takes, the latest value and its verdict),
//! its budget, milestones, sub-actions and history. Every line says what it is (a label, or a
//! heading above a group); indentation only helps the eye. No box drawing, no symbol standing for
//! a word, and no colour unless asked (`--color`: headings in bold, statuses and verdicts in
//! their colours, the words unchanged). The verdicts and lateness are those of `plan::progress`,
//! as on screen.

use std::fmt::Write as _;

use crate::i18n::{self, Lang, date_text, euros, label, percent, status_label, value_text};
use crate::plan::model::{Date, Indicator, Orientation, PlanAction, Point, Status, Value};
use crate::plan::progress::{Verdict, expected_at, is_late, verdict};
use crate::plan::state::{Outcome, PlanState};
use crate::sanitize::{sanitize, sanitize_multiline};

/// Colour on request: ANSI styles around words that are there anyway (never instead of them).
#[derive(Clone, Copy, Debug)]
pub struct Paint {
    pub on: bool,
}

/// SGR parameters of the 16 ANSI colours (what a shared server's terminal has): bold, bright red
/// and bold (late, behind), red, yellow, green, bright black (grey).
const BOLD: &str = "1";
const ALARM: &str = "1;91";
const RED: &str = "31";
const YELLOW: &str = "33";
const GREEN: &str = "32";
const GREY: &str = "90";

impl Paint {
    fn styled(self, text: &str, sgr: &str) -> String {
        if self.on { format!("\x1b[{sgr}m{text}\x1b[0m") } else { text.to_string() }
    }
    fn bold(self, text: &str) -> String {
        self.styled(text, BOLD)
    }
    /// The status's colour of the default theme; late in bold bright red.
    fn status(self, a: &PlanAction, text: &str, today: Date) -> String {
        let sgr = match (is_late(a, today), a.status) {
            (true, _) => ALARM,
            (false, Status::NotStarted) => RED,
            (false, Status::InProgress) => YELLOW,
            (false, Status::Done) => GREEN,
            (false, Status::Abandoned) => GREY,
        };
        self.styled(text, sgr)
    }
    fn verdict(self, v: Verdict, text: &str) -> String {
        match v {
            Verdict::OnTrack => self.styled(text, GREEN),
            Verdict::Behind => self.styled(text, ALARM),
            Verdict::MeasurementDue => self.styled(text, YELLOW),
            Verdict::NothingToCompare => text.to_string(),
        }
    }
}

/// The action `id` of the state as text (`None` when the plan has no such action). `plan_arg` is
/// the plan as the user named it, for the `copil measure` line offered under the indicators.
pub fn action_text(l: Lang, state: &PlanState, id: &str, today: Date, plan_arg: &str, paint: Paint) -> Option<String> {
    let (orientation, ancestors, a) = locate(state, id)?;
    let plan = &state.plan;
    let mut out = String::new();
    let _ = writeln!(out, "{}", paint.bold(&format!("{} — {}", sanitize(&a.id), sanitize(&a.title))));
    let _ = writeln!(out, "{}{}", label(l, i18n::STATUS.get(l)), paint.status(a, &status_words(l, a, today), today));
    let _ = writeln!(
        out,
        "{}{} — {}",
        label(l, i18n::ORIENTATION.get(l)),
        sanitize(&orientation.id),
        sanitize(&orientation.title)
    );
    if let Some(parent) = ancestors.last() {
        let _ = writeln!(out, "{}{} — {}", label(l, sub_action_of(l)), sanitize(&parent.id), sanitize(&parent.title));
    }
    let people = |ids: &[String]| ids.iter().map(|p| sanitize(plan.person_name(p)).into_owned()).collect::<Vec<_>>();
    field(l, &mut out, i18n::PILOTS.get(l), &people(&a.pilots).join(", "));
    field(l, &mut out, i18n::PARTNERS.get(l), &people(&a.partners).join(", "));
    field(l, &mut out, i18n::REFERENTS.get(l), &people(&a.referents).join(", "));
    field(l, &mut out, i18n::START.get(l), &a.start.map(|d| date_text(l, d)).unwrap_or_default());
    field(l, &mut out, i18n::DUE.get(l), &a.due.map(|d| date_text(l, d)).unwrap_or_default());
    let tags: Vec<String> = a.tags.iter().map(|t| sanitize(t).into_owned()).collect();
    field(l, &mut out, i18n::TAGS.get(l), &tags.join(", "));

    if let Some(d) = &a.description {
        block(&mut out, &paint.bold(i18n::DESCRIPTION.get(l)), d);
    }
    for s in &a.sections {
        block(&mut out, &paint.bold(&sanitize(&s.title)), &s.text);
    }
    if !a.indicators.is_empty() {
        out.push('\n');
        let _ = writeln!(out, "{}", paint.bold(&count_heading(l, i18n::INDICATORS.get(l), a.indicators.len())));
        let _ = writeln!(out, "{}", measure_hint(l, plan_arg, &a.id));
        for ind in &a.indicators {
            indicator(l, &mut out, ind, today, paint);
        }
    }
    if let Some(b) = &a.budget {
        out.push('\n');
        let _ = writeln!(out, "{}", paint.bold(i18n::BUDGET.get(l)));
        let sep = tr!(l, " ; ", "; ");
        let _ = writeln!(
            out,
            "  {}{}{sep}{}{} ({}){sep}{}{} ({})",
            label(l, &capitalised(i18n::PLANNED.get(l))),
            euros(l, b.planned.0),
            label(l, i18n::COMMITTED.get(l)),
            euros(l, b.committed.0),
            percent(l, b.committed.0, b.planned.0),
            label(l, i18n::SPENT.get(l)),
            euros(l, b.spent.0),
            percent(l, b.spent.0, b.planned.0),
        );
        if !b.funders.is_empty() {
            let f: Vec<String> =
                b.funders.iter().map(|f| format!("{} {}", sanitize(&f.funder), euros(l, f.amount.0))).collect();
            let _ = writeln!(out, "  {}{}", label(l, i18n::FUNDERS.get(l)), f.join(", "));
        }
        if let Some(n) = &b.note {
            let _ = writeln!(out, "  {}{}", label(l, note_word(l)), one_line(n));
        }
    }
    if !a.milestones.is_empty() {
        out.push('\n');
        let _ = writeln!(out, "{}", paint.bold(&count_heading(l, i18n::MILESTONES.get(l), a.milestones.len())));
        for m in &a.milestones {
            let done = if m.done { i18n::DONE_MARK.get(l) } else { i18n::TODO_MARK.get(l) };
            let _ = writeln!(out, "  {}{} ({done})", label(l, &date_text(l, m.date)), sanitize(&m.label));
        }
    }
    if !a.sub_actions.is_empty() {
        out.push('\n');
        let _ = writeln!(out, "{}", paint.bold(&count_heading(l, i18n::SUB_ACTIONS.get(l), a.sub_actions.len())));
        for s in &a.sub_actions {
            let (id, title) = (sanitize(&s.id), sanitize(&s.title));
            let _ =
                writeln!(out, "  {id} — {}{}", label(l, &title), paint.status(s, &status_words(l, s, today), today));
        }
    }
    out.push('\n');
    history(l, &mut out, state, &a.id, paint);
    Some(out)
}

/// The action, its orientation and its ancestors (outermost first).
fn locate<'a>(state: &'a PlanState, id: &str) -> Option<(&'a Orientation, Vec<&'a PlanAction>, &'a PlanAction)> {
    fn find<'a>(list: &'a [PlanAction], id: &str, path: &mut Vec<&'a PlanAction>) -> Option<&'a PlanAction> {
        for a in list {
            if a.id == id {
                return Some(a);
            }
            path.push(a);
            if let Some(found) = find(&a.sub_actions, id, path) {
                return Some(found);
            }
            path.pop();
        }
        None
    }
    state.plan.orientations.iter().find_map(|o| {
        let mut path = Vec::new();
        find(&o.actions, id, &mut path).map(|a| (o, path, a))
    })
}

/// The status in words, and whether it is late: « En cours, en retard : échéance du 31/12/2017
/// dépassée ». The same rule as the tree's `!` (`progress::is_late`).
pub fn status_words(l: Lang, a: &PlanAction, today: Date) -> String {
    let status = status_label(l, a.status);
    match a.due.filter(|_| is_late(a, today)) {
        Some(due) => tr!(
            l,
            format!("{status}, {} : échéance du {} dépassée", i18n::LATE.get(l), date_text(l, due)),
            format!("{status}, {}: the due date, {}, has passed", i18n::LATE.get(l), date_text(l, due))
        ),
        None => status.to_string(),
    }
}

/// The status in words and « en retard » when it is late, without the date (for lines that
/// show the due date beside it).
pub fn status_and_late(l: Lang, a: &PlanAction, today: Date) -> String {
    let status = status_label(l, a.status);
    if is_late(a, today) { format!("{status}, {}", i18n::LATE.get(l)) } else { status.to_string() }
}

/// A labelled line, left out when the value is empty.
fn field(l: Lang, out: &mut String, name: &str, value: &str) {
    if !value.is_empty() {
        let _ = writeln!(out, "{}{value}", label(l, name));
    }
}

/// A heading and a text from the file (its own line breaks kept).
fn block(out: &mut String, heading: &str, text: &str) {
    out.push('\n');
    let _ = writeln!(out, "{heading}");
    for l in sanitize_multiline(text).lines() {
        let _ = writeln!(out, "{l}");
    }
}

fn one_line(s: &str) -> String {
    s.chars().map(crate::sanitize::one_line_char).collect()
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

fn count_heading(l: Lang, name: &str, n: usize) -> String {
    format!("{}{n}", label(l, name))
}

fn sub_action_of(l: Lang) -> &'static str {
    tr!(l, "Sous-action de", "Sub-action of")
}

fn note_word(l: Lang) -> &'static str {
    tr!(l, "Note", "Note")
}

fn measure_hint(l: Lang, plan_arg: &str, action: &str) -> String {
    let (plan, action) = (sanitize(plan_arg), sanitize(action));
    tr!(
        l,
        format!("Pour saisir une mesure : copil measure {plan} {action} INDICATEUR VALEUR"),
        format!("To record a measurement: copil measure {plan} {action} INDICATOR VALUE")
    )
}

/// A value with the indicator's unit (numbers only) and its date: « 15 MSAP au 31/05/2018 ».
fn point_words(l: Lang, ind: &Indicator, p: &Point) -> String {
    let mut v = one_line(&value_text(l, &p.value));
    if let (Value::Number(_), Some(unit)) = (&p.value, &ind.unit) {
        v.push(' ');
        v.push_str(&one_line(unit));
    }
    let dated = tr!(l, format!("{v} au {}", date_text(l, p.date)), format!("{v} on {}", date_text(l, p.date)));
    match &p.note {
        Some(n) => format!("{dated} ({})", one_line(n)),
        None => dated,
    }
}

fn number_with_unit(l: Lang, ind: &Indicator, n: f64) -> String {
    match &ind.unit {
        Some(u) => format!("{} {}", i18n::number(l, n), one_line(u)),
        None => i18n::number(l, n),
    }
}

/// An indicator: its id (what `copil measure` takes) and name, baseline, targets, the latest
/// measurement with the value expected on its date and the verdict, its source.
fn indicator(l: Lang, out: &mut String, ind: &Indicator, today: Date, paint: Paint) {
    let _ = writeln!(
        out,
        "{}",
        paint.bold(&tr!(
            l,
            format!("Indicateur {} : {}", sanitize(&ind.id), sanitize(&ind.name)),
            format!("Indicator {}: {}", sanitize(&ind.id), sanitize(&ind.name))
        ))
    );
    if let Some(b) = &ind.baseline {
        let _ = writeln!(out, "  {}{}", label(l, &capitalised(i18n::BASELINE.get(l))), point_words(l, ind, b));
    }
    if !ind.targets.is_empty() {
        let t: Vec<String> = ind.targets.iter().map(|p| point_words(l, ind, p)).collect();
        let _ = writeln!(out, "  {}{}", label(l, &capitalised(i18n::TARGETS.get(l))), t.join(tr!(l, " ; ", "; ")));
    }
    let latest = label(l, tr!(l, "Dernière mesure", "Latest measurement"));
    match ind.latest() {
        None => {
            let _ = writeln!(out, "  {latest}{}", i18n::NO_MEASURE.get(l));
        }
        Some(p) => {
            let _ = writeln!(out, "  {latest}{}", point_words(l, ind, p));
            if p.value.as_number().is_some()
                && let Some(e) = expected_at(ind, p.date)
            {
                let _ = writeln!(out, "  {}{}", label(l, tr!(l, "Attendu à cette date", "Expected on that date")), {
                    number_with_unit(l, ind, e)
                });
            }
        }
    }
    // The verdict knows the date: a target passed without a measurement since is "measurement due".
    let v = verdict(ind, today);
    let _ = writeln!(
        out,
        "  {}{}",
        label(l, tr!(l, "Verdict", "Verdict")),
        paint.verdict(v, crate::wording::verdict_label(l, v))
    );
    if let Some(s) = &ind.source {
        let _ = writeln!(out, "  {}{}", label(l, &capitalised(i18n::SOURCE.get(l))), one_line(s));
    }
}

/// The action's journal lines, latest first: when, who, in which meeting, what, and the note.
fn history(l: Lang, out: &mut String, state: &PlanState, action: &str, paint: Paint) {
    let idxs = state.history(action);
    if idxs.is_empty() {
        let _ = writeln!(out, "{}", paint.bold(i18n::HISTORY.get(l)));
        let _ = writeln!(out, "  {}", i18n::NO_HISTORY.get(l));
        return;
    }
    let n = idxs.len();
    let _ = writeln!(
        out,
        "{}",
        paint.bold(&match (l, n) {
            (Lang::Fr, 1) => format!("{} : 1 changement", i18n::HISTORY.get(l)),
            (Lang::Fr, _) => format!("{} : {n} changements, du plus récent au plus ancien", i18n::HISTORY.get(l)),
            (Lang::En, 1) => format!("{}: 1 change", i18n::HISTORY.get(l)),
            (Lang::En, _) => format!("{}: {n} changes, latest first", i18n::HISTORY.get(l)),
        })
    );
    for &i in idxs.iter().rev() {
        let e = &state.entries[i];
        let (day, time) = (date_text(l, e.event.at.date()), e.event.at.0.format("%H:%M").to_string());
        let who = sanitize(state.plan.person_name(&e.event.by)).into_owned();
        let mut line = tr!(l, format!("  {day} à {time}, {who}"), format!("  {day} at {time}, {who}"));
        if let Some(m) = &e.event.meeting {
            let _ = write!(line, " ({} {})", i18n::MEETING.get(l), sanitize(m));
        }
        let _ =
            write!(line, "{}{}", tr!(l, " : ", ": "), one_line(&i18n::describe_change(l, &e.event.change, e.before)));
        match e.outcome {
            Outcome::Undone => {
                let _ = write!(line, " ({})", i18n::UNDONE.get(l));
            }
            Outcome::Skipped => {
                let _ = write!(line, " ({})", i18n::NOT_APPLIED.get(l));
            }
            Outcome::Applied => {}
        }
        let _ = writeln!(out, "{line}");
        if let Some(note) = &e.event.note {
            let _ = writeln!(out, "    {}{}", label(l, note_word(l)), one_line(note));
        }
    }
}
