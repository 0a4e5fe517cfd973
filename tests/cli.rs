//! The real binary on the conformance files: `copil check` exit codes and error output, and a plan
//! that fails to load is never written to.

mod common;

use common::copil;
use copil::lang::Lang;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

fn conformance(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join("conformance").join(name)
}

/// Every `bad-*.ron` plan file of the conformance directory.
fn bad_files() -> Vec<PathBuf> {
    let dir = conformance("");
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .expect("list tests/conformance")
        .map(|e| e.expect("directory entry").path())
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            name.starts_with("bad-") && name.ends_with(".ron") && !name.ends_with(".journal.ron")
        })
        .collect();
    files.sort();
    assert!(files.len() >= 9, "bad files: {files:?}");
    files
}

fn check(path: &Path, lang: &str) -> (i32, String, String) {
    let out = copil(&["check", path.to_str().expect("UTF-8 path"), "--lang", lang]);
    (
        out.status.code().expect("copil exited normally"),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn expect_line(src: &str) -> Option<usize> {
    src.lines().find_map(|l| l.trim().strip_prefix("// expect-line:").map(|n| n.trim().parse().expect("a number")))
}

fn expect_error(src: &str) -> String {
    src.lines()
        .find_map(|l| l.trim().strip_prefix("// expect-error:").map(|t| t.trim().to_string()))
        .expect("an expect-error line")
}

/// Whether the text holds `PATH:LINE:COLUMN` with numbers.
fn has_location(text: &str, path: &Path) -> bool {
    let p = path.display().to_string();
    text.match_indices(&p).any(|(i, _)| {
        let rest = &text[i + p.len()..];
        let mut parts = rest.splitn(3, ':');
        let (Some(""), Some(line), Some(col)) = (parts.next(), parts.next(), parts.next()) else {
            return false;
        };
        let col: String = col.chars().take_while(char::is_ascii_digit).collect();
        !line.is_empty() && line.chars().all(|c| c.is_ascii_digit()) && !col.is_empty()
    })
}

/// Whether a line of the text is a caret marker: only spaces and `|` before a final `^`.
fn has_caret_line(text: &str) -> bool {
    text.lines().any(|l| {
        let l = l.trim_end();
        l.ends_with('^') && l[..l.len() - 1].chars().all(|c| c == ' ' || c == '|')
    })
}

#[test]
fn good_plans_exit_0() {
    for lang in ["fr", "en"] {
        for name in ["minimal.ron", "charente-extract.ron"] {
            let (code, out, err) = check(&conformance(name), lang);
            assert_eq!(code, 0, "check {name} --lang {lang}: stdout:\n{out}\nstderr:\n{err}");
            assert!(err.trim().is_empty(), "check {name} --lang {lang}: no warning expected:\n{err}");
            assert!(!out.trim().is_empty(), "check {name} --lang {lang} prints a summary");
        }
    }
}

#[test]
fn plans_with_warnings_exit_1() {
    for lang in ["fr", "en"] {
        for (name, line) in [("orphan-journal.ron", 2), ("torn-journal.ron", 3)] {
            let path = conformance(name);
            let (code, out, err) = check(&path, lang);
            assert_eq!(code, 1, "check {name} --lang {lang}: stdout:\n{out}\nstderr:\n{err}");
            let journal = copil::store::load::journal_path(&path);
            let at = format!("{}:{line}", journal.display());
            assert!(err.contains(&at), "check {name} --lang {lang}: the warning names {at}:\n{err}");
        }
    }
}

#[test]
fn bad_plans_exit_2_with_a_located_error() {
    for lang in ["fr", "en"] {
        for path in bad_files() {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let src = fs::read_to_string(&path).expect("read bad file");
            let (code, out, err) = check(&path, lang);
            assert_eq!(code, 2, "check {name} --lang {lang}: stdout:\n{out}\nstderr:\n{err}");
            let named =
                if name == "bad-journal-line.ron" { copil::store::load::journal_path(&path) } else { path.clone() };
            assert!(has_location(&err, &named), "check {name} --lang {lang}: stderr names file:line:column:\n{err}");
            assert!(has_caret_line(&err), "check {name} --lang {lang}: stderr marks the column with `^`:\n{err}");
            if let Some(n) = expect_line(&src) {
                let at = format!("{}:{n}:", path.display());
                assert!(err.contains(&at), "check {name} --lang {lang}: stderr names {at}:\n{err}");
            }
            if lang == "fr" {
                let text = expect_error(&src);
                assert!(err.contains(&text), "check {name} --lang fr: stderr contains {text:?}:\n{err}");
            }
        }
    }
}

/// The default language is French: without `--lang` and without a locale, errors are in French.
#[test]
fn errors_are_in_french_by_default_and_english_on_request() {
    let path = conformance("bad-unknown-field.ron");
    let out = copil(&["check", path.to_str().unwrap()]);
    let fr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(2));
    assert!(fr.contains("champ inconnu"), "{fr}");
    let (_, _, en) = check(&path, "en");
    assert!(en.contains("unknown field"), "{en}");
    assert!(en.contains("pilote"), "{en}");
    // English punctuation: no space before a colon (the heading and the field both had one).
    assert!(en.starts_with("error: ") && !en.contains(" : "), "{en}");
    assert!(fr.starts_with("erreur : "), "{fr}");
}

/// Bytes and modification time of a file, or `None` when it does not exist.
fn snapshot(path: &Path) -> Option<(Vec<u8>, SystemTime)> {
    let bytes = fs::read(path).ok()?;
    let mtime = fs::metadata(path).and_then(|m| m.modified()).expect("mtime");
    Some((bytes, mtime))
}

/// Copies a conformance plan and its journal (if any) into a directory, writable, with an old mtime.
fn copy_writable(name: &str, dir: &Path) -> (PathBuf, PathBuf) {
    let src = conformance(name);
    let plan = dir.join(name);
    let journal = copil::store::load::journal_path(&plan);
    let old = SystemTime::UNIX_EPOCH + Duration::from_secs(1_600_000_000);
    for (from, to) in [(src.clone(), plan.clone()), (copil::store::load::journal_path(&src), journal.clone())] {
        if from.exists() {
            fs::write(&to, fs::read(&from).expect("read conformance file")).expect("copy");
            let f = fs::OpenOptions::new().write(true).open(&to).expect("open copy");
            f.set_modified(old).expect("set mtime");
        }
    }
    (plan, journal)
}

#[test]
fn a_plan_that_fails_to_load_is_never_written() {
    for path in bad_files() {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let dir = tempfile::tempdir().expect("tempdir");
        let (plan, journal) = copy_writable(&name, dir.path());
        let before = (snapshot(&plan), snapshot(&journal));
        assert!(before.0.is_some());
        let p = plan.to_str().expect("UTF-8 path");
        let runs: [&[&str]; 6] = [
            &["check", p, "--lang", "fr"],
            &["check", p, "--lang", "en"],
            // Opening it refuses it before any interface starts.
            &[p, "--lang", "fr"],
            // The headless edits refuse it too.
            &["status", p, "1-1", "done", "--lang", "fr"],
            &["comment", p, "1-1", "un commentaire", "--lang", "fr"],
            &["measure", p, "1-1", "x", "3", "--lang", "fr"],
        ];
        for args in runs {
            let out = copil(args);
            let err = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(2), "copil {args:?} must refuse {name}:\n{err}");
            assert!(has_caret_line(&err), "copil {args:?}: the refusal comes from the loader:\n{err}");
            let after = (snapshot(&plan), snapshot(&journal));
            assert!(after == before, "copil {args:?} wrote to {name} or its journal");
        }
        let listed: Vec<_> = fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        let expected = usize::from(before.0.is_some()) + usize::from(before.1.is_some());
        assert_eq!(listed.len(), expected, "no file was created beside {name}: {listed:?}");
    }
}

