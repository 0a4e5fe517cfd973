//! End-to-end flows in a real terminal: the real binary under tmux, keys sent with `send-keys`,
//! the screen read with `capture-pane`. Needs tmux (`.ci/run` installs it).

mod common;

use common::tmux::Tmux;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_copil");

fn copy_plan(dir: &Path, from: &str) -> PathBuf {
    let name = Path::new(from).file_name().unwrap();
    let to = dir.join(name);
    std::fs::copy(from, &to).unwrap();
    let journal = copil::store::load::journal_path(Path::new(from));
    if journal.exists() {
        std::fs::copy(&journal, copil::store::load::journal_path(&to)).unwrap();
    }
    to
}

fn copil_cmd(plan: &Path) -> String {
    format!(
        "{BIN} --lang fr --today 2026-11-23 '{}'; echo \"EXIT=$?\"; stty -a | tr ' ;' '\\n\\n' | grep -x -- '-\\?icanon'; sleep 60",
        plan.display()
    )
}

#[test]
fn open_a_plan_move_to_an_action_and_read_its_title_in_the_detail_pane() {
    let dir = tempfile::tempdir().unwrap();
    let plan = copy_plan(dir.path(), "plans/charente.ron");
    let t = Tmux::start("nav", 100, 30, &copil_cmd(&plan));
    t.wait_for("Détail", 10);
    // Expand everything, go to the last row: Spup11.
    t.keys(&["+", "End"]);
    let s = t.wait_for("Spup11 ·", 5);
    assert!(s.contains("Spup11 ·"), "{s}");
    // Move up two rows with vim keys and read that action's title in the detail pane.
    t.keys(&["k", "k"]);
    let s = t.wait_for("Spup09 ·", 5);
    let detail_line = s.lines().find(|l| l.contains("Spup09 ·")).unwrap();
    let right_pane = &detail_line[detail_line.find("││").expect("two panes side by side")..];
    assert!(right_pane.contains("Spup09 ·"), "the title is in the right-hand pane: {detail_line}");
    t.keys(&["q"]);
    let s = t.wait_for("EXIT=", 5);
    assert!(s.contains("EXIT=0"), "{s}");
    let s = t.wait_for("icanon", 5);
    assert!(s.contains("icanon") && !s.contains("-icanon"), "raw mode is off after quitting: {s}");
    assert!(!s.contains("Détail"), "the alternate screen was left: {s}");
}

#[test]
fn help_lists_the_keys_and_closes() {
    let dir = tempfile::tempdir().unwrap();
    let plan = copy_plan(dir.path(), "plans/charente.ron");
    let t = Tmux::start("help", 80, 24, &copil_cmd(&plan));
    t.wait_for("Détail", 10);
    t.keys(&["?"]);
    let s = t.wait_for("Aide — touches", 5);
    assert!(s.contains("Action suivante"), "{s}");
    // The list is longer than 24 lines: it scrolls down to the last keys.
    t.keys(&["j"; 30]);
    let s = t.wait_for("Filtre de statut", 5);
    assert!(s.contains("Aide — touches"), "{s}");
    t.keys(&["Escape"]);
    t.wait_gone("Aide — touches", 5);
}

#[test]
fn resizing_redraws_and_a_too_small_window_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let plan = copy_plan(dir.path(), "plans/charente.ron");
    let t = Tmux::start("resize", 80, 24, &copil_cmd(&plan));
    t.wait_for("Détail", 10);
    t.run(&["resize-window", "-t", "main", "-x", "50", "-y", "12"]);
    t.wait_for("Fenêtre trop petite", 5);
    t.run(&["resize-window", "-t", "main", "-x", "160", "-y", "48"]);
    t.wait_for("Détail", 5);
}

#[test]
fn sigterm_and_sighup_restore_the_terminal() {
    for signal in ["TERM", "HUP"] {
        let dir = tempfile::tempdir().unwrap();
        let plan = copy_plan(dir.path(), "plans/charente.ron");
        let t = Tmux::start(&format!("sig{signal}"), 80, 24, &copil_cmd(&plan));
        t.wait_for("Détail", 10);
        let status = Command::new("pkill")
            .arg(format!("-{signal}"))
            .arg("-f")
            .arg(format!("^{BIN} .*{}", plan.display()))
            .status()
            .unwrap();
        assert!(status.success(), "pkill found copil");
        let s = t.wait_for("EXIT=", 5);
        assert!(s.contains("EXIT=0"), "SIG{signal}: clean exit: {s}");
        if signal == "TERM" {
            let s = t.wait_for("icanon", 5);
            // After a hang-up the terminal is gone in real life; raw mode matters after TERM.
            assert!(s.contains("icanon") && !s.contains("-icanon"), "SIG{signal}: raw mode is off: {s}");
        }
        assert!(!s.contains("Détail"), "SIG{signal}: the alternate screen was left: {s}");
    }
}

