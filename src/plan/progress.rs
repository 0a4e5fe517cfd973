//! Derived figures: late actions, indicator tracking, roll-ups per orientation, budget sums.

use super::model::{Date, Direction, Indicator, Orientation, Plan, PlanAction, Status, Value, walk_action};
use super::state::Entry;

/// An action past its due date (the latest one, after any `Reschedule`) and neither done nor
/// abandoned is late ("late" is not a status).
pub fn is_late(a: &PlanAction, today: Date) -> bool {
    !matches!(a.status, Status::Done | Status::Abandoned) && a.due.is_some_and(|d| d < today)
}

/// Counts of actions per status (indexed by `Status::index`), and how many are late.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub by_status: [usize; 4],
    pub late: usize,
}

impl Counts {
    pub fn total(&self) -> usize {
        self.by_status.iter().sum()
    }
    pub fn add(&mut self, a: &PlanAction, today: Date) {
        self.by_status[a.status.index()] += 1;
        if is_late(a, today) {
            self.late += 1;
        }
    }
}

/// Counts over every action and sub-action of an orientation.
pub fn orientation_counts(o: &Orientation, today: Date) -> Counts {
    let mut c = Counts::default();
    for a in &o.actions {
        for (x, _) in walk_action(a, 0) {
            c.add(x, today);
        }
    }
    c
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Track {
    OnTrack,
    Behind,
}

/// Where a numeric indicator is expected to be on `date`: on the straight line from the baseline
/// (or the previous target) to the next target. After the last target, the last target itself.
pub fn expected_at(ind: &Indicator, date: Date) -> Option<f64> {
    let mut points: Vec<(Date, f64)> =
        ind.baseline.iter().chain(&ind.targets).filter_map(|p| p.value.as_number().map(|v| (p.date, v))).collect();
    points.sort_by_key(|p| p.0);
    let next = points.iter().position(|p| p.0 >= date);
    match next {
        None => points.last().map(|p| p.1),
        Some(0) => points.first().map(|p| p.1),
        Some(i) => {
            let (d0, v0) = points[i - 1];
            let (d1, v1) = points[i];
            let span = (d1.0 - d0.0).num_days() as f64;
            if span <= 0.0 {
                return Some(v1);
            }
            let t = (date.0 - d0.0).num_days() as f64 / span;
            Some(v0 + (v1 - v0) * t)
        }
    }
}

/// An indicator's verdict on a date: what the dashboard, the report, the detail pane, the chart
/// and the agenda all say of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Verdict {
    /// The latest measurement is on (or ahead of) its trajectory.
    OnTrack,
    /// The latest measurement is behind its trajectory.
    Behind,
    /// A target date has passed with no measurement since: the latest value (if any) says
    /// nothing about that target.
    MeasurementDue,
    /// No target, or no measurement and no target date passed yet, or a qualitative indicator.
    NothingToCompare,
}

/// The verdict on an indicator on `today`: first whether a target date has passed with no
/// measurement on or after it (`MeasurementDue`), then the latest measurement against the
/// trajectory ([`track`]).
pub fn verdict(ind: &Indicator, today: Date) -> Verdict {
    let last_target_passed = ind.targets.iter().map(|t| t.date).filter(|d| *d <= today).max();
    let last_measured = ind.measurements.iter().map(|m| m.date).max();
    if let Some(target) = last_target_passed
        && last_measured.is_none_or(|m| m < target)
    {
        return Verdict::MeasurementDue;
    }
    match track(ind) {
        Some(Track::OnTrack) => Verdict::OnTrack,
        Some(Track::Behind) => Verdict::Behind,
        None => Verdict::NothingToCompare,
    }
}

