//! The command line: clap definitions and the headless subcommands.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand};

use crate::i18n::{self, Lang};
use crate::plan::model::Date;
use crate::sanitize::sanitize;
use crate::store::load;

#[derive(Debug, Parser)]
#[command(
    name = "copil",
    version,
    about = "Piloter un plan d'action public (SDAASP…) dans le terminal / Steer a public action plan from the terminal"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// The plan file to open (NAME.ron; its journal NAME.journal.ron sits beside it).
    pub plan: Option<PathBuf>,
    #[command(flatten)]
    pub global: Global,
}

#[derive(Debug, clap::Args)]
pub struct Global {
    /// Interface language (default: from the locale, French unless it is English).
    #[arg(long, global = true, value_enum)]
    pub lang: Option<Lang>,
    /// A keymap file overriding the built-in keys entry by entry.
    #[arg(long, global = true)]
    pub keymap: Option<PathBuf>,
    /// Today's date for "late" and the header (YYYY-MM-DD); for reproducible screens.
    #[arg(long, global = true, value_parser = parse_date, hide = true)]
    pub today: Option<Date>,
    /// Open without being able to change anything (automatic when the journal is not writable).
    #[arg(long, global = true)]
    pub read_only: bool,
    /// Colours: default, light, high-contrast or monochrome (default: the config file's, else
    /// monochrome when NO_COLOR is set, else default).
    #[arg(long, global = true, value_enum)]
    pub theme: Option<crate::tui::view::theme::ThemeName>,
    /// Start in projection mode, for a COPIL on a wall screen (the `p` key toggles it).
    #[arg(long, global = true)]
    pub present: bool,
    /// The settings file (default: config.ron in the user's config directory, if it exists).
    #[arg(long, global = true)]
    pub config: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate a plan and its journal; print a summary and the warnings.
    /// Exits 0 when valid, 1 with warnings, 2 when invalid.
    Check {
        /// The plan file.
        plan: PathBuf,
    },
    /// Set an action's status (French or English name: encours, in-progress, realisee, done…).
    Status {
        plan: PathBuf,
        action: String,
        status: String,
        #[arg(long)]
        note: Option<String>,
    },
    /// Record a measurement of an indicator (a number, oui/non, or a text, as the indicator takes).
    Measure {
        plan: PathBuf,
        action: String,
        indicator: String,
        value: String,
        /// The date the value is for (default: today).
        #[arg(long, value_parser = parse_date)]
        date: Option<Date>,
        #[arg(long)]
        note: Option<String>,
    },
    /// Comment on an action.
    Comment { plan: PathBuf, action: String, text: String },
    /// Print the journal: who changed what, when.
    Log {
        plan: PathBuf,
        /// Only the lines about this action.
        #[arg(long)]
        action: Option<String>,
        /// Only the lines from this date on.
        #[arg(long, value_parser = parse_date)]
        since: Option<Date>,
    },
    /// Write the dashboard as a document: Markdown (in the interface language) or CSV.
    Report {
        /// The plan file.
        plan: PathBuf,
        #[arg(long, value_enum, default_value = "md")]
        format: ReportFormat,
        /// The state as it was on this date: only the journal lines written up to it (default: today).
        #[arg(long, value_parser = parse_date)]
        at: Option<Date>,
        /// Write to this file (replaced whole, never left half-written) instead of standard output.
        #[arg(short = 'o', long)]
        output: Option<PathBuf>,
    },
    /// Write the minutes (relevé de décisions) of a meeting as Markdown.
    ///
    /// In the interface language: attendance by organisation, decisions, tasks, status changes,
    /// measurements, comments and notes. Exits 0 when written, 2 when the plan does not load or has
    /// no such meeting, 3 when the file cannot be written.
    Minutes {
        /// The plan file.
        plan: PathBuf,
        /// The meeting's id (as in its `MeetingOpened` line, e.g. 2018-06-12-cotech).
        meeting: String,
        /// Write to this file (replaced whole, never left half-written) instead of standard output.
        #[arg(short = 'o', long)]
        output: Option<PathBuf>,
    },
    /// Print the actions matching a search, best first: id, status and title, separated by tabs.
    /// The query is that of the `/` key: free words (accents and case optional) and filters
    /// (statut:encours pilote:caf tag:numerique orientation:2 referent:… est:retard est:derriere
    /// est:moi, where "moi" is the user running copil). An unknown filter is an error (exit 2).
    /// Exits 0 when something matches, 1 when nothing does.
    Search {
        plan: PathBuf,
        /// The query words.
        #[arg(required = true, num_args = 1.., allow_hyphen_values = true)]
        query: Vec<String>,
    },
    /// Write a generated plan and journal (for benchmarks and stress tests).
    #[command(hide = true)]
    Generate {
        /// Directory to write NAME.ron and NAME.journal.ron into.
        dir: PathBuf,
        #[arg(long, default_value = "generated")]
        name: String,
        #[arg(long, default_value_t = 5000)]
        actions: usize,
        #[arg(long, default_value_t = 50000)]
        journal: usize,
    },
}

