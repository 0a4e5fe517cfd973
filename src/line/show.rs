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

use crate::i18n::{self, Lang, date_text, euros, label, lang, percent, status_label, value_text};
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
pub fn action_text(state: &PlanState, id: &str, today: Date, plan_arg: &str, paint: Paint) -> Option<String> {
    let (orientation, ancestors, a) = locate(state, id)?;
    let plan = &state.plan;
    let mut out = String::new();
    let _ = writeln!(out, "{}", paint.bold(&format!("{} — {}", sanitize(&a.id), sanitize(&a.title))));
    let _ = writeln!(out, "{}{}", label(i18n::STATUS.get()), paint.status(a, &status_words(a, today), today));
    let _ = writeln!(
        out,
        "{}{} — {}",
        label(i18n::ORIENTATION.get()),
        sanitize(&orientation.id),
        sanitize(&orientation.title)
    );
    if let Some(parent) = ancestors.last() {
        let _ = writeln!(out, "{}{} — {}", label(sub_action_of()), sanitize(&parent.id), sanitize(&parent.title));
    }
    let people = |ids: &[String]| ids.iter().map(|p| sanitize(plan.person_name(p)).into_owned()).collect::<Vec<_>>();
    field(&mut out, i18n::PILOTS.get(), &people(&a.pilots).join(", "));
    field(&mut out, i18n::PARTNERS.get(), &people(&a.partners).join(", "));
    field(&mut out, i18n::REFERENTS.get(), &people(&a.referents).join(", "));
    field(&mut out, i18n::START.get(), &a.start.map(date_text).unwrap_or_default());
    field(&mut out, i18n::DUE.get(), &a.due.map(date_text).unwrap_or_default());
    let tags: Vec<String> = a.tags.iter().map(|t| sanitize(t).into_owned()).collect();
    field(&mut out, i18n::TAGS.get(), &tags.join(", "));

    if let Some(d) = &a.description {
        block(&mut out, &paint.bold(i18n::DESCRIPTION.get()), d);
    }
    for s in &a.sections {
        block(&mut out, &paint.bold(&sanitize(&s.title)), &s.text);
    }
    if !a.indicators.is_empty() {
        out.push('\n');
        let _ = writeln!(out, "{}", paint.bold(&count_heading(i18n::INDICATORS.get(), a.indicators.len())));
        let _ = writeln!(out, "{}", measure_hint(plan_arg, &a.id));
        for ind in &a.indicators {
            indicator(&mut out, ind, today, paint);
        }
    }
    if let Some(b) = &a.budget {
        out.push('\n');
        let _ = writeln!(out, "{}", paint.bold(i18n::BUDGET.get()));
        let sep = tr!(" ; ", "; ");
        let _ = writeln!(
            out,
            "  {}{}{sep}{}{} ({}){sep}{}{} ({})",
            label(&capitalised(i18n::PLANNED.get())),
            euros(b.planned.0),
            label(i18n::COMMITTED.get()),
            euros(b.committed.0),
            percent(b.committed.0, b.planned.0),
            label(i18n::SPENT.get()),
            euros(b.spent.0),
            percent(b.spent.0, b.planned.0),
        );
        if !b.funders.is_empty() {
            let f: Vec<String> =
                b.funders.iter().map(|f| format!("{} {}", sanitize(&f.funder), euros(f.amount.0))).collect();
            let _ = writeln!(out, "  {}{}", label(i18n::FUNDERS.get()), f.join(", "));
        }
        if let Some(n) = &b.note {
            let _ = writeln!(out, "  {}{}", label(note_word()), one_line(n));
        }
    }
    if !a.milestones.is_empty() {
        out.push('\n');
        let _ = writeln!(out, "{}", paint.bold(&count_heading(i18n::MILESTONES.get(), a.milestones.len())));
        for m in &a.milestones {
            let done = if m.done { i18n::DONE_MARK.get() } else { i18n::TODO_MARK.get() };
            let _ = writeln!(out, "  {}{} ({done})", label(&date_text(m.date)), sanitize(&m.label));
        }
    }
    if !a.sub_actions.is_empty() {
        out.push('\n');
        let _ = writeln!(out, "{}", paint.bold(&count_heading(i18n::SUB_ACTIONS.get(), a.sub_actions.len())));
        for s in &a.sub_actions {
            let (id, title) = (sanitize(&s.id), sanitize(&s.title));
            let _ = writeln!(out, "  {id} — {}{}", label(&title), paint.status(s, &status_words(s, today), today));
        }
    }
    out.push('\n');
    history(&mut out, state, &a.id, paint);
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
pub fn status_words(a: &PlanAction, today: Date) -> String {
    let status = status_label(a.status);
    match a.due.filter(|_| is_late(a, today)) {
        Some(due) => tr!(
            format!("{status}, {} : échéance du {} dépassée", i18n::LATE.get(), date_text(due)),
            format!("{status}, {}: the due date, {}, has passed", i18n::LATE.get(), date_text(due))
        ),
        None => status.to_string(),
    }
}

/// The status in words and « en retard » when it is late, without the date (for lines that
/// show the due date beside it).
pub fn status_and_late(a: &PlanAction, today: Date) -> String {
    let status = status_label(a.status);
    if is_late(a, today) { format!("{status}, {}", i18n::LATE.get()) } else { status.to_string() }
}

/// A labelled line, left out when the value is empty.
fn field(out: &mut String, name: &str, value: &str) {
    if !value.is_empty() {
        let _ = writeln!(out, "{}{value}", label(name));
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

fn count_heading(name: &str, n: usize) -> String {
    format!("{}{n}", label(name))
}

fn sub_action_of() -> &'static str {
    tr!("Sous-action de", "Sub-action of")
}

fn note_word() -> &'static str {
    tr!("Note", "Note")
}

fn measure_hint(plan_arg: &str, action: &str) -> String {
    let (plan, action) = (sanitize(plan_arg), sanitize(action));
    tr!(
        format!("Pour saisir une mesure : copil measure {plan} {action} INDICATEUR VALEUR"),
        format!("To record a measurement: copil measure {plan} {action} INDICATOR VALUE")
    )
}

/// A value with the indicator's unit (numbers only) and its date: « 15 MSAP au 31/05/2018 ».
fn point_words(ind: &Indicator, p: &Point) -> String {
    let mut v = one_line(&value_text(&p.value));
    if let (Value::Number(_), Some(unit)) = (&p.value, &ind.unit) {
        v.push(' ');
        v.push_str(&one_line(unit));
    }
    let dated = tr!(format!("{v} au {}", date_text(p.date)), format!("{v} on {}", date_text(p.date)));
    match &p.note {
        Some(n) => format!("{dated} ({})", one_line(n)),
        None => dated,
    }
}

fn number_with_unit(ind: &Indicator, n: f64) -> String {
    match &ind.unit {
        Some(u) => format!("{} {}", i18n::number(n), one_line(u)),
        None => i18n::number(n),
    }
}

/// An indicator: its id (what `copil measure` takes) and name, baseline, targets, the latest
/// measurement with the value expected on its date and the verdict, its source.
fn indicator(out: &mut String, ind: &Indicator, today: Date, paint: Paint) {
    let _ = writeln!(
        out,
        "{}",
        paint.bold(&tr!(
            format!("Indicateur {} : {}", sanitize(&ind.id), sanitize(&ind.name)),
            format!("Indicator {}: {}", sanitize(&ind.id), sanitize(&ind.name))
        ))
    );
    if let Some(b) = &ind.baseline {
        let _ = writeln!(out, "  {}{}", label(&capitalised(i18n::BASELINE.get())), point_words(ind, b));
    }
    if !ind.targets.is_empty() {
        let t: Vec<String> = ind.targets.iter().map(|p| point_words(ind, p)).collect();
        let _ = writeln!(out, "  {}{}", label(&capitalised(i18n::TARGETS.get())), t.join(tr!(" ; ", "; ")));
    }
    let latest = label(tr!("Dernière mesure", "Latest measurement"));
    match ind.latest() {
        None => {
            let _ = writeln!(out, "  {latest}{}", i18n::NO_MEASURE.get());
        }
        Some(p) => {
            let _ = writeln!(out, "  {latest}{}", point_words(ind, p));
            if p.value.as_number().is_some()
                && let Some(e) = expected_at(ind, p.date)
            {
                let _ = writeln!(out, "  {}{}", label(tr!("Attendu à cette date", "Expected on that date")), {
                    number_with_unit(ind, e)
                });
            }
        }
    }
    // The verdict knows the date: a target passed without a measurement since is "measurement due".
    let v = verdict(ind, today);
    let _ =
        writeln!(out, "  {}{}", label(tr!("Verdict", "Verdict")), paint.verdict(v, crate::wording::verdict_label(v)));
    if let Some(s) = &ind.source {
        let _ = writeln!(out, "  {}{}", label(&capitalised(i18n::SOURCE.get())), one_line(s));
    }
}

/// The action's journal lines, latest first: when, who, in which meeting, what, and the note.
fn history(out: &mut String, state: &PlanState, action: &str, paint: Paint) {
    let idxs = state.history(action);
    if idxs.is_empty() {
        let _ = writeln!(out, "{}", paint.bold(i18n::HISTORY.get()));
        let _ = writeln!(out, "  {}", i18n::NO_HISTORY.get());
        return;
    }
    let n = idxs.len();
    let _ = writeln!(
        out,
        "{}",
        paint.bold(&match (lang(), n) {
            (Lang::Fr, 1) => format!("{} : 1 changement", i18n::HISTORY.get()),
            (Lang::Fr, _) => format!("{} : {n} changements, du plus récent au plus ancien", i18n::HISTORY.get()),
            (Lang::En, 1) => format!("{}: 1 change", i18n::HISTORY.get()),
            (Lang::En, _) => format!("{}: {n} changes, latest first", i18n::HISTORY.get()),
        })
    );
    for &i in idxs.iter().rev() {
        let e = &state.entries[i];
        let (day, time) = (date_text(e.event.at.date()), e.event.at.0.format("%H:%M").to_string());
        let who = sanitize(state.plan.person_name(&e.event.by)).into_owned();
        let mut line = tr!(format!("  {day} à {time}, {who}"), format!("  {day} at {time}, {who}"));
        if let Some(m) = &e.event.meeting {
            let _ = write!(line, " ({} {})", i18n::MEETING.get(), sanitize(m));
        }
        let _ = write!(line, "{}{}", tr!(" : ", ": "), one_line(&i18n::describe_change(&e.event.change, e.before)));
        match e.outcome {
            Outcome::Undone => {
                let _ = write!(line, " ({})", i18n::UNDONE.get());
            }
            Outcome::Skipped => {
                let _ = write!(line, " ({})", i18n::NOT_APPLIED.get());
            }
            Outcome::Applied => {}
        }
        let _ = writeln!(out, "{line}");
        if let Some(note) = &e.event.note {
            let _ = writeln!(out, "    {}{}", label(note_word()), one_line(note));
        }
    }
}
