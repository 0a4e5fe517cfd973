//! Meeting mode: the lines a meeting writes, the proposed agenda, the follow-up, the cadence of
//! bodies, and the meeting screens rendered into TestBackend (snapshots and whole flows).

mod common;

use common::{copy_fixture, journal_lines, keys, screen, today, typed};
use std::path::Path;

use copil::lang::Lang;
use copil::plan::edit::{Author, EditError};
use copil::plan::journal::{Change, Presence};
use copil::plan::meeting::{self, FollowUp, Reason};
use copil::plan::model::{Date, Status, Timestamp};
use copil::store::load::load;
use copil::tui::app::App;
use copil::tui::form::FormBody;
use copil::tui::keymap::Keymap;
use copil::tui::ui_state::Mode;
use copil::tui::view::theme::Theme;
use crossterm::event::KeyCode;

const FIXTURE: &str = "tests/fixtures/charente-extract.ron";

fn author() -> Author<'static> {
    Author::new("cellule-etat", Timestamp(chrono::DateTime::parse_from_rfc3339("2026-11-23T14:00:00+01:00").unwrap()))
}

fn app(path: &Path) -> App {
    copil::wording::set_display_offset(Some(3600)); // times as in Paris in winter, whatever the machine's zone
    let mut a = App::new(load(Lang::Fr, path).unwrap(), Keymap::builtin(), Theme::default16(), today(), Lang::Fr);
    a.by = "cellule-etat".to_string();
    a
}

/// Opens a COTECH from the plan screen: `r`, the second body, today, a title.
fn open_cotech(a: &mut App) {
    keys(a, &[KeyCode::Char('r'), KeyCode::Down, KeyCode::Tab, KeyCode::Tab]);
    typed(a, "COTECH de novembre");
    keys(a, &[KeyCode::Enter]);
}

#[test]
fn the_lines_of_a_meeting_are_checked_before_they_are_written() {
    let state = load(Lang::Fr, Path::new(FIXTURE)).unwrap().state;
    let who = author();
    let e = meeting::open(&state, &who, "cotech", today(), Some("  ")).unwrap();
    assert_eq!(
        e.change,
        Change::MeetingOpened {
            id: "2026-11-23-cotech".into(),
            body: "cotech".into(),
            title: None,
            date: today(),
            place: None
        }
    );
    assert_eq!(meeting::open(&state, &who, "conseil", today(), None), Err(EditError::UnknownBody("conseil".into())));
    // The fixture's meeting of 2018 is closed: nothing more goes into it.
    let closed = "2018-06-12-cotech";
    assert_eq!(meeting::note(&state, &who, closed, "x", vec![]), Err(EditError::MeetingClosed(closed.into())));
    assert_eq!(meeting::task_done(&state, &who, "t1"), Err(EditError::TaskAlreadyDone("t1".into())));
    assert_eq!(meeting::task_done(&state, &who, "t9"), Err(EditError::UnknownTask("t9".into())));

    // With a meeting open: one at a time, ids that do not clash, empty texts refused.
    let mut state = state;
    let line = state.entries.len() + 1;
    state.apply(line, e);
    assert_eq!(
        meeting::open(&state, &who, "copil", today(), None).map(|_| ()),
        Err(EditError::MeetingAlreadyOpen("2026-11-23-cotech".into()))
    );
    assert_eq!(meeting::new_id(&state, "cotech", today()), "2026-11-23-cotech-2");
    let id = "2026-11-23-cotech";
    assert_eq!(meeting::decision(&state, &who, id, "  ", vec![], None, None), Err(EditError::EmptyText));
    assert_eq!(
        meeting::decision(&state, &who, id, "x", vec!["Spup99".into()], None, None),
        Err(EditError::UnknownAction("Spup99".into()))
    );
    let t = meeting::task(&state, &who, id, "Relancer la CAF", vec!["Spup03".into()], Some("ref-caf"), None).unwrap();
    assert!(matches!(&t.change, Change::Task { id, .. } if id == "t2"), "{t:?}");
    let a = meeting::attendance(&state, &who, id, "Maire de Rouillac", Presence::Present).unwrap();
    assert!(matches!(a.change, Change::Attendance { .. }));
    // A status change made from the meeting screen carries the meeting; one made elsewhere
    // meanwhile does not.
    let in_meeting = Author { meeting: Some(id), ..author() };
    let s = copil::plan::edit::status(&state, &in_meeting, "Spup05", Status::Done, None).unwrap();
    assert_eq!(s.meeting.as_deref(), Some(id));
    let s = copil::plan::edit::status(&state, &who, "Spup05", Status::Done, None).unwrap();
    assert_eq!(s.meeting, None);
    assert!(matches!(meeting::close(&state, &who, id).unwrap().change, Change::MeetingClosed { .. }));
}

