//! Files in a folder that other people can write to.
//!
//! copil runs in shared folders: a teammate (or an intruder with the same rights) may replace the
//! journal by a symlink to someone's private file, by a FIFO that blocks every reader, or by a
//! device. Everything copil opens there goes through [`open_regular`]: the last path component is
//! never followed when it is a symlink (`O_NOFOLLOW`), opening never blocks (`O_NONBLOCK`: a FIFO
//! with no writer answers at once), and the opened file must be a regular file or it is refused
//! in words ([`NotRegular`]) before a byte is read or written.
//!
//! Files copil creates there get the team's rights ([`team_mode`]): in a folder its group can
//! write to (a setgid team folder), a new file is readable and writable by that group whatever the
//! creator's umask, and it is never writable by others.

use std::fmt;
use std::fs::{File, Metadata, OpenOptions, Permissions};
use std::io::{self, ErrorKind};
use std::os::unix::fs::{MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use crate::i18n::Lang;

/// What a path turned out to be instead of a regular file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    Symlink,
    Fifo,
    Device,
    Socket,
    Directory,
}

impl FileKind {
    pub fn of(meta: &Metadata) -> Option<FileKind> {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_file() {
            None
        } else if t.is_symlink() {
            Some(FileKind::Symlink)
        } else if t.is_fifo() {
            Some(FileKind::Fifo)
        } else if t.is_dir() {
            Some(FileKind::Directory)
        } else if t.is_socket() {
            Some(FileKind::Socket)
        } else {
            Some(FileKind::Device)
        }
    }

    fn words(self, l: Lang) -> &'static str {
        match self {
            FileKind::Symlink => tr!(l, "un lien symbolique", "a symbolic link"),
            FileKind::Fifo => tr!(l, "un tube nommé (FIFO)", "a named pipe (FIFO)"),
            FileKind::Device => tr!(l, "un périphérique", "a device"),
            FileKind::Socket => tr!(l, "une socket", "a socket"),
            FileKind::Directory => tr!(l, "un dossier", "a folder"),
        }
    }
}

/// A path that copil refuses to read or write because it is not a regular file. Carried inside an
/// `io::Error` of kind `InvalidInput`, so every caller that reports I/O errors says it in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NotRegular {
    pub path: PathBuf,
    pub kind: FileKind,
}

/// `std::io::Error` wraps it and needs `Display`: that says it in French, the product's language.
/// What copil shows a person goes through `i18n::io_reason`, which finds it and says it in the
/// session's language.
impl fmt::Display for NotRegular {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::lang::Localized::fmt_in(self, Lang::default(), f)
    }
}

impl crate::lang::Localized for NotRegular {
    fn fmt_in(&self, l: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let p = self.path.display();
        let what = self.kind.words(l);
        f.write_str(&tr!(
            l,
            format!("{p} est {what}, pas un fichier ordinaire : copil refuse de le lire ou d'y écrire"),
            format!("{p} is {what}, not a regular file: copil refuses to read or write it")
        ))
    }
}

impl std::error::Error for NotRegular {}

impl NotRegular {
    pub fn error(path: &Path, kind: FileKind) -> io::Error {
        io::Error::new(ErrorKind::InvalidInput, NotRegular { path: path.to_path_buf(), kind })
    }

    /// The refusal inside an I/O error, if that is what it is.
    pub fn find(e: &io::Error) -> Option<&NotRegular> {
        e.get_ref().and_then(|inner| inner.downcast_ref::<NotRegular>())
    }
}

/// How to open a file with [`open_regular`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    Read,
    /// Read and append.
    Append,
}

/// Opens an existing file without following a symlink in its last component and without ever
/// blocking, and refuses anything but a regular file. The error for a refused file carries a
/// [`NotRegular`].
pub fn open_regular(path: &Path, access: Access) -> io::Result<File> {
    let mut opts = OpenOptions::new();
    opts.read(true).custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_CLOEXEC);
    if access == Access::Append {
        opts.append(true);
    }
    let file = match opts.open(path) {
        Ok(f) => f,
        // O_NOFOLLOW on a symlink: ELOOP. A FIFO opened for writing without a reader: ENXIO.
        // A folder opened for writing: EISDIR. Each is said by what the path is.
        Err(e) => return Err(refusal(path).unwrap_or(e)),
    };
    check_regular(path, &file)?;
    Ok(file)
}

/// Creates a new file exclusively (never through an existing name or symlink), with the team's
/// rights (see [`team_mode`]). `AlreadyExists` when the name is taken.
pub fn create_new(path: &Path) -> io::Result<File> {
    let file = OpenOptions::new()
        .read(true)
        .append(true)
        .create_new(true)
        .mode(0o666)
        .custom_flags(libc::O_NOFOLLOW | libc::O_CLOEXEC)
        .open(path)?;
    share_with_team(&file, &folder_of(path))?;
    Ok(file)
}

