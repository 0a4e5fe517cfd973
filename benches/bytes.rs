//! Bytes written to the terminal for one navigation key, through the real crossterm backend into
//! a counting writer. `cargo bench --bench bytes` prints a table (no timing: bytes are exact).

mod common;

use common::{Counting, app, largest_real_plan};
use copil::tui::terminal::draw_synchronized;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

fn main() {
    // `cargo bench` passes --bench; `cargo test --benches` runs this too, quickly.
    let plan = largest_real_plan();
    println!("plan: {}", plan.display());
    println!("{:<10} {:<22} {:>8} {:>8} {:>8}", "size", "key", "min", "median", "max");
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
            a.handle_key(KeyEvent::new(KeyCode::Char('+'), KeyModifiers::NONE));
            a.resize(w, h);
            let counter = Counting::default();
            let mut t = Terminal::with_options(
                CrosstermBackend::new(counter.clone()),
                TerminalOptions { viewport: Viewport::Fixed(Rect::new(0, 0, w, h)) },
            )
            .unwrap();
            draw_synchronized(&mut t, |f| a.draw(f)).unwrap();
            if code == KeyCode::Up {
                // Start from the bottom so that Up moves.
                a.handle_key(KeyEvent::new(KeyCode::End, KeyModifiers::NONE));
                draw_synchronized(&mut t, |f| a.draw(f)).unwrap();
            }
            let mut counts = Vec::new();
            for _ in 0..40 / burst {
                let before = counter.get();
                for _ in 0..burst {
                    a.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
                }
                draw_synchronized(&mut t, |f| a.draw(f)).unwrap();
                counts.push((counter.get() - before) / burst);
            }
            counts.sort();
            println!(
                "{:<10} {:<22} {:>8} {:>8} {:>8}",
                format!("{w}x{h}"),
                label,
                counts[0],
                counts[counts.len() / 2],
                counts[counts.len() - 1]
            );
        }
    }
}
