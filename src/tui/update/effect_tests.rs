//! `update`'s decisions, checked without a terminal or a file: the effects a command asks for
//! (compared with the lines `plan::edit` builds), and what an outcome fed back shows. Behaviour,
//! not wording: a refusal is checked as an error message, never by its words.

use std::collections::HashSet;

use tui_input::InputRequest;

use super::*;
use crate::minutes::MinutesFormat;
use crate::plan::edit;
use crate::plan::model::Status;
use crate::search::{Field, Hit};
use crate::tui::derived::Derived;
use crate::tui::form::Form;
use crate::tui::search_ui::{self, Saved, SearchUi, TreeFilter};

/// A person of the technical cell of the fixture: may change every action.
const ME: &str = "cellule-etat";

fn state(l: Lang) -> PlanState {
    crate::store::load::load(l, std::path::Path::new("tests/fixtures/charente-extract.ron")).unwrap().state
}

fn now() -> Timestamp {
    Timestamp(chrono::DateTime::parse_from_rfc3339("2026-11-23T10:00:00+01:00").unwrap())
}

fn env<'a>(derived: &'a Derived, read_only: Option<&'a str>) -> Env<'a> {
    Env {
        by: ME,
        now: now(),
        today: now().date(),
        read_only,
        derived,
        minutes_format: MinutesFormat::Odt,
        lang: Lang::Fr,
    }
}

fn author() -> Author<'static> {
    Author::new(ME, now())
}

/// The tree on an action.
fn on(state: &PlanState, id: &str) -> UiState {
    let mut ui = UiState::new(&state.plan);
    assert!(ui.reveal(&state.plan, id));
    ui
}

/// Types into the open form's focused text field, as the keys unbound in a form do.
fn type_in(ui: &mut UiState, text: &str) {
    let input = ui.form.as_mut().and_then(|f| f.focused_input()).expect("a text field has the focus");
    for c in text.chars() {
        input.handle(InputRequest::InsertChar(c));
    }
}

fn is_error(ui: &UiState) -> bool {
    ui.message.as_ref().is_some_and(|m| m.is_error)
}

fn hit(id: &str) -> Hit {
    Hit {
        action_id: id.to_string(),
        position: 0,
        score: 0,
        field: Field::Title,
        field_index: 0,
        title_matches: Vec::new(),
        field_matches: Vec::new(),
        highlighted: true,
    }
}

fn results(text: &str, ids: &[&str]) -> Outcome {
    Outcome::SearchResults { text: text.to_string(), hits: ids.iter().map(|id| hit(id)).collect() }
}

fn selected_hit(ui: &UiState) -> Option<String> {
    ui.search.as_ref()?.selected_hit().map(|h| h.action_id.clone())
}

/// The ids of the actions in the tree's rows.
fn actions_shown(state: &PlanState, ui: &UiState) -> Vec<String> {
    use crate::tui::ui_state::{Node, node};
    ui.rows
        .iter()
        .filter_map(|r| match node(&state.plan, &r.path) {
            Some(Node::Action(a)) => Some(a.id.clone()),
            _ => None,
        })
        .collect()
}

/// The action on the tree's selected row.
fn selected_action(state: &PlanState, ui: &UiState) -> Option<String> {
    let row = ui.selected_row()?;
    crate::tui::ui_state::node_key(&state.plan, &row.path)?.action_id().map(str::to_string)
}

#[test]
fn a_status_chosen_in_its_form_is_one_line_to_append_and_never_twice() {
    let l = Lang::Fr;
    let state = state(l);
    let derived = Derived::default();
    let env = env(&derived, None);
    let mut ui = on(&state, "Spup05");
    assert_eq!(update(&state, &mut ui, Command::EditStatus, &env), vec![]);
    assert_eq!(ui.mode(), Mode::Form);
    let current = state.plan.action("Spup05").unwrap().status.index();
    assert!(current + 1 < Status::ALL.len());
    assert_eq!(update(&state, &mut ui, Command::ChoiceNext, &env), vec![]);
    let expected = edit::status(&state, &author(), "Spup05", Status::ALL[current + 1], None).unwrap();
    assert_eq!(update(&state, &mut ui, Command::Submit, &env), vec![Effect::Append(Box::new(expected))]);
    // Until the line is on disk (or refused), Enter again writes nothing more.
    assert_eq!(update(&state, &mut ui, Command::Submit, &env), vec![]);
    assert_eq!(ui.mode(), Mode::Form, "the form stays open until the outcome comes back");
}

