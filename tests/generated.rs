//! The generator makes plans that load cleanly: benchmarks measure real work, not error paths.

mod common;

use copil::lang::Lang;
use copil::store::load::load;

#[test]
fn a_generated_plan_and_journal_load_without_warnings() {
    let dir = tempfile::tempdir().unwrap();
    let path = copil::generate::write(dir.path(), "g", 400, 3000).unwrap();
    let loaded = load(Lang::Fr, &path).unwrap_or_else(|d| panic!("{d}"));
    assert_eq!(loaded.state.plan.walk().count(), 400);
    assert_eq!(loaded.state.entries.len(), 3000);
    assert!(loaded.state.all_warnings().is_empty(), "{:?}", loaded.state.all_warnings());
    assert!(loaded.state.meetings.len() >= 2);
}

#[test]
fn generation_is_deterministic() {
    let a = copil::generate::plan(50, 7);
    let b = copil::generate::plan(50, 7);
    assert_eq!(a, b);
    assert_eq!(copil::generate::journal(&a, 100, 1), copil::generate::journal(&b, 100, 1));
}

/// Loading replays a whole journal in one batch (one rebuild however many undos); applying the
/// same lines one by one, as the live watcher does, must give exactly the same state.
#[test]
fn a_journal_loaded_at_once_equals_the_same_lines_applied_one_by_one() {
    let plan = copil::generate::plan(300, 3);
    let events = copil::generate::journal(&plan, 4000, 5);
    assert!(events.iter().filter(|e| matches!(e.change, copil::plan::journal::Change::Undo { .. })).count() >= 4);
    let (one_by_one, batch) = common::applied_both_ways(&plan, &events);
    assert_eq!(batch.plan, one_by_one.plan);
    assert_eq!(batch.meetings, one_by_one.meetings);
    assert_eq!(batch.tasks, one_by_one.tasks);
    assert_eq!(batch.warnings, one_by_one.warnings);
    for (a, b) in batch.entries.iter().zip(&one_by_one.entries) {
        assert_eq!((a.line, &a.outcome, a.before), (b.line, &b.outcome, b.before), "line {}", a.line);
    }
    assert_eq!(batch.entries.len(), one_by_one.entries.len());
}
