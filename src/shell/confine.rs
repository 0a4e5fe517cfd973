//! Confinement of the SSH shell to its PATH: every file a remote command names (a plan, an
//! output, a keymap or settings file) is resolved inside PATH, or refused.
//!
//! A name is refused when it has a `..` component, when it is absolute and not under PATH, and
//! when, resolved (symbolic links followed), it lands outside PATH. Outputs must be Markdown or
//! CSV documents, so that a report can never replace a plan or a journal.

use std::ffi::OsString;
use std::path::{Component, Path, PathBuf};

/// What a forced command serves: a folder of plans, or one plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Every plan (`*.ron`, not `*.journal.ron`) in the folder.
    Folder { root: PathBuf },
    /// Only this plan (`file`, a name in `root`).
    Plan { root: PathBuf, file: PathBuf },
}

/// Why a name given by a remote user is refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// A `..` component.
    Parent(String),
    /// Absolute and not under PATH, or resolving (through a symbolic link) outside it.
    Outside(String),
    /// Nothing by that name.
    Missing(String),
    /// Not a regular file (a folder, a device, a link to one…).
    NotAFile(String),
    /// A plan must be `NAME.ron`.
    NotAPlan(String),
    /// PATH is one plan and this is another.
    NotThisPlan(String),
    /// An output must be a document: `.md`, `.csv`, `.html`, `.odt`, `.ods` or `.xlsx`.
    NotADocument(String),
}

impl Scope {
    /// The scope of `copil shell --user P PATH`: PATH resolved once (the administrator wrote it).
    pub fn new(path: &Path) -> std::io::Result<Scope> {
        let full = std::fs::canonicalize(path)?;
        let meta = std::fs::metadata(&full)?;
        if meta.is_dir() {
            return Ok(Scope::Folder { root: full });
        }
        if !meta.is_file() {
            return Err(std::io::Error::new(std::io::ErrorKind::InvalidInput, path.display().to_string()));
        }
        let root = full.parent().map(Path::to_path_buf).unwrap_or_else(|| PathBuf::from("/"));
        let file = PathBuf::from(full.file_name().unwrap_or_default());
        Ok(Scope::Plan { root, file })
    }

    /// The folder every name is relative to (and the shell's working directory).
    pub fn root(&self) -> &Path {
        match self {
            Scope::Folder { root } | Scope::Plan { root, .. } => root,
        }
    }

    /// A plan named by the user, as a path relative to the root: `NAME`, `NAME.ron`,
    /// `sub/NAME.ron`, or an absolute path under PATH.
    pub fn plan(&self, arg: &Path) -> Result<PathBuf, Refusal> {
        let mut rel = self.lexical(arg)?;
        if !rel.to_string_lossy().ends_with(".ron") {
            let mut with: OsString = rel.clone().into_os_string();
            with.push(".ron");
            if self.root().join(&with).exists() {
                rel = PathBuf::from(with);
            } else {
                return Err(Refusal::NotAPlan(show(arg)));
            }
        }
        if rel.to_string_lossy().ends_with(".journal.ron") {
            return Err(Refusal::NotAPlan(show(arg)));
        }
        let full = self.resolved(arg, &rel)?;
        if !std::fs::metadata(&full).is_ok_and(|m| m.is_file()) {
            return Err(Refusal::NotAFile(show(arg)));
        }
        if let Scope::Plan { root, file } = self
            && full != root.join(file)
        {
            return Err(Refusal::NotThisPlan(show(arg)));
        }
        Ok(rel)
    }

    /// A file to read (a keymap, a settings file): an existing regular file inside PATH.
    pub fn input(&self, arg: &Path) -> Result<PathBuf, Refusal> {
        let rel = self.lexical(arg)?;
        let full = self.resolved(arg, &rel)?;
        if !std::fs::metadata(&full).is_ok_and(|m| m.is_file()) {
            return Err(Refusal::NotAFile(show(arg)));
        }
        Ok(rel)
    }