#[test]
fn a_comment_typed_in_its_form_is_one_line_to_append() {
    let l = Lang::Fr;
    let state = state(l);
    let derived = Derived::default();
    let env = env(&derived, None);
    let mut ui = on(&state, "Spup03");
    assert_eq!(update(&state, &mut ui, Command::AddComment, &env), vec![]);
    type_in(&mut ui, "Vu en COTECH");
    let expected = edit::comment(&state, &author(), "Spup03", "Vu en COTECH").unwrap();
    assert_eq!(update(&state, &mut ui, Command::Submit, &env), vec![Effect::Append(Box::new(expected))]);
}

#[test]
fn an_empty_comment_is_refused_in_its_form_without_an_effect() {
    let l = Lang::Fr;
    let state = state(l);
    let derived = Derived::default();
    let env = env(&derived, None);
    let mut ui = on(&state, "Spup03");
    update(&state, &mut ui, Command::AddComment, &env);
    assert_eq!(update(&state, &mut ui, Command::Submit, &env), vec![]);
    assert_eq!(ui.mode(), Mode::Form, "the form stays open, with the reason");
}

#[test]
fn a_measurement_typed_in_its_form_is_one_line_to_append_dated_today() {
    let l = Lang::Fr;
    let state = state(l);
    let derived = Derived::default();
    let env = env(&derived, None);
    let mut ui = on(&state, "Spup01");
    assert_eq!(update(&state, &mut ui, Command::AddMeasure, &env), vec![]);
    // The first indicator and today's date are offered; the value is typed.
    type_in(&mut ui, "17");
    let indicator = &state.plan.action("Spup01").unwrap().indicators[0].id;
    let expected = edit::measure(&state, &author(), "Spup01", indicator, "17", env.today, None).unwrap();
    assert_eq!(update(&state, &mut ui, Command::Submit, &env), vec![Effect::Append(Box::new(expected))]);
}

#[test]
fn undo_is_decided_by_the_application_when_there_is_a_change_of_mine_to_undo() {
    let l = Lang::Fr;
    let mut state = state(l);
    let derived = Derived::default();
    let env = env(&derived, None);
    let mut ui = on(&state, "Spup03");
    // Nothing of mine outside a closed meeting: refused here, with an error.
    assert_eq!(update(&state, &mut ui, Command::Undo, &env), vec![]);
    assert!(is_error(&ui), "{:?}", ui.message);
    let line = state.entries.len() + 1;
    state.apply(line, edit::comment(&state, &author(), "Spup03", "à défaire").unwrap());
    ui.message = None;
    assert_eq!(update(&state, &mut ui, Command::Undo, &env), vec![Effect::Undo]);
    assert_eq!(ui.message, None);
}

#[test]
fn quit_is_an_effect_on_the_plan_in_a_form_and_in_the_search() {
    let l = Lang::Fr;
    let state = state(l);
    let derived = Derived::default();
    let env = env(&derived, None);
    let mut ui = on(&state, "Spup03");
    assert_eq!(update(&state, &mut ui, Command::Quit, &env), vec![Effect::Quit]);
    update(&state, &mut ui, Command::AddComment, &env);
    assert_eq!(update(&state, &mut ui, Command::Quit, &env), vec![Effect::Quit]);
    ui.form = None;
    update(&state, &mut ui, Command::Search, &env);
    after(l, &state, &mut ui, results("", &["Spup01"]));
    assert_eq!(update(&state, &mut ui, Command::Quit, &env), vec![Effect::Quit]);
    assert!(!ui.quit, "update asks; the application quits");
}

#[test]
fn a_read_only_session_refuses_every_edit_key_with_an_error_and_no_effect() {
    let l = Lang::Fr;
    let mut state = state(l);
    state.apply(state.entries.len() + 1, edit::comment(&state, &author(), "Spup01", "à défaire").unwrap());
    let derived = Derived::default();
    let env = env(&derived, Some("the journal is not writable"));
    for cmd in [Command::EditStatus, Command::AddComment, Command::AddMeasure, Command::Reschedule, Command::Undo] {
        let mut ui = on(&state, "Spup01");
        assert_eq!(update(&state, &mut ui, cmd, &env), vec![], "{cmd:?}");
        assert!(ui.form.is_none() && is_error(&ui), "{cmd:?}: {:?}", ui.message);
    }
}

