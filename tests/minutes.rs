//! `copil minutes`: the relevé de décisions of a meeting compared byte for byte with a golden file,
//! what it must say about the extract's COTECH, undone lines left out, attendance grouped by
//! organisation, and the real binary writing it, refusing an unknown meeting or an unwritable file.
//!
//! The golden is under `tests/golden/`; after a deliberate change of the output, write it again
//! with `UPDATE_GOLDEN=1 cargo test --test minutes` and read the diff before keeping it.

mod common;

use common::{copil, golden, section};
use std::fs;
use std::path::{Path, PathBuf};

use copil::lang::Lang;
use copil::minutes;
use copil::store::load;

const EXTRACT: &str = "tests/fixtures/charente-extract.ron";
const COTECH: &str = "2018-06-12-cotech";
const GOLDEN: &str = "charente-extract-2018-06-12-cotech.md";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn path_str(p: &Path) -> &str {
    p.to_str().expect("UTF-8 path")
}

fn extract_minutes() -> String {
    let loaded = load::load(Lang::Fr, &root().join(EXTRACT)).unwrap_or_else(|d| panic!("{d}"));
    (minutes::markdown(Lang::Fr, &loaded.state, COTECH)).expect("the extract has this meeting")
}

#[test]
fn golden_extract_cotech() {
    golden(GOLDEN, extract_minutes().as_bytes());
}

#[test]
fn the_cotech_minutes_say_what_the_journal_recorded() {
    let doc = extract_minutes();
    assert!(doc.starts_with("# Relevé de décisions — COTECH du 12 juin 2018\n"), "{doc}");
    assert!(doc.contains("- Instance : Comité technique\n"), "{doc}");
    assert!(doc.contains("- Date : 12/06/2018\n"), "{doc}");
    assert!(doc.contains("- Horaires : de 10 h 00 à 11 h 30\n"), "{doc}");
    assert!(doc.contains("- Présidence : Cellule technique (État), Cellule technique\n"), "{doc}");
    assert!(!doc.contains("provisoire"), "a closed meeting's minutes are final");
    // No journal jargon: the only mention of the journal is its empreinte at closing (issue 11).
    let body = doc.split(copil::minutes::empreinte_label(Lang::Fr)).next().unwrap_or_default();
    assert!(!body.contains("journal") && !doc.contains("ligne"), "no journal jargon: {doc}");
    assert!(doc.contains("Empreinte du journal à la clôture : "), "{doc}");

    // Without agenda lines, the agenda is the actions in the order they came up.
    let agenda = section(&doc, "## Ordre du jour");
    let items: Vec<&str> = agenda.lines().filter(|l| l.starts_with(char::is_numeric)).collect();
    assert_eq!(items.len(), 3, "{agenda}");
    assert!(items[0].starts_with("1. Spup01 — ") && items[1].starts_with("2. Spup03 — "), "{agenda}");
    assert!(items[2].starts_with("3. Spup05 — "), "{agenda}");

    // The status change of line 8, with its note, under its item.
    let spup05 = section(
        &doc,
        "### 3. Spup05 — Mutualisation des moyens pour mieux accompagner les publics les plus en difficulté",
    );
    assert!(
        spup05.contains("- **Statut :** Non démarrée → En cours — « Convention PAD en préparation »\n"),
        "{spup05}"
    );
    // The measurement of line 5, with its unit and the date of the value.
    assert!(doc.contains("- **Mesure :** Nombre de MSAP dans le département : 15 MSAP au 31/05/2018\n"), "{doc}");
    // The comment of line 12 was made after the meeting: it is not in the minutes.
    assert!(!doc.contains("Tableau de bord transmis"), "{doc}");

    let decisions = section(&doc, "## Relevé des décisions");
    assert!(
        decisions.contains("| 1 | Proposer au COPIL l'ouverture de cinq nouvelles MSAP d'ici 2020 (Spup01 — Constitution d'un réseau de présence mutualisée (MSAP, …) de proximité pour l'accès aux droits) | Cellule technique (Département) | 30/11/2018 |"),
        "{decisions}"
    );
    let tasks = section(&doc, "## Tâches");
    assert!(
        tasks.contains("| Transmettre les chiffres de fréquentation mensuels (t1) | Référent CAF | 30/09/2018 | faite le 28/09/2018 |"),
        "done by the TaskDone of line 11: {tasks}"
    );
    let spup03 = section(&doc, "### 2. Spup03 — Intégration des opérateurs au réseau (CAF)");
    assert!(spup03.contains("- **Relevé :** La CAF présentera le tableau de bord au prochain COTECH\n"), "{spup03}");

    // Attendance by presence, then by organisation (sorted), guests last.
    let present = section(&doc, "### Présents");
    assert!(
        present
            .contains("- **CPAM de la Charente** : Référent CPAM\n- **Invités** : Directrice de la MSAP de Rouillac\n"),
        "{present}"
    );
    assert!(section(&doc, "### Excusés").contains("- **CAF de la Charente** : Référent CAF\n"), "{doc}");
    // The COTECH's chair and a member with no attendance line.
    let unknown = section(&doc, "### Présence non renseignée");
    assert!(unknown.contains("- **La Poste** : Référent La Poste\n"), "{unknown}");
    assert!(
        unknown.contains("- **Préfecture de la Charente** : Cellule technique (État), Cellule technique\n"),
        "{unknown}"
    );
    let doc = doc.split("\nEmpreinte du journal à la clôture").next().unwrap_or_default();
    assert!(doc.ends_with("## Diffusion\n\n- Cellule technique (État), Cellule technique (Préfecture de la Charente)\n- Référent CPAM (CPAM de la Charente)\n- Référent CAF (CAF de la Charente)\n- Référent La Poste (La Poste)\n"), "{doc}");
}

