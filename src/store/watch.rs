//! Noticing lines appended to the journal by others (and by this session), to apply them live.
//!
//! The journal only grows, a whole line at a time (see [`super::append`]), so a watcher keeps how
//! far it has read (bytes and lines) and, when the file is longer, applies the complete lines
//! that follow. A last line without its newline may be being written by another process right
//! now: it is left for a later look, never reported nor consumed.

use crate::lang::Lang;
use std::hash::Hasher;
use std::io::{ErrorKind, Read, Seek, SeekFrom};
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::load::{Diagnostic, LastLine, Loaded, io_diag, replay_lines};
use super::safe::{self, Access};
use crate::i18n;
use crate::plan::state::PlanState;

/// How many bytes before the read offset are compared at each look, to notice a rewritten
/// journal cheaply (a full comparison is made when the file changed without growing).
const TAIL: u64 = 4096;

/// Follows one journal from where the load (or the previous poll) stopped.
#[derive(Debug)]
pub struct Watcher {
    journal: PathBuf,
    /// Bytes of the journal applied so far: always the end of a line.
    offset: u64,
    /// Lines applied so far: the next line is number `lines + 1`.
    lines: usize,
    /// The journal's length and modification time at the last look, to skip unchanged files
    /// (one that ends with a line still being written, or a malformed line).
    last_look: Option<(u64, Option<SystemTime>)>,
    /// What stopped the last look, repeated while the file stays as it was.
    failed: Option<Diagnostic>,
    /// The file read (device, inode): another file under the same name is another journal.
    file_id: Option<(u64, u64)>,
    /// A hash of the `offset` bytes read so far, and their last `TAIL` bytes.
    digest: std::collections::hash_map::DefaultHasher,
    tail: Vec<u8>,
    /// Why the journal was read again from its start at the last look (said once by the caller).
    reloaded: Option<String>,
}

impl Watcher {
    /// Resumes where the load stopped.
    pub fn new(loaded: &Loaded) -> Watcher {
        let mut w = Watcher::at(&loaded.journal_path, 0, 0);
        // What the load read, to notice a rewrite later.
        w.consumed(&loaded.journal_read);
        w.offset = loaded.journal_len;
        w.lines = loaded.journal_lines;
        w
    }

    /// Resumes after `offset` bytes holding `lines` lines of the journal (not checked for a
    /// rewrite of those bytes).
    pub fn at(journal: &Path, offset: u64, lines: usize) -> Watcher {
        Watcher {
            journal: journal.to_path_buf(),
            offset,
            lines,
            last_look: None,
            failed: None,
            file_id: file_id(journal),
            digest: Default::default(),
            tail: Vec::new(),
            reloaded: None,
        }
    }

    pub fn journal(&self) -> &Path {
        &self.journal
    }

    /// Bytes read and applied so far.
    pub fn offset(&self) -> u64 {
        self.offset
    }

    /// Lines read and applied so far.
    pub fn lines(&self) -> usize {
        self.lines
    }

    /// Whether the last look found the journal rewritten (shortened, edited, replaced) and read it
    /// again from its start; the reason, once.
    pub fn take_reloaded(&mut self) -> Option<String> {
        self.reloaded.take()
    }

    /// Applies every complete line added since the last look, each with its own line number,
    /// and returns the indices of the new entries in `state.entries`. One `stat` when nothing
    /// changed.
    ///
    /// A malformed complete line is an error naming it; lines before it are applied (and
    /// returned by this call), and the error comes with the next call, and every call after
    /// while the journal stays as it is. A journal that was rewritten under this session
    /// (shorter than what was read, a line read before changed, another file under its name) is
    /// read again from its start into a state rebuilt from the plan file: every entry is then
    /// new, and [`Watcher::take_reloaded`] says why. Only a regular file is read: a symlink or a
    /// FIFO put in its place is an error, and never blocks.
    pub fn poll(&mut self, l: Lang, state: &mut PlanState) -> Result<Vec<usize>, Diagnostic> {
        let meta = match std::fs::symlink_metadata(&self.journal) {
            Ok(m) => m,
            // No journal yet: nobody has changed anything.
            Err(e) if e.kind() == ErrorKind::NotFound && self.offset == 0 => return Ok(Vec::new()),
            Err(e) if e.kind() == ErrorKind::NotFound => {
                return Ok(self.reload(l, state, i18n::journal_rewritten(l), &[]));
            }
            Err(e) => return Err(io_diag(l, &self.journal, &e)),
        };
        if let Some(kind) = safe::FileKind::of(&meta) {
            let e = safe::NotRegular::error(&self.journal, kind);
            return Err(self.fail(l, i18n::io_error(l, &self.journal.display().to_string(), &e)));
        }
        let len = meta.len();
        let look = (len, meta.modified().ok());
        let same_file = self.file_id.is_none_or(|id| id == (meta.dev(), meta.ino()));
        if len == self.offset && same_file && self.last_look.is_none_or(|l| l.1 == look.1) {
            self.last_look = Some(look);
            return Ok(Vec::new());
        }
        if self.last_look == Some(look) && same_file {
            return match &self.failed {
                Some(d) => Err(d.clone()),
                None => Ok(Vec::new()),
            };
        }
        self.last_look = Some(look);
        self.failed = None;
        if !same_file || len < self.offset {
            return self.reload_from_disk(l, state);
        }
        if len == self.offset {
            // Changed without growing: the same bytes, or a rewrite of the same length. (A write
            // under way changes the time before the length: what follows the bytes read is for
            // the next look; only those bytes are compared.)
            let bytes = self.read_all(l)?;
            let read = &bytes[..bytes.len().min(self.offset as usize)];
            let mut h = std::collections::hash_map::DefaultHasher::default();
            h.write(read);
            if read.len() as u64 != self.offset || h.finish() != self.digest.finish() {
                return Ok(self.reload(l, state, i18n::journal_rewritten(l), &bytes));
            }
            if bytes.len() as u64 == self.offset {
                return Ok(Vec::new());
            }
        }
        let before = state.entries.len();
        let stopped = match self.read_new(l, state) {
            Ok(true) => None,
            Ok(false) => return self.reload_from_disk(l, state),
            Err(d) => Some(d),
        };
        let new: Vec<usize> = (before..state.entries.len()).collect();
        match stopped {
            Some(d) if new.is_empty() => Err(d),
            _ => Ok(new),
        }
    }

