//! `copil shell --user PERSON PATH`: the forced command of an SSH service account.
//!
//! One account serves a whole team, the way gitolite does: each person's key in the account's
//! `authorized_keys` is forced to `copil shell --user ID PATH` (`copil keys` prints those lines).
//! sshd puts what the remote user typed in `SSH_ORIGINAL_COMMAND`; copil splits it into words
//! (shell rules, without ever running a shell) and runs only its own read and edit commands, on
//! plans inside PATH (see [`confine`]), writing as PERSON. Without a command it opens the
//! interface: a chooser of PATH's plans, or the plan itself when PATH is one.

pub mod chooser;
pub mod confine;
pub mod keys;

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use clap::Parser;

use crate::cli::{self, Cli, Command, Global};
use crate::exit;
use crate::i18n::{self, Lang};
use crate::plan::model::Plan;
use crate::sanitize::sanitize;
use confine::{Refusal, Scope};

/// The subcommands a remote user may run: copil's own read and edit commands.
pub const ALLOWED: [&str; 12] = [
    "check",
    "verify",
    "status",
    "measure",
    "comment",
    "reschedule",
    "log",
    "search",
    "show",
    "list",
    "report",
    "minutes",
];

/// What a remote command asks for, once checked.
#[derive(Debug)]
pub enum Request {
    /// The list of what may be typed (in the language asked with `--lang`, if any).
    Help(Option<Lang>),
    /// The interface: on this plan (relative to PATH), else the chooser (or PATH's plan).
    Open { plan: Option<PathBuf>, global: Global },
    /// One of [`ALLOWED`], its file names confined to PATH.
    Run { command: Command, global: Global },
}

/// Why a remote command is not run.
#[derive(Debug, PartialEq)]
pub enum Refused {
    /// Quotes that do not close.
    Unbalanced,
    /// Not one of copil's read and edit commands.
    NotAllowed(String),
    /// A file name outside PATH (or otherwise unfit).
    Path(Refusal),
    /// The words do not make a command: clap's message, and the exit code (0 for `--help`).
    Usage(String, i32),
}

/// The identity of a `copil shell` session: PERSON when the plan declares that person, else
/// PERSON with the reason the session may only read.
pub fn writer(l: Lang, plan: &Plan, user: &str) -> (String, Option<String>) {
    let person = plan.people.iter().any(|p| p.id == user);
    (user.to_string(), (!person).then(|| not_a_person(l, user)))
}

/// Reads the remote command: words split by shell rules (never by a shell), an optional leading
/// `copil`, then one of [`ALLOWED`] with its file names confined to PATH, or a plan to open, or
/// nothing (the interface). The session's options are the administrator's (`admin`, from the
/// forced command) overridden by the user's harmless ones; `--keymap` and `--config` files must
/// be inside PATH; PERSON is the writer whatever the environment says.
pub fn request(scope: &Scope, user: &str, admin: &Global, original: Option<&str>) -> Result<Request, Refused> {
    let mut words = match original.map(str::trim).filter(|c| !c.is_empty()) {
        None => Vec::new(),
        Some(c) => shlex::split(c).ok_or(Refused::Unbalanced)?,
    };
    if words.first().is_some_and(|w| w == "copil") {
        words.remove(0);
    }
    if words.is_empty() {
        return Ok(Request::Open { plan: None, global: merged(scope, user, admin, None)? });
    }
    if matches!(words[0].as_str(), "--help" | "-h") || first_word(&words) == Some("help") {
        let lang = words.iter().zip(words.iter().skip(1)).find(|(o, _)| *o == "--lang").map(|(_, v)| v);
        return Ok(Request::Help(lang.and_then(|v| clap::ValueEnum::from_str(v, true).ok())));
    }
    if let Some(first) = first_word(&words)
        && !ALLOWED.contains(&first)
        && scope.plan(Path::new(first)).is_err()
    {
        return Err(Refused::NotAllowed(first.to_string()));
    }
    let parsed = Cli::try_parse_from(std::iter::once("copil".to_string()).chain(words)).map_err(|e| {
        let code = if e.use_stderr() { 2 } else { 0 };
        Refused::Usage(e.render().to_string(), code)
    })?;
    let global = merged(scope, user, admin, Some(parsed.global))?;
    let Some(command) = parsed.command else {
        let plan = parsed.plan.map(|p| scope.plan(&p)).transpose().map_err(Refused::Path)?;
        return Ok(Request::Open { plan, global });
    };
    Ok(Request::Run { command: confined(scope, command)?, global })
}

/// The command's name: the first word that is neither an option nor an option's value.
fn first_word(words: &[String]) -> Option<&str> {
    const TAKE_VALUE: [&str; 5] = ["--lang", "--keymap", "--theme", "--config", "--today"];
    let mut words = words.iter();
    while let Some(w) = words.next() {
        if TAKE_VALUE.contains(&w.as_str()) {
            words.next();
        } else if !w.starts_with('-') {
            return Some(w);
        }
    }
    None
}