#[test]
fn minutes_are_deterministic() {
    let loaded = load::load(Lang::Fr, &root().join(EXTRACT)).expect("load");
    let (a, b) =
        (minutes::markdown(Lang::Fr, &loaded.state, COTECH), minutes::markdown(Lang::Fr, &loaded.state, COTECH));
    assert_eq!(a, b);
    let again = load::load(Lang::Fr, &root().join(EXTRACT)).expect("load again");
    assert_eq!(a, (minutes::markdown(Lang::Fr, &again.state, COTECH)));
}

#[test]
fn an_unknown_meeting_has_no_minutes() {
    let loaded = load::load(Lang::Fr, &root().join(EXTRACT)).expect("load");
    assert_eq!((minutes::markdown(Lang::Fr, &loaded.state, "2018-06-13-cotech")), None);
    assert_eq!(minutes::meeting_ids(&loaded.state), [COTECH]);
}

#[test]
fn default_path_is_beside_the_plan_with_a_safe_name() {
    assert_eq!(
        minutes::default_path(Path::new("plans/charente.ron"), "2018-06-12-cotech"),
        Path::new("plans/charente-2018-06-12-cotech.md")
    );
    assert_eq!(
        minutes::default_path(Path::new("/srv/p/plan.ron"), "../réunion 1/x"),
        Path::new("/srv/p/plan-.._r_union_1_x.md")
    );
    assert_eq!(minutes::default_path(Path::new("plan.ron"), "m1"), Path::new("plan-m1.md"));
}

/// A plan of our own: a person without organisation, one with, and a body with both.
const SMALL_PLAN: &str = r#"Plan(format: 1, title: "Petit plan", territory: "T", period: (start: "2025-01-01", end: "2030-12-31"),
  people: [
    Person(id: "ana", name: "Ana Martin", role: "Cheffe de projet"),
    Person(id: "bob", name: "Bob Durand", org: "Écoles"),
    Person(id: "cle", name: "Clé Petit", org: "avenir"),
  ],
  bodies: [Body(id: "gt", name: "Groupe de travail", kind: WorkingGroup, chairs: ["ana"], members: ["bob", "cle"])],
  orientations: [Orientation(id: "1", title: "O", actions: [
    Action(id: "a1", title: "Première action", indicators: [Indicator(id: "n", name: "Nombre", targets: [Point(date: "2026-01-01", value: 3)])]),
  ])])"#;

