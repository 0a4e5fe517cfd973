//! Searching from the interface: the `/` line, highlighted results, Enter and Esc, filters on the
//! tree and the key that clears them. Rendered into TestBackend.

mod common;

use common::{key, render, text, typed};
use std::path::Path;

use copil::lang::Lang;
use copil::plan::model::Date;
use copil::store::load::load;
use copil::tui::app::App;
use copil::tui::keymap::Keymap;
use copil::tui::ui_state::{Node, node};
use copil::tui::view::theme::Theme;
use crossterm::event::KeyCode;
use ratatui::style::Modifier;

fn app_for(path: &str) -> App {
    let loaded = load(Lang::Fr, Path::new(path)).unwrap_or_else(|d| panic!("{d}"));
    copil::wording::set_display_offset(Some(3600)); // times as in Paris in winter, whatever the machine's zone
    App::new(loaded, Keymap::builtin(), Theme::default16(), Date::ymd(2026, 11, 23), Lang::Fr)
}

fn selected_action(app: &App) -> Option<String> {
    match node(&app.state.plan, &app.ui.selected_row()?.path)? {
        Node::Action(a) => Some(a.id.clone()),
        Node::Orientation(_) => None,
    }
}

/// The tree's rows as ids, in order.
fn tree_ids(app: &App) -> Vec<String> {
    app.ui
        .rows
        .iter()
        .map(|r| match node(&app.state.plan, &r.path).unwrap() {
            Node::Action(a) => a.id.clone(),
            Node::Orientation(o) => format!("o:{}", o.id),
        })
        .collect()
}

#[test]
fn typing_without_accents_finds_accented_titles_and_highlights_the_matched_letters() {
    let mut app = app_for("plans/bouches-du-rhone.ron");
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "numerique");
    let term = render(&mut app, 100, 30);
    let s = text(&term);
    insta::assert_snapshot!("search_numerique_100x30", s);
    assert!(s.contains("/ numerique"), "{s}");
    assert!(s.contains("1-2 Développer les outils numériques"), "best first: {s}");
    // The letters of "numériques" are highlighted in the original (accented) title.
    let buf = term.backend().buffer();
    let (y, line) = s.lines().enumerate().find(|(_, l)| l.contains("1-2 Développer les outils numériques")).unwrap();
    let col = line[..line.find("numériques").unwrap()].chars().count() as u16;
    for (i, ch) in "numérique".chars().enumerate() {
        let cell = &buf[(col + i as u16, y as u16)];
        assert_eq!(cell.symbol(), ch.to_string());
        assert!(cell.modifier.contains(Modifier::UNDERLINED), "{ch} at {i} is highlighted");
    }
    let after = &buf[(col + 9, y as u16)];
    assert_eq!(after.symbol(), "s");
    assert!(!after.modifier.contains(Modifier::UNDERLINED), "the trailing s is not part of the match");
    // The detail pane previews the selected result.
    let detail = s.lines().find(|l| l.contains("1-2 · ")).expect("the detail pane shows the first result");
    assert!(detail.contains("Développer les outils numériques"), "{detail}");
}

#[test]
fn results_update_on_every_keystroke_and_uppercase_accents_match_both_ways() {
    let mut app = app_for("plans/bouches-du-rhone.ron");
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "NUMÉRIQUE");
    let upper = app.ui.search.as_ref().unwrap().hits.len();
    for _ in 0.."NUMÉRIQUE".chars().count() {
        key(&mut app, KeyCode::Backspace);
    }
    typed(&mut app, "numerique");
    let lower = app.ui.search.as_ref().unwrap().hits.len();
    assert!(upper > 0);
    assert_eq!(upper, lower);
    typed(&mut app, " ppng");
    let hits: Vec<String> = app.ui.search.as_ref().unwrap().hits.iter().map(|h| h.action_id.clone()).collect();
    assert_eq!(hits.first().map(String::as_str), Some("1-2-2"), "{hits:?}");
}

#[test]
fn enter_goes_to_the_chosen_result_and_esc_goes_back_to_where_you_were() {
    let mut app = app_for("plans/bouches-du-rhone.ron");
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Down);
    let (before_sel, before_rows) = (app.ui.selected, app.ui.rows.len());
    // Esc: back to the same row, folds as they were.
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "ppng");
    key(&mut app, KeyCode::Esc);
    assert!(app.ui.search.is_none());
    assert_eq!((app.ui.selected, app.ui.rows.len()), (before_sel, before_rows));
    // Enter: the second result, revealed in the tree (its parent unfolded), no filter.
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "numerique");
    key(&mut app, KeyCode::Down);
    let second = app.ui.search.as_ref().unwrap().hits[1].action_id.clone();
    key(&mut app, KeyCode::Enter);
    assert!(app.ui.search.is_none());
    assert!(app.ui.filter.is_none(), "free text alone does not filter the tree");
    assert_eq!(selected_action(&app).as_deref(), Some(second.as_str()));
    let s = text(&render(&mut app, 100, 30));
    assert!(s.contains(&format!("{second} · ")), "the detail pane shows it: {s}");
}