/// The control for the test above: the same edit on a plan that loads does append to its journal.
#[test]
fn an_edit_on_a_plan_that_loads_appends_to_its_journal() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (plan, journal) = copy_writable("orphan-journal.ron", dir.path());
    let before = fs::read(&journal).expect("journal");
    let out = copil(&["comment", plan.to_str().unwrap(), "1-1", "un commentaire", "--lang", "fr"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let after = fs::read(&journal).expect("journal");
    assert!(after.len() > before.len() && after.starts_with(&before), "one line appended");
    let added = String::from_utf8(after[before.len()..].to_vec()).expect("UTF-8");
    assert_eq!(added.matches('\n').count(), 1, "{added:?}");
    assert!(copil::store::load::parse_event(Lang::Fr, added.trim_end()).is_ok(), "{added:?}");
    let src = conformance("orphan-journal.ron");
    assert_eq!(fs::read(&plan).unwrap(), fs::read(src).unwrap(), "the plan file is never written");
}

#[test]
fn location_helpers() {
    let p = Path::new("/tmp/x.ron");
    assert!(has_location("  --> /tmp/x.ron:12:3\n", p));
    assert!(!has_location("  --> /tmp/x.ron:12\n", p));
    assert!(has_caret_line("  |     ^\n"));
    assert!(!has_caret_line("12 | a^b\n"));
}

#[test]
fn search_prints_matching_actions_best_first_for_scripts() {
    let plan = Path::new(env!("CARGO_MANIFEST_DIR")).join("plans/bouches-du-rhone.ron");
    let plan = plan.to_str().unwrap();
    // Accents optional; id, status and title separated by tabs, best first.
    let out = copil(&["--lang", "fr", "search", plan, "numerique"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let stdout = String::from_utf8(out.stdout).unwrap();
    let first: Vec<&str> = stdout.lines().next().unwrap().split('\t').collect();
    assert_eq!(first, ["1-2", "Non démarrée", "Développer les outils numériques dans les points d'accueil"]);
    assert!(stdout.lines().count() > 3, "{stdout}");
    // Several words narrow it down; filters combine with them.
    let out = copil(&["search", plan, "PPNG", "statut:nondemarree"]);
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(stdout.lines().next().unwrap().split('\t').next(), Some("1-2-2"), "{stdout}");
    // Nothing found: exit 1, nothing printed. An unknown status: exit 2 with the reason.
    let out = copil(&["search", plan, "zzqxwv"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let out = copil(&["--lang", "fr", "search", plan, "statut:fini"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("statut inconnu « fini »"), "{out:?}");
}

#[test]
fn a_bad_settings_file_or_theme_is_refused_before_the_interface_starts() {
    let dir = tempfile::tempdir().unwrap();
    let plan = Path::new(env!("CARGO_MANIFEST_DIR")).join("plans").join("charente.ron");
    let plan = plan.to_str().unwrap();
    let config = dir.path().join("config.ron");
    fs::write(&config, "(\n  theme: \"high-contrast\",\n  colours: true,\n)\n").unwrap();
    let out = copil(&["--config", config.to_str().unwrap(), plan]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains(&format!("{}:3:", config.display())), "says where: {err}");
    fs::write(&config, "(theme: \"pink\")").unwrap();
    let out = copil(&["--config", config.to_str().unwrap(), plan]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("pink") && err.contains("monochrome"), "names the themes: {err}");
    let out = copil(&["--theme", "pink", plan]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("high-contrast"));
}
