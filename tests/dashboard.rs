//! The tableau de bord, the indicator chart, projection mode and the themes, rendered into
//! ratatui's TestBackend.

mod common;

use common::{app_at, key, render, text, today, typed};
use std::path::Path;

use copil::lang::Lang;
use copil::plan::model::{Status, walk_action};
use copil::plan::progress::{BudgetSums, Figures};
use copil::store::load::load;
use copil::tui::app::App;
use copil::tui::form::FormBody;
use copil::tui::ui_state::Mode;
use copil::tui::view::chart::Series;
use copil::tui::view::theme::{Theme, ThemeName};
use crossterm::event::KeyCode;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Color;

/// The real plan with the most orientations and a budget.
const REAL_PLAN: &str = "plans/bouches-du-rhone.ron";
/// A plan extract with a journal: measurements, targets, a meeting.
const EXTRACT: &str = "tests/fixtures/charente-extract.ron";

#[test]
fn dashboard_80x24() {
    let mut app = app_at(REAL_PLAN, Theme::default16());
    typed(&mut app, "d");
    insta::assert_snapshot!(text(&render(&mut app, 80, 24)));
}

#[test]
fn dashboard_160x48() {
    let mut app = app_at(REAL_PLAN, Theme::default16());
    typed(&mut app, "d");
    insta::assert_snapshot!(text(&render(&mut app, 160, 48)));
}

#[test]
fn projection_dashboard_80x24() {
    let mut app = app_at(REAL_PLAN, Theme::default16());
    typed(&mut app, "dp");
    insta::assert_snapshot!(text(&render(&mut app, 80, 24)));
}

#[test]
fn projection_dashboard_160x48() {
    let mut app = app_at(EXTRACT, Theme::default16());
    typed(&mut app, "dp");
    insta::assert_snapshot!(text(&render(&mut app, 160, 48)));
}

#[test]
fn projection_main_screen_80x24() {
    let mut app = app_at(REAL_PLAN, Theme::default16());
    typed(&mut app, "pj");
    insta::assert_snapshot!(text(&render(&mut app, 80, 24)));
}

#[test]
fn projection_main_screen_160x48() {
    let mut app = app_at(EXTRACT, Theme::default16());
    typed(&mut app, "pj");
    insta::assert_snapshot!(text(&render(&mut app, 160, 48)));
}

/// The dashboard's figures are the report's: every count and sum is over the actions themselves.
#[test]
fn budget_totals_of_a_plan_equal_the_sum_of_its_actions() {
    let mut plans: Vec<String> = std::fs::read_dir("plans")
        .unwrap()
        .map(|e| e.unwrap().path().display().to_string())
        .filter(|p| p.ends_with(".ron") && !p.ends_with(".journal.ron"))
        .collect();
    plans.push(EXTRACT.to_string());
    let mut with_budget = 0;
    for path in plans {
        let state = load(Lang::Fr, Path::new(&path)).unwrap_or_else(|d| panic!("{d}")).state;
        let total = Figures::of_plan(&state.plan, today());
        let mut sums = BudgetSums::default();
        let mut actions = 0;
        for o in &state.plan.orientations {
            for a in &o.actions {
                for (x, _) in walk_action(a, 0) {
                    actions += 1;
                    if let Some(b) = &x.budget {
                        sums.planned += b.planned.0;
                        sums.committed += b.committed.0;
                        sums.spent += b.spent.0;
                    }
                }
            }
        }
        assert_eq!(total.budget, sums, "{path}");
        assert_eq!(total.counts.total(), actions, "{path}");
        let per_orientation: u64 =
            state.plan.orientations.iter().map(|o| Figures::of_orientation(o, today()).budget.planned).sum();
        assert_eq!(per_orientation, total.budget.planned, "{path}");
        with_budget += usize::from(sums.planned > 0);
    }
    assert!(with_budget >= 2, "at least two plans have a budget to add up");
}

#[test]
fn the_dashboard_shows_the_plan_then_each_orientation_with_its_figures() {
    let mut app = app_at(REAL_PLAN, Theme::default16());
    typed(&mut app, "d");
    let s = text(&render(&mut app, 120, 40));
    let plan = &app.state.plan;
    let total = Figures::of_plan(plan, today());
    assert!(s.contains("Tableau de bord"), "{s}");
    assert!(
        s.contains(&format!("Plan entier{}", "")) && s.contains(&format!("{} actions", total.counts.total())),
        "{s}"
    );
    assert!(s.contains("676 000 € prévus"), "the plan's budget: {s}");
    for o in &plan.orientations {
        assert!(s.contains(&format!("{} {}", o.id, &o.title[..20])), "orientation {}: {s}", o.id);
    }
    let late = total.counts.late;
    assert!(late > 0 && s.contains(&format!("! {late} en retard")), "{s}");
}

