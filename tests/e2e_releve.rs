//! End to end under tmux: a COTECH run for its relevé de décisions — the place at opening, a
//! member represented, the chair moving along the agenda, a decision, the next meeting, closing —
//! then `M` choosing ODT: the file beside the plan holds all of it, and the settings file
//! remembers the choice. Needs tmux (`.ci/run` installs it).

mod common;

use std::io::Read;
use std::path::Path;

use common::tmux::Tmux;

const BIN: &str = env!("CARGO_BIN_EXE_copil");

#[test]
fn a_cotech_is_run_and_its_minutes_written_as_odt() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.ron");
    std::fs::copy("tests/fixtures/charente-extract.ron", &plan).unwrap();
    std::fs::copy("tests/fixtures/charente-extract.journal.ron", dir.path().join("plan.journal.ron")).unwrap();
    let config = dir.path().join("config.ron");
    std::fs::write(&config, "// réglages de la cellule\n(theme: \"default\")\n").unwrap();
    let cmd = format!(
        "{BIN} --lang fr --today 2026-11-23 --config '{}' '{}'; echo \"EXIT=$?\"; sleep 60",
        config.display(),
        plan.display()
    );
    let t = Tmux::start("releve", 140, 40, &cmd);
    t.wait_for("Détail", 10);

    // Open a COTECH with its title and place.
    t.keys(&["r"]);
    t.wait_for("Ouvrir une réunion", 5);
    t.keys(&["Down", "Tab", "Tab"]);
    t.typed("COTECH de novembre");
    t.keys(&["Tab"]);
    t.typed("Salle Marengo");
    t.keys(&["Enter"]);
    t.wait_for("Ordre du jour (3)", 5);

    // Roll call: the first person (the CAF's referent) is represented.
    t.keys(&["a"]);
    t.wait_for("Présences —", 5);
    t.keys(&["r"]);
    t.wait_for("Représentation — Référent CAF", 5);
    t.typed("Mme Durand");
    t.keys(&["Enter"]);
    t.wait_for("Enregistré : présence", 5);
    t.wait_for("Représenté(e)", 5);
    t.keys(&["Escape"]);
    t.wait_for("Ordre du jour (3)", 5);

    // The chair moves to the second item and records a decision on it.
    t.keys(&["Down"]);
    t.wait_for("▶ 2", 5);
    t.keys(&["d"]);
    t.wait_for("Décision — Spup03", 5);
    t.typed("Présenter le tableau de bord au COPIL");
    t.keys(&["Enter"]);
    t.wait_for("• décision : Présenter le tableau de bord au COPIL", 5);

    // The next meeting, then close.
    t.keys(&["N"]);
    t.wait_for("Prochaine réunion", 5);
    t.typed("2027-05-04");
    t.keys(&["Tab"]);
    t.typed("Conseil départemental");
    t.keys(&["Enter"]);
    t.wait_for("suivante : 04/05/2027", 5);
    t.keys(&["C"]);
    t.wait_for("Clore la réunion ?", 5);
    // "Non" is preselected.
    t.keys(&["Up", "Enter"]);
    t.wait_for("23/11/2026 · close", 5);

    // The minutes as ODT.
    t.keys(&["M"]);
    t.wait_for("Écrire le relevé", 5);
    t.keys(&["Down", "Enter"]);
    t.wait_for("Relevé écrit", 5);
    t.keys(&["q"]);
    let s = t.wait_for("EXIT=", 5);
    assert!(s.contains("EXIT=0"), "{s}");

    let odt = dir.path().join("plan-2026-11-23-cotech.odt");
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&odt).unwrap()).unwrap();
    let mut content = String::new();
    zip.by_name("content.xml").unwrap().read_to_string(&mut content).unwrap();
    for text in [
        "Salle Marengo",
        "Référent CAF, représenté(e) par Mme Durand",
        "Présenter le tableau de bord au COPIL",
        "le 04/05/2027, Conseil départemental.",
        "Spup03 — Intégration des opérateurs au réseau (CAF)",
    ] {
        assert!(content.contains(text), "{text:?} missing from content.xml");
    }
    let settings = std::fs::read_to_string(&config).unwrap();
    assert!(settings.contains("minutes_format: \"odt\"") && settings.contains("// réglages"), "{settings}");
    assert!(Path::new(&odt).exists());
}
