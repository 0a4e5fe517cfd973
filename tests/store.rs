//! The journal on disk: appending (lock, whole lines, fsync, torn-tail repair), checking whether it
//! can be written, and watching it for lines appended by other processes. The concurrency and
//! crash tests re-execute this test binary as the other processes (see [`appender_child`]).

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use copil::lang::{Lang, Localized};
use copil::plan::journal::{Change, Event};
use copil::plan::model::{Status, Timestamp};
use copil::plan::state::{Outcome, PlanState, WarningKind};
use copil::store::append::{AppendError, Appended, append, writable};
use copil::store::load::{Loaded, journal_path, load, parse_event};
use copil::store::watch::Watcher;

const WAIT: Duration = Duration::from_secs(30);
/// Tells a re-executed test binary to act as an appender: `JOURNAL:COUNT:ID` (COUNT 0: forever).
const APPENDER_VAR: &str = "COPIL_TEST_APPENDER";

/// A fresh plan (the Charente extract, without its journal) in its own temporary folder.
fn plan_in(dir: &Path) -> PathBuf {
    let to = dir.join("plan.ron");
    fs::copy(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/charente-extract.ron"), &to).unwrap();
    to
}

/// A fixed time: the journal keeps whole seconds.
fn at() -> Timestamp {
    Timestamp(chrono::DateTime::parse_from_rfc3339("2026-11-23T14:05:00+01:00").unwrap())
}

fn comment(by: &str, text: &str, note: Option<&str>) -> Event {
    Event {
        at: at(),
        by: by.to_string(),
        change: Change::Comment { action: "Spup01".into(), text: text.to_string() },
        note: note.map(str::to_string),
        meeting: None,
        prev: None,
    }
}

fn status(by: &str, to: Status) -> Event {
    Event {
        at: at(),
        by: by.to_string(),
        change: Change::Status { action: "Spup01".into(), to },
        note: None,
        meeting: None,
        prev: None,
    }
}

fn undo(by: &str, line: usize) -> Event {
    Event { at: at(), by: by.to_string(), change: Change::Undo { line }, note: None, meeting: None, prev: None }
}

/// The event as the appender writes it after `before` (the line above it): with the hash chain.
fn chained(event: &Event, before: &[u8]) -> Event {
    Event { prev: Some(copil::plan::chain::line_hash(before)), ..event.clone() }
}

fn loaded(plan: &Path) -> Loaded {
    load(Lang::Fr, plan).unwrap_or_else(|d| panic!("{d}"))
}

/// What a replay made of each line: its number, its event and its outcome.
fn lines_of(state: &PlanState) -> Vec<(usize, Event, Outcome)> {
    state.entries.iter().map(|e| (e.line, e.event.clone(), e.outcome.clone())).collect()
}

/// Writes raw bytes at the end of a file, as a writer that is not copil (or a crashed one) would.
fn raw_append(path: &Path, bytes: &[u8]) {
    OpenOptions::new().create(true).append(true).open(path).unwrap().write_all(bytes).unwrap();
}

#[test]
fn append_then_load_gives_the_event_back() {
    let dir = tempfile::tempdir().unwrap();
    let plan = plan_in(dir.path());
    let journal = journal_path(&plan);
    assert!(!journal.exists());
    let event = comment("mlegrand", "Première réunion du réseau", Some("avec la CAF"));
    assert_eq!(append(Lang::Fr, &journal, &event, WAIT).unwrap(), Appended::default());
    let l = loaded(&plan);
    assert_eq!(lines_of(&l.state), vec![(1, chained(&event, b""), Outcome::Applied)]);
    assert!(l.state.all_warnings().is_empty());
    assert_eq!((l.journal_len, l.journal_lines), (fs::metadata(&journal).unwrap().len(), 1));

    let second = status("mlegrand", Status::Done);
    append(Lang::Fr, &journal, &second, WAIT).unwrap();
    let l = loaded(&plan);
    assert_eq!(l.state.entries.len(), 2);
    assert_eq!(l.state.entries[1].event, chained(&second, chained(&event, b"").to_line().as_bytes()));
    assert_eq!(l.state.plan.action("Spup01").unwrap().status, Status::Done);
}

#[test]
fn every_line_is_whole_and_holds_no_raw_newline() {
    let dir = tempfile::tempdir().unwrap();
    let plan = plan_in(dir.path());
    let journal = journal_path(&plan);
    let texts = [
        "une ligne",
        "deux\nlignes",
        "fin de ligne Windows\r\net tabulation\t",
        "\n\nentourée de sauts\n",
        "guillemets \" et \\ barre",
        "séparateur de ligne\u{2028}et de paragraphe\u{2029}",
    ];
    let events: Vec<Event> = texts.iter().map(|t| comment("mlegrand", t, Some(&format!("note :\n{t}")))).collect();
    for e in &events {
        append(Lang::Fr, &journal, e, WAIT).unwrap();
    }
    let bytes = fs::read(&journal).unwrap();
    assert_eq!(bytes.last(), Some(&b'\n'));
    let text = String::from_utf8(bytes).unwrap();
    let lines: Vec<&str> = text.split_terminator('\n').collect();
    assert_eq!(lines.len(), events.len(), "one line per event: {text}");
    for (line, event) in lines.iter().zip(&events) {
        assert!(!line.contains('\r'), "{line}");
        assert_eq!(parse_event(Lang::Fr, line).unwrap().change, event.change);
        assert_eq!(parse_event(Lang::Fr, line).unwrap().note, event.note);
    }
    let l = loaded(&plan);
    let unchained = |e: &Event| Event { prev: None, ..e.clone() };
    assert_eq!(l.state.entries.iter().map(|e| unchained(&e.event)).collect::<Vec<_>>(), events);
}

#[test]
fn a_torn_tail_is_repaired_by_the_next_append() {
    let dir = tempfile::tempdir().unwrap();
    let plan = plan_in(dir.path());
    let journal = journal_path(&plan);
    let first = comment("mlegrand", "avant la panne", None);
    append(Lang::Fr, &journal, &first, WAIT).unwrap();
    let cut = comment("mlegrand", "coupée", None).to_line();
    raw_append(&journal, &cut.as_bytes()[..cut.len() / 2]);

    let l = loaded(&plan);
    assert_eq!(l.journal_lines, 1);
    let warnings: Vec<_> = l.state.all_warnings().into_iter().cloned().collect();
    assert_eq!(warnings.len(), 1);
    assert_eq!((warnings[0].line, &warnings[0].kind), (2, &WarningKind::TornLastLine));

    let next = comment("mlegrand", "après la panne", None);
    let done = append(Lang::Fr, &journal, &next, WAIT).unwrap();
    assert_eq!(done, Appended { repaired_torn_tail: true, ended_last_line: false });
    let text = fs::read_to_string(&journal).unwrap();
    let first = chained(&first, b"");
    let next = chained(&next, first.to_line().as_bytes());
    assert_eq!(text, format!("{}\n{}\n", first.to_line(), next.to_line()));
    let l = loaded(&plan);
    assert!(l.state.all_warnings().is_empty(), "{:?}", l.state.all_warnings());
    assert_eq!(lines_of(&l.state), vec![(1, first, Outcome::Applied), (2, next, Outcome::Applied)]);
}

#[test]
fn a_torn_first_line_leaves_an_empty_journal_before_the_new_line() {
    let dir = tempfile::tempdir().unwrap();
    let plan = plan_in(dir.path());
    let journal = journal_path(&plan);
    raw_append(&journal, b"Event(at: \"2026-11-23T14:0");
    let event = comment("mlegrand", "seule ligne", None);
    assert!(append(Lang::Fr, &journal, &event, WAIT).unwrap().repaired_torn_tail);
    assert_eq!(fs::read_to_string(&journal).unwrap(), chained(&event, b"").to_line() + "\n");
}

/// A whole last line without its newline is applied by the load: the appender keeps it (and its
/// line number) and only adds the newline.
#[test]
fn a_whole_last_line_without_newline_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let plan = plan_in(dir.path());
    let journal = journal_path(&plan);
    let first = status("mlegrand", Status::Done);
    raw_append(&journal, first.to_line().as_bytes());
    let l = loaded(&plan);
    assert_eq!(l.journal_lines, 1);
    assert!(l.state.all_warnings().is_empty());
    let mut watcher = Watcher::new(&l);
    let mut state = l.state;

    let next = undo("jmartin", 1);
    let done = append(Lang::Fr, &journal, &next, WAIT).unwrap();
    assert_eq!(done, Appended { repaired_torn_tail: false, ended_last_line: true });
    let next = chained(&next, first.to_line().as_bytes());
    assert_eq!(fs::read_to_string(&journal).unwrap(), format!("{}\n{}\n", first.to_line(), next.to_line()));
    // The watcher that resumed mid-line takes the newline as the end of line 1.
    assert_eq!(watcher.poll(Lang::Fr, &mut state).unwrap(), vec![1]);
    assert_eq!(state.entries[1].line, 2);
    assert_eq!(state.entries[0].outcome, Outcome::Undone);
    assert_eq!(lines_of(&state), lines_of(&loaded(&plan).state));
}