#[test]
fn filters_keep_only_matching_actions_with_their_parents_and_one_key_clears_them() {
    // The extract: Spup01 (in progress) holds Spup02–05; statuses come from its journal.
    let mut app = app_for("tests/fixtures/charente-extract.ron");
    let all = tree_ids(&app);
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "statut:realisee");
    let s = text(&render(&mut app, 100, 30));
    assert!(s.contains("Filtres : statut : Réalisée"), "the filter is spelled out: {s}");
    key(&mut app, KeyCode::Enter);
    let filtered = tree_ids(&app);
    assert_eq!(filtered, vec!["o:4", "Spup01", "Spup02", "Spup04"], "done actions and their parents");
    let s = text(&render(&mut app, 100, 30));
    assert!(s.contains("Plan — filtre : 2 action(s)"), "{s}");
    assert!(s.contains("│ x  statut : Réalisée"), "always visible, after the key that clears it: {s}");
    assert!(s.contains("x  effacer le filtre"), "and in the status bar: {s}");
    // `/` again reopens the same line; adding free text narrows it.
    key(&mut app, KeyCode::Char('/'));
    assert_eq!(app.ui.search.as_ref().unwrap().text(), "statut:realisee");
    typed(&mut app, " cpam");
    key(&mut app, KeyCode::Enter);
    assert_eq!(tree_ids(&app), vec!["o:4", "Spup01", "Spup02"]);
    // One key clears it; the selection stays on the same action.
    key(&mut app, KeyCode::Char('x'));
    assert!(app.ui.filter.is_none());
    assert_eq!(selected_action(&app).as_deref(), Some("Spup02"));
    assert!(tree_ids(&app).len() >= all.len());
    let s = text(&render(&mut app, 100, 30));
    assert!(!s.contains("Filtres"), "{s}");
}

#[test]
fn filter_keys_edit_the_search_line() {
    let mut app = app_for("tests/fixtures/charente-extract.ron");
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "caf");
    key(&mut app, KeyCode::F(3));
    assert_eq!(app.ui.search.as_ref().unwrap().text(), "caf est:retard");
    key(&mut app, KeyCode::F(2));
    key(&mut app, KeyCode::F(2));
    assert_eq!(app.ui.search.as_ref().unwrap().text(), "caf est:retard statut:encours");
    key(&mut app, KeyCode::F(3));
    assert_eq!(app.ui.search.as_ref().unwrap().text(), "caf statut:encours");
    let hits: Vec<String> = app.ui.search.as_ref().unwrap().hits.iter().map(|h| h.action_id.clone()).collect();
    assert_eq!(hits.first().map(String::as_str), Some("Spup03"), "{hits:?}");
    let s = text(&render(&mut app, 100, 30));
    assert!(s.contains("F2  statut"), "the status bar shows the search keys: {s}");
}

#[test]
fn a_search_with_no_result_says_so_and_enter_does_nothing() {
    let mut app = app_for("plans/charente.ron");
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "zzqxw");
    let s = text(&render(&mut app, 80, 24));
    assert!(s.contains("aucune action ne correspond"), "{s}");
    key(&mut app, KeyCode::Enter);
    assert!(app.ui.search.is_some(), "still searching");
}

#[test]
fn the_search_line_survives_every_terminal_size() {
    let mut app = app_for("plans/bouches-du-rhone.ron");
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "une recherche bien plus longue que la largeur de la colonne numerique");
    for (w, h) in [(60, 15), (80, 24), (120, 40), (300, 100)] {
        let s = text(&render(&mut app, w, h));
        assert!(s.contains("Recherche"), "{w}x{h}: {s}");
    }
}

