//! What a key does: the keymap's vocabulary, one description each (it feeds the help screen).

use serde::Deserialize;

use crate::i18n::{self, T};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize, PartialOrd, Ord)]
pub enum Command {
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    Toggle,
    Expand,
    Collapse,
    ExpandAll,
    CollapseAll,
    FocusNext,
    ScrollDown,
    ScrollUp,
    Help,
    CloseHelp,
    Quit,
    EditStatus,
    AddMeasure,
    AddComment,
    Undo,
    Submit,
    Cancel,
    NextField,
    PrevField,
    ChoiceNext,
    ChoicePrev,
    /// Unbinds a key in a user keymap.
    Nothing,
}

impl Command {
    /// Every command, in the order the help screen lists them.
    pub const ALL: [Command; 28] = [
        Command::Up,
        Command::Down,
        Command::PageUp,
        Command::PageDown,
        Command::Top,
        Command::Bottom,
        Command::Toggle,
        Command::Expand,
        Command::Collapse,
        Command::ExpandAll,
        Command::CollapseAll,
        Command::FocusNext,
        Command::EditStatus,
        Command::AddMeasure,
        Command::AddComment,
        Command::Undo,
        Command::Submit,
        Command::Cancel,
        Command::NextField,
        Command::PrevField,
        Command::ChoiceNext,
        Command::ChoicePrev,
        Command::ScrollDown,
        Command::ScrollUp,
        Command::Help,
        Command::CloseHelp,
        Command::Quit,
        Command::Nothing,
    ];

    pub fn description(self) -> &'static str {
        let t: T = match self {
            Command::Up => i18n::CMD_UP,
            Command::Down => i18n::CMD_DOWN,
            Command::PageUp => i18n::CMD_PAGE_UP,
            Command::PageDown => i18n::CMD_PAGE_DOWN,
            Command::Top => i18n::CMD_TOP,
            Command::Bottom => i18n::CMD_BOTTOM,
            Command::Toggle => i18n::CMD_TOGGLE,
            Command::Expand => i18n::CMD_EXPAND,
            Command::Collapse => i18n::CMD_COLLAPSE,
            Command::ExpandAll => i18n::CMD_EXPAND_ALL,
            Command::CollapseAll => i18n::CMD_COLLAPSE_ALL,
            Command::FocusNext => i18n::CMD_FOCUS,
            Command::ScrollDown => i18n::CMD_SCROLL_DOWN,
            Command::ScrollUp => i18n::CMD_SCROLL_UP,
            Command::Help => i18n::CMD_HELP,
            Command::CloseHelp | Command::Nothing => i18n::CMD_CLOSE,
            Command::Quit => i18n::CMD_QUIT,
            Command::EditStatus => i18n::CMD_EDIT_STATUS,
            Command::AddMeasure => i18n::CMD_MEASURE,
            Command::AddComment => i18n::CMD_COMMENT,
            Command::Undo => i18n::CMD_UNDO,
            Command::Submit => i18n::CMD_SUBMIT,
            Command::Cancel => i18n::CMD_CANCEL,
            Command::NextField => i18n::CMD_NEXT_FIELD,
            Command::PrevField => i18n::CMD_PREV_FIELD,
            Command::ChoiceNext => i18n::CMD_CHOICE_NEXT,
            Command::ChoicePrev => i18n::CMD_CHOICE_PREV,
        };
        t.get()
    }
}
