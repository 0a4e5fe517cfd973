//! The conformance files of the plan format (`plan-format.md`): every `bad-*` file is refused with
//! the error text and line it announces, every other file loads, and the README's outcomes hold.
//!
//! The files are read from the project's own copy (`tests/conformance/`) and, when it is there,
//! from `../shared/conformance/` (CI has shared/ beside the checkout). Files are discovered by
//! listing the directory, so a new conformance file is covered without touching this test.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use copil::i18n::Lang;
use copil::plan::journal::Change;
use copil::plan::model::{Status, Value};
use copil::plan::state::{Outcome, WarningKind};
use copil::store::load::{self, Loaded};

fn local_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join("conformance")
}

fn shared_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join("shared").join("conformance")
}

/// Every plan file of a directory (`*.ron` but not `*.journal.ron`), sorted by name.
fn plan_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            name.ends_with(".ron") && !name.ends_with(".journal.ron")
        })
        .collect();
    files.sort();
    files
}

fn file_name(p: &Path) -> &str {
    p.file_name().and_then(|n| n.to_str()).expect("a UTF-8 file name")
}

/// What a `bad-*` file announces in its comments.
#[derive(Debug, Default)]
struct Expect {
    error: Option<String>,
    line: Option<usize>,
}

fn expectations(src: &str) -> Expect {
    let mut expect = Expect::default();
    for line in src.lines() {
        let line = line.trim();
        if let Some(text) = line.strip_prefix("// expect-error:") {
            expect.error = Some(text.trim().to_string());
        } else if let Some(n) = line.strip_prefix("// expect-line:") {
            expect.line = Some(n.trim().parse().unwrap_or_else(|_| panic!("bad expect-line: {line:?}")));
        }
    }
    expect
}

fn load_ok(path: &Path) -> Loaded {
    load::load(Lang::Fr, path).unwrap_or_else(|d| panic!("{} must load, got:\n{d}", path.display()))
}

/// Checks one conformance directory: every bad file refused as announced, every other file loads,
/// and the outcomes that the README names. Returns the number of plan files checked.
fn check_conformance_dir(dir: &Path) -> usize {
    let files = plan_files(dir);
    let names: Vec<&str> = files.iter().map(|p| file_name(p)).collect();
    for known in ["minimal.ron", "charente-extract.ron", "torn-journal.ron", "orphan-journal.ron"] {
        assert!(names.contains(&known), "{} lacks {known}: {names:?}", dir.display());
    }
    assert!(names.iter().any(|n| n.starts_with("bad-")), "{} has no bad-* file", dir.display());

    for path in &files {
        let name = file_name(path);
        let src = fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        if name.starts_with("bad-") {
            let expect = expectations(&src);
            let text = expect.error.unwrap_or_else(|| panic!("{name} has no `// expect-error:` line"));
            let d = match load::load(Lang::Fr, path) {
                Ok(_) => panic!("{name} must be refused, but it loaded"),
                Err(d) => d,
            };
            let shown = d.to_string();
            assert!(shown.contains(&text), "{name}: the error must contain {text:?}, got:\n{shown}");
            assert!(d.line >= 1, "{name}: the error must name a line, got:\n{shown}");
            assert!(shown.contains('^'), "{name}: the error must mark the column, got:\n{shown}");
            if let Some(n) = expect.line {
                assert_eq!(d.line, n, "{name}: the error must name line {n}, got:\n{shown}");
                let at = format!("{}:{n}:", d.file.display());
                assert!(shown.contains(&at), "{name}: the error must show {at:?}, got:\n{shown}");
                assert_eq!(d.file, *path, "{name}: the error must name the plan file");
            }
        } else {
            let loaded = load_ok(path);
            assert_eq!(loaded.plan_path, *path);
        }
    }

    check_minimal(dir);
    check_charente(dir);
    check_torn(dir);
    check_orphan(dir);
    check_bad_journal_line(dir);
    files.len()
}

fn check_minimal(dir: &Path) {
    let loaded = load_ok(&dir.join("minimal.ron"));
    assert!(loaded.state.entries.is_empty());
    assert!(loaded.state.all_warnings().is_empty());
    assert_eq!(loaded.state.plan.format, 1);
}