#[test]
fn a_busy_lock_times_out_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let plan = plan_in(dir.path());
    let journal = journal_path(&plan);
    append(Lang::Fr, &journal, &comment("mlegrand", "première", None), WAIT).unwrap();
    let before = fs::read(&journal).unwrap();

    let holder = OpenOptions::new().append(true).open(&journal).unwrap();
    holder.lock().unwrap();
    let start = Instant::now();
    let err = append(Lang::Fr, &journal, &comment("jmartin", "bloquée", None), Duration::from_millis(150)).unwrap_err();
    let waited = start.elapsed();
    assert!(matches!(err, AppendError::LockTimeout(_)), "{err:?}");
    assert!(waited >= Duration::from_millis(150) && waited < Duration::from_secs(5), "{waited:?}");
    assert_eq!(fs::read(&journal).unwrap(), before);

    // Released: the same append goes through, and waits for a lock held a little while.
    let release = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(50));
        drop(holder);
    });
    append(Lang::Fr, &journal, &comment("jmartin", "débloquée", None), WAIT).unwrap();
    release.join().unwrap();
    assert_eq!(loaded(&plan).state.entries.len(), 2);
}

#[test]
fn errors_say_the_change_was_not_saved() {
    use std::io::{Error, ErrorKind};
    let ro = AppendError::from(Error::from(ErrorKind::PermissionDenied));
    assert!(matches!(ro, AppendError::ReadOnly(_)));
    assert!(matches!(AppendError::from(Error::from(ErrorKind::ReadOnlyFilesystem)), AppendError::ReadOnly(_)));
    assert!(matches!(AppendError::from(Error::from_raw_os_error(1)), AppendError::ReadOnly(_)), "EPERM");
    let full = AppendError::from(Error::from(ErrorKind::StorageFull));
    assert!(matches!(full, AppendError::Io(_)));
    let busy = AppendError::LockTimeout(Duration::from_secs(3));
    for (e, why) in [(&ro, "permission refusée"), (&full, "disque plein"), (&busy, "occupé")] {
        let s = e.text(Lang::Fr);
        assert!(s.contains("n'a PAS été enregistrée") && s.contains(why), "{s}");
    }
    for (e, why) in [(&ro, "permission denied"), (&full, "disk full"), (&busy, "busy")] {
        let s = e.text(Lang::En);
        assert!(s.contains("NOT saved") && s.contains(why), "{s}");
    }
}

