//! [`PlanState`]: the plan file with the journal replayed on top. `apply` is the only way it changes.

use std::collections::HashMap;

use super::journal::{Change, Event, Presence};
use super::model::{Date, Plan, Status, Value, ValueKind};

/// What became of one journal line during replay.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    Applied,
    /// Cancelled by a later `Undo` line.
    Undone,
    /// Not applied: it names something the plan does not have (see the warning).
    Skipped,
}

#[derive(Clone, Debug)]
pub struct Entry {
    /// Line number in the journal, counted from 1.
    pub line: usize,
    pub event: Event,
    pub outcome: Outcome,
    /// For a `Status` change: the status before it (for minutes and history).
    pub before: Option<Status>,
    /// For a `Reschedule` change: the due date before it (`None`: there was none), for
    /// "échéance reportée du … au …".
    pub due_before: Option<Date>,
}

/// Why a journal line was not applied, or what else the load noticed.
#[derive(Clone, Debug, PartialEq)]
pub enum WarningKind {
    UnknownAction(String),
    UnknownIndicator(String, String),
    UnknownBody(String),
    UnknownMeeting(String),
    UnknownTask(String),
    DuplicateMeeting(String),
    DuplicateTask(String),
    MeetingClosed(String),
    MeetingAlreadyOpen(String),
    KindMismatch {
        action: String,
        indicator: String,
    },
    BadUndo(usize),
    /// Its author had no right to it (the plan's `rights`).
    NoRight(super::rights::Denied),
    /// An undo of a line of a meeting that was closed before it: a closed meeting is sealed.
    SealedMeeting {
        line: usize,
        meeting: String,
    },
    /// The journal's last line was cut short (the machine stopped mid-write); it was skipped.
    TornLastLine,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Warning {
    pub line: usize,
    pub kind: WarningKind,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Meeting {
    pub id: String,
    pub body: String,
    pub title: Option<String>,
    pub date: Date,
    /// Who opened it (the `by` of its opening line): the meeting is theirs to run, and its
    /// body's chairs'.
    pub opened_by: String,
    pub opened_line: usize,
    pub closed_line: Option<usize>,
    /// Person id (or a guest's free name) and presence; the last line about a person wins.
    pub attendance: Vec<(String, Presence)>,
    /// Where it is held, when the opening line says.
    pub place: Option<String>,
    /// Who came in a represented person's place (person, representative); only for the people
    /// whose latest presence is `Represented`.
    pub represented: Vec<(String, String)>,
    /// The next meeting's date and place, when set (the last line wins).
    pub next: Option<(Date, Option<String>)>,
    /// Entry indices of everything recorded in this meeting, in order.
    pub items: Vec<usize>,
}

impl Meeting {
    pub fn is_open(&self) -> bool {
        self.closed_line.is_none()
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Task {
    pub id: String,
    pub meeting: String,
    pub text: String,
    pub actions: Vec<String>,
    pub owner: Option<String>,
    pub due: Option<Date>,
    pub line: usize,
    pub done_line: Option<usize>,
}

#[derive(Clone, Debug)]
pub struct PlanState {
    /// The plan file as written.
    base: Plan,
    /// The plan with every applied journal line.
    pub plan: Plan,
    pub entries: Vec<Entry>,
    pub meetings: Vec<Meeting>,
    pub tasks: Vec<Task>,
    /// Warnings from replay (orphan lines), recomputed on every rebuild.
    pub warnings: Vec<Warning>,
    /// Warnings from reading the file (a torn last line), kept across rebuilds.
    pub load_warnings: Vec<Warning>,
    /// Action id → indices into `entries` of every line about it (undone ones included).
    history: HashMap<String, Vec<usize>>,
    /// Action id → its path in the plan (orientation, then action indices). The journal never
    /// adds or removes actions, so the plan file's paths hold for every replay.
    paths: HashMap<String, Vec<usize>>,
    /// Journal line → index into `entries`.
    by_line: HashMap<usize, usize>,
    /// Set while a batch of lines is applied (loading): an `Undo` then asks for one rebuild at
    /// the end of the batch instead of one per undo.
    batch: Option<bool>,
    /// Entry indices of the undos refused (their target is sealed in a closed meeting, or not
    /// theirs to undo), with why; computed by `rebuild`.
    refused_undos: HashMap<usize, WarningKind>,
    /// Who may change what, from the plan file.
    gate: super::rights::Gate,
    /// Journal line → the SHA-256 of its bytes, for meetings' closing lines (the minutes'
    /// empreinte); filled by the loader, which has the bytes.
    pub closing_hashes: HashMap<usize, String>,
}

impl PlanState {
    pub fn new(plan: Plan) -> PlanState {
        let mut paths = HashMap::new();
        fn visit(list: &[super::model::PlanAction], path: &mut Vec<usize>, out: &mut HashMap<String, Vec<usize>>) {
            for (i, a) in list.iter().enumerate() {
                path.push(i);
                out.entry(a.id.clone()).or_insert_with(|| path.clone());
                visit(&a.sub_actions, path, out);
                path.pop();
            }
        }
        for (oi, o) in plan.orientations.iter().enumerate() {
            visit(&o.actions, &mut vec![oi], &mut paths);
        }
        PlanState {
            paths,
            by_line: HashMap::new(),
            batch: None,
            refused_undos: HashMap::new(),
            gate: super::rights::Gate::new(&plan),
            closing_hashes: HashMap::new(),
            base: plan.clone(),
            plan,
            entries: Vec::new(),
            meetings: Vec::new(),
            tasks: Vec::new(),
            warnings: Vec::new(),
            load_warnings: Vec::new(),
            history: HashMap::new(),
        }
    }

    /// The plan file as written, before the journal.
    pub fn base(&self) -> &Plan {
        &self.base
    }

    /// Applies one journal line. An `Undo` replays everything from the plan file, so that a
    /// cancelled change is as if it had never been made.
    pub fn apply(&mut self, line: usize, event: Event) {
        let is_undo = matches!(event.change, Change::Undo { .. });
        self.entries.push(Entry { line, event, outcome: Outcome::Applied, before: None, due_before: None });
        let idx = self.entries.len() - 1;
        self.by_line.entry(line).or_insert(idx);
        self.index_history(idx);
        match &mut self.batch {
            // A rebuild is coming at the end of the batch: it will apply this line.
            Some(true) => {}
            Some(pending) if is_undo => *pending = true,
            None if is_undo => self.rebuild(),
            _ => self.apply_entry(idx),
        }
    }

    /// Applies many lines at once (a whole journal): the same result as `apply` on each, with
    /// at most one replay from the plan file however many undos there are.
    pub fn apply_batch<R>(&mut self, f: impl FnOnce(&mut PlanState) -> R) -> R {
        let outer = self.batch.is_some();
        if !outer {
            self.batch = Some(false);
        }
        let r = f(self);
        if !outer && self.batch.take() == Some(true) {
            self.rebuild();
        }
        r
    }

    fn action_mut(&mut self, id: &str) -> Option<&mut super::model::PlanAction> {
        let path = self.paths.get(id)?;
        let (o, rest) = path.split_first()?;
        let (first, deeper) = rest.split_first()?;
        let mut a = self.plan.orientations.get_mut(*o)?.actions.get_mut(*first)?;
        for i in deeper {
            a = a.sub_actions.get_mut(*i)?;
        }
        Some(a)
    }

    fn has_action(&self, id: &str) -> bool {
        self.paths.contains_key(id)
    }

    /// All warnings: the load's and the replay's, by line.
    pub fn all_warnings(&self) -> Vec<&Warning> {
        let mut all: Vec<&Warning> = self.load_warnings.iter().chain(&self.warnings).collect();
        all.sort_by_key(|w| w.line);
        all
    }

    /// Indices into `entries` of the lines about an action, oldest first.
    pub fn history(&self, action: &str) -> &[usize] {
        self.history.get(action).map(Vec::as_slice).unwrap_or(&[])
    }

    pub fn entry_by_line(&self, line: usize) -> Option<&Entry> {
        self.by_line.get(&line).and_then(|&i| self.entries.get(i))
    }

    pub fn meeting(&self, id: &str) -> Option<&Meeting> {
        self.meetings.iter().find(|m| m.id == id)
    }

    /// The meeting currently open, if any (the last opened one that was never closed).
    pub fn open_meeting(&self) -> Option<&Meeting> {
        self.meetings.iter().rev().find(|m| m.is_open())
    }

    fn index_history(&mut self, idx: usize) {
        let mut ids: Vec<String> = self.entries[idx].event.change.actions().into_iter().map(str::to_string).collect();
        // An undo is about what its target is about; an undo of an undo, about what that one was.
        let mut target_line = match self.entries[idx].event.change {
            Change::Undo { line } => Some(line),
            _ => None,
        };
        let mut hops = 0;
        while let Some(line) = target_line
            && hops < self.entries.len()
        {
            hops += 1;
            target_line = None;
            if let Some(target) = self.entry_by_line(line) {
                ids.extend(target.event.change.actions().into_iter().map(str::to_string));
                if let Change::Undo { line: next } = target.event.change {
                    target_line = Some(next);
                }
            }
        }
        ids.dedup();
        for id in ids {
            self.history.entry(id).or_default().push(idx);
        }
    }

    /// Replays every line from the plan file, honouring undos (an undo may itself be undone).
    fn rebuild(&mut self) {
        self.plan = self.base.clone();
        self.meetings.clear();
        self.tasks.clear();
        self.warnings.clear();
        let n = self.entries.len();
        let mut active = vec![true; n];
        let pos: HashMap<usize, usize> = self.entries.iter().enumerate().map(|(i, e)| (e.line, i)).collect();
        self.refused_undos = self.refused_undos(&pos);
        for i in (0..n).rev() {
            if !active[i] || self.refused_undos.contains_key(&i) {
                continue;
            }
            if let Change::Undo { line } = self.entries[i].event.change {
                match pos.get(&line) {
                    Some(&t) if t < i => active[t] = false,
                    _ => {}
                }
            }
        }
        for (i, is_active) in active.into_iter().enumerate() {
            if is_active {
                self.entries[i].before = None;
                self.entries[i].due_before = None;
                self.entries[i].outcome = Outcome::Applied;
                self.apply_entry(i);
            } else {
                // An undone status change still says what it would have changed, for its
                // history line: the status at its place in the replay.
                self.entries[i].outcome = Outcome::Undone;
                let before = match &self.entries[i].event.change {
                    Change::Status { action, .. } => self.action_mut(&action.clone()).map(|a| a.status),
                    _ => None,
                };
                self.entries[i].before = before;
                let due_before = match &self.entries[i].event.change {
                    Change::Reschedule { action, .. } => self.action_mut(&action.clone()).and_then(|a| a.due),
                    _ => None,
                };
                self.entries[i].due_before = due_before;
            }
        }
    }

    /// Who may change what in this plan.
    pub fn gate(&self) -> &super::rights::Gate {
        &self.gate
    }

    /// The undos that are refused, with why: one of a line that is not its author's (unless by
    /// the cell, when the plan declares rights), and one that would cancel a line of a meeting
    /// already closed when it was written (its decisions, notes, tasks, attendance, the edits
    /// made in it, its opening or closing line, or an undo of one of those): a closed meeting is
    /// sealed.
    fn refused_undos(&self, pos: &HashMap<usize, usize>) -> HashMap<usize, WarningKind> {
        let mut refused = HashMap::new();
        if self.gate.declared() {
            for (i, e) in self.entries.iter().enumerate() {
                let Change::Undo { line } = e.event.change else { continue };
                let Some(&t) = pos.get(&line) else { continue };
                let by = &e.event.by;
                if let Err(d) = self.undo_allowed(by, line, &self.entries[t].event.by) {
                    refused.insert(i, WarningKind::NoRight(d));
                }
            }
        }
        for (i, m) in self.sealed_undos(pos) {
            refused.entry(i).or_insert(m);
        }
        refused
    }

    /// Whether the author of `event` may write it (the plan's `rights`); the reason when not.
    pub fn may(&self, event: &Event) -> Result<(), super::rights::Denied> {
        if !self.gate.declared() {
            return Ok(());
        }
        if let Change::Undo { line } = event.change {
            let author = self.entry_by_line(line).map(|e| e.event.by.as_str()).unwrap_or_default();
            return self.undo_allowed(&event.by, line, author);
        }
        let act = super::rights::act_of(
            &event.change,
            |id| self.meeting(id).map(|m| (m.body.as_str(), m.opened_by.as_str())),
            |t| self.tasks.iter().find(|x| x.id == t).map(|x| x.owner.as_deref()),
        );
        match act {
            Some(act) => self.gate.allows(&event.by, act),
            None => Ok(()),
        }
    }

    /// Whether `by` may do `act` (the plan's `rights`): what a key checks before it opens a form.
    pub fn allows(&self, by: &str, act: super::rights::Act) -> Result<(), super::rights::Denied> {
        self.gate.allows(by, act)
    }

    /// Whether `by` may undo `line`, written by `author`.
    pub fn undo_allowed(&self, by: &str, line: usize, author: &str) -> Result<(), super::rights::Denied> {
        use super::rights::Denied;
        if self.gate.in_cell(by) || (by == author && self.plan.person(by).is_some()) {
            Ok(())
        } else if self.plan.person(by).is_none() {
            Err(Denied::Undeclared { by: by.to_string() })
        } else {
            Err(Denied::NotTheirs { by: by.to_string(), line })
        }
    }

    fn sealed_undos(&self, pos: &HashMap<usize, usize>) -> HashMap<usize, WarningKind> {
        // The line that closed each meeting, by the rules replay applies to opening and closing
        // lines (a known body, a new id, one meeting open at a time, closing an open meeting).
        let mut seen: std::collections::HashSet<&str> = std::collections::HashSet::new();
        let mut open: Option<&str> = None;
        let mut closed: HashMap<&str, usize> = HashMap::new();
        for e in &self.entries {
            match &e.event.change {
                Change::MeetingOpened { id, body, .. }
                    if open.is_none() && self.base.body(body).is_some() && seen.insert(id.as_str()) =>
                {
                    open = Some(id.as_str());
                }
                Change::MeetingClosed { id } if open == Some(id.as_str()) => {
                    closed.insert(id.as_str(), e.line);
                    open = None;
                }
                _ => {}
            }
        }
        let mut sealed = HashMap::new();
        if closed.is_empty() {
            return sealed;
        }
        for (i, e) in self.entries.iter().enumerate() {
            let Change::Undo { line } = e.event.change else { continue };
            if let Some(m) = self.meeting_of_line(line, pos)
                && closed.get(m).is_some_and(|&c| c < e.line)
            {
                sealed.insert(i, WarningKind::SealedMeeting { line, meeting: m.to_string() });
            }
        }
        sealed
    }

    /// The closed meeting a journal line belongs to, if any: an undo of it now would be refused.
    pub fn sealed_in(&self, line: usize) -> Option<&Meeting> {
        let id = self.meeting_of_line(line, &self.by_line)?;
        self.meeting(id).filter(|m| !m.is_open())
    }

    /// The meeting a journal line belongs to; for an undo, the meeting of what it cancels.
    fn meeting_of_line<'s>(&'s self, line: usize, pos: &HashMap<usize, usize>) -> Option<&'s str> {
        let mut line = line;
        for _ in 0..=self.entries.len() {
            let e = &self.entries[*pos.get(&line)?];
            match &e.event.change {
                Change::MeetingOpened { id, .. } | Change::MeetingClosed { id } => return Some(id),
                Change::Attendance { meeting, .. }
                | Change::Decision { meeting, .. }
                | Change::Note { meeting, .. }
                | Change::Task { meeting, .. }
                | Change::AgendaItem { meeting, .. }
                | Change::NextMeeting { meeting, .. } => return Some(meeting),
                // Only a line before the undo can be what it cancels (a later one is a bad undo,
                // whichever lines are known yet: the same answer line by line or in one batch).
                Change::Undo { line: target } if *target < e.line => line = *target,
                Change::Undo { .. } => return None,
                _ => return e.event.meeting.as_deref(),
            }
        }
        None
    }

    fn skip(&mut self, idx: usize, kind: WarningKind) {
        self.entries[idx].outcome = Outcome::Skipped;
        self.warnings.push(Warning { line: self.entries[idx].line, kind });
    }

    fn open_meeting_mut(&mut self, id: &str) -> Result<&mut Meeting, WarningKind> {
        match self.meetings.iter_mut().find(|m| m.id == id) {
            None => Err(WarningKind::UnknownMeeting(id.to_string())),
            Some(m) if !m.is_open() => Err(WarningKind::MeetingClosed(id.to_string())),
            Some(m) => Ok(m),
        }
    }

    fn check_actions(&self, actions: &[String]) -> Result<(), WarningKind> {
        match actions.iter().find(|a| !self.has_action(a)) {
            Some(a) => Err(WarningKind::UnknownAction(a.clone())),
            None => Ok(()),
        }
    }

    fn apply_entry(&mut self, idx: usize) {
        if let Err(kind) = self.try_apply(idx) {
            self.skip(idx, kind);
            return;
        }
        // Link to the meeting it was made in, when that meeting is open.
        let line = self.entries[idx].line;
        let meeting_id = match &self.entries[idx].event.change {
            Change::Decision { meeting, .. } | Change::Note { meeting, .. } | Change::Task { meeting, .. } => {
                Some(meeting.clone())
            }
            Change::AgendaItem { meeting, .. } | Change::NextMeeting { meeting, .. } => Some(meeting.clone()),
            Change::Attendance { .. } | Change::MeetingOpened { .. } | Change::MeetingClosed { .. } => None,
            _ => self.entries[idx].event.meeting.clone(),
        };
        if let Some(id) = meeting_id
            && let Some(m) = self.meetings.iter_mut().find(|m| m.id == id)
            && (m.is_open() || m.closed_line == Some(line))
        {
            m.items.push(idx);
        }
    }

    fn try_apply(&mut self, idx: usize) -> Result<(), WarningKind> {
        let line = self.entries[idx].line;
        let event = self.entries[idx].event.clone();
        // Its author must have had the right to it (when the plan declares rights).
        if self.gate.declared() {
            let act = super::rights::act_of(
                &event.change,
                |id| self.meeting(id).map(|m| (m.body.as_str(), m.opened_by.as_str())),
                |t| self.tasks.iter().find(|x| x.id == t).map(|x| x.owner.as_deref()),
            );
            if let Some(act) = act {
                self.gate.allows(&event.by, act).map_err(WarningKind::NoRight)?;
            }
        }
        // A change that says it was made in a meeting must name a meeting that is open.
        if let Some(m) = &event.meeting
            && matches!(
                event.change,
                Change::Status { .. }
                    | Change::Measure { .. }
                    | Change::Comment { .. }
                    | Change::TaskDone { .. }
                    | Change::Reschedule { .. }
            )
        {
            self.open_meeting_mut(m)?;
        }
        match event.change {
            Change::Status { action, to } => {
                let a = self.action_mut(&action).ok_or(WarningKind::UnknownAction(action.clone()))?;
                let before = a.status;
                a.status = to;
                self.entries[idx].before = Some(before);
            }
            Change::Measure { action, indicator, mut point } => {
                let a = self.action_mut(&action).ok_or(WarningKind::UnknownAction(action.clone()))?;
                let ind = a
                    .indicators
                    .iter_mut()
                    .find(|i| i.id == indicator)
                    .ok_or(WarningKind::UnknownIndicator(action.clone(), indicator.clone()))?;
                if ind.value_kind().is_some_and(|k| k != point.value.kind()) {
                    return Err(WarningKind::KindMismatch { action, indicator });
                }
                if point.by.is_none() {
                    point.by = Some(event.by.clone());
                }
                ind.measurements.push(point);
            }
            Change::Reschedule { action, due } => {
                let a = self.action_mut(&action).ok_or(WarningKind::UnknownAction(action.clone()))?;
                let before = a.due;
                a.due = Some(due);
                self.entries[idx].due_before = before;
            }
            Change::Comment { action, .. } => {
                if !self.has_action(&action) {
                    return Err(WarningKind::UnknownAction(action));
                }
            }
            Change::MeetingOpened { id, body, title, date, place } => {
                if self.plan.body(&body).is_none() {
                    return Err(WarningKind::UnknownBody(body));
                }
                if self.meetings.iter().any(|m| m.id == id) {
                    return Err(WarningKind::DuplicateMeeting(id));
                }
                if let Some(open) = self.meetings.iter().find(|m| m.is_open()) {
                    return Err(WarningKind::MeetingAlreadyOpen(open.id.clone()));
                }
                self.meetings.push(Meeting {
                    id,
                    body,
                    title,
                    date,
                    opened_by: event.by.clone(),
                    opened_line: line,
                    closed_line: None,
                    attendance: Vec::new(),
                    items: Vec::new(),
                    place,
                    represented: Vec::new(),
                    next: None,
                });
            }
            Change::Attendance { meeting, person, presence, by } => {
                let m = self.open_meeting_mut(&meeting)?;
                m.represented.retain(|(p, _)| *p != person);
                if let (Presence::Represented, Some(by)) = (presence, by) {
                    m.represented.push((person.clone(), by));
                }
                match m.attendance.iter_mut().find(|(p, _)| *p == person) {
                    Some(slot) => slot.1 = presence,
                    None => m.attendance.push((person, presence)),
                }
            }
            Change::AgendaItem { meeting, action, .. } => {
                if let Some(a) = &action
                    && !self.has_action(a)
                {
                    return Err(WarningKind::UnknownAction(a.clone()));
                }
                self.open_meeting_mut(&meeting)?;
            }
            Change::NextMeeting { meeting, date, place } => {
                let m = self.open_meeting_mut(&meeting)?;
                m.next = Some((date, place));
            }
            Change::Decision { meeting, actions, .. } | Change::Note { meeting, actions, .. } => {
                self.check_actions(&actions)?;
                self.open_meeting_mut(&meeting)?;
            }
            Change::Task { meeting, id, text, actions, owner, due } => {
                self.check_actions(&actions)?;
                self.open_meeting_mut(&meeting)?;
                if self.tasks.iter().any(|t| t.id == id) {
                    return Err(WarningKind::DuplicateTask(id));
                }
                self.tasks.push(Task { id, meeting, text, actions, owner, due, line, done_line: None });
            }
            Change::TaskDone { task } => {
                let t = self.tasks.iter_mut().find(|t| t.id == task).ok_or(WarningKind::UnknownTask(task.clone()))?;
                t.done_line = Some(line);
            }
            Change::MeetingClosed { id } => {
                let m = self.open_meeting_mut(&id)?;
                m.closed_line = Some(line);
            }
            Change::Undo { line: target } => {
                if self.entry_by_line(target).is_none() || target >= line {
                    return Err(WarningKind::BadUndo(target));
                }
                if let Some(why) = self.refused_undos.get(&idx) {
                    return Err(why.clone());
                }
            }
        }
        Ok(())
    }
}

/// Whether a value fits an indicator of the given kind (`None`: any kind fits).
pub fn value_fits(kind: Option<ValueKind>, value: &Value) -> bool {
    kind.is_none_or(|k| k == value.kind())
}