fn parse_date(s: &str) -> Result<Date, String> {
    Date::parse(s).ok_or_else(|| i18n::bad_date(s))
}

impl Global {
    pub fn apply_lang(&self) {
        i18n::set_lang(self.lang.unwrap_or_else(i18n::detect_lang));
    }
    pub fn today(&self) -> Date {
        self.today.unwrap_or_else(Date::today)
    }
}

/// Loads a plan, or prints why it cannot be loaded (file:line:column, the line quoted).
fn load_or_say(path: &Path, err: &mut impl Write) -> Option<load::Loaded> {
    match load::load(path) {
        Ok(l) => Some(l),
        Err(d) => {
            let _ = writeln!(err, "{d}");
            None
        }
    }
}

/// The load's warnings, one line each: journal path and line, and what is wrong.
fn print_warnings(loaded: &load::Loaded, err: &mut impl Write) {
    for w in loaded.state.all_warnings() {
        let _ = writeln!(
            err,
            "{} : {}:{} : {}",
            i18n::WARNING.get(),
            loaded.journal_path.display(),
            w.line,
            sanitize(&i18n::warning(&w.kind))
        );
    }
}

/// `copil check PLAN`: 0 valid, 1 valid with warnings, 2 invalid.
pub fn check(path: &Path, out: &mut impl Write, err: &mut impl Write) -> i32 {
    let Some(loaded) = load_or_say(path, err) else { return 2 };
    let state = &loaded.state;
    let plan = &state.plan;
    let actions = plan.walk().count();
    let indicators: usize = plan.walk().map(|(_, a, _)| a.indicators.len()).sum();
    let _ = writeln!(
        out,
        "{} — {} ({} → {})",
        sanitize(plan.display_title()),
        sanitize(&plan.territory),
        plan.period.start,
        plan.period.end
    );
    let _ =
        writeln!(out, "{}", i18n::counts_summary(plan.orientations.len(), actions, indicators, state.entries.len()));
    let open = state
        .open_meeting()
        .map(|m| format!("{} ({}, {})", sanitize(&m.id), sanitize(&m.body), m.date))
        .unwrap_or_else(|| i18n::NONE.get().to_string());
    let _ = writeln!(out, "{} : {open}", i18n::OPEN_MEETING.get());
    let warnings = state.all_warnings();
    print_warnings(&loaded, err);
    if warnings.is_empty() {
        let _ = writeln!(out, "{}", i18n::VALID.get());
        0
    } else {
        let _ = writeln!(out, "{} {}", warnings.len(), i18n::WARNINGS.get());
        1
    }
}

/// `copil PLAN`: loads the plan (refusing it with a diagnostic, never writing it) and runs the TUI.
pub fn open(path: &Path, global: &Global, err: &mut impl Write) -> std::io::Result<i32> {
    use crate::tui::{app, keymap::Keymap, view::theme::Theme};
    let loaded = match load::load(path) {
        Ok(l) => l,
        Err(d) => {
            writeln!(err, "{d}")?;
            return Ok(2);
        }
    };
    let keymap = match Keymap::load(global.keymap.as_deref()) {
        Ok(k) => k,
        Err(e) => {
            writeln!(err, "{e}")?;
            return Ok(2);
        }
    };
    let config = match crate::config::Config::load(global.config.as_deref()) {
        Ok(c) => c,
        Err(e) => {
            writeln!(err, "{e}")?;
            return Ok(2);
        }
    };
    let theme = Theme::choose(global.theme.or(config.theme_name().ok().flatten()));
    let read_only = read_only_reason(global, &loaded.journal_path);
    let by = crate::plan::edit::identity(&loaded.state.plan, &system_login());
    let mut app = app::App::new(loaded, keymap, theme, global.today());
    app.by = by;
    app.read_only = read_only;
    app.set_present(global.present || config.present);
    app.detail_delay = DETAIL_DELAY;
    app.offer_resumption();
    app::run(&mut app)?;
    Ok(0)
}

