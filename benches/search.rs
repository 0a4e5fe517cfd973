//! Search speed at 1,000 / 10,000 / 50,000 actions beside fzf, in one run on the same texts
//! (`cargo bench --bench search`; fzf must be on the PATH for the comparison):
//!
//! - index build: `SearchIndex::new` on the plan (median of a few builds);
//! - per keystroke, library: "accompagnement numerique" typed one character at a time, each
//!   prefix parsed and searched over the whole plan; beside it `fzf --filter PREFIX` over one
//!   line per action (id, title and the other searched texts), one process per prefix;
//! - per keystroke, interface: the same keys sent to the application (the search runs) and the
//!   screen drawn into a 100x30 TestBackend, once the index is ready;
//! - `copil search`: the real binary (load the plan and its journal, build the index, search,
//!   print) on 10 queries, beside `fzf --filter` on the same queries and texts. Targets: within
//!   2x of fzf at 10,000 actions, 3x at 50,000.

mod common;

use std::hint::black_box;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::largest_real_plan;
use copil::lang::Lang;
use copil::plan::model::{Date, Plan};
use copil::search::{SearchIndex, parse_query};
use copil::store::load::load;
use copil::tui::app::App;
use copil::tui::keymap::Keymap;
use copil::tui::view::theme::Theme;
use criterion::Criterion;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const QUERY: &str = "accompagnement numerique";

/// The `copil search` queries (median over them).
const CLI_QUERIES: [&str; 10] = [
    "accompagnement numerique",
    "mediation",
    "sante",
    "caf",
    "maison de sante",
    "reseau proximite",
    "jeunesse emploi",
    "guichet",
    "territoire rural",
    "edition",
];

struct Corpus {
    name: String,
    /// The plan file (generated ones are written with a journal), loaded as copil does.
    path: PathBuf,
    plan: Plan,
    index: SearchIndex,
    build: Duration,
    /// Per-keystroke target of the interface (ms).
    target_ms: f64,
    /// `copil search` target: at most this many times fzf's time (none for the real plan).
    cli_factor: Option<f64>,
    /// One line per action for fzf: id, title, then the other searched fields.
    lines: PathBuf,
}

fn today() -> Date {
    Date::ymd(2026, 11, 23)
}

fn prefixes() -> Vec<String> {
    let chars: Vec<char> = QUERY.chars().collect();
    (1..=chars.len()).map(|n| chars[..n].iter().collect()).collect()
}

fn median(samples: &mut [Duration]) -> Duration {
    percentile(samples, 0.5)
}

fn corpus(name: String, path: PathBuf, target_ms: f64, cli_factor: Option<f64>) -> Corpus {
    let plan = load(Lang::Fr, &path).unwrap_or_else(|d| panic!("{d}")).state.plan;
    let builds = if plan.walk().count() > 20_000 { 3 } else { 7 };
    let mut times: Vec<Duration> = (0..builds)
        .map(|_| {
            let t = Instant::now();
            black_box(SearchIndex::new(&plan));
            t.elapsed()
        })
        .collect();
    let build = median(&mut times);
    let index = SearchIndex::new(&plan);
    let dir = Path::new("target/bench-plans");
    std::fs::create_dir_all(dir).unwrap();
    let file: String = name.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '-' }).collect();
    let lines = dir.join(format!("search-{file}.txt"));
    let mut text = String::new();
    for (_, a, _) in plan.walk() {
        let mut fields: Vec<&str> = vec![&a.id, &a.title];
        fields.extend(a.description.as_deref());
        fields.extend(a.pilots.iter().chain(&a.partners).map(|p| plan.person_name(p)));
        fields.extend(a.tags.iter().map(String::as_str));
        fields.extend(a.sections.iter().map(|s| s.text.as_str()));
        fields.extend(a.indicators.iter().map(|i| i.name.as_str()));
        let line = fields.join(" | ").replace(['\n', '\r'], " ");
        text.push_str(&line);
        text.push('\n');
    }
    std::fs::write(&lines, text).unwrap();
    Corpus { name, path, plan, index, build, target_ms, cli_factor, lines }
}

