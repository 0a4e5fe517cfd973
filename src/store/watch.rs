//! Noticing lines appended to the journal by others (and by this session), to apply them live.
//!
//! The journal only grows, a whole line at a time (see [`super::append`]), so a watcher keeps how
//! far it has read (bytes and lines) and, when the file is longer, applies the complete lines
//! that follow. A last line without its newline may be being written by another process right
//! now: it is left for a later look, never reported nor consumed.

use std::fs::File;
use std::io::{ErrorKind, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::load::{Diagnostic, LastLine, Loaded, io_diag, replay_lines};
use crate::i18n;
use crate::plan::state::PlanState;

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
}

impl Watcher {
    /// Resumes where the load stopped.
    pub fn new(loaded: &Loaded) -> Watcher {
        Watcher::at(&loaded.journal_path, loaded.journal_len, loaded.journal_lines)
    }

    /// Resumes after `offset` bytes holding `lines` lines of the journal.
    pub fn at(journal: &Path, offset: u64, lines: usize) -> Watcher {
        Watcher { journal: journal.to_path_buf(), offset, lines, last_look: None, failed: None }
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

    /// Applies every complete line added since the last look, each with its own line number,
    /// and returns the indices of the new entries in `state.entries`. One `metadata` call when
    /// nothing changed.
    ///
    /// A malformed complete line is an error naming it; lines before it are applied (and
    /// returned by this call), and the error comes with the next call, and every call after
    /// while the journal stays as it is. A journal shorter than what was read is an error too:
    /// copil only ever cuts a line that nobody has read (a cut line, which is never applied).
    pub fn poll(&mut self, state: &mut PlanState) -> Result<Vec<usize>, Diagnostic> {
        let meta = match std::fs::metadata(&self.journal) {
            Ok(m) => m,
            // No journal yet: nobody has changed anything.
            Err(e) if e.kind() == ErrorKind::NotFound && self.offset == 0 => return Ok(Vec::new()),
            Err(e) => return Err(io_diag(&self.journal, &e)),
        };
        let len = meta.len();
        if len == self.offset {
            return Ok(Vec::new());
        }
        let look = (len, meta.modified().ok());
        if self.last_look == Some(look) {
            return match &self.failed {
                Some(d) => Err(d.clone()),
                None => Ok(Vec::new()),
            };
        }
        self.last_look = Some(look);
        self.failed = None;
        if len < self.offset {
            return Err(self.fail(i18n::journal_shrank(len, self.offset)));
        }
        let before = state.entries.len();
        let stopped = self.read_new(state).err();
        let new: Vec<usize> = (before..state.entries.len()).collect();
        match stopped {
            Some(d) if new.is_empty() => Err(d),
            _ => Ok(new),
        }
    }

    fn read_new(&mut self, state: &mut PlanState) -> Result<(), Diagnostic> {
        // One byte before the offset too: it says whether the offset is at the start of a line.
        let start = self.offset.saturating_sub(1);
        let mut bytes = Vec::new();
        File::open(&self.journal)
            .and_then(|mut f| {
                f.seek(SeekFrom::Start(start))?;
                f.read_to_end(&mut bytes)
            })
            .map_err(|e| io_diag(&self.journal, &e))?;
        let mut from = 0usize;
        if self.offset > 0 {
            match bytes.first() {
                // Shorter than a moment ago: the next look says how.
                None => {
                    self.last_look = None;
                    return Ok(());
                }
                Some(b'\n') => from = 1,
                // The load took a whole last line that had no newline (it parses); an appender
                // writes that newline before its own line. Nothing else may come after it.
                Some(_) => match bytes.get(1) {
                    None => {
                        self.last_look = None;
                        return Ok(());
                    }
                    Some(b'\n') => {
                        from = 2;
                        self.offset += 1;
                    }
                    Some(_) => return Err(self.fail(i18n::journal_line_changed(self.lines))),
                },
            }
        }
        let r = replay_lines(&self.journal, &bytes[from..], self.lines, state, LastLine::Wait);
        self.offset += r.consumed;
        self.lines += r.lines;
        match r.error {
            Some(d) => {
                self.failed = Some(d.clone());
                Err(d)
            }
            None => Ok(()),
        }
    }

    /// An error about the file as a whole, remembered for the next looks.
    fn fail(&mut self, message: String) -> Diagnostic {
        let d = Diagnostic { file: self.journal.clone(), line: 0, col: 0, source_line: String::new(), message };
        self.failed = Some(d.clone());
        d
    }
}