#[test]
fn enter_on_an_orientation_opens_it_in_the_tree() {
    let mut app = app_at(REAL_PLAN, Theme::default16());
    render(&mut app, 80, 24);
    typed(&mut app, "+d");
    assert_eq!(app.ui.screen, Mode::Dashboard);
    assert_eq!(app.ui.dashboard_selected, 1, "the dashboard opens on the selection's orientation");
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.ui.screen, Mode::Plan);
    let row = app.ui.selected_row().unwrap().clone();
    assert_eq!(row.path, vec![2], "the third orientation is selected");
    assert!(row.expanded, "and unfolded");
    let highest = app.ui.selected.min(app.ui.rows.len() - app.ui.tree_rows());
    assert!(highest > 0 && app.ui.offset == highest, "as high in the tree as it can go: {}", app.ui.offset);
    let s = text(&render(&mut app, 80, 24));
    let third = &app.state.plan.orientations[2];
    let at = app.ui.selected - app.ui.offset + 2;
    assert!(s.lines().nth(at).unwrap().contains(&format!("▾ {} ", third.id)), "{s}");
    // Esc on the dashboard goes back without moving.
    typed(&mut app, "d");
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.ui.screen, Mode::Plan);
    assert_eq!(app.ui.selected_row().unwrap().path, vec![2]);
}

#[test]
fn the_dashboard_scrolls_to_keep_the_selected_orientation_in_sight() {
    let mut app = app_at("plans/pas-de-calais.ron", Theme::default16());
    typed(&mut app, "d");
    key(&mut app, KeyCode::End);
    let s = text(&render(&mut app, 80, 24));
    let last = app.state.plan.orientations.last().unwrap();
    let line = s.lines().find(|l| l.contains("▶")).unwrap_or_else(|| panic!("{s}"));
    assert!(line.contains(&last.id), "{s}");
}

fn chart_app() -> App {
    let mut app = app_at(EXTRACT, Theme::default16());
    typed(&mut app, "+");
    // The first action (Spup01) has an indicator with a baseline, two targets and a measurement.
    key(&mut app, KeyCode::Down);
    typed(&mut app, "i");
    app
}

#[test]
fn the_chart_draws_baseline_targets_trajectory_and_measurements() {
    let mut app = chart_app();
    assert_eq!(app.ui.screen, Mode::Chart);
    let s = text(&render(&mut app, 100, 30));
    for text in [
        "Indicateur 1/1 — Nombre de MSAP dans le département (MSAP)",
        "Trajectoire",
        "Référence",
        "Cibles",
        "Mesures",
        "01/07/2016",
        "31/12/2022",
        "Dernière mesure : 15 MSAP (31/05/2018)",
        "? mesure attendue",
    ] {
        assert!(s.contains(text), "{text:?} missing:\n{s}");
    }
    assert!(s.chars().any(|c| ('\u{2801}'..='\u{28ff}').contains(&c)), "a braille line is drawn:\n{s}");
    insta::assert_snapshot!(s);
}

#[test]
fn chart_series_follow_the_indicator() {
    let state = load(Lang::Fr, Path::new(EXTRACT)).unwrap().state;
    let a = state.plan.action("Spup01").unwrap();
    let s = Series::of(&a.indicators[0]);
    assert_eq!(s.baseline.len(), 1);
    assert_eq!(s.targets.len(), 2);
    assert_eq!(s.trajectory.iter().map(|p| p.1).collect::<Vec<_>>(), vec![2.0, 15.0, 20.0]);
    assert!(s.trajectory.windows(2).all(|w| w[0].0 < w[1].0), "by date");
    assert_eq!(s.measurements.iter().map(|p| p.1).collect::<Vec<_>>(), vec![15.0]);
    let (x, y) = s.bounds();
    assert!(x[0] <= s.baseline[0].0 && x[1] >= s.targets[1].0);
    assert!(y[0] == 0.0 && y[1] > 20.0);
    // A yes/no indicator is drawn as 0 and 1.
    let b = state.plan.action("Spup03").unwrap();
    let s = Series::of(&b.indicators[0]);
    assert_eq!(s.trajectory.iter().map(|p| p.1).collect::<Vec<_>>(), vec![0.0, 1.0]);
}

