mod common;
use common::*;
use crossterm::event::KeyCode;
#[test]
fn show() {
    let mut a = app_at("plans/bouches-du-rhone.ron", copil::tui::view::theme::Theme::default16());
    keys(&mut a, &[KeyCode::Char('r')]);
    println!("{}", screen(&mut a, 120, 40));
    println!("{}", screen(&mut a, 80, 24));
}
