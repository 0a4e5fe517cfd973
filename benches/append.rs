//! Saving a change and seeing others' changes, on the real disk (a folder under target/, never a
//! tmpfs): one append (lock + write + fsync), a watcher poll when nothing changed, and the time
//! from another thread's append to a busy-polling watcher having applied the line.
//!
//! `cargo bench --bench append` prints p50/p95 from its own samples first (criterion gives means
//! and medians), then runs the criterion benchmarks. `COPIL_BENCH_DIR` overrides the folder.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use copil::lang::Lang;
use copil::plan::journal::{Change, Event};
use copil::plan::model::Timestamp;
use copil::plan::state::PlanState;
use copil::store::append::append;
use copil::store::load::{journal_path, load};
use copil::store::watch::Watcher;
use criterion::Criterion;

const LOCK_TIMEOUT: Duration = Duration::from_secs(10);

/// A fresh generated plan (60 actions, no journal) in the benchmark folder.
fn fresh_plan(name: &str) -> (PathBuf, String) {
    let dir = std::env::var_os("COPIL_BENCH_DIR").map(PathBuf::from).unwrap_or_else(|| "target/bench-append".into());
    std::fs::create_dir_all(&dir).unwrap();
    let path = copil::generate::write(&dir, name, 60, 0).unwrap();
    let _ = std::fs::remove_file(journal_path(&path));
    let action = load(Lang::Fr, &path).unwrap().state.plan.walk().next().map(|(_, a, _)| a.id.clone()).unwrap();
    (path, action)
}

/// A typical line: a comment with a short note (about 250 bytes).
fn event(action: &str, i: usize) -> Event {
    Event {
        at: Timestamp::now(),
        by: "bench".into(),
        change: Change::Comment { action: action.into(), text: format!("Point d'étape n° {i} : convention signée") },
        note: Some("Relevé transmis par la cellule technique".into()),
        meeting: None,
        prev: None,
    }
}

/// One append's duration, `n` times.
fn append_samples(n: usize) -> Vec<Duration> {
    let (plan, action) = fresh_plan("append");
    let journal = journal_path(&plan);
    (0..n)
        .map(|i| {
            let e = event(&action, i);
            let t = Instant::now();
            append(Lang::Fr, &journal, &e, LOCK_TIMEOUT).unwrap();
            t.elapsed()
        })
        .collect()
}

/// A watcher polling in a loop with no sleep while another thread appends, `n` times: the time
/// from the start of the other thread's `append` call to the line applied here.
fn seen_samples(n: usize) -> Vec<Duration> {
    let (plan, action) = fresh_plan("watch");
    let journal = journal_path(&plan);
    let loaded = load(Lang::Fr, &plan).unwrap();
    let mut watcher = Watcher::new(&loaded);
    let mut state: PlanState = loaded.state;
    let (go_tx, go_rx) = mpsc::channel::<usize>();
    let (start_tx, start_rx) = mpsc::channel::<Instant>();
    let (done_tx, done_rx) = mpsc::channel::<()>();
    let writer = std::thread::spawn(move || {
        for i in go_rx {
            let e = event(&action, i);
            start_tx.send(Instant::now()).unwrap();
            append(Lang::Fr, &journal, &e, LOCK_TIMEOUT).unwrap();
            done_tx.send(()).unwrap();
        }
    });
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        go_tx.send(i).unwrap();
        let seen = loop {
            let new = watcher.poll(Lang::Fr, &mut state).unwrap();
            if !new.is_empty() {
                assert_eq!(new.len(), 1);
                break Instant::now();
            }
        };
        let started = start_rx.recv().unwrap();
        out.push(seen - started);
        done_rx.recv().unwrap();
    }
    drop(go_tx);
    writer.join().unwrap();
    assert_eq!(state.entries.len(), n);
    out
}

/// One poll of an unchanged journal, `n` times.
fn idle_poll_samples(n: usize) -> Vec<Duration> {
    let (plan, action) = fresh_plan("idle");
    let journal = journal_path(&plan);
    for i in 0..100 {
        append(Lang::Fr, &journal, &event(&action, i), LOCK_TIMEOUT).unwrap();
    }
    let loaded = load(Lang::Fr, &plan).unwrap();
    let mut watcher = Watcher::new(&loaded);
    let mut state = loaded.state;
    (0..n)
        .map(|_| {
            let t = Instant::now();
            black_box(watcher.poll(Lang::Fr, &mut state).unwrap());
            t.elapsed()
        })
        .collect()
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn report(what: &str, mut samples: Vec<Duration>) {
    samples.sort();
    let mean = samples.iter().sum::<Duration>() / samples.len() as u32;
    println!(
        "{what:<52} n={:<5} p50 {:>10.1?}  p95 {:>10.1?}  p99 {:>10.1?}  max {:>10.1?}  mean {:>10.1?}",
        samples.len(),
        percentile(&samples, 0.50),
        percentile(&samples, 0.95),
        percentile(&samples, 0.99),
        samples[samples.len() - 1],
        mean,
    );
}

/// The file system type holding a folder, from /proc/self/mountinfo (Linux), to show it is a disk.
fn file_system(dir: &Path) -> String {
    let Ok(dir) = std::fs::canonicalize(dir) else { return "?".into() };
    let info = std::fs::read_to_string("/proc/self/mountinfo").unwrap_or_default();
    let mut best = (0, "?".to_string());
    for line in info.lines() {
        let f: Vec<&str> = line.split(' ').collect();
        let Some(sep) = f.iter().position(|&x| x == "-") else { continue };
        let (Some(point), Some(fs), Some(src)) = (f.get(4), f.get(sep + 1), f.get(sep + 2)) else { continue };
        let depth = Path::new(point).components().count();
        if dir.starts_with(point) && depth >= best.0 {
            best = (depth, format!("{fs} on {src}"));
        }
    }
    best.1
}

fn percentiles(bench_mode: bool) {
    let n = if bench_mode { 1000 } else { 5 };
    let (plan, _) = fresh_plan("probe");
    let dir = plan.parent().unwrap().to_path_buf();
    println!("-- append.rs percentiles, folder {} ({})", dir.display(), file_system(&dir));
    report("append (lock + write + fsync)", append_samples(n));
    report("append in another thread -> watcher applied", seen_samples(n / 2));
    report("watcher poll, journal unchanged", idle_poll_samples(n * 10));
    println!("--");
}

fn benches(c: &mut Criterion) {
    let (plan, action) = fresh_plan("criterion");
    let journal = journal_path(&plan);
    let mut i = 0;
    c.bench_function("append/lock_write_fsync", |b| {
        b.iter(|| {
            i += 1;
            append(Lang::Fr, &journal, &event(&action, i), LOCK_TIMEOUT).unwrap()
        })
    });
    let loaded = load(Lang::Fr, &plan).unwrap();
    let mut watcher = Watcher::new(&loaded);
    let mut state = loaded.state;
    c.bench_function("watch/poll_unchanged", |b| b.iter(|| black_box(watcher.poll(Lang::Fr, &mut state).unwrap())));
    c.bench_function("watch/append_in_thread_to_applied", |b| {
        b.iter_custom(|iters| seen_samples(iters as usize).into_iter().sum())
    });
}

fn main() {
    let bench_mode = std::env::args().any(|a| a == "--bench");
    percentiles(bench_mode);
    let mut c = Criterion::default().sample_size(20).measurement_time(Duration::from_secs(3)).configure_from_args();
    benches(&mut c);
    c.final_summary();
}
