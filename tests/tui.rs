//! The interface rendered into ratatui's TestBackend: snapshots and behaviour of the main screen.

mod common;

use common::{app_at, app_in, key, render, text};

use copil::lang::Lang;
use copil::tui::keymap::Keymap;
use copil::tui::view::theme::Theme;
use crossterm::event::KeyCode;
use ratatui::style::Color;

const REAL_PLAN: &str = "plans/charente.ron";

#[test]
fn main_screen_80x24() {
    let mut app = app_at(REAL_PLAN, Theme::default16());
    insta::assert_snapshot!(text(&render(&mut app, 80, 24)));
}

#[test]
fn main_screen_160x48_on_an_action() {
    let mut app = app_at(REAL_PLAN, Theme::default16());
    key(&mut app, KeyCode::Down);
    insta::assert_snapshot!(text(&render(&mut app, 160, 48)));
}

#[test]
fn moving_to_an_action_shows_its_fields_in_the_detail_pane() {
    let mut app = app_at("tests/fixtures/charente-extract.ron", Theme::default16());
    assert!(app.ui.reveal(&app.state.plan, "Spup04"));
    let s = text(&render(&mut app, 200, 48));
    assert!(s.contains("Spup04 · MSAP au sein des bureaux de poste"), "{s}");
    // Budget planned / committed / spent and funders.
    assert!(s.contains("prévu 404 000 €"), "{s}");
    assert!(s.contains("Fonds postal de péréquation 160 000 €"), "{s}");
    assert!(s.contains("Référents : Référent La Poste"), "referents are shown by name: {s}");
}

#[test]
fn history_lists_who_when_what_including_undone_changes() {
    let mut app = app_at("tests/fixtures/charente-extract.ron", Theme::default16());
    assert!(app.ui.reveal(&app.state.plan, "Spup03"));
    let s = text(&render(&mut app, 160, 48));
    assert!(s.contains("Historique"), "{s}");
    assert!(s.contains("statut : En cours → Abandonnée (annulé)"), "{s}");
    assert!(s.contains("annulation de la ligne 14"), "{s}");
    // Written at 09:13 in Paris in summer (+02:00), shown in the viewer's zone (+01:00 here).
    assert!(s.contains("02/10/2018 08:13 · Référent CAF"), "{s}");
    assert!(s.contains("mesure tableau-de-bord = oui au 30/09/2018"), "{s}");
}

#[test]
fn indicators_show_baseline_targets_and_latest_with_tracking() {
    let mut app = app_at("tests/fixtures/charente-extract.ron", Theme::default16());
    assert!(app.ui.reveal(&app.state.plan, "Spup01"));
    let s = text(&render(&mut app, 160, 60));
    assert!(s.contains("valeur initiale 2 MSAP (01/07/2016)"), "{s}");
    assert!(s.contains("cibles 15 MSAP (31/12/2016), 20 MSAP (31/12/2022)"), "{s}");
    // 15 in mid-2018 was under the line from 15 (2016) to 20 (2022), but in 2026 the 2022 target
    // has passed with no measurement since: a measurement is due.
    assert!(s.contains("dernière mesure 15 MSAP (31/05/2018) — ? mesure attendue"), "{s}");
    app.today = copil::plan::model::Date::ymd(2019, 1, 1);
    let s = text(&render(&mut app, 160, 60));
    assert!(s.contains("dernière mesure 15 MSAP (31/05/2018) — ✗ en retard sur la cible"), "{s}");
}

#[test]
fn status_is_a_colour_and_a_symbol_and_late_is_marked() {
    let mut app = app_at("tests/fixtures/charente-extract.ron", Theme::default16());
    let term = render(&mut app, 100, 30);
    let buf = term.backend().buffer();
    // Row 3 is Spup01 (in progress, due 2017): ◐ in yellow, and the late marker.
    let row: String = (0..40).map(|x| buf[(x, 3)].symbol().to_string()).collect();
    assert!(row.contains("◐ Spup01"), "{row}");
    assert!(row.trim_end_matches('│').trim_end().ends_with('!'), "{row}");
    let x = (0..40).find(|&x| buf[(x, 3)].symbol() == "◐").unwrap();
    assert_eq!(buf[(x, 3)].fg, Color::Yellow);
}

