//! Search time per keystroke: the query "accompagnement numerique" typed one character at a time,
//! each prefix parsed and searched as the search box would, on the largest real plan (plans/,
//! else the Charente extract) and on 10,000 generated actions. Targets: under 5 ms and under
//! 30 ms per keystroke. The same prefixes are then run through `fzf --filter` on the same texts
//! (one line per action), and a table compares the two. `cargo bench --bench search`

mod common;

use std::hint::black_box;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::largest_real_plan;
use copil::plan::model::{Date, Plan};
use copil::search::{SearchIndex, parse_query};
use copil::store::load::load;
use criterion::Criterion;

const QUERY: &str = "accompagnement numerique";

struct Corpus {
    name: String,
    plan: Plan,
    index: SearchIndex,
    build: Duration,
    target_ms: f64,
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

fn corpus(name: String, plan: Plan, target_ms: f64) -> Corpus {
    let t = Instant::now();
    let index = SearchIndex::new(&plan);
    let build = t.elapsed();
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
    Corpus { name, plan, index, build, target_ms, lines }
}

fn corpora() -> Vec<Corpus> {
    let real = largest_real_plan();
    let loaded = load(&real).unwrap_or_else(|d| panic!("{d}"));
    let real_name = real.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    vec![
        corpus(format!("real: {real_name}"), loaded.state.plan, 5.0),
        corpus("generated 10,000 actions".into(), copil::generate::plan(10_000, 42), 30.0),
    ]
}

/// One keystroke: the whole line parsed and searched again.
fn keystroke(c: &Corpus, line: &str) -> usize {
    let q = parse_query(line);
    black_box(c.index.search(&c.plan, &q, today())).len()
}

fn benches(c: &mut Criterion, corpora: &[Corpus]) {
    let prefixes = prefixes();
    for corpus in corpora {
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

fn fzf_available() -> bool {
    Command::new("fzf").arg("--version").stdout(Stdio::null()).stderr(Stdio::null()).status().is_ok_and(|s| s.success())
}

/// Per prefix: (samples of `fzf --filter PREFIX < lines`, process start to exit, lines printed).
fn time_fzf(c: &Corpus, reps: usize) -> Vec<(Vec<Duration>, usize)> {
    prefixes()
        .iter()
        .map(|p| {
            let mut hits = 0;
            let samples = (0..reps)
                .map(|_| {
                    let input = std::fs::File::open(&c.lines).unwrap();
                    let t = Instant::now();
                    let mut child = Command::new("fzf")
                        .args(["--filter", p])
                        .stdin(Stdio::from(input))
                        .stdout(Stdio::piped())
                        .stderr(Stdio::null())
                        .spawn()
                        .expect("fzf runs");
                    let mut out = String::new();
                    child.stdout.take().unwrap().read_to_string(&mut out).unwrap();
                    child.wait().unwrap();
                    let d = t.elapsed();
                    hits = out.lines().count();
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
        "{:<34} {:>8} {:>10} {:>12} {:>10} {:>8} {:>11} {:>10}",
        "corpus", "actions", "index", "copil med", "copil p95", "target", "fzf med", "fzf/copil"
    );
    let mut details = Vec::new();
    for c in corpora {
        let reps = if c.index.len() > 1000 { 15 } else { 200 };
        let copil = time_copil(c, reps);
        let mut all: Vec<Duration> = copil.iter().flat_map(|(s, _)| s.iter().copied()).collect();
        let med = percentile(&mut all, 0.5);
        let p95 = percentile(&mut all, 0.95);
        let fz = fzf.then(|| time_fzf(c, if c.index.len() > 1000 { 5 } else { 10 }));
        let fzf_med = fz.as_ref().map(|f| {
            let mut all: Vec<Duration> = f.iter().flat_map(|(s, _)| s.iter().copied()).collect();
            percentile(&mut all, 0.5)
        });
        let verdict = if ms(p95) < c.target_ms { "ok" } else { "MISSED" };
        println!(
            "{:<34} {:>8} {:>7.1} ms {:>9.3} ms {:>7.3} ms {:>5} ms {:>11} {:>10}  {verdict}",
            c.name,
            c.index.len(),
            ms(c.build),
            ms(med),
            ms(p95),
            c.target_ms,
            fzf_med.map(|d| format!("{:.2} ms", ms(d))).unwrap_or_else(|| "-".into()),
            fzf_med.map(|d| format!("{:.0}×", ms(d) / ms(med))).unwrap_or_else(|| "-".into()),
        );
        details.push((c.name.clone(), copil, fz));
    }
    println!("(index: built once per plan; copil: parse + search of the whole line, one thread;");
    println!(" fzf: `fzf --filter PREFIX < lines`, process start to exit, its default extended, accent-blind mode)");
    if fzf {
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
    copil::i18n::set_lang(copil::i18n::Lang::Fr);
    let corpora = corpora();
    let mut c = Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .configure_from_args();
    benches(&mut c, &corpora);
    c.final_summary();
    // The comparison table only under `cargo bench` (not when tests run the benches once).
    if std::env::args().any(|a| a == "--bench") {
        table(&corpora);
    }
}