/// A generated plan of `n` actions with a journal of `n` lines, written once into target/.
fn generated(n: usize) -> PathBuf {
    let dir = Path::new("target/bench-plans");
    let name = format!("search-{n}");
    let path = dir.join(format!("{name}.ron"));
    if !path.exists() {
        std::fs::create_dir_all(dir).unwrap();
        copil::generate::write(dir, &name, n, n).unwrap();
    }
    path
}

fn corpora() -> Vec<Corpus> {
    let real = largest_real_plan();
    let real_name = real.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    vec![
        corpus(format!("real: {real_name}"), real, 5.0, None),
        corpus("generated 1,000 actions".into(), generated(1_000), 10.0, None),
        corpus("generated 10,000 actions".into(), generated(10_000), 30.0, Some(2.0)),
        corpus("generated 50,000 actions".into(), generated(50_000), 100.0, Some(3.0)),
    ]
}

/// One keystroke: the whole line parsed and searched again.
fn keystroke(c: &Corpus, line: &str) -> usize {
    let q = parse_query(line);
    black_box(c.index.search(&c.plan, &q, today())).len()
}

fn benches(c: &mut Criterion, corpora: &[Corpus]) {
    let prefixes = prefixes();
    for corpus in corpora.iter().filter(|c| c.index.len() <= 10_000) {
        let mut i = 0;
        c.bench_function(&format!("search_keystroke/{}", corpus.name), |b| {
            b.iter(|| {
                i = (i + 1) % prefixes.len();
                keystroke(corpus, &prefixes[i])
            })
        });
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn percentile(samples: &mut [Duration], p: f64) -> Duration {
    samples.sort();
    let i = ((samples.len() as f64 - 1.0) * p).round() as usize;
    samples[i]
}

/// Per prefix: (samples of copil, hits).
fn time_copil(c: &Corpus, reps: usize) -> Vec<(Vec<Duration>, usize)> {
    prefixes()
        .iter()
        .map(|p| {
            keystroke(c, p); // warm-up
            let mut hits = 0;
            let samples = (0..reps)
                .map(|_| {
                    let t = Instant::now();
                    hits = keystroke(c, p);
                    t.elapsed()
                })
                .collect();
            (samples, hits)
        })
        .collect()
}

/// The interface: `/` (the key and its frame: the index starts building, on another thread for
/// a large plan), then the query typed key by key, each key handled (the search runs) and the
/// screen drawn. Returns the times of `/` and of each key plus its frame, over `reps` runs.
fn time_tui(c: &Corpus, reps: usize) -> (Vec<Duration>, Vec<Duration>) {
    let press = |app: &mut App, code: KeyCode| app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
    let mut out = Vec::new();
    let mut open = Vec::new();
    for _ in 0..reps {
        let loaded = load(Lang::Fr, &c.path).unwrap_or_else(|d| panic!("{d}"));
        let mut app = App::new(loaded, Keymap::builtin(), Theme::default16(), today(), Lang::Fr);
        app.resize(100, 30);
        let mut term = Terminal::new(TestBackend::new(100, 30)).unwrap();
        let t = Instant::now();
        press(&mut app, KeyCode::Char('/'));
        term.draw(|f| app.draw(f)).unwrap();
        open.push(t.elapsed());
        while app.indexing() {
            std::thread::sleep(Duration::from_millis(5));
            app.tick();
        }
        app.tick();
        for ch in QUERY.chars() {
            let t = Instant::now();
            press(&mut app, KeyCode::Char(ch));
            term.draw(|f| app.draw(f)).unwrap();
            out.push(t.elapsed());
        }
        press(&mut app, KeyCode::Esc);
    }
    (open, out)
}

fn fzf_available() -> bool {
    Command::new("fzf").arg("--version").stdout(Stdio::null()).stderr(Stdio::null()).status().is_ok_and(|s| s.success())
}

/// `fzf --filter QUERY < lines`, process start to exit: (time, lines printed).
fn fzf_once(lines: &Path, query: &str) -> (Duration, usize) {
    let input = std::fs::File::open(lines).unwrap();
    let t = Instant::now();
    let mut child = Command::new("fzf")
        .args(["--filter", query])
        .stdin(Stdio::from(input))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("fzf runs");
    let mut out = String::new();
    child.stdout.take().unwrap().read_to_string(&mut out).unwrap();
    child.wait().unwrap();
    (t.elapsed(), out.lines().count())
}

/// `copil search PLAN QUERY`, process start to exit: (time, lines printed).
fn copil_once(plan: &Path, query: &str) -> (Duration, usize) {
    let t = Instant::now();
    let out = Command::new(env!("CARGO_BIN_EXE_copil"))
        .arg("search")
        .arg(plan)
        .args(query.split(' '))
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .expect("copil runs");
    (t.elapsed(), out.stdout.split(|&b| b == b'\n').filter(|l| !l.is_empty()).count())
}

/// Per prefix: (samples of `fzf --filter PREFIX < lines`, lines printed).
fn time_fzf(c: &Corpus, reps: usize) -> Vec<(Vec<Duration>, usize)> {
    prefixes()
        .iter()
        .map(|p| {
            let mut hits = 0;
            let samples = (0..reps)
                .map(|_| {
                    let (d, h) = fzf_once(&c.lines, p);
                    hits = h;
                    d
                })
                .collect();
            (samples, hits)
        })
        .collect()
}

fn table(corpora: &[Corpus]) {
    let fzf = fzf_available();
    println!();
    println!("Search per keystroke: \"{QUERY}\" typed one character at a time ({} prefixes)", prefixes().len());
    if !fzf {
        println!("note: fzf is not installed (apt-get install -y fzf): the comparison is skipped");
    }
    println!(
        "{:<34} {:>8} {:>10} {:>10} {:>11} {:>10} {:>10} {:>10} {:>8} {:>10} {:>9}",
        "corpus",
        "actions",
        "build",
        "tui `/`",
        "lib med",
        "lib p95",
        "tui med",
        "tui p95",
        "target",
        "fzf med",
        "fzf/lib"
    );
    let mut details = Vec::new();
    for c in corpora {
        let n = c.index.len();
        let reps = if n > 20_000 {
            5
        } else if n > 1000 {
            15
        } else {
            200
        };
        let copil = time_copil(c, reps);
        let mut all: Vec<Duration> = copil.iter().flat_map(|(s, _)| s.iter().copied()).collect();
        let med = percentile(&mut all, 0.5);
        let p95 = percentile(&mut all, 0.95);
        let (mut open, mut tui) = time_tui(c, if n > 20_000 { 2 } else { 5 });
        let (tui_med, tui_p95) = (percentile(&mut tui, 0.5), percentile(&mut tui, 0.95));
        let fz = fzf.then(|| {
            time_fzf(
                c,
                if n > 20_000 {
                    1
                } else if n > 1000 {
                    3
                } else {
                    10
                },
            )
        });
        let fzf_med = fz.as_ref().map(|f| {
            let mut all: Vec<Duration> = f.iter().flat_map(|(s, _)| s.iter().copied()).collect();
            percentile(&mut all, 0.5)
        });
        let verdict = if ms(tui_p95) <= c.target_ms { "ok" } else { "MISSED" };
        println!(
            "{:<34} {:>8} {:>7.1} ms {:>7.1} ms {:>8.3} ms {:>7.3} ms {:>7.2} ms {:>7.2} ms {:>5} ms {:>10} {:>9}  {verdict}",
            c.name,
            n,
            ms(c.build),
            ms(median(&mut open)),
            ms(med),
            ms(p95),
            ms(tui_med),
            ms(tui_p95),
            c.target_ms,
            fzf_med.map(|d| format!("{:.2} ms", ms(d))).unwrap_or_else(|| "-".into()),
            fzf_med.map(|d| format!("{:.1}×", ms(d) / ms(med))).unwrap_or_else(|| "-".into()),
        );
        details.push((c.name.clone(), copil, fz));
    }
    println!("(build: SearchIndex::new, median; lib: parse + search of the whole line, one thread;");
    println!(" tui `/`: the key that opens the search and its frame, median; tui: each typed key handled and the");
    println!(" 100x30 screen drawn; fzf: `fzf --filter PREFIX < lines`, process start to exit)");
    if fzf {
        println!();
        println!(
            "`copil search PLAN QUERY` (load plan + journal, build the index, search, print) beside `fzf --filter`"
        );
        println!("on the same texts, {} queries, median of each", CLI_QUERIES.len());
        println!(
            "{:<34} {:>8} {:>13} {:>11} {:>8} {:>8}",
            "corpus", "actions", "copil search", "fzf", "ratio", "target"
        );
        for c in corpora.iter().filter(|c| c.cli_factor.is_some()) {
            let reps = if c.index.len() > 20_000 { 2 } else { 3 };
            let mut copil_t = Vec::new();
            let mut fzf_t = Vec::new();
            for q in CLI_QUERIES {
                let mut a: Vec<Duration> = (0..reps).map(|_| copil_once(&c.path, q).0).collect();
                let mut b: Vec<Duration> = (0..reps).map(|_| fzf_once(&c.lines, q).0).collect();
                copil_t.push(median(&mut a));
                fzf_t.push(median(&mut b));
            }
            let (cm, fm) = (median(&mut copil_t), median(&mut fzf_t));
            let ratio = ms(cm) / ms(fm);
            let target = c.cli_factor.unwrap_or(f64::INFINITY);
            println!(
                "{:<34} {:>8} {:>10.1} ms {:>8.1} ms {:>7.2}× {:>7}×  {}",
                c.name,
                c.index.len(),
                ms(cm),
                ms(fm),
                ratio,
                target,
                if ratio <= target { "ok" } else { "MISSED" }
            );
        }
        let mut idle: Vec<Duration> = (0..10)
            .map(|_| {
                let t = Instant::now();
                let status = Command::new("fzf")
                    .args(["--filter", "a"])
                    .stdin(Stdio::null())
                    .stdout(Stdio::null())
                    .status()
                    .expect("fzf runs");
                black_box(status);
                t.elapsed()
            })
            .collect();
        println!(" fzf on an empty input (start-up alone): {:.2} ms", ms(percentile(&mut idle, 0.5)));
    }
    for (name, copil, fz) in details {
        println!();
        println!("{name}: per prefix");
        println!("{:<26} {:>11} {:>7} {:>11} {:>7}", "prefix", "copil med", "hits", "fzf med", "hits");
        for (i, p) in prefixes().iter().enumerate() {
            let mut s = copil[i].0.clone();
            let (f, fh) = match &fz {
                Some(f) => {
                    let mut fs = f[i].0.clone();
                    (format!("{:.2} ms", ms(percentile(&mut fs, 0.5))), f[i].1.to_string())
                }
                None => ("-".into(), "-".into()),
            };
            println!(
                "{:<26} {:>8.3} ms {:>7} {:>11} {:>7}",
                format!("\"{p}\""),
                ms(percentile(&mut s, 0.5)),
                copil[i].1,
                f,
                fh
            );
        }
    }
}

fn main() {
    let bench = std::env::args().any(|a| a == "--bench");
    // `COPIL_SEARCH_PROFILE=N`: only type the query over N generated actions, 20 times (to run
    // under a profiler).
    if let Some(n) = std::env::var("COPIL_SEARCH_PROFILE").ok().and_then(|n| n.parse().ok()) {
        let c = corpus(format!("generated {n}"), generated(n), 0.0, None);
        let t = Instant::now();
        for _ in 0..20 {
            for p in prefixes() {
                keystroke(&c, &p);
            }
        }
        println!("{:.2} ms per keystroke", ms(t.elapsed()) / (20.0 * prefixes().len() as f64));
        return;
    }
    // When tests run the benches once, a small corpus is enough.
    if !bench {
        let c = corpus("generated 1,000 actions".into(), generated(1_000), 10.0, None);
        for p in prefixes() {
            keystroke(&c, &p);
        }
        return;
    }
    let corpora = corpora();
    let mut c = Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .configure_from_args();
    benches(&mut c, &corpora);
    c.final_summary();
    table(&corpora);
}
