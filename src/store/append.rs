//! Appending one line to a journal: the only way copil writes.
//!
//! [`append`] opens the journal in append mode (creating it on the first change), takes an
//! exclusive lock on the journal file itself, settles a last line left without its newline by a
//! crash, writes the new line whole in one `write` call and flushes it to disk (fsync) before it
//! returns `Ok`. Nothing else is ever written: the journal is never rewritten nor renamed, so the
//! lock is always on the file that everyone appends to.

use crate::lang::Lang;
use std::fmt;
use std::fs::{File, TryLockError};
use std::io::{self, ErrorKind, Write};
use std::os::unix::fs::{FileExt, MetadataExt};
use std::path::Path;
use std::time::{Duration, Instant};

use super::load::parse_event;
use super::safe::{self, Access, folder_of};
use crate::i18n;
use crate::plan::journal::Event;

/// How often a busy lock is tried again.
const LOCK_RETRY: Duration = Duration::from_millis(10);

/// A line has been appended and flushed to disk; and what was repaired on the way.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Appended {
    /// The journal ended with a cut line (a writer stopped mid-line: crash, power loss) that does
    /// not parse. It was removed before the new line was written; every line before it was kept.
    /// The load had reported it (`TornLastLine`) and skipped it, so no line number changes.
    pub repaired_torn_tail: bool,
    /// The journal's last line was whole but had no newline (it parses: the load applied it and
    /// counted it). Its newline was written just before the new line, which keeps its number.
    pub ended_last_line: bool,
}

/// Why a line could not be appended. In every case the change was not saved.
#[derive(Debug)]
pub enum AppendError {
    /// The journal (or its folder, to create it) cannot be written: EACCES, EPERM, EROFS.
    ReadOnly(io::Error),
    /// Another session held the lock for longer than this.
    LockTimeout(Duration),
    /// The journal is not a regular file (a symlink, FIFO, device, folder): refused untouched.
    NotRegular(io::Error),
    /// The line, decided from the journal under the lock, cannot be written (the reason).
    Refused(String),
    /// Anything else: disk full (ENOSPC), I/O error, a short write.
    Io(io::Error),
}

impl crate::lang::Localized for AppendError {
    fn fmt_in(&self, l: crate::lang::Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AppendError::ReadOnly(e) => f.write_str(&i18n::append_read_only(l, e)),
            AppendError::LockTimeout(d) => f.write_str(&i18n::append_lock_timeout(l, *d)),
            AppendError::Io(e) => f.write_str(&i18n::append_failed(l, e)),
            AppendError::NotRegular(e) => f.write_str(&i18n::append_refused(l, e)),
            AppendError::Refused(why) => f.write_str(why),
        }
    }
}

impl From<io::Error> for AppendError {
    fn from(e: io::Error) -> AppendError {
        if safe::NotRegular::find(&e).is_some() {
            AppendError::NotRegular(e)
        } else if is_read_only(&e) {
            AppendError::ReadOnly(e)
        } else {
            AppendError::Io(e)
        }
    }
}

/// EACCES and EPERM (both `PermissionDenied`) and EROFS.
fn is_read_only(e: &io::Error) -> bool {
    matches!(e.kind(), ErrorKind::PermissionDenied | ErrorKind::ReadOnlyFilesystem)
}

/// Appends `event` as one line and flushes it to disk; `Ok` only once it is there.
///
/// Waits up to `lock_timeout` for another writer's lock (retrying every 10 ms). Under the lock,
/// a last line without its newline is settled the way the load reads it: if it parses it is
/// whole and gets its newline; if not it is a cut line, which is removed (everything before it
/// is kept). The new line and its newline go in one `write` call; a short write is an error and
/// is undone. Then `fdatasync`; and when the journal was empty before (just created), the folder
/// too, so the new file's name survives a crash. On any error after the write began, the journal
/// is cut back to its length before the write, so that "not saved" stays true.
pub fn append(l: Lang, journal: &Path, event: &Event, lock_timeout: Duration) -> Result<Appended, AppendError> {
    append_decided(l, journal, lock_timeout, |_| Ok(event.clone())).map(|(done, _)| done)
}

/// Like [`append`], and returns the line as written (with its place in the hash chain).
pub fn append_chained(
    l: Lang,
    journal: &Path,
    event: &Event,
    lock_timeout: Duration,
) -> Result<(Appended, Event), AppendError> {
    append_decided(l, journal, lock_timeout, |_| Ok(event.clone()))
}

/// The journal as it is on disk while the lock is held, for a line that must be decided from it
/// (an undo: which line is the last one, is never taken from what a session read earlier).
pub struct Locked<'a> {
    file: &'a File,
    len: u64,
}

impl Locked<'_> {
    /// Every byte of the journal, its cut last line (if any) already removed.
    pub fn bytes(&self) -> io::Result<Vec<u8>> {
        let mut buf = vec![0u8; self.len as usize];
        self.file.read_exact_at(&mut buf, 0)?;
        Ok(buf)
    }
}

