//! Lists that both `update` and the views need, computed once per change of the plan state (a
//! journal line applied, the plan reloaded) instead of once per key and once per frame. `App`
//! drops them whenever the state changes; each is computed the first time it is asked for after.

use std::borrow::Cow;
use std::cell::OnceCell;

use crate::plan::meeting::{self, FollowUp};
use crate::plan::model::Date;
use crate::plan::progress::Figures;
use crate::plan::state::PlanState;

/// The dashboard's figures: the whole plan, then each orientation in plan order.
#[derive(Clone, Debug, PartialEq)]
pub struct DashboardFigures {
    pub plan: Figures,
    pub orientations: Vec<Figures>,
}

/// One line of the follow-up: an open task or a decision, with its due date.
pub type FollowUpItem = (FollowUp, Option<Date>);

/// The lists of one plan state, each kept with the date it was computed for.
#[derive(Debug, Default)]
pub struct Derived {
    follow_up: OnceCell<(Date, Vec<FollowUpItem>)>,
    dashboard: OnceCell<(Date, DashboardFigures)>,
}

impl Derived {
    /// The follow-up (open tasks, decisions with a due date), in the order shown.
    pub fn follow_up(&self, state: &PlanState, today: Date) -> Cow<'_, [FollowUpItem]> {
        let (at, list) = self.follow_up.get_or_init(|| (today, meeting::follow_up(state, today)));
        if *at == today { Cow::Borrowed(list) } else { Cow::Owned(meeting::follow_up(state, today)) }
    }

    /// The dashboard's figures.
    pub fn dashboard(&self, state: &PlanState, today: Date) -> Cow<'_, DashboardFigures> {
        let compute = || DashboardFigures {
            plan: Figures::of_plan(&state.plan, today),
            orientations: state.plan.orientations.iter().map(|o| Figures::of_orientation(o, today)).collect(),
        };
        let (at, figures) = self.dashboard.get_or_init(|| (today, compute()));
        if *at == today { Cow::Borrowed(figures) } else { Cow::Owned(compute()) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn computed_once_per_state_and_again_for_another_day() {
        let mut state = crate::store::load::load(std::path::Path::new("plans/bouches-du-rhone.ron")).unwrap().state;
        let today = Date::ymd(2026, 11, 23);
        let derived = Derived::default();
        let first = derived.dashboard(&state, today);
        assert!(matches!(first, Cow::Borrowed(_)));
        assert_eq!(first.orientations.len(), state.plan.orientations.len());
        assert_eq!(*derived.follow_up(&state, today), meeting::follow_up(&state, today)[..]);
        // Another day is computed for it, not read from the cache.
        let later = Date::ymd(2040, 1, 1);
        assert_eq!(derived.dashboard(&state, later).plan, Figures::of_plan(&state.plan, later));
        // A changed state is the caller's to say: it drops the lists (a new Derived).
        state.plan.orientations.truncate(1);
        assert_eq!(Derived::default().dashboard(&state, today).orientations.len(), 1);
    }
}
