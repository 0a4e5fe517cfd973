//! The command line: clap definitions and the headless subcommands.

use crate::lang::Localized;
use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand};

use crate::exit;
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

#[derive(Clone, Debug, clap::Args)]
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
    pub theme: Option<crate::config::ThemeName>,
    /// Start in projection mode, for a COPIL on a wall screen (the `p` key toggles it).
    #[arg(long, global = true)]
    pub present: bool,
    /// The settings file (default: config.ron in the user's config directory, if it exists).
    #[arg(long, global = true)]
    pub config: Option<PathBuf>,
    /// Output without symbols whose meaning is only visual: statuses and verdicts in words, no
    /// marks or arrows (also when NO_COLOR is set or TERM=dumb).
    #[arg(long, global = true)]
    pub plain: bool,
    /// The person who writes, when `copil shell --user` says it (never from the command line
    /// of a plain command nor from the environment): see [`writer`].
    #[arg(skip)]
    pub user: Option<String>,
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
    /// Set an action's due date (JJ/MM/AAAA or AAAA-MM-JJ), with the reason in --note; lateness
    /// then uses it, and the history says "échéance reportée du … au …".
    Reschedule {
        plan: PathBuf,
        action: String,
        #[arg(value_parser = parse_date)]
        date: Date,
        #[arg(long)]
        note: Option<String>,
    },
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
    /// Write the dashboard as a document: Markdown, ODT or HTML (in the interface language, with
    /// charts in ODT and HTML), CSV, or a spreadsheet (ODS, XLSX).
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
    /// Write the minutes (relevé de décisions) of a meeting as Markdown, ODT or HTML.
    ///
    /// In the interface language: the header (body, date, place, times, chair, secretary),
    /// attendance by organisation, the agenda as run, the follow-up of earlier decisions, each
    /// item's decisions and records, the decisions, the tasks, the next meeting, the distribution.
    /// Exits 0 when written, 2 when the plan does not load or has no such meeting, 3 when the file
    /// cannot be written.
    Minutes {
        /// The plan file.
        plan: PathBuf,
        /// The meeting's id (as in its `MeetingOpened` line, e.g. 2018-06-12-cotech).
        meeting: String,
        /// md (standard output or a file), odt or html.
        #[arg(long, value_enum, default_value = "md")]
        format: crate::minutes::MinutesFormat,
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
    /// Print one action as plain text, in reading order: title, status and lateness in words,
    /// people, dates, description and sections, indicators (with their ids, latest value and
    /// verdict), budget, milestones, sub-actions and history. Exits 2 on an unknown action.
    Show {
        plan: PathBuf,
        /// The action's id (as `copil list` prints it).
        action: String,
        /// Headings in bold, statuses and verdicts in colour (the words stay; not with plain output).
        #[arg(long)]
        color: bool,
    },
    /// Print the actions, in plan order: id, status in words, due date and title, separated by
    /// tabs; or the plan as an outline with --tree. The optional query is that of `copil search`
    /// (free words and filters such as statut:encours referent:… retard). Exits 1 when nothing
    /// matches.
    List {
        plan: PathBuf,
        /// The plan as an outline: orientations, actions and sub-actions indented.
        #[arg(long)]
        tree: bool,
        /// The query words, as for `copil search` (none: every action).
        #[arg(num_args = 0..)]
        query: Vec<String>,
    },
    /// Serve plans over SSH as PERSON: the forced command of a service account's authorized_keys.
    ///
    /// Without SSH_ORIGINAL_COMMAND it opens the interface (a chooser when PATH is a folder of
    /// plans); with one, it runs only copil's read and edit commands (check, status, measure,
    /// comment, log, search, report, minutes) on plans inside PATH, as PERSON. Exits 126 when a
    /// command or a path is refused.
    Shell {
        /// The plan's person id this key belongs to: every line written says `by: "PERSON"`.
        #[arg(long)]
        user: String,
        /// A folder of plans, or one plan file.
        path: PathBuf,
    },
    /// Print the authorized_keys lines for the `ssh_keys` declared on the plan's people, each
    /// forced to `copil shell --user ID FOLDER` (the plan's folder, or the folder given: then
    /// every plan in it). Exits 1 when no person declares a key, 2 when a plan does not load.
    Keys {
        /// The plan file, or a folder of plans.
        plan: PathBuf,
    },
    /// Check the journal's hash chain: every line written by copil carries the hash of the line
    /// before it, so an edited, removed or inserted line breaks it. Exits 0 when intact, 1 at
    /// the first break (named by its line), 2 when the plan does not load. With --minutes, also
    /// says whether printed minutes match the journal (their empreinte, the hash of the meeting's
    /// closing line).
    Verify {
        plan: PathBuf,
        /// Minutes written by `copil minutes` (Markdown), to check against the journal.
        #[arg(long)]
        minutes: Option<PathBuf>,
    },
    /// Make a plan from a spreadsheet (CSV, XLSX or ODS) laid out as `copil template` writes it.
    /// Every refused cell is listed as FILE:sheet:row:column and nothing is written; an existing
    /// file is never replaced. Exits 0 when written, 2 when refused, 3 when it cannot be written.
    Import {
        /// The spreadsheet: .xlsx, .ods, .xls, or .csv (with its NAME.indicateurs.csv… beside it).
        input: PathBuf,
        /// The plan file to create (must not exist).
        #[arg(short = 'o', long)]
        output: PathBuf,
    },
    /// Write the empty import template, with one example row per sheet (headers in the
    /// interface language). Never replaces a file.
    Template {
        #[arg(long, value_enum, default_value = "xlsx")]
        format: crate::import::TemplateFormat,
        /// The file to create (CSV: the actions; the other sheets beside it).
        #[arg(short = 'o', long)]
        output: PathBuf,
    },
    /// Write a small commented plan to start from (which `copil check` accepts). Never replaces a file.
    New {
        /// The plan file to create.
        plan: PathBuf,
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

/// A date on the command line: `JJ/MM/AAAA` or `AAAA-MM-JJ`.
/// A date on the command line. Clap reads it before `--lang` is known: its error is said in the
/// environment's language.
fn parse_date(s: &str) -> Result<Date, String> {
    let l = i18n::detect_lang();
    crate::plan::schedule::parse_user_date(s).ok_or_else(|| crate::wording::bad_user_date(l, s))
}

impl Global {
    /// Settles the language once: `--lang`, else the environment's.
    pub fn settle_lang(&mut self) {
        self.lang = Some(self.lang.unwrap_or_else(i18n::detect_lang));
    }
    /// The language every message and document of this run is said in.
    pub fn lang(&self) -> Lang {
        self.lang.unwrap_or_else(i18n::detect_lang)
    }
    pub fn today(&self) -> Date {
        self.today.unwrap_or_else(Date::today)
    }
    /// Plain output (`crate::line`) for the headless commands: `--plain`, `NO_COLOR` or `TERM=dumb`.
    pub fn apply_plain(&self) {
        let env = |k| std::env::var_os(k);
        crate::line::set_plain(crate::line::plain_wanted(
            self.plain,
            env("NO_COLOR").as_deref(),
            env("TERM").as_deref(),
        ));
    }
}

/// Loads a plan, or prints why it cannot be loaded (file:line:column, the line quoted). A journal
/// that is not a regular file (a symlink, FIFO, device) is refused too: nothing is read through it.
fn load_or_say(l: Lang, path: &Path, err: &mut impl Write) -> Option<load::Loaded> {
    match load::load(l, path) {
        Ok(loaded) => match &loaded.journal_refused {
            Some(why) => {
                let _ = writeln!(err, "{}{}", i18n::label(l, i18n::ERROR.get(l)), sanitize(why));
                None
            }
            None => Some(loaded),
        },
        Err(d) => {
            let _ = writeln!(err, "{d}");
            None
        }
    }
}

/// One line about a line of a file: « avertissement : FILE:LINE : what ».
fn say_at(l: Lang, err: &mut impl Write, kind: i18n::T, file: &Path, line: usize, what: impl std::fmt::Display) {
    let place = i18n::label(l, &format!("{}:{line}", file.display()));
    let _ = writeln!(err, "{}{place}{what}", i18n::label(l, kind.get(l)));
}

/// The load's warnings, one line each: journal path and line, and what is wrong.
fn print_warnings(l: Lang, loaded: &load::Loaded, err: &mut impl Write) {
    for w in loaded.state.all_warnings() {
        say_at(l, err, i18n::WARNING, &loaded.journal_path, w.line, sanitize(&w.kind.text(l)));
    }
}

/// The journal's hash chain: `Ok` with what it verified, or where it breaks. Lines that are not
/// events count as unchained.
pub fn chain_of(
    l: Lang,
    journal: &Path,
) -> std::io::Result<Result<crate::plan::chain::Verified, crate::plan::chain::Break>> {
    let bytes = crate::store::safe::read_regular(journal)?.unwrap_or_default();
    Ok(crate::plan::chain::verify(&bytes, |line| {
        let text = std::str::from_utf8(line).map_err(|_| ())?;
        load::parse_event(l, text).map(|e| e.prev).map_err(|_| ())
    }))
}

/// `copil verify PLAN [--minutes FILE]`: 0 intact (and the minutes match), 1 broken (or they do
/// not), 2 the plan does not load or a file cannot be read.
pub fn verify(l: Lang, plan: &Path, minutes: Option<&Path>, out: &mut impl Write, err: &mut impl Write) -> i32 {
    let Some(loaded) = load_or_say(l, plan, err) else { return exit::INVALID };
    let verified = match chain_of(l, &loaded.journal_path) {
        Ok(Ok(v)) => v,
        Ok(Err(b)) => {
            say_at(l, err, i18n::ERROR, &loaded.journal_path, b.line(), b.in_lang(l));
            return exit::FLAGGED;
        }
        Err(e) => {
            let _ = writeln!(
                err,
                "{}{}",
                i18n::label(l, i18n::ERROR.get(l)),
                i18n::io_error(l, &loaded.journal_path.display().to_string(), &e)
            );
            return exit::INVALID;
        }
    };
    let _ =
        writeln!(out, "{}", i18n::chain_intact(l, verified.lines, verified.unchained_prefix, verified.head.as_deref()));
    let Some(file) = minutes else { return exit::SUCCESS };
    let text = match load::read_plan_file(file) {
        Ok(b) => String::from_utf8_lossy(&b).into_owned(),
        Err(e) => {
            let _ = writeln!(
                err,
                "{}{}",
                i18n::label(l, i18n::ERROR.get(l)),
                i18n::io_error(l, &file.display().to_string(), &e)
            );
            return exit::INVALID;
        }
    };
    let Some(printed) = crate::minutes::find_empreinte(&text) else {
        let _ = writeln!(
            err,
            "{}{}",
            i18n::label(l, i18n::ERROR.get(l)),
            i18n::minutes_without_empreinte(l, &file.display().to_string())
        );
        return exit::FLAGGED;
    };
    let state = &loaded.state;
    let closing = state.closing_hashes.iter().find(|(_, h)| **h == printed).map(|(l, _)| *l);
    let meeting = closing.and_then(|l| state.meetings.iter().find(|m| m.closed_line == Some(l)));
    match (closing, meeting) {
        (Some(line), Some(m)) => {
            let _ = writeln!(out, "{}", i18n::minutes_match(l, &sanitize(&m.id), line));
            exit::SUCCESS
        }
        _ => {
            let _ = writeln!(
                err,
                "{}{}",
                i18n::label(l, i18n::ERROR.get(l)),
                i18n::minutes_mismatch(l, &file.display().to_string(), &printed)
            );
            exit::FLAGGED
        }
    }
}

/// `copil check PLAN`: 0 valid, 1 valid with warnings, 2 invalid.
pub fn check(l: Lang, path: &Path, out: &mut impl Write, err: &mut impl Write) -> i32 {
    let Some(loaded) = load_or_say(l, path, err) else { return exit::INVALID };
    let state = &loaded.state;
    let plan = &state.plan;
    let actions = plan.walk().count();
    let indicators: usize = plan.walk().map(|(_, a, _)| a.indicators.len()).sum();
    let _ = writeln!(
        out,
        "{} — {} ({})",
        sanitize(plan.display_title()),
        sanitize(&plan.territory),
        crate::line::period(l, &plan.period.start.to_string(), &plan.period.end.to_string())
    );
    let _ =
        writeln!(out, "{}", i18n::counts_summary(l, plan.orientations.len(), actions, indicators, state.entries.len()));
    let open = state
        .open_meeting()
        .map(|m| format!("{} ({}, {})", sanitize(&m.id), sanitize(&m.body), m.date))
        .unwrap_or_else(|| i18n::NONE.get(l).to_string());
    let _ = writeln!(out, "{} : {open}", i18n::OPEN_MEETING.get(l));
    let warnings = state.all_warnings();
    print_warnings(l, &loaded, err);
    // A team folder whose journal its group cannot write: every other referent is read-only.
    let team = crate::store::safe::team_cannot_write(&loaded.journal_path).ok().flatten();
    if let Some(problem) = &team {
        let _ = writeln!(
            err,
            "{}{}{}",
            i18n::label(l, i18n::WARNING.get(l)),
            i18n::label(l, &loaded.journal_path.display().to_string()),
            problem.in_lang(l)
        );
    }
    // Who may change what.
    let rights = match &plan.rights {
        Some(r) => {
            let cell: Vec<&str> = r.cell.iter().map(|id| plan.person_name(id)).collect();
            i18n::rights_declared(l, &sanitize(&cell.join(", ")))
        }
        None => i18n::rights_undeclared(l),
    };
    let _ = writeln!(out, "{rights}");
    // Lines dated well before the line above them: a wrong clock, or a backdated line.
    let backdated = crate::plan::progress::backdated(&state.entries, chrono::Duration::minutes(5));
    for (line, above) in &backdated {
        say_at(
            l,
            err,
            i18n::WARNING,
            &loaded.journal_path,
            line.line,
            i18n::backdated(l, line.line, &line.event.at.to_string(), above.line, &above.event.at.to_string()),
        );
    }
    // The hash chain.
    let broken = match chain_of(l, &loaded.journal_path) {
        Ok(Err(b)) => {
            say_at(l, err, i18n::WARNING, &loaded.journal_path, b.line(), b.in_lang(l));
            1
        }
        _ => 0,
    };
    let warnings = warnings.len() + usize::from(team.is_some()) + backdated.len() + broken;
    if warnings == 0 {
        let _ = writeln!(out, "{}", i18n::VALID.get(l));
        exit::SUCCESS
    } else {
        let _ = writeln!(out, "{warnings} {}", i18n::WARNINGS.get(l));
        exit::FLAGGED
    }
}

/// `copil PLAN`: loads the plan (refusing it with a diagnostic, never writing it) and runs the TUI.
pub fn open(l: Lang, path: &Path, global: &Global, err: &mut impl Write) -> std::io::Result<i32> {
    match prepare(l, path, global, err)? {
        Ok(mut app) => {
            // Without a terminal (`ssh` without `-t`, a pipe) the interface cannot start: say so.
            use std::io::IsTerminal;
            if !(std::io::stdin().is_terminal() && std::io::stdout().is_terminal()) {
                writeln!(err, "{}{}", i18n::label(l, i18n::ERROR.get(l)), crate::wording::no_terminal(l))?;
                return Ok(exit::INVALID);
            }
            crate::tui::app::run(&mut app)?;
            Ok(exit::SUCCESS)
        }
        Err(code) => Ok(code),
    }
}

/// The interface on a plan, ready to run; or the exit code after saying why it cannot open.
pub fn prepare(
    l: Lang,
    path: &Path,
    global: &Global,
    err: &mut impl Write,
) -> std::io::Result<Result<crate::tui::app::App, i32>> {
    use crate::tui::{app, keymap::Keymap, view::theme::Theme};
    if crate::line::is_dumb(std::env::var_os("TERM").as_deref()) {
        writeln!(err, "{}", crate::line::dumb_terminal_refusal(l))?;
        return Ok(Err(2));
    }
    let loaded = match load::load(l, path) {
        Ok(loaded) => loaded,
        Err(d) => {
            writeln!(err, "{d}")?;
            return Ok(Err(2));
        }
    };
    let keymap = match Keymap::load(l, global.keymap.as_deref()) {
        Ok(k) => k,
        Err(e) => {
            writeln!(err, "{e}")?;
            return Ok(Err(2));
        }
    };
    let config = match crate::config::Config::load(l, global.config.as_deref()) {
        Ok(c) => c,
        Err(e) => {
            writeln!(err, "{e}")?;
            return Ok(Err(2));
        }
    };
    let theme = Theme::choose(global.theme.or(config.theme_name().ok().flatten()));
    let (by, not_a_person) = writer(l, global, &loaded.state.plan);
    let read_only =
        loaded.journal_refused.clone().or(not_a_person).or_else(|| read_only_reason(l, global, &loaded.journal_path));
    let mut app = app::App::new(loaded, keymap, theme, global.today(), l);
    app.by = by;
    app.read_only = read_only;
    app.set_present(global.present || config.present);
    if config.mine {
        app.show_mine();
    }
    app.detail_delay = DETAIL_DELAY;
    app.minutes_format = config.minutes_format().ok().flatten().unwrap_or_default();
    app.config_path = global.config.clone().or_else(crate::config::default_path);
    app.offer_resumption();
    Ok(Ok(app))
}

/// Who writes: the person `copil shell --user` named (never the environment), else the plan's
/// person whose `login` is the system account, else that login. The second value says why the
/// session may only read: a `--user` that is not a person of the plan.
pub fn writer(l: Lang, global: &Global, plan: &crate::plan::model::Plan) -> (String, Option<String>) {
    match &global.user {
        Some(user) => crate::shell::writer(l, plan, user),
        None => (crate::plan::edit::identity(plan, &system_login()), None),
    }
}

/// How long the detail pane waits for the arrow keys to stop before it follows the selection:
/// short enough not to be seen, long enough for a held key to cost only the tree's rows.
pub const DETAIL_DELAY: std::time::Duration = std::time::Duration::from_millis(120);

/// The system account running copil: its name in the account database (never `$USER`, which
/// anyone can set), or `uid-N` for an account that has no entry there (see [`unnamed_account`]).
pub fn system_login() -> String {
    let uid = nix::unistd::Uid::current();
    match nix::unistd::User::from_uid(uid) {
        Ok(Some(u)) if !u.name.is_empty() => u.name,
        _ => format!("uid-{uid}"),
    }
}

/// For an account without a name (no passwd entry), the sentence that says what copil writes as.
pub fn unnamed_account(l: Lang, login: &str) -> Option<String> {
    login.strip_prefix("uid-").filter(|n| n.bytes().all(|b| b.is_ascii_digit())).map(|uid| {
        tr!(l,
            format!(
                "note : le compte {uid} n'a pas d'entrée dans la base des comptes : copil écrit sous « {login} », pas sous $USER"
            ),
            format!("note: account {uid} has no entry in the account database: copil writes as \"{login}\", not as $USER")
        )
    })
}

/// Why this session cannot write the journal, if it cannot.
pub fn read_only_reason(l: Lang, global: &Global, journal: &Path) -> Option<String> {
    if global.read_only {
        return Some(i18n::READ_ONLY_FLAG.get(l).to_string());
    }
    crate::store::append::writable(l, journal).err().map(|e| e.to_string())
}

/// The headless edits: build exactly the line the interface would, append it, report.
pub fn edit(l: Lang, cmd: &Command, global: &Global, out: &mut impl Write, err: &mut impl Write) -> i32 {
    use crate::plan::edit::{self, Author, EditError};
    let (Command::Status { plan, .. }
    | Command::Measure { plan, .. }
    | Command::Comment { plan, .. }
    | Command::Reschedule { plan, .. }) = cmd
    else {
        return exit::INVALID;
    };
    let Some(loaded) = load_or_say(l, plan, err) else { return exit::INVALID };
    let state = &loaded.state;
    let (by, not_a_person) = writer(l, global, &state.plan);
    if global.user.is_none()
        && let Some(note) = unnamed_account(l, &system_login())
    {
        let _ = writeln!(err, "{note}");
    }
    let who = Author::new(&by, crate::plan::model::Timestamp::now());
    let event = match cmd {
        Command::Status { action, status, note, .. } => edit::parse_status(status)
            .ok_or_else(|| EditError::UnknownStatus(status.clone()))
            .and_then(|to| edit::status(state, &who, action, to, note.clone())),
        Command::Measure { action, indicator, value, date, note, .. } => {
            edit::measure(state, &who, action, indicator, value, date.unwrap_or_else(|| global.today()), note.clone())
        }
        Command::Comment { action, text, .. } => edit::comment(state, &who, action, text),
        Command::Reschedule { action, date, note, .. } => {
            crate::plan::schedule::reschedule(state, &who, action, *date, note.clone())
        }
        _ => unreachable!("only edits reach here"),
    };
    let event = match event {
        Ok(e) => e,
        Err(e) => {
            let _ = writeln!(err, "{}{}", i18n::label(l, i18n::ERROR.get(l)), sanitize(&e.text(l)));
            return exit::INVALID;
        }
    };
    // The plan's rights: refused in words, nothing written, a distinct exit code.
    if let Err(denied) = state.may(&event) {
        let _ = writeln!(err, "{}{}", i18n::label(l, i18n::ERROR.get(l)), sanitize(&denied.text(l)));
        return exit::NO_RIGHT;
    }
    if let Some(why) = not_a_person.or_else(|| read_only_reason(l, global, &loaded.journal_path)) {
        let _ = writeln!(
            err,
            "{}{}",
            i18n::label(l, i18n::ERROR.get(l)),
            sanitize(&i18n::edit_error(l, &EditError::ReadOnly(why)))
        );
        return exit::NOT_WRITTEN;
    }
    match crate::store::append::append(l, &loaded.journal_path, &event, std::time::Duration::from_secs(5)) {
        Ok(_) => {
            let what = match &event.change {
                crate::plan::journal::Change::Reschedule { action, due } => {
                    crate::wording::rescheduled(l, state.plan.action(action).and_then(|a| a.due), *due)
                }
                c => i18n::describe_change(l, c, None),
            };
            let _ = writeln!(out, "{}", sanitize(&i18n::saved_change(l, &what)));
            exit::SUCCESS
        }
        Err(e) => {
            let _ = writeln!(err, "{}{}", i18n::label(l, i18n::ERROR.get(l)), e.in_lang(l));
            exit::NOT_WRITTEN
        }
    }
}

/// `copil search`: the matching actions, best first, one per line.
pub fn search(
    l: Lang,
    plan: &Path,
    query: &[String],
    global: &Global,
    out: &mut impl Write,
    err: &mut impl Write,
) -> i32 {
    let Some(loaded) = load_or_say(l, plan, err) else { return exit::INVALID };
    let plan = &loaded.state.plan;
    let Some(hits) = query_hits(l, &loaded, query, global, err) else { return exit::INVALID };
    // Plan order: a hit's action by its position, not one walk of the plan per hit.
    let actions: Vec<&crate::plan::model::PlanAction> = plan.walk().map(|(_, a, _)| a).collect();
    for h in &hits {
        let found = actions.get(h.position).copied().filter(|a| a.id == h.action_id);
        if let Some(a) = found.or_else(|| plan.action(&h.action_id)) {
            let _ = writeln!(out, "{}\t{}\t{}", sanitize(&a.id), i18n::status_label(l, a.status), sanitize(&a.title));
        }
    }
    if hits.is_empty() { 1 } else { 0 }
}

/// The actions matching a query's words, best first: what `copil search` prints and `copil list`
/// keeps. `None` (the reason said on `err`) when the query names an unknown status.
fn query_hits(
    l: Lang,
    loaded: &load::Loaded,
    query: &[String],
    global: &Global,
    err: &mut impl Write,
) -> Option<Vec<crate::search::Hit>> {
    let plan = &loaded.state.plan;
    let query = crate::search::parse_query(&query.join(" "));
    if let Some(e) = query.error(l) {
        let _ = writeln!(err, "{}{}", i18n::label(l, i18n::ERROR.get(l)), sanitize(&e));
        return None;
    }
    // `est:moi`: the writer's actions (over SSH, the `copil shell --user` person).
    let (me, _) = writer(l, global, plan);
    Some(crate::search::SearchIndex::new(plan).search_as(plan, &query, global.today(), Some(&me)))
}

/// `copil show`: one action as plain text. 0 shown, 2 the plan does not load or has no such action.
pub fn show(
    l: Lang,
    plan: &Path,
    action: &str,
    color: bool,
    today: Date,
    out: &mut impl Write,
    err: &mut impl Write,
) -> i32 {
    let Some(loaded) = load_or_say(l, plan, err) else { return exit::INVALID };
    let paint = crate::line::show::Paint { on: color && !crate::line::plain() };
    match crate::line::show::action_text(l, &loaded.state, action, today, &plan.display().to_string(), paint) {
        Some(text) => crate::line::print(l, &text, out, err),
        None => {
            let e = crate::plan::edit::EditError::UnknownAction(action.to_string());
            let _ = writeln!(err, "{}{}", i18n::label(l, i18n::ERROR.get(l)), sanitize(&e.text(l)));
            exit::INVALID
        }
    }
}

/// `copil list`: the matching actions (the query parsed and run by `crate::search`, as for
/// `copil search`) as lines or an outline, in plan order. 0 some, 1 none, 2 bad plan or query.
pub fn list(
    l: Lang,
    plan: &Path,
    query: &[String],
    tree: bool,
    global: &Global,
    out: &mut impl Write,
    err: &mut impl Write,
) -> i32 {
    let Some(loaded) = load_or_say(l, plan, err) else { return exit::INVALID };
    let plan = &loaded.state.plan;
    let today = global.today();
    let Some(hits) = query_hits(l, &loaded, query, global, err) else { return exit::INVALID };
    let found = crate::line::list::matching(&hits);
    let text = if tree {
        crate::line::list::tree(l, plan, &found, today)
    } else {
        crate::line::list::lines(l, plan, &found, today)
    };
    match crate::line::print(l, &text, out, err) {
        exit::SUCCESS if found.is_empty() => exit::FLAGGED,
        code => code,
    }
}

/// `copil log`: the journal, one line per change, oldest first.
pub fn log(
    l: Lang,
    plan: &Path,
    action: Option<&str>,
    since: Option<Date>,
    out: &mut impl Write,
    err: &mut impl Write,
) -> i32 {
    let Some(loaded) = load_or_say(l, plan, err) else { return exit::INVALID };
    let state = &loaded.state;
    if let Some(a) = action
        && state.plan.action(a).is_none()
    {
        let _ = writeln!(
            err,
            "{}{}",
            i18n::label(l, i18n::ERROR.get(l)),
            i18n::edit_error(l, &crate::plan::edit::EditError::UnknownAction(a.to_string()))
        );
        return exit::INVALID;
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
            crate::wording::local_rfc3339(e.event.at),
            state.plan.person_name(&e.event.by),
            if actions.is_empty() { "-".to_string() } else { actions },
            crate::wording::describe_entry(l, e)
        );
        if let Some(n) = &e.event.note {
            line.push_str(&format!(" — {n}"));
        }
        match e.outcome {
            crate::plan::state::Outcome::Undone => line.push_str(&format!(" ({})", i18n::UNDONE.get(l))),
            crate::plan::state::Outcome::Skipped => line.push_str(&format!(" ({})", i18n::NOT_APPLIED.get(l))),
            crate::plan::state::Outcome::Applied => {}
        }
        let _ = writeln!(out, "{}", sanitize(&line));
    }
    exit::SUCCESS
}

/// The formats of `copil report`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    /// Markdown, in the interface language.
    Md,
    /// CSV (RFC 4180): one record per action and sub-action.
    Csv,
    /// OpenDocument text (A4, charts).
    Odt,
    /// OpenDocument spreadsheet: a summary sheet, orientations, one row per action.
    Ods,
    /// Excel workbook: the same sheets as ODS.
    Xlsx,
    /// One self-contained HTML page (A4 when printed, charts).
    Html,
}