#[test]
fn chart_keys_change_action_and_open_the_measure_form_on_the_shown_indicator() {
    let mut app = chart_app();
    key(&mut app, KeyCode::Down);
    let id = match copil::tui::ui_state::node(&app.state.plan, &app.ui.selected_row().unwrap().path) {
        Some(copil::tui::ui_state::Node::Action(a)) => a.id.clone(),
        _ => panic!("an action"),
    };
    assert_eq!(id, "Spup02", "down goes to the next action with indicators");
    assert_eq!(app.ui.screen, Mode::Chart);
    // An action with several indicators would cycle; with one, right stays on it.
    key(&mut app, KeyCode::Right);
    assert_eq!(app.ui.chart_indicator, 0);
    typed(&mut app, "m");
    let Some(FormBody::Measure(f)) = app.ui.form.as_ref().map(|f| &f.body) else { panic!("the measure form") };
    assert_eq!(f.action, "Spup02");
    assert_eq!(f.indicators[f.indicator.selected()], "msap-cpam");
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.ui.screen, Mode::Plan);
}

#[test]
fn the_chart_key_on_an_orientation_says_what_to_do() {
    let mut app = app_at(EXTRACT, Theme::default16());
    typed(&mut app, "i");
    assert_eq!(app.ui.screen, Mode::Plan);
    assert!(app.ui.message.as_ref().unwrap().text.contains("action"));
}

/// Every cell of a buffer.
fn cells(term: &Terminal<TestBackend>) -> Vec<ratatui::buffer::Cell> {
    term.backend().buffer().content().to_vec()
}

#[test]
fn projection_mode_is_high_contrast_everywhere_and_has_no_borders() {
    let mut app = app_at(REAL_PLAN, Theme::default16());
    typed(&mut app, "p");
    let term = render(&mut app, 80, 24);
    assert!(cells(&term).iter().all(|c| c.bg != Color::Reset), "the theme paints its own background everywhere");
    let s = text(&term);
    assert!(!s.contains('┌') && !s.contains('│'), "no borders:\n{s}");
    // The key toggles back.
    typed(&mut app, "p");
    let s = text(&render(&mut app, 80, 24));
    assert!(s.contains('┌'), "{s}");
}

#[test]
fn projection_shows_one_more_tree_row_without_borders() {
    let mut app = app_at(REAL_PLAN, Theme::default16());
    render(&mut app, 80, 24);
    let framed = app.ui.viewport;
    typed(&mut app, "p");
    assert_eq!(app.ui.viewport, framed + 1);
}

#[test]
fn monochrome_uses_no_colour_at_all() {
    let mut app = app_at(REAL_PLAN, Theme::monochrome());
    for keys in ["", "d", "dp"] {
        typed(&mut app, keys);
        let term = render(&mut app, 100, 30);
        for c in cells(&term) {
            assert_eq!((c.fg, c.bg), (Color::Reset, Color::Reset), "after {keys:?}: {c:?}");
        }
    }
}

#[test]
fn themes_are_chosen_by_name_and_the_light_one_writes_no_yellow() {
    for name in [ThemeName::Default, ThemeName::Light, ThemeName::HighContrast, ThemeName::Monochrome] {
        assert_eq!(Theme::named(name).name, name);
        assert_eq!(Theme::choose(Some(name)).name, name, "a chosen theme wins over NO_COLOR");
    }
    let mut app = app_at(REAL_PLAN, Theme::light());
    typed(&mut app, "+");
    for keys in ["", "d"] {
        typed(&mut app, keys);
        let term = render(&mut app, 120, 40);
        assert!(
            cells(&term).iter().all(|c| !matches!(c.fg, Color::Yellow | Color::LightYellow)),
            "yellow text is unreadable on a light background"
        );
    }
    // Projection keeps monochrome monochrome, and makes any colour theme high-contrast.
    assert_eq!(Theme::monochrome().for_projection().name, ThemeName::Monochrome);
    assert_eq!(Theme::light().for_projection().name, ThemeName::HighContrast);
}

#[test]
fn status_is_a_symbol_as_well_as_a_colour_on_every_screen() {
    let mut app = app_at(EXTRACT, Theme::monochrome());
    typed(&mut app, "+p");
    let s = text(&render(&mut app, 100, 30));
    assert!(s.contains("● Spup04") || s.contains("●"), "{s}");
    typed(&mut app, "d");
    let s = text(&render(&mut app, 100, 30));
    for st in Status::ALL {
        assert!(s.contains(copil::plan::status::status_symbol(st)), "{st:?}:\n{s}");
    }
}
