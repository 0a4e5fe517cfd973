//! Everything the interface remembers that is not the plan: selection, folds, focus, popups.

use std::collections::HashSet;

use crate::plan::model::{Orientation, Plan, PlanAction};

/// One visible row of the tree.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// Orientation index, then action indices down the sub-actions.
    pub path: Vec<usize>,
    pub depth: u16,
    pub has_children: bool,
    pub expanded: bool,
}

impl Row {
    pub fn is_orientation(&self) -> bool {
        self.path.len() == 1
    }
}

/// What a row points at.
pub enum Node<'a> {
    Orientation(&'a Orientation),
    Action(&'a PlanAction),
}

/// Follows a row's path into the plan.
pub fn node<'a>(plan: &'a Plan, path: &[usize]) -> Option<Node<'a>> {
    let (first, rest) = path.split_first()?;
    let o = plan.orientations.get(*first)?;
    let Some((a0, deeper)) = rest.split_first() else {
        return Some(Node::Orientation(o));
    };
    let mut a = o.actions.get(*a0)?;
    for i in deeper {
        a = a.sub_actions.get(*i)?;
    }
    Some(Node::Action(a))
}

/// A stable key for a tree node, kept across reloads (a path of indices is not: it names another
/// node once the plan file changes).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum NodeKey {
    Orientation(String),
    Action(String),
}

impl NodeKey {
    pub fn of(node: Node<'_>) -> NodeKey {
        match node {
            Node::Orientation(o) => NodeKey::Orientation(o.id.clone()),
            Node::Action(a) => NodeKey::Action(a.id.clone()),
        }
    }

    /// The action's id, if the key names an action.
    pub fn action_id(&self) -> Option<&str> {
        match self {
            NodeKey::Action(id) => Some(id),
            NodeKey::Orientation(_) => None,
        }
    }
}

/// The node a key names.
pub fn node_by_key<'a>(plan: &'a Plan, key: &NodeKey) -> Option<Node<'a>> {
    match key {
        NodeKey::Action(id) => plan.action(id).map(Node::Action),
        NodeKey::Orientation(id) => plan.orientations.iter().find(|o| &o.id == id).map(Node::Orientation),
    }
}

/// The key of the node at a path.
pub fn node_key(plan: &Plan, path: &[usize]) -> Option<NodeKey> {
    node(plan, path).map(NodeKey::of)
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Focus {
    #[default]
    Tree,
    Detail,
}

pub use super::mode::Mode;

/// A short message in the status bar: a save, someone else's change, a refusal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub is_error: bool,
}

impl Message {
    pub fn info(text: String) -> Message {
        Message { text, is_error: false }
    }
    pub fn error(text: String) -> Message {
        Message { text, is_error: true }
    }
}

#[derive(Clone, Debug, Default)]
pub struct UiState {
    /// The open form, if any (its text survives live refreshes).
    pub form: Option<super::form::Form>,
    pub message: Option<Message>,
    /// The expanded nodes.
    pub expanded: HashSet<NodeKey>,
    /// The flattened visible tree, recomputed when folds or the plan change.
    pub rows: Vec<Row>,
    pub selected: usize,
    /// First tree row shown.
    pub offset: usize,
    /// How many tree rows fit on screen (set from the layout on every resize).
    pub viewport: usize,
    pub detail_scroll: u16,
    pub focus: Focus,
    pub help_open: bool,
    pub help_scroll: u16,
    /// The open search line and its results.
    pub search: Option<super::search_ui::SearchUi>,
    /// Only these actions (and their parents) are in the tree.
    pub filter: Option<super::search_ui::TreeFilter>,
    pub screen: Mode,
    /// The dashboard's selected row: 0 is the whole plan, then one per orientation.
    pub dashboard_selected: usize,
    /// Which indicator of the selected action the chart shows.
    pub chart_indicator: usize,
    /// Projection mode: high contrast, no borders, big figures.
    pub present: bool,
    /// The meeting being run or looked at, with its agenda.
    pub meeting: Option<super::meeting_ui::MeetingUi>,
    /// The cursor of the follow-up and past-meetings lists, the minutes' scroll.
    pub list: super::meeting_ui::ListUi,
    /// Where `Back` goes from the follow-up and the past meetings.
    pub back_to: Mode,
    /// While moving through the tree with a detail delay: the node the detail pane still shows.
    pub detail_frozen: Option<NodeKey>,
    /// Troubles already said, so that the same one found at every tick is said once.
    pub said: Said,
    pub quit: bool,
}

/// Troubles found again and again (every 200 ms) that are said once: saying them at every tick
/// would redraw the screen five times a second and keep the message up for ever.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Said {
    /// Why the plan file, changed on disk, could not be read again (until it is).
    pub plan_error: Option<String>,
    /// Why others' lines could not be read (until some are).
    pub watch_error: Option<String>,
}

impl UiState {
    /// The open layers from the top down, then the screen: a form over the help over the search
    /// line over the screen. The one place that order is decided.
    pub fn layers(&self) -> impl DoubleEndedIterator<Item = Mode> {
        [
            self.form.is_some().then_some(Mode::Form),
            self.help_open.then_some(Mode::Help),
            self.search.is_some().then_some(Mode::Search),
            Some(self.screen),
        ]
        .into_iter()
        .flatten()
    }

    /// The active mode, whose keymap table the keys are looked up in and whose handler `update`
    /// gives them to: the top layer.
    pub fn mode(&self) -> Mode {
        self.layers().next().unwrap_or(self.screen)
    }

