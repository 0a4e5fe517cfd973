//! `copil report`: golden documents compared byte for byte, budget totals checked against the
//! model, the state `--at` a date (later journal lines, undos included, do not count), text from
//! files made safe, and the real binary writing a file or refusing a bad plan.
//!
//! The goldens are under `tests/golden/`; after a deliberate change of the output, write them again
//! with `UPDATE_GOLDEN=1 cargo test --test report` and read the diff before keeping it.

mod common;

use common::{copil, golden};
use std::fs;
use std::path::{Path, PathBuf};

use copil::i18n::{self};
use copil::lang::Lang;
use copil::plan::model::{Date, walk_action};
use copil::plan::state::PlanState;
use copil::report;
use copil::store::load;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn path_str(p: &Path) -> &str {
    p.to_str().expect("UTF-8 path")
}

/// Runs copil and returns its standard output, asserting it exited 0.
fn copil_ok(args: &[&str]) -> Vec<u8> {
    let out = copil(args);
    assert_eq!(out.status.code(), Some(0), "copil {args:?}; stderr:\n{}", String::from_utf8_lossy(&out.stderr));
    out.stdout
}

const CHARENTE: &str = "plans/charente.ron";
const EXTRACT: &str = "tests/fixtures/charente-extract.ron";

#[test]
fn golden_charente_markdown() {
    golden("report-charente.md", &copil_ok(&["report", CHARENTE, "--today", "2021-06-30", "--lang", "fr"]));
}

#[test]
fn golden_charente_csv() {
    golden("report-charente.csv", &copil_ok(&["report", CHARENTE, "--format", "csv", "--today", "2021-06-30"]));
}

/// The extract's journal runs from 2018-06-12 to 2018-10-02; on 2018-09-30 the four lines of
/// 2018-10-02 (a comment, the CAF dashboard measured `true`, a status and its undo) do not count,
/// even though the measurement is dated 2018-09-30. `--today` is later still: `--at` decides
/// what is late.
#[test]
fn golden_extract_at_a_date() {
    let args = ["report", EXTRACT, "--at", "2018-09-30", "--today", "2025-01-01", "--lang", "fr"];
    golden("report-charente-extract-at.md", &copil_ok(&args));
    let mut csv_args = args.to_vec();
    csv_args.extend(["--format", "csv"]);
    golden("report-charente-extract-at.csv", &copil_ok(&csv_args));
}

#[test]
fn golden_extract_in_english_with_the_whole_journal() {
    golden("report-charente-extract-en.md", &copil_ok(&["report", EXTRACT, "--today", "2019-01-01", "--lang", "en"]));
}

#[test]
fn at_a_date_later_lines_do_not_count() {
    let at = String::from_utf8(copil_ok(&["report", EXTRACT, "--at", "2018-09-30", "--lang", "fr"])).unwrap();
    let all = String::from_utf8(copil_ok(&["report", EXTRACT, "--today", "2018-09-30", "--lang", "fr"])).unwrap();
    assert!(at.contains("le plan et 11 lignes de journal"), "{at}");
    assert!(all.contains("le plan et 15 lignes de journal"), "{all}");
    let row = |doc: &str| -> String {
        doc.lines().find(|l| l.starts_with("| Tableau de bord mensuel")).expect("CAF indicator row").to_string()
    };
    // Its target of 31/12/2017 has passed and nothing was measured by 2018-09-30: a measurement is due.
    assert!(row(&at).contains("| aucune mesure | ? mesure attendue |"), "{}", row(&at));
    assert!(row(&all).contains("| oui (30/09/2018) | ✓ dans la trajectoire |"), "{}", row(&all));
    // The line of 2018-06-12 that started Spup05 counts on 2018-09-30.
    assert!(at.contains("| Spup01 › Spup05 | Mutualisation des moyens pour mieux accompagner les publics les plus en difficulté | ◐ En cours |"), "{at}");
}

/// Writes the extract's plan beside a journal of our own into a temporary directory.
fn extract_with_journal(dir: &Path, journal: &str) -> PathBuf {
    let plan = dir.join("extract.ron");
    fs::copy(root().join(EXTRACT), &plan).expect("copy plan");
    fs::write(dir.join("extract.journal.ron"), journal).expect("write journal");
    plan
}

fn csv_field_of(csv: &str, action: &str, column: &str) -> String {
    let col = report::CSV_HEADER.iter().position(|c| *c == column).expect("column");
    let line = csv.lines().find(|l| l.split(',').nth(1) == Some(action)).expect("action row");
    line.split(',').nth(col).expect("field").to_string()
}