/// Whether the latest measurement is on track, whatever the date (see [`verdict`] for the
/// verdict on a date). `None` when there is nothing to compare:
/// no measurement, no target, or a qualitative (text) indicator.
pub fn track(ind: &Indicator) -> Option<Track> {
    let latest = ind.latest()?;
    match &latest.value {
        Value::Number(v) => {
            if !ind.targets.iter().any(|t| t.value.as_number().is_some()) {
                return None;
            }
            let expected = expected_at(ind, latest.date)?;
            let ok = match ind.direction {
                Direction::Increase => *v >= expected - 1e-9,
                Direction::Decrease => *v <= expected + 1e-9,
            };
            Some(if ok { Track::OnTrack } else { Track::Behind })
        }
        Value::Bool(b) => {
            if *b {
                return Some(Track::OnTrack);
            }
            // Not yet achieved: behind once a target date that asks for it has passed.
            let due = ind.targets.iter().any(|t| t.value == Value::Bool(true) && t.date <= latest.date);
            Some(if due { Track::Behind } else { Track::OnTrack })
        }
        Value::Text(_) => None,
    }
}

/// Budget sums over a set of actions (each action counted once, its own budget only).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct BudgetSums {
    pub planned: u64,
    pub committed: u64,
    pub spent: u64,
}

impl BudgetSums {
    pub fn add(&mut self, a: &PlanAction) {
        if let Some(b) = &a.budget {
            self.planned += b.planned.0;
            self.committed += b.committed.0;
            self.spent += b.spent.0;
        }
    }
}

/// Figures over a set of actions (each counted once, its own budget only).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Figures {
    pub counts: Counts,
    pub on_track: usize,
    pub behind: usize,
    /// Indicators with a target date passed and no measurement since.
    pub measurement_due: usize,
    /// Indicators with nothing to compare: no measurement, no target, or a qualitative value.
    pub untracked: usize,
    pub budget: BudgetSums,
}

impl Figures {
    fn add(&mut self, a: &PlanAction, at: Date) {
        self.budget.add(a);
        for ind in &a.indicators {
            match verdict(ind, at) {
                Verdict::OnTrack => self.on_track += 1,
                Verdict::Behind => self.behind += 1,
                Verdict::MeasurementDue => self.measurement_due += 1,
                Verdict::NothingToCompare => self.untracked += 1,
            }
        }
    }

    /// Over every action and sub-action of an orientation.
    pub fn of_orientation(o: &Orientation, at: Date) -> Figures {
        let mut f = Figures { counts: orientation_counts(o, at), ..Figures::default() };
        for a in &o.actions {
            for (x, _) in walk_action(a, 0) {
                f.add(x, at);
            }
        }
        f
    }

    /// Over the whole plan.
    pub fn of_plan(plan: &Plan, at: Date) -> Figures {
        let mut total = Figures::default();
        for o in &plan.orientations {
            let f = Figures::of_orientation(o, at);
            for (t, n) in total.counts.by_status.iter_mut().zip(f.counts.by_status) {
                *t += n;
            }
            total.counts.late += f.counts.late;
            total.on_track += f.on_track;
            total.behind += f.behind;
            total.measurement_due += f.measurement_due;
            total.untracked += f.untracked;
            total.budget.planned += f.budget.planned;
            total.budget.committed += f.budget.committed;
            total.budget.spent += f.budget.spent;
        }
        total
    }
}

