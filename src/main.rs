use std::process::ExitCode;

use clap::Parser;
use copil::cli::{self, Cli, Command};
use copil::exit;

fn main() -> ExitCode {
    // As `main() -> Result` would: the error's report on stderr, and exit code 1.
    match run() {
        Ok(code) => exit::code(code),
        Err(e) => {
            eprintln!("Error: {e:?}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> color_eyre::Result<i32> {
    color_eyre::install()?;
    let mut cli = Cli::parse();
    cli.global.settle_lang();
    let l = cli.global.lang();
    if cli.command.is_some() {
        cli.global.apply_plain();
    }
    let code = match &cli.command {
        Some(Command::Check { plan }) => cli::check(l, plan, &mut std::io::stdout(), &mut std::io::stderr()),
        Some(
            cmd @ (Command::Status { .. }
            | Command::Measure { .. }
            | Command::Comment { .. }
            | Command::Reschedule { .. }),
        ) => cli::edit(l, cmd, &cli.global, &mut std::io::stdout(), &mut std::io::stderr()),
        Some(Command::Log { plan, action, since }) => {
            cli::log(l, plan, action.as_deref(), *since, &mut std::io::stdout(), &mut std::io::stderr())
        }
        Some(Command::Report { plan, format, at, output }) => cli::report(
            plan,
            *format,
            *at,
            output.as_deref(),
            &cli.global,
            &mut std::io::stdout(),
            &mut std::io::stderr(),
        ),
        Some(Command::Minutes { plan, meeting, format, output }) => {
            cli::minutes(l, plan, meeting, *format, output.as_deref(), &mut std::io::stdout(), &mut std::io::stderr())
        }
        Some(Command::Search { plan, query }) => {
            cli::search(l, plan, query, &cli.global, &mut std::io::stdout(), &mut std::io::stderr())
        }
        Some(Command::Show { plan, action, color }) => {
            cli::show(l, plan, action, *color, cli.global.today(), &mut std::io::stdout(), &mut std::io::stderr())
        }
        Some(Command::List { plan, tree, query }) => {
            cli::list(l, plan, query, *tree, &cli.global, &mut std::io::stdout(), &mut std::io::stderr())
        }
        Some(Command::Shell { user, path }) => {
            let original = std::env::var("SSH_ORIGINAL_COMMAND").ok();
            copil::shell::run(l, user, path, &cli.global, original.as_deref())?
        }
        Some(Command::Verify { plan, minutes }) => {
            cli::verify(l, plan, minutes.as_deref(), &mut std::io::stdout(), &mut std::io::stderr())
        }
        Some(Command::Keys { plan }) => {
            copil::shell::keys::print(l, plan, &mut std::io::stdout(), &mut std::io::stderr())
        }
        Some(Command::Import { input, output }) => {
            copil::import::run_import(l, input, output, &mut std::io::stdout(), &mut std::io::stderr())
        }
        Some(Command::Template { format, output }) => {
            copil::import::run_template(l, *format, output, &mut std::io::stdout(), &mut std::io::stderr())
        }
        Some(Command::New { plan }) => copil::import::run_new(l, plan, &mut std::io::stdout(), &mut std::io::stderr()),
        Some(Command::Generate { dir, name, actions, journal }) => {
            let path = copil::generate::write(dir, name, *actions, *journal)?;
            println!("{}", path.display());
            exit::SUCCESS
        }
        None => match &cli.plan {
            Some(plan) => cli::open(l, plan, &cli.global, &mut std::io::stderr())?,
            None => {
                use clap::CommandFactory;
                Cli::command().print_help()?;
                exit::INVALID
            }
        },
    };
    Ok(code)
}