#[test]
fn a_bad_plan_is_refused_with_its_location_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let plan = copy_plan(dir.path(), "tests/fixtures/bad-syntax.ron");
    let before = std::fs::read(&plan).unwrap();
    let t = Tmux::start("bad", 100, 20, &copil_cmd(&plan));
    let s = t.wait_for("EXIT=", 10);
    assert!(s.contains("EXIT=2"), "{s}");
    assert!(s.contains("bad-syntax.ron:6:"), "{s}");
    assert!(s.contains("^"), "{s}");
    assert_eq!(std::fs::read(&plan).unwrap(), before);
    assert!(!copil::store::load::journal_path(&plan).exists(), "no journal was created");
}

#[test]
fn a_status_changed_in_one_copil_shows_in_another_within_a_second() {
    let dir = tempfile::tempdir().unwrap();
    let plan = copy_plan(dir.path(), "plans/charente.ron");
    let a = Tmux::start("twoA", 100, 30, &copil_cmd(&plan));
    let b = Tmux::start("twoB", 100, 30, &copil_cmd(&plan));
    a.wait_for("Détail", 10);
    b.wait_for("Détail", 10);
    // In A: go to Spup09 (not started), open the status picker, choose "En cours", save.
    a.keys(&["End", "k", "k"]);
    a.wait_for("Spup09 ·", 5);
    a.keys(&["s"]);
    a.wait_for("Changer le statut — Spup09", 5);
    a.keys(&["Down", "Enter"]);
    a.wait_for("Enregistré", 5);
    // B shows it within a second, without any key pressed.
    let start = Instant::now();
    let s = b.wait_for("Spup09 : statut", 2);
    assert!(start.elapsed() < Duration::from_millis(1500), "{:?}", start.elapsed());
    let row = s.lines().find(|l| l.contains("Spup09 Déploiement")).unwrap().to_string();
    assert!(row.contains("◐ Spup09"), "the tree shows the new status: {row}");
}

#[test]
fn search_without_accents_then_enter_opens_the_action() {
    let dir = tempfile::tempdir().unwrap();
    let plan = copy_plan(dir.path(), "plans/bouches-du-rhone.ron");
    let t = Tmux::start("search", 100, 30, &copil_cmd(&plan));
    t.wait_for("Détail", 10);
    t.keys(&["/"]);
    t.wait_for("Recherche", 5);
    t.typed("generation ppng");
    // The results follow the typed line: wait until they are those of the whole query (header,
    // border, search line, filters, count, then the results: the best one first).
    let best = |s: &str| s.lines().nth(5).unwrap_or_default().contains("1-2-2 Plan Préfectures");
    let s = t.wait_until("the best result first", 5, |s| s.contains("/ generation ppng") && best(s));
    assert!(s.contains("1-2-2 ·"), "the preview shows the best result: {s}");
    t.keys(&["Enter"]);
    // The preview already showed "1-2-2 ·": only leaving the search removes its line.
    let s = t.wait_until("the tree after Enter", 5, |s| !s.contains("Recherche") && s.contains("1-2-2 · "));
    let row = s.lines().find(|l| l.contains("1-2-2 Plan")).expect("the tree shows the action");
    assert!(row.starts_with("│"), "{row}");
}