    /// A document to write (`-o`): `.md` or `.csv`, in a folder inside PATH, not a symbolic link
    /// and, if it exists, a regular file (it is replaced whole by a rename, never written through).
    pub fn output(&self, arg: &Path) -> Result<PathBuf, Refusal> {
        let rel = self.lexical(arg)?;
        let ext = rel.extension().map(|e| e.to_string_lossy().to_lowercase());
        if !matches!(ext.as_deref(), Some("md" | "csv" | "html" | "odt" | "ods" | "xlsx")) {
            return Err(Refusal::NotADocument(show(arg)));
        }
        let parent = rel.parent().unwrap_or(Path::new(""));
        let dir = self.resolved(arg, parent)?;
        if !dir.is_dir() {
            return Err(Refusal::Missing(show(arg)));
        }
        match std::fs::symlink_metadata(self.root().join(&rel)) {
            Ok(m) if m.file_type().is_symlink() => Err(Refusal::Outside(show(arg))),
            Ok(m) if !m.is_file() => Err(Refusal::NotAFile(show(arg))),
            _ => Ok(rel),
        }
    }

    /// The plans a chooser lists: a folder's `*.ron` files (not journals) that resolve inside it,
    /// sorted by name; or the one plan.
    pub fn plans(&self) -> Vec<PathBuf> {
        match self {
            Scope::Plan { file, .. } => vec![file.clone()],
            Scope::Folder { root } => {
                let Ok(dir) = std::fs::read_dir(root) else { return Vec::new() };
                let mut names: Vec<PathBuf> = dir
                    .filter_map(Result::ok)
                    .map(|e| PathBuf::from(e.file_name()))
                    .filter(|n| {
                        let s = n.to_string_lossy();
                        s.ends_with(".ron") && !s.ends_with(".journal.ron") && !s.starts_with('.')
                    })
                    .filter(|n| self.plan(n).is_ok())
                    .collect();
                names.sort();
                names
            }
        }
    }

    /// The name made relative to the root without touching the disk: no `..`, and an absolute
    /// name only under the root.
    fn lexical(&self, arg: &Path) -> Result<PathBuf, Refusal> {
        let rest = if arg.is_absolute() {
            arg.strip_prefix(self.root()).map_err(|_| Refusal::Outside(show(arg)))?
        } else {
            arg
        };
        let mut rel = PathBuf::new();
        for c in rest.components() {
            match c {
                Component::Normal(n) => rel.push(n),
                Component::CurDir => {}
                Component::ParentDir => return Err(Refusal::Parent(show(arg))),
                Component::RootDir | Component::Prefix(_) => return Err(Refusal::Outside(show(arg))),
            }
        }
        if rel.as_os_str().is_empty() {
            return Err(Refusal::Missing(show(arg)));
        }
        Ok(rel)
    }

    /// The file resolved (symbolic links followed): it must exist and stay inside the root.
    fn resolved(&self, arg: &Path, rel: &Path) -> Result<PathBuf, Refusal> {
        let full = std::fs::canonicalize(self.root().join(rel)).map_err(|_| Refusal::Missing(show(arg)))?;
        if !full.starts_with(self.root()) {
            return Err(Refusal::Outside(show(arg)));
        }
        Ok(full)
    }
}

