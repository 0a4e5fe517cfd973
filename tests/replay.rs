//! Journal replay, one change kind at a time: each journal is written as text beside a small plan
//! and loaded with `store::load::load`; the same events are also applied directly with
//! `PlanState::apply`. And `Event::to_line` round-trips through `parse_event`.

use std::path::Path;

use copil::lang::Lang;
use copil::plan::journal::{Change, Event, Presence};
use copil::plan::model::{Date, Plan, Point, Status, Timestamp, Value};
use copil::plan::state::{Outcome, PlanState, Warning, WarningKind};
use copil::store::load::{self, Loaded};

const PLAN: &str = r#"// A small plan for replay tests.
Plan(
    format: 1,
    title: "Plan d'essai",
    territory: "Nulle part",
    period: (start: "2025-01-01", end: "2030-12-31"),
    people: [
        Person(id: "mlegrand", name: "Marie Legrand", login: "mlegrand"),
        Person(id: "jmartin", name: "Jean Martin"),
    ],
    bodies: [
        Body(id: "copil", name: "Comité de pilotage", kind: Copil, chairs: ["mlegrand"]),
        Body(id: "cotech", name: "Comité technique", kind: Cotech),
    ],
    orientations: [
        Orientation(id: "1", title: "Orientation", actions: [
            Action(
                id: "1-1",
                title: "Action une",
                indicators: [
                    Indicator(id: "n", name: "Nombre", targets: [Point(date: "2026-12-31", value: 10)]),
                    Indicator(id: "b", name: "Fait", targets: [Point(date: "2026-12-31", value: true)]),
                    Indicator(id: "t", name: "Texte", targets: [Point(date: "2026-12-31", value: "un réseau")]),
                    Indicator(id: "libre", name: "Sans valeur encore"),
                ],
                sub_actions: [Action(id: "1-1-a", title: "Sous-action", status: InProgress)],
            ),
            Action(id: "1-2", title: "Action deux", status: InProgress),
        ]),
    ],
)
"#;

// ---------------------------------------------------------------------------------------------
// Helpers

const AT: &str = "2026-01-05T09:00:00+01:00";