#[test]
fn the_minutes_key_opens_the_format_form_on_the_remembered_format_then_asks_to_write() {
    let l = Lang::Fr;
    let state = state(l);
    let derived = Derived::default();
    let mut env = env(&derived, None);
    env.minutes_format = MinutesFormat::Html;
    let id = "2018-06-12-cotech";
    let mut ui = UiState::new(&state.plan);
    update(&state, &mut ui, Command::Meetings, &env);
    assert_eq!(ui.screen, Mode::Meetings);
    assert_eq!(update(&state, &mut ui, Command::Minutes, &env), vec![], "nothing is written before the format");
    let form = |f: MinutesFormat| format!("{:?}", Some(Form::minutes_format(id, f)));
    assert_eq!(format!("{:?}", ui.form), form(MinutesFormat::Html));
    assert_ne!(form(MinutesFormat::Html), form(MinutesFormat::Odt));
    assert_eq!(
        update(&state, &mut ui, Command::Submit, &env),
        vec![Effect::WriteMinutesAs(id.to_string(), MinutesFormat::Html)]
    );
    assert!(ui.form.is_none());

    // From the minutes shown, the same.
    update(&state, &mut ui, Command::Submit, &env);
    assert_eq!(ui.screen, Mode::Minutes);
    assert_eq!(update(&state, &mut ui, Command::Minutes, &env), vec![]);
    assert_eq!(format!("{:?}", ui.form), form(MinutesFormat::Html));
}

#[test]
fn the_search_asks_for_its_results_when_its_line_changes_and_only_then() {
    let l = Lang::Fr;
    let state = state(l);
    let derived = Derived::default();
    let env = env(&derived, None);
    let mut ui = UiState::new(&state.plan);
    assert_eq!(update(&state, &mut ui, Command::Search, &env), vec![Effect::Search { text: String::new() }]);
    assert_eq!(ui.mode(), Mode::Search);
    assert!(!after(l, &state, &mut ui, results("", &["Spup01", "Spup02"])));
    // Moving among the results looks nothing up.
    assert_eq!(update(&state, &mut ui, Command::Down, &env), vec![]);
    assert_eq!(selected_hit(&ui).as_deref(), Some("Spup02"));
    // A filter key edits the line: looked up.
    let late = search_ui::toggle_late(l, "");
    assert_eq!(update(&state, &mut ui, Command::ToggleLate, &env), vec![Effect::Search { text: late.clone() }]);
    // Text typed by the application into the line: looked up once.
    ui.search.as_mut().unwrap().input.handle(InputRequest::InsertChar('x'));
    let typed_text = format!("{late}x");
    assert_eq!(typed(&ui), vec![Effect::Search { text: typed_text.clone() }]);
    after(l, &state, &mut ui, results(&typed_text, &[]));
    assert_eq!(typed(&ui), vec![]);
}

#[test]
fn results_for_the_same_line_keep_the_selected_action_and_a_new_line_goes_to_the_best() {
    let l = Lang::Fr;
    let state = state(l);
    let mut ui = UiState::new(&state.plan);
    ui.search = Some(SearchUi::new("msap", Saved::default()));
    after(l, &state, &mut ui, results("msap", &["Spup01", "Spup02", "Spup03"]));
    assert_eq!(selected_hit(&ui).as_deref(), Some("Spup01"), "the best result first");
    ui.search.as_mut().unwrap().step(1, 10);
    // The plan changed: the same line ranks differently; the selected action stays selected.
    after(l, &state, &mut ui, results("msap", &["Spup03", "Spup01", "Spup02"]));
    assert_eq!(selected_hit(&ui).as_deref(), Some("Spup02"));
    assert_eq!(ui.search.as_ref().unwrap().selected, 2);
    // The selected action is no longer found: the best result.
    after(l, &state, &mut ui, results("msap", &["Spup03", "Spup01"]));
    assert_eq!(selected_hit(&ui).as_deref(), Some("Spup03"));
    // Another line: the best result, even if the selected action is still found.
    ui.search.as_mut().unwrap().step(1, 10);
    ui.search.as_mut().unwrap().set_text("msap cpam".into());
    after(l, &state, &mut ui, results("msap cpam", &["Spup02", "Spup01"]));
    assert_eq!(selected_hit(&ui).as_deref(), Some("Spup02"));
    // Results found for a line since changed are not shown.
    after(l, &state, &mut ui, results("msap", &["Spup04"]));
    assert_eq!(selected_hit(&ui).as_deref(), Some("Spup02"));
}