fn check_charente(dir: &Path) {
    let loaded = load_ok(&dir.join("charente-extract.ron"));
    let state = &loaded.state;
    assert!(state.all_warnings().is_empty(), "charente-extract: no warning expected: {:?}", state.all_warnings());
    assert_eq!(loaded.journal_lines, 15);

    // Spup01 has a measurement of 15 MSAP.
    let spup01 = state.plan.action("Spup01").expect("Spup01");
    let msap = spup01.indicators.iter().find(|i| i.id == "msap").expect("indicator msap");
    assert!(
        msap.measurements.iter().any(|p| p.value == Value::Number(15.0)),
        "Spup01/msap must have a measurement of 15: {:?}",
        msap.measurements
    );

    // Spup03 is still InProgress: line 14 (Abandoned) is undone by line 15.
    assert_eq!(state.plan.action("Spup03").expect("Spup03").status, Status::InProgress);
    let line14 = state.entry_by_line(14).expect("line 14");
    assert!(matches!(line14.event.change, Change::Status { to: Status::Abandoned, .. }));
    assert_eq!(line14.outcome, Outcome::Undone);
    let line15 = state.entry_by_line(15).expect("line 15");
    assert_eq!(line15.event.change, Change::Undo { line: 14 });
    assert_eq!(line15.outcome, Outcome::Applied);

    // Spup05 is InProgress.
    assert_eq!(state.plan.action("Spup05").expect("Spup05").status, Status::InProgress);

    // Task t1 is done.
    let t1 = state.tasks.iter().find(|t| t.id == "t1").expect("task t1");
    assert!(t1.done_line.is_some(), "task t1 must be done: {t1:?}");
    assert_eq!(t1.done_line, Some(11));

    // The COTECH of 2018-06-12 is closed, with 3 attendances and its five items.
    let m = state.meeting("2018-06-12-cotech").expect("meeting 2018-06-12-cotech");
    assert!(!m.is_open(), "the COTECH must be closed");
    assert_eq!(m.closed_line, Some(10));
    assert_eq!(m.body, "cotech");
    assert_eq!(m.attendance.len(), 3, "{:?}", m.attendance);
    let mut kinds: BTreeMap<&str, usize> = BTreeMap::new();
    for &i in &m.items {
        let kind = match state.entries[i].event.change {
            Change::Decision { .. } => "decision",
            Change::Task { .. } => "task",
            Change::Note { .. } => "note",
            Change::Status { .. } => "status",
            Change::Measure { .. } => "measure",
            ref other => panic!("unexpected item in the minutes: {other:?}"),
        };
        *kinds.entry(kind).or_default() += 1;
    }
    let want: BTreeMap<&str, usize> =
        [("decision", 1), ("task", 1), ("note", 1), ("status", 1), ("measure", 1)].into_iter().collect();
    assert_eq!(kinds, want, "items of the COTECH minutes");
    assert!(state.open_meeting().is_none());
}

fn check_torn(dir: &Path) {
    let loaded = load_ok(&dir.join("torn-journal.ron"));
    let state = &loaded.state;
    let warnings = state.all_warnings();
    assert!(
        warnings.iter().any(|w| w.kind == WarningKind::TornLastLine && w.line == 3),
        "torn-journal: a TornLastLine warning on line 3 expected: {warnings:?}"
    );
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert_eq!(loaded.journal_lines, 2, "the cut line is not counted as read");
    assert_eq!(state.plan.action("1-1").expect("1-1").status, Status::InProgress);
    let comments = state
        .history("1-1")
        .iter()
        .filter(|&&i| matches!(state.entries[i].event.change, Change::Comment { .. }))
        .count();
    assert_eq!(comments, 1, "torn-journal: one comment in the history of 1-1");
}

fn check_orphan(dir: &Path) {
    let loaded = load_ok(&dir.join("orphan-journal.ron"));
    let state = &loaded.state;
    let warnings = state.all_warnings();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert_eq!(warnings[0].line, 2, "the warning names journal line 2");
    assert_eq!(warnings[0].kind, WarningKind::UnknownAction("9-9".into()));
    assert_eq!(state.entry_by_line(2).expect("line 2").outcome, Outcome::Skipped);
    assert_eq!(state.plan.action("1-1").expect("1-1").status, Status::Done);
}

fn check_bad_journal_line(dir: &Path) {
    let path = dir.join("bad-journal-line.ron");
    if !path.exists() {
        return;
    }
    let d = load::load(Lang::Fr, &path).expect_err("bad-journal-line must be refused");
    assert_eq!(d.file, load::journal_path(&path), "the error names the journal");
    assert_eq!(d.line, 2, "the error names the journal's line 2");
    assert!(d.to_string().contains(&format!("{}:2:", d.file.display())), "{d}");
}

#[test]
fn local_copy_conforms() {
    let n = check_conformance_dir(&local_dir());
    assert!(n >= 13, "only {n} plan files in tests/conformance/");
}

/// The shared directory is checked when it is there (CI has it beside the checkout).
#[test]
fn shared_directory_conforms() {
    let dir = shared_dir();
    if !dir.is_dir() {
        return;
    }
    check_conformance_dir(&dir);
}

/// The local copy is byte for byte the shared one, when the shared one is there.
#[test]
fn local_copy_matches_shared() {
    let shared = shared_dir();
    if !shared.is_dir() {
        return;
    }
    let mut stale = Vec::new();
    for entry in fs::read_dir(&shared).expect("list shared conformance") {
        let path = entry.expect("directory entry").path();
        if !path.is_file() {
            continue;
        }
        let local = local_dir().join(path.file_name().expect("a file name"));
        if fs::read(&local).ok() != Some(fs::read(&path).expect("read shared file")) {
            stale.push(local.display().to_string());
        }
    }
    assert!(stale.is_empty(), "tests/conformance/ differs from ../shared/conformance/: {stale:?}");
}

/// The expectations parser reads what the files say.
#[test]
fn expectations_are_read_from_comments() {
    let e = expectations("// expect-error: 2025-02-30\n// expect-line: 9\nPlan()");
    assert_eq!(e.error.as_deref(), Some("2025-02-30"));
    assert_eq!(e.line, Some(9));
    let e = expectations("// expect-error: 1-1\nPlan()");
    assert_eq!(e.line, None);
}