#[test]
fn a_filtered_tree_follows_changes_written_by_others() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    std::fs::copy("tests/fixtures/charente-extract.ron", &path).unwrap();
    std::fs::copy("tests/fixtures/charente-extract.journal.ron", copil::store::load::journal_path(&path)).unwrap();
    let mut alice = app_for(path.to_str().unwrap());
    alice.by = "cellule-etat".into();
    key(&mut alice, KeyCode::Char('/'));
    typed(&mut alice, "statut:realisee");
    key(&mut alice, KeyCode::Enter);
    assert_eq!(tree_ids(&alice), vec!["o:4", "Spup01", "Spup02", "Spup04"]);
    // Someone else marks Spup05 done from the command line.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_copil"))
        .args(["status", path.to_str().unwrap(), "Spup05", "realisee"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    assert!(alice.tick());
    assert_eq!(tree_ids(&alice), vec!["o:4", "Spup01", "Spup02", "Spup04", "Spup05"]);
    let s = text(&render(&mut alice, 100, 30));
    assert!(s.contains("filtre : 3 action(s)"), "{s}");
}

#[test]
fn an_unknown_filter_says_which_filters_exist() {
    let mut app = app_for("plans/charente.ron");
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "foo:bar reseau");
    let s = text(&render(&mut app, 80, 24));
    assert!(s.contains("⚠ filtre inconnu « foo:bar »"), "{s}");
    // The whole list shows, wrapped.
    let flat: String = s.lines().map(|l| l.trim_matches(|c: char| c == '│' || c == ' ')).collect();
    for f in ["statut:", "pilote:", "tag:", "orientation:", "referent:", "est:retard", "est:derriere", "est:moi"] {
        assert!(flat.contains(f), "{f}: {s}");
    }
    assert!(s.contains("aucune action ne correspond"), "{s}");
    // Quoted, it is text: no error.
    let mut app = app_for("plans/charente.ron");
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "\"foo:bar\"");
    let s = text(&render(&mut app, 80, 24));
    assert!(!s.contains("filtre inconnu"), "{s}");
}

#[test]
fn a_plain_word_that_names_a_filter_is_searched_as_text() {
    let mut app = app_for("plans/bouches-du-rhone.ron");
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "prevenir rupture");
    let s = app.ui.search.as_ref().unwrap();
    assert!(!s.hits.is_empty());
    let screen = text(&render(&mut app, 100, 30));
    assert!(!screen.contains("Filtres"), "{screen}");
}

#[test]
fn my_actions_use_the_sessions_user() {
    let mut app = app_for("plans/alpes-de-haute-provence.ron");
    let plan = &app.state.plan;
    // Someone who pilots or refers some actions of the plan.
    let (me, expected): (String, Vec<String>) = plan
        .people
        .iter()
        .map(|p| {
            let ids = plan
                .walk()
                .filter(|(_, a, _)| a.pilots.contains(&p.id) || a.referents.contains(&p.id))
                .map(|(_, a, _)| a.id.clone())
                .collect::<Vec<_>>();
            (p.id.clone(), ids)
        })
        .find(|(_, ids)| !ids.is_empty() && ids.len() < plan.walk().count())
        .expect("someone pilots or refers some actions");
    app.by = me;
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, copil::tui::search_ui::mine_word(Lang::Fr));
    let got: Vec<String> = app.ui.search.as_ref().unwrap().hits.iter().map(|h| h.action_id.clone()).collect();
    assert_eq!(got, expected);
    let s = text(&render(&mut app, 100, 30));
    assert!(s.contains("mes actions"), "{s}");
}

#[test]
fn a_large_plan_is_indexed_on_another_thread_while_keys_are_taken() {
    let dir = tempfile::tempdir().unwrap();
    let path = copil::generate::write(dir.path(), "big", 20_000, 10).unwrap();
    let mut app = app_for(path.to_str().unwrap());
    key(&mut app, KeyCode::Char('/'));
    // Typed while the index builds: every key lands in the line.
    typed(&mut app, "mediation");
    assert_eq!(app.ui.search.as_ref().unwrap().text(), "mediation");
    // (Building 20,000 actions' index takes far longer than handling nine keys.)
    assert!(app.indexing());
    let s = text(&render(&mut app, 100, 30));
    assert!(s.contains("indexation du plan"), "{s}");
    // The tick that finds the index ready runs the search typed meanwhile.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
    while app.indexing() {
        assert!(std::time::Instant::now() < deadline, "the index is built");
        std::thread::sleep(std::time::Duration::from_millis(20));
        app.tick();
    }
    app.tick();
    let s = app.ui.search.as_ref().unwrap();
    assert!(!s.indexing);
    assert!(s.hits.len() > 100, "{}", s.hits.len());
    let screen = text(&render(&mut app, 100, 30));
    assert!(screen.contains("actions sur 20000"), "{screen}");
}

#[test]
fn results_far_down_the_list_are_highlighted_when_shown() {
    let dir = tempfile::tempdir().unwrap();
    let path = copil::generate::write(dir.path(), "mid", 1_500, 10).unwrap();
    let mut app = app_for(path.to_str().unwrap());
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "mediation");
    let n = app.ui.search.as_ref().unwrap().hits.len();
    assert!(n > copil::search::HIGHLIGHTED + 50, "{n}");
    assert!(!app.ui.search.as_ref().unwrap().hits[n - 1].highlighted);
    // Page down to the last result.
    for _ in 0..n {
        if app.ui.search.as_ref().unwrap().selected == n - 1 {
            break;
        }
        key(&mut app, KeyCode::PageDown);
    }
    let s = app.ui.search.as_ref().unwrap();
    assert_eq!(s.selected, n - 1);
    assert!(s.hits[n - 1].highlighted && !s.hits[n - 1].field_matches.is_empty());
}