/// Tests run as root, which permission bits do not stop: a journal or a folder without any write
/// bit still counts as not writable, and the system's answer is asked for the rest.
#[test]
fn writable_reads_the_journal_or_its_folder() {
    let dir = tempfile::tempdir().unwrap();
    let plan = plan_in(dir.path());
    let journal = journal_path(&plan);
    writable(Lang::Fr, &journal).expect("a missing journal in a writable folder");
    append(Lang::Fr, &journal, &comment("mlegrand", "x", None), WAIT).unwrap();
    writable(Lang::Fr, &journal).expect("an existing journal");

    fs::set_permissions(&journal, fs::Permissions::from_mode(0o444)).unwrap();
    let e = writable(Lang::Fr, &journal).unwrap_err();
    assert_eq!(e.kind(), std::io::ErrorKind::PermissionDenied);
    fs::set_permissions(&journal, fs::Permissions::from_mode(0o644)).unwrap();

    let frozen = dir.path().join("gelé");
    fs::create_dir(&frozen).unwrap();
    fs::set_permissions(&frozen, fs::Permissions::from_mode(0o555)).unwrap();
    let e = writable(Lang::Fr, &frozen.join("p.journal.ron")).unwrap_err();
    assert_eq!(e.kind(), std::io::ErrorKind::PermissionDenied);
    assert!(!frozen.join("p.journal.ron").exists());
    assert!(fs::read_dir(&frozen).unwrap().next().is_none(), "nothing was created to find out");
    fs::set_permissions(&frozen, fs::Permissions::from_mode(0o755)).unwrap();

    let e = writable(Lang::Fr, &dir.path().join("absent").join("p.journal.ron")).unwrap_err();
    assert_eq!(e.kind(), std::io::ErrorKind::NotFound);
    assert!(writable(Lang::Fr, dir.path()).is_err(), "a folder is not a journal");
}