impl ReportFormat {
    pub const ALL: [ReportFormat; 6] = [
        ReportFormat::Md,
        ReportFormat::Csv,
        ReportFormat::Odt,
        ReportFormat::Ods,
        ReportFormat::Xlsx,
        ReportFormat::Html,
    ];

    /// Whether the document is binary (not written to a terminal).
    pub fn is_binary(self) -> bool {
        matches!(self, ReportFormat::Odt | ReportFormat::Ods | ReportFormat::Xlsx)
    }
}

/// `copil report`: the dashboard in a format, on standard output (not the binary ones) or into a
/// file (written to a temporary file beside it, then renamed). 0 written, 2 the plan does not load (nothing is
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
    let l = global.lang();
    let Some(loaded) = load_or_say(l, plan, err) else { return exit::INVALID };
    print_warnings(l, &loaded, err);
    let (past, date) = match at {
        Some(d) => (Some(crate::report::state_at(&loaded.state, d)), d),
        None => (None, global.today()),
    };
    let state = past.as_ref().unwrap_or(&loaded.state);
    if format.is_binary() && output.is_none() {
        let _ = writeln!(err, "{}{}", i18n::label(l, i18n::ERROR.get(l)), crate::report::needs_output(l));
        return exit::INVALID;
    }
    let bytes = match crate::report::render(l, state, date, format) {
        Ok(b) => b,
        Err(e) => {
            let _ = writeln!(err, "{}{}", i18n::label(l, i18n::ERROR.get(l)), i18n::io_reason(l, &e));
            return exit::NOT_WRITTEN;
        }
    };
    emit(l, &bytes, output, plan, out, err, crate::report::write_error)
}