fn show(p: &Path) -> String {
    p.display().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder() -> (tempfile::TempDir, Scope) {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.ron"), "(format: 1)").unwrap();
        std::fs::write(dir.path().join("a.journal.ron"), "").unwrap();
        std::fs::write(dir.path().join("notes.txt"), "").unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        std::fs::write(dir.path().join("sub/b.ron"), "").unwrap();
        let scope = Scope::new(dir.path()).unwrap();
        (dir, scope)
    }

    #[test]
    fn plans_resolve_inside_the_folder() {
        let (dir, s) = folder();
        assert_eq!(s.plan(Path::new("a.ron")), Ok(PathBuf::from("a.ron")));
        assert_eq!(s.plan(Path::new("a")), Ok(PathBuf::from("a.ron")));
        assert_eq!(s.plan(Path::new("./sub/b.ron")), Ok(PathBuf::from("sub/b.ron")));
        let abs = std::fs::canonicalize(dir.path()).unwrap().join("a.ron");
        assert_eq!(s.plan(&abs), Ok(PathBuf::from("a.ron")));
        assert_eq!(s.plans(), vec![PathBuf::from("a.ron")]);
    }

    #[test]
    fn escapes_are_refused() {
        let (dir, s) = folder();
        assert_eq!(s.plan(Path::new("../x.ron")), Err(Refusal::Parent("../x.ron".into())));
        assert_eq!(s.plan(Path::new("sub/../a.ron")), Err(Refusal::Parent("sub/../a.ron".into())));
        assert_eq!(s.plan(Path::new("/etc/passwd")), Err(Refusal::Outside("/etc/passwd".into())));
        assert_eq!(s.input(Path::new("/etc/passwd")), Err(Refusal::Outside("/etc/passwd".into())));
        assert_eq!(s.plan(Path::new("notes.txt")), Err(Refusal::NotAPlan("notes.txt".into())));
        assert_eq!(s.plan(Path::new("nothing.ron")), Err(Refusal::Missing("nothing.ron".into())));
        assert_eq!(s.plan(Path::new("sub")), Err(Refusal::NotAPlan("sub".into())));
        assert_eq!(s.plan(Path::new("a.journal")), Err(Refusal::NotAPlan("a.journal".into())));
        assert_eq!(s.plan(Path::new("a.journal.ron")), Err(Refusal::NotAPlan("a.journal.ron".into())));
        // A symbolic link out of the folder, to a plan or to a folder.
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("secret.ron"), "").unwrap();
        std::os::unix::fs::symlink(outside.path().join("secret.ron"), dir.path().join("link.ron")).unwrap();
        std::os::unix::fs::symlink(outside.path(), dir.path().join("out")).unwrap();
        assert_eq!(s.plan(Path::new("link.ron")), Err(Refusal::Outside("link.ron".into())));
        assert_eq!(s.plan(Path::new("out/secret.ron")), Err(Refusal::Outside("out/secret.ron".into())));
        assert_eq!(s.output(Path::new("out/r.md")), Err(Refusal::Outside("out/r.md".into())));
        assert!(!s.plans().contains(&PathBuf::from("link.ron")));
    }

    #[test]
    fn outputs_are_documents_inside_the_folder() {
        let (dir, s) = folder();
        assert_eq!(s.output(Path::new("r.md")), Ok(PathBuf::from("r.md")));
        assert_eq!(s.output(Path::new("sub/r.CSV")), Ok(PathBuf::from("sub/r.CSV")));
        // A report must never replace a plan or its journal.
        assert_eq!(s.output(Path::new("a.journal.ron")), Err(Refusal::NotADocument("a.journal.ron".into())));
        assert_eq!(s.output(Path::new("a.ron")), Err(Refusal::NotADocument("a.ron".into())));
        assert_eq!(s.output(Path::new("../r.md")), Err(Refusal::Parent("../r.md".into())));
        assert_eq!(s.output(Path::new("/tmp/r.md")), Err(Refusal::Outside("/tmp/r.md".into())));
        assert_eq!(s.output(Path::new("nowhere/r.md")), Err(Refusal::Missing("nowhere/r.md".into())));
        std::os::unix::fs::symlink("/etc/motd", dir.path().join("l.md")).unwrap();
        assert_eq!(s.output(Path::new("l.md")), Err(Refusal::Outside("l.md".into())));
    }

    #[test]
    fn one_plan_serves_only_itself() {
        let (dir, _) = folder();
        let s = Scope::new(&dir.path().join("a.ron")).unwrap();
        assert_eq!(s.plan(Path::new("a")), Ok(PathBuf::from("a.ron")));
        assert_eq!(s.plan(Path::new("sub/b.ron")), Err(Refusal::NotThisPlan("sub/b.ron".into())));
        assert_eq!(s.plans(), vec![PathBuf::from("a.ron")]);
    }
}
