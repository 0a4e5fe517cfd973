//! The filters of a query, checked against an action of the live plan.

use super::{Entry, Query, SearchIndex, fold};
use crate::plan::model::{Date, PlanAction, Status};
use crate::plan::progress::{Verdict, is_late, verdict};

/// The filters of a query with their values folded, once per search.
pub(super) struct Filters<'a> {
    statuses: Option<Vec<Status>>,
    pilots: Vec<String>,
    tags: Vec<String>,
    orientations: Vec<String>,
    referents: Vec<String>,
    late: bool,
    behind: bool,
    /// `est:moi`: the current user's person id or login (`Some("")` when unknown: nothing is mine).
    mine: Option<&'a str>,
    /// An unknown filter: nothing matches.
    broken: bool,
}

impl<'a> Filters<'a> {
    pub(super) fn new(q: &Query, me: Option<&'a str>) -> Filters<'a> {
        let folded = |v: &[String]| v.iter().map(|s| fold(s)).collect::<Vec<_>>();
        let any_status = !q.statuses.is_empty() || !q.unknown_statuses.is_empty();
        Filters {
            statuses: any_status.then(|| q.statuses.clone()),
            pilots: folded(&q.pilots),
            tags: folded(&q.tags),
            orientations: folded(&q.orientations),
            referents: folded(&q.referents),
            late: q.late,
            behind: q.behind,
            mine: q.mine.then_some(me.unwrap_or("")),
            broken: !q.unknown_filters.is_empty(),
        }
    }

    pub(super) fn any(&self) -> bool {
        self.statuses.is_some()
            || self.broken
            || self.mine.is_some()
            || self.late
            || self.behind
            || !self.pilots.is_empty()
            || !self.tags.is_empty()
            || !self.orientations.is_empty()
            || !self.referents.is_empty()
    }

    pub(super) fn pass(&self, index: &SearchIndex, e: &Entry, a: &PlanAction, today: Date) -> bool {
        if self.broken {
            return false;
        }
        if let Some(me) = self.mine
            && (me.is_empty() || !e.mine.iter().any(|k| k == me))
        {
            return false;
        }
        if let Some(st) = &self.statuses
            && !st.contains(&a.status)
        {
            return false;
        }
        if self.late && !is_late(a, today) {
            return false;
        }
        if self.behind && !a.indicators.iter().any(|i| verdict(i, today) == Verdict::Behind) {
            return false;
        }
        if !self.pilots.is_empty() && !self.pilots.iter().any(|v| e.people.iter().any(|p| p.contains(v.as_str()))) {
            return false;
        }
        if !self.tags.is_empty() && !self.tags.iter().any(|v| e.tags.iter().any(|t| t.contains(v.as_str()))) {
            return false;
        }
        if !self.orientations.is_empty() {
            let (id, title) = &index.orientations[e.orientation];
            let ok = self
                .orientations
                .iter()
                .any(|v| v == id || (!v.chars().all(|c| c.is_ascii_digit()) && title.contains(v.as_str())));
            if !ok {
                return false;
            }
        }
        if !self.referents.is_empty() {
            let ok = self.referents.iter().any(|v| {
                e.referents.iter().any(|[id, name, login]| v == id || v == login || name.contains(v.as_str()))
            });
            if !ok {
                return false;
            }
        }
        true
    }
}
