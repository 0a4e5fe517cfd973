//! Reads a plan file and its journal into a [`PlanState`], with diagnostics that name
//! `file:line:column`, quote the line and say what was expected.

use crate::lang::Lang;
use crate::lang::Localized;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::safe;
use crate::i18n;
use crate::plan::journal::Event;
use crate::plan::model::Plan;
use crate::plan::state::{PlanState, Warning, WarningKind};
use crate::plan::validate::{self, Anchor};
use crate::sanitize::sanitize;

/// A refused input: where, the line itself, and what was expected, said in one language.
#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostic {
    pub file: PathBuf,
    /// 1-based; 0 when the file could not be read at all.
    pub line: usize,
    /// 1-based, in characters.
    pub col: usize,
    pub source_line: String,
    pub message: String,
    /// The language `message` is in (the heading follows it).
    pub lang: Lang,
}

impl std::error::Error for Diagnostic {}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let l = self.lang;
        writeln!(f, "{}{}", i18n::label(l, i18n::ERROR.get(l)), sanitize(&self.message))?;
        if self.line == 0 {
            return write!(f, "  --> {}", self.file.display());
        }
        let num = self.line.to_string();
        let pad = " ".repeat(num.len());
        writeln!(f, "{pad}--> {}:{}:{}", self.file.display(), self.line, self.col)?;
        writeln!(f, "{pad} |")?;
        let shown = sanitize(&self.source_line);
        writeln!(f, "{num} | {shown}")?;
        // The marker sits under the column, counted in display cells.
        let before: String = shown.chars().take(self.col.saturating_sub(1)).collect();
        let width = unicode_width::UnicodeWidthStr::width(before.as_str());
        write!(f, "{pad} | {}^", " ".repeat(width))
    }
}

/// A plan and its journal, loaded.
#[derive(Debug)]
pub struct Loaded {
    pub state: PlanState,
    pub plan_path: PathBuf,
    pub journal_path: PathBuf,
    /// Bytes of the journal read so far (where a watcher resumes).
    pub journal_len: u64,
    /// Whole lines read so far (the number of the next line is this plus one).
    pub journal_lines: usize,
    /// The journal is there but is not a regular file (a symlink, FIFO, device, folder): it was
    /// neither read nor may it be written; the state is the plan file's alone. Headless commands
    /// refuse to go on; the interface opens read-only and says why.
    pub journal_refused: Option<String>,
    /// The journal's bytes read (the first `journal_len`), for a watcher to notice a rewrite
    /// without reading them again.
    pub journal_read: Vec<u8>,
}

/// `NAME.ron` → `NAME.journal.ron`.
pub fn journal_path(plan: &Path) -> PathBuf {
    let name = plan.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let stem = name.strip_suffix(".ron").unwrap_or(&name);
    plan.with_file_name(format!("{stem}.journal.ron"))
}

/// Loads the plan file, then replays its journal.
pub fn load(l: Lang, plan_path: &Path) -> Result<Loaded, Diagnostic> {
    let src = read_plan_file(plan_path).map_err(|e| io_diag(l, plan_path, &e))?;
    let src = String::from_utf8(src).map_err(|e| {
        let good = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let text = String::from_utf8_lossy(good);
        let line = text.matches('\n').count() + 1;
        let col = text.rsplit('\n').next().map(|l| l.chars().count() + 1).unwrap_or(1);
        diag(
            l,
            plan_path,
            &String::from_utf8_lossy(e.as_bytes()),
            line,
            col,
            i18n::ron_error(l, &ron::Error::Utf8Error(e.utf8_error())),
        )
    })?;
    let plan = parse_plan(l, plan_path, &src)?;
    let journal_path = journal_path(plan_path);
    let mut state = PlanState::new(plan);
    let mut journal_refused = None;
    let mut journal_read = Vec::new();
    let (journal_len, journal_lines) = match safe::read_regular(&journal_path) {
        Ok(Some(bytes)) => {
            let read = replay(l, &journal_path, &bytes, &mut state)?;
            journal_read = bytes;
            journal_read.truncate(read.0 as usize);
            read
        }
        Ok(None) => (0, 0),
        Err(e) if safe::NotRegular::find(&e).is_some() => {
            journal_refused = Some(e.to_string());
            (0, 0)
        }
        Err(e) => return Err(io_diag(l, &journal_path, &e)),
    };
    Ok(Loaded {
        state,
        plan_path: plan_path.to_path_buf(),
        journal_path,
        journal_len,
        journal_lines,
        journal_refused,
        journal_read,
    })
}

