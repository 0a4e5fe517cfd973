//! The chair's features (issue 13): lateness of done and abandoned actions, indicator verdicts on
//! a date, rescheduling (key, meeting, command line), the meeting's item view, faster recording
//! (search, owners, several lines, several actions), dates as people write them, and the bugs
//! seen in a real COPIL run. Screens are rendered into TestBackend.

mod common;

use std::path::{Path, PathBuf};

use common::{app_at, copil, journal_lines, key, keys, render, screen, text, today, typed};
use copil::lang::Lang;
use copil::plan::journal::Change;
use copil::plan::meeting::{self, Reason};
use copil::plan::model::Date;
use copil::plan::progress::{Verdict, is_late, verdict};
use copil::store::load::{journal_path, load};
use copil::tui::app::App;
use copil::tui::form::{CommitmentForm, FormBody};
use copil::tui::ui_state::Mode;
use copil::tui::view::theme::Theme;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

const CHAIR: &str = "tests/fixtures/chair.ron";

/// The chair plan and its journal copied to `dir`, to write to.
fn copy_chair(dir: &Path) -> PathBuf {
    let to = dir.join("essai.ron");
    std::fs::copy(CHAIR, &to).unwrap();
    std::fs::copy(journal_path(Path::new(CHAIR)), journal_path(&to)).unwrap();
    to
}

fn app(path: &Path) -> App {
    let mut a = app_at(path, Theme::default16());
    a.by = "mlegrand".to_string();
    a
}

fn stdout(args: &[&str]) -> String {
    let out = copil(args);
    assert!(out.status.success(), "copil {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// The tree's row (the left pane's part of the line) of an action or orientation.
fn row<'a>(screen: &'a str, id: &str) -> &'a str {
    let line = screen
        .lines()
        .find(|l| l.split("││").next().unwrap_or(l).contains(&format!(" {id} ")))
        .unwrap_or_else(|| panic!("no row {id}:\n{screen}"));
    line.split("││").next().unwrap_or(line)
}

/// Opens a COTECH (the second body) with no title, from the plan screen.
fn open_cotech(a: &mut App) {
    keys(a, &[KeyCode::Char('r'), KeyCode::Down, KeyCode::Enter]);
    assert_eq!(a.ui.screen, Mode::Meeting, "{:?}", a.ui.form.as_ref().and_then(|f| f.error.clone()));
}

// 1. Lateness ----------------------------------------------------------------------------------

#[test]
fn done_and_abandoned_actions_are_never_late() {
    let state = load(Lang::Fr, Path::new(CHAIR)).unwrap().state;
    let late: Vec<&str> =
        state.plan.walk().map(|(_, a, _)| a).filter(|a| is_late(a, today())).map(|a| a.id.as_str()).collect();
    assert_eq!(late, ["A3"], "only the action in progress past its due date is late");

    // The tree: no late mark on the abandoned or done rows; the orientation counts one.
    let mut a = app_at(CHAIR, Theme::default16());
    typed(&mut a, "+");
    let s = screen(&mut a, 100, 30);
    assert!(!row(&s, "A1").contains('!'), "{s}");
    assert!(!row(&s, "A2").contains('!'), "{s}");
    assert!(row(&s, "A3").trim_end_matches('│').trim_end().ends_with('!'), "{s}");
    assert!(row(&s, "Orientation d'essai").contains("!1"), "{s}");
    // The dashboard and the report say one.
    typed(&mut a, "d");
    let s = screen(&mut a, 100, 30);
    assert!(s.contains("! 1 en retard") && !s.contains("! 3 en retard"), "{s}");
    let md = stdout(&["report", CHAIR, "--today", "2026-11-23", "--lang", "fr"]);
    assert!(md.contains("| dont en retard | 1 |"), "{md}");

    // The agenda: neither the abandoned nor the done action.
    let mut state = state;
    let who = copil::plan::edit::Author::new("mlegrand", copil::plan::model::Timestamp::now());
    let open = meeting::open(&state, &who, "copil", today(), None).unwrap();
    let n = state.entries.len();
    state.apply(n + 1, open);
    let m = state.open_meeting().unwrap().clone();
    let agenda: Vec<String> = meeting::proposed_agenda(&state, &m).into_iter().filter_map(|i| i.action).collect();
    assert!(!agenda.iter().any(|a| a == "A1" || a == "A2"), "{agenda:?}");
    assert!(agenda.iter().any(|a| a == "A3"), "{agenda:?}");
}