/// `copil minutes`: the relevé de décisions of a meeting as Markdown, ODT or HTML, on standard
/// output (not ODT) or into a file (written to a temporary file beside it, then renamed). 0 written, 2 the plan does not
/// load or has no such meeting (the message lists the meetings it has; nothing is written), 3 the
/// file cannot be written.
pub fn minutes(
    l: Lang,
    plan: &Path,
    meeting: &str,
    format: crate::minutes::MinutesFormat,
    output: Option<&Path>,
    out: &mut impl Write,
    err: &mut impl Write,
) -> i32 {
    if format == crate::minutes::MinutesFormat::Odt && output.is_none() {
        let _ = writeln!(err, "{}{}", i18n::label(l, i18n::ERROR.get(l)), crate::report::needs_output(l));
        return exit::INVALID;
    }
    let Some(loaded) = load_or_say(l, plan, err) else { return exit::INVALID };
    print_warnings(l, &loaded, err);
    let Some(bytes) = crate::minutes::render(l, &loaded.state, meeting, format) else {
        let known = crate::minutes::meeting_ids(&loaded.state);
        let _ = writeln!(
            err,
            "{}{}",
            i18n::label(l, i18n::ERROR.get(l)),
            sanitize(&crate::minutes::unknown_meeting(l, meeting, &known))
        );
        return exit::INVALID;
    };
    let bytes = match bytes {
        Ok(b) => b,
        Err(e) => {
            let _ = writeln!(err, "{}{}", i18n::label(l, i18n::ERROR.get(l)), i18n::io_reason(l, &e));
            return exit::NOT_WRITTEN;
        }
    };
    emit(l, &bytes, output, plan, out, err, crate::minutes::write_error)
}

/// A document on standard output, or into `output` replaced whole (`store::export`; never over
/// the plan or its journal): 0 written, 3 it cannot be (the message from `why`).
fn emit(
    l: Lang,
    text: &[u8],
    output: Option<&Path>,
    plan: &Path,
    out: &mut impl Write,
    err: &mut impl Write,
    why: fn(Lang, &Path, &std::io::Error) -> String,
) -> i32 {
    let Some(path) = output else {
        return match out.write_all(text).and_then(|()| out.flush()) {
            Ok(()) => exit::SUCCESS,
            Err(e) => {
                let _ = writeln!(err, "{}{}", i18n::label(l, i18n::ERROR.get(l)), i18n::io_reason(l, &e));
                exit::NOT_WRITTEN
            }
        };
    };
    match crate::store::export::write_document(path, text, plan) {
        Ok(()) => exit::SUCCESS,
        Err(e) => {
            let _ = writeln!(err, "{}{}", i18n::label(l, i18n::ERROR.get(l)), why(l, path, &e));
            exit::NOT_WRITTEN
        }
    }
}
