//! A record a COPIL can rely on (issue 11): rights declared in the plan and enforced in the
//! interface, the command line and the replay; the hash-chained journal and `copil verify`; the
//! minutes' empreinte; lines dated before the line above them.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use common::{app_at, copil, key, keys, screen};
use copil::lang::Lang;
use copil::plan::journal::{Change, Event};
use copil::plan::model::{Status, Timestamp};
use copil::plan::state::{Outcome, WarningKind};
use copil::store::append::append;
use copil::store::load::{journal_path, load};
use copil::tui::view::theme::Theme;
use crossterm::event::KeyCode;

const WAIT: std::time::Duration = std::time::Duration::from_secs(10);
const BIN: &str = env!("CARGO_BIN_EXE_copil");

fn p(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// The Charente extract with a `rights` section: the cell is the two technical cells. Spup01's
/// referent is cellule-etat; its sub-actions Spup02 (ref-cpam) and Spup03 (ref-caf).
fn with_rights(dir: &Path) -> PathBuf {
    let plan = common::copy_fixture(dir);
    let text = fs::read_to_string(&plan).unwrap();
    let text = text.replacen(
        "    orientations: [",
        "    rights: Rights(cell: [\"cellule-etat\", \"cellule-cd\"]),\n    orientations: [",
        1,
    );
    fs::write(&plan, text).unwrap();
    plan
}

fn at(hhmm: &str) -> Timestamp {
    Timestamp(chrono::DateTime::parse_from_rfc3339(&format!("2026-11-23T{hhmm}:00+01:00")).unwrap())
}

fn line(by: &str, hhmm: &str, change: Change) -> Event {
    Event { at: at(hhmm), by: by.into(), change, note: None, meeting: None, prev: None }
}

/// `copil shell --user USER DIR` with a remote command, as sshd runs it.
fn as_user(user: &str, dir: &Path, command: &str) -> std::process::Output {
    Command::new(BIN)
        .args(["shell", "--user", user, p(dir)])
        .env("SSH_ORIGINAL_COMMAND", command)
        .env_remove("LC_ALL")
        .env_remove("LANG")
        .env_remove("LC_MESSAGES")
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn err(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

// ---------------------------------------------------------------------------------------------
// 1. Who may do what.

#[test]
fn a_forged_line_by_someone_who_is_not_the_pilot_is_ignored_with_its_warning() {
    let dir = tempfile::tempdir().unwrap();
    let plan = with_rights(dir.path());
    let journal = journal_path(&plan);
    let before = load(Lang::Fr, &plan).unwrap().state.plan.action("Spup01").unwrap().status;
    let n = common::journal_lines(&plan).len();
    // By hand: ref-caf (referent of Spup03 only) marks Spup01 done; someone not in the plan
    // writes a decision "by the préfet"'s login; ref-caf on its own sub-action is fine.
    append(
        Lang::Fr,
        &journal,
        &line("ref-caf", "14:00", Change::Status { action: "Spup01".into(), to: Status::Done }),
        WAIT,
    )
    .unwrap();
    append(
        Lang::Fr,
        &journal,
        &line("mallory", "14:01", Change::Comment { action: "Spup01".into(), text: "x".into() }),
        WAIT,
    )
    .unwrap();
    append(
        Lang::Fr,
        &journal,
        &line("ref-caf", "14:02", Change::Status { action: "Spup03".into(), to: Status::Done }),
        WAIT,
    )
    .unwrap();
    append(
        Lang::Fr,
        &journal,
        &line("ref-poste", "14:03", Change::Comment { action: "Spup01".into(), text: "ok".into() }),
        WAIT,
    )
    .unwrap();
    let state = load(Lang::Fr, &plan).unwrap().state;
    assert_eq!(state.plan.action("Spup01").unwrap().status, before, "the forged status does not count");
    assert_eq!(state.plan.action("Spup03").unwrap().status, Status::Done);
    for (l, skipped) in [(n + 1, true), (n + 2, true), (n + 3, false), (n + 4, false)] {
        let e = state.entry_by_line(l).unwrap();
        assert_eq!(e.outcome == Outcome::Skipped, skipped, "line {l}");
        assert_eq!(
            state.warnings.iter().any(|w| w.line == l && matches!(w.kind, WarningKind::NoRight(_))),
            skipped,
            "line {l}"
        );
    }
    let out = copil(&["check", p(&plan)]);
    let e = err(&out);
    assert_eq!(out.status.code(), Some(1), "{e}");
    assert!(
        e.contains(&format!(":{} : droit refusé", n + 1)) && e.contains("ni pilote ni référent de l'action Spup01"),
        "{e}"
    );
    assert!(
        e.contains(&format!(":{} : droit refusé", n + 2)) && e.contains("« mallory » n'est pas une personne du plan"),
        "{e}"
    );
}

#[test]
fn a_hand_written_undo_of_someone_elses_line_is_refused_at_replay() {
    let dir = tempfile::tempdir().unwrap();
    let plan = with_rights(dir.path());
    let journal = journal_path(&plan);
    let n = common::journal_lines(&plan).len();
    append(
        Lang::Fr,
        &journal,
        &line("ref-caf", "14:00", Change::Status { action: "Spup03".into(), to: Status::Done }),
        WAIT,
    )
    .unwrap();
    append(Lang::Fr, &journal, &line("ref-cpam", "14:01", Change::Undo { line: n + 1 }), WAIT).unwrap();
    let state = load(Lang::Fr, &plan).unwrap().state;
    assert_eq!(state.plan.action("Spup03").unwrap().status, Status::Done);
    assert_eq!(state.entry_by_line(n + 2).unwrap().outcome, Outcome::Skipped);
    // The cell may undo anyone's line.
    append(Lang::Fr, &journal, &line("cellule-cd", "14:02", Change::Undo { line: n + 1 }), WAIT).unwrap();
    let state = load(Lang::Fr, &plan).unwrap().state;
    assert_ne!(state.plan.action("Spup03").unwrap().status, Status::Done);
}

#[test]
fn the_command_line_refuses_in_words_with_exit_4_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let plan = with_rights(dir.path());
    let before = fs::read(journal_path(&plan)).unwrap();
    for (user, command, words) in [
        ("ref-caf", "status plan.ron Spup01 realisee", "ni pilote ni référent de l'action Spup01"),
        ("ref-caf", "measure plan.ron Spup01 msap 18", "ni pilote ni référent de l'action Spup01"),
        ("ref-caf", "reschedule plan.ron Spup03 31/12/2027", "réservé à la cellule technique"),
    ] {
        let out = as_user(user, dir.path(), command);
        assert_eq!(out.status.code(), Some(4), "{command}: {}", err(&out));
        assert!(err(&out).contains(words), "{command}: {}", err(&out));
    }
    assert_eq!(fs::read(journal_path(&plan)).unwrap(), before, "nothing written");
    // What they may do goes through.
    for (user, command) in [
        ("ref-caf", "status plan.ron Spup03 realisee"),
        ("ref-caf", "comment plan.ron Spup01 \"Un avis\""),
        ("ref-poste", "comment plan.ron Spup02 \"Vu\""),
        ("cellule-cd", "reschedule plan.ron Spup01 31/12/2027"),
    ] {
        let out = as_user(user, dir.path(), command);
        assert_eq!(out.status.code(), Some(0), "{command}: {}", err(&out));
    }
    // Running as the system account, which is not a person of the plan: read only.
    let out = copil(&["comment", p(&plan), "Spup01", "x"]);
    assert_eq!(out.status.code(), Some(4), "{}", err(&out));
    assert!(err(&out).contains("n'est pas une personne du plan : lecture seule"), "{}", err(&out));
}

#[test]
fn the_interface_says_why_a_key_is_not_allowed() {
    let dir = tempfile::tempdir().unwrap();
    let plan = with_rights(dir.path());
    let mut app = app_at(&plan, Theme::default16());
    app.by = "ref-caf".into();
    // The tree opens on orientation 4; Spup01 is the row below.
    keys(&mut app, &[KeyCode::Down]);
    key(&mut app, KeyCode::Char('s'));
    assert!(app.ui.form.is_none(), "no status form for Spup01");
    let s = screen(&mut app, 200, 30);
    assert!(s.contains("ni pilote ni référent de l'action Spup01"), "{s}");
    // A comment is allowed to every declared person.
    key(&mut app, KeyCode::Char('c'));
    assert!(app.ui.form.is_some());
    key(&mut app, KeyCode::Esc);
    // Opening a meeting is the cell's.
    key(&mut app, KeyCode::Char('r'));
    assert!(app.ui.form.is_none());
    assert!(screen(&mut app, 200, 30).contains("réservé à la cellule technique"));
}

#[test]
fn check_says_when_anyone_may_edit() {
    let out = copil(&["check", "tests/fixtures/charente-extract.ron"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("Droits : non déclarés : toute personne qui peut écrire le journal peut tout modifier"),
        "{text}"
    );
    let dir = tempfile::tempdir().unwrap();
    let plan = with_rights(dir.path());
    let text = String::from_utf8_lossy(&copil(&["check", p(&plan)]).stdout).into_owned();
    assert!(
        text.contains(
            "Droits : déclarés ; cellule technique : Cellule technique (État), Cellule technique (Département)"
        ),
        "{text}"
    );
}

#[test]
fn a_cell_member_that_is_not_a_person_is_refused_at_load() {
    let dir = tempfile::tempdir().unwrap();
    let plan = with_rights(dir.path());
    let text = fs::read_to_string(&plan).unwrap().replace("\"cellule-cd\"]),", "\"inconnu\"]),");
    fs::write(&plan, text).unwrap();
    let out = copil(&["check", p(&plan)]);
    assert_eq!(out.status.code(), Some(2));
    assert!(err(&out).contains("inconnu") && err(&out).contains("plan.ron:"), "{}", err(&out));
}

// ---------------------------------------------------------------------------------------------
// 3. The hash chain.

/// The Charente extract's journal (written before the chain) and three chained lines.
fn chained(dir: &Path) -> PathBuf {
    let plan = common::copy_fixture(dir);
    let journal = journal_path(&plan);
    for (i, text) in ["un", "deux", "trois"].iter().enumerate() {
        let e = line(
            "cellule-etat",
            &format!("14:0{i}"),
            Change::Comment { action: "Spup01".into(), text: (*text).into() },
        );
        append(Lang::Fr, &journal, &e, WAIT).unwrap();
    }
    plan
}

#[test]
fn every_new_line_carries_the_hash_of_the_line_before_and_verify_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let plan = chained(dir.path());
    let lines = common::journal_lines(&plan);
    let n = lines.len();
    for i in n - 3..n {
        let prev = copil::plan::chain::line_hash(lines[i - 1].as_bytes());
        assert!(lines[i].contains(&format!("prev: \"{prev}\"")), "{}", lines[i]);
    }
    let out = copil(&["verify", p(&plan)]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{}", err(&out));
    assert!(text.contains(&format!("{n} lignes, dont {} écrites avant la chaîne", n - 3)), "{text}");
}

#[test]
fn an_edited_past_line_is_found_by_verify_at_its_number() {
    let dir = tempfile::tempdir().unwrap();
    let plan = chained(dir.path());
    let journal = journal_path(&plan);
    let lines = common::journal_lines(&plan);
    let n = lines.len();
    // The same length: "deux" → "DEUX" on line n-1.
    let text = fs::read_to_string(&journal).unwrap().replacen("text: \"deux\"", "text: \"DEUX\"", 1);
    fs::write(&journal, text).unwrap();
    let out = copil(&["verify", p(&plan)]);
    assert_eq!(out.status.code(), Some(1), "{}", err(&out));
    assert!(
        err(&out).contains(&format!(
            "plan.journal.ron:{} : la chaîne du journal est rompue à la ligne {}",
            n - 1,
            n - 1
        )),
        "{}",
        err(&out)
    );
    // check reports it too.
    let out = copil(&["check", p(&plan)]);
    assert_eq!(out.status.code(), Some(1));
    assert!(err(&out).contains("rompue"), "{}", err(&out));
    // A line inserted by hand in the chained part.
    fs::write(
        &journal,
        lines[..n - 1].join("\n")
            + "\n"
            + &line("cellule-etat", "14:05", Change::Comment { action: "Spup01".into(), text: "ajout".into() })
                .to_line()
            + "\n"
            + &lines[n - 1]
            + "\n",
    )
    .unwrap();
    let out = copil(&["verify", p(&plan)]);
    assert_eq!(out.status.code(), Some(1));
    assert!(err(&out).contains(&format!("rompue à la ligne {n}")), "{}", err(&out));
}

#[test]
fn minutes_carry_the_empreinte_and_verify_says_whether_they_match() {
    let dir = tempfile::tempdir().unwrap();
    let plan = chained(dir.path());
    let journal = journal_path(&plan);
    let id = "2026-11-23-cotech";
    let open = Change::MeetingOpened {
        id: id.into(),
        body: "cotech".into(),
        title: Some("COTECH".into()),
        date: copil::plan::model::Date::ymd(2026, 11, 23),
        place: None,
    };
    append(Lang::Fr, &journal, &line("cellule-etat", "15:00", open), WAIT).unwrap();
    let decision = Change::Decision {
        meeting: id.into(),
        text: "Ouvrir deux MSAP".into(),
        actions: vec![],
        owner: None,
        due: None,
    };
    append(Lang::Fr, &journal, &line("cellule-etat", "15:10", decision), WAIT).unwrap();
    append(Lang::Fr, &journal, &line("cellule-etat", "15:30", Change::MeetingClosed { id: id.into() }), WAIT).unwrap();
    let closing = common::journal_lines(&plan).pop().unwrap();
    let hash = copil::plan::chain::line_hash(closing.as_bytes());
    let minutes = dir.path().join("releve.md");
    let out = copil(&["minutes", p(&plan), id, "-o", p(&minutes)]);
    assert_eq!(out.status.code(), Some(0), "{}", err(&out));
    let text = fs::read_to_string(&minutes).unwrap();
    assert!(text.contains(&format!("Empreinte du journal à la clôture : {hash}")), "{text}");
    let out = copil(&["verify", p(&plan), "--minutes", p(&minutes)]);
    assert_eq!(out.status.code(), Some(0), "{}", err(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains(&format!("clôture de la réunion {id}")));
    // Minutes whose empreinte was changed (or a journal rewritten since): refused.
    let forged = dir.path().join("faux.md");
    fs::write(&forged, text.replace(&hash, &"0".repeat(64))).unwrap();
    let out = copil(&["verify", p(&plan), "--minutes", p(&forged)]);
    assert_eq!(out.status.code(), Some(1));
    assert!(err(&out).contains("ne correspond à la clôture d'aucune réunion"), "{}", err(&out));
    // A document without any empreinte.
    fs::write(&forged, "# Relevé\n").unwrap();
    let out = copil(&["verify", p(&plan), "--minutes", p(&forged)]);
    assert_eq!(out.status.code(), Some(1));
    assert!(err(&out).contains("ne porte pas d'empreinte"), "{}", err(&out));
}

// ---------------------------------------------------------------------------------------------
// 4. Clock sanity.

#[test]
fn a_line_dated_well_before_the_line_above_it_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let plan = common::copy_fixture(dir.path());
    let journal = journal_path(&plan);
    fs::write(&journal, "").unwrap();
    append(
        Lang::Fr,
        &journal,
        &line("cellule-etat", "14:00", Change::Comment { action: "Spup01".into(), text: "a".into() }),
        WAIT,
    )
    .unwrap();
    // Four minutes earlier: a clock a little off, not reported.
    append(
        Lang::Fr,
        &journal,
        &line("cellule-etat", "13:56", Change::Comment { action: "Spup01".into(), text: "b".into() }),
        WAIT,
    )
    .unwrap();
    let out = copil(&["check", p(&plan)]);
    assert_eq!(out.status.code(), Some(0), "{}", err(&out));
    // An hour before the line above it.
    append(
        Lang::Fr,
        &journal,
        &line("cellule-etat", "12:50", Change::Comment { action: "Spup01".into(), text: "c".into() }),
        WAIT,
    )
    .unwrap();
    let out = copil(&["check", p(&plan)]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        err(&out).contains("plan.journal.ron:3 : ligne 3 datée du") && err(&out).contains("antidatée"),
        "{}",
        err(&out)
    );
}
