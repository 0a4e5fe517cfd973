//! Load + replay, first frame, and one frame after a key, on the largest real plan and on a
//! generated plan of 5,000 actions with a 50,000-line journal. `cargo bench --bench load_render`

mod common;

use std::hint::black_box;

use common::{Counting, app, generated_plan, largest_real_plan};
use copil::lang::Lang;
use copil::store::load::load;
use copil::tui::terminal::draw_synchronized;
use criterion::{Criterion, criterion_group, criterion_main};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

fn terminal(w: u16, h: u16) -> Terminal<CrosstermBackend<Counting>> {
    Terminal::with_options(
        CrosstermBackend::new(Counting::default()),
        TerminalOptions { viewport: Viewport::Fixed(Rect::new(0, 0, w, h)) },
    )
    .unwrap()
}

fn benches(c: &mut Criterion) {
    let plans = [("real", largest_real_plan()), ("generated-5000", generated_plan())];
    for (name, path) in &plans {
        c.bench_function(&format!("load_replay/{name}"), |b| b.iter(|| black_box(load(Lang::Fr, path).unwrap())));
        c.bench_function(&format!("load_and_first_frame_120x40/{name}"), |b| {
            b.iter(|| {
                let mut a = app(path);
                a.resize(120, 40);
                let mut t = terminal(120, 40);
                draw_synchronized(&mut t, |f| a.draw(f)).unwrap();
                black_box(t.size().unwrap())
            })
        });
        let mut a = app(path);
        a.resize(120, 40);
        let mut t = terminal(120, 40);
        draw_synchronized(&mut t, |f| a.draw(f)).unwrap();
        let mut down = true;
        c.bench_function(&format!("key_and_frame_120x40/{name}"), |b| {
            b.iter(|| {
                let code = if down { KeyCode::Down } else { KeyCode::Up };
                down = !down;
                a.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
                draw_synchronized(&mut t, |f| a.draw(f)).unwrap();
            })
        });
    }
}

criterion_group! {
    name = group;
    config = Criterion::default().sample_size(20).measurement_time(std::time::Duration::from_secs(3));
    targets = benches
}
criterion_main!(group);
