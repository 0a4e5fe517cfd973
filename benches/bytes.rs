//! Bytes written to the terminal per key, through the real crossterm backend into a counting
//! writer. `cargo bench --bench bytes` prints a table (no timing: bytes are exact).
//!
//! The app is set up as `copil PLAN` sets it (`cli::DETAIL_DELAY`): moving in the tree redraws
//! the tree's rows at once ("key" column) and the detail pane once keys stop ("detail follows").

mod common;

use common::{Counting, app, largest_real_plan};
use copil::tui::app::App;
use copil::tui::terminal::draw_synchronized;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

type Term = Terminal<CrosstermBackend<Counting>>;

fn press(a: &mut App, code: KeyCode) {
    a.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
}

/// Bytes of one frame.
fn frame(a: &App, t: &mut Term, counter: &Counting) -> usize {
    let before = counter.get();
    draw_synchronized(t, |f| a.draw(f)).unwrap();
    counter.get() - before
}

fn stats(mut v: Vec<usize>) -> (usize, usize, usize) {
    v.sort();
    (v[0], v[v.len() / 2], v[v.len() - 1])
}

fn main() {
    // `cargo bench` passes --bench; `cargo test --benches` runs this too, quickly.
    let plan = largest_real_plan();
    println!("plan: {}", plan.display());
    println!("{:<8} {:<22} {:>22}   {:>22}", "size", "key", "key: min/median/max", "detail follows: median");
    for (w, h) in [(80u16, 24u16), (120, 40)] {
        // The last row: 8 Down keys queued before one frame (a held key), bytes per key; the
        // event loop handles queued keys before it draws.
        for (label, code, burst) in [
            ("Down (tree)", KeyCode::Down, 1),
            ("Up (tree)", KeyCode::Up, 1),
            ("J (scroll detail)", KeyCode::Char('J'), 1),
            ("Down x8 typed ahead", KeyCode::Down, 8),
        ] {
            let mut a = app(&plan);
            a.detail_delay = copil::cli::DETAIL_DELAY;
            press(&mut a, KeyCode::Char('+'));
            a.resize(w, h);
            let counter = Counting::default();
            let mut t = Terminal::with_options(
                CrosstermBackend::new(counter.clone()),
                TerminalOptions { viewport: Viewport::Fixed(Rect::new(0, 0, w, h)) },
            )
            .unwrap();
            frame(&a, &mut t, &counter);
            if code == KeyCode::Up {
                // Start from the bottom so that Up moves.
                press(&mut a, KeyCode::End);
                a.settle();
                frame(&a, &mut t, &counter);
            }
            let (mut keys, mut follows) = (Vec::new(), Vec::new());
            for _ in 0..40 / burst {
                for _ in 0..burst {
                    press(&mut a, code);
                }
                keys.push(frame(&a, &mut t, &counter) / burst);
                // The keys stop: the detail pane follows.
                a.settle();
                follows.push(frame(&a, &mut t, &counter));
            }
            let (min, med, max) = stats(keys);
            let (_, fmed, _) = stats(follows);
            println!("{:<8} {:<22} {:>22}   {:>22}", format!("{w}x{h}"), label, format!("{min} / {med} / {max}"), fmed);
        }
    }
}
