//! The user-facing strings of the chair's features (verdicts on a date, rescheduling, dates as
//! people type them, the meeting's item view), in French and English with `i18n`'s `tr!`.

use crate::i18n::{Lang, date_text};
use crate::plan::model::Date;
use crate::plan::progress::Verdict;
use crate::plan::state::Entry;

/// A verdict's words: « dans la trajectoire », « en retard sur la cible », « mesure attendue »,
/// « rien à comparer ».
pub fn verdict_label(l: Lang, v: Verdict) -> &'static str {
    match v {
        Verdict::OnTrack => tr!(l, "dans la trajectoire", "on track"),
        Verdict::Behind => tr!(l, "en retard sur la cible", "behind target"),
        Verdict::MeasurementDue => tr!(l, "mesure attendue", "measurement due"),
        Verdict::NothingToCompare => tr!(l, "rien à comparer", "nothing to compare"),
    }
}

/// A verdict's symbol, so that it reads without colour.
pub fn verdict_symbol(v: Verdict) -> &'static str {
    match v {
        Verdict::OnTrack => "✓",
        Verdict::Behind => "✗",
        Verdict::MeasurementDue => "?",
        Verdict::NothingToCompare => "—",
    }
}

/// Symbol and words: « ✓ dans la trajectoire ».
pub fn verdict_text(l: Lang, v: Verdict) -> String {
    format!("{} {}", verdict_symbol(v), verdict_label(l, v))
}

/// « 2 mesures attendues » / "2 measurements due".
pub fn measurement_due_count(l: Lang, n: usize) -> String {
    match (l, n) {
        (Lang::Fr, 0 | 1) => format!("{n} mesure attendue"),
        (Lang::Fr, _) => format!("{n} mesures attendues"),
        (Lang::En, 1) => format!("{n} measurement due"),
        (Lang::En, _) => format!("{n} measurements due"),
    }
}

/// Why an action is on the agenda when one of its indicators waits for a measurement.
pub fn reason_measurement_due(l: Lang) -> &'static str {
    tr!(l, "mesure d'indicateur attendue", "indicator measurement due")
}

/// « échéance reportée du 31/12/2025 au 30/06/2026 »; without the former date when there was
/// none (or it is not known).
pub fn rescheduled(l: Lang, from: Option<Date>, to: Date) -> String {
    match from {
        Some(f) => tr!(
            l,
            format!("échéance reportée du {} au {}", date_text(l, f), date_text(l, to)),
            format!("due date moved from {} to {}", date_text(l, f), date_text(l, to))
        ),
        None => {
            tr!(l, format!("échéance fixée au {}", date_text(l, to)), format!("due date set to {}", date_text(l, to)))
        }
    }
}

/// What a journal entry changed, in words: `i18n::describe_change`, with the former due date of
/// a `Reschedule` (known only from the replay).
pub fn describe_entry(l: Lang, e: &Entry) -> String {
    match crate::plan::schedule::moved(e) {
        Some((from, to)) => rescheduled(l, from, to),
        None => crate::i18n::describe_change(l, &e.event.change, e.before),
    }
}

/// A date typed in a form or on the command line that is not one.
pub fn bad_user_date(l: Lang, s: &str) -> String {
    tr!(
        l,
        format!("date invalide « {s} » : attendu une date réelle écrite JJ/MM/AAAA (ou AAAA-MM-JJ)"),
        format!("invalid date \"{s}\": expected a real date written DD/MM/YYYY (or YYYY-MM-DD)")
    )
}

/// A budget's spending, when none is recorded (instead of « 0 % »).
pub fn spent_not_recorded(l: Lang) -> &'static str {
    tr!(l, "non renseigné", "not recorded")
}

/// The headless reschedule said what it wrote.
pub fn reschedule_field(l: Lang) -> &'static str {
    tr!(l, "Nouvelle échéance (JJ/MM/AAAA)", "New due date (DD/MM/YYYY)")
}

pub fn reason_field(l: Lang) -> &'static str {
    tr!(l, "Motif (facultatif)", "Reason (optional)")
}

pub fn reschedule_form_title(l: Lang) -> &'static str {
    tr!(l, "Reporter l'échéance", "Reschedule")
}