#[test]
fn monochrome_uses_no_colour_at_all() {
    let mut app = app_at(REAL_PLAN, Theme::monochrome());
    let term = render(&mut app, 120, 40);
    let buf = term.backend().buffer();
    for cell in buf.content() {
        assert_eq!(cell.fg, Color::Reset);
        assert_eq!(cell.bg, Color::Reset);
    }
    assert!(text(&term).contains('○') || text(&term).contains('◐'), "symbols remain");
}

#[test]
fn navigation_keys_expand_collapse_and_move() {
    let mut app = app_at("tests/fixtures/charente-extract.ron", Theme::default16());
    assert_eq!(app.ui.rows.len(), 2, "orientation and its top action");
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.ui.rows.len(), 6, "Spup01 shows its four sub-actions");
    key(&mut app, KeyCode::End);
    assert_eq!(app.ui.selected, 5);
    key(&mut app, KeyCode::Left);
    assert_eq!(app.ui.selected, 1, "left on a leaf goes to the parent");
    key(&mut app, KeyCode::Char(' '));
    assert_eq!(app.ui.rows.len(), 2, "space collapses");
    key(&mut app, KeyCode::Home);
    assert_eq!(app.ui.selected, 0);
    key(&mut app, KeyCode::Char('+'));
    assert_eq!(app.ui.rows.len(), 6);
    key(&mut app, KeyCode::PageDown);
    assert_eq!(app.ui.selected, 5);
    key(&mut app, KeyCode::Char('q'));
    assert!(app.ui.quit);
}

#[test]
fn help_is_generated_from_the_keymap() {
    let mut app = app_at(REAL_PLAN, Theme::default16());
    app.keymap.merge_str(Lang::Fr, "user.ron", r#"(normal: {"x": ExpandAll})"#).unwrap();
    key(&mut app, KeyCode::Char('?'));
    assert!(app.ui.help_open);
    let s = text(&render(&mut app, 120, 40));
    assert!(s.contains("Aide — touches"), "{s}");
    assert!(s.contains("+ x") && s.contains("Tout déplier"), "a user binding shows in help: {s}");
    key(&mut app, KeyCode::Esc);
    assert!(!app.ui.help_open);
}

#[test]
fn every_size_from_tiny_to_300x100_renders_without_panic() {
    let mut app = app_at(REAL_PLAN, Theme::default16());
    key(&mut app, KeyCode::Char('+'));
    key(&mut app, KeyCode::End);
    for (w, h) in [(1, 1), (10, 3), (59, 24), (80, 14), (60, 15), (80, 24), (81, 25), (120, 40), (200, 60), (300, 100)]
    {
        let s = text(&render(&mut app, w, h));
        if w < 60 || h < 15 {
            assert!(s.contains("Fenêtre") || w < 20, "{w}×{h}: {s}");
        } else {
            assert!(s.contains("Détail"), "{w}×{h}");
        }
    }
}

#[test]
fn text_from_files_never_reaches_the_terminal_raw() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("evil.ron");
    std::fs::write(
        &plan,
        "Plan(format: 1, title: \"T\\u{1b}]0;pwned\\u{7}\", territory: \"X\\u{9b}2J\", period: (start: \"2025-01-01\", end: \"2030-01-01\"),\n\
         orientations: [Orientation(id: \"1\", title: \"O\\u{1b}[2J\", actions: [Action(id: \"1-1\", title: \"A\\r\\u{1b}[31m\", description: \"d\\u{1b}c\\nline2\")])])",
    )
    .unwrap();
    let mut app = app_at(plan.to_str().unwrap(), Theme::default16());
    key(&mut app, KeyCode::Down);
    let s = text(&render(&mut app, 100, 30));
    assert!(!s.chars().any(|c| c.is_control() && c != '\n'), "{s:?}");
    assert!(s.contains('\u{FFFD}'));
}