/// Reads a plan file. It may be a symlink (a plan is only ever read), but it must end at a
/// regular file: a FIFO or a device is refused at once instead of blocking or filling memory.
pub fn read_plan_file(path: &Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    use std::os::unix::fs::OpenOptionsExt;
    let mut f = std::fs::OpenOptions::new().read(true).custom_flags(libc::O_NONBLOCK | libc::O_CLOEXEC).open(path)?;
    let meta = f.metadata()?;
    if let Some(kind) = safe::FileKind::of(&meta) {
        return Err(safe::NotRegular::error(path, kind));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    f.read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Parses and validates a plan file's text.
pub fn parse_plan(l: Lang, path: &Path, src: &str) -> Result<Plan, Diagnostic> {
    // The version first: a later format may have fields this one does not know.
    #[derive(Deserialize)]
    struct Probe {
        format: Option<i64>,
    }
    if let Ok(Probe { format: Some(v) }) = crate::ron_format::options().from_str::<Probe>(src)
        && v != i64::from(validate::FORMAT_VERSION)
    {
        let problem = validate::Problem::FormatVersion(u32::try_from(v).unwrap_or(u32::MAX));
        return Err(anchored(l, path, src, &Anchor::Key("format", 0), problem.text(l)));
    }
    // The values' own messages (a date, an amount) are said in `l` (see `lang::parsing`).
    let parsed = crate::lang::parsing_in(l, || crate::ron_format::options().from_str::<Plan>(src));
    let plan: Plan = parsed.map_err(|e| {
        let pos = error_position(&e);
        let mut message = i18n::ron_error(l, &e.code);
        // A value refused by its own type (a date, an amount) names the field it stands in.
        if matches!(e.code, ron::Error::Message(_))
            && let Some(key) = key_before(src, pos)
        {
            message = format!("{}{message}", i18n::label(l, &format!("`{key}`")));
        }
        diag(l, path, src, pos.0, pos.1, message)
    })?;
    validate::validate(&plan).map_err(|(p, anchor)| anchored(l, path, src, &anchor, p.text(l)))?;
    Ok(plan)
}

/// Parses one journal line.
pub fn parse_event(l: Lang, line: &str) -> Result<Event, (usize, String)> {
    crate::lang::parsing_in(l, || crate::ron_format::options().from_str::<Event>(line))
        .map_err(|e| (error_position(&e).1, i18n::ron_error(l, &e.code)))
}

/// Replays journal bytes into the state; returns the bytes and lines consumed.
/// A cut last line (no final newline) is a warning; any other bad line is an error.
pub fn replay(l: Lang, path: &Path, bytes: &[u8], state: &mut PlanState) -> Result<(u64, usize), Diagnostic> {
    replay_from(l, path, bytes, 0, state)
}

/// Replays journal bytes whose first line is line `first_line + 1`.
pub fn replay_from(
    l: Lang,
    path: &Path,
    bytes: &[u8],
    first_line: usize,
    state: &mut PlanState,
) -> Result<(u64, usize), Diagnostic> {
    let r = replay_lines(l, path, bytes, first_line, state, LastLine::Settle);
    match r.error {
        Some(d) => Err(d),
        None => Ok((r.consumed, r.lines)),
    }
}

/// What a replay does with a last line that has no newline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LastLine {
    /// Loading: nobody is writing, so the line is final. If it parses it is whole and applied;
    /// if not it was cut short by a crash: a [`WarningKind::TornLastLine`] warning, not consumed.
    Settle,
    /// Watching: another process may be writing it right now. It is left alone (not applied, not
    /// reported, not consumed) for a later look.
    Wait,
}

/// How far a replay got. Lines before `error` are applied and counted even when it is set.
#[derive(Debug)]
pub struct Replayed {
    /// Bytes consumed from the start of the slice: whole lines, with their newlines.
    pub consumed: u64,
    /// Lines consumed (blank lines count: a line number is a line of the file).
    pub lines: usize,
    /// The malformed complete line that stopped the replay.
    pub error: Option<Diagnostic>,
}

/// Replays journal bytes whose first line is line `first_line + 1`, line by line, stopping at
/// the first malformed complete line.
pub fn replay_lines(
    l: Lang,
    path: &Path,
    bytes: &[u8],
    first_line: usize,
    state: &mut PlanState,
    last: LastLine,
) -> Replayed {
    state.apply_batch(|state| replay_batch(l, path, bytes, first_line, state, last))
}

fn replay_batch(
    l: Lang,
    path: &Path,
    bytes: &[u8],
    first_line: usize,
    state: &mut PlanState,
    last: LastLine,
) -> Replayed {
    let mut consumed = 0u64;
    let mut lines = 0usize;
    let mut rest = bytes;
    while !rest.is_empty() {
        let lineno = first_line + lines + 1;
        let (raw, complete) = match rest.iter().position(|&b| b == b'\n') {
            Some(i) => (&rest[..i], true),
            None => (rest, false),
        };
        if !complete && last == LastLine::Wait {
            break;
        }
        let text = std::str::from_utf8(raw);
        let parsed = match text {
            Ok(t) if t.trim().is_empty() => None,
            Ok(t) => Some(parse_event(l, t).map_err(|(col, msg)| (t.to_string(), col, msg))),
            Err(e) => Some(Err((
                String::from_utf8_lossy(raw).into_owned(),
                e.valid_up_to() + 1,
                i18n::ron_error(l, &ron::Error::Utf8Error(e)),
            ))),
        };
        match parsed {
            None => {}
            Some(Ok(event)) => {
                // A meeting's closing line commits to the journal before it: its hash is the
                // minutes' empreinte.
                let closing = matches!(event.change, crate::plan::journal::Change::MeetingClosed { .. });
                state.apply(lineno, event);
                if closing {
                    state.closing_hashes.insert(lineno, crate::plan::chain::line_hash(raw));
                }
            }
            Some(Err(_)) if !complete => {
                // Cut short mid-write: reported, skipped, and not counted as read.
                state.load_warnings.push(Warning { line: lineno, kind: WarningKind::TornLastLine });
                break;
            }
            Some(Err((t, col, msg))) => {
                let error = Diagnostic {
                    file: path.to_path_buf(),
                    line: lineno,
                    col,
                    source_line: t,
                    message: format!("{} : {msg}", i18n::journal_line(l, lineno)),
                    lang: l,
                };
                return Replayed { consumed, lines, error: Some(error) };
            }
        }
        if !complete {
            // A last line without its newline that still parses: it is whole.
            consumed += raw.len() as u64;
            lines += 1;
            break;
        }
        consumed += raw.len() as u64 + 1;
        lines += 1;
        rest = &rest[raw.len() + 1..];
    }
    Replayed { consumed, lines, error: None }
}

fn error_position(e: &ron::error::SpannedError) -> (usize, usize) {
    (e.span.start.line.max(1), e.span.start.col.max(1))
}

pub(crate) fn io_diag(l: Lang, path: &Path, e: &std::io::Error) -> Diagnostic {
    Diagnostic {
        file: path.to_path_buf(),
        line: 0,
        col: 0,
        source_line: String::new(),
        message: i18n::io_error(l, &path.display().to_string(), e),
        lang: l,
    }
}

fn diag(l: Lang, path: &Path, src: &str, line: usize, col: usize, message: String) -> Diagnostic {
    let line = line.clamp(1, src.lines().count().max(1));
    Diagnostic {
        file: path.to_path_buf(),
        line,
        col,
        source_line: src.lines().nth(line - 1).unwrap_or("").to_string(),
        message,
        lang: l,
    }
}

fn anchored(l: Lang, path: &Path, src: &str, anchor: &Anchor, message: String) -> Diagnostic {
    let (line, col) = locate(src, anchor).unwrap_or((1, 1));
    diag(l, path, src, line, col, message)
}

/// A token of RON source, enough to find fields and strings: comments are skipped.
#[derive(Debug, PartialEq)]
enum Tok {
    Ident(String),
    Str(String),
    Punct(char),
    Other,
}

/// Splits RON source into tokens with their (line, column), both from 1.
fn tokens(src: &str) -> Vec<(Tok, usize, usize)> {
    let chars: Vec<char> = src.chars().collect();
    let mut out = Vec::new();
    let (mut i, mut line, mut col) = (0usize, 1usize, 1usize);
    let advance = |i: &mut usize, line: &mut usize, col: &mut usize, n: usize| {
        for _ in 0..n {
            if *i < chars.len() && chars[*i] == '\n' {
                *line += 1;
                *col = 1;
            } else {
                *col += 1;
            }
            *i += 1;
        }
    };
    while i < chars.len() {
        let c = chars[i];
        let (l0, c0) = (line, col);
        if c.is_whitespace() {
            advance(&mut i, &mut line, &mut col, 1);
        } else if c == '/' && chars.get(i + 1) == Some(&'/') {
            while i < chars.len() && chars[i] != '\n' {
                advance(&mut i, &mut line, &mut col, 1);
            }
        } else if c == '/' && chars.get(i + 1) == Some(&'*') {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    advance(&mut i, &mut line, &mut col, 2);
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    advance(&mut i, &mut line, &mut col, 2);
                    if depth == 0 {
                        break;
                    }
                } else {
                    advance(&mut i, &mut line, &mut col, 1);
                }
            }
        } else if c == '"' {
            let mut s = String::new();
            advance(&mut i, &mut line, &mut col, 1);
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' && i + 1 < chars.len() {
                    s.push(match chars[i + 1] {
                        'n' => '\n',
                        't' => '\t',
                        other => other,
                    });
                    advance(&mut i, &mut line, &mut col, 2);
                } else {
                    s.push(chars[i]);
                    advance(&mut i, &mut line, &mut col, 1);
                }
            }
            advance(&mut i, &mut line, &mut col, 1);
            out.push((Tok::Str(s), l0, c0));
        } else if c == 'r' && matches!(chars.get(i + 1), Some('#') | Some('"')) {
            let hashes = chars[i + 1..].iter().take_while(|&&h| h == '#').count();
            advance(&mut i, &mut line, &mut col, 2 + hashes);
            let close: String = std::iter::once('"').chain(std::iter::repeat_n('#', hashes)).collect();
            let mut s = String::new();
            while i < chars.len() && !chars[i..].starts_with(&close.chars().collect::<Vec<_>>()) {
                s.push(chars[i]);
                advance(&mut i, &mut line, &mut col, 1);
            }
            advance(&mut i, &mut line, &mut col, close.chars().count());
            out.push((Tok::Str(s), l0, c0));
        } else if c.is_alphabetic() || c == '_' {
            let mut s = String::new();
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                s.push(chars[i]);
                advance(&mut i, &mut line, &mut col, 1);
            }
            out.push((Tok::Ident(s), l0, c0));
        } else if "()[]{}:,".contains(c) {
            advance(&mut i, &mut line, &mut col, 1);
            out.push((Tok::Punct(c), l0, c0));
        } else {
            advance(&mut i, &mut line, &mut col, 1);
            out.push((Tok::Other, l0, c0));
        }
    }
    out
}