#[test]
fn the_watcher_applies_complete_lines_only_with_their_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let plan = plan_in(dir.path());
    let journal = journal_path(&plan);
    let l = loaded(&plan);
    let mut watcher = Watcher::new(&l);
    let mut state = l.state;
    assert_eq!(watcher.poll(Lang::Fr, &mut state).unwrap(), Vec::<usize>::new(), "no journal yet");

    // Another writer: a status change, then half a line.
    append(Lang::Fr, &journal, &status("jmartin", Status::Done), WAIT).unwrap();
    let half = comment("jmartin", "écrite en deux fois", None).to_line() + "\n";
    let (a, b) = half.as_bytes().split_at(half.len() / 2);
    raw_append(&journal, a);
    assert_eq!(watcher.poll(Lang::Fr, &mut state).unwrap(), vec![0]);
    assert_eq!(state.plan.action("Spup01").unwrap().status, Status::Done);
    for _ in 0..3 {
        assert_eq!(watcher.poll(Lang::Fr, &mut state).unwrap(), Vec::<usize>::new(), "the half line waits");
    }
    assert!(state.all_warnings().is_empty(), "a line being written is not a torn line");
    assert_eq!(watcher.lines(), 1);

    raw_append(&journal, b);
    assert_eq!(watcher.poll(Lang::Fr, &mut state).unwrap(), vec![1]);
    assert_eq!(state.entries[1].line, 2);

    // An undo of line 1 made elsewhere cancels the status change here too.
    append(Lang::Fr, &journal, &undo("jmartin", 1), WAIT).unwrap();
    assert_eq!(watcher.poll(Lang::Fr, &mut state).unwrap(), vec![2]);
    assert_eq!(state.entries[0].outcome, Outcome::Undone);
    assert_eq!(
        state.plan.action("Spup01").unwrap().status,
        loaded(&plan).state.base().action("Spup01").unwrap().status
    );
    assert_eq!(lines_of(&state), lines_of(&loaded(&plan).state));
    assert_eq!(watcher.offset(), fs::metadata(&journal).unwrap().len());
}

#[test]
fn the_watcher_follows_a_repaired_torn_tail() {
    let dir = tempfile::tempdir().unwrap();
    let plan = plan_in(dir.path());
    let journal = journal_path(&plan);
    append(Lang::Fr, &journal, &comment("mlegrand", "un", None), WAIT).unwrap();
    raw_append(&journal, b"Event(at: \"2026-11-23T14:05:00+01:00\", by: \"ml");
    let l = loaded(&plan);
    assert_eq!(l.state.all_warnings().len(), 1);
    let mut watcher = Watcher::new(&l);
    let mut state = l.state;
    assert!(watcher.poll(Lang::Fr, &mut state).unwrap().is_empty());

    // The repair shortens the file (a long cut line, a short new one), then the watcher reads on.
    let next = comment("jmartin", "deux", None);
    assert!(append(Lang::Fr, &journal, &next, WAIT).unwrap().repaired_torn_tail);
    assert_eq!(watcher.poll(Lang::Fr, &mut state).unwrap(), vec![1]);
    assert_eq!((state.entries[1].line, &state.entries[1].event.change), (2, &next.change));
}

