//! Terminal set-up and restoration: on normal exit, on error, on panic, and on SIGTERM/SIGHUP
//! (the loop notices the signal flag and returns through the normal path).

use std::io::{self, Stdout, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use crossterm::cursor::{Hide, Show};
use crossterm::terminal::{
    BeginSynchronizedUpdate, EndSynchronizedUpdate, EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode,
    enable_raw_mode,
};
use crossterm::{execute, queue};
use ratatui::Terminal;
use ratatui::backend::{Backend, CrosstermBackend};

pub type Term = Terminal<CrosstermBackend<Stdout>>;

/// Puts the terminal back as it was. Safe to call more than once, and when it was never set up.
pub fn restore() {
    let _ = disable_raw_mode();
    let _ = execute!(io::stdout(), LeaveAlternateScreen, Show);
}

/// Restores the terminal before the panic report (color-eyre's hook, installed first) is printed.
fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}

/// How long the loop has to notice a stop signal before the watchdog ends the process.
const STOP_GRACE: Duration = Duration::from_secs(1);

/// Ends the process if the loop does not stop in time after a signal. When the terminal goes
/// away (an SSH connection drops, a tmux server is killed), crossterm's reader spins on the
/// closed tty (every read returns end of file) and never returns to the loop: without this, the
/// process would keep a core busy forever on a shared server. The loop normally returns within
/// one tick, and the process exits before the grace period ends.
fn spawn_watchdog(stop: Arc<AtomicBool>) {
    let _ = std::thread::Builder::new().name("copil-stop-watchdog".into()).spawn(move || {
        while !stop.load(Ordering::Relaxed) {
            std::thread::sleep(Duration::from_millis(100));
        }
        std::thread::sleep(STOP_GRACE);
        restore();
        // The one exit outside `main`: the loop is stuck, so it cannot return there.
        #[allow(clippy::exit)]
        std::process::exit(crate::exit::SUCCESS);
    });
}

/// Raw mode, alternate screen, hidden cursor; and the flag that SIGTERM, SIGHUP and SIGINT raise.
pub fn init() -> io::Result<(Term, Arc<AtomicBool>)> {
    install_panic_hook();
    let stop = Arc::new(AtomicBool::new(false));
    for sig in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP, signal_hook::consts::SIGINT] {
        signal_hook::flag::register(sig, Arc::clone(&stop))?;
    }
    spawn_watchdog(Arc::clone(&stop));
    enable_raw_mode()?;
    let mut out = io::stdout();
    if let Err(e) = execute!(out, EnterAlternateScreen, Hide) {
        restore();
        return Err(e);
    }
    Ok((Terminal::new(CrosstermBackend::new(out))?, stop))
}

/// Draws one frame inside a synchronized update, so the terminal shows it all at once.
pub fn draw_synchronized<W: Write>(
    terminal: &mut Terminal<CrosstermBackend<W>>,
    render: impl FnOnce(&mut ratatui::Frame),
) -> io::Result<()>
where
    CrosstermBackend<W>: Backend<Error = io::Error>,
{
    queue!(terminal.backend_mut(), BeginSynchronizedUpdate)?;
    terminal.draw(render)?;
    execute!(terminal.backend_mut(), EndSynchronizedUpdate)?;
    Ok(())
}