// 2. Verdicts ----------------------------------------------------------------------------------

#[test]
fn a_verdict_on_an_old_measurement_says_a_measurement_is_due_everywhere() {
    let state = load(Lang::Fr, Path::new(CHAIR)).unwrap().state;
    let ind = &state.plan.action("A3").unwrap().indicators[0];
    // 6 in mid-2019 is ahead of the line from 0 (2018) to 10 (2020)…
    assert_eq!(verdict(ind, Date::ymd(2019, 12, 1)), Verdict::OnTrack);
    // …but in 2026 the 2020 and 2021 targets have passed with no measurement since.
    assert_eq!(verdict(ind, today()), Verdict::MeasurementDue);

    // The detail pane, the chart, the dashboard, the report and the agenda say it the same way.
    let mut a = app_at(CHAIR, Theme::default16());
    assert!(a.ui.reveal(&a.state.plan, "A3"));
    let s = screen(&mut a, 120, 50);
    assert!(s.contains("dernière mesure 6 (30/06/2019) — ? mesure attendue"), "{s}");
    typed(&mut a, "i");
    let s = screen(&mut a, 100, 30);
    assert!(s.contains("? mesure attendue"), "{s}");
    keys(&mut a, &[KeyCode::Esc]);
    typed(&mut a, "d");
    let s = screen(&mut a, 100, 30);
    assert!(s.contains("? 1 mesure attendue"), "{s}");
    let md = stdout(&["report", CHAIR, "--today", "2026-11-23", "--lang", "fr"]);
    assert!(md.contains("| Guichets ouverts |") && md.contains("| ? mesure attendue |"), "{md}");
    assert!(md.contains("? 1 en attente de mesure"), "{md}");
    // In 2019 the report finds it on track.
    let md = stdout(&["report", CHAIR, "--today", "2019-12-01", "--lang", "fr"]);
    assert!(md.contains("| ✓ dans la trajectoire |"), "{md}");

    let mut state = state;
    let who = copil::plan::edit::Author::new("mlegrand", copil::plan::model::Timestamp::now());
    let open = meeting::open(&state, &who, "copil", today(), None).unwrap();
    let n = state.entries.len();
    state.apply(n + 1, open);
    let m = state.open_meeting().unwrap().clone();
    let item = meeting::proposed_agenda(&state, &m).into_iter().find(|i| i.action.as_deref() == Some("A3")).unwrap();
    assert!(item.reasons.contains(&Reason::MeasurementDue), "{:?}", item.reasons);
}

// 3. Rescheduling ------------------------------------------------------------------------------

