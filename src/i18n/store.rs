//! The words of the files: reading, writing and watching the journal and the plan.

use super::*;

pub fn journal_line(l: Lang, line: usize) -> String {
    tr!(l, format!("ligne {line} du journal"), format!("journal line {line}"))
}

pub fn io_error(l: Lang, path: &str, e: &std::io::Error) -> String {
    tr!(l, format!("impossible de lire {path} : {e}"), format!("cannot read {path}: {e}"))
}

/// Why a file operation failed, in plain words (the system's own text for the unusual cases).
pub fn io_reason(l: Lang, e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    // copil's own refusals, carried inside an I/O error, in the language asked for.
    if let Some(refusal) = crate::store::safe::NotRegular::find(e) {
        return refusal.text(l);
    }
    if let Some(refusal) = crate::store::export::OwnFile::find(e) {
        return refusal.text(l);
    }
    match e.kind() {
        K::PermissionDenied => tr!(l, "permission refusée", "permission denied").into(),
        K::ReadOnlyFilesystem => tr!(l, "disque ou partage en lecture seule", "read-only disk or share").into(),
        K::StorageFull => tr!(l, "disque plein", "disk full").into(),
        K::QuotaExceeded => tr!(l, "quota disque dépassé", "disk quota exceeded").into(),
        K::NotFound => tr!(l, "fichier ou dossier introuvable", "file or folder not found").into(),
        K::NotADirectory => {
            tr!(l, "le dossier du journal n'est pas un dossier", "the journal's folder is not a folder").into()
        }
        K::IsADirectory => tr!(l, "c'est un dossier, pas un fichier", "it is a folder, not a file").into(),
        K::WriteZero => tr!(l, "écriture incomplète", "incomplete write").into(),
        _ => e.to_string(),
    }
}

/// The journal cannot be written (permissions, read-only disk): the edit is lost unless retried.
pub fn append_read_only(l: Lang, e: &std::io::Error) -> String {
    let why = io_reason(l, e);
    tr!(
        l,
        format!("impossible d'écrire dans le journal ({why}) : la modification n'a PAS été enregistrée"),
        format!("cannot write to the journal ({why}): the change was NOT saved")
    )
}

/// The journal is not a regular file: nothing was written.
pub fn append_refused(l: Lang, e: &std::io::Error) -> String {
    tr!(l, format!("{e} : la modification n'a PAS été enregistrée"), format!("{e}: the change was NOT saved"))
}

/// Another session kept the journal locked for longer than `waited`.
pub fn append_lock_timeout(l: Lang, waited: std::time::Duration) -> String {
    let s = number(l, waited.as_secs_f64());
    tr!(
        l,
        format!(
            "le journal est occupé par une autre session depuis plus de {s} s : la modification n'a PAS été enregistrée ; réessayez"
        ),
        format!("the journal has been busy with another session for over {s} s: the change was NOT saved; try again")
    )
}

/// Writing or flushing the journal failed (disk full, I/O error).
pub fn append_failed(l: Lang, e: &std::io::Error) -> String {
    let why = io_reason(l, e);
    tr!(
        l,
        format!("l'écriture du journal a échoué ({why}) : la modification n'a PAS été enregistrée"),
        format!("writing the journal failed ({why}): the change was NOT saved")
    )
}

/// Why a session opens read-only: short, shown as "Lecture seule (…)".
pub fn journal_not_writable(l: Lang, e: &std::io::Error) -> String {
    let why = io_reason(l, e);
    tr!(l, format!("journal non modifiable : {why}"), format!("journal not writable: {why}"))
}

/// The plan file changed on disk and was read again.
pub fn plan_reloaded(l: Lang) -> String {
    tr!(l, "le fichier du plan a changé sur le disque : plan rechargé", "the plan file changed on disk: plan reloaded")
        .into()
}

/// The plan file changed on disk but does not load: the plan shown stays.
pub fn plan_not_reloaded(l: Lang, diagnostic: &str) -> String {
    let first = diagnostic.lines().take(2).map(str::trim).collect::<Vec<_>>().join(" ");
    tr!(
        l,
        format!("le fichier du plan a changé mais ne se charge pas ; le plan affiché reste celui d'avant — {first}"),
        format!("the plan file changed but does not load; the plan shown stays as it was — {first}")
    )
}

/// The journal was rewritten under an open copil and read again from its start.
pub fn journal_rewritten(l: Lang) -> String {
    tr!(
        l,
        "le journal a été modifié hors de copil (raccourci, réécrit ou remplacé) : il a été relu depuis le début",
        "the journal was changed outside copil (shortened, rewritten or replaced): it was read again from the start"
    )
    .into()
}

/// The journal is now shorter than what the session already read and applied.
pub fn journal_shrank(l: Lang, len: u64, read: u64) -> String {
    tr!(
        l,
        format!(
            "le journal a raccourci ({len} octets, {read} déjà lus) : il a été modifié hors de copil ; rouvrez le plan pour le relire"
        ),
        format!(
            "the journal got shorter ({len} bytes, {read} already read): it was changed outside copil; reopen the plan to read it again"
        )
    )
}

/// A line the session had already read was changed in place.
pub fn journal_line_changed(l: Lang, line: usize) -> String {
    tr!(
        l,
        format!(
            "{} modifiée après sa lecture : le journal a été modifié hors de copil ; rouvrez le plan pour le relire",
            journal_line(l, line)
        ),
        format!(
            "{} changed after it was read: the journal was changed outside copil; reopen the plan to read it again",
            journal_line(l, line)
        )
    )
}

/// An event whose line would hold a raw newline (never expected: `Event::to_line` escapes them).
pub fn raw_newline_in_line(l: Lang) -> String {
    tr!(l, "la ligne à écrire contient un saut de ligne brut", "the line to write holds a raw newline").into()
}
