//! Terminal set-up and restoration: on normal exit, on error, on panic, and on SIGTERM/SIGHUP
//! (the loop notices the signal flag and returns through the normal path).

use std::io::{self, Stdout, Write};
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

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

/// Raw mode, alternate screen, hidden cursor; and the flag that SIGTERM, SIGHUP and SIGINT raise.
pub fn init() -> io::Result<(Term, Arc<AtomicBool>)> {
    install_panic_hook();
    let stop = Arc::new(AtomicBool::new(false));
    for sig in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP, signal_hook::consts::SIGINT] {
        signal_hook::flag::register(sig, Arc::clone(&stop))?;
    }
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
