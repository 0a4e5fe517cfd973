//! The index of a large plan is built on another thread, so that the interface keeps answering
//! keys meanwhile; a small plan's is built at once (a few milliseconds).

use std::sync::mpsc::{Receiver, TryRecvError, channel};

use super::SearchIndex;
use crate::plan::model::Plan;

/// Plans with more actions than this get their index built on another thread.
pub const BACKGROUND_FROM: usize = 2_000;

/// A search index that is absent, being built, or ready.
#[derive(Debug, Default)]
pub enum IndexCell {
    #[default]
    Absent,
    Building(Receiver<SearchIndex>),
    Ready(SearchIndex),
}

impl IndexCell {
    /// The index, if ready; starts building it if absent (at once for a small plan, on another
    /// thread, from a copy of the plan, for a large one). `None` while it is being built.
    pub fn get(&mut self, plan: &Plan) -> Option<&SearchIndex> {
        self.get_with(plan, BACKGROUND_FROM)
    }

    /// [`IndexCell::get`] with the size from which the index is built on another thread.
    pub fn get_with(&mut self, plan: &Plan, background_from: usize) -> Option<&SearchIndex> {
        if matches!(self, IndexCell::Absent) {
            *self = if plan.walk().nth(background_from).is_none() {
                IndexCell::Ready(SearchIndex::new(plan))
            } else {
                let (tx, rx) = channel();
                let copy = plan.clone();
                let spawned = std::thread::Builder::new().name("copil-index".into()).spawn(move || {
                    // The receiver may be gone (the interface quit): nothing to do then.
                    let _ = tx.send(SearchIndex::new(&copy));
                });
                match spawned {
                    Ok(_) => IndexCell::Building(rx),
                    // No thread to be had: build it here rather than never.
                    Err(_) => IndexCell::Ready(SearchIndex::new(plan)),
                }
            };
        }
        self.poll();
        match self {
            IndexCell::Ready(index) => Some(index),
            _ => None,
        }
    }

    /// Takes the index if its thread has finished; returns whether it just became ready.
    pub fn poll(&mut self) -> bool {
        let IndexCell::Building(rx) = self else { return false };
        match rx.try_recv() {
            Ok(index) => {
                *self = IndexCell::Ready(index);
                true
            }
            Err(TryRecvError::Empty) => false,
            // The thread died (it should not): try again on the next search.
            Err(TryRecvError::Disconnected) => {
                *self = IndexCell::Absent;
                false
            }
        }
    }

    /// The index if it is ready (never starts building it).
    pub fn ready(&self) -> Option<&SearchIndex> {
        match self {
            IndexCell::Ready(index) => Some(index),
            _ => None,
        }
    }

    pub fn is_building(&self) -> bool {
        matches!(self, IndexCell::Building(_))
    }
}
