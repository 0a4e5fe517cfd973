//! The interface in English. The language is process-wide, so English screens live in their own
//! test binary, away from the French ones.

mod common;

use common::{key, render, text, today};
use copil::lang::Lang;
use copil::store::load::load;
use copil::tui::app::App;
use copil::tui::keymap::Keymap;
use copil::tui::view::theme::Theme;
use crossterm::event::KeyCode;

#[test]
fn labels_follow_english_punctuation_and_words() {
    let loaded = load(Lang::Fr, std::path::Path::new("tests/fixtures/charente-extract.ron")).unwrap();
    copil::wording::set_display_offset(Some(3600)); // times as in Paris in winter, whatever the machine's zone
    let mut app = App::new(loaded, Keymap::builtin(), Theme::default16(), today(), Lang::En);
    key(&mut app, KeyCode::Down);
    let s = text(&render(&mut app, 120, 40));
    assert!(s.contains("Pilots: Collectivités, La Poste"), "no space before the colon in English:\n{s}");
    assert!(!s.contains(" : "), "no French spacing left:\n{s}");
    assert!(s.contains("Detail") && s.contains("help"), "{s}");
    key(&mut app, KeyCode::Char('d'));
    let s = text(&render(&mut app, 120, 40));
    assert!(s.contains("Dashboard") && s.contains("Whole plan") && s.contains("Indicators: ✓"), "{s}");
}