#[test]
fn every_shipped_keymap_parses() {
    let mut n = 0;
    for entry in std::fs::read_dir("keymaps").unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let mut k = Keymap::builtin();
        k.merge_str(Lang::Fr, &path.display().to_string(), &text).unwrap_or_else(|e| panic!("{e}"));
        n += 1;
    }
    assert!(n >= 2, "default.ron and vim.ron at least");
}

/// `copil PLAN` waits for the arrow keys to stop before the detail pane follows the selection:
/// moving redraws two tree rows, and the detail is drawn once, where the user stops.
#[test]
fn with_a_detail_delay_the_detail_follows_once_keys_stop() {
    let mut app = app_at(REAL_PLAN, Theme::default16());
    app.detail_delay = copil::cli::DETAIL_DELAY;
    key(&mut app, KeyCode::Down);
    let s = text(&render(&mut app, 100, 30));
    assert!(s.contains("Orientation 4 —"), "the detail still shows the orientation:\n{s}");
    // The keys stop: the detail follows.
    assert!(app.settle(), "settling changes the screen");
    let s = text(&render(&mut app, 100, 30));
    assert!(s.contains("Spup01 · Constitution"), "{s}");
    assert!(!s.contains("Orientation 4 —"), "{s}");
    // Any other key shows the selection's detail at once.
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Char('J'));
    assert!(!app.settle(), "already settled by the scroll key");
}

/// When the selection leaves the tree's window, the window jumps half a page past it, so that
/// the next moves redraw two rows each rather than the whole tree.
#[test]
fn the_tree_scrolls_by_half_pages() {
    let mut app = app_at("plans/bouches-du-rhone.ron", Theme::default16());
    key(&mut app, KeyCode::Char('+'));
    render(&mut app, 80, 24);
    let rows = app.ui.tree_rows();
    for _ in 0..rows {
        key(&mut app, KeyCode::Down);
    }
    assert_eq!(app.ui.selected, rows);
    assert_eq!(app.ui.offset, 1 + rows / 2, "half a page past the selection");
    let offset = app.ui.offset;
    key(&mut app, KeyCode::Down);
    assert_eq!(app.ui.offset, offset, "the next move does not scroll");
    key(&mut app, KeyCode::Home);
    assert_eq!(app.ui.offset, 0);
}

/// The language is a value, not a process setting: the same plan drawn in French and in English
/// at the same time, on two threads of one process, each screen entirely in its own language.
#[test]
fn french_and_english_screens_are_drawn_side_by_side() {
    let draw = |lang: Lang| {
        let mut app = app_in("tests/fixtures/charente-extract.ron", Theme::default16(), lang);
        let mut screens = Vec::new();
        for _ in 0..20 {
            key(&mut app, KeyCode::Down);
            key(&mut app, KeyCode::Up);
            key(&mut app, KeyCode::Down);
            screens.push(text(&render(&mut app, 120, 40)));
            key(&mut app, KeyCode::Char('d'));
            screens.push(text(&render(&mut app, 120, 40)));
            key(&mut app, KeyCode::Esc);
        }
        screens
    };
    let (fr, en) = std::thread::scope(|s| {
        let fr = s.spawn(|| draw(Lang::Fr));
        let en = s.spawn(|| draw(Lang::En));
        (fr.join().unwrap(), en.join().unwrap())
    });
    for pair in en.chunks(2) {
        let (detail, dashboard) = (&pair[0], &pair[1]);
        assert!(detail.contains("Pilots: Collectivités, La Poste"), "no space before the colon in English:\n{detail}");
        assert!(!detail.contains(" : "), "no French spacing left:\n{detail}");
        assert!(detail.contains("Detail") && detail.contains("help"), "{detail}");
        assert!(
            dashboard.contains("Dashboard") && dashboard.contains("Whole plan") && dashboard.contains("Indicators: ✓"),
            "{dashboard}"
        );
    }
    for pair in fr.chunks(2) {
        let (detail, dashboard) = (&pair[0], &pair[1]);
        assert!(detail.contains("Pilotes : Collectivités, La Poste"), "French spacing before the colon:\n{detail}");
        assert!(detail.contains("Détail") && detail.contains("aide"), "{detail}");
        assert!(dashboard.contains("Tableau de bord") && dashboard.contains("Plan entier"), "{dashboard}");
    }
}
