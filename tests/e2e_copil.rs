//! A whole COPIL in a real terminal (issue 13): the real binary under tmux on a bundled plan,
//! keys sent with `send-keys`, the screen read with `capture-pane`. The chair opens the COPIL,
//! postpones a late action, adds an item by search, records a decision of two lines linked to two
//! actions, writes the minutes and closes. Needs tmux (`.ci/run` installs it).

mod common;

use common::tmux::Tmux;
use std::path::{Path, PathBuf};

const BIN: &str = env!("CARGO_BIN_EXE_copil");

fn copy_plan(dir: &Path, from: &str) -> PathBuf {
    let to = dir.join(Path::new(from).file_name().unwrap());
    std::fs::copy(from, &to).unwrap();
    to
}

fn journal(plan: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(copil::store::load::journal_path(plan)).unwrap_or_default();
    text.lines().map(str::to_string).collect()
}

#[test]
fn a_whole_copil_postpones_an_action_adds_an_item_by_search_and_records_a_two_line_decision() {
    let dir = tempfile::tempdir().unwrap();
    let plan = copy_plan(dir.path(), "plans/bouches-du-rhone.ron");
    let cmd = format!("{BIN} --lang fr --today 2026-11-23 '{}'; echo \"EXIT=$?\"; sleep 60", plan.display());
    let t = Tmux::start("copil", 100, 30, &cmd);
    t.wait_for("Détail", 10);

    // Open the COPIL (the first body), today, with a title: every field is on screen.
    t.keys(&["r"]);
    // The form's last field is drawn last: wait for it, not for the title, which a half-drawn
    // frame already shows.
    let s = t.wait_for("Titre (facultatif)", 5);
    assert!(s.contains("Ouvrir une réunion") && s.contains("Date (JJ/MM/AAAA)"), "{s}");
    t.keys(&["Tab", "Tab"]);
    t.wait_for("▶ Titre (facultatif)", 5);
    t.typed("COPIL annuel 2026");
    t.keys(&["Enter"]);
    let s = t.wait_for("Ordre du jour", 5);
    assert!(s.contains("COPIL annuel 2026 · Comité de pilotage du SDAASP (COPIL)"), "{s}");

    // The first item is a late action (2-1-1, due 31/12/2021): postpone it with a reason.
    let s = t.wait_for("2-1-1 · ", 5);
    assert!(s.contains("! en retard"), "{s}");
    t.keys(&["e"]);
    let s = t.wait_for("Reporter l'échéance — 2-1-1", 5);
    assert!(s.contains("[31/12/2021]"), "the current due date is offered: {s}");
    t.keys(&["BSpace"; 10]);
    t.wait_for("[]", 5);
    t.typed("30/06/2027");
    t.keys(&["Tab"]);
    t.wait_for("▶ Motif (facultatif)", 5);
    t.typed("Décision du COPIL : attendre le nouveau marché");
    t.keys(&["Enter"]);
    let s = t.wait_for("• échéance reportée du 31/12/2021 au 30/06/2027", 5);
    assert!(!s.contains("! en retard"), "no longer late once postponed: {s}");

    // Add an item by search, not by id: "generation ppng" finds 1-2-2.
    t.keys(&["+"]);
    t.wait_for("Ajouter à l'ordre du jour", 5);
    t.typed("generation ppng");
    t.wait_for("1 action sur", 5);
    t.keys(&["Enter"]);
    t.wait_for("1-2-2 · Plan Préfectures Nouvelle Génération", 5);

    // A decision on two lines, linked to 1-2-2 (offered) and 2-1-1 (added), due 31/12/2027.
    t.keys(&["d"]);
    t.wait_for("Décision —", 5);
    t.typed("Étendre le réseau des points numériques");
    t.keys(&["C-j"]);
    t.wait_for(" [Étendre le réseau des points numériques", 5);
    t.typed("aux communes rurales");
    t.wait_for("aux communes rurales]", 5);
    t.keys(&["Tab", "Tab"]);
    t.wait_for("▶ Échéance", 5);
    t.typed("31/12/2027");
    t.keys(&["Tab"]);
    t.wait_for("[1-2-2]", 5);
    t.typed(", 2-1-1");
    t.keys(&["Enter"]);
    let s = t.wait_for("• décision : Étendre le réseau des points numériques", 5);
    assert!(s.contains("aux communes rurales"), "the second line is shown: {s}");

    // The journal has the lines the meeting recorded.
    let lines = journal(&plan);
    let reschedule = lines.iter().find(|l| l.contains("Reschedule(")).expect("a Reschedule line");
    assert!(reschedule.contains(r#"Reschedule(action: "2-1-1", due: "2027-06-30")"#), "{reschedule}");
    assert!(reschedule.contains(r#"meeting: "2026-11-23-copil""#), "{reschedule}");
    let decision = lines.iter().find(|l| l.contains("Decision(")).expect("a Decision line");
    assert!(
        decision.contains(r#"text: "Étendre le réseau des points numériques\naux communes rurales""#),
        "{decision}"
    );
    assert!(decision.contains(r#"actions: ["1-2-2", "2-1-1"]"#), "{decision}");
    assert!(decision.contains(r#"due: "2027-12-31""#), "{decision}");

    // The minutes, written beside the plan.
    t.keys(&["M"]);
    t.wait_for("Écrire le relevé", 5);
    t.keys(&["Enter"]);
    t.wait_for("Relevé écrit", 5);
    let minutes = std::fs::read_to_string(dir.path().join("bouches-du-rhone-2026-11-23-copil.md")).unwrap();
    for want in [
        "COPIL annuel 2026",
        "Étendre le réseau des points numériques",
        "aux communes rurales",
        "1-2-2 — Plan Préfectures Nouvelle Génération",
        "2-1-1 — ",
        "31/12/2027",
        "**Échéance :**",
        "échéance reportée du 31/12/2021 au 30/06/2027",
        "attendre le nouveau marché",
    ] {
        assert!(minutes.contains(want), "{want:?} missing from the minutes:\n{minutes}");
    }

    // Close it, back to the plan, quit.
    t.keys(&["C"]);
    t.wait_for("Clore la réunion", 5);
    // "Non" is preselected.
    t.keys(&["Up", "Enter"]);
    t.wait_for("close", 5);
    t.keys(&["Escape"]);
    t.wait_gone("Ordre du jour", 5);
    t.keys(&["q"]);
    let s = t.wait_for("EXIT=", 5);
    assert!(s.contains("EXIT=0"), "{s}");
    assert!(journal(&plan).iter().any(|l| l.contains("MeetingClosed")));
}
