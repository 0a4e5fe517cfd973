//! Lists that both `update` and the views need, computed once per change of the plan state (a
//! journal line applied, the plan reloaded) instead of once per key and once per frame. `App`
//! drops them whenever the state changes; each is computed the first time it is asked for after.

use std::borrow::Cow;
use std::cell::OnceCell;

use crate::lang::Lang;
use crate::plan::meeting::{self, Attendee, FollowUp};
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
    /// Per body of the plan (in its order), its meetings' indices in `state.meetings`, latest first.
    meetings_by_body: OnceCell<Vec<Vec<usize>>>,
    /// Of the meeting they were computed for.
    attendees: OnceCell<(String, Vec<Attendee>)>,
    /// Of the meeting, in the language, they were written for.
    minutes: OnceCell<((String, Lang), String)>,
}

impl Derived {
    /// The follow-up (open tasks, decisions with a due date), in the order shown.
    pub fn follow_up(&self, state: &PlanState, today: Date) -> Cow<'_, [FollowUpItem]> {
        let (at, list) = self.follow_up.get_or_init(|| (today, meeting::follow_up(state, today)));
        if *at == today { Cow::Borrowed(list) } else { Cow::Owned(meeting::follow_up(state, today)) }
    }

    /// Per body of the plan, in its order, its meetings (indices in `state.meetings`), latest
    /// first: the past meetings screen and its cursor.
    pub fn meetings_by_body(&self, state: &PlanState) -> &[Vec<usize>] {
        self.meetings_by_body.get_or_init(|| {
            meeting::meetings_by_body(state)
                .into_iter()
                .map(|(_, ms)| {
                    ms.into_iter().filter_map(|m| state.meetings.iter().position(|x| std::ptr::eq(x, m))).collect()
                })
                .collect()
        })
    }

    /// Who is expected at a meeting, or was recorded there, with their presence so far.
    pub fn attendees(&self, state: &PlanState, meeting: &str) -> Cow<'_, [Attendee]> {
        let compute = || state.meeting(meeting).map(|m| meeting::attendees(state, m)).unwrap_or_default();
        let (of, list) = self.attendees.get_or_init(|| (meeting.to_string(), compute()));
        if of == meeting { Cow::Borrowed(list) } else { Cow::Owned(compute()) }
    }

    /// A meeting's minutes as the Markdown `copil minutes` writes (empty for an unknown meeting).
    pub fn minutes(&self, l: Lang, state: &PlanState, meeting: &str) -> Cow<'_, str> {
        let compute = || crate::minutes::markdown(l, state, meeting).unwrap_or_default();
        let key = (meeting.to_string(), l);
        let (of, text) = self.minutes.get_or_init(|| (key.clone(), compute()));
        if *of == key { Cow::Borrowed(text) } else { Cow::Owned(compute()) }
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
        let l = Lang::Fr;
        let mut state = crate::store::load::load(l, std::path::Path::new("plans/bouches-du-rhone.ron")).unwrap().state;
        let today = Date::ymd(2026, 11, 23);
        let derived = Derived::default();
        let first = derived.dashboard(&state, today);
        assert!(matches!(first, Cow::Borrowed(_)));
        assert_eq!(first.orientations.len(), state.plan.orientations.len());
        assert_eq!(*derived.follow_up(&state, today), meeting::follow_up(&state, today)[..]);
        // Another day is computed for it, not read from the cache.
        let later = Date::ymd(2040, 1, 1);
        assert_eq!(derived.dashboard(&state, later).plan, Figures::of_plan(&state.plan, later));
        // The past meetings, per body, as the plan's function lists them.
        let by_body: Vec<Vec<&str>> = derived
            .meetings_by_body(&state)
            .iter()
            .map(|ms| ms.iter().map(|&i| state.meetings[i].id.as_str()).collect())
            .collect();
        let want: Vec<Vec<&str>> = meeting::meetings_by_body(&state)
            .into_iter()
            .map(|(_, ms)| ms.into_iter().map(|m| m.id.as_str()).collect())
            .collect();
        assert_eq!((by_body.len(), &by_body), (state.plan.bodies.len(), &want));
        // Per meeting: another one is computed for it.
        assert!(derived.attendees(&state, "none").is_empty());
        assert!(matches!(derived.attendees(&state, "none"), Cow::Borrowed(_)));
        assert!(derived.minutes(l, &state, "none").is_empty());
        // A changed state is the caller's to say: it drops the lists (a new Derived).
        state.plan.orientations.truncate(1);
        assert_eq!(Derived::default().dashboard(&state, today).orientations.len(), 1);
    }
}
