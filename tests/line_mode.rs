//! The line mode (issue 17): `copil show` and `copil list` compared with golden outputs in French
//! and English, `list` following the search's query, `--plain` (and `NO_COLOR`, `TERM=dumb`)
//! leaving no symbol whose meaning is only visual in any command's output, the full screen
//! refusing a dumb terminal, and indicator ids shown in the interface and taken by `copil measure`.
//!
//! After a deliberate change of the output, write the goldens again with
//! `UPDATE_GOLDEN=1 cargo test --test line_mode` and read the diff before keeping it.

mod common;

use common::{app_at, copil, copil_env, copy_fixture, golden, journal_lines, key, screen};
use crossterm::event::KeyCode;

use copil::line::is_visual_symbol;
use copil::tui::view::theme::Theme;

const CHARENTE: &str = "plans/charente.ron";
const BOUCHES: &str = "plans/bouches-du-rhone.ron";
const EXTRACT: &str = "tests/fixtures/charente-extract.ron";

/// Runs copil, asserting the exit code; returns standard output.
fn run(args: &[&str], code: i32) -> String {
    let out = copil(args);
    assert_eq!(out.status.code(), Some(code), "copil {args:?}; stderr:\n{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// The text without its SGR sequences (`ESC [ 1;91 m`); any other escape stays.
fn strip_sgr(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(i) = rest.find("\x1b[") {
        out.push_str(&rest[..i]);
        let params = rest[i + 2..].find(|c: char| !c.is_ascii_digit() && c != ';').map(|n| i + 2 + n);
        match params {
            Some(end) if rest[end..].starts_with('m') => rest = &rest[end + 1..],
            _ => {
                out.push_str(&rest[i..i + 2]);
                rest = &rest[i + 2..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn symbols(text: &str) -> Vec<(usize, String)> {
    text.lines().enumerate().filter(|(_, l)| l.chars().any(is_visual_symbol)).map(|(i, l)| (i + 1, l.into())).collect()
}

// ------------------------------------------------------------------------------------------------
// Goldens

#[test]
fn golden_show_of_a_bundled_action_in_french_and_english() {
    for lang in ["fr", "en"] {
        let out = run(&["show", CHARENTE, "Spup10", "--today", "2021-06-30", "--lang", lang], 0);
        golden(&format!("show-charente-Spup10-{lang}.txt"), out.as_bytes());
    }
}

/// The extract has what the bundled plans lack: a journal (measurements, a comment, a status
/// undone, meeting lines), sub-actions, milestones and a budget.
#[test]
fn golden_show_with_history_sub_actions_and_budget() {
    for lang in ["fr", "en"] {
        for action in ["Spup01", "Spup03", "Spup04"] {
            let out = run(&["show", EXTRACT, action, "--today", "2019-01-01", "--lang", lang], 0);
            golden(&format!("show-extract-{action}-{lang}.txt"), out.as_bytes());
        }
    }
}

#[test]
fn golden_list_and_tree_in_french_and_english() {
    for lang in ["fr", "en"] {
        let list = run(&["list", CHARENTE, "--today", "2021-06-30", "--lang", lang], 0);
        golden(&format!("list-charente-{lang}.txt"), list.as_bytes());
        let tree = run(&["list", BOUCHES, "--tree", "--today", "2021-06-30", "--lang", lang], 0);
        golden(&format!("list-tree-bouches-du-rhone-{lang}.txt"), tree.as_bytes());
    }
}

#[test]
fn show_says_status_lateness_and_verdicts_in_words() {
    let fr = run(&["show", EXTRACT, "Spup01", "--today", "2019-01-01", "--lang", "fr"], 0);
    assert!(fr.contains("Statut : En cours, en retard : échéance du 31/12/2017 dépassée\n"), "{fr}");
    assert!(fr.contains("Indicateur msap : Nombre de MSAP dans le département\n"), "{fr}");
    assert!(fr.contains("  Dernière mesure : 15 MSAP au 31/05/2018\n"), "{fr}");
    assert!(fr.contains("  Verdict : en retard sur la cible\n"), "{fr}");
    // Not late before the due date; the same action, the same words otherwise.
    let before = run(&["show", EXTRACT, "Spup01", "--today", "2017-06-01", "--lang", "fr"], 0);
    assert!(before.contains("Statut : En cours\n"), "{before}");
    let en = run(&["show", EXTRACT, "Spup03", "--today", "2019-01-01", "--lang", "en"], 0);
    assert!(en.contains("  Verdict: on track\n"), "{en}");
    assert!(en.contains("status: In progress → Abandoned (undone)"), "{en}");
}

// ------------------------------------------------------------------------------------------------
// list follows the search

fn ids(list: &str) -> Vec<String> {
    list.lines().map(|l| l.split('\t').next().unwrap().to_string()).collect()
}

/// `list` runs the search's own query: the same actions as `copil search`, in plan order.
#[test]
fn list_takes_the_search_query_and_keeps_plan_order() {
    let plan_order = ids(&run(&["list", EXTRACT], 0));
    assert_eq!(plan_order, ["Spup01", "Spup02", "Spup03", "Spup04", "Spup05"]);
    for query in ["statut:encours", "referent:refcaf", "est:retard", "tag:numerique", "est:derriere", "msap poste"] {
        let listed = ids(&run(&["list", EXTRACT, query, "--today", "2019-01-01"], 0));
        // `search` reads every word after the plan as its query: options go before it.
        let mut searched = ids(&run(&["search", "--today", "2019-01-01", EXTRACT, query], 0));
        searched.sort_by_key(|id| plan_order.iter().position(|p| p == id));
        assert_eq!(listed, searched, "{query}");
        assert!(listed.len() < plan_order.len(), "{query} filters something");
    }
    // A referent's own actions, by login.
    assert_eq!(ids(&run(&["list", EXTRACT, "referent:refcaf"], 0)), ["Spup03"]);
}

#[test]
fn list_tree_keeps_the_matches_and_their_parents() {
    let tree = run(&["list", EXTRACT, "--tree", "referent:refcaf", "--today", "2019-01-01", "--lang", "fr"], 0);
    assert_eq!(
        tree,
        "Orientation : 4 — Services au public à usage ponctuel\n\
         \x20 Spup01 : Constitution d'un réseau de présence mutualisée (MSAP, …) de proximité pour l'accès aux droits (En cours, en retard ; échéance 31/12/2017)\n\
         \x20   Spup03 : Intégration des opérateurs au réseau (CAF) (En cours, en retard ; échéance 31/12/2017 ; sous-action de Spup01)\n"
    );
}

#[test]
fn list_and_show_refuse_what_is_not_there() {
    let none = copil(&["list", EXTRACT, "introuvable"]);
    assert_eq!(none.status.code(), Some(1));
    assert!(none.stdout.is_empty());
    let bad = copil(&["list", EXTRACT, "statut:bof"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("bof"), "{}", String::from_utf8_lossy(&bad.stderr));
    let unknown = copil(&["show", EXTRACT, "Spup99", "--lang", "en"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(unknown.stdout.is_empty());
    assert_eq!(String::from_utf8_lossy(&unknown.stderr), "error: unknown action \"Spup99\"\n");
    let broken = copil(&["show", "tests/fixtures/bad-syntax.ron", "x"]);
    assert_eq!(broken.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&broken.stderr).contains("bad-syntax.ron:"), "file:line:column");
}

// ------------------------------------------------------------------------------------------------
// Plain output

/// Every command's output on a plan and its journal, in both languages.
fn every_output(extra: &[&str], env: &[(&str, &str)]) -> String {
    let mut all = String::new();
    let commands: Vec<Vec<&str>> = vec![
        vec!["check", EXTRACT],
        vec!["log", EXTRACT],
        vec!["report", EXTRACT],
        vec!["report", EXTRACT, "--format", "csv"],
        vec!["report", CHARENTE],
        vec!["search", EXTRACT, "msap"],
        vec!["list", EXTRACT],
        vec!["list", EXTRACT, "--tree"],
        vec!["minutes", EXTRACT, "2018-06-12-cotech"],
        vec!["show", EXTRACT, "Spup01"],
        vec!["show", EXTRACT, "Spup03"],
        vec!["show", EXTRACT, "Spup04"],
        vec!["show", CHARENTE, "Spup10"],
    ];
    for lang in ["fr", "en"] {
        for c in &commands {
            let mut args = c.clone();
            args.extend(["--lang", lang, "--today", "2019-01-01"]);
            args.extend(extra);
            let out = copil_env(&args, env);
            assert!(out.status.code().is_some_and(|c| c <= 1), "copil {args:?}");
            all.push_str(&String::from_utf8_lossy(&out.stdout));
            all.push_str(&String::from_utf8_lossy(&out.stderr));
        }
    }
    all
}

#[test]
fn plain_output_has_no_visual_symbol_whatever_asks_for_it() {
    // Without plain output, the documents do use symbols: the check below can fail.
    let normal = every_output(&[], &[]);
    for s in ["◐ En cours", "✓ dans la trajectoire", "✗ en retard sur la cible", "Spup01 › Spup02", "→ Abandonnée"]
    {
        assert!(normal.contains(s), "{s} in the normal output");
    }
    for (extra, env) in [(&["--plain"][..], &[][..]), (&[], &[("NO_COLOR", "1")]), (&[], &[("TERM", "dumb")])] {
        let plain = every_output(extra, env);
        assert_eq!(symbols(&plain), [], "{extra:?} {env:?}");
        // Said in words instead.
        for s in [
            "| En cours |",
            "| dans la trajectoire |",
            "Spup01 / Spup02",
            "de En cours à Abandonnée",
            "from In progress to Abandoned",
        ] {
            assert!(plain.contains(s), "{s} in the plain output ({extra:?} {env:?})");
        }
    }
    // An empty NO_COLOR asks for nothing (no-color.org).
    assert!(every_output(&[], &[("NO_COLOR", "")]).contains("◐ En cours"));
}

// ------------------------------------------------------------------------------------------------
// A dumb terminal

#[test]
fn the_full_screen_refuses_a_dumb_terminal_pointing_to_the_line_commands() {
    let fr = copil_env(&[EXTRACT], &[("TERM", "dumb")]);
    assert_eq!(fr.status.code(), Some(2));
    assert!(fr.stdout.is_empty(), "nothing sent to the terminal");
    let said = String::from_utf8_lossy(&fr.stderr);
    assert!(
        said.starts_with("copil : ce terminal (TERM=dumb) ne peut pas afficher l'interface plein écran."),
        "{said}"
    );
    for c in ["copil list PLAN", "copil show PLAN ACTION", "copil status", "copil measure", "copil comment"] {
        assert!(said.contains(c), "{c} in {said}");
    }
    let en = copil_env(&[EXTRACT, "--lang", "en"], &[("TERM", "dumb")]);
    assert_eq!(en.status.code(), Some(2));
    let said = String::from_utf8_lossy(&en.stderr);
    assert!(said.starts_with("copil: this terminal (TERM=dumb) cannot show the full-screen interface."), "{said}");
    assert!(said.contains("copil show PLAN ACTION"), "{said}");
}

// ------------------------------------------------------------------------------------------------
// Indicator ids in the interface, typed on the command line

#[test]
fn the_detail_pane_and_the_measurement_form_show_indicator_ids() {
    let mut app = app_at(EXTRACT, Theme::monochrome());
    assert!(app.ui.reveal(&app.state.plan, "Spup01"));
    let detail = screen(&mut app, 120, 60);
    assert!(detail.contains("msap · Nombre de MSAP dans le département"), "{detail}");
    key(&mut app, KeyCode::Char('m'));
    let form = screen(&mut app, 100, 30);
    insta::assert_snapshot!("measurement_form_with_indicator_ids_100x30", form);
    assert!(form.contains("(•) msap · Nombre de MSAP dans le département"), "{form}");
}

/// What the form shows before the ` · ` is what `copil measure` takes.
#[test]
fn the_id_the_interface_shows_is_what_copil_measure_takes() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_fixture(dir.path());
    let mut app = app_at(&path, Theme::monochrome());
    assert!(app.ui.reveal(&app.state.plan, "Spup03"));
    key(&mut app, KeyCode::Char('m'));
    let form = screen(&mut app, 100, 30);
    let option = form.lines().find_map(|l| l.split("(•) ").nth(1)).expect("the selected indicator");
    let id = option.split(" · ").next().unwrap().trim();
    assert_eq!(id, "tableau-de-bord");
    let before = journal_lines(&path).len();
    let plan = path.to_str().unwrap();
    let out = copil(&["measure", plan, "Spup03", id, "oui", "--date", "2018-12-31"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(journal_lines(&path).len(), before + 1);
    let shown = run(&["show", plan, "Spup03", "--lang", "fr"], 0);
    assert!(shown.contains("  Dernière mesure : oui au 31/12/2018\n"), "{shown}");
}

/// Colour only when asked, around the same words: without its escapes, the coloured text is the
/// plain one. Plain output (`--plain`, `NO_COLOR`) wins over `--color`.
#[test]
fn show_colours_only_when_asked_and_never_instead_of_words() {
    let args = ["show", EXTRACT, "Spup01", "--today", "2019-01-01", "--lang", "fr"];
    let bare = run(&args, 0);
    assert!(!bare.contains('\x1b'), "no escape by default");
    let mut coloured_args = args.to_vec();
    coloured_args.push("--color");
    let coloured = run(&coloured_args, 0);
    assert!(coloured.contains("Statut : \x1b[1;91mEn cours, en retard"), "{coloured}");
    assert!(coloured.contains("\x1b[1mHistorique"), "{coloured}");
    assert_eq!(strip_sgr(&coloured), bare);
    for env in [&[("NO_COLOR", "1")][..], &[("TERM", "dumb")]] {
        let out = copil_env(&coloured_args, env);
        assert!(!String::from_utf8_lossy(&out.stdout).contains('\x1b'), "{env:?}");
    }
    coloured_args.push("--plain");
    assert_eq!(run(&coloured_args, 0), bare);
}

/// Text from the plan and the journal never brings an escape sequence to the terminal, and a tab
/// or a line break in a title cannot add a column or a line to `list`.
#[test]
fn text_from_files_cannot_reach_the_terminal_or_break_the_lines() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("p.ron");
    let src = r#"Plan(format: 1, title: "P", territory: "T", period: (start: "2025-01-01", end: "2030-12-31"),
  people: [Person(id: "x", name: "Mme ESC[31mX")],
  orientations: [Orientation(id: "1", title: "O ESC[2J", actions: [
    Action(id: "a1", title: "un\tdeux\ntrois ESC[31m", description: "ligne ESC]0;titre\x07\nsuite", pilots: ["x"],
      sections: [Section(title: "S ESC[1m", text: "t ESC[1m")],
      indicators: [Indicator(id: "i", name: "I ESC[1m", unit: "u ESC[1m", targets: [Point(date: "2026-01-01", value: 3)])]),
  ])])"#;
    std::fs::write(&plan, src.replace("ESC", "\u{1b}")).unwrap();
    let p = plan.to_str().unwrap();
    let out = copil(&["comment", p, "a1", "note \u{1b}[2J effacée"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let out = copil(&["measure", p, "a1", "i", "2", "--date", "2025-06-01", "--note", "n \u{1b}[5m"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let shown = run(&["show", p, "a1", "--lang", "fr", "--color"], 0);
    // Only our own colours (SGR: ESC [ digits and semicolons m) are left.
    assert!(!strip_sgr(&shown).contains('\x1b'), "{shown:?}");
    assert!(shown.contains("commentaire : note \u{FFFD}[2J effacée"), "{shown}");
    for args in [vec!["list", p], vec!["list", p, "--tree"], vec!["show", p, "a1"]] {
        let out = run(&args, 0);
        assert!(!out.contains('\x1b'), "{args:?}: {out:?}");
    }
    let list = run(&["list", p], 0);
    assert_eq!(list.lines().count(), 1, "{list:?}");
    assert_eq!(list.trim_end_matches('\n').split('\t').count(), 4, "{list:?}");
}
