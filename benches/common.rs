//! Shared set-up for the benchmarks: the plans measured, and a writer that counts bytes.

#![allow(dead_code)]

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use copil::lang::Lang;
use copil::plan::model::Date;
use copil::store::load::load;
use copil::tui::app::App;
use copil::tui::keymap::Keymap;
use copil::tui::view::theme::Theme;

/// The largest real plan bundled in plans/ (by file size).
pub fn largest_real_plan() -> PathBuf {
    let mut plans: Vec<(u64, PathBuf)> = std::fs::read_dir("plans")
        .expect("run from the crate root")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron") && !p.to_string_lossy().ends_with(".journal.ron"))
        .map(|p| (std::fs::metadata(&p).map(|m| m.len()).unwrap_or(0), p))
        .collect();
    plans.sort();
    plans.pop().map(|(_, p)| p).unwrap_or_else(|| PathBuf::from("tests/fixtures/charente-extract.ron"))
}

/// A generated plan of 5,000 actions with a 50,000-line journal, written once into target/.
pub fn generated_plan() -> PathBuf {
    let dir = Path::new("target/bench-plans");
    let path = dir.join("generated-5000.ron");
    if !path.exists() {
        std::fs::create_dir_all(dir).unwrap();
        copil::generate::write(dir, "generated-5000", 5000, 50_000).unwrap();
    }
    path
}

pub fn app(path: &Path) -> App {
    let loaded = load(Lang::Fr, path).unwrap_or_else(|d| panic!("{d}"));
    App::new(loaded, Keymap::builtin(), Theme::default16(), Date::ymd(2026, 11, 23), Lang::Fr)
}

/// Counts what the crossterm backend writes, as a terminal would receive it. Clones share the count.
#[derive(Clone, Default)]
pub struct Counting {
    pub bytes: std::sync::Arc<std::sync::atomic::AtomicUsize>,
}

impl Counting {
    pub fn get(&self) -> usize {
        self.bytes.load(std::sync::atomic::Ordering::Relaxed)
    }
}

impl Write for Counting {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.bytes.fetch_add(buf.len(), std::sync::atomic::Ordering::Relaxed);
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}