/// How long the detail pane waits for the arrow keys to stop before it follows the selection:
/// short enough not to be seen, long enough for a held key to cost only the tree's rows.
pub const DETAIL_DELAY: std::time::Duration = std::time::Duration::from_millis(120);

/// The system user running copil, from the OS account (not only $USER).
pub fn system_login() -> String {
    whoami::username()
        .ok()
        .filter(|s| !s.is_empty())
        .or_else(|| std::env::var("USER").ok())
        .unwrap_or_else(|| "inconnu".into())
}

/// Why this session cannot write the journal, if it cannot.
pub fn read_only_reason(global: &Global, journal: &Path) -> Option<String> {
    if global.read_only {
        return Some(i18n::READ_ONLY_FLAG.get().to_string());
    }
    crate::store::append::writable(journal).err().map(|e| e.to_string())
}

/// The headless edits: build exactly the line the interface would, append it, report.
pub fn edit(cmd: &Command, global: &Global, out: &mut impl Write, err: &mut impl Write) -> i32 {
    use crate::plan::edit::{self, Author, EditError};
    let (Command::Status { plan, .. } | Command::Measure { plan, .. } | Command::Comment { plan, .. }) = cmd else {
        return 2;
    };
    let Some(loaded) = load_or_say(plan, err) else { return 2 };
    let state = &loaded.state;
    let by = edit::identity(&state.plan, &system_login());
    let who = Author { by: &by, at: crate::plan::model::Timestamp::now() };
    let event = match cmd {
        Command::Status { action, status, note, .. } => edit::parse_status(status)
            .ok_or_else(|| EditError::UnknownStatus(status.clone()))
            .and_then(|to| edit::status(state, &who, action, to, note.clone())),
        Command::Measure { action, indicator, value, date, note, .. } => {
            edit::measure(state, &who, action, indicator, value, date.unwrap_or_else(|| global.today()), note.clone())
        }
        Command::Comment { action, text, .. } => edit::comment(state, &who, action, text),
        _ => unreachable!("only edits reach here"),
    };
    let event = match event {
        Ok(e) => e,
        Err(e) => {
            let _ = writeln!(err, "{} : {}", i18n::ERROR.get(), sanitize(&i18n::edit_error(&e)));
            return 2;
        }
    };
    if let Some(why) = read_only_reason(global, &loaded.journal_path) {
        let _ = writeln!(err, "{} : {}", i18n::ERROR.get(), sanitize(&i18n::edit_error(&EditError::ReadOnly(why))));
        return 3;
    }
    match crate::store::append::append(&loaded.journal_path, &event, std::time::Duration::from_secs(5)) {
        Ok(_) => {
            let what = i18n::describe_change(&event.change, None);
            let _ = writeln!(out, "{}", sanitize(&i18n::saved_change(&what)));
            0
        }
        Err(e) => {
            let _ = writeln!(err, "{} : {e}", i18n::ERROR.get());
            3
        }
    }
}

/// `copil search`: the matching actions, best first, one per line.
pub fn search(plan: &Path, query: &[String], today: Date, out: &mut impl Write, err: &mut impl Write) -> i32 {
    let Some(loaded) = load_or_say(plan, err) else { return 2 };
    let plan = &loaded.state.plan;
    let query = crate::search::parse_query(&query.join(" "));
    if let Some(e) = query.error() {
        let _ = writeln!(err, "{} : {}", i18n::ERROR.get(), sanitize(&e));
        return 2;
    }
    let me = crate::plan::edit::identity(plan, &system_login());
    let hits = crate::search::SearchIndex::new(plan).search_as(plan, &query, today, Some(&me));
    // Plan order: a hit's action by its position, not one walk of the plan per hit.
    let actions: Vec<&crate::plan::model::PlanAction> = plan.walk().map(|(_, a, _)| a).collect();
    for h in &hits {
        let found = actions.get(h.position).copied().filter(|a| a.id == h.action_id);
        if let Some(a) = found.or_else(|| plan.action(&h.action_id)) {
            let _ = writeln!(out, "{}\t{}\t{}", sanitize(&a.id), i18n::status_label(a.status), sanitize(&a.title));
        }
    }
    if hits.is_empty() { 1 } else { 0 }
}