#[test]
fn the_proposed_agenda_says_why_each_item_is_there() {
    let mut state = load(Lang::Fr, Path::new(FIXTURE)).unwrap().state;
    let line = state.entries.len() + 1;
    state.apply(line, meeting::open(&state, &author(), "cotech", today(), None).unwrap());
    let m = state.open_meeting().unwrap().clone();
    let agenda = meeting::proposed_agenda(&state, &m);
    let find = |id: &str| agenda.iter().find(|i| i.action.as_deref() == Some(id)).map(|i| i.reasons.clone());
    // Spup01: late, its decision of the last COTECH is due, its indicator's 2022 target has
    // passed with no measurement since 2018 (a measurement is due, whatever 2018 said).
    let spup01 = find("Spup01").expect("Spup01");
    assert!(spup01.contains(&Reason::Late), "{spup01:?}");
    assert!(spup01.iter().any(|r| matches!(r, Reason::DecisionDue(_))), "{spup01:?}");
    assert!(spup01.contains(&Reason::MeasurementDue), "{spup01:?}");
    assert!(!spup01.contains(&Reason::Behind), "{spup01:?}");
    // Spup03 was commented and measured after the last COTECH.
    assert!(find("Spup03").expect("Spup03").contains(&Reason::Changed));
    // Spup02 and Spup04 are done and nothing happened to them: not on the agenda.
    assert_eq!(find("Spup02"), None);
    assert_eq!(find("Spup04"), None);
    // The plan's order.
    let ids: Vec<&str> = agenda.iter().filter_map(|i| i.action.as_deref()).collect();
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(ids, sorted);
}

#[test]
fn the_follow_up_puts_overdue_first_and_bodies_that_did_not_meet_are_flagged() {
    let mut state = load(Lang::Fr, Path::new(FIXTURE)).unwrap().state;
    let line = state.entries.len() + 1;
    state.apply(line, meeting::open(&state, &author(), "cotech", today(), None).unwrap());
    let id = state.open_meeting().unwrap().id.clone();
    let who = author();
    let later = Date::ymd(2027, 6, 30);
    for (text, due) in [("Plus tard", Some(later)), ("Sans échéance", None)] {
        let e = meeting::task(&state, &who, &id, text, vec![], None, due).unwrap();
        let line = state.entries.len() + 1;
        state.apply(line, e);
    }
    assert!(state.warnings.is_empty(), "{:?}", state.warnings);
    let items = meeting::follow_up(&state, today());
    let dues: Vec<Option<Date>> = items.iter().map(|(_, d)| *d).collect();
    // The decision of 2018 (due 30/11/2018) is overdue: first. Then the later task, then the one
    // without a due date. Task t1 is done: absent.
    assert_eq!(dues, vec![Some(Date::ymd(2018, 11, 30)), Some(later), None]);
    assert!(matches!(items[0].0, FollowUp::Decision(_)));
    assert!(!items.iter().any(|(f, _)| *f == FollowUp::Task("t1".into())));

    let copil = state.plan.body("copil").unwrap();
    let cotech = state.plan.body("cotech").unwrap();
    assert_eq!(meeting::cadence_months(copil), Some(12));
    assert_eq!(meeting::cadence_months(cotech), Some(6));
    assert!(meeting::is_overdue(&state, copil, today()), "no COPIL at all");
    assert!(!meeting::is_overdue(&state, cotech, today()), "a COTECH today");
    assert!(meeting::is_overdue(&state, cotech, Date::ymd(2027, 6, 1)), "none in the 6 months before");
}