/// A journal line for a change written as RON text.
fn ev(change: &str) -> String {
    format!(r#"Event(at: "{AT}", by: "mlegrand", change: {change})"#)
}

/// A journal line made in a meeting.
fn ev_in(change: &str, meeting: &str) -> String {
    format!(r#"Event(at: "{AT}", by: "mlegrand", change: {change}, meeting: "{meeting}")"#)
}

fn open(id: &str) -> String {
    ev(&format!(r#"MeetingOpened(id: "{id}", body: "copil", title: "COPIL", date: "2026-01-05")"#))
}

fn close(id: &str) -> String {
    ev(&format!(r#"MeetingClosed(id: "{id}")"#))
}

fn undo(line: usize) -> String {
    ev(&format!("Undo(line: {line})"))
}

/// Writes the plan and the journal lines (each followed by a newline) into a fresh directory and
/// loads them.
fn load_journal(lines: &[String]) -> Loaded {
    let dir = tempfile::tempdir().expect("tempdir");
    let plan = dir.path().join("essai.ron");
    std::fs::write(&plan, PLAN).expect("write plan");
    let mut journal = String::new();
    for l in lines {
        journal.push_str(l);
        journal.push('\n');
    }
    std::fs::write(load::journal_path(&plan), journal).expect("write journal");
    let loaded = load::load(Lang::Fr, &plan).unwrap_or_else(|d| panic!("the journal must load:\n{d}"));
    assert_eq!(loaded.journal_lines, lines.len());
    loaded
}

fn base_plan() -> Plan {
    load::parse_plan(Lang::Fr, Path::new("essai.ron"), PLAN).unwrap_or_else(|d| panic!("{d}"))
}

/// Applies the events directly, numbering lines from 1.
fn apply_all(events: &[Event]) -> PlanState {
    let mut state = PlanState::new(base_plan());
    for (i, e) in events.iter().enumerate() {
        state.apply(i + 1, e.clone());
    }
    state
}

fn status_of(state: &PlanState, action: &str) -> Status {
    state.plan.action(action).unwrap_or_else(|| panic!("action {action}")).status
}

fn measurements<'a>(state: &'a PlanState, action: &str, indicator: &str) -> &'a [Point] {
    let a = state.plan.action(action).expect("action");
    &a.indicators.iter().find(|i| i.id == indicator).expect("indicator").measurements
}

fn outcome(state: &PlanState, line: usize) -> Outcome {
    state.entry_by_line(line).unwrap_or_else(|| panic!("line {line}")).outcome.clone()
}

/// The kinds of change in a meeting's minutes, in order.
fn items(state: &PlanState, meeting: &str) -> Vec<(usize, &'static str)> {
    let m = state.meeting(meeting).unwrap_or_else(|| panic!("meeting {meeting}"));
    m.items
        .iter()
        .map(|&i| {
            let e = &state.entries[i];
            let kind = match e.event.change {
                Change::Status { .. } => "Status",
                Change::Measure { .. } => "Measure",
                Change::Comment { .. } => "Comment",
                Change::Decision { .. } => "Decision",
                Change::Note { .. } => "Note",
                Change::Task { .. } => "Task",
                Change::TaskDone { .. } => "TaskDone",
                Change::MeetingOpened { .. } => "MeetingOpened",
                Change::MeetingClosed { .. } => "MeetingClosed",
                Change::Attendance { .. } => "Attendance",
                Change::Undo { .. } => "Undo",
                Change::Reschedule { .. } => "Reschedule",
                Change::AgendaItem { .. } => "AgendaItem",
                Change::NextMeeting { .. } => "NextMeeting",
            };
            (e.line, kind)
        })
        .collect()
}

fn warning(line: usize, kind: WarningKind) -> Warning {
    Warning { line, kind }
}

/// Every skipped line has exactly one warning, and every replay warning names a skipped line.
fn assert_warnings_match_skips(state: &PlanState) {
    let mut skipped: Vec<usize> =
        state.entries.iter().filter(|e| e.outcome == Outcome::Skipped).map(|e| e.line).collect();
    let mut warned: Vec<usize> = state.warnings.iter().map(|w| w.line).collect();
    skipped.sort_unstable();
    warned.sort_unstable();
    assert_eq!(skipped, warned, "warnings: {:?}", state.warnings);
}

fn ts() -> Timestamp {
    Timestamp(chrono::DateTime::parse_from_rfc3339(AT).expect("timestamp"))
}

fn event(change: Change) -> Event {
    Event { at: ts(), by: "mlegrand".into(), change, note: None, meeting: None, prev: None }
}

fn event_in(change: Change, meeting: &str) -> Event {
    Event { meeting: Some(meeting.into()), ..event(change) }
}

fn s(x: &str) -> String {
    x.to_string()
}

// ---------------------------------------------------------------------------------------------
// Status

#[test]
fn status_changes_the_action_and_remembers_the_status_before() {
    let l = load_journal(&[
        ev(r#"Status(action: "1-1", to: Done)"#),
        ev(r#"Status(action: "1-1-a", to: Abandoned)"#),
        ev(r#"Status(action: "1-2", to: NotStarted)"#),
    ]);
    let st = &l.state;
    assert_eq!(status_of(st, "1-1"), Status::Done);
    assert_eq!(status_of(st, "1-1-a"), Status::Abandoned, "a sub-action's status changes too");
    assert_eq!(status_of(st, "1-2"), Status::NotStarted);
    assert_eq!(st.entries[0].before, Some(Status::NotStarted));
    assert_eq!(st.entries[1].before, Some(Status::InProgress));
    assert_eq!(st.entries[2].before, Some(Status::InProgress));
    assert_eq!(st.base().action("1-1").unwrap().status, Status::NotStarted, "the plan file is untouched");
    assert_eq!(st.history("1-1"), &[0]);
    assert_eq!(st.history("1-1-a"), &[1]);
    assert!(st.all_warnings().is_empty());
}

#[test]
fn status_of_an_unknown_action_is_skipped_with_a_warning() {
    let l = load_journal(&[ev(r#"Status(action: "1-1", to: Done)"#), ev(r#"Status(action: "9-9", to: Done)"#)]);
    assert_eq!(l.state.warnings, vec![warning(2, WarningKind::UnknownAction(s("9-9")))]);
    assert_eq!(outcome(&l.state, 2), Outcome::Skipped);
    assert_eq!(outcome(&l.state, 1), Outcome::Applied);
    assert_eq!(status_of(&l.state, "1-1"), Status::Done);
}

#[test]
fn status_with_meeting_is_linked_into_the_minutes() {
    let l = load_journal(&[
        open("m1"),
        ev_in(r#"Status(action: "1-2", to: Done)"#, "m1"),
        ev_in(r#"Measure(action: "1-1", indicator: "n", point: Point(date: "2026-01-05", value: 3))"#, "m1"),
        ev_in(r#"Comment(action: "1-1", text: "Point d'étape")"#, "m1"),
        close("m1"),
        // After the meeting closed, a line claiming to be made in it is refused.
        ev_in(r#"Status(action: "1-1", to: Done)"#, "m1"),
        // A meeting that never existed.
        ev_in(r#"Status(action: "1-1", to: Done)"#, "m-inconnue"),
        // Without `meeting:` a change is not in any minutes.
        ev(r#"Status(action: "1-1-a", to: Done)"#),
    ]);
    let st = &l.state;
    assert_eq!(items(st, "m1"), vec![(2, "Status"), (3, "Measure"), (4, "Comment")]);
    assert_eq!(status_of(st, "1-2"), Status::Done);
    assert_eq!(status_of(st, "1-1"), Status::NotStarted, "lines 6 and 7 are not applied");
    assert_eq!(status_of(st, "1-1-a"), Status::Done);
    assert_eq!(
        st.warnings,
        vec![warning(6, WarningKind::MeetingClosed(s("m1"))), warning(7, WarningKind::UnknownMeeting(s("m-inconnue")))]
    );
    assert_warnings_match_skips(st);
}

// ---------------------------------------------------------------------------------------------
// Measure

#[test]
fn measure_of_each_value_kind() {
    let l = load_journal(&[
        ev(r#"Measure(action: "1-1", indicator: "n", point: Point(date: "2026-01-01", value: 12))"#),
        ev(
            r#"Measure(action: "1-1", indicator: "n", point: Point(date: "2026-02-01", value: 12.5, note: "estimation", by: "jmartin"))"#,
        ),
        ev(r#"Measure(action: "1-1", indicator: "b", point: Point(date: "2026-01-01", value: true))"#),
        ev(r#"Measure(action: "1-1", indicator: "t", point: Point(date: "2026-01-01", value: "deux réseaux"))"#),
    ]);
    let st = &l.state;
    assert!(st.all_warnings().is_empty(), "{:?}", st.all_warnings());
    let n = measurements(st, "1-1", "n");
    assert_eq!(n.len(), 2);
    assert_eq!(n[0].value, Value::Number(12.0));
    assert_eq!(n[0].by.as_deref(), Some("mlegrand"), "the author of the line is the measurement's author");
    assert_eq!(n[1].value, Value::Number(12.5));
    assert_eq!(n[1].by.as_deref(), Some("jmartin"), "an explicit author is kept");
    assert_eq!(n[1].note.as_deref(), Some("estimation"));
    assert_eq!(measurements(st, "1-1", "b")[0].value, Value::Bool(true));
    assert_eq!(measurements(st, "1-1", "t")[0].value, Value::Text(s("deux réseaux")));
    assert!(st.base().action("1-1").unwrap().indicators[0].measurements.is_empty());
}

#[test]
fn measure_of_another_kind_than_the_targets_is_skipped_with_a_warning() {
    let l = load_journal(&[
        ev(r#"Measure(action: "1-1", indicator: "n", point: Point(date: "2026-01-01", value: "douze"))"#),
        ev(r#"Measure(action: "1-1", indicator: "b", point: Point(date: "2026-01-01", value: 1))"#),
        ev(r#"Measure(action: "1-1", indicator: "t", point: Point(date: "2026-01-01", value: false))"#),
        ev(r#"Measure(action: "1-1", indicator: "n", point: Point(date: "2026-01-01", value: 4))"#),
    ]);
    let st = &l.state;
    let mismatch = |indicator: &str| WarningKind::KindMismatch { action: s("1-1"), indicator: s(indicator) };
    assert_eq!(st.warnings, vec![warning(1, mismatch("n")), warning(2, mismatch("b")), warning(3, mismatch("t"))]);
    assert_eq!(measurements(st, "1-1", "n").len(), 1, "only the number was recorded");
    assert!(measurements(st, "1-1", "b").is_empty());
    assert!(measurements(st, "1-1", "t").is_empty());
    assert_eq!(outcome(st, 4), Outcome::Applied);
    assert_warnings_match_skips(st);
}

#[test]
fn an_indicator_without_values_takes_the_kind_of_its_first_measurement() {
    let l = load_journal(&[
        ev(r#"Measure(action: "1-1", indicator: "libre", point: Point(date: "2026-01-01", value: "prêt"))"#),
        ev(r#"Measure(action: "1-1", indicator: "libre", point: Point(date: "2026-02-01", value: 3))"#),
        ev(r#"Measure(action: "1-1", indicator: "libre", point: Point(date: "2026-03-01", value: "fini"))"#),
    ]);
    let st = &l.state;
    assert_eq!(st.warnings, vec![warning(2, WarningKind::KindMismatch { action: s("1-1"), indicator: s("libre") })]);
    assert_eq!(measurements(st, "1-1", "libre").len(), 2);
}

#[test]
fn measure_of_an_unknown_indicator_or_action_is_skipped() {
    let l = load_journal(&[
        ev(r#"Measure(action: "1-1", indicator: "zz", point: Point(date: "2026-01-01", value: 1))"#),
        ev(r#"Measure(action: "9-9", indicator: "n", point: Point(date: "2026-01-01", value: 1))"#),
    ]);
    assert_eq!(
        l.state.warnings,
        vec![
            warning(1, WarningKind::UnknownIndicator(s("1-1"), s("zz"))),
            warning(2, WarningKind::UnknownAction(s("9-9")))
        ]
    );
}

// ---------------------------------------------------------------------------------------------
// Comment

#[test]
fn comment_is_in_the_history_and_changes_nothing_else() {
    let l = load_journal(&[
        ev(r#"Comment(action: "1-1", text: "Réunion de lancement faite")"#),
        ev(r#"Comment(action: "9-9", text: "Action retirée")"#),
    ]);
    let st = &l.state;
    assert_eq!(st.plan, *st.base());
    assert_eq!(st.history("1-1"), &[0]);
    assert_eq!(outcome(st, 1), Outcome::Applied);
    assert_eq!(st.warnings, vec![warning(2, WarningKind::UnknownAction(s("9-9")))]);
}

// ---------------------------------------------------------------------------------------------
// Meetings: opened, attendance, decision, note, task, task done, closed

#[test]
fn meeting_opened_and_closed() {
    let l =
        load_journal(&[ev(r#"MeetingOpened(id: "m1", body: "cotech", date: "2026-01-05")"#), close("m1"), open("m2")]);
    let st = &l.state;
    let m1 = st.meeting("m1").expect("m1");
    assert_eq!(m1.body, "cotech");
    assert_eq!(m1.title, None);
    assert_eq!(m1.date, Date::ymd(2026, 1, 5));
    assert_eq!(m1.opened_line, 1);
    assert_eq!(m1.closed_line, Some(2));
    assert!(!m1.is_open());
    let m2 = st.meeting("m2").expect("m2");
    assert_eq!(m2.title.as_deref(), Some("COPIL"));
    assert!(m2.is_open(), "a meeting never closed is still open");
    assert_eq!(st.open_meeting().map(|m| m.id.as_str()), Some("m2"));
    assert!(st.all_warnings().is_empty());
}

#[test]
fn meeting_lines_that_cannot_apply_are_skipped_with_warnings() {
    let l = load_journal(&[
        ev(r#"MeetingOpened(id: "m0", body: "inconnue", date: "2026-01-05")"#),
        open("m1"),
        open("m2"),
        close("m1"),
        open("m1"),
        close("m1"),
        close("m9"),
    ]);
    assert_eq!(
        l.state.warnings,
        vec![
            warning(1, WarningKind::UnknownBody(s("inconnue"))),
            warning(3, WarningKind::MeetingAlreadyOpen(s("m1"))),
            warning(5, WarningKind::DuplicateMeeting(s("m1"))),
            warning(6, WarningKind::MeetingClosed(s("m1"))),
            warning(7, WarningKind::UnknownMeeting(s("m9"))),
        ]
    );
    assert_eq!(l.state.meetings.len(), 1);
    assert!(l.state.open_meeting().is_none());
    assert_warnings_match_skips(&l.state);
}

#[test]
fn attendance_the_last_line_about_a_person_wins() {
    let l = load_journal(&[
        open("m1"),
        ev(r#"Attendance(meeting: "m1", person: "mlegrand", presence: Absent)"#),
        ev(r#"Attendance(meeting: "m1", person: "jmartin", presence: Excused)"#),
        ev(r#"Attendance(meeting: "m1", person: "Sous-préfet d'Arles", presence: Present)"#),
        ev(r#"Attendance(meeting: "m1", person: "mlegrand", presence: Present)"#),
        close("m1"),
        ev(r#"Attendance(meeting: "m1", person: "jmartin", presence: Present)"#),
        ev(r#"Attendance(meeting: "m2", person: "jmartin", presence: Present)"#),
    ]);
    let st = &l.state;
    let m = st.meeting("m1").expect("m1");
    assert_eq!(
        m.attendance,
        vec![
            (s("mlegrand"), Presence::Present),
            (s("jmartin"), Presence::Excused),
            (s("Sous-préfet d'Arles"), Presence::Present),
        ]
    );
    assert!(items(st, "m1").is_empty(), "attendance is not an item of the minutes");
    assert_eq!(
        st.warnings,
        vec![warning(7, WarningKind::MeetingClosed(s("m1"))), warning(8, WarningKind::UnknownMeeting(s("m2")))]
    );
}

#[test]
fn decision_note_and_task_are_items_of_the_minutes() {
    let l = load_journal(&[
        open("m1"),
        ev(
            r#"Decision(meeting: "m1", text: "Étendre le réseau", actions: ["1-1"], owner: "La Poste", due: "2027-06-30")"#,
        ),
        ev(r#"Note(meeting: "m1", text: "Chiffres au prochain COTECH", actions: [])"#),
        ev(
            r#"Task(meeting: "m1", id: "t1", text: "Transmettre les chiffres", actions: ["1-2"], owner: "jmartin", due: "2026-03-31")"#,
        ),
        ev(r#"Decision(meeting: "m1", text: "Sans action")"#),
        close("m1"),
        ev(r#"TaskDone(task: "t1")"#),
    ]);
    let st = &l.state;
    assert!(st.all_warnings().is_empty(), "{:?}", st.all_warnings());
    assert_eq!(items(st, "m1"), vec![(2, "Decision"), (3, "Note"), (4, "Task"), (5, "Decision")]);
    assert_eq!(st.tasks.len(), 1);
    let t = &st.tasks[0];
    assert_eq!((t.id.as_str(), t.meeting.as_str(), t.line, t.done_line), ("t1", "m1", 4, Some(7)));
    assert_eq!(t.owner.as_deref(), Some("jmartin"));
    assert_eq!(t.due, Some(Date::ymd(2026, 3, 31)));
    assert_eq!(t.actions, vec![s("1-2")]);
    assert_eq!(st.history("1-1"), &[1], "a decision about an action is in its history");
    assert_eq!(st.history("1-2"), &[3]);
    assert_eq!(st.plan, *st.base(), "minutes change no action");
}

#[test]
fn decision_naming_an_unknown_action_is_skipped_with_a_warning() {
    let l = load_journal(&[
        open("m1"),
        ev(r#"Decision(meeting: "m1", text: "Une action retirée", actions: ["1-1", "9-9"])"#),
        ev(r#"Note(meeting: "m1", text: "Idem", actions: ["8-8"])"#),
        ev(r#"Task(meeting: "m1", id: "t1", text: "Idem", actions: ["7-7"])"#),
        ev(r#"Decision(meeting: "m2", text: "Réunion inconnue")"#),
        close("m1"),
        ev(r#"Note(meeting: "m1", text: "Trop tard")"#),
    ]);
    let st = &l.state;
    assert_eq!(
        st.warnings,
        vec![
            warning(2, WarningKind::UnknownAction(s("9-9"))),
            warning(3, WarningKind::UnknownAction(s("8-8"))),
            warning(4, WarningKind::UnknownAction(s("7-7"))),
            warning(5, WarningKind::UnknownMeeting(s("m2"))),
            warning(7, WarningKind::MeetingClosed(s("m1"))),
        ]
    );
    assert!(items(st, "m1").is_empty());
    assert!(st.tasks.is_empty());
    assert_warnings_match_skips(st);
}

#[test]
fn task_ids_are_unique_and_task_done_needs_a_task() {
    let l = load_journal(&[
        open("m1"),
        ev(r#"Task(meeting: "m1", id: "t1", text: "Une")"#),
        ev(r#"Task(meeting: "m1", id: "t1", text: "Encore")"#),
        close("m1"),
        ev(r#"TaskDone(task: "t9")"#),
        ev(r#"TaskDone(task: "t1")"#),
    ]);
    let st = &l.state;
    assert_eq!(
        st.warnings,
        vec![warning(3, WarningKind::DuplicateTask(s("t1"))), warning(5, WarningKind::UnknownTask(s("t9")))]
    );
    assert_eq!(st.tasks.len(), 1);
    assert_eq!(st.tasks[0].text, "Une");
    assert_eq!(st.tasks[0].done_line, Some(6));
}

// ---------------------------------------------------------------------------------------------
// Undo

#[test]
fn undo_cancels_a_status_and_undo_of_undo_restores_it() {
    let l = load_journal(&[
        ev(r#"Status(action: "1-1", to: Done)"#),
        undo(1),
        undo(2),
        ev(r#"Status(action: "1-2", to: Done)"#),
    ]);
    let st = &l.state;
    assert_eq!(status_of(st, "1-1"), Status::Done, "the undo was undone");
    assert_eq!(status_of(st, "1-2"), Status::Done);
    assert_eq!(outcome(st, 1), Outcome::Applied);
    assert_eq!(outcome(st, 2), Outcome::Undone);
    assert_eq!(outcome(st, 3), Outcome::Applied);
    assert!(st.all_warnings().is_empty());

    // A third level: undo of the undo of the undo.
    let l = load_journal(&[ev(r#"Status(action: "1-1", to: Done)"#), undo(1), undo(2), undo(3)]);
    assert_eq!(status_of(&l.state, "1-1"), Status::NotStarted);
    assert_eq!(outcome(&l.state, 1), Outcome::Undone);
    assert_eq!(outcome(&l.state, 2), Outcome::Applied);
    assert_eq!(outcome(&l.state, 3), Outcome::Undone);
}

/// An action's history lists every line that changed it: an undo of an undo of a status change
/// puts the status back, so it belongs to the action's history as much as the first undo does.
#[test]
fn history_of_an_action_includes_an_undo_of_an_undo() {
    let l = load_journal(&[ev(r#"Status(action: "1-1", to: Done)"#), undo(1), undo(2)]);
    let lines: Vec<usize> = l.state.history("1-1").iter().map(|&i| l.state.entries[i].line).collect();
    assert_eq!(lines, vec![1, 2, 3], "line 3 restores the status of 1-1 but is missing from its history");
}

#[test]
fn undo_restores_the_status_before_even_after_later_changes() {
    let l = load_journal(&[
        ev(r#"Status(action: "1-1", to: InProgress)"#),
        ev(r#"Status(action: "1-1", to: Done)"#),
        undo(2),
    ]);
    assert_eq!(status_of(&l.state, "1-1"), Status::InProgress);
    let l = load_journal(&[
        ev(r#"Status(action: "1-1", to: InProgress)"#),
        ev(r#"Status(action: "1-1", to: Done)"#),
        undo(1),
    ]);
    assert_eq!(status_of(&l.state, "1-1"), Status::Done, "a later change stands when an earlier one is undone");
}

#[test]
fn undo_of_a_measure_a_comment_and_minutes() {
    let l = load_journal(&[
        open("m1"),
        ev_in(r#"Measure(action: "1-1", indicator: "n", point: Point(date: "2026-01-01", value: 12))"#, "m1"),
        ev(r#"Decision(meeting: "m1", text: "Étendre")"#),
        ev(r#"Task(meeting: "m1", id: "t1", text: "Faire")"#),
        ev(r#"Comment(action: "1-1", text: "Vu")"#),
        undo(2),
        undo(3),
        undo(4),
        undo(5),
        ev(r#"TaskDone(task: "t1")"#),
        close("m1"),
    ]);
    let st = &l.state;
    assert!(measurements(st, "1-1", "n").is_empty());
    assert!(items(st, "m1").is_empty(), "undone lines leave the minutes");
    assert!(st.tasks.is_empty());
    for line in 2..=5 {
        assert_eq!(outcome(st, line), Outcome::Undone, "line {line}");
    }
    assert_eq!(st.warnings, vec![warning(10, WarningKind::UnknownTask(s("t1")))]);
    assert!(!st.meeting("m1").unwrap().is_open());
}

#[test]
fn undo_of_a_meeting_opened_orphans_its_lines() {
    let l = load_journal(&[
        open("m1"),
        ev(r#"Note(meeting: "m1", text: "Note")"#),
        undo(1),
        ev(r#"Note(meeting: "m1", text: "Après l'annulation")"#),
    ]);
    let st = &l.state;
    assert!(st.meeting("m1").is_none());
    assert_eq!(
        st.warnings,
        vec![warning(2, WarningKind::UnknownMeeting(s("m1"))), warning(4, WarningKind::UnknownMeeting(s("m1")))]
    );
    assert_warnings_match_skips(st);
}

#[test]
fn undo_of_a_line_that_does_not_exist_is_a_bad_undo() {
    let l = load_journal(&[
        ev(r#"Status(action: "1-1", to: Done)"#),
        undo(99),
        undo(0),
        undo(4),
        // An undo of itself or of a later line.
        undo(5),
        undo(7),
        ev(r#"Status(action: "1-2", to: Done)"#),
    ]);
    let st = &l.state;
    assert_eq!(
        st.warnings,
        vec![
            warning(2, WarningKind::BadUndo(99)),
            warning(3, WarningKind::BadUndo(0)),
            warning(4, WarningKind::BadUndo(4)),
            warning(5, WarningKind::BadUndo(5)),
            warning(6, WarningKind::BadUndo(7)),
        ]
    );
    assert_eq!(status_of(st, "1-1"), Status::Done);
    assert_eq!(status_of(st, "1-2"), Status::Done, "line 7 is not undone by line 6 before it");
    assert_eq!(outcome(st, 7), Outcome::Applied);
}

#[test]
fn blank_lines_count_in_line_numbers() {
    let l = load_journal(&[ev(r#"Status(action: "1-1", to: Done)"#), String::new(), "   ".to_string(), undo(1)]);
    assert_eq!(l.state.entries.len(), 2);
    assert_eq!(l.state.entries[1].line, 4);
    assert_eq!(status_of(&l.state, "1-1"), Status::NotStarted);
}

#[test]
fn undo_of_a_skipped_line_changes_nothing() {
    let l = load_journal(&[ev(r#"Status(action: "9-9", to: Done)"#), undo(1)]);
    assert_eq!(l.state.plan, *l.state.base());
    assert_eq!(outcome(&l.state, 1), Outcome::Undone);
    assert!(l.state.warnings.is_empty(), "the undone orphan line is no longer a warning: {:?}", l.state.warnings);
}

// ---------------------------------------------------------------------------------------------
// PlanState::apply directly, and the same events as text

fn every_kind() -> Vec<Event> {
    let point = |v: Value| Point { date: Date::ymd(2026, 1, 5), value: v, note: None, by: None };
    vec![
        event(Change::MeetingOpened {
            id: s("m1"),
            body: s("copil"),
            title: Some(s("COPIL 2026")),
            date: Date::ymd(2026, 1, 5),
            place: None,
        }),
        event(Change::Attendance { meeting: s("m1"), person: s("mlegrand"), presence: Presence::Present, by: None }),
        event(Change::Attendance { meeting: s("m1"), person: s("Invité"), presence: Presence::Excused, by: None }),
        event_in(Change::Status { action: s("1-1"), to: Status::InProgress }, "m1"),
        event_in(Change::Measure { action: s("1-1"), indicator: s("n"), point: point(Value::Number(4.0)) }, "m1"),
        event_in(Change::Comment { action: s("1-1"), text: s("En bonne voie") }, "m1"),
        event(Change::Decision {
            meeting: s("m1"),
            text: s("Étendre"),
            actions: vec![s("1-1")],
            owner: Some(s("La Poste")),
            due: Some(Date::ymd(2027, 6, 30)),
        }),
        event(Change::Note { meeting: s("m1"), text: s("Note"), actions: vec![] }),
        event(Change::Task {
            meeting: s("m1"),
            id: s("t1"),
            text: s("Faire"),
            actions: vec![s("1-2")],
            owner: None,
            due: None,
        }),
        event(Change::MeetingClosed { id: s("m1") }),
        event(Change::TaskDone { task: s("t1") }),
        event(Change::Status { action: s("1-2"), to: Status::Abandoned }),
        event(Change::Undo { line: 12 }),
        event(Change::Undo { line: 13 }),
        event(Change::Undo { line: 40 }),
        event(Change::Measure { action: s("1-1"), indicator: s("b"), point: point(Value::Text(s("oui"))) }),
        event(Change::Decision {
            meeting: s("m1"),
            text: s("Trop tard"),
            actions: vec![s("9-9")],
            owner: None,
            due: None,
        }),
        event(Change::Measure { action: s("1-1"), indicator: s("t"), point: point(Value::Text(s("deux"))) }),
    ]
}

#[test]
fn apply_directly_every_change_kind() {
    let st = apply_all(&every_kind());
    assert_eq!(status_of(&st, "1-1"), Status::InProgress);
    assert_eq!(status_of(&st, "1-2"), Status::Abandoned, "line 12, undone by 13, restored by 14");
    assert_eq!(outcome(&st, 13), Outcome::Undone);
    assert_eq!(measurements(&st, "1-1", "n").len(), 1);
    assert_eq!(measurements(&st, "1-1", "t").len(), 1);
    let m = st.meeting("m1").unwrap();
    assert_eq!(m.attendance.len(), 2);
    assert_eq!(m.closed_line, Some(10));
    assert_eq!(
        items(&st, "m1"),
        vec![(4, "Status"), (5, "Measure"), (6, "Comment"), (7, "Decision"), (8, "Note"), (9, "Task")]
    );
    assert_eq!(st.tasks[0].done_line, Some(11));
    assert_eq!(
        st.warnings,
        vec![
            warning(15, WarningKind::BadUndo(40)),
            warning(16, WarningKind::KindMismatch { action: s("1-1"), indicator: s("b") }),
            warning(17, WarningKind::UnknownAction(s("9-9"))),
        ]
    );
    assert_warnings_match_skips(&st);
}

#[test]
fn text_journal_and_direct_apply_agree() {
    let events = every_kind();
    let lines: Vec<String> = events.iter().map(Event::to_line).collect();
    let loaded = load_journal(&lines);
    let direct = apply_all(&events);
    assert_eq!(loaded.state.plan, direct.plan);
    assert_eq!(loaded.state.meetings, direct.meetings);
    assert_eq!(loaded.state.tasks, direct.tasks);
    assert_eq!(loaded.state.warnings, direct.warnings);
    let outcomes =
        |st: &PlanState| st.entries.iter().map(|e| (e.line, e.outcome.clone(), e.before)).collect::<Vec<_>>();
    assert_eq!(outcomes(&loaded.state), outcomes(&direct));
    let parsed: Vec<Event> = loaded.state.entries.iter().map(|e| e.event.clone()).collect();
    assert_eq!(parsed, events);
}

/// Applying events one at a time and replaying the journal from a line number agree.
#[test]
fn replay_from_continues_a_loaded_state() {
    let events = every_kind();
    let lines: Vec<String> = events.iter().map(Event::to_line).collect();
    let (head, tail) = lines.split_at(7);
    let mut loaded = load_journal(head);
    let mut bytes = Vec::new();
    for l in tail {
        bytes.extend_from_slice(l.as_bytes());
        bytes.push(b'\n');
    }
    let (len, n) =
        load::replay_from(Lang::Fr, Path::new("essai.journal.ron"), &bytes, 7, &mut loaded.state).expect("replay");
    assert_eq!((len as usize, n), (bytes.len(), tail.len()));
    let direct = apply_all(&events);
    assert_eq!(loaded.state.plan, direct.plan);
    assert_eq!(loaded.state.meetings, direct.meetings);
    assert_eq!(loaded.state.warnings, direct.warnings);
}

// ---------------------------------------------------------------------------------------------
// Event::to_line round trip

fn tricky_texts() -> Vec<String> {
    vec![
        s("Première ligne\nseconde ligne\n\ntroisième"),
        s(r#"Il a dit « oui » puis "non", puis \"peut-être\""#),
        s("Tabulation\tet retour\r\nchariot"),
        s("Accents : àâäéèêëîïôöùûüç ÀÉÈ œ Œ æ — ’ … €"),
        s("Emoji 🎉 et CJK 漢字 et zéro-largeur \u{200b} et BOM \u{feff}"),
        s("Parenthèses ) ( ] [ } { , : // /* */ r#\"brut\"#"),
        s("Barre oblique inverse \\ et \\n littéral"),
        s("Contrôles \u{1} \u{7f} \u{1b}[31m"),
        s(""),
        s(" "),
    ]
}

#[test]
fn to_line_is_one_line_that_parses_back() {
    let mut events = Vec::new();
    for text in tricky_texts() {
        events.push(Event { note: Some(text.clone()), ..event(Change::Status { action: s("1-1"), to: Status::Done }) });
        events.push(event_in(Change::Comment { action: text.clone(), text: text.clone() }, &text));
        events.push(event(Change::Measure {
            action: s("1-1"),
            indicator: s("t"),
            point: Point {
                date: Date::ymd(2026, 1, 5),
                value: Value::Text(text.clone()),
                note: Some(text.clone()),
                by: Some(text.clone()),
            },
        }));
        events.push(event(Change::MeetingOpened {
            id: text.clone(),
            body: text.clone(),
            title: Some(text.clone()),
            date: Date::ymd(2026, 2, 28),
            place: Some(text.clone()),
        }));
        events.push(event(Change::Attendance {
            meeting: text.clone(),
            person: text.clone(),
            presence: Presence::Absent,
            by: Some(text.clone()),
        }));
        events.push(event(Change::Decision {
            meeting: text.clone(),
            text: text.clone(),
            actions: vec![text.clone(), s("1-1")],
            owner: Some(text.clone()),
            due: Some(Date::ymd(2027, 1, 1)),
        }));
        events.push(event(Change::Note { meeting: text.clone(), text: text.clone(), actions: vec![text.clone()] }));
        events.push(event(Change::Task {
            meeting: text.clone(),
            id: text.clone(),
            text: text.clone(),
            actions: vec![],
            owner: Some(text.clone()),
            due: None,
        }));
        events.push(event(Change::TaskDone { task: text.clone() }));
        events.push(event(Change::MeetingClosed { id: text.clone() }));
        events.push(Event { by: text.clone(), ..event(Change::Undo { line: usize::MAX }) });
    }
    for v in [
        Value::Number(0.0),
        Value::Number(-3.0),
        Value::Number(12.5),
        Value::Number(1e20),
        Value::Number(0.1),
        Value::Bool(false),
    ] {
        events.push(event(Change::Measure {
            action: s("1-1"),
            indicator: s("n"),
            point: Point { date: Date::ymd(2026, 1, 5), value: v, note: None, by: None },
        }));
    }
    let offset = Timestamp(chrono::DateTime::parse_from_rfc3339("2026-07-14T23:59:59-09:30").unwrap());
    events.push(Event { at: offset, ..event(Change::TaskDone { task: s("t") }) });

    for e in events {
        let line = e.to_line();
        assert!(!line.contains('\n') && !line.contains('\r'), "one line: {line:?}");
        let back =
            load::parse_event(Lang::Fr, &line).unwrap_or_else(|err| panic!("{line}\ndoes not parse back: {err:?}"));
        assert_eq!(back, e, "{line}");
    }
}

#[test]
fn to_line_writes_the_documented_shape() {
    let e = Event {
        note: Some(s("Inauguration le 12/11")),
        ..event(Change::Status { action: s("1-1"), to: Status::Done })
    };
    assert_eq!(
        e.to_line(),
        r#"Event(at: "2026-01-05T09:00:00+01:00", by: "mlegrand", change: Status(action: "1-1", to: Done), note: "Inauguration le 12/11")"#
    );
}

/// A journal of lines written by `to_line` with newlines in texts is read back line by line.
#[test]
fn a_journal_of_tricky_lines_loads() {
    let lines: Vec<String> =
        tricky_texts().into_iter().map(|t| event(Change::Comment { action: s("1-1"), text: t }).to_line()).collect();
    let l = load_journal(&lines);
    assert_eq!(l.state.entries.len(), lines.len());
    assert!(l.state.all_warnings().is_empty());
}

// ---------------------------------------------------------------------------------------------
// The journal file itself: torn, malformed and unknown lines

/// Loads the plan with a journal of exactly these bytes.
fn load_raw(journal: &[u8]) -> Result<Loaded, load::Diagnostic> {
    let dir = tempfile::tempdir().expect("tempdir");
    let plan = dir.path().join("essai.ron");
    std::fs::write(&plan, PLAN).expect("write plan");
    std::fs::write(load::journal_path(&plan), journal).expect("write journal");
    load::load(Lang::Fr, &plan)
}

#[test]
fn a_last_line_cut_inside_a_character_is_a_torn_line() {
    let first = ev(r#"Status(action: "1-1", to: Done)"#);
    let second = ev(r#"Comment(action: "1-1", text: "Réunion")"#);
    let cut = second.find('é').unwrap() + 1; // inside the two bytes of `é`
    let bytes = format!("{first}\n{second}\n").into_bytes();
    let bytes = &bytes[..first.len() + 1 + cut];
    let l = load_raw(bytes).unwrap_or_else(|d| panic!("{d}"));
    assert_eq!(l.state.load_warnings, vec![warning(2, WarningKind::TornLastLine)]);
    assert_eq!(l.journal_lines, 1);
    assert_eq!(l.journal_len as usize, first.len() + 1, "a watcher resumes after the last whole line");
    assert_eq!(status_of(&l.state, "1-1"), Status::Done);
}

#[test]
fn a_whole_last_line_without_its_newline_is_read() {
    let line = ev(r#"Status(action: "1-1", to: Done)"#);
    let l = load_raw(line.as_bytes()).unwrap_or_else(|d| panic!("{d}"));
    assert!(l.state.all_warnings().is_empty());
    assert_eq!((l.journal_lines, l.journal_len as usize), (1, line.len()));
    assert_eq!(status_of(&l.state, "1-1"), Status::Done);
}

#[test]
fn crlf_line_ends_are_read() {
    let text = format!("{}\r\n{}\r\n", ev(r#"Status(action: "1-1", to: Done)"#), undo(1));
    let l = load_raw(text.as_bytes()).unwrap_or_else(|d| panic!("{d}"));
    assert!(l.state.all_warnings().is_empty(), "{:?}", l.state.all_warnings());
    assert_eq!(status_of(&l.state, "1-1"), Status::NotStarted);
}

#[test]
fn a_malformed_line_that_is_not_the_last_stops_the_load_with_its_number() {
    let text = format!("{}\nnot ron at all\n{}\n", ev(r#"Status(action: "1-1", to: Done)"#), undo(1));
    let d = load_raw(text.as_bytes()).expect_err("refused");
    assert_eq!(d.line, 2);
    assert!(d.file.ends_with("essai.journal.ron"), "{}", d.file.display());
    assert_eq!(d.source_line, "not ron at all");
}

#[test]
fn an_unknown_change_kind_is_refused_never_skipped() {
    let text = format!("{}\n{}\n", ev(r#"Status(action: "1-1", to: Done)"#), ev(r#"Vote(meeting: "m1", result: 3)"#));
    let d = load_raw(text.as_bytes()).expect_err("an unknown kind on a whole line is refused");
    assert_eq!(d.line, 2);
    assert!(d.to_string().contains("Vote"), "{d}");
    // An unknown field is refused too.
    let text = format!("{}\n", ev(r#"Status(action: "1-1", to: Done, why: "test")"#));
    let d = load_raw(text.as_bytes()).expect_err("an unknown field is refused");
    assert!(d.to_string().contains("why"), "{d}");
}

#[test]
fn a_journal_line_that_is_not_utf8_is_refused() {
    let mut bytes = ev(r#"Comment(action: "1-1", text: "x")"#).into_bytes();
    bytes.insert(bytes.len() - 4, 0xff);
    bytes.push(b'\n');
    bytes.extend_from_slice(ev(r#"Status(action: "1-1", to: Done)"#).as_bytes());
    bytes.push(b'\n');
    let d = load_raw(&bytes).expect_err("refused");
    assert_eq!(d.line, 1);
    let _ = d.to_string();
}