    /// What fills the body of the screen (the search line or the screen), and so the keys the
    /// status bar advertises: the help and a form are drawn over it.
    pub fn body(&self) -> Mode {
        self.layers().find(|m| !matches!(m, Mode::Form | Mode::Help)).unwrap_or(self.screen)
    }

    /// A fresh interface: orientations expanded one level, the first row selected.
    pub fn new(plan: &Plan) -> UiState {
        let mut ui = UiState {
            expanded: plan.orientations.iter().map(|o| NodeKey::Orientation(o.id.clone())).collect(),
            viewport: 10,
            ..Default::default()
        };
        ui.rebuild_rows(plan);
        ui
    }

    /// Recomputes the visible rows, keeping the selected node selected when it is still visible.
    pub fn rebuild_rows(&mut self, plan: &Plan) {
        let keep = self.rows.get(self.selected).and_then(|r| node_key(plan, &r.path));
        self.rows.clear();
        for (oi, o) in plan.orientations.iter().enumerate() {
            if let Some(f) = &self.filter {
                // Filtered: every matching action with its parents, unfolded.
                if o.actions.iter().any(|a| shows(a, &f.ids)) {
                    self.rows.push(Row { path: vec![oi], depth: 0, has_children: true, expanded: true });
                    for (ai, a) in o.actions.iter().enumerate() {
                        self.push_filtered(a, vec![oi, ai], 1);
                    }
                }
                continue;
            }
            let expanded = self.expanded.contains(&NodeKey::Orientation(o.id.clone()));
            self.rows.push(Row { path: vec![oi], depth: 0, has_children: !o.actions.is_empty(), expanded });
            if expanded {
                for (ai, a) in o.actions.iter().enumerate() {
                    self.push_action(a, vec![oi, ai], 1);
                }
            }
        }
        if let Some(key) = keep
            && let Some(i) = self.rows.iter().position(|r| node_key(plan, &r.path).as_ref() == Some(&key))
        {
            self.selected = i;
        }
        self.selected = self.selected.min(self.rows.len().saturating_sub(1));
        self.clamp_offset();
    }

    fn push_action(&mut self, a: &PlanAction, path: Vec<usize>, depth: u16) {
        let expanded = self.expanded.contains(&NodeKey::Action(a.id.clone()));
        self.rows.push(Row { path: path.clone(), depth, has_children: !a.sub_actions.is_empty(), expanded });
        if expanded {
            for (i, s) in a.sub_actions.iter().enumerate() {
                let mut p = path.clone();
                p.push(i);
                self.push_action(s, p, depth + 1);
            }
        }
    }

    fn push_filtered(&mut self, a: &PlanAction, path: Vec<usize>, depth: u16) {
        let Some(f) = &self.filter else { return };
        if !shows(a, &f.ids) {
            return;
        }
        let shown: Vec<usize> = (0..a.sub_actions.len()).filter(|&i| shows(&a.sub_actions[i], &f.ids)).collect();
        self.rows.push(Row { path: path.clone(), depth, has_children: !shown.is_empty(), expanded: !shown.is_empty() });
        for i in shown {
            let mut p = path.clone();
            p.push(i);
            self.push_filtered(&a.sub_actions[i], p, depth + 1);
        }
    }

    pub fn selected_row(&self) -> Option<&Row> {
        self.rows.get(self.selected)
    }

    /// How many rows of the tree are visible: the viewport, less the filter's line when filtered.
    pub fn tree_rows(&self) -> usize {
        self.viewport.saturating_sub(usize::from(self.filter.is_some())).max(1)
    }

    /// Keeps the selection inside the visible window of rows. When it leaves the window, the
    /// window jumps half a page past it (as Midnight Commander's panels do): the next moves then
    /// redraw two rows each instead of scrolling the whole tree one row at a time, which matters
    /// over a slow SSH link.
    pub fn clamp_offset(&mut self) {
        let vp = self.tree_rows();
        if self.selected < self.offset {
            self.offset = self.selected.saturating_sub(vp / 2);
        } else if self.selected >= self.offset + vp {
            self.offset = self.selected + 1 - vp + vp / 2;
        }
        let max_offset = self.rows.len().saturating_sub(vp);
        self.offset = self.offset.min(max_offset);
    }

    /// Selects an action by its id, expanding its ancestors. Returns whether it was found.
    pub fn reveal(&mut self, plan: &Plan, action_id: &str) -> bool {
        let mut chain = Vec::new();
        for o in &plan.orientations {
            if find_chain(&o.actions, action_id, &mut chain) {
                self.expanded.insert(NodeKey::Orientation(o.id.clone()));
                for id in &chain[..chain.len() - 1] {
                    self.expanded.insert(NodeKey::Action(id.to_string()));
                }
                self.rebuild_rows(plan);
                let key = NodeKey::Action(action_id.to_string());
                if let Some(i) = self.rows.iter().position(|r| node_key(plan, &r.path).as_ref() == Some(&key)) {
                    self.selected = i;
                    self.detail_scroll = 0;
                    self.clamp_offset();
                    return true;
                }
            }
        }
        false
    }
}

/// Whether a filtered tree shows an action: it matches, or one of its sub-actions does.
fn shows(a: &PlanAction, ids: &HashSet<String>) -> bool {
    ids.contains(&a.id) || a.sub_actions.iter().any(|s| shows(s, ids))
}

/// Collects the ids from a top-level action down to `id`.
fn find_chain(list: &[PlanAction], id: &str, chain: &mut Vec<String>) -> bool {
    for a in list {
        chain.push(a.id.clone());
        if a.id == id || find_chain(&a.sub_actions, id, chain) {
            return true;
        }
        chain.pop();
    }
    false
}