/// Like [`append`], but the line is decided by `decide` from the journal as it is under the lock;
/// `decide` may refuse (its reason is returned as [`AppendError::Refused`], nothing written).
/// Returns the line written.
pub fn append_decided(
    l: Lang,
    journal: &Path,
    lock_timeout: Duration,
    decide: impl FnOnce(&Locked) -> Result<Event, String>,
) -> Result<(Appended, Event), AppendError> {
    let file = open(journal)?;
    lock(&file, lock_timeout)?;
    // From here to the end, the lock is held (it goes when `file` is dropped).
    let mut done = Appended::default();
    let mut len = file.metadata()?.len();
    let mut newline = false;
    if len > 0 && read_byte(&file, len - 1)? != b'\n' {
        let start = last_line_start(&file, len)?;
        if tail_is_whole(l, &file, start, len)? {
            newline = true;
        } else {
            file.set_len(start)?;
            len = start;
            done.repaired_torn_tail = true;
        }
    }
    let mut event = decide(&Locked { file: &file, len }).map_err(AppendError::Refused)?;
    // The hash chain: the new line carries the hash of the line before it, read under the lock.
    event.prev = Some(crate::plan::chain::line_hash(&last_line(&file, len)?));
    let line = event.to_line();
    if line.contains('\n') {
        // `to_line` escapes newlines; a raw one would make two lines of one event.
        return Err(AppendError::Io(io::Error::new(ErrorKind::InvalidData, i18n::raw_newline_in_line(l))));
    }
    let mut buf = Vec::with_capacity(line.len() + 2);
    if newline {
        buf.push(b'\n');
        done.ended_last_line = true;
    }
    buf.extend_from_slice(line.as_bytes());
    buf.push(b'\n');
    if let Err(e) = write_synced(&file, &buf) {
        // Undo whatever part reached the file; best effort, the error is what matters.
        let _ = file.set_len(len).and_then(|()| file.sync_data());
        return Err(e.into());
    }
    if len == 0 {
        // The journal was just created (here or by a writer who had not written yet).
        if let Err(e) = sync_dir(journal) {
            let _ = file.set_len(len).and_then(|()| file.sync_data());
            return Err(e.into());
        }
    }
    Ok((done, event))
}

/// Opens the journal for reading and appending, creating it (with the team's rights) when it does
/// not exist yet. Only a regular file is ever opened: a symlink, FIFO, device or folder in its
/// place is refused (see [`safe::open_regular`]), and opening never blocks.
fn open(journal: &Path) -> io::Result<File> {
    match safe::open_regular(journal, Access::Append) {
        Err(e) if e.kind() == ErrorKind::NotFound => match safe::create_new(journal) {
            // Another writer created it in between: use theirs.
            Err(e) if e.kind() == ErrorKind::AlreadyExists => safe::open_regular(journal, Access::Append),
            other => other,
        },
        other => other,
    }
}

fn lock(file: &File, timeout: Duration) -> Result<(), AppendError> {
    let start = Instant::now();
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(()),
            Err(TryLockError::Error(e)) => return Err(e.into()),
            Err(TryLockError::WouldBlock) => {
                let waited = start.elapsed();
                if waited >= timeout {
                    return Err(AppendError::LockTimeout(timeout));
                }
                std::thread::sleep(LOCK_RETRY.min(timeout - waited));
            }
        }
    }
}

fn read_byte(file: &File, at: u64) -> io::Result<u8> {
    let mut b = [0u8];
    file.read_exact_at(&mut b, at)?;
    Ok(b[0])
}

/// The journal's last line (without its newline), whether or not it ends with one; empty for an
/// empty journal.
fn last_line(file: &File, len: u64) -> io::Result<Vec<u8>> {
    if len == 0 {
        return Ok(Vec::new());
    }
    let end = if read_byte(file, len - 1)? == b'\n' { len - 1 } else { len };
    let start = last_line_start(file, end)?;
    let mut line = vec![0u8; (end - start) as usize];
    file.read_exact_at(&mut line, start)?;
    Ok(line)
}

/// Where the last line starts: just after the last newline before `len`, or 0.
fn last_line_start(file: &File, len: u64) -> io::Result<u64> {
    let mut buf = vec![0u8; 8192];
    let mut end = len;
    while end > 0 {
        let start = end.saturating_sub(buf.len() as u64);
        let chunk = &mut buf[..(end - start) as usize];
        file.read_exact_at(chunk, start)?;
        if let Some(i) = chunk.iter().rposition(|&b| b == b'\n') {
            return Ok(start + i as u64 + 1);
        }
        end = start;
    }
    Ok(0)
}

/// Whether a last line without its newline is one the load takes as whole: a blank line or an
/// event that parses. (A strict prefix of an event never parses: its closing `)` is missing.)
/// The whole line is read however long it is: a valid line is never cut.
fn tail_is_whole(l: Lang, file: &File, start: u64, len: u64) -> io::Result<bool> {
    let mut tail = vec![0u8; (len - start) as usize];
    file.read_exact_at(&mut tail, start)?;
    Ok(match std::str::from_utf8(&tail) {
        Ok(t) => t.trim().is_empty() || parse_event(l, t).is_ok(),
        Err(_) => false,
    })
}