#[test]
fn a_long_result_list_keeps_the_selection_visible() {
    let l = Lang::Fr;
    let state = state(l);
    let mut ui = UiState::new(&state.plan);
    ui.viewport = 3;
    ui.search = Some(SearchUi::new("a", Saved::default()));
    let ids: Vec<String> = (0..10).map(|i| format!("A{i}")).collect();
    let refs: Vec<&str> = ids.iter().map(String::as_str).collect();
    after(l, &state, &mut ui, results("a", &refs));
    ui.search.as_mut().unwrap().step(7, 3);
    after(l, &state, &mut ui, results("a", &refs));
    let s = ui.search.as_ref().unwrap();
    assert_eq!(s.selected, 7);
    assert!(s.offset <= 7 && 7 < s.offset + 3, "offset {}", s.offset);
}

#[test]
fn while_the_index_is_built_the_search_waits_and_asks_again_when_it_is_ready() {
    let l = Lang::Fr;
    let state = state(l);
    let derived = Derived::default();
    let env = env(&derived, None);
    let mut ui = UiState::new(&state.plan);
    update(&state, &mut ui, Command::Search, &env);
    assert!(!after(l, &state, &mut ui, Outcome::Indexing));
    assert!(ui.search.as_ref().unwrap().indexing);
    assert_eq!(index_ready(&mut ui), vec![Effect::Search { text: String::new() }]);
    after(l, &state, &mut ui, results("", &["Spup01"]));
    assert!(!ui.search.as_ref().unwrap().indexing);
    // Nothing waits any more.
    assert_eq!(index_ready(&mut ui), vec![]);
    // The plan reloaded, its index built again: the same line is looked up again once it is.
    after(l, &state, &mut ui, Outcome::Indexing);
    assert_eq!(update(&state, &mut ui, Command::Down, &env), vec![Effect::Search { text: String::new() }]);
    after(l, &state, &mut ui, Outcome::Indexing);
    assert_eq!(index_ready(&mut ui), vec![Effect::Search { text: String::new() }]);
}

#[test]
fn my_actions_are_looked_up_and_the_tree_shows_them_from_its_first_row() {
    let l = Lang::Fr;
    let state = state(l);
    let derived = Derived::default();
    let env = env(&derived, None);
    let mut ui = on(&state, "Spup05");
    let mine = search_ui::mine_word(l).to_string();
    assert_eq!(update(&state, &mut ui, Command::MyActions, &env), vec![Effect::Filter { text: mine.clone() }]);
    let ids: HashSet<String> = ["Spup03".to_string()].into();
    assert!(!after(l, &state, &mut ui, Outcome::Filtered { text: mine.clone(), ids }));
    // Spup03 and its parents only (it is a sub-action of Spup01).
    assert_eq!(actions_shown(&state, &ui), vec!["Spup01", "Spup03"]);
    assert_eq!((ui.selected, ui.offset), (0, 0));
    // Pressed again: the whole tree, nothing looked up.
    assert_eq!(update(&state, &mut ui, Command::MyActions, &env), vec![]);
    assert_eq!(ui.filter, None);
    assert!(actions_shown(&state, &ui).len() > 2);
    // Set in the settings: the same lookup.
    assert_eq!(show_mine(l, &mut ui), vec![Effect::Filter { text: mine }]);
}

#[test]
fn a_filter_set_while_the_index_is_built_gets_its_actions_when_it_is_ready() {
    let l = Lang::Fr;
    let state = state(l);
    let mut ui = UiState::new(&state.plan);
    let mine = search_ui::mine_word(l).to_string();
    show_mine(l, &mut ui);
    assert!(!after(l, &state, &mut ui, Outcome::Indexing));
    assert_eq!(actions_shown(&state, &ui), Vec::<String>::new(), "none known yet");
    assert_eq!(index_ready(&mut ui), vec![Effect::Filter { text: mine.clone() }]);
    after(l, &state, &mut ui, Outcome::Filtered { text: mine, ids: ["Spup05".to_string()].into() });
    assert!(actions_shown(&state, &ui).contains(&"Spup05".to_string()));
}