fn small_plan(dir: &Path, journal: &[&str]) -> PathBuf {
    let plan = dir.join("petit.ron");
    fs::write(&plan, SMALL_PLAN).expect("write plan");
    let mut text = journal.join("\n");
    text.push('\n');
    fs::write(dir.join("petit.journal.ron"), text).expect("write journal");
    plan
}

fn line(time: &str, change: &str, meeting: bool) -> String {
    let m = if meeting { ", meeting: \"m1\"" } else { "" };
    format!("Event(at: \"2026-03-02T{time}:00+01:00\", by: \"ana\", change: {change}{m})")
}

#[test]
fn undone_lines_are_left_out_and_an_open_meeting_is_provisional() {
    let dir = tempfile::tempdir().expect("tempdir");
    let lines = [
        line("10:00", r#"MeetingOpened(id: "m1", body: "gt", date: "2026-03-02")"#, false),
        line("10:01", r#"Attendance(meeting: "m1", person: "bob", presence: Absent)"#, false),
        line("10:02", r#"Attendance(meeting: "m1", person: "ana", presence: Present)"#, false),
        line("10:03", r#"Status(action: "a1", to: Done)"#, true),
        line("10:04", r#"Undo(line: 4)"#, false),
        line("10:05", r#"Status(action: "a1", to: InProgress)"#, true),
        line("10:06", r#"Decision(meeting: "m1", text: "Décision annulée")"#, false),
        line("10:07", r#"Undo(line: 7)"#, false),
        line("10:08", r#"Comment(action: "a1", text: "- suite | à voir")"#, true),
        line("10:09", r#"Measure(action: "a1", indicator: "n", point: Point(date: "2026-02-28", value: 2.5))"#, true),
        line("10:10", r#"Attendance(meeting: "m1", person: "bob", presence: Excused)"#, false),
    ];
    let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
    let plan = small_plan(dir.path(), &lines);
    let loaded = load::load(Lang::Fr, &plan).unwrap_or_else(|d| panic!("{d}"));
    assert!(loaded.state.all_warnings().is_empty(), "{:?}", loaded.state.all_warnings());
    let doc = (minutes::markdown(Lang::Fr, &loaded.state, "m1")).expect("meeting m1");

    assert!(doc.starts_with("# Relevé de décisions — Groupe de travail du 02/03/2026\n"), "{doc}");
    assert!(doc.contains("**Réunion en cours — relevé provisoire.**\n"), "{doc}");
    assert!(doc.contains("- Horaires : à partir de 10 h 00\n"), "{doc}");

    let item = section(&doc, "### 1. a1 — Première action");
    assert!(!item.contains("Réalisée"), "the undone status change is left out: {item}");
    assert_eq!(item.matches("**Statut :**").count(), 1, "{item}");
    assert!(item.contains("- **Statut :** Non démarrée → En cours\n"), "{item}");
    assert!(!doc.contains("Décision annulée") && !doc.contains("## Relevé des décisions"), "{doc}");
    assert!(!doc.contains("## Tâches"), "no empty section: {doc}");
    assert!(item.contains("- **Mesure :** Nombre : 2,5 au 28/02/2026\n"), "{doc}");
    // Text from the journal cannot break the list or the Markdown.
    assert!(item.contains("- **Commentaire :** « - suite \\| à voir »\n"), "{doc}");

    // The last attendance line about a person wins; without an organisation, its own group;
    // organisations sorted without regard to accents or case.
    assert!(section(&doc, "### Excusés").contains("- **Écoles** : Bob Durand\n"), "{doc}");
    assert!(!doc.contains("### Absents"), "{doc}");
    assert!(section(&doc, "### Présence non renseignée").contains("- **avenir** : Clé Petit\n"), "{doc}");
    assert!(
        section(&doc, "### Présents").contains("- **Sans organisation** : Ana Martin, Cheffe de projet\n"),
        "{doc}"
    );

    // Rendering again gives the same bytes.
    assert_eq!(Some(doc), (minutes::markdown(Lang::Fr, &loaded.state, "m1")));
}

#[test]
fn a_meeting_with_nothing_recorded_says_so() {
    let dir = tempfile::tempdir().expect("tempdir");
    let opened =
        line("10:00", r#"MeetingOpened(id: "m1", body: "gt", title: "Point d'étape", date: "2026-03-02")"#, false);
    let closed = line("11:00", r#"MeetingClosed(id: "m1")"#, false);
    let plan = small_plan(dir.path(), &[&opened, &closed]);
    let loaded = load::load(Lang::Fr, &plan).unwrap_or_else(|d| panic!("{d}"));
    let doc = (minutes::markdown(Lang::Fr, &loaded.state, "m1")).expect("meeting m1");
    assert!(doc.starts_with("# Relevé de décisions — Point d'étape\n"), "{doc}");
    assert!(doc.contains("- Horaires : de 10 h 00 à 11 h 00\n"), "{doc}");
    // No empty section: nothing recorded, no agenda, no decisions, no tasks.
    for absent in ["## Ordre du jour", "## Relevé des décisions", "## Tâches", "## Prochaine réunion", "Aucun"] {
        assert!(!doc.contains(absent), "{absent}: {doc}");
    }
    // Everyone of the body is listed, as not recorded, and on the distribution list.
    let unknown = section(&doc, "### Présence non renseignée");
    assert_eq!(unknown.matches("- **").count(), 3, "{doc}");
    assert_eq!(section(&doc, "## Diffusion").matches("\n- ").count(), 3, "{doc}");
}

#[test]
fn cli_prints_the_golden_minutes() {
    let out = copil(&["minutes", EXTRACT, COTECH, "--lang", "fr"]);
    assert_eq!(out.status.code(), Some(0), "stderr:\n{}", String::from_utf8_lossy(&out.stderr));
    golden(GOLDEN, &out.stdout);
}

#[test]
fn cli_writes_the_minutes_to_a_file_through_a_rename() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("releve.md");
    fs::write(&file, "ancien contenu").expect("old file");
    let out = copil(&["minutes", EXTRACT, COTECH, "--lang", "fr", "-o", path_str(&file)]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stdout.is_empty(), "nothing on standard output when writing a file");
    golden(GOLDEN, &fs::read(&file).expect("minutes file"));
    let names: Vec<String> =
        fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    assert_eq!(names, ["releve.md"], "no temporary file is left behind");
}

#[test]
fn cli_refuses_an_unknown_meeting_and_names_the_known_ones() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("releve.md");
    let out = copil(&["minutes", EXTRACT, "2019-01-01-copil", "--lang", "fr", "-o", path_str(&file)]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("réunion inconnue « 2019-01-01-copil »"), "{err}");
    assert!(err.contains(COTECH), "the message lists the plan's meetings: {err}");
    assert!(out.stdout.is_empty());
    assert!(!file.exists(), "nothing is written");

    let out = copil(&["minutes", EXTRACT, "x", "--lang", "en"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("unknown meeting \"x\"; the plan's meetings: 2018-06-12-cotech"), "{err}");
}

#[test]
fn cli_refuses_a_bad_plan() {
    let out = copil(&["minutes", "tests/fixtures/bad-syntax.ron", COTECH]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("bad-syntax.ron:6:"));
    assert!(out.stdout.is_empty());
}

#[test]
fn cli_reports_an_unwritable_output() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("absent").join("releve.md");
    let out = copil(&["minutes", EXTRACT, COTECH, "--lang", "fr", "-o", path_str(&file)]);
    assert_eq!(out.status.code(), Some(3));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("impossible d'écrire le relevé"), "{err}");
    assert!(!dir.path().join("absent").exists());
}