/// One `write` call for the whole buffer (retried only if interrupted before writing anything),
/// then `fdatasync`.
fn write_synced(mut file: &File, buf: &[u8]) -> io::Result<()> {
    let n = loop {
        match file.write(buf) {
            Err(e) if e.kind() == ErrorKind::Interrupted => continue,
            other => break other?,
        }
    };
    if n != buf.len() {
        return Err(io::Error::new(ErrorKind::WriteZero, format!("short write: {n} of {} bytes", buf.len())));
    }
    file.sync_data()
}

/// Flushes a folder's entries, so that a new file in it survives a crash.
fn sync_dir(file: &Path) -> io::Result<()> {
    match File::open(folder_of(file)).and_then(|d| d.sync_all()) {
        // Some file systems cannot fsync a folder; there is nothing more to do there.
        Err(e) if matches!(e.kind(), ErrorKind::InvalidInput | ErrorKind::Unsupported) => Ok(()),
        other => other,
    }
}

/// Whether copil can append to this journal: it exists and opens for appending, or it does not
/// exist yet and its folder allows creating it. Nothing is written or created to find out.
///
/// The error's text is a short reason in the interface's language (for "read-only: …"); its kind
/// is the underlying one (`PermissionDenied`, `ReadOnlyFilesystem`, `NotFound`…).
///
/// Caveat: permission bits do not stop root (nor a process with CAP_DAC_OVERRIDE). So, besides
/// asking the system (an open for appending, which does honour read-only mounts and ACLs), a
/// journal with no write bit at all (`chmod a-w`), or a folder with none, counts as not writable
/// for everyone, root included: that is how a plan is frozen. For a journal that does not exist
/// yet, the kernel is asked whether this process may create a file in the folder (`access(2)`
/// with write and search permission: its ids and groups, the folder's ACL, a read-only mount).
pub fn writable(l: Lang, journal: &Path) -> Result<(), io::Error> {
    check_writable(journal).map_err(|e| io::Error::new(e.kind(), i18n::journal_not_writable(l, &e)))
}

fn check_writable(journal: &Path) -> io::Result<()> {
    match std::fs::symlink_metadata(journal) {
        Ok(meta) => {
            if let Some(kind) = safe::FileKind::of(&meta) {
                return Err(safe::NotRegular::error(journal, kind));
            }
            if meta.permissions().readonly() {
                return Err(ErrorKind::PermissionDenied.into());
            }
            safe::open_regular(journal, Access::Append).map(drop)
        }
        Err(e) if e.kind() == ErrorKind::NotFound => folder_allows_create(&folder_of(journal)),
        Err(e) => Err(e),
    }
}

fn folder_allows_create(dir: &Path) -> io::Result<()> {
    let meta = std::fs::metadata(dir)?;
    if !meta.is_dir() {
        return Err(ErrorKind::NotADirectory.into());
    }
    if meta.mode() & 0o222 == 0 {
        return Err(ErrorKind::PermissionDenied.into());
    }
    // Creating a file takes write and search (x) permission on the folder; the kernel answers
    // for this process's ids and groups, the folder's ACL, and a read-only mount (`EROFS`).
    rustix::fs::access(dir, rustix::fs::Access::WRITE_OK | rustix::fs::Access::EXEC_OK)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_allows_creating_a_journal_unless_frozen_or_not_a_folder() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        assert!(folder_allows_create(dir.path()).is_ok());
        let file = dir.path().join("plan.ron");
        std::fs::write(&file, "").unwrap();
        assert_eq!(folder_allows_create(&file).unwrap_err().kind(), ErrorKind::NotADirectory);
        assert_eq!(folder_allows_create(&dir.path().join("none")).unwrap_err().kind(), ErrorKind::NotFound);
        // No write bit at all: frozen for everyone, root included.
        let frozen = dir.path().join("frozen");
        std::fs::create_dir(&frozen).unwrap();
        std::fs::set_permissions(&frozen, std::fs::Permissions::from_mode(0o555)).unwrap();
        assert_eq!(folder_allows_create(&frozen).unwrap_err().kind(), ErrorKind::PermissionDenied);
        // The owner's own bits: write without search is not enough (root passes by the kernel's rule).
        let no_search = dir.path().join("no-search");
        std::fs::create_dir(&no_search).unwrap();
        std::fs::set_permissions(&no_search, std::fs::Permissions::from_mode(0o600)).unwrap();
        let root = rustix::process::geteuid().is_root();
        assert_eq!(folder_allows_create(&no_search).is_ok(), root);
        std::fs::set_permissions(&frozen, std::fs::Permissions::from_mode(0o755)).unwrap();
        std::fs::set_permissions(&no_search, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
}