/// The error for a path that is there but is not a regular file (looked at without following it).
pub fn refusal(path: &Path) -> Option<io::Error> {
    let meta = std::fs::symlink_metadata(path).ok()?;
    FileKind::of(&meta).map(|k| NotRegular::error(path, k))
}

/// Whether the path is absent or a regular file; a refusal for anything else. Follows nothing.
pub fn check_path(path: &Path) -> io::Result<()> {
    match std::fs::symlink_metadata(path) {
        Ok(meta) => match FileKind::of(&meta) {
            Some(k) => Err(NotRegular::error(path, k)),
            None => Ok(()),
        },
        Err(e) if e.kind() == ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e),
    }
}

fn check_regular(path: &Path, file: &File) -> io::Result<()> {
    match FileKind::of(&file.metadata()?) {
        Some(k) => Err(NotRegular::error(path, k)),
        None => Ok(()),
    }
}

/// Reads a whole regular file (see [`open_regular`]). `Ok(None)` when it does not exist.
pub fn read_regular(path: &Path) -> io::Result<Option<Vec<u8>>> {
    use std::io::Read;
    match open_regular(path, Access::Read) {
        Ok(mut f) => {
            let mut bytes = Vec::with_capacity(f.metadata().map(|m| m.len() as usize).unwrap_or(0));
            f.read_to_end(&mut bytes)?;
            Ok(Some(bytes))
        }
        Err(e) if e.kind() == ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

pub fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Whether a folder is a team folder: its group may create files in it (group write and search).
pub fn is_team_folder(dir: &Metadata) -> bool {
    dir.mode() & 0o030 == 0o030
}

/// The rights of a file copil creates in `dir`, given the rights the creator's umask left it
/// (`created`): in a team folder, read and write for the group whatever the umask; never write
/// for others; nothing beyond read and write.
pub fn team_mode(created: u32, dir: &Metadata) -> u32 {
    let mut mode = created & 0o664;
    if is_team_folder(dir) {
        mode |= 0o660;
    }
    mode
}

/// Gives a file just created in `dir` the team's rights and group: the group of a team folder
/// (what a setgid folder gives by itself; done by hand when the folder is not setgid and the
/// creator belongs to its group), read-write for that group, never writable by others.
pub fn share_with_team(file: &File, dir: &Path) -> io::Result<()> {
    let Ok(dir_meta) = std::fs::metadata(dir) else { return Ok(()) };
    let meta = file.metadata()?;
    if is_team_folder(&dir_meta) && meta.gid() != dir_meta.gid() && Credentials::of_self().may_join(dir_meta.gid()) {
        // Best effort: a file system that refuses leaves the creator's group, which `check` reports.
        let _ = std::os::unix::fs::fchown(file, None, Some(dir_meta.gid()));
    }
    let mode = team_mode(meta.mode() & 0o777, &dir_meta);
    if mode != meta.mode() & 0o7777 {
        file.set_permissions(Permissions::from_mode(mode))?;
    }
    Ok(())
}

/// Whether the members of the folder's group can append to `journal` (a team folder's promise);
/// the reason when they cannot. `Ok(None)` when the folder is not a team folder (one person's
/// plan: nothing to say).
pub fn team_cannot_write(journal: &Path) -> io::Result<Option<TeamProblem>> {
    let dir = std::fs::metadata(folder_of(journal))?;
    if !is_team_folder(&dir) {
        return Ok(None);
    }
    let meta = match std::fs::symlink_metadata(journal) {
        Ok(m) => m,
        Err(e) if e.kind() == ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    };
    if FileKind::of(&meta).is_some() {
        return Ok(None); // refused on its own, more plainly
    }
    Ok(if meta.gid() != dir.gid() {
        Some(TeamProblem::OtherGroup { journal: meta.gid(), folder: dir.gid() })
    } else if meta.mode() & 0o020 == 0 {
        Some(TeamProblem::NoGroupWrite { mode: meta.mode() & 0o7777 })
    } else {
        None
    })
}

/// Why the folder's group cannot write the journal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TeamProblem {
    OtherGroup { journal: u32, folder: u32 },
    NoGroupWrite { mode: u32 },
}

impl crate::lang::Localized for TeamProblem {
    fn fmt_in(&self, l: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let why = match *self {
            TeamProblem::OtherGroup { journal, folder } => tr!(
                l,
                format!("il appartient au groupe {journal}, pas au groupe {folder} du dossier"),
                format!("it belongs to group {journal}, not to the folder's group {folder}")
            ),
            TeamProblem::NoGroupWrite { mode } => tr!(
                l,
                format!("ses droits ({mode:04o}) ne permettent pas au groupe d'y écrire"),
                format!("its mode ({mode:04o}) does not let the group write to it")
            ),
        };
        f.write_str(&tr!(l,
            format!(
                "le journal ne peut pas être modifié par le groupe du dossier : {why} ; les autres référents seront en lecture seule (chgrp/chmod g+w, voir « Servir une équipe sur un serveur » dans le README)"
            ),
            format!(
                "the journal cannot be written by the folder's group: {why}; other referents will be read-only (chgrp/chmod g+w, see \"Serving a team on one server\" in the README)"
            )
        ))
    }
}

/// Whether two paths name the same file (following links: a link to the plan is the plan).
pub fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::metadata(a), std::fs::metadata(b)) {
        (Ok(x), Ok(y)) => x.dev() == y.dev() && x.ino() == y.ino(),
        _ => false,
    }
}