#[test]
fn an_undo_after_the_date_does_not_count_but_one_before_does() {
    let dir = tempfile::tempdir().expect("tempdir");
    let plan = extract_with_journal(
        dir.path(),
        concat!(
            "Event(at: \"2018-10-02T09:14:00+02:00\", by: \"jmartin\", change: Status(action: \"Spup03\", to: Abandoned))\n",
            "Event(at: \"2018-10-05T11:00:00+02:00\", by: \"jmartin\", change: Undo(line: 1))\n",
            "Event(at: \"2018-10-06T11:00:00+02:00\", by: \"jmartin\", change: Status(action: \"Spup05\", to: Done))\n",
        ),
    );
    let loaded = load::load(Lang::Fr, &plan).expect("load");
    let status = |state: &PlanState, a: &str| csv_field_of(&report::csv(state, Date::ymd(2018, 10, 10)), a, "status");
    let before = report::state_at(&loaded.state, Date::ymd(2018, 10, 1));
    assert_eq!(status(&before, "Spup03"), "in_progress");
    let between = report::state_at(&loaded.state, Date::ymd(2018, 10, 4));
    assert_eq!(status(&between, "Spup03"), "abandoned", "the undo of 2018-10-05 does not count on 2018-10-04");
    assert_eq!(status(&between, "Spup05"), "not_started");
    let after = report::state_at(&loaded.state, Date::ymd(2018, 10, 5));
    assert_eq!(status(&after, "Spup03"), "in_progress");
    assert_eq!(status(&after, "Spup05"), "not_started");
    let all = report::state_at(&loaded.state, Date::ymd(2030, 1, 1));
    assert_eq!(report::csv(&all, Date::ymd(2030, 1, 1)), report::csv(&loaded.state, Date::ymd(2030, 1, 1)));
}

#[test]
fn late_is_counted_on_the_date_of_the_report() {
    let loaded = load::load(Lang::Fr, &root().join(EXTRACT)).expect("load");
    let s = &loaded.state;
    // Spup05 is due 2018-12-31 and in progress.
    assert_eq!(csv_field_of(&report::csv(s, Date::ymd(2018, 12, 31)), "Spup05", "late"), "0");
    assert_eq!(csv_field_of(&report::csv(s, Date::ymd(2019, 1, 1)), "Spup05", "late"), "1");
    // Done actions are never late.
    assert_eq!(csv_field_of(&report::csv(s, Date::ymd(2030, 1, 1)), "Spup02", "late"), "0");
}

fn plans() -> Vec<PathBuf> {
    let mut plans: Vec<PathBuf> = fs::read_dir(root().join("plans"))
        .expect("list plans/")
        .map(|e| e.expect("entry").path())
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            name.ends_with(".ron") && !name.ends_with(".journal.ron")
        })
        .collect();
    plans.sort();
    assert!(plans.len() >= 4, "{plans:?}");
    plans
}

/// The whole-plan totals of the report (Markdown summary and CSV columns) equal the sums over
/// every action and sub-action of the plan, computed here from the model.
#[test]
fn budget_totals_equal_the_sum_over_the_actions() {
    let today = Date::ymd(2024, 1, 1);
    let mut paths = plans();
    paths.push(root().join(EXTRACT));
    for path in &paths {
        let loaded = load::load(Lang::Fr, path).unwrap_or_else(|d| panic!("{d}"));
        let plan = &loaded.state.plan;
        let (mut planned, mut committed, mut spent) = (0u64, 0u64, 0u64);
        let mut actions = 0;
        for o in &plan.orientations {
            for top in &o.actions {
                for (a, _) in walk_action(top, 0) {
                    actions += 1;
                    if let Some(b) = &a.budget {
                        planned += b.planned.0;
                        committed += b.committed.0;
                        spent += b.spent.0;
                    }
                }
            }
        }
        let md = report::markdown(Lang::Fr, &loaded.state, today);
        let summary = md.split("## Synthèse du plan").nth(1).expect("summary").split("\n### ").next().unwrap();
        // No spending recorded is said so, not « 0 € ».
        let (p, c, s) = {
            let s = if spent == 0 { "non renseigné".to_string() } else { i18n::euros(Lang::Fr, spent) };
            (i18n::euros(Lang::Fr, planned), i18n::euros(Lang::Fr, committed), s)
        };
        for (label, amount) in [("Prévu", &p), ("Engagé", &c), ("Dépensé", &s)] {
            let line = format!("| {label} | {amount} |");
            assert!(summary.contains(&line), "{}: no `{line}` in\n{summary}", path.display());
        }
        assert!(summary.contains(&format!("| **Total** | **{actions}** |")), "{}", path.display());

        let csv = report::csv(&loaded.state, today);
        let col = |name: &str| report::CSV_HEADER.iter().position(|c| *c == name).unwrap();
        let mut sums = [0u64; 3];
        let records = parse_csv(&csv);
        assert_eq!(records.len(), actions + 1, "{}: one record per action", path.display());
        for r in &records[1..] {
            for (k, name) in ["budget_planned", "budget_committed", "budget_spent"].iter().enumerate() {
                let f = &r[col(name)];
                sums[k] += if f.is_empty() { 0 } else { f.parse::<u64>().expect("plain integer") };
            }
        }
        assert_eq!(sums, [planned, committed, spent], "{}", path.display());
    }
}

/// A small RFC 4180 reader, for the tests: quoted fields, doubled quotes, CRLF records.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let (mut record, mut field) = (Vec::new(), String::new());
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field.is_empty() => quoted = true,
            (false, ',') => record.push(std::mem::take(&mut field)),
            (false, '\r') if chars.peek() == Some(&'\n') => {
                chars.next();
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (false, c) => field.push(c),
        }
    }
    assert!(field.is_empty() && record.is_empty(), "the last record ends with CRLF");
    records
}