#[test]
fn a_plan_change_looks_the_filter_and_the_open_search_up_again_keeping_the_selection() {
    let l = Lang::Fr;
    let state = state(l);
    let mut ui = UiState::new(&state.plan);
    assert_eq!(plan_changed(&state, &mut ui), vec![], "nothing to look up");
    ui.filter = Some(TreeFilter { text: "statut:en".into(), ids: ["Spup03".to_string(), "Spup05".to_string()].into() });
    ui.rebuild_rows(&state.plan);
    assert!(ui.reveal(&state.plan, "Spup05"));
    ui.search = Some(SearchUi::new("caf", Saved::default()));
    after(l, &state, &mut ui, results("caf", &["Spup03", "Spup05"]));
    ui.search.as_mut().unwrap().step(1, 10);
    assert_eq!(
        plan_changed(&state, &mut ui),
        vec![Effect::Filter { text: "statut:en".into() }, Effect::Search { text: "caf".into() }]
    );
    // Spup03 abandoned meanwhile: out of the filter, and second in the search.
    after(l, &state, &mut ui, Outcome::Filtered { text: "statut:en".into(), ids: ["Spup05".to_string()].into() });
    after(l, &state, &mut ui, results("caf", &["Spup05", "Spup03"]));
    assert_eq!(selected_hit(&ui).as_deref(), Some("Spup05"));
    assert!(!actions_shown(&state, &ui).contains(&"Spup03".to_string()));
    assert_eq!(selected_action(&state, &ui).as_deref(), Some("Spup05"));
}

#[test]
fn a_plan_file_that_no_longer_loads_is_said_once_and_a_reload_is_said() {
    let l = Lang::Fr;
    let state = state(l);
    let mut ui = on(&state, "Spup05");
    assert!(after(l, &state, &mut ui, Outcome::PlanReloaded(Err("line 3".into()))));
    assert!(is_error(&ui));
    ui.message = None;
    assert!(!after(l, &state, &mut ui, Outcome::PlanReloaded(Err("line 3".into()))), "the same trouble again");
    assert_eq!(ui.message, None);
    assert!(after(l, &state, &mut ui, Outcome::PlanReloaded(Err("line 4".into()))), "another trouble");
    assert!(is_error(&ui));
    // Reloaded: said, the tree on the node that was selected.
    ui.selected = 0;
    let kept = Some(NodeKey::Action("Spup05".into()));
    assert!(after(l, &state, &mut ui, Outcome::PlanReloaded(Ok(kept))));
    assert!(ui.message.as_ref().is_some_and(|m| !m.is_error));
    assert_eq!(selected_action(&state, &ui).as_deref(), Some("Spup05"));
    // Once reloaded, the old trouble is new again.
    assert!(after(l, &state, &mut ui, Outcome::PlanReloaded(Err("line 4".into()))));
}

#[test]
fn a_trouble_reading_others_lines_is_said_once_until_lines_come_in() {
    let l = Lang::Fr;
    let state = state(l);
    let mut ui = UiState::new(&state.plan);
    assert!(after(l, &state, &mut ui, Outcome::WatchFailed("not a regular file".into())));
    assert!(is_error(&ui));
    assert!(!after(l, &state, &mut ui, Outcome::WatchFailed("not a regular file".into())));
    after(l, &state, &mut ui, Outcome::JournalChanged { new: vec![], own: None, reread: None });
    assert!(after(l, &state, &mut ui, Outcome::WatchFailed("not a regular file".into())));
}

#[test]
fn a_settings_file_that_cannot_be_written_is_said_as_an_error() {
    let l = Lang::Fr;
    let state = state(l);
    let mut ui = UiState::new(&state.plan);
    assert!(!after(l, &state, &mut ui, Outcome::SettingsSaved(Ok(()))));
    assert_eq!(ui.message, None);
    assert!(after(l, &state, &mut ui, Outcome::SettingsSaved(Err("read-only file system".into()))));
    assert!(is_error(&ui));
}

#[test]
fn a_meeting_left_open_is_offered_to_resume_to_who_may_run_it_and_can_write() {
    let l = Lang::Fr;
    let mut state = state(l);
    let derived = Derived::default();
    let mut ui = UiState::new(&state.plan);
    on_start(&state, &mut ui, &env(&derived, None));
    assert!(ui.form.is_none(), "no meeting open");
    let event = crate::plan::meeting::open(&state, &author(), "cotech", now().date(), None).unwrap();
    let Change::MeetingOpened { id, .. } = &event.change else { panic!() };
    let id = id.clone();
    state.apply(state.entries.len() + 1, event);
    on_start(&state, &mut ui, &env(&derived, None));
    assert_eq!(format!("{:?}", ui.form), format!("{:?}", Some(Form::resume(l, &id))));

    let mut ui = UiState::new(&state.plan);
    on_start(&state, &mut ui, &env(&derived, Some("read only")));
    assert!(ui.form.is_none(), "a session that may only read cannot run it");
    let someone_else = Env { by: "ref-poste", ..env(&derived, None) };
    on_start(&state, &mut ui, &someone_else);
    assert!(ui.form.is_none(), "neither opener nor chair");
}
