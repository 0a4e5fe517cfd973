//! End to end in tmux: on a large plan, `/` opens at once and keeps taking keys while the search
//! index is built on another thread; the results of what was typed then show. Needs tmux.

mod common;

use common::tmux::Tmux;

const BIN: &str = env!("CARGO_BIN_EXE_copil");

#[test]
fn a_large_plan_takes_search_keys_while_its_index_builds() {
    let dir = tempfile::tempdir().unwrap();
    let plan = copil::generate::write(dir.path(), "big", 30_000, 100).unwrap();
    let cmd = format!("{BIN} --lang fr --today 2026-11-23 '{}'; echo \"EXIT=$?\"; sleep 60", plan.display());
    let t = Tmux::start("bigsearch", 100, 30, &cmd);
    t.wait_for("Détail", 60);
    // `/` and the words at once: the keys that arrive while the index is being built (on a
    // slow machine, all of them) land in the line.
    t.keys(&["/"]);
    t.typed("mediation sante");
    let s = t.wait_for("/ mediation sante", 10);
    assert!(s.contains("Recherche"), "{s}");
    // Then the results of the whole line, without another key.
    let s = t.wait_for("actions sur 30000", 60);
    assert!(!s.contains("indexation du plan"), "{s}");
    // Typing goes on, each key answered; the filter shows.
    t.typed(" est:retard");
    let s = t.wait_for("/ mediation sante est:retard", 10);
    let s = if s.contains("Filtres : en retard") { s } else { t.wait_for("Filtres : en retard", 10) };
    assert!(s.contains("actions sur 30000") || s.contains("1 action sur 30000"), "{s}");
    t.keys(&["Enter"]);
    let s = t.wait_for("filtre", 10);
    assert!(!s.contains("Recherche"), "back to the tree: {s}");
}