#[test]
fn copil_ends_when_its_terminal_goes_away() {
    // An SSH connection that drops, or a killed tmux: the terminal hangs up. copil must end (its
    // reader would otherwise spin on the closed terminal and keep a core busy forever).
    let dir = tempfile::tempdir().unwrap();
    let plan = copy_plan(dir.path(), "plans/charente.ron");
    let t = Tmux::start("hangup", 80, 24, &format!("{BIN} --today 2026-11-23 '{}'", plan.display()));
    t.wait_for("Détail", 10);
    let pattern = format!("^{BIN} .*{}", plan.display());
    let running = || Command::new("pgrep").arg("-f").arg(&pattern).output().unwrap().status.success();
    assert!(running());
    t.run(&["kill-server"]);
    let start = Instant::now();
    while running() {
        if start.elapsed() > Duration::from_secs(5) {
            let _ = Command::new("pkill").arg("-KILL").arg("-f").arg(&pattern).status();
            panic!("copil was still running 5 s after its terminal went away");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn the_dashboard_opens_an_orientation_and_projection_mode_shows_big_figures() {
    let dir = tempfile::tempdir().unwrap();
    let plan = copy_plan(dir.path(), "plans/bouches-du-rhone.ron");
    let t = Tmux::start("dashboard", 80, 24, &copil_cmd(&plan));
    t.wait_for("Détail", 10);
    t.keys(&["d"]);
    let s = t.wait_for("Tableau de bord", 5);
    assert!(s.contains("Plan entier") && s.contains("676 000 € prévus"), "{s}");
    // The dashboard opens on orientation 1; Down, Enter: orientation 2 in the tree.
    t.keys(&["Down", "Enter"]);
    let s = t.wait_until("orientation 2 in the tree and its detail", 5, |s| {
        s.contains("Orientation 2 —") && s.lines().any(|l| l.contains("▾ 2 "))
    });
    assert!(s.contains("Orientation 2 —"), "the detail shows the orientation: {s}");
    let row = s.lines().find(|l| l.contains("▾ 2 ")).unwrap_or_else(|| panic!("{s}"));
    assert!(row.starts_with("│▾ 2 "), "{row}");
    // Projection mode: no borders, and the dashboard's figures in big digits.
    t.keys(&["p", "d"]);
    let s = t.wait_for("budget engagé", 5);
    assert!(!s.contains('┌') && !s.contains('│'), "no borders in projection mode: {s}");
    assert!(s.contains("réalisées") && s.contains("en retard"), "{s}");
    // Escape and q sent back to back are read as Alt-q: wait for the tree first.
    t.keys(&["Escape"]);
    t.wait_until("the tree after Escape", 5, |s| !s.contains("budget engagé") && s.contains("Détail"));
    t.keys(&["q"]);
    let s = t.wait_for("EXIT=", 5);
    assert!(s.contains("EXIT=0"), "{s}");
}

#[test]
fn a_whole_meeting_open_attendance_decision_status_close_and_its_minutes() {
    let dir = tempfile::tempdir().unwrap();
    let plan = copy_plan(dir.path(), "tests/fixtures/charente-extract.ron");
    let t = Tmux::start("meeting", 100, 30, &copil_cmd(&plan));
    t.wait_for("Détail", 10);
    // Open a COTECH (the second body) today, with a title.
    t.keys(&["r"]);
    t.wait_for("Ouvrir une réunion", 5);
    t.keys(&["Down", "Tab", "Tab"]);
    t.typed("COTECH de novembre");
    t.keys(&["Enter"]);
    t.wait_for("Ordre du jour (3)", 5);
    // Roll call: the first person present.
    t.keys(&["a"]);
    t.wait_for("Présences —", 5);
    t.keys(&["p"]);
    t.wait_for("Enregistré : présence", 5);
    t.keys(&["Escape"]);
    t.wait_for("Ordre du jour (3)", 5);
    // A decision on the first item, then its status: In progress → Done.
    t.keys(&["d"]);
    t.wait_for("Décision — Spup01", 5);
    t.typed("Ouvrir deux MSAP en 2027");
    t.keys(&["Enter"]);
    t.wait_for("• décision : Ouvrir deux MSAP en 2027", 5);
    t.keys(&["s"]);
    t.wait_for("Changer le statut — Spup01", 5);
    t.keys(&["Down", "Enter"]);
    t.wait_for("• statut : En cours → Réalisée", 5);
    // Close, then write the minutes.
    t.keys(&["C"]);
    t.wait_for("Clore la réunion ?", 5);
    // "Non" is preselected.
    t.keys(&["Up", "Enter"]);
    t.wait_for("23/11/2026 · close", 5);
    t.keys(&["M"]);
    t.wait_for("Écrire le relevé", 5);
    t.keys(&["Enter"]);
    t.wait_for("Relevé écrit", 5);
    t.keys(&["q"]);
    let s = t.wait_for("EXIT=", 5);
    assert!(s.contains("EXIT=0"), "{s}");
    let minutes = std::fs::read_to_string(dir.path().join("charente-extract-2026-11-23-cotech.md")).unwrap();
    for text in ["COTECH de novembre", "Ouvrir deux MSAP en 2027", "En cours → Réalisée", "Référent CAF", "Diffusion"]
    {
        assert!(minutes.contains(text), "{text:?} missing:\n{minutes}");
    }
}