    fn read_all(&mut self, l: Lang) -> Result<Vec<u8>, Diagnostic> {
        match safe::read_regular(&self.journal) {
            Ok(b) => Ok(b.unwrap_or_default()),
            Err(e) => Err(self.fail(l, i18n::io_error(l, &self.journal.display().to_string(), &e))),
        }
    }

    fn reload_from_disk(&mut self, l: Lang, state: &mut PlanState) -> Result<Vec<usize>, Diagnostic> {
        let bytes = self.read_all(l)?;
        Ok(self.reload(l, state, i18n::journal_rewritten(l), &bytes))
    }

    /// Reads the journal again from its start: the state is rebuilt from the plan file.
    fn reload(&mut self, l: Lang, state: &mut PlanState, why: String, bytes: &[u8]) -> Vec<usize> {
        *state = PlanState::new(state.base().clone());
        self.offset = 0;
        self.lines = 0;
        self.digest = Default::default();
        self.tail.clear();
        self.file_id = file_id(&self.journal);
        self.reloaded = Some(why);
        let r = replay_lines(l, &self.journal, bytes, 0, state, LastLine::Wait);
        self.consumed(&bytes[..r.consumed as usize]);
        self.offset = r.consumed;
        self.lines = r.lines;
        if let Some(d) = r.error {
            self.failed = Some(d);
        }
        (0..state.entries.len()).collect()
    }

    /// Remembers bytes read and applied.
    fn consumed(&mut self, bytes: &[u8]) {
        self.digest.write(bytes);
        self.tail.extend_from_slice(bytes);
        let extra = self.tail.len().saturating_sub(TAIL as usize);
        self.tail.drain(..extra);
    }

    /// Reads and applies what follows the offset. `Ok(false)`: the bytes before the offset are
    /// no longer those read (the journal was rewritten).
    fn read_new(&mut self, l: Lang, state: &mut PlanState) -> Result<bool, Diagnostic> {
        let start = self.offset - self.tail.len() as u64;
        let mut bytes = Vec::new();
        safe::open_regular(&self.journal, Access::Read)
            .and_then(|mut f| {
                f.seek(SeekFrom::Start(start))?;
                f.read_to_end(&mut bytes)
            })
            .map_err(|e| io_diag(l, &self.journal, &e))?;
        if !bytes.starts_with(&self.tail) {
            return Ok(false);
        }
        let bytes = &bytes[self.tail.len()..];
        let mut from = 0usize;
        if self.offset > 0 && self.tail.last().is_some_and(|&b| b != b'\n') {
            // The load took a whole last line that had no newline (it parses); an appender
            // writes that newline before its own line. Nothing else may come after it.
            match bytes.first() {
                None => {
                    self.last_look = None;
                    return Ok(true);
                }
                Some(b'\n') => {
                    from = 1;
                    self.consumed(b"\n");
                    self.offset += 1;
                }
                Some(_) => return Ok(false),
            }
        }
        let r = replay_lines(l, &self.journal, &bytes[from..], self.lines, state, LastLine::Wait);
        self.consumed(&bytes[from..from + r.consumed as usize]);
        self.offset += r.consumed;
        self.lines += r.lines;
        match r.error {
            Some(d) => {
                self.failed = Some(d.clone());
                Err(d)
            }
            None => Ok(true),
        }
    }

    /// An error about the file as a whole, remembered for the next looks.
    fn fail(&mut self, l: Lang, message: String) -> Diagnostic {
        let d =
            Diagnostic { file: self.journal.clone(), line: 0, col: 0, source_line: String::new(), message, lang: l };
        self.failed = Some(d.clone());
        d
    }
}

fn file_id(path: &Path) -> Option<(u64, u64)> {
    std::fs::symlink_metadata(path).ok().map(|m| (m.dev(), m.ino()))
}