/// The last field name written before a position: `planned` in `planned: -5000`.
fn key_before(src: &str, pos: (usize, usize)) -> Option<String> {
    let toks = tokens(src);
    (0..toks.len().saturating_sub(1))
        .filter(|&i| (toks[i].1, toks[i].2) < pos && toks[i + 1].0 == Tok::Punct(':'))
        .rev()
        .find_map(|i| match &toks[i].0 {
            Tok::Ident(k) => Some(k.clone()),
            _ => None,
        })
}

/// Finds an anchor in the source text: (line, column).
fn locate(src: &str, anchor: &Anchor) -> Option<(usize, usize)> {
    let toks = tokens(src);
    let is_key = |i: usize, key: &str| {
        matches!(&toks[i].0, Tok::Ident(k) if k == key) && toks.get(i + 1).map(|t| &t.0) == Some(&Tok::Punct(':'))
    };
    let found: Vec<(usize, usize)> = match anchor {
        Anchor::Key(key, _) => (0..toks.len()).filter(|&i| is_key(i, key)).map(|i| (toks[i].1, toks[i].2)).collect(),
        Anchor::KeyValue(key, value, _) => (0..toks.len())
            .filter(|&i| is_key(i, key) && matches!(toks.get(i + 2).map(|t| &t.0), Some(Tok::Str(v)) if v == value))
            .map(|i| (toks[i + 2].1, toks[i + 2].2))
            .collect(),
        Anchor::Str(value, _) => {
            toks.iter().filter(|t| matches!(&t.0, Tok::Str(v) if v == value)).map(|t| (t.1, t.2)).collect()
        }
    };
    let n = match anchor {
        Anchor::Key(_, n) | Anchor::KeyValue(_, _, n) | Anchor::Str(_, n) => *n,
    };
    found.get(n).or(found.last()).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locate_skips_comments_and_strings() {
        let src = "// id: \"x\"\nPlan(\n  title: \"id: \\\"x\\\"\",\n  /* id: \"x\" */ id: \"x\", a: [id: \"x\"]\n)";
        assert_eq!(locate(src, &Anchor::KeyValue("id", "x".into(), 0)), Some((4, 21)));
        assert_eq!(locate(src, &Anchor::KeyValue("id", "x".into(), 1)), Some((4, 34)));
        assert_eq!(locate(src, &Anchor::Key("title", 0)), Some((3, 3)));
    }

    #[test]
    fn journal_path_sits_beside_the_plan() {
        assert_eq!(journal_path(Path::new("plans/charente.ron")), PathBuf::from("plans/charente.journal.ron"));
    }

    #[test]
    fn diagnostic_marks_the_column_under_the_line() {
        let d = Diagnostic {
            file: "p.ron".into(),
            line: 3,
            col: 5,
            source_line: "ab\u{1b}[31mcdef".into(),
            message: "m".into(),
            lang: Lang::Fr,
        };
        let s = d.to_string();
        assert!(s.contains("p.ron:3:5"), "{s}");
        assert!(!s.contains('\u{1b}'), "escape sequences are neutralised: {s:?}");
        let lines: Vec<&str> = s.lines().collect();
        let quoted = lines[3];
        let marker = lines[4];
        assert_eq!(marker.find('^').unwrap(), quoted.find("ab").unwrap() + 4);
    }
}