/// The session's options: the user's language, theme and projection mode over the
/// administrator's; read-only if either says so; files inside PATH; PERSON as the writer.
fn merged(scope: &Scope, user: &str, admin: &Global, mine: Option<Global>) -> Result<Global, Refused> {
    let inside = |p: Option<PathBuf>| p.map(|p| scope.input(&p)).transpose().map_err(Refused::Path);
    let mut g = admin.clone();
    if let Some(mine) = mine {
        g.keymap = inside(mine.keymap)?.or(g.keymap);
        g.config = inside(mine.config)?.or(g.config);
        g.lang = mine.lang.or(g.lang);
        g.theme = mine.theme.or(g.theme);
        g.today = mine.today.or(g.today);
        g.present |= mine.present;
        g.read_only |= mine.read_only;
    }
    g.user = Some(user.to_string());
    Ok(g)
}

/// An allowed command with its plan and output names resolved inside PATH.
fn confined(scope: &Scope, command: Command) -> Result<Command, Refused> {
    let plan = |p: PathBuf| scope.plan(&p).map_err(Refused::Path);
    let output = |o: Option<PathBuf>| o.map(|o| scope.output(&o)).transpose().map_err(Refused::Path);
    Ok(match command {
        Command::Check { plan: p } => Command::Check { plan: plan(p)? },
        Command::Verify { plan: p, minutes } => Command::Verify { plan: plan(p)?, minutes: output(minutes)? },
        Command::Status { plan: p, action, status, note } => Command::Status { plan: plan(p)?, action, status, note },
        Command::Measure { plan: p, action, indicator, value, date, note } => {
            Command::Measure { plan: plan(p)?, action, indicator, value, date, note }
        }
        Command::Comment { plan: p, action, text } => Command::Comment { plan: plan(p)?, action, text },
        Command::Reschedule { plan: p, action, date, note } => {
            Command::Reschedule { plan: plan(p)?, action, date, note }
        }
        Command::Show { plan: p, action, color } => Command::Show { plan: plan(p)?, action, color },
        Command::List { plan: p, tree, query } => Command::List { plan: plan(p)?, tree, query },
        Command::Log { plan: p, action, since } => Command::Log { plan: plan(p)?, action, since },
        Command::Search { plan: p, query } => Command::Search { plan: plan(p)?, query },
        Command::Report { plan: p, format, at, output: o } => {
            Command::Report { plan: plan(p)?, format, at, output: output(o)? }
        }
        Command::Minutes { plan: p, meeting, output: o, format } => {
            Command::Minutes { plan: plan(p)?, meeting, output: output(o)?, format }
        }
        other => return Err(Refused::NotAllowed(name(&other))),
    })
}

/// Runs `copil shell --user USER PATH` with sshd's `SSH_ORIGINAL_COMMAND` (`original`).
pub fn run(l: Lang, user: &str, path: &Path, admin: &Global, original: Option<&str>) -> std::io::Result<i32> {
    let (mut out, mut err) = (std::io::stdout(), std::io::stderr());
    let scope = match Scope::new(path) {
        Ok(s) => s,
        Err(e) => {
            writeln!(err, "{}{}{e}", i18n::label(l, i18n::ERROR.get(l)), i18n::label(l, &path.display().to_string()))?;
            return Ok(exit::INVALID);
        }
    };
    // Every name is relative to PATH, and messages show it so (not the server's layout).
    std::env::set_current_dir(scope.root())?;
    let request = match request(&scope, user, admin, original) {
        Ok(r) => r,
        Err(Refused::Usage(text, code)) => {
            if code == 0 {
                write!(out, "{text}")?
            } else {
                write!(err, "{text}")?
            }
            return Ok(code);
        }
        Err(why) => {
            writeln!(err, "{}{}", i18n::label(l, i18n::ERROR.get(l)), sanitize(&refused(l, &why)))?;
            return Ok(exit::REFUSED);
        }
    };
    match request {
        Request::Help(lang) => {
            let l = lang.unwrap_or(l);
            write!(out, "{}", help(l, user))?;
            Ok(exit::SUCCESS)
        }
        Request::Open { plan, global } => {
            let l = global.lang.unwrap_or(l);
            if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
                writeln!(err, "{}{}", i18n::label(l, i18n::ERROR.get(l)), no_terminal(l))?;
                return Ok(exit::INVALID);
            }
            match (plan, &scope) {
                (Some(p), _) => cli::open(l, &p, &global, &mut err),
                (None, Scope::Plan { file, .. }) => cli::open(l, file, &global, &mut err),
                (None, Scope::Folder { .. }) => chooser::run(l, &scope, &global),
            }
        }
        Request::Run { command, global } => {
            let l = global.lang.unwrap_or(l);
            Ok(dispatch(l, &command, &global, &mut out, &mut err))
        }
    }
}