#[test]
fn the_watcher_stops_at_a_malformed_line_and_names_it() {
    let dir = tempfile::tempdir().unwrap();
    let plan = plan_in(dir.path());
    let journal = journal_path(&plan);
    let l = loaded(&plan);
    let mut watcher = Watcher::new(&l);
    let mut state = l.state;
    append(Lang::Fr, &journal, &comment("mlegrand", "bonne", None), WAIT).unwrap();
    raw_append(&journal, b"Event(at: \"hier\", by: \"x\", change: Nope)\n");
    append(Lang::Fr, &journal, &comment("mlegrand", "après", None), WAIT).unwrap();
    // The good line first; the error with the next looks, for as long as the file stays so.
    assert_eq!(watcher.poll(Lang::Fr, &mut state).unwrap(), vec![0]);
    for _ in 0..2 {
        let d = watcher.poll(Lang::Fr, &mut state).unwrap_err();
        assert_eq!(d.line, 2, "{d}");
        assert_eq!(d.file, journal);
    }
    assert_eq!(state.entries.len(), 1);
}

#[test]
fn a_journal_shorter_than_what_was_read_is_read_again_from_its_start() {
    let dir = tempfile::tempdir().unwrap();
    let plan = plan_in(dir.path());
    let journal = journal_path(&plan);
    append(Lang::Fr, &journal, &comment("mlegrand", "un", None), WAIT).unwrap();
    append(Lang::Fr, &journal, &comment("mlegrand", "deux", None), WAIT).unwrap();
    let l = loaded(&plan);
    let mut watcher = Watcher::new(&l);
    let mut state = l.state;
    fs::write(&journal, comment("mlegrand", "un", None).to_line() + "\n").unwrap();
    assert_eq!(watcher.poll(Lang::Fr, &mut state).unwrap(), vec![0], "every line is new");
    assert_eq!(state.entries.len(), 1, "the state is rebuilt from the plan file and the journal as it is");
    assert!(watcher.take_reloaded().is_some(), "and the reason is said once");
    assert!(watcher.take_reloaded().is_none());
    // Then it follows the journal as before.
    append(Lang::Fr, &journal, &comment("mlegrand", "trois", None), WAIT).unwrap();
    assert_eq!(watcher.poll(Lang::Fr, &mut state).unwrap(), vec![1]);
    assert!(watcher.take_reloaded().is_none());
}

// ---------------------------------------------------------------------------------------------
// Other processes: this binary, re-executed.

/// Acts as an appender when [`APPENDER_VAR`] is set (`JOURNAL:COUNT:ID`, COUNT 0: until killed),
/// waiting first for `JOURNAL.go` to exist so that all appenders start together. A no-op test
/// otherwise.
#[test]
fn appender_child() {
    let Ok(spec) = std::env::var(APPENDER_VAR) else { return };
    let mut parts = spec.rsplitn(3, ':');
    let id: usize = parts.next().unwrap().parse().unwrap();
    let count: usize = parts.next().unwrap().parse().unwrap();
    let journal = PathBuf::from(parts.next().unwrap());
    let go = journal.with_extension("go");
    while !go.exists() {
        std::thread::sleep(Duration::from_millis(1));
    }
    // Crash rounds append longer lines (a write over several pages can be cut by the kill).
    let note = (count == 0).then(|| "x".repeat(16 * 1024 + id));
    let mut i = 0;
    while count == 0 || i < count {
        let e = comment(&format!("p{id}"), &format!("p{id}-{i}"), note.as_deref());
        append(Lang::Fr, &journal, &e, Duration::from_secs(60))
            .unwrap_or_else(|e| panic!("appender {id}, line {i}: {}", e.in_lang(Lang::Fr)));
        i += 1;
    }
    // A child process of the test (not the test harness): it ends here, without the harness.
    #[allow(clippy::exit)]
    std::process::exit(0);
}

