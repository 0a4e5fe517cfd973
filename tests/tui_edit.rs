//! Editing from the interface: the status picker, measurements, comments, undo, read-only, and
//! live refresh between two sessions on one plan. Rendered into TestBackend.

mod common;

use common::{copy_fixture, journal_lines, keys, screen, typed};
use std::path::Path;

use copil::lang::Lang;
use copil::plan::model::{Date, Status, Value};
use copil::store::load::load;
use copil::tui::app::App;
use copil::tui::form::FormBody;
use copil::tui::keymap::Keymap;
use copil::tui::view::theme::Theme;
use crossterm::event::KeyCode;

fn app(path: &Path, by: &str) -> App {
    copil::wording::set_display_offset(Some(3600)); // times as in Paris in winter, whatever the machine's zone
    let mut a = App::new(
        load(Lang::Fr, path).unwrap(),
        Keymap::builtin(),
        Theme::default16(),
        Date::ymd(2026, 11, 23),
        Lang::Fr,
    );
    a.by = by.to_string();
    a
}

#[test]
fn status_picker_appends_one_line_and_says_saved() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_fixture(dir.path());
    let before = journal_lines(&path).len();
    let mut a = app(&path, "cellule-etat");
    assert!(a.ui.reveal(&a.state.plan, "Spup05"));
    keys(&mut a, &[KeyCode::Char('s')]);
    let s = screen(&mut a, 120, 40);
    assert!(s.contains("Changer le statut — Spup05"), "{s}");
    // In progress → Done, with a note.
    keys(&mut a, &[KeyCode::Down, KeyCode::Tab]);
    typed(&mut a, "Convention signée");
    keys(&mut a, &[KeyCode::Enter]);
    assert!(a.ui.form.is_none(), "the form closes once the line is on disk");
    let lines = journal_lines(&path);
    assert_eq!(lines.len(), before + 1);
    assert!(
        lines.last().unwrap().contains(r#"change: Status(action: "Spup05", to: Done), note: "Convention signée""#),
        "{lines:?}"
    );
    assert_eq!(a.state.plan.action("Spup05").unwrap().status, Status::Done);
    let s = screen(&mut a, 120, 40);
    assert!(s.contains("Enregistré : statut → Réalisée"), "{s}");
    assert!(s.contains("statut : En cours → Réalisée"), "the history shows it: {s}");
}

#[test]
fn a_measurement_of_the_wrong_kind_is_refused_in_the_form_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_fixture(dir.path());
    let before = journal_lines(&path);
    let mut a = app(&path, "cellule-etat");
    assert!(a.ui.reveal(&a.state.plan, "Spup02"));
    keys(&mut a, &[KeyCode::Char('m')]);
    typed(&mut a, "beaucoup");
    keys(&mut a, &[KeyCode::Enter]);
    let s = screen(&mut a, 120, 40);
    assert!(s.contains("valeur « beaucoup » refusée : attendu un nombre"), "{s}");
    assert_eq!(journal_lines(&path), before);
    // Correct it: the half-typed form is still there.
    for _ in 0.."beaucoup".len() {
        keys(&mut a, &[KeyCode::Backspace]);
    }
    typed(&mut a, "9");
    keys(&mut a, &[KeyCode::Enter]);
    assert!(a.ui.form.is_none());
    let latest = a.state.plan.action("Spup02").unwrap().indicators[0].latest().unwrap().clone();
    assert_eq!(latest.value, Value::Number(9.0));
    assert_eq!(latest.date, Date::ymd(2026, 11, 23), "today by default");
}

#[test]
fn a_comment_then_undo_shows_in_history() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_fixture(dir.path());
    let mut a = app(&path, "ref-poste");
    assert!(a.ui.reveal(&a.state.plan, "Spup04"));
    keys(&mut a, &[KeyCode::Char('c')]);
    typed(&mut a, "Bilan 2026 transmis");
    keys(&mut a, &[KeyCode::Enter]);
    keys(&mut a, &[KeyCode::Char('u')]);
    let lines = journal_lines(&path);
    let n = lines.len();
    assert!(lines[n - 1].contains(&format!("Undo(line: {})", n - 1)), "{lines:?}");
    let s = screen(&mut a, 120, 40);
    assert!(s.contains("commentaire : Bilan 2026 transmis (annulé)"), "{s}");
    assert!(s.contains(&format!("annulation de la ligne {}", n - 1)), "{s}");
}

#[test]
fn read_only_sessions_refuse_edit_keys_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_fixture(dir.path());
    let before = journal_lines(&path);
    let mut a = app(&path, "cellule-etat");
    a.read_only = Some("ouvert avec --read-only".into());
    assert!(a.ui.reveal(&a.state.plan, "Spup04"));
    for k in ['s', 'm', 'c', 'u'] {
        keys(&mut a, &[KeyCode::Char(k)]);
        assert!(a.ui.form.is_none());
        let s = screen(&mut a, 120, 40);
        assert!(s.contains("Lecture seule (ouvert avec --read-only)"), "{k}: {s}");
    }
    assert!(screen(&mut a, 120, 40).contains("[LECTURE SEULE]"));
    assert_eq!(journal_lines(&path), before);
}

#[test]
fn another_session_sees_the_change_keeping_selection_and_half_typed_form() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_fixture(dir.path());
    let mut alice = app(&path, "cellule-etat");
    let mut bob = app(&path, "ref-caf");
    assert!(bob.ui.reveal(&bob.state.plan, "Spup03"));
    keys(&mut bob, &[KeyCode::Char('c')]);
    typed(&mut bob, "en cours de réd");
    let selected = bob.ui.selected;
    assert!(alice.ui.reveal(&alice.state.plan, "Spup05"));
    keys(&mut alice, &[KeyCode::Char('s'), KeyCode::Down, KeyCode::Enter]);
    assert!(bob.tick(), "bob's tick picks up alice's line");
    assert_eq!(bob.state.plan.action("Spup05").unwrap().status, Status::Done);
    assert_eq!(bob.ui.selected, selected);
    let Some(FormBody::Comment(f)) = bob.ui.form.as_ref().map(|f| &f.body) else { panic!("the comment form") };
    assert_eq!(f.comment.value(), "en cours de réd");
    let s = screen(&mut bob, 120, 40);
    assert!(s.contains("Cellule technique (État) — Spup05 : statut"), "{s}");
}

/// A malformed line written by someone else is said once, not at every tick: repeating it
/// redrew the whole screen five times a second and kept the message up for ever.
#[test]
fn a_bad_line_from_elsewhere_is_said_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_fixture(dir.path());
    let mut a = common::app_at(&path, Theme::default16());
    assert!(!a.tick(), "nothing new");
    let mut f = std::fs::OpenOptions::new().append(true).open(copil::store::load::journal_path(&path)).unwrap();
    std::io::Write::write_all(&mut f, b"Event(this is not a journal line)\n").unwrap();
    assert!(a.tick(), "the bad line is said");
    let said = a.ui.message.clone().expect("a message");
    assert!(said.is_error && said.text.contains("16"), "names the line: {said:?}");
    for _ in 0..5 {
        assert!(!a.tick(), "and not again at every tick");
    }
}
