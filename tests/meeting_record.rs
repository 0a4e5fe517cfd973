//! What a meeting records for its relevé de décisions: the place at opening, represented members,
//! the agenda as the chair runs it, the next meeting; the lines replayed (old journals still load,
//! bad lines are skipped with a warning), and the meeting screen entering them, rendered into
//! TestBackend. Also the minutes format remembered in the settings file.

mod common;

use common::{copy_fixture, journal_lines, keys, screen, today, typed};
use std::path::Path;

use copil::lang::Lang;
use copil::minutes::MinutesFormat;
use copil::plan::edit::{Author, EditError};
use copil::plan::journal::{Change, Event, Presence};
use copil::plan::meeting;
use copil::plan::model::{Date, Timestamp};
use copil::plan::state::{Outcome, PlanState, WarningKind};
use copil::store::load::load;
use copil::tui::app::App;
use copil::tui::form::FormBody;
use copil::tui::keymap::Keymap;
use copil::tui::view::theme::Theme;
use crossterm::event::KeyCode;

const FIXTURE: &str = "tests/fixtures/charente-extract.ron";

fn author() -> Author<'static> {
    Author::new("cellule-etat", Timestamp(chrono::DateTime::parse_from_rfc3339("2026-11-23T14:00:00+01:00").unwrap()))
}

fn app(path: &Path) -> App {
    let mut a = App::new(load(Lang::Fr, path).unwrap(), Keymap::builtin(), Theme::default16(), today(), Lang::Fr);
    a.by = "cellule-etat".to_string();
    a
}

fn parse(line: &str) -> Event {
    copil::ron_format::options().from_str(line).unwrap_or_else(|e| panic!("{line}: {e}"))
}

