//! Writing a new file, never replacing one: the bytes go to a temporary file with an
//! unpredictable name in the same directory (tempfile), are synced, then linked into place only if
//! nothing is there (`persist_noclobber`: no symlink followed, no race with someone creating the
//! file meanwhile).

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::i18n::Lang;

/// Fails with `AlreadyExists` when anything (a file, a directory, a symlink, even dangling) is at
/// `path`.
pub fn refuse_existing(path: &Path) -> std::io::Result<()> {
    match path.symlink_metadata() {
        Ok(_) => Err(std::io::Error::new(std::io::ErrorKind::AlreadyExists, "exists")),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e),
    }
}

fn dir_of(path: &Path) -> &Path {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    }
}

/// Creates `path` with `bytes`, whole and synced, or fails leaving nothing behind.
pub fn create_new(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    refuse_existing(path)?;
    let mut tmp = tempfile::Builder::new().prefix(".copil-new-").suffix(".tmp").tempfile_in(dir_of(path))?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist_noclobber(path).map_err(|e| e.error)?;
    Ok(())
}

/// Creates every file, or none: when one cannot be, those already created are removed.
pub fn create_all(files: &[(PathBuf, Vec<u8>)]) -> Result<(), (PathBuf, std::io::Error)> {
    for (p, _) in files {
        refuse_existing(p).map_err(|e| (p.clone(), e))?;
    }
    let mut done: Vec<&Path> = Vec::new();
    for (p, bytes) in files {
        if let Err(e) = create_new(p, bytes) {
            for d in done {
                let _ = std::fs::remove_file(d);
            }
            return Err((p.clone(), e));
        }
        done.push(p);
    }
    Ok(())
}

/// The message for a file that could not be created.
pub fn error_text(l: Lang, path: &Path, e: &std::io::Error) -> String {
    let p = path.display();
    if e.kind() == std::io::ErrorKind::AlreadyExists {
        return tr!(
            l,
            format!("{p} existe déjà : copil ne remplace jamais un fichier (choisissez un autre nom)"),
            format!("{p} already exists: copil never replaces a file (choose another name)")
        );
    }
    let why = crate::i18n::io_reason(l, e);
    tr!(
        l,
        format!("impossible d'écrire {p} ({why}) : rien n'a été écrit"),
        format!("cannot write {p} ({why}): nothing was written")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_replaces_a_file_a_directory_or_a_symlink() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("plan.ron");
        create_new(&file, b"one").unwrap();
        assert_eq!(create_new(&file, b"two").unwrap_err().kind(), std::io::ErrorKind::AlreadyExists);
        assert_eq!(std::fs::read(&file).unwrap(), b"one");
        #[cfg(unix)]
        {
            let target = dir.path().join("target");
            let link = dir.path().join("link.ron");
            std::os::unix::fs::symlink(&target, &link).unwrap();
            assert_eq!(create_new(&link, b"x").unwrap_err().kind(), std::io::ErrorKind::AlreadyExists);
            assert!(!target.exists(), "the dangling symlink was not followed");
        }
        let names: Vec<String> =
            std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into()).collect();
        assert!(names.iter().all(|n| !n.starts_with(".copil-new-")), "no temporary file left: {names:?}");
    }

    #[test]
    fn all_or_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.csv");
        let b = dir.path().join("b.csv");
        std::fs::write(&b, "mine").unwrap();
        let err = create_all(&[(a.clone(), b"1".to_vec()), (b.clone(), b"2".to_vec())]).unwrap_err();
        assert_eq!(err.0, b);
        assert!(!a.exists());
        assert_eq!(std::fs::read(&b).unwrap(), b"mine");
    }
}
