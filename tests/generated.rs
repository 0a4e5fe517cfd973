//! The generator makes plans that load cleanly: benchmarks measure real work, not error paths.

use copil::store::load::load;

#[test]
fn a_generated_plan_and_journal_load_without_warnings() {
    let dir = tempfile::tempdir().unwrap();
    let path = copil::generate::write(dir.path(), "g", 400, 3000).unwrap();
    let loaded = load(&path).unwrap_or_else(|d| panic!("{d}"));
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