#[test]
fn attendance_is_grouped_by_organisation_then_guests() {
    let state = load(Lang::Fr, Path::new(FIXTURE)).unwrap().state;
    let m = state.meeting("2018-06-12-cotech").unwrap();
    let rows = meeting::attendees(&state, m);
    let shown: Vec<(Option<&str>, &str, Option<Presence>)> =
        rows.iter().map(|a| (a.org.as_deref(), a.name.as_str(), a.presence)).collect();
    assert_eq!(
        shown,
        vec![
            (Some("CAF de la Charente"), "Référent CAF", Some(Presence::Excused)),
            (Some("CPAM de la Charente"), "Référent CPAM", Some(Presence::Present)),
            (Some("La Poste"), "Référent La Poste", None),
            (Some("Préfecture de la Charente"), "Cellule technique (État)", None),
            (None, "Directrice de la MSAP de Rouillac", Some(Presence::Present)),
        ]
    );
    assert!(rows[3].chair && rows[4].guest);
}

#[test]
fn a_whole_meeting_in_the_interface_writes_its_lines_and_its_minutes() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_fixture(dir.path());
    let before = journal_lines(&path).len();
    let mut a = app(&path);
    open_cotech(&mut a);
    assert_eq!(a.ui.screen, Mode::Meeting);
    let s = screen(&mut a, 100, 30);
    assert!(s.contains("COTECH de novembre · Comité technique · 23/11/2026 · en cours"), "{s}");
    assert!(s.contains("[RÉUNION EN COURS]"), "{s}");
    insta::assert_snapshot!("meeting_agenda_100x30", s);

    // Roll call: present, present, excused, then a guest.
    keys(&mut a, &[KeyCode::Char('a'), KeyCode::Char('p'), KeyCode::Char('p'), KeyCode::Char('e')]);
    keys(&mut a, &[KeyCode::Char('g')]);
    typed(&mut a, "Maire de Rouillac");
    keys(&mut a, &[KeyCode::Enter]);
    insta::assert_snapshot!("meeting_attendance_100x30", screen(&mut a, 100, 30));
    keys(&mut a, &[KeyCode::Esc]);

    // A decision on the first item (Spup01), then its status.
    keys(&mut a, &[KeyCode::Char('d')]);
    typed(&mut a, "Ouvrir deux MSAP en 2027");
    keys(&mut a, &[KeyCode::Tab]);
    typed(&mut a, "Référent La Poste");
    keys(&mut a, &[KeyCode::Tab]);
    typed(&mut a, "2027-06-30");
    keys(&mut a, &[KeyCode::Enter]);
    assert!(a.ui.form.is_none(), "{:?}", a.ui.form.as_ref().and_then(|f| f.error.clone()));
    keys(&mut a, &[KeyCode::Char('s'), KeyCode::Down, KeyCode::Enter]);
    // A task on the next item.
    keys(&mut a, &[KeyCode::Down, KeyCode::Char('t')]);
    typed(&mut a, "Transmettre le bilan annuel");
    keys(&mut a, &[KeyCode::Tab]);
    typed(&mut a, "ref-caf");
    keys(&mut a, &[KeyCode::Enter]);
    keys(&mut a, &[KeyCode::Up]);
    let s = screen(&mut a, 100, 30);
    assert!(s.contains("• décision : Ouvrir deux MSAP en 2027"), "{s}");
    assert!(s.contains("• statut : En cours → Réalisée"), "{s}");

    // Close, then write the minutes.
    keys(&mut a, &[KeyCode::Char('C'), KeyCode::Up, KeyCode::Enter]);
    assert!(!a.state.meeting("2026-11-23-cotech").unwrap().is_open());
    keys(&mut a, &[KeyCode::Char('d')]);
    assert!(a.ui.form.is_none(), "a closed meeting records nothing");
    assert!(a.ui.message.as_ref().unwrap().text.contains("close"), "{:?}", a.ui.message);
    // `M` asks which format, Markdown first (nothing remembered yet).
    keys(&mut a, &[KeyCode::Char('M')]);
    assert!(screen(&mut a, 100, 30).contains("OpenDocument (.odt)"), "the format picker");
    keys(&mut a, &[KeyCode::Enter]);
    let minutes = std::fs::read_to_string(dir.path().join("plan-2026-11-23-cotech.md")).unwrap();
    assert_eq!(Some(minutes.clone()), copil::minutes::markdown(Lang::Fr, &a.state, "2026-11-23-cotech"));
    for text in [
        "COTECH de novembre",
        "Ouvrir deux MSAP en 2027",
        "Référent La Poste",
        "30/06/2027",
        "Transmettre le bilan annuel",
        "En cours → Réalisée",
        "Maire de Rouillac",
    ] {
        assert!(minutes.contains(text), "{text:?} missing:\n{minutes}");
    }
    // ODT this time: written beside the plan, and offered first the next time.
    keys(&mut a, &[KeyCode::Char('M'), KeyCode::Down, KeyCode::Enter]);
    let odt = std::fs::read(dir.path().join("plan-2026-11-23-cotech.odt")).unwrap();
    assert!(odt.starts_with(b"PK") && odt[30..].starts_with(b"mimetypeapplication/vnd.oasis.opendocument.text"));
    assert_eq!(a.minutes_format, copil::minutes::MinutesFormat::Odt);
    keys(&mut a, &[KeyCode::Char('M')]);
    let Some(FormBody::MinutesFormat(f)) = a.ui.form.as_ref().map(|f| &f.body) else { panic!("the format form") };
    assert_eq!(f.chosen(), copil::minutes::MinutesFormat::Odt);
    keys(&mut a, &[KeyCode::Esc]);

    let lines = journal_lines(&path);
    // Opened, 4 attendance lines, decision, status, the chair moving to the second item, task,
    // back to the first item, closed.
    assert_eq!(lines.len(), before + 11, "{lines:#?}");
    assert!(
        lines[before + 7].contains("AgendaItem(") && lines[before + 9].contains(r#"action: "Spup01""#),
        "{lines:#?}"
    );
    assert!(lines[before + 5].contains(r#"owner: "ref-poste""#), "a person's name is stored as their id");
    assert!(lines[before + 6].contains(r#"meeting: "2026-11-23-cotech""#), "the status carries the meeting");
}

#[test]
fn the_chair_edits_the_agenda_and_projection_shows_the_item_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_fixture(dir.path());
    let mut a = app(&path);
    open_cotech(&mut a);
    let first = a.ui.meeting.as_ref().unwrap().agenda.len();
    // Add Spup04 after the current item (found by the `/` search), move it down, take it off.
    keys(&mut a, &[KeyCode::Char('+')]);
    assert!(a.ui.search.is_some(), "+ opens the search");
    typed(&mut a, "spup04");
    keys(&mut a, &[KeyCode::Enter]);
    assert!(a.ui.search.is_none());
    assert_eq!(a.ui.screen, Mode::Meeting);
    let m = a.ui.meeting.as_ref().unwrap();
    assert_eq!((m.agenda.len(), m.current_action()), (first + 1, Some("Spup04")));
    keys(&mut a, &[KeyCode::Char('J')]);
    assert_eq!(a.ui.meeting.as_ref().unwrap().current, 2);
    keys(&mut a, &[KeyCode::Char('x')]);
    assert_eq!(a.ui.meeting.as_ref().unwrap().agenda.len(), first);
    // A search that finds nothing adds nothing; Esc goes back to the meeting.
    keys(&mut a, &[KeyCode::Char('+')]);
    typed(&mut a, "zzzqqq");
    keys(&mut a, &[KeyCode::Enter]);
    assert!(a.ui.search.is_some(), "nothing chosen: the search stays open");
    assert_eq!(a.ui.meeting.as_ref().unwrap().agenda.len(), first);
    keys(&mut a, &[KeyCode::Esc]);
    assert_eq!((a.ui.search.is_none(), a.ui.screen), (true, Mode::Meeting));
    keys(&mut a, &[KeyCode::Home, KeyCode::Char('p')]);
    let s = screen(&mut a, 80, 24);
    assert!(s.contains("Point 1 / 3"), "{s}");
    assert!(!s.contains("Ordre du jour"), "the projector shows the item alone: {s}");
    insta::assert_snapshot!("meeting_projection_80x24", s);
}

#[test]
fn a_meeting_left_open_is_offered_for_resumption() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_fixture(dir.path());
    let mut a = app(&path);
    open_cotech(&mut a);
    // copil dies; a new session starts.
    let mut b = app(&path);
    b.offer_resumption();
    let s = screen(&mut b, 100, 30);
    assert!(s.contains("Une réunion est restée ouverte."), "{s}");
    // "Not now" is preselected: resuming is chosen.
    keys(&mut b, &[KeyCode::Up, KeyCode::Enter]);
    assert_eq!(b.ui.screen, Mode::Meeting);
    assert_eq!(b.ui.meeting.as_ref().unwrap().id, "2026-11-23-cotech");
    // "Later" leaves the plan screen as it was.
    let mut c = app(&path);
    c.offer_resumption();
    keys(&mut c, &[KeyCode::Enter]);
    assert_eq!((c.ui.screen, c.ui.form.is_none()), (Mode::Plan, true));
}

#[test]
fn follow_up_marks_a_task_done_and_past_meetings_show_their_minutes() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_fixture(dir.path());
    let mut a = app(&path);
    open_cotech(&mut a);
    keys(&mut a, &[KeyCode::Char('t')]);
    typed(&mut a, "Relancer la CAF");
    keys(&mut a, &[KeyCode::Tab, KeyCode::Tab]);
    typed(&mut a, "2026-12-15");
    keys(&mut a, &[KeyCode::Enter, KeyCode::Char('f')]);
    assert_eq!(a.ui.screen, Mode::FollowUp);
    let s = screen(&mut a, 100, 30);
    insta::assert_snapshot!("follow_up_100x30", s);
    // First the overdue decision of 2018 (no done state), then the task.
    keys(&mut a, &[KeyCode::Enter]);
    assert!(a.ui.message.as_ref().unwrap().is_error);
    keys(&mut a, &[KeyCode::Down, KeyCode::Enter]);
    assert!(a.state.tasks.iter().find(|t| t.text == "Relancer la CAF").unwrap().done_line.is_some());
    assert!(journal_lines(&path).last().unwrap().contains("TaskDone"));
    keys(&mut a, &[KeyCode::Esc]);
    assert_eq!(a.ui.screen, Mode::Meeting, "back where the follow-up was opened");

    // Past meetings: the COPIL never met (flagged), two COTECH; Enter reads the minutes.
    keys(&mut a, &[KeyCode::Esc, KeyCode::Char('R')]);
    let s = screen(&mut a, 100, 30);
    assert!(s.contains("Comité de pilotage (annuel)  ⚠ aucune réunion depuis 12 mois"), "{s}");
    assert!(s.contains("12/06/2018  COTECH du 12 juin 2018"), "{s}");
    keys(&mut a, &[KeyCode::Down, KeyCode::Enter]);
    assert_eq!(a.ui.screen, Mode::Minutes);
    let s = screen(&mut a, 100, 30);
    assert!(s.contains("# Relevé de décisions — COTECH du 12 juin 2018"), "{s}");
}