fn spawn_appender(journal: &Path, count: usize, id: usize) -> Child {
    Command::new(std::env::current_exe().unwrap())
        .args(["appender_child", "--exact", "--test-threads=1", "--nocapture"])
        .env(APPENDER_VAR, format!("{}:{count}:{id}", journal.display()))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap()
}

/// 8 processes append 250 lines each at once: all 2,000 lines are there, whole, each process's in
/// its order; a watcher polling all along ends with exactly what a fresh load gives.
#[test]
fn eight_processes_append_at_once() {
    const PROCS: usize = 8;
    const EACH: usize = 250;
    let dir = tempfile::tempdir().unwrap();
    let plan = plan_in(dir.path());
    let journal = journal_path(&plan);
    let l = loaded(&plan);
    let mut watcher = Watcher::new(&l);
    let mut state = l.state;

    let mut children: Vec<Child> = (0..PROCS).map(|id| spawn_appender(&journal, EACH, id)).collect();
    File::create(journal.with_extension("go")).unwrap();
    let start = Instant::now();
    let mut polls = 0usize;
    while children.iter_mut().any(|c| c.try_wait().unwrap().is_none()) {
        assert!(start.elapsed() < Duration::from_secs(120), "appenders still running after 2 minutes");
        watcher.poll(Lang::Fr, &mut state).unwrap_or_else(|d| panic!("{d}"));
        polls += 1;
    }
    for c in &mut children {
        assert!(c.wait().unwrap().success(), "an appender failed");
    }
    watcher.poll(Lang::Fr, &mut state).unwrap_or_else(|d| panic!("{d}"));

    let text = fs::read_to_string(&journal).unwrap();
    assert!(text.ends_with('\n'));
    let lines: Vec<&str> = text.split_terminator('\n').collect();
    assert_eq!(lines.len(), PROCS * EACH);
    let mut seen = vec![Vec::new(); PROCS];
    for line in &lines {
        let e = parse_event(Lang::Fr, line).unwrap_or_else(|(c, m)| panic!("{line}: col {c}: {m}"));
        let Change::Comment { text, .. } = &e.change else { panic!("{line}") };
        let (p, i) = text.trim_start_matches('p').split_once('-').unwrap();
        seen[p.parse::<usize>().unwrap()].push(i.parse::<usize>().unwrap());
    }
    for (p, s) in seen.iter().enumerate() {
        assert_eq!(s, &(0..EACH).collect::<Vec<_>>(), "process {p}'s lines, in its order");
    }
    let fresh = loaded(&plan);
    assert!(fresh.state.all_warnings().is_empty());
    assert_eq!(lines_of(&state), lines_of(&fresh.state), "the watcher ({polls} polls) agrees with a load");
    assert_eq!((watcher.offset(), watcher.lines()), (fresh.journal_len, fresh.journal_lines));
}

