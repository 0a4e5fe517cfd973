//! What the keys act on: a screen, or a layer over it (the help, a form, the search line). One
//! enum for both: the keymap has one table per mode, and [`UiState::mode`] says which is active,
//! for the key lookup, `update`'s dispatch and the status bar alike.
//!
//! [`UiState::mode`]: super::ui_state::UiState::mode

/// A screen (what fills the body: `UiState::screen` is always one) or a layer over it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Mode {
    /// The tree and the detail pane (the keymap's `normal` table).
    #[default]
    Plan,
    /// The help, over any screen.
    Help,
    /// A form is open: unbound keys go to its text input.
    Form,
    /// The search line is open: unbound keys type into it.
    Search,
    /// The tableau de bord: the plan as a whole, then per orientation.
    Dashboard,
    /// The chart of the selected action's indicators.
    Chart,
    /// A meeting: its agenda and the item under discussion.
    Meeting,
    /// The meeting's attendance.
    Attendance,
    /// Open tasks and decisions with a due date.
    FollowUp,
    /// Past meetings per body.
    Meetings,
    /// One meeting's minutes.
    Minutes,
}

impl Mode {
    /// Whether this is a layer over a screen rather than a screen.
    pub fn is_layer(self) -> bool {
        matches!(self, Mode::Help | Mode::Form | Mode::Search)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::search_ui::{Saved, SearchUi};
    use crate::tui::ui_state::UiState;

    #[test]
    fn the_top_layer_is_the_mode_and_the_body_is_the_search_or_the_screen() {
        let mut ui = UiState { screen: Mode::Dashboard, ..Default::default() };
        assert_eq!((ui.mode(), ui.body()), (Mode::Dashboard, Mode::Dashboard));
        ui.search = Some(SearchUi::new("", Saved::default()));
        assert_eq!((ui.mode(), ui.body()), (Mode::Search, Mode::Search));
        ui.help_open = true;
        assert_eq!((ui.mode(), ui.body()), (Mode::Help, Mode::Search));
        assert_eq!(ui.layers().collect::<Vec<_>>(), [Mode::Help, Mode::Search, Mode::Dashboard]);
        ui.search = None;
        assert_eq!((ui.mode(), ui.body()), (Mode::Help, Mode::Dashboard));
        assert!(ui.layers().all(|m| m == Mode::Help || !m.is_layer()));
    }
}