/// copil was started without a terminal (`ssh` without `-t`, a pipe): what to do instead.
pub fn no_terminal(l: Lang) -> &'static str {
    tr!(
        l,
        "copil a besoin d'un terminal pour son interface : l'entrée ou la sortie standard n'en est pas un. \
         Avec ssh, ajoutez l'option -t (ssh -t serveur copil PLAN) ; sans interface, utilisez les \
         commandes copil check, report, log, search, status, measure, comment, reschedule.",
        "copil needs a terminal for its interface: standard input or output is not one. With ssh, add \
         the -t option (ssh -t server copil PLAN); without an interface, use the commands copil check, \
         report, log, search, status, measure, comment, reschedule."
    )
}

/// The meeting item's headings.
pub fn description_heading(l: Lang) -> &'static str {
    tr!(l, "Description", "Description")
}
pub fn milestones_heading(l: Lang) -> &'static str {
    tr!(l, "Jalons", "Milestones")
}
pub fn earlier_heading(l: Lang) -> &'static str {
    tr!(l, "Décisions et tâches des réunions précédentes", "Decisions and tasks of earlier meetings")
}
pub fn task_state(l: Lang, done: bool) -> &'static str {
    if done { tr!(l, "faite", "done") } else { tr!(l, "ouverte", "open") }
}
pub fn decision_word(l: Lang) -> &'static str {
    tr!(l, "Décision", "Decision")
}
pub fn budget_heading(l: Lang) -> &'static str {
    tr!(l, "Budget", "Budget")
}
pub fn item_scroll_hint(l: Lang) -> &'static str {
    tr!(l, "PgUp/PgDn : faire défiler", "PgUp/PgDn: scroll")
}

/// The owner field's hint: people of the plan matching what is typed.
pub fn owner_suggestions(l: Lang, names: &[String]) -> String {
    tr!(
        l,
        format!("↑↓ personnes du plan : {}", names.join(", ")),
        format!("↑↓ people of the plan: {}", names.join(", "))
    )
}

/// The decision form's field naming the actions it is about.
pub fn linked_actions_field(l: Lang) -> &'static str {
    tr!(l, "Actions concernées (identifiants séparés par des virgules)", "Actions concerned (ids, comma-separated)")
}

/// Alt-Entrée / Ctrl-J in a multi-line field.
pub fn multiline_hint(l: Lang) -> &'static str {
    tr!(l, "Alt-Entrée ou Ctrl-J : nouvelle ligne", "Alt-Enter or Ctrl-J: new line")
}

/// The zone times are shown in: the viewer's (the system's local time zone), unless fixed by
/// [`set_display_offset`] (tests, for screens that do not depend on the machine).
static DISPLAY_OFFSET: std::sync::atomic::AtomicI32 = std::sync::atomic::AtomicI32::new(i32::MIN);

/// Shows times at a fixed offset from UTC (seconds east), or in the local time zone (`None`).
pub fn set_display_offset(seconds: Option<i32>) {
    DISPLAY_OFFSET.store(seconds.unwrap_or(i32::MIN), std::sync::atomic::Ordering::Relaxed);
}

/// A journal time in the viewer's time zone (it was written in the writer's).
fn in_viewer_zone(at: crate::plan::model::Timestamp) -> chrono::DateTime<chrono::FixedOffset> {
    let fixed = DISPLAY_OFFSET.load(std::sync::atomic::Ordering::Relaxed);
    match chrono::FixedOffset::east_opt(fixed) {
        Some(zone) if fixed != i32::MIN => at.0.with_timezone(&zone),
        _ => at.0.with_timezone(&chrono::Local).fixed_offset(),
    }
}

/// A time of the journal shown in the viewer's time zone: « 23/11/2026 14:05 ».
pub fn local_time(l: Lang, at: crate::plan::model::Timestamp) -> String {
    let local = in_viewer_zone(at);
    format!("{} {}", date_text(l, Date(local.date_naive())), local.format("%H:%M"))
}

/// A journal time in the viewer's time zone, as RFC 3339 (`copil log`).
pub fn local_rfc3339(at: crate::plan::model::Timestamp) -> String {
    in_viewer_zone(at).to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
}

/// After a due date that was moved: « reportée, initialement 31/12/2019 ».
pub fn first_due(l: Lang, first: Option<Date>) -> String {
    match first {
        Some(f) => {
            tr!(l, format!("reportée, initialement {}", date_text(l, f)), format!("moved, first {}", date_text(l, f)))
        }
        None => tr!(l, "fixée en cours de plan", "set during the plan").to_string(),
    }
}