/// `copil log`: the journal, one line per change, oldest first.
pub fn log(plan: &Path, action: Option<&str>, since: Option<Date>, out: &mut impl Write, err: &mut impl Write) -> i32 {
    let Some(loaded) = load_or_say(plan, err) else { return 2 };
    let state = &loaded.state;
    if let Some(a) = action
        && state.plan.action(a).is_none()
    {
        let _ = writeln!(
            err,
            "{} : {}",
            i18n::ERROR.get(),
            i18n::edit_error(&crate::plan::edit::EditError::UnknownAction(a.to_string()))
        );
        return 2;
    }
    let indices: Vec<usize> = match action {
        Some(a) => state.history(a).to_vec(),
        None => (0..state.entries.len()).collect(),
    };
    for i in indices {
        let e = &state.entries[i];
        if since.is_some_and(|d| e.event.at.date() < d) {
            continue;
        }
        let actions = e.event.change.actions().join(",");
        let mut line = format!(
            "{:>5}  {}  {}  {}  {}",
            e.line,
            e.event.at,
            state.plan.person_name(&e.event.by),
            if actions.is_empty() { "-".to_string() } else { actions },
            i18n::describe_change(&e.event.change, e.before)
        );
        if let Some(n) = &e.event.note {
            line.push_str(&format!(" — {n}"));
        }
        match e.outcome {
            crate::plan::state::Outcome::Undone => line.push_str(&format!(" ({})", i18n::UNDONE.get())),
            crate::plan::state::Outcome::Skipped => line.push_str(&format!(" ({})", i18n::NOT_APPLIED.get())),
            crate::plan::state::Outcome::Applied => {}
        }
        let _ = writeln!(out, "{}", sanitize(&line));
    }
    0
}

/// The formats of `copil report`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    /// Markdown, in the interface language.
    Md,
    /// CSV (RFC 4180): one record per action and sub-action.
    Csv,
}

/// `copil report`: the dashboard as Markdown or CSV, on standard output or into a file (written
/// to a temporary file beside it, then renamed). 0 written, 2 the plan does not load (nothing is
/// written), 3 the file cannot be written.
pub fn report(
    plan: &Path,
    format: ReportFormat,
    at: Option<Date>,
    output: Option<&Path>,
    global: &Global,
    out: &mut impl Write,
    err: &mut impl Write,
) -> i32 {
    let Some(loaded) = load_or_say(plan, err) else { return 2 };
    print_warnings(&loaded, err);
    let (past, date) = match at {
        Some(d) => (Some(crate::report::state_at(&loaded.state, d)), d),
        None => (None, global.today()),
    };
    let state = past.as_ref().unwrap_or(&loaded.state);
    let text = match format {
        ReportFormat::Md => crate::report::markdown(state, date),
        ReportFormat::Csv => crate::report::csv(state, date),
    };
    emit(&text, output, out, err, crate::report::write_error)
}

/// `copil minutes`: the relevé de décisions of a meeting as Markdown, on standard output or into
/// a file (written to a temporary file beside it, then renamed). 0 written, 2 the plan does not
/// load or has no such meeting (the message lists the meetings it has; nothing is written), 3 the
/// file cannot be written.
pub fn minutes(plan: &Path, meeting: &str, output: Option<&Path>, out: &mut impl Write, err: &mut impl Write) -> i32 {
    let Some(loaded) = load_or_say(plan, err) else { return 2 };
    print_warnings(&loaded, err);
    let Some(text) = crate::minutes::markdown(&loaded.state, meeting) else {
        let known = crate::minutes::meeting_ids(&loaded.state);
        let _ =
            writeln!(err, "{} : {}", i18n::ERROR.get(), sanitize(&crate::minutes::unknown_meeting(meeting, &known)));
        return 2;
    };
    emit(&text, output, out, err, crate::minutes::write_error)
}

/// A document on standard output, or into `output` replaced whole (`store::export`): 0 written,
/// 3 it cannot be (the message from `why`).
fn emit(
    text: &str,
    output: Option<&Path>,
    out: &mut impl Write,
    err: &mut impl Write,
    why: fn(&Path, &std::io::Error) -> String,
) -> i32 {
    let Some(path) = output else {
        return match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
            Ok(()) => 0,
            Err(e) => {
                let _ = writeln!(err, "{} : {e}", i18n::ERROR.get());
                3
            }
        };
    };
    match crate::store::export::write_replacing(path, text.as_bytes()) {
        Ok(()) => 0,
        Err(e) => {
            let _ = writeln!(err, "{} : {}", i18n::ERROR.get(), why(path, &e));
            3
        }
    }
}