/// Runs an allowed, confined command (as `main` would).
fn dispatch(l: Lang, command: &Command, global: &Global, out: &mut impl Write, err: &mut impl Write) -> i32 {
    match command {
        Command::Check { plan } => cli::check(l, plan, out, err),
        Command::Verify { plan, minutes } => cli::verify(l, plan, minutes.as_deref(), out, err),
        Command::Status { .. } | Command::Measure { .. } | Command::Comment { .. } | Command::Reschedule { .. } => {
            cli::edit(l, command, global, out, err)
        }
        Command::Show { plan, action, color } => cli::show(l, plan, action, *color, global.today(), out, err),
        Command::List { plan, tree, query } => cli::list(l, plan, query, *tree, global, out, err),
        Command::Log { plan, action, since } => cli::log(l, plan, action.as_deref(), *since, out, err),
        Command::Search { plan, query } => cli::search(l, plan, query, global, out, err),
        Command::Report { plan, format, at, output } => {
            cli::report(plan, *format, *at, output.as_deref(), global, out, err)
        }
        Command::Minutes { plan, meeting, output, format } => {
            cli::minutes(l, plan, meeting, *format, output.as_deref(), out, err)
        }
        _ => exit::REFUSED,
    }
}

/// A command's name, as typed (`Keys { .. }` → `keys`).
fn name(command: &Command) -> String {
    let debug = format!("{command:?}");
    debug.split([' ', '{']).next().unwrap_or_default().to_lowercase()
}

fn not_a_person(l: Lang, user: &str) -> String {
    tr!(l, format!("« {user} » n'est pas une personne du plan"), format!("\"{user}\" is not a person of the plan"))
}

fn no_terminal(l: Lang) -> String {
    tr!(
        l,
        "l'interface a besoin d'un terminal : connectez-vous avec `ssh -t`".to_string(),
        "the interface needs a terminal: connect with `ssh -t`".to_string()
    )
}

/// Why a remote command was refused, in the interface language.
pub fn refused(l: Lang, why: &Refused) -> String {
    let allowed = ALLOWED.join(", ");
    match why {
        Refused::Unbalanced => {
            tr!(l, "guillemets non refermés dans la commande".to_string(), "unclosed quotes in the command".to_string())
        }
        Refused::NotAllowed(cmd) => tr!(
            l,
            format!("commande refusée : « {cmd} » ; ce compte ne lance que copil : {allowed} (ou un plan à ouvrir)"),
            format!("command refused: \"{cmd}\"; this account runs only copil: {allowed} (or a plan to open)")
        ),
        Refused::Path(r) => refusal(l, r),
        Refused::Usage(text, _) => text.clone(),
    }
}

fn refusal(l: Lang, r: &Refusal) -> String {
    match r {
        Refusal::Parent(p) => tr!(
            l,
            format!("chemin refusé : « {p} » : `..` n'est pas permis ; attendu un nom dans le dossier des plans"),
            format!("path refused: \"{p}\": `..` is not allowed; expected a name in the plans' folder")
        ),
        Refusal::Outside(p) => tr!(
            l,
            format!("chemin refusé : « {p} » est hors du dossier des plans"),
            format!("path refused: \"{p}\" is outside the plans' folder")
        ),
        Refusal::Missing(p) => tr!(l, format!("« {p} » n'existe pas"), format!("\"{p}\" does not exist")),
        Refusal::NotAFile(p) => {
            tr!(l, format!("« {p} » n'est pas un fichier ordinaire"), format!("\"{p}\" is not a regular file"))
        }
        Refusal::NotAPlan(p) => tr!(
            l,
            format!("« {p} » n'est pas un plan : attendu NOM ou NOM.ron"),
            format!("\"{p}\" is not a plan: expected NAME or NAME.ron")
        ),
        Refusal::NotThisPlan(p) => tr!(
            l,
            format!("« {p} » : ce compte ne sert qu'un plan"),
            format!("\"{p}\": this account serves only one plan")
        ),
        Refusal::NotADocument(p) => tr!(
            l,
            format!("sortie refusée : « {p} » : attendu un fichier .md ou .csv"),
            format!("output refused: \"{p}\": expected a .md or .csv file")
        ),
    }
}

/// What may be typed after `ssh ACCOUNT@SERVER`.
pub fn help(l: Lang, user: &str) -> String {
    let user = sanitize(user);
    tr!(
        l,
        format!(
            "copil — connecté en tant que « {user} »\n\n\
             ssh -t COMPTE@SERVEUR            choisir un plan et l'ouvrir\n\
             ssh -t COMPTE@SERVEUR PLAN       ouvrir ce plan\n\
             ssh COMPTE@SERVEUR COMMANDE …    une commande de copil :\n\
             \x20 {}\n\n\
             Exemple : ssh COMPTE@SERVEUR status PLAN 1-1 encours\n\
             `ssh COMPTE@SERVEUR COMMANDE --help` détaille une commande.\n",
            ALLOWED.join(", ")
        ),
        format!(
            "copil — logged in as \"{user}\"\n\n\
             ssh -t ACCOUNT@SERVER            choose a plan and open it\n\
             ssh -t ACCOUNT@SERVER PLAN       open that plan\n\
             ssh ACCOUNT@SERVER COMMAND …     one of copil's commands:\n\
             \x20 {}\n\n\
             Example: ssh ACCOUNT@SERVER status PLAN 1-1 in-progress\n\
             `ssh ACCOUNT@SERVER COMMAND --help` details a command.\n",
            ALLOWED.join(", ")
        )
    )
}
