//! Every spelling of a [`Status`], in one place: its name in a plan file (RON), in a CSV, in the
//! search line (French and English), and the names a person may type for it.

use super::model::Status;

/// The spellings of one status.
pub struct Spelling {
    pub status: Status,
    /// The variant in a plan file or a journal line (`InProgress`).
    pub ron: &'static str,
    /// The stable machine name (CSV columns): `in_progress`.
    pub machine: &'static str,
    /// As typed in the search line, French then English (`statut:encours`, `status:in-progress`).
    pub search_fr: &'static str,
    pub search_en: &'static str,
    /// Every name accepted for it, lowercase, without accents, spaces, dashes or apostrophes.
    pub accepted: &'static [&'static str],
    /// Its symbol, on screen and in documents: ○ not started, ◐ in progress, ● done, ✕ abandoned
    /// (readable without colour).
    pub symbol: &'static str,
}

/// In the order of [`Status::ALL`].
pub const SPELLINGS: [Spelling; 4] = [
    Spelling {
        status: Status::NotStarted,
        ron: "NotStarted",
        machine: "not_started",
        search_fr: "nondemarree",
        search_en: "not-started",
        accepted: &["nondemarree", "nondemarre", "notstarted", "todo", "afaire", "rouge", "red"],
        symbol: "○",
    },
    Spelling {
        status: Status::InProgress,
        ron: "InProgress",
        machine: "in_progress",
        search_fr: "encours",
        search_en: "in-progress",
        accepted: &["encours", "inprogress", "started", "demarree", "orange"],
        symbol: "◐",
    },
    Spelling {
        status: Status::Done,
        ron: "Done",
        machine: "done",
        search_fr: "realisee",
        search_en: "done",
        accepted: &["realisee", "realise", "faite", "fait", "terminee", "done", "finished", "vert", "green"],
        symbol: "●",
    },
    Spelling {
        status: Status::Abandoned,
        ron: "Abandoned",
        machine: "abandoned",
        search_fr: "abandonnee",
        search_en: "abandoned",
        accepted: &["abandonnee", "abandonne", "abandoned", "gris", "grey", "gray"],
        symbol: "✕",
    },
];

/// The status symbol, on screen and in documents.
pub fn status_symbol(s: Status) -> &'static str {
    s.spelling().symbol
}

impl Status {
    /// Its spellings.
    pub fn spelling(self) -> &'static Spelling {
        &SPELLINGS[self.index()]
    }

    /// The status a squashed name (see [`Spelling::accepted`]) stands for.
    pub fn from_squashed(name: &str) -> Option<Status> {
        SPELLINGS.iter().find(|s| s.accepted.contains(&name)).map(|s| s.status)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_in_order_and_every_spelling_reads_back() {
        for (i, s) in SPELLINGS.iter().enumerate() {
            assert_eq!(s.status, Status::ALL[i]);
            assert_eq!(s.status.spelling().ron, s.ron);
            // The plan file's own spelling is the serde variant name.
            assert_eq!(crate::ron_format::options().from_str::<Status>(s.ron).unwrap(), s.status);
            for name in [s.search_fr, &s.search_en.replace('-', ""), &s.ron.to_lowercase(), &s.machine.replace('_', "")]
            {
                assert_eq!(Status::from_squashed(name), Some(s.status), "{name}");
            }
        }
        let all: Vec<&str> = SPELLINGS.iter().flat_map(|s| s.accepted.iter().copied()).collect();
        for (i, a) in all.iter().enumerate() {
            assert!(!all[i + 1..].contains(a), "{a} names two statuses");
        }
    }
}