#[test]
fn csv_is_rfc_4180_with_one_record_per_action() {
    let loaded = load::load(Lang::Fr, &root().join(EXTRACT)).expect("load");
    let csv = report::csv(&loaded.state, Date::ymd(2019, 1, 1));
    assert!(csv.ends_with("\r\n") && !csv.replace("\r\n", "").contains('\n'));
    let records = parse_csv(&csv);
    assert_eq!(records[0], report::CSV_HEADER);
    assert!(records.iter().all(|r| r.len() == report::CSV_HEADER.len()));
    let ids: Vec<&str> = records[1..].iter().map(|r| r[1].as_str()).collect();
    assert_eq!(ids, ["Spup01", "Spup02", "Spup03", "Spup04", "Spup05"]);
    let spup01 = &records[1];
    assert_eq!(
        spup01[3],
        "Constitution d'un réseau de présence mutualisée (MSAP, …) de proximité pour l'accès aux droits"
    );
    assert_eq!(spup01[6], "Collectivités;La Poste");
    assert_eq!(records[2][2], "Spup01", "a sub-action names its parent");
    assert_eq!(records[4][9..], ["404000", "404000", "84000"]);
}

#[test]
fn reports_are_deterministic() {
    let loaded = load::load(Lang::Fr, &root().join(EXTRACT)).expect("load");
    let d = Date::ymd(2019, 1, 1);
    let (a, b) = (report::markdown(Lang::Fr, &loaded.state, d), report::markdown(Lang::Fr, &loaded.state, d));
    assert_eq!(a, b);
    assert_eq!(report::csv(&loaded.state, d), report::csv(&loaded.state, d));
}

#[test]
fn text_from_the_file_cannot_break_the_tables_or_reach_the_terminal() {
    let dir = tempfile::tempdir().expect("tempdir");
    let plan = dir.path().join("p.ron");
    let src = r#"Plan(format: 1, title: "Plan | à ESC[31mrisque", territory: "T", period: (start: "2025-01-01", end: "2030-12-31"),
  orientations: [Orientation(id: "1", title: "O", actions: [
    Action(id: "a|1", title: "ligne 1\nligne 2, \"citée\"", pilots: ["P|Q"]),
  ])])"#;
    fs::write(&plan, src.replace("ESC", "\u{1b}")).expect("write plan");
    let loaded = load::load(Lang::Fr, &plan).unwrap_or_else(|d| panic!("{d}"));
    let md = report::markdown(Lang::Fr, &loaded.state, Date::ymd(2026, 1, 1));
    assert!(!md.contains('\u{1b}'), "{md}");
    assert!(md.starts_with("# Tableau de bord — Plan \\| à \u{FFFD}\\[31mrisque\n"), "{md}");
    let row = md.lines().find(|l| l.starts_with("| a\\|1 |")).expect("action row");
    let bars = row.char_indices().filter(|&(i, c)| c == '|' && !row[..i].ends_with('\\')).count();
    assert_eq!(bars, 8, "seven cells: {row}");
    assert!(row.contains("ligne 1 ligne 2, \"citée\""), "{row}");
    let csv = report::csv(&loaded.state, Date::ymd(2026, 1, 1));
    let records = parse_csv(&csv);
    assert_eq!(records[1][1], "a|1");
    assert_eq!(records[1][3], "ligne 1\nligne 2, \"citée\"");
}

#[test]
fn cli_writes_the_csv_to_a_file_through_a_rename() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("tableau.csv");
    fs::write(&file, "ancien contenu").expect("old file");
    let out = copil(&["report", EXTRACT, "--format", "csv", "--at", "2018-09-30", "-o", path_str(&file)]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stdout.is_empty(), "nothing on standard output when writing a file");
    let written = fs::read(&file).expect("report file");
    let stdout = copil_ok(&["report", EXTRACT, "--format", "csv", "--at", "2018-09-30"]);
    assert_eq!(written, stdout);
    assert!(String::from_utf8(written).unwrap().starts_with("orientation,action,parent,title,status,late,"));
    let names: Vec<String> =
        fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    assert_eq!(names, ["tableau.csv"], "no temporary file is left behind");
}

#[test]
fn cli_refuses_a_bad_plan_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("tableau.md");
    let out = copil(&["report", "tests/fixtures/bad-syntax.ron", "-o", path_str(&file)]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad-syntax.ron:6:"), "the diagnostic names the line: {err}");
    assert!(out.stdout.is_empty());
    assert!(!file.exists(), "no report file");
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0, "nothing at all is written");

    let out = copil(&["report", "tests/fixtures/bad-syntax.ron", "--format", "csv"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
}

#[test]
fn cli_reports_an_unwritable_output() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("absent").join("tableau.md");
    let out = copil(&["report", EXTRACT, "--lang", "fr", "-o", path_str(&file)]);
    assert_eq!(out.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&out.stderr).contains("impossible d'écrire le rapport"));
}