/// Kill -9 an appender at random moments, 60 times: the journal always loads, with at most one
/// cut last line, every line before it whole; the next append repairs the tail.
#[test]
fn killed_appenders_leave_at_most_a_cut_last_line() {
    let dir = tempfile::tempdir().unwrap();
    let plan = plan_in(dir.path());
    let journal = journal_path(&plan);
    fs::File::create(journal.with_extension("go")).unwrap();
    let mut seed = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos() as u64 | 1;
    let mut next_random = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    const ROUNDS: usize = 60;
    let (mut torn, mut repaired) = (0, 0);
    let start = Instant::now();
    for round in 0..ROUNDS {
        let len = fs::metadata(&journal).map(|m| m.len()).unwrap_or(0);
        let mut child = spawn_appender(&journal, 0, round);
        // Once it is appending (its first line is there), kill it at a random moment.
        let started = Instant::now();
        while fs::metadata(&journal).map(|m| m.len()).unwrap_or(0) == len {
            assert!(started.elapsed() < WAIT, "round {round}: the appender never appended");
            std::thread::sleep(Duration::from_micros(200));
        }
        std::thread::sleep(Duration::from_micros(next_random() % 30_000));
        child.kill().unwrap();
        child.wait().unwrap();

        let l = load(Lang::Fr, &plan).unwrap_or_else(|d| panic!("round {round}: {d}"));
        let warnings = l.state.all_warnings();
        assert!(warnings.len() <= 1, "round {round}: {warnings:?}");
        if let Some(w) = warnings.first() {
            assert_eq!((w.kind.clone(), w.line), (WarningKind::TornLastLine, l.journal_lines + 1), "round {round}");
            torn += 1;
        }
        let n = l.journal_lines;
        let mine = comment("parent", &format!("après le tour {round}"), None);
        repaired += usize::from(append(Lang::Fr, &journal, &mine, WAIT).unwrap().repaired_torn_tail);
        let l = load(Lang::Fr, &plan).unwrap_or_else(|d| panic!("round {round}, after the repair: {d}"));
        assert!(l.state.all_warnings().is_empty(), "round {round}: {:?}", l.state.all_warnings());
        assert_eq!(l.journal_lines, n + 1);
        assert_eq!(l.state.entries.last().map(|e| &e.event.change), Some(&mine.change));
    }
    assert_eq!(torn, repaired);
    eprintln!(
        "crash test: {ROUNDS} kills in {:.1} s, {} lines, {torn} cut last line(s) repaired",
        start.elapsed().as_secs_f64(),
        loaded(&plan).journal_lines
    );
}

/// A write changes the journal's time before its length: a watcher looking in between must not
/// take the journal for rewritten (found by `benches/append.rs`: two lines seen for one append).
/// The watcher polls without pause while another thread appends; it never reads the journal
/// again from its start.
#[test]
fn a_watcher_racing_an_appender_never_takes_it_for_a_rewrite() {
    let dir = tempfile::tempdir().unwrap();
    let plan = plan_in(dir.path());
    let journal = journal_path(&plan);
    append(Lang::Fr, &journal, &comment("mlegrand", "premier", None), WAIT).unwrap();
    let l = loaded(&plan);
    let mut watcher = Watcher::new(&l);
    let mut state = l.state;
    const N: usize = 300;
    let writer = {
        let journal = journal.clone();
        std::thread::spawn(move || {
            for i in 0..N {
                append(Lang::Fr, &journal, &comment("jmartin", &format!("ligne {i}"), None), WAIT).unwrap();
            }
        })
    };
    while state.entries.len() < N + 1 {
        watcher.poll(Lang::Fr, &mut state).unwrap_or_else(|d| panic!("{d}"));
        assert!(watcher.take_reloaded().is_none(), "read again from its start after {} lines", state.entries.len());
    }
    writer.join().unwrap();
    assert_eq!(state.entries.len(), N + 1);
}

/// The messages serde writes while parsing (a date that is not one) are in the language the
/// loader is given, even when two loads in two languages run at once on two threads.
#[test]
fn parse_messages_follow_the_loaders_language_thread_by_thread() {
    let dir = tempfile::tempdir().unwrap();
    let src = fs::read_to_string("tests/fixtures/charente-extract.ron").unwrap();
    let bad = src.replacen("due: \"2017-12-31\"", "due: \"2017-02-30\"", 1);
    assert_ne!(bad, src, "the fixture has the date this test spoils");
    let plan = dir.path().join("p.ron");
    fs::write(&plan, bad).unwrap();
    let said = |lang: Lang| {
        (0..50).map(|_| load(lang, &plan).expect_err("a date that does not exist").to_string()).collect::<Vec<_>>()
    };
    let (fr, en) = std::thread::scope(|s| {
        let fr = s.spawn(|| said(Lang::Fr));
        let en = s.spawn(|| said(Lang::En));
        (fr.join().unwrap(), en.join().unwrap())
    });
    for m in &fr {
        assert!(m.starts_with("erreur : ") && m.contains("date invalide « 2017-02-30 »"), "{m}");
        assert!(m.contains("p.ron:39:"), "{m}");
    }
    for m in &en {
        assert!(m.starts_with("error: ") && m.contains("invalid date \"2017-02-30\""), "{m}");
    }
}