/// The journal lines dated more than `slack` before the line above them (a wrong clock, or a
/// line backdated by hand), each with that line.
pub fn backdated(entries: &[Entry], slack: chrono::Duration) -> Vec<(&Entry, &Entry)> {
    entries.windows(2).filter(|w| w[1].event.at.0 < w[0].event.at.0 - slack).map(|w| (&w[1], &w[0])).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::model::Point;

    fn pt(y: i32, v: f64) -> Point {
        Point { date: Date::ymd(y, 1, 1), value: Value::Number(v), note: None, by: None }
    }

    fn ind(dir: Direction, measure: f64, at: i32) -> Indicator {
        Indicator {
            id: "i".into(),
            name: "i".into(),
            unit: None,
            direction: dir,
            baseline: Some(pt(2020, 0.0)),
            targets: vec![pt(2030, 100.0)],
            measurements: vec![pt(at, measure)],
            source: None,
        }
    }

    #[test]
    fn trajectory_is_a_straight_line_from_baseline_to_target() {
        let i = ind(Direction::Increase, 0.0, 2025);
        let e = expected_at(&i, Date::ymd(2025, 1, 1)).unwrap();
        assert!((e - 50.0).abs() < 0.2, "{e}");
        assert_eq!(track(&ind(Direction::Increase, 55.0, 2025)), Some(Track::OnTrack));
        assert_eq!(track(&ind(Direction::Increase, 45.0, 2025)), Some(Track::Behind));
    }

    #[test]
    fn decrease_direction_inverts_the_comparison() {
        let mut i = ind(Direction::Decrease, 40.0, 2025);
        i.baseline = Some(pt(2020, 100.0));
        i.targets = vec![pt(2030, 0.0)];
        assert_eq!(track(&i), Some(Track::OnTrack));
        i.measurements = vec![pt(2025, 60.0)];
        assert_eq!(track(&i), Some(Track::Behind));
    }

    #[test]
    fn late_means_past_due_and_not_done() {
        let mut a = PlanAction { due: Some(Date::ymd(2020, 1, 1)), ..Default::default() };
        assert!(is_late(&a, Date::ymd(2021, 1, 1)));
        assert!(!is_late(&a, Date::ymd(2019, 1, 1)));
        a.status = Status::Done;
        assert!(!is_late(&a, Date::ymd(2021, 1, 1)));
        a.status = Status::Abandoned;
        assert!(!is_late(&a, Date::ymd(2021, 1, 1)), "an abandoned action is never late");
        a.status = Status::NotStarted;
        assert!(is_late(&a, Date::ymd(2021, 1, 1)));
    }

    #[test]
    fn a_verdict_knows_the_date() {
        // Measured on track in 2025; a target in 2027 and one in 2030.
        let mut i = ind(Direction::Increase, 55.0, 2025);
        i.targets = vec![pt(2027, 70.0), pt(2030, 100.0)];
        assert_eq!(verdict(&i, Date::ymd(2026, 6, 1)), Verdict::OnTrack);
        // 2027's target has passed with no measurement since: due, not "on track".
        assert_eq!(verdict(&i, Date::ymd(2028, 1, 1)), Verdict::MeasurementDue);
        i.measurements.push(pt(2028, 60.0));
        assert_eq!(verdict(&i, Date::ymd(2028, 6, 1)), Verdict::Behind);
        i.measurements.push(pt(2029, 95.0));
        assert_eq!(verdict(&i, Date::ymd(2029, 6, 1)), Verdict::OnTrack);
        // Never measured: nothing to compare until a target date passes, then due.
        i.measurements.clear();
        assert_eq!(verdict(&i, Date::ymd(2026, 1, 1)), Verdict::NothingToCompare);
        assert_eq!(verdict(&i, Date::ymd(2031, 1, 1)), Verdict::MeasurementDue);
        // No target: nothing to compare, whatever the date.
        i.targets.clear();
        i.measurements.push(pt(2025, 1.0));
        assert_eq!(verdict(&i, Date::ymd(2040, 1, 1)), Verdict::NothingToCompare);
    }

    #[test]
    fn figures_count_each_verdict() {
        let mut a = PlanAction { id: "a".into(), ..Default::default() };
        let mut due = ind(Direction::Increase, 55.0, 2019);
        due.targets = vec![pt(2021, 100.0)];
        a.indicators = vec![ind(Direction::Increase, 55.0, 2025), ind(Direction::Increase, 10.0, 2025), due];
        let o = Orientation { id: "1".into(), title: "o".into(), summary: None, actions: vec![a] };
        let f = Figures::of_orientation(&o, Date::ymd(2026, 1, 1));
        assert_eq!((f.on_track, f.behind, f.measurement_due, f.untracked), (1, 1, 1, 0));
    }
}