/// The ids the kernel checks file permissions against: the effective uid and gid, and the
/// supplementary groups.
pub(crate) struct Credentials {
    pub uid: u32,
    pub gid: u32,
    pub groups: Vec<u32>,
}

impl Credentials {
    pub fn of_self() -> Credentials {
        let groups = rustix::process::getgroups().unwrap_or_default();
        Credentials {
            uid: rustix::process::geteuid().as_raw(),
            gid: rustix::process::getegid().as_raw(),
            groups: groups.into_iter().map(|g| g.as_raw()).collect(),
        }
    }

    pub fn in_group(&self, gid: u32) -> bool {
        self.gid == gid || self.groups.contains(&gid)
    }

    /// Whether this process may give its files the group `gid` (root may give any).
    fn may_join(&self, gid: u32) -> bool {
        self.uid == 0 || self.in_group(gid)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credentials_are_those_a_new_file_gets() {
        let dir = tempfile::tempdir().unwrap();
        let file = create_new(&dir.path().join("x")).unwrap();
        let meta = file.metadata().unwrap();
        let me = Credentials::of_self();
        assert_eq!(me.uid, meta.uid());
        assert!(me.in_group(meta.gid()), "{} not in {:?} / {}", meta.gid(), me.groups, me.gid);
        assert!(!me.in_group(u32::MAX - 1));
    }

    #[test]
    fn a_team_folder_gives_the_group_read_write_and_nobody_else_write() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::set_permissions(dir.path(), Permissions::from_mode(0o2770)).unwrap();
        let team = std::fs::metadata(dir.path()).unwrap();
        // umask 077 left 0600, 022 left 0644, 000 left 0666.
        assert_eq!(team_mode(0o600, &team), 0o660);
        assert_eq!(team_mode(0o644, &team), 0o664);
        assert_eq!(team_mode(0o666, &team), 0o664);
        std::fs::set_permissions(dir.path(), Permissions::from_mode(0o755)).unwrap();
        let mine = std::fs::metadata(dir.path()).unwrap();
        assert_eq!(team_mode(0o644, &mine), 0o644);
        assert_eq!(team_mode(0o666, &mine), 0o664, "never world-writable");
        assert_eq!(team_mode(0o600, &mine), 0o600);
    }

    #[test]
    fn symlinks_fifos_and_folders_are_refused_in_words() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("secret");
        std::fs::write(&target, "private").unwrap();
        let link = dir.path().join("link");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        for access in [Access::Read, Access::Append] {
            let e = open_regular(&link, access).unwrap_err();
            assert_eq!(NotRegular::find(&e).map(|n| n.kind), Some(FileKind::Symlink), "{e}");
            let e = open_regular(dir.path(), access).unwrap_err();
            assert_eq!(NotRegular::find(&e).map(|n| n.kind), Some(FileKind::Directory), "{e}");
        }
        let fifo = dir.path().join("fifo");
        assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
        // Neither blocks: a FIFO without a writer (read) or a reader (append).
        for access in [Access::Read, Access::Append] {
            let e = open_regular(&fifo, access).unwrap_err();
            assert_eq!(NotRegular::find(&e).map(|n| n.kind), Some(FileKind::Fifo), "{e}");
        }
        let e = open_regular(Path::new("/dev/null"), Access::Read).unwrap_err();
        assert_eq!(NotRegular::find(&e).map(|n| n.kind), Some(FileKind::Device));
        assert!(e.to_string().contains("pas un fichier ordinaire") || e.to_string().contains("not a regular file"));
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "private");
        assert!(create_new(&link).is_err(), "an existing name, even a dangling link, is never reused");
    }
}
