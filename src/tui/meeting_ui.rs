//! What the meeting screens remember: the agenda of the meeting being run (proposed by
//! `plan::meeting::proposed_agenda`, then reordered, trimmed or added to by the chair; it lives in
//! the session, the journal records what the meeting decides), and the cursors of the attendance,
//! follow-up and past-meetings lists.

use crate::plan::meeting::{AgendaItem, proposed_agenda};
use crate::plan::state::PlanState;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct MeetingUi {
    /// The meeting shown.
    pub id: String,
    pub agenda: Vec<AgendaItem>,
    /// The agenda item under discussion.
    pub current: usize,
    /// The attendance list's cursor (over people, not organisation headings).
    pub attendance: usize,
    /// The first line shown of the item under discussion (it may be longer than the screen).
    pub item_scroll: u16,
}

impl MeetingUi {
    /// The meeting with the agenda copil proposes for it.
    pub fn new(state: &PlanState, id: &str) -> MeetingUi {
        let agenda = state.meeting(id).map(|m| proposed_agenda(state, m)).unwrap_or_default();
        MeetingUi { id: id.to_string(), agenda, current: 0, attendance: 0, item_scroll: 0 }
    }

    pub fn current_item(&self) -> Option<&AgendaItem> {
        self.agenda.get(self.current)
    }

    pub fn current_action(&self) -> Option<&str> {
        self.current_item().and_then(|i| i.action.as_deref())
    }

    /// Moves to another item (clamped to the agenda).
    pub fn step(&mut self, delta: isize) {
        let last = self.agenda.len().saturating_sub(1) as isize;
        self.current = (self.current as isize + delta).clamp(0, last.max(0)) as usize;
        self.item_scroll = 0;
    }

    /// Moves the current item up or down the agenda; it stays current.
    pub fn move_item(&mut self, delta: isize) {
        let to = self.current as isize + delta;
        if self.agenda.is_empty() || to < 0 || to >= self.agenda.len() as isize {
            return;
        }
        self.agenda.swap(self.current, to as usize);
        self.current = to as usize;
    }

    /// A task was marked done in the meeting: it leaves the agenda (an item that was there only
    /// for it goes too).
    pub fn task_done(&mut self, task: &str) {
        use crate::plan::meeting::Reason;
        let current = self.current_item().cloned();
        for item in &mut self.agenda {
            item.reasons.retain(|r| !matches!(r, Reason::OpenTask(t) if t == task));
        }
        self.agenda.retain(|i| i.action.is_some() || !i.reasons.is_empty());
        let at = current.and_then(|c| self.agenda.iter().position(|i| i.action == c.action && i.action.is_some()));
        self.current = at.unwrap_or(self.current).min(self.agenda.len().saturating_sub(1));
    }

    /// Takes the current item off the agenda.
    pub fn remove_current(&mut self) -> Option<AgendaItem> {
        if self.agenda.is_empty() {
            return None;
        }
        let item = self.agenda.remove(self.current);
        self.current = self.current.min(self.agenda.len().saturating_sub(1));
        self.item_scroll = 0;
        Some(item)
    }

    /// Puts an action on the agenda right after the current item (or goes to it if it is there).
    pub fn add(&mut self, action: &str) {
        if let Some(i) = self.agenda.iter().position(|it| it.action.as_deref() == Some(action)) {
            self.current = i;
            self.item_scroll = 0;
            return;
        }
        let at = if self.agenda.is_empty() { 0 } else { self.current + 1 };
        self.agenda.insert(at, AgendaItem { action: Some(action.to_string()), reasons: Vec::new() });
        self.current = at;
        self.item_scroll = 0;
    }
}

/// A cursor in a list screen (follow-up, past meetings) or a scroll (minutes).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListUi {
    pub cursor: usize,
    /// For the minutes viewer: the meeting and the first line shown.
    pub meeting: Option<String>,
    pub scroll: u16,
}

impl ListUi {
    pub fn step(&mut self, delta: isize, len: usize) {
        let last = len.saturating_sub(1) as isize;
        self.cursor = (self.cursor as isize + delta).clamp(0, last.max(0)) as usize;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(a: &str) -> AgendaItem {
        AgendaItem { action: Some(a.to_string()), reasons: Vec::new() }
    }

    fn ids(m: &MeetingUi) -> Vec<&str> {
        m.agenda.iter().filter_map(|i| i.action.as_deref()).collect()
    }

    #[test]
    fn the_chair_reorders_trims_and_adds() {
        let mut m = MeetingUi { agenda: vec![item("a"), item("b"), item("c")], ..Default::default() };
        m.move_item(1);
        assert_eq!((ids(&m), m.current), (vec!["b", "a", "c"], 1));
        m.move_item(-5);
        assert_eq!(ids(&m), vec!["b", "a", "c"], "out of range: nothing moves");
        m.remove_current();
        assert_eq!((ids(&m), m.current), (vec!["b", "c"], 1));
        m.step(-1);
        m.add("z");
        assert_eq!((ids(&m), m.current), (vec!["b", "z", "c"], 1));
        m.add("c");
        assert_eq!((ids(&m).len(), m.current), (3, 2), "an action already there is gone to, not doubled");
        m.step(10);
        assert_eq!(m.current, 2);
        let mut empty = MeetingUi::default();
        assert_eq!(empty.remove_current(), None);
        empty.add("x");
        assert_eq!((ids(&empty), empty.current), (vec!["x"], 0));
    }
}
