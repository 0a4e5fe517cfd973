//! Documents written for people (reports, minutes): a whole file replaced at once.
//!
//! The destination folder may be shared with people who plant symlinks: the document is written
//! to a temporary file created exclusively with an unpredictable name in that folder (tempfile),
//! flushed, given the team's rights, then renamed over the destination. A symlink at the
//! destination is replaced by the document, never followed; nothing is ever written through a
//! name chosen in advance.

use std::io::{self, ErrorKind, Write};
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use super::load::journal_path;
use super::safe;

/// Writes a whole file through a temporary file in the same folder and a rename, so that a reader
/// never sees it half-written and a failure leaves the old file as it was.
pub fn write_replacing(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = safe::folder_of(path);
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let mut tmp = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".tmp")
        .permissions(std::fs::Permissions::from_mode(0o666))
        .tempfile_in(&dir)?;
    safe::share_with_team(tmp.as_file(), &dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    // `persist` renames: an existing name (a file or a symlink) is replaced, not followed.
    tmp.persist(path).map_err(|e| e.error)?;
    // The new name survives a crash once the folder is flushed (some file systems cannot).
    match std::fs::File::open(&dir).and_then(|d| d.sync_all()) {
        Err(e) if !matches!(e.kind(), ErrorKind::InvalidInput | ErrorKind::Unsupported) => Err(e),
        _ => Ok(()),
    }
}

/// A document about a plan: refused when `path` is the plan file or its journal (the same file,
/// under its name or through a link), else written as [`write_replacing`] does.
pub fn write_document(path: &Path, bytes: &[u8], plan: &Path) -> io::Result<()> {
    for own in [plan.to_path_buf(), journal_path(plan)] {
        if safe::same_file(path, &own) || same_name(path, &own) {
            return Err(io::Error::new(ErrorKind::InvalidInput, OwnFile(own.display().to_string())));
        }
    }
    write_replacing(path, bytes)
}

/// Whether two paths name the same entry of the same folder (whether or not it exists yet).
fn same_name(a: &Path, b: &Path) -> bool {
    a.file_name() == b.file_name()
        && match (std::fs::canonicalize(safe::folder_of(a)), std::fs::canonicalize(safe::folder_of(b))) {
            (Ok(x), Ok(y)) => x == y,
            _ => false,
        }
}

/// The destination is one of the plan's own files.
#[derive(Debug)]
pub struct OwnFile(String);

/// `std::io::Error` wraps it and needs `Display` (in French); `write_error` says it in the
/// session's language.
impl std::fmt::Display for OwnFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        crate::lang::Localized::fmt_in(self, crate::lang::Lang::default(), f)
    }
}

impl crate::lang::Localized for OwnFile {
    fn fmt_in(&self, l: crate::lang::Lang, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use crate::lang::Lang;
        let p = &self.0;
        f.write_str(&tr!(
            l,
            format!("{p} est un fichier du plan lui-même : copil n'écrit jamais un document par-dessus"),
            format!("{p} is one of the plan's own files: copil never writes a document over it")
        ))
    }
}

impl std::error::Error for OwnFile {}

impl OwnFile {
    /// The refusal inside an I/O error, if that is what it is.
    pub fn find(e: &std::io::Error) -> Option<&OwnFile> {
        e.get_ref().and_then(|inner| inner.downcast_ref::<OwnFile>())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_planted_symlink_is_replaced_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim");
        std::fs::write(&victim, "private").unwrap();
        let dest = dir.path().join("report.md");
        std::os::unix::fs::symlink(&victim, &dest).unwrap();
        // The names an older copil used for its temporary file, planted as links too.
        for pid in [std::process::id(), 1, 2] {
            std::os::unix::fs::symlink(&victim, dir.path().join(format!(".report.md.{pid}.tmp"))).unwrap();
        }
        write_replacing(&dest, b"# Rapport\n").unwrap();
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "private");
        let meta = std::fs::symlink_metadata(&dest).unwrap();
        assert!(meta.file_type().is_file(), "the link was replaced by the document");
        assert_eq!(std::fs::read_to_string(&dest).unwrap(), "# Rapport\n");
    }

    #[test]
    fn the_plan_and_its_journal_are_never_written_over() {
        let dir = tempfile::tempdir().unwrap();
        let plan = dir.path().join("plan.ron");
        std::fs::write(&plan, "Plan()").unwrap();
        std::fs::write(journal_path(&plan), "").unwrap();
        let link = dir.path().join("link.md");
        std::os::unix::fs::symlink(&plan, &link).unwrap();
        for dest in [plan.clone(), journal_path(&plan), link, dir.path().join(".").join("plan.ron")] {
            let e = write_document(&dest, b"x", &plan).unwrap_err();
            assert!(e.to_string().contains("plan"), "{e}");
        }
        assert_eq!(std::fs::read_to_string(&plan).unwrap(), "Plan()");
        // A journal not created yet is protected by its name.
        std::fs::remove_file(journal_path(&plan)).unwrap();
        assert!(write_document(&journal_path(&plan), b"x", &plan).is_err());
        assert!(!journal_path(&plan).exists());
        write_document(&dir.path().join("ok.md"), b"x", &plan).unwrap();
    }
}