#[test]
fn the_new_lines_round_trip_and_old_ones_still_read() {
    let state = load(Lang::Fr, Path::new(FIXTURE)).unwrap().state;
    let who = author();
    let opened = meeting::open_at(&state, &who, "cotech", today(), Some("COTECH"), Some("  Salle 3  ")).unwrap();
    let line = opened.to_line();
    assert!(line.contains(r#"place: "Salle 3""#), "{line}");
    assert_eq!(parse(&line), opened);
    // A blank place is no place; an old line without one reads as before.
    let blank = meeting::open_at(&state, &who, "cotech", today(), None, Some(" ")).unwrap();
    assert!(!blank.to_line().contains("place"), "{}", blank.to_line());
    let old = parse(
        r#"Event(at: "2018-06-12T10:00:00+02:00", by: "x", change: Attendance(meeting: "m", person: "p", presence: Present))"#,
    );
    assert!(matches!(old.change, Change::Attendance { by: None, presence: Presence::Present, .. }));

    let mut s = state.clone();
    s.apply(100, opened.clone());
    let id = "2026-11-23-cotech";
    let rep = meeting::represented(&s, &who, id, "ref-caf", "Mme Durand").unwrap();
    assert!(rep.to_line().contains(r#"presence: Represented, by: "Mme Durand""#), "{}", rep.to_line());
    assert_eq!(parse(&rep.to_line()), rep);
    assert_eq!(meeting::represented(&s, &who, id, "ref-caf", " "), Err(EditError::EmptyText));
    let next = meeting::next_meeting(&s, &who, id, Date::ymd(2027, 5, 4), Some("Angoulême")).unwrap();
    assert_eq!(parse(&next.to_line()), next);
    assert_eq!(
        meeting::next_meeting(&s, &who, id, today(), None),
        Err(EditError::BadDate("2026-11-23".into())),
        "the next meeting comes after this one"
    );
    let item = meeting::agenda_item(&s, &who, id, Some("Spup01"), "Spup01 — Constitution").unwrap().unwrap();
    assert_eq!(parse(&item.to_line()), item);
    assert_eq!(meeting::agenda_item(&s, &who, id, Some("Spup99"), "x"), Err(EditError::UnknownAction("Spup99".into())));

    s.apply(101, rep);
    s.apply(102, item.clone());
    s.apply(103, next);
    // The same item again writes nothing.
    assert_eq!(meeting::agenda_item(&s, &who, id, Some("Spup01"), "Spup01 — Constitution"), Ok(None));
    let m = s.meeting(id).unwrap();
    assert_eq!(m.place.as_deref(), Some("Salle 3"));
    assert_eq!(m.represented, [("ref-caf".to_string(), "Mme Durand".to_string())]);
    assert_eq!(meeting::presence_of(m, "ref-caf"), Some(Presence::Represented));
    assert_eq!(m.next, Some((Date::ymd(2027, 5, 4), Some("Angoulême".to_string()))));
    // A later presence replaces the representation.
    s.apply(104, meeting::attendance(&s, &who, id, "ref-caf", Presence::Present).unwrap());
    assert!(s.meeting(id).unwrap().represented.is_empty());
}

#[test]
fn bad_agenda_and_next_meeting_lines_are_skipped_with_a_warning() {
    let mut s: PlanState = load(Lang::Fr, Path::new(FIXTURE)).unwrap().state;
    let n = s.entries.len();
    let at = "2026-11-23T14:00:00+01:00";
    s.apply(
        n + 1,
        parse(&format!(
            r#"Event(at: "{at}", by: "x", change: AgendaItem(meeting: "2018-06-12-cotech", action: "Spup01", title: "t"))"#
        )),
    );
    s.apply(
        n + 2,
        parse(&format!(
            r#"Event(at: "{at}", by: "x", change: NextMeeting(meeting: "nulle-part", date: "2027-01-01"))"#
        )),
    );
    assert_eq!(s.entry_by_line(n + 1).unwrap().outcome, Outcome::Skipped);
    assert_eq!(s.entry_by_line(n + 2).unwrap().outcome, Outcome::Skipped);
    let kinds: Vec<&WarningKind> = s.warnings.iter().map(|w| &w.kind).collect();
    assert!(kinds.contains(&&WarningKind::MeetingClosed("2018-06-12-cotech".into())), "{kinds:?}");
    assert!(kinds.contains(&&WarningKind::UnknownMeeting("nulle-part".into())), "{kinds:?}");
}

#[test]
fn the_meeting_screen_records_place_representation_agenda_and_next_meeting() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_fixture(dir.path());
    let before = journal_lines(&path).len();
    let mut a = app(&path);
    // Open a COTECH with a place (the fourth field of the form).
    keys(&mut a, &[KeyCode::Char('r'), KeyCode::Down, KeyCode::Tab, KeyCode::Tab]);
    typed(&mut a, "COTECH de novembre");
    keys(&mut a, &[KeyCode::Tab]);
    typed(&mut a, "Préfecture, salle Marengo");
    keys(&mut a, &[KeyCode::Enter]);
    let id = "2026-11-23-cotech";
    assert_eq!(a.state.meeting(id).unwrap().place.as_deref(), Some("Préfecture, salle Marengo"));

    // Attendance: the CAF's referent is represented.
    keys(&mut a, &[KeyCode::Char('a')]);
    assert!(screen(&mut a, 100, 30).contains("Référent CAF"));
    // Walk down to the CAF's referent (people in organisation order: CAF first).
    let rows = meeting::attendees(&a.state, a.state.meeting(id).unwrap());
    let at = rows.iter().position(|r| r.key == "ref-caf").unwrap();
    for _ in 0..at {
        keys(&mut a, &[KeyCode::Down]);
    }
    keys(&mut a, &[KeyCode::Char('r')]);
    let s = screen(&mut a, 100, 30);
    assert!(s.contains("Représentation — Référent CAF") && s.contains("Représenté(e) par"), "{s}");
    typed(&mut a, "Mme Durand, adjointe");
    keys(&mut a, &[KeyCode::Enter]);
    assert!(a.ui.form.is_none(), "{:?}", a.ui.form.as_ref().and_then(|f| f.error.clone()));
    let s = screen(&mut a, 100, 30);
    assert!(s.contains("Représenté(e)"), "the roll call shows it: {s}");
    keys(&mut a, &[KeyCode::Esc]);

    // The chair moves to the second item, then back: each item recorded once, in that order.
    keys(&mut a, &[KeyCode::Down, KeyCode::Up, KeyCode::Down]);
    let agenda: Vec<String> = a
        .state
        .meeting(id)
        .unwrap()
        .items
        .iter()
        .filter_map(|&i| match &a.state.entries[i].event.change {
            Change::AgendaItem { action, .. } => action.clone(),
            _ => None,
        })
        .collect();
    let m = a.ui.meeting.as_ref().unwrap();
    assert_eq!(agenda, [m.agenda[1].action.clone().unwrap(), m.agenda[0].action.clone().unwrap()]);

    // The next meeting, before closing.
    keys(&mut a, &[KeyCode::Char('N')]);
    assert!(screen(&mut a, 100, 30).contains("Prochaine réunion"));
    typed(&mut a, "2027-05-04");
    keys(&mut a, &[KeyCode::Tab]);
    typed(&mut a, "Conseil départemental");
    keys(&mut a, &[KeyCode::Enter]);
    assert!(a.ui.form.is_none(), "{:?}", a.ui.form.as_ref().and_then(|f| f.error.clone()));
    assert_eq!(
        a.state.meeting(id).unwrap().next,
        Some((Date::ymd(2027, 5, 4), Some("Conseil départemental".to_string())))
    );
    let s = screen(&mut a, 140, 30);
    assert!(s.contains("suivante : 04/05/2027"), "shown under the agenda: {s}");
    // Pressed again, the form shows what was set.
    keys(&mut a, &[KeyCode::Char('N')]);
    let Some(FormBody::NextMeeting(form)) = a.ui.form.as_ref().map(|f| &f.body) else { panic!("the next meeting") };
    assert_eq!(form.date.value(), "2027-05-04", "the form shows the date set");
    keys(&mut a, &[KeyCode::Esc]);

    keys(&mut a, &[KeyCode::Char('C'), KeyCode::Up, KeyCode::Enter]);
    let minutes = copil::minutes::markdown(Lang::Fr, &a.state, id).unwrap();
    for text in [
        "- Lieu : Préfecture, salle Marengo\n",
        "Référent CAF, représenté(e) par Mme Durand, adjointe",
        "## Ordre du jour",
        "Comité technique : le 04/05/2027, Conseil départemental.",
    ] {
        assert!(minutes.contains(text), "{text:?} missing:\n{minutes}");
    }
    let lines = journal_lines(&path);
    // Opened, represented, two agenda items, next meeting, closed.
    assert_eq!(lines.len(), before + 6, "{lines:#?}");
    // Moving along the agenda after the meeting is closed writes nothing.
    keys(&mut a, &[KeyCode::Up]);
    assert_eq!(journal_lines(&path).len(), before + 6);
}

#[test]
fn a_read_only_session_moves_along_the_agenda_without_writing() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_fixture(dir.path());
    let mut a = app(&path);
    keys(&mut a, &[KeyCode::Char('r'), KeyCode::Down, KeyCode::Enter]);
    let n = journal_lines(&path).len();
    a.read_only = Some("lecture seule".into());
    keys(&mut a, &[KeyCode::Down, KeyCode::Down]);
    assert_eq!(journal_lines(&path).len(), n);
    assert_eq!(a.ui.meeting.as_ref().unwrap().current, 2);
    keys(&mut a, &[KeyCode::Char('N')]);
    assert!(a.ui.form.is_none() && a.ui.message.is_some(), "refused with the reason");
}

#[test]
fn the_minutes_format_is_remembered_in_the_settings_file_keeping_its_comments() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.ron");
    std::fs::write(&config, "// mes réglages\n(\n    theme: \"light\", // clair\n)\n").unwrap();
    copil::config::remember_minutes_format(Lang::Fr, &config, MinutesFormat::Odt).unwrap();
    let text = std::fs::read_to_string(&config).unwrap();
    assert!(text.contains("// mes réglages") && text.contains("// clair"), "{text}");
    let c = copil::config::Config::parse(Lang::Fr, "c", &text).unwrap();
    assert_eq!(c.minutes_format(), Ok(Some(MinutesFormat::Odt)));
    assert_eq!(c.theme.as_deref(), Some("light"));
    copil::config::remember_minutes_format(Lang::Fr, &config, MinutesFormat::Html).unwrap();
    let text = std::fs::read_to_string(&config).unwrap();
    assert_eq!(text.matches("minutes_format").count(), 1, "replaced, not added again: {text}");
    assert_eq!(
        copil::config::Config::parse(Lang::Fr, "c", &text).unwrap().minutes_format(),
        Ok(Some(MinutesFormat::Html))
    );
    // A missing file is created; a file that does not parse is left alone; a bad name is refused.
    let e = copil::config::Config::parse(Lang::Fr, "c.ron", "(minutes_format: \"pdf\")").unwrap_err();
    assert!(e.contains("pdf") && e.contains("odt"), "{e}");
    let fresh = dir.path().join("sub").join("config.ron");
    copil::config::remember_minutes_format(Lang::Fr, &fresh, MinutesFormat::Md).unwrap();
    assert_eq!(
        copil::config::Config::parse(Lang::Fr, "c", &std::fs::read_to_string(&fresh).unwrap())
            .unwrap()
            .minutes_format(),
        Ok(Some(MinutesFormat::Md))
    );
    let bad = dir.path().join("bad.ron");
    std::fs::write(&bad, "(theme: ").unwrap();
    assert!(copil::config::remember_minutes_format(Lang::Fr, &bad, MinutesFormat::Odt).is_err());
    assert_eq!(std::fs::read_to_string(&bad).unwrap(), "(theme: ");

    // The app remembers it there when the chair picks another format.
    let plan = copy_fixture(dir.path());
    let mut a = app(&plan);
    a.config_path = Some(config.clone());
    a.minutes_format = MinutesFormat::Html;
    keys(&mut a, &[KeyCode::Char('R'), KeyCode::Down]);
    keys(&mut a, &[KeyCode::Char('M')]);
    let Some(FormBody::MinutesFormat(f)) = a.ui.form.as_ref().map(|f| &f.body) else { panic!("the format form") };
    assert_eq!(f.chosen(), MinutesFormat::Html);
    keys(&mut a, &[KeyCode::Up, KeyCode::Enter]);
    assert_eq!(a.minutes_format, MinutesFormat::Odt);
    assert_eq!(
        copil::config::Config::parse(Lang::Fr, "c", &std::fs::read_to_string(&config).unwrap())
            .unwrap()
            .minutes_format(),
        Ok(Some(MinutesFormat::Odt))
    );
}

#[test]
fn the_examples_of_the_format_contract_parse() {
    let doc = std::fs::read_to_string("docs/plan-format.md").unwrap();
    let additions = &doc[doc.find("### Additions for the relevé de décisions").expect("the section")..];
    let lines: Vec<&str> = additions.lines().filter(|l| l.starts_with("Event(")).collect();
    assert_eq!(lines.len(), 4, "{lines:?}");
    let kinds: Vec<String> = lines
        .iter()
        .map(|l| match parse(l).change {
            Change::MeetingOpened { place: Some(_), .. } => "place".to_string(),
            Change::Attendance { presence: Presence::Represented, by: Some(_), .. } => "represented".to_string(),
            Change::AgendaItem { action: Some(_), .. } => "agenda".to_string(),
            Change::NextMeeting { place: Some(_), .. } => "next".to_string(),
            other => format!("{other:?}"),
        })
        .collect();
    assert_eq!(kinds, ["place", "represented", "agenda", "next"]);
}
