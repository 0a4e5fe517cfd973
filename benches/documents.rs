//! Writing the documents: the report in every format and the minutes of a meeting, on the largest
//! real plan and on a generated plan of 5,000 actions with a 50,000-line journal (the report draws
//! one chart per indicator with values in HTML and ODT). `cargo bench --bench documents`

mod common;

use std::hint::black_box;
use std::time::Duration;

use common::{generated_plan, largest_real_plan};
use copil::cli::ReportFormat;
use copil::lang::Lang;
use copil::minutes::MinutesFormat;
use copil::plan::model::Date;
use copil::store::load::load;
use criterion::{Criterion, criterion_group, criterion_main};

fn benches(c: &mut Criterion) {
    let at = Date::ymd(2026, 11, 23);
    let plans = [("real", largest_real_plan()), ("generated-5000", generated_plan())];
    for (name, path) in &plans {
        let state = load(Lang::Fr, path).unwrap_or_else(|d| panic!("{d}")).state;
        for format in ReportFormat::ALL {
            let f = format!("{format:?}").to_lowercase();
            c.bench_function(&format!("report_{f}/{name}"), |b| {
                b.iter(|| black_box(copil::report::render(Lang::Fr, &state, at, format).unwrap().len()))
            });
        }
        // The meeting with the most lines.
        let Some(meeting) = state.meetings.iter().max_by_key(|m| m.items.len()) else { continue };
        for format in MinutesFormat::ALL {
            let f = format!("{format:?}").to_lowercase();
            c.bench_function(&format!("minutes_{f}/{name}"), |b| {
                b.iter(|| {
                    black_box(copil::minutes::render(Lang::Fr, &state, &meeting.id, format).unwrap().unwrap().len())
                })
            });
        }
    }
}

criterion_group! {
    name = documents;
    config = Criterion::default().sample_size(10).measurement_time(Duration::from_secs(3)).warm_up_time(Duration::from_secs(1));
    targets = benches
}
criterion_main!(documents);
