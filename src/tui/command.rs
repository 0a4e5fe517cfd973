//! What a key does: the keymap's vocabulary, one description each (it feeds the help screen).

use serde::Deserialize;
use strum::{EnumIter, IntoEnumIterator};

use crate::i18n::{self, Lang, T};

/// The variants are listed in the order the help screen shows them ([`Command::all`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize, PartialOrd, Ord, EnumIter)]
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
    Search,
    ClearFilter,
    /// Keep only my actions (as pilot or referent), or show them all again.
    MyActions,
    Dashboard,
    Chart,
    NextIndicator,
    PrevIndicator,
    Present,
    /// Opens a meeting (or goes to the one open).
    Meeting,
    FollowUp,
    Meetings,
    Decision,
    MeetingNote,
    Task,
    Attendance,
    AddItem,
    RemoveItem,
    ItemUp,
    ItemDown,
    CloseMeeting,
    Minutes,
    MarkPresent,
    MarkExcused,
    MarkAbsent,
    AddGuest,
    TaskDone,
    /// Set the action's due date, with a reason (a `Reschedule` line).
    Reschedule,
    /// In a form's text: start a new line.
    NewLine,
    /// The date and place of the body's next meeting.
    NextMeeting,
    /// Someone came in the selected person's place.
    MarkRepresented,
    /// Leaves the dashboard or the chart for the plan.
    Back,
    CycleStatus,
    ToggleLate,
    ToggleBehind,
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
    ScrollDown,
    ScrollUp,
    Help,
    CloseHelp,
    Quit,
    /// Unbinds a key in a user keymap.
    Nothing,
}

impl Command {
    /// Every command, in the order the help screen lists them (the order of the enum).
    pub fn all() -> impl Iterator<Item = Command> {
        Command::iter()
    }

    pub fn description(self, l: Lang) -> &'static str {
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
            Command::Search => i18n::CMD_SEARCH,
            Command::ClearFilter => i18n::CMD_CLEAR_FILTER,
            Command::MyActions => {
                return tr!(
                    l,
                    "Mes actions (pilote ou référent), ou de nouveau tout le plan",
                    "My actions (as pilot or referent), or the whole plan again"
                );
            }
            Command::ToggleLate => i18n::CMD_TOGGLE_LATE,
            Command::ToggleBehind => i18n::CMD_TOGGLE_BEHIND,
            Command::CycleStatus => i18n::CMD_CYCLE_STATUS,
            Command::Dashboard => i18n::CMD_DASHBOARD,
            Command::Chart => i18n::CMD_CHART,
            Command::Present => i18n::CMD_PRESENT,
            Command::NextIndicator => i18n::CMD_NEXT_INDICATOR,
            Command::PrevIndicator => i18n::CMD_PREV_INDICATOR,
            Command::Back => i18n::CMD_BACK,
            Command::Meeting => i18n::CMD_MEETING,
            Command::FollowUp => i18n::CMD_FOLLOW_UP,
            Command::Meetings => i18n::CMD_MEETINGS,
            Command::Decision => i18n::CMD_DECISION,
            Command::MeetingNote => i18n::CMD_MEETING_NOTE,
            Command::Task => i18n::CMD_TASK,
            Command::Attendance => i18n::CMD_ATTENDANCE,
            Command::AddItem => i18n::CMD_ADD_ITEM,
            Command::RemoveItem => i18n::CMD_REMOVE_ITEM,
            Command::ItemUp => i18n::CMD_ITEM_UP,
            Command::ItemDown => i18n::CMD_ITEM_DOWN,
            Command::CloseMeeting => i18n::CMD_CLOSE_MEETING,
            Command::Minutes => i18n::CMD_MINUTES,
            Command::MarkPresent => i18n::CMD_MARK_PRESENT,
            Command::MarkExcused => i18n::CMD_MARK_EXCUSED,
            Command::MarkAbsent => i18n::CMD_MARK_ABSENT,
            Command::AddGuest => i18n::CMD_ADD_GUEST,
            Command::TaskDone => i18n::CMD_TASK_DONE,
            Command::Reschedule => {
                return tr!(
                    l,
                    "Reporter l'échéance de l'action (nouvelle date, motif)",
                    "Reschedule the action (new due date, reason)"
                );
            }
            Command::NewLine => return tr!(l, "Nouvelle ligne dans le texte", "New line in the text"),
            Command::NextMeeting => i18n::CMD_NEXT_MEETING,
            Command::MarkRepresented => i18n::CMD_MARK_REPRESENTED,
        };
        t.get(l)
    }

    /// What the command does in a mode, where that differs from [`Command::description`]: `Enter`
    /// saves a form, but goes to an action in the search, opens an orientation on the dashboard…
    pub fn description_in(self, l: Lang, mode: super::keymap::Mode) -> &'static str {
        use super::keymap::Mode;
        match (self, mode) {
            (Command::Submit, Mode::Search) => tr!(l, "Aller à l'action choisie", "Go to the chosen action"),
            (Command::Cancel, Mode::Search) => {
                tr!(l, "Fermer la recherche, revenir où l'on était", "Close the search, back to where you were")
            }
            (Command::Submit, Mode::Dashboard) => {
                tr!(l, "Ouvrir l'orientation choisie dans l'arbre", "Open the chosen orientation in the tree")
            }
            (Command::Submit, Mode::FollowUp) => tr!(l, "Marquer la tâche faite", "Mark the task done"),
            (Command::Submit, Mode::Meetings) => tr!(l, "Lire le relevé de la réunion", "Read the meeting's minutes"),
            (Command::PageDown, Mode::Meeting) => {
                tr!(l, "Faire défiler l'action discutée vers le bas", "Scroll the item under discussion down")
            }
            (Command::PageUp, Mode::Meeting) => {
                tr!(l, "Faire défiler l'action discutée vers le haut", "Scroll the item under discussion up")
            }
            _ => self.description(l),
        }
    }
}