#[test]
fn reschedule_from_the_command_line_moves_the_due_date_and_lateness_follows() {
    let dir = tempfile::tempdir().unwrap();
    let plan = copy_chair(dir.path());
    let p = plan.to_str().unwrap();
    let out = stdout(&["reschedule", p, "A3", "30/06/2027", "--note", "Décision du COPIL", "--lang", "fr"]);
    assert!(out.contains("échéance reportée du 31/12/2020 au 30/06/2027"), "{out}");
    let last = journal_lines(&plan).pop().unwrap();
    assert!(last.contains(r#"change: Reschedule(action: "A3", due: "2027-06-30")"#), "{last}");
    assert!(last.contains(r#"note: "Décision du COPIL""#), "{last}");

    let state = load(Lang::Fr, &plan).unwrap().state;
    let a3 = state.plan.action("A3").unwrap();
    assert_eq!(a3.due, Some(Date::ymd(2027, 6, 30)));
    assert!(!is_late(a3, today()), "the latest due date counts");
    // The history (copil log) says from when to when, and why.
    let log = stdout(&["log", p, "--action", "A3", "--lang", "fr"]);
    assert!(log.contains("échéance reportée du 31/12/2020 au 30/06/2027 — Décision du COPIL"), "{log}");

    // An undo puts the first date back.
    let mut state = state;
    let line = journal_lines(&plan).len();
    state.apply(
        line + 1,
        copil::plan::journal::Event {
            at: copil::plan::model::Timestamp::now(),
            by: "mlegrand".into(),
            change: Change::Undo { line },
            note: None,
            meeting: None,
            prev: None,
        },
    );
    assert_eq!(state.plan.action("A3").unwrap().due, Some(Date::ymd(2020, 12, 31)));

    // Bad input writes nothing.
    let before = journal_lines(&plan).len();
    let bad = copil(&["reschedule", p, "A3", "31/02/2027", "--lang", "fr"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("JJ/MM/AAAA"), "{:?}", bad);
    let bad = copil(&["reschedule", p, "Z9", "2027-01-01", "--lang", "fr"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("action inconnue « Z9 »"));
    assert_eq!(journal_lines(&plan).len(), before);
}

#[test]
fn reschedule_from_the_key_and_in_a_meeting_with_the_minutes() {
    let dir = tempfile::tempdir().unwrap();
    let plan = copy_chair(dir.path());
    let mut a = app(&plan);
    // On the action, `e`: the current due date is offered as JJ/MM/AAAA.
    assert!(a.ui.reveal(&a.state.plan, "A3"));
    typed(&mut a, "e");
    let s = screen(&mut a, 100, 30);
    assert!(s.contains("Reporter l'échéance — A3") && s.contains("[31/12/2020]"), "{s}");
    assert!(s.contains("Nouvelle échéance (JJ/MM/AAAA)"), "{s}");
    let f = a.ui.form.as_mut().unwrap();
    *f.focused_input().unwrap() = tui_input::Input::new("31/03/2027".into());
    keys(&mut a, &[KeyCode::Tab]);
    typed(&mut a, "Retard des travaux");
    keys(&mut a, &[KeyCode::Enter]);
    assert!(a.ui.form.is_none(), "{:?}", a.ui.form.as_ref().and_then(|f| f.error.clone()));
    let s = screen(&mut a, 120, 90);
    assert!(s.contains("31/03/2027 (reportée, initialement 31/12/2020)"), "{s}");
    assert!(s.contains("échéance reportée du 31/12/2020 au 31/03/2027"), "{s}");
    assert!(!row(&s, "A3").trim_end_matches('│').trim_end().ends_with('!'), "no longer late: {s}");

    // In a meeting, on the item: the line carries the meeting and the minutes say it.
    open_cotech(&mut a);
    let m = a.ui.meeting.as_mut().unwrap();
    let at = m.agenda.iter().position(|i| i.action.as_deref() == Some("A3")).unwrap_or(0);
    m.current = at;
    if m.current_action() != Some("A3") {
        m.add("A3");
    }
    typed(&mut a, "e");
    let f = a.ui.form.as_mut().unwrap();
    *f.focused_input().unwrap() = tui_input::Input::new("2027-09-30".into());
    keys(&mut a, &[KeyCode::Tab]);
    typed(&mut a, "Décidé en séance");
    keys(&mut a, &[KeyCode::Enter]);
    assert!(a.ui.form.is_none(), "{:?}", a.ui.form.as_ref().and_then(|f| f.error.clone()));
    let last = journal_lines(&plan).pop().unwrap();
    assert!(last.contains(r#"meeting: "2026-11-23-cotech""#), "{last}");
    let s = screen(&mut a, 120, 40);
    assert!(s.contains("• échéance reportée du 31/03/2027 au 30/09/2027"), "the item shows it: {s}");
    let minutes = copil::minutes::markdown(Lang::Fr, &a.state, "2026-11-23-cotech").unwrap();
    assert!(minutes.contains("**Échéance :** échéance reportée du"), "{minutes}");
    assert!(
        minutes.contains("échéance reportée du 31/03/2027 au 30/09/2027 — « Décidé en séance »")
            || minutes.contains("échéance reportée du 31/03/2027 au 30/09/2027 — Décidé en séance"),
        "{minutes}"
    );
}

// 4. The item under discussion -----------------------------------------------------------------

#[test]
fn the_item_under_discussion_is_the_whole_action_and_scrolls() {
    let dir = tempfile::tempdir().unwrap();
    let plan = copy_chair(dir.path());
    let mut a = app(&plan);
    open_cotech(&mut a);
    let m = a.ui.meeting.as_ref().unwrap();
    assert_eq!(m.current_action(), Some("A3"), "{:?}", m.agenda);
    let s = screen(&mut a, 120, 70);
    for want in [
        "A3 · Action en cours et en retard",
        "Pilotes : Marie Legrand, CAF",
        "Échéance 31/12/2020",
        "Description",
        "Première ligne de la description.",
        "Huitième ligne.",
        "Budget",
        "prévu 100 000 €",
        "dépensé non renseigné",
        "Guichets ouverts",
        "? mesure attendue",
        "Jalons",
        "Diagnostic partagé",
        "Décisions et tâches des réunions précédentes",
        "Décision (10/06/2025) : Relancer la CAF",
        "sur les guichets",
        "Tâche t1 (10/06/2025) · ouverte : Compter les guichets",
        "Tâche t2 (10/06/2025) · faite : Écrire au maire",
    ] {
        assert!(s.contains(want), "{want:?} missing:\n{s}");
    }
    // At 80x24 it does not fit: it says it scrolls, and PgDn shows what was below.
    let s = screen(&mut a, 80, 24);
    assert!(s.contains("PgUp/PgDn : faire défiler"), "{s}");
    assert!(!s.contains("Diagnostic partagé"), "{s}");
    keys(&mut a, &[KeyCode::PageDown, KeyCode::PageDown, KeyCode::PageDown]);
    let s = screen(&mut a, 80, 24);
    assert!(s.contains("Tâche t2") || s.contains("Diagnostic partagé"), "{s}");
    keys(&mut a, &[KeyCode::Down]);
    assert_eq!(a.ui.meeting.as_ref().unwrap().item_scroll, 0, "another item starts at its top");
}

// 5. Faster recording --------------------------------------------------------------------------

#[test]
fn a_multi_line_decision_linked_to_two_actions_with_an_owner_chosen_among_the_people() {
    let dir = tempfile::tempdir().unwrap();
    let plan = copy_chair(dir.path());
    let mut a = app(&plan);
    open_cotech(&mut a);
    // An item added by search, not by id: "sans echeance" finds A4.
    typed(&mut a, "+");
    typed(&mut a, "sans echeance");
    let s = screen(&mut a, 100, 30);
    assert!(s.contains("Ajouter à l'ordre du jour"), "{s}");
    keys(&mut a, &[KeyCode::Enter]);
    assert_eq!(a.ui.meeting.as_ref().unwrap().current_action(), Some("A4"));
    keys(&mut a, &[KeyCode::Up]);
    assert_eq!(a.ui.meeting.as_ref().unwrap().current_action(), Some("A3"));

    typed(&mut a, "d");
    typed(&mut a, "Reporter le déploiement");
    a.handle_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::ALT));
    typed(&mut a, "et relancer la CAF");
    a.handle_key(KeyEvent::new(KeyCode::Char('j'), KeyModifiers::CONTROL));
    typed(&mut a, "avant mars");
    assert!(a.ui.form.is_some(), "Alt-Enter and Ctrl-J do not save");
    let s = screen(&mut a, 100, 30);
    assert!(
        s.contains("[Reporter le déploiement") && s.contains(" et relancer la CAF") && s.contains("avant mars]"),
        "{s}"
    );
    // Owner: ↓ offers the plan's people; typing narrows them.
    keys(&mut a, &[KeyCode::Tab]);
    typed(&mut a, "dur");
    let s = screen(&mut a, 100, 30);
    assert!(s.contains("personnes du plan : Paul Durand"), "{s}");
    keys(&mut a, &[KeyCode::Down]);
    assert_eq!(decision(&a).owner.value(), "Paul Durand");
    keys(&mut a, &[KeyCode::Down]);
    assert_eq!(decision(&a).owner.value(), "Marie Legrand", "the next person");
    keys(&mut a, &[KeyCode::Tab]);
    typed(&mut a, "31/03/2027");
    keys(&mut a, &[KeyCode::Tab]);
    assert_eq!(decision(&a).actions.value(), "A3", "the item's action is offered");
    typed(&mut a, ", a4");
    keys(&mut a, &[KeyCode::Enter]);
    assert!(a.ui.form.is_none(), "{:?}", a.ui.form.as_ref().and_then(|f| f.error.clone()));
    let last = journal_lines(&plan).pop().unwrap();
    assert!(last.contains(r#"text: "Reporter le déploiement\net relancer la CAF\navant mars""#), "{last}");
    assert!(last.contains(r#"actions: ["A3", "A4"]"#), "{last}");
    assert!(last.contains(r#"owner: "mlegrand""#), "{last}");
    assert!(last.contains(r#"due: "2027-03-31""#), "{last}");
    // Both items show it.
    let s = screen(&mut a, 120, 40);
    assert!(s.contains("• décision : Reporter le déploiement") && s.contains("et relancer la CAF"), "{s}");
    keys(&mut a, &[KeyCode::Down]);
    let s = screen(&mut a, 120, 40);
    assert!(s.contains("• décision : Reporter le déploiement"), "{s}");

    // A free owner stays as typed; an unknown action is refused with its id.
    typed(&mut a, "t");
    typed(&mut a, "Une tâche");
    keys(&mut a, &[KeyCode::Tab]);
    typed(&mut a, "La Poste");
    keys(&mut a, &[KeyCode::Tab, KeyCode::Tab]);
    typed(&mut a, ", Z9");
    keys(&mut a, &[KeyCode::Enter]);
    let err = a.ui.form.as_ref().unwrap().error.clone().unwrap();
    assert!(err.contains("Z9"), "{err}");
    for _ in 0..4 {
        key(&mut a, KeyCode::Backspace);
    }
    keys(&mut a, &[KeyCode::Enter]);
    assert!(a.ui.form.is_none(), "{:?}", a.ui.form.as_ref().and_then(|f| f.error.clone()));
    let last = journal_lines(&plan).pop().unwrap();
    assert!(last.contains(r#"owner: "La Poste""#) && last.contains(r#"actions: ["A4"]"#), "{last}");
}

/// The decision form that is open.
fn decision(a: &App) -> &CommitmentForm {
    match a.ui.form.as_ref().map(|f| &f.body) {
        Some(FormBody::Decision(d)) => d,
        other => panic!("not the decision form: {other:?}"),
    }
}

// 6. Dates -------------------------------------------------------------------------------------

#[test]
fn date_fields_take_jj_mm_aaaa_and_say_so() {
    let dir = tempfile::tempdir().unwrap();
    let plan = copy_chair(dir.path());
    let mut a = app(&plan);
    assert!(a.ui.reveal(&a.state.plan, "A3"));
    typed(&mut a, "m");
    let s = screen(&mut a, 100, 30);
    assert!(s.contains("Date (JJ/MM/AAAA)") && s.contains("[23/11/2026]"), "{s}");
    typed(&mut a, "7");
    keys(&mut a, &[KeyCode::Enter]);
    let last = journal_lines(&plan).pop().unwrap();
    assert!(last.contains(r#"date: "2026-11-23""#), "{last}");
    // A date that is not one is refused, saying how to write it.
    typed(&mut a, "m");
    keys(&mut a, &[KeyCode::BackTab]);
    let f = a.ui.form.as_mut().unwrap();
    *f.focused_input().unwrap() = tui_input::Input::new("31/02/2026".into());
    keys(&mut a, &[KeyCode::Tab]);
    typed(&mut a, "8");
    keys(&mut a, &[KeyCode::Enter]);
    let err = a.ui.form.as_ref().unwrap().error.clone().unwrap();
    assert!(err.contains("JJ/MM/AAAA"), "{err}");
    // The command line too.
    let out = stdout(&["measure", plan.to_str().unwrap(), "A3", "guichets", "9", "--date", "15/01/2026"]);
    assert!(out.contains("15/01/2026"), "{out}");
}

#[test]
fn times_are_shown_in_the_viewers_time_zone() {
    // copil log: the line written at 10:10 in Paris (+02:00) is 08:10 in UTC, 17:10 in Tokyo.
    for (tz, want) in [("UTC", "2025-06-10T08:10:00+00:00"), ("Asia/Tokyo", "2025-06-10T17:10:00+09:00")] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_copil"))
            .args(["log", CHAIR, "--lang", "fr"])
            .env("TZ", tz)
            .output()
            .unwrap();
        let log = String::from_utf8(out.stdout).unwrap();
        assert!(log.contains(want), "TZ={tz}: {log}");
    }
}

// 7. Bugs --------------------------------------------------------------------------------------

#[test]
fn the_open_meeting_form_shows_every_field_on_bouches_du_rhone() {
    for (w, h) in [(120, 40), (80, 24)] {
        let mut a = app_at("plans/bouches-du-rhone.ron", Theme::default16());
        typed(&mut a, "r");
        let s = screen(&mut a, w, h);
        for field in ["Instance", "Date (JJ/MM/AAAA)", "Titre (facultatif)", "Entrée enregistrer"] {
            assert!(s.contains(field), "{field:?} hidden at {w}x{h}:\n{s}");
        }
    }
    let mut a = app_at("plans/bouches-du-rhone.ron", Theme::default16());
    typed(&mut a, "r");
    keys(&mut a, &[KeyCode::Tab, KeyCode::Tab]);
    let s = screen(&mut a, 80, 15);
    assert!(s.contains("▶ Titre (facultatif)"), "{s}");
    // A form taller than the screen scrolls to where the cursor is: a comment of 20 lines.
    let mut a = app_at(CHAIR, Theme::default16());
    assert!(a.ui.reveal(&a.state.plan, "A3"));
    typed(&mut a, "c");
    for i in 1..=20 {
        typed(&mut a, &format!("ligne {i}"));
        a.handle_key(KeyEvent::new(KeyCode::Char('j'), KeyModifiers::CONTROL));
    }
    typed(&mut a, "fin du commentaire");
    let s = screen(&mut a, 80, 15);
    assert!(s.contains("fin du commentaire]"), "{s}");
    assert!(!s.contains("ligne 1 "), "the first lines scrolled away: {s}");
}

#[test]
fn a_meeting_without_a_title_is_named_once() {
    let dir = tempfile::tempdir().unwrap();
    let plan = copy_chair(dir.path());
    let mut a = app(&plan);
    open_cotech(&mut a);
    let s = screen(&mut a, 120, 30);
    assert!(s.contains("Comité technique · 23/11/2026 · en cours"), "{s}");
    assert!(!s.contains("Comité technique · Comité technique"), "{s}");
}

#[test]
fn help_says_what_enter_does_in_each_screen() {
    let mut a = app_at(CHAIR, Theme::default16());
    typed(&mut a, "?");
    let all = screen(&mut a, 100, 400);
    let enter = |what: &str| all.lines().any(|l| l.contains("Entrée") && l.contains(what));
    assert!(enter("Aller à l'action choisie"), "search: {all}");
    assert!(enter("Ouvrir l'orientation choisie"), "dashboard: {all}");
    assert!(enter("Marquer la tâche faite"), "follow-up: {all}");
    assert!(enter("Lire le relevé"), "meetings: {all}");
    assert!(!all.lines().any(|l| l.contains("Entrée") && l.contains("Enregistrer")), "{all}");
}

#[test]
fn no_spending_recorded_is_said_so() {
    let mut a = app_at(CHAIR, Theme::default16());
    assert!(a.ui.reveal(&a.state.plan, "A3"));
    let s = screen(&mut a, 120, 50);
    assert!(s.contains("dépensé non renseigné") && !s.contains("dépensé 0"), "{s}");
    typed(&mut a, "d");
    let s = screen(&mut a, 120, 30);
    assert!(s.contains("dépensé non renseigné") && !s.contains("dépensé 0 %"), "{s}");
    let md = stdout(&["report", CHAIR, "--today", "2026-11-23", "--lang", "fr"]);
    assert!(md.contains("| Dépensé | non renseigné | — |"), "{md}");
}

#[test]
fn without_a_terminal_copil_says_so_in_french_and_exits_2() {
    // stdin is /dev/null and stdout a pipe, as with `ssh host copil PLAN` (no -t).
    let out = copil(&[CHAIR]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("copil a besoin d'un terminal") && err.contains("ssh -t"), "{err}");
    assert!(!err.contains("src/") && !err.contains("Error:"), "no raw error: {err}");
}

#[test]
fn a_failed_minutes_write_speaks_of_the_minutes() {
    let dir = tempfile::tempdir().unwrap();
    let plan = copy_chair(dir.path());
    let mut a = app(&plan);
    open_cotech(&mut a);
    // Where the minutes go, a directory: the write fails.
    std::fs::create_dir(dir.path().join("essai-2026-11-23-cotech.md")).unwrap();
    typed(&mut a, "M");
    // The format (Markdown first), then the write fails.
    keys(&mut a, &[KeyCode::Enter]);
    let msg = a.ui.message.as_ref().unwrap().text.clone();
    assert!(msg.contains("relevé") && !msg.contains("rapport"), "{msg}");
}

#[test]
fn render_is_stable_for_the_item_view() {
    // The whole meeting screen at 100x30, for review.
    let dir = tempfile::tempdir().unwrap();
    let plan = copy_chair(dir.path());
    let mut a = app(&plan);
    open_cotech(&mut a);
    let s = text(&render(&mut a, 100, 30));
    insta::assert_snapshot!("chair_meeting_item_100x30", s);
}
