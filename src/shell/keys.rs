//! `copil keys PLAN`: the `authorized_keys` lines of a service account serving the plan's folder,
//! one per key declared on the plan's people, each forced to `copil shell --user ID FOLDER`.

use std::io::Write;
use std::path::Path;

use crate::i18n::{self, Lang, lang};
use crate::plan::model::Plan;
use crate::plan::ssh_key::KeyProblem;
use crate::sanitize::sanitize;
use crate::store::load;

/// Prints the lines: 0 when there are some, 1 when no person declares a key, 2 when the plan
/// does not load (a bad key is a load error, with its file:line:column) or a name cannot be
/// written safely into the file.
pub fn print(plan: &Path, out: &mut impl Write, err: &mut impl Write) -> i32 {
    let loaded = match load::load(plan) {
        Ok(l) => l,
        Err(d) => {
            let _ = writeln!(err, "{d}");
            return 2;
        }
    };
    let paths =
        std::env::current_exe().and_then(std::fs::canonicalize).and_then(|bin| Ok((bin, std::fs::canonicalize(plan)?)));
    let (bin, full) = match paths {
        Ok(p) => p,
        Err(e) => {
            let _ = writeln!(err, "{} : {e}", i18n::ERROR.get());
            return 2;
        }
    };
    let folder = full.parent().unwrap_or(Path::new("/"));
    match lines(&loaded.state.plan, &bin, folder) {
        Ok(lines) if lines.iter().all(|l| l.starts_with('#')) => {
            let _ = writeln!(err, "{}", no_keys(&plan.display().to_string()));
            1
        }
        Ok(lines) => {
            for l in lines {
                let _ = writeln!(out, "{l}");
            }
            0
        }
        Err(e) => {
            let _ = writeln!(err, "{} : {e}", i18n::ERROR.get());
            2
        }
    }
}

/// The lines, a comment naming each person before their keys:
/// `command="BIN shell --user ID FOLDER",restrict,pty TYPE BASE64 COMMENT`.
/// `restrict` turns off forwarding of ports, agents and X11; `pty` lets the interface run.
pub fn lines(plan: &Plan, bin: &Path, folder: &Path) -> Result<Vec<String>, String> {
    let bin = quoted(&bin.to_string_lossy())?;
    let folder = quoted(&folder.to_string_lossy())?;
    let mut out = Vec::new();
    for p in plan.people.iter().filter(|p| !p.ssh_keys.is_empty()) {
        let id = quoted(&p.id)?;
        out.push(format!("# {} ({})", sanitize(&p.name), sanitize(&p.id)));
        for key in &p.ssh_keys {
            let key = key.split_whitespace().collect::<Vec<_>>().join(" ");
            out.push(format!("command=\"{bin} shell --user {id} {folder}\",restrict,pty {key}"));
        }
    }
    Ok(out)
}

/// A word for the shell that sshd runs the forced command with, also safe inside the
/// `command="…"` option: single-quoted when needed; refused when it holds a double quote, a
/// backslash or a control character.
fn quoted(word: &str) -> Result<String, String> {
    if word.is_empty() || word.chars().any(|c| c == '"' || c == '\\' || c.is_control()) {
        return Err(tr!(
            format!(
                "« {} » ne peut pas figurer dans authorized_keys (guillemet, barre oblique inverse ou caractère de contrôle)",
                sanitize(word)
            ),
            format!(
                "\"{}\" cannot go into authorized_keys (a double quote, a backslash or a control character)",
                sanitize(word)
            )
        ));
    }
    if word.chars().all(|c| c.is_ascii_alphanumeric() || "_@%+=:,./-".contains(c)) {
        return Ok(word.to_string());
    }
    Ok(format!("'{}'", word.replace('\'', r"'\''")))
}

fn no_keys(plan: &str) -> String {
    tr!(
        format!("aucune personne de {plan} ne déclare de clé (`ssh_keys`) : rien à écrire"),
        format!("no person of {plan} declares a key (`ssh_keys`): nothing to write")
    )
}

/// A load error's message for a bad key of `person`.
pub fn problem(person: &str, why: &KeyProblem) -> String {
    let what = match why {
        KeyProblem::ControlChar => tr!(
            "retour à la ligne ou caractère de contrôle".to_string(),
            "a line break or a control character".to_string()
        ),
        KeyProblem::Shape => tr!("forme inattendue".to_string(), "unexpected shape".to_string()),
        KeyProblem::UnknownType(t) => tr!(format!("type « {t} » inconnu"), format!("unknown type \"{t}\"")),
        KeyProblem::Base64 => {
            tr!("le deuxième mot n'est pas du base64".to_string(), "the second word is not base64".to_string())
        }
        KeyProblem::Mismatch => tr!(
            "le base64 n'est pas une clé du type annoncé".to_string(),
            "the base64 is not a key of the declared type".to_string()
        ),
        KeyProblem::Duplicate => tr!(
            "clé déclarée deux fois (sshd ne retiendrait que la première)".to_string(),
            "key declared twice (sshd would only use the first)".to_string()
        ),
    };
    let types = format!("{}, {}", crate::plan::ssh_key::KEY_TYPES.join(", "), crate::plan::ssh_key::RSA);
    tr!(
        format!(
            "clé SSH de « {person} » invalide : {what} : attendu \"TYPE BASE64 [COMMENTAIRE]\" sur une ligne, TYPE parmi {types}"
        ),
        format!(
            "invalid SSH key of \"{person}\": {what}: expected \"TYPE BASE64 [COMMENT]\" on one line, TYPE one of {types}"
        )
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_quoted_for_the_shell_or_refused() {
        assert_eq!(quoted("/srv/plans").unwrap(), "/srv/plans");
        assert_eq!(quoted("/srv/plans 2026").unwrap(), "'/srv/plans 2026'");
        assert_eq!(quoted("l'équipe").unwrap(), r"'l'\''équipe'");
        assert_eq!(quoted("a$(rm)").unwrap(), "'a$(rm)'");
        assert!(quoted("a\"b").is_err());
        assert!(quoted("a\\b").is_err());
        assert!(quoted("a\nb").is_err());
        assert!(quoted("").is_err());
    }
}
