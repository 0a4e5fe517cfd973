//! Helpers shared by the integration tests: an app on a plan rendered into TestBackend, keys,
//! a fixture copied to a temporary directory, and the real binary run with a time limit.
//! Each test crate uses part of them.
#![allow(dead_code)]

pub mod tmux;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use copil::lang::Lang;
use copil::plan::model::Date;
use copil::store::load::{journal_path, load};
use copil::tui::app::App;
use copil::tui::keymap::Keymap;
use copil::tui::view::theme::Theme;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// The date every test screen is drawn on.
pub fn today() -> Date {
    Date::ymd(2026, 11, 23)
}

/// copil on a plan, in French, with the built-in keys, on `today()`.
pub fn app_at(path: impl AsRef<Path>, theme: Theme) -> App {
    app_in(path, theme, Lang::Fr)
}

/// copil on a plan in a language, with the built-in keys, on `today()`.
pub fn app_in(path: impl AsRef<Path>, theme: Theme, lang: Lang) -> App {
    let loaded = load(lang, path.as_ref()).unwrap_or_else(|d| panic!("{d}"));
    copil::wording::set_display_offset(Some(3600)); // times as in Paris in winter, whatever the machine's zone
    App::new(loaded, Keymap::builtin(), theme, today(), lang)
}

pub fn render(app: &mut App, w: u16, h: u16) -> Terminal<TestBackend> {
    app.resize(w, h);
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| app.draw(f)).unwrap();
    term
}

/// The characters of a rendered screen, one line per row.
pub fn text(term: &Terminal<TestBackend>) -> String {
    let buf = term.backend().buffer();
    let mut out = String::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            out.push_str(buf[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

pub fn screen(app: &mut App, w: u16, h: u16) -> String {
    text(&render(app, w, h))
}

pub fn key(app: &mut App, code: KeyCode) {
    app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
}

pub fn keys(app: &mut App, codes: &[KeyCode]) {
    for c in codes {
        key(app, *c);
    }
}

/// Types characters one key at a time (in the plan screen, each is a command).
pub fn typed(app: &mut App, s: &str) {
    for c in s.chars() {
        key(app, KeyCode::Char(c));
    }
}

/// The Charente extract (plan and journal) copied to `dir` as plan.ron, to write to.
pub fn copy_fixture(dir: &Path) -> PathBuf {
    let to = dir.join("plan.ron");
    std::fs::copy("tests/fixtures/charente-extract.ron", &to).unwrap();
    std::fs::copy("tests/fixtures/charente-extract.journal.ron", journal_path(&to)).unwrap();
    to
}

pub fn journal_lines(plan: &Path) -> Vec<String> {
    std::fs::read_to_string(journal_path(plan)).unwrap().lines().map(str::to_string).collect()
}

/// Runs the real copil with the arguments, without a locale; stdin closed, killed after 30 s.
pub fn copil(args: &[&str]) -> Output {
    copil_env(args, &[])
}

/// Like [`copil`], with these environment variables set. `NO_COLOR` and `TERM` are removed
/// first (they ask for plain output), so that only `env` decides.
pub fn copil_env(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_copil"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .env_remove("LANGUAGE")
        .env_remove("NO_COLOR")
        .env_remove("TERM")
        .envs(env.iter().copied())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run copil");
    let start = Instant::now();
    loop {
        if child.try_wait().expect("wait for copil").is_some() {
            return child.wait_with_output().expect("copil output");
        }
        if start.elapsed() > Duration::from_secs(30) {
            let _ = child.kill();
            let out = child.wait_with_output().expect("copil output");
            panic!("copil {args:?} did not finish in 30 s; stderr:\n{}", String::from_utf8_lossy(&out.stderr));
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// Compares with `tests/golden/NAME` byte for byte (or writes it, with UPDATE_GOLDEN=1).
pub fn golden(name: &str, actual: &[u8]) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join("golden").join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some_and(|v| !v.is_empty()) {
        std::fs::create_dir_all(path.parent().expect("golden dir")).expect("create tests/golden");
        std::fs::write(&path, actual).expect("write golden");
        return;
    }
    let expected = std::fs::read(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (write it with UPDATE_GOLDEN=1 and check it)", path.display()));
    if expected != actual {
        let (e, a) = (String::from_utf8_lossy(&expected), String::from_utf8_lossy(actual));
        let line = e.split_inclusive('\n').zip(a.split_inclusive('\n')).position(|(x, y)| x != y);
        let shown = match line {
            Some(i) => format!(
                "first difference on line {}:\n  expected: {:?}\n  actual:   {:?}",
                i + 1,
                e.split_inclusive('\n').nth(i).unwrap_or(""),
                a.split_inclusive('\n').nth(i).unwrap_or("")
            ),
            None => format!("lengths differ: expected {} bytes, got {}", expected.len(), actual.len()),
        };
        panic!("{} differs from what was produced; {shown}", path.display());
    }
}

/// The part of a Markdown document from the heading that starts with `start` to the next heading
/// of the same or a higher level.
pub fn section<'a>(doc: &'a str, start: &str) -> &'a str {
    let level = start.chars().take_while(|&c| c == '#').count();
    let from = doc.find(&format!("\n{start}")).unwrap_or_else(|| panic!("no `{start}` in\n{doc}")) + 1;
    let rest = &doc[from..];
    let end = rest[1..]
        .match_indices('\n')
        .map(|(i, _)| i + 2)
        .find(|&i| {
            let hashes = rest[i..].chars().take_while(|&c| c == '#').count();
            hashes > 0 && hashes <= level && rest[i + hashes..].starts_with(' ')
        })
        .unwrap_or(rest.len());
    &rest[..end]
}

/// The same journal lines applied one by one (as the watcher does) and in one batch (as the load
/// does): the two states, to compare.
pub fn applied_both_ways(
    plan: &copil::plan::model::Plan,
    events: &[copil::plan::journal::Event],
) -> (copil::plan::state::PlanState, copil::plan::state::PlanState) {
    use copil::plan::state::PlanState;
    let mut one_by_one = PlanState::new(plan.clone());
    for (i, e) in events.iter().enumerate() {
        one_by_one.apply(i + 1, e.clone());
    }
    let mut batch = PlanState::new(plan.clone());
    batch.apply_batch(|s| {
        for (i, e) in events.iter().enumerate() {
            s.apply(i + 1, e.clone());
        }
    });
    (one_by_one, batch)
}
