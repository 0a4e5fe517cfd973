//! `copil keys PLAN`: the `authorized_keys` lines of a service account serving the plan's folder,
//! one per key declared on the plan's people, each forced to `copil shell --user ID FOLDER`.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::confine::Scope;

use crate::exit;
use crate::i18n::{self, Lang};
use crate::plan::model::Plan;
use crate::plan::ssh_key::KeyProblem;
use crate::sanitize::sanitize;
use crate::store::load;

/// Prints the lines for a plan (forced to the plan's folder) or for a folder's plans (every
/// plan's people, a person's key once): 0 when there are some, 1 when no person declares a key,
/// 2 when a plan does not load (a bad key is a load error, with its file:line:column), when one
/// key is declared for two different people, or when a name cannot be written safely.
pub fn print(l: Lang, path: &Path, out: &mut impl Write, err: &mut impl Write) -> i32 {
    let paths = std::env::current_exe().and_then(std::fs::canonicalize).and_then(|bin| Ok((bin, Scope::new(path)?)));
    let (bin, scope) = match paths {
        Ok(p) => p,
        Err(e) => {
            let _ = writeln!(
                err,
                "{}{}{e}",
                i18n::label(l, i18n::ERROR.get(l)),
                i18n::label(l, &path.display().to_string())
            );
            return exit::INVALID;
        }
    };
    let files: Vec<PathBuf> = match &scope {
        Scope::Plan { .. } => vec![path.to_path_buf()],
        Scope::Folder { root } => scope.plans().into_iter().map(|f| root.join(f)).collect(),
    };
    let mut plans = Vec::new();
    for file in files {
        match load::load(l, &file) {
            Ok(loaded) => plans.push((file, loaded.state.plan)),
            Err(d) => {
                let _ = writeln!(err, "{d}");
                return exit::INVALID;
            }
        }
    }
    let plans: Vec<(&Path, &Plan)> = plans.iter().map(|(f, p)| (f.as_path(), p)).collect();
    match lines(l, &plans, &bin, scope.root()) {
        Ok(lines) if lines.is_empty() => {
            let _ = writeln!(err, "{}", no_keys(l, &path.display().to_string()));
            exit::FLAGGED
        }
        Ok(lines) => {
            for l in lines {
                let _ = writeln!(out, "{l}");
            }
            exit::SUCCESS
        }
        Err(e) => {
            let _ = writeln!(err, "{}{}", i18n::label(l, i18n::ERROR.get(l)), sanitize(&e));
            exit::INVALID
        }
    }
}

/// The lines, a comment naming each person before their keys:
/// `command="BIN shell --user ID FOLDER",restrict,pty TYPE BASE64 COMMENT`.
/// `restrict` turns off forwarding of ports, agents and X11; `pty` lets the interface run.
/// A key found in several plans is written once; for two different people it is an error.
pub fn lines(l: Lang, plans: &[(&Path, &Plan)], bin: &Path, folder: &Path) -> Result<Vec<String>, String> {
    let bin = quoted(l, &bin.to_string_lossy())?;
    let folder = quoted(l, &folder.to_string_lossy())?;
    let mut owners: std::collections::HashMap<(String, String), (&str, &Path)> = Default::default();
    let mut out = Vec::new();
    for (file, plan) in plans {
        for p in &plan.people {
            let mut person = Vec::new();
            for key in &p.ssh_keys {
                let Some((kind, body)) = crate::plan::ssh_key::parts(key) else { continue };
                match owners.get(&(kind.to_string(), body.to_string())) {
                    Some((id, _)) if *id == p.id => continue,
                    Some((id, other)) => return Err(shared_key(l, id, other, &p.id, file)),
                    None => owners.insert((kind.to_string(), body.to_string()), (&p.id, file)),
                };
                let key = key.split_whitespace().collect::<Vec<_>>().join(" ");
                person
                    .push(format!("command=\"{bin} shell --user {} {folder}\",restrict,pty {key}", quoted(l, &p.id)?));
            }
            if !person.is_empty() {
                out.push(format!("# {} ({})", sanitize(&p.name), sanitize(&p.id)));
                out.append(&mut person);
            }
        }
    }
    Ok(out)
}

fn shared_key(l: Lang, first: &str, first_plan: &Path, second: &str, second_plan: &Path) -> String {
    tr!(
        l,
        format!(
            "une même clé SSH est déclarée pour « {first} » ({}) et « {second} » ({}) : sshd ne retiendrait que la première",
            first_plan.display(),
            second_plan.display()
        ),
        format!(
            "one SSH key is declared for \"{first}\" ({}) and \"{second}\" ({}): sshd would only use the first",
            first_plan.display(),
            second_plan.display()
        )
    )
}

/// A word for the shell that sshd runs the forced command with, also safe inside the
/// `command="…"` option: single-quoted when needed; refused when it holds a double quote, a
/// backslash or a control character.
fn quoted(l: Lang, word: &str) -> Result<String, String> {
    if word.is_empty() || word.chars().any(|c| c == '"' || c == '\\' || c.is_control()) {
        return Err(tr!(
            l,
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

fn no_keys(l: Lang, plan: &str) -> String {
    tr!(
        l,
        format!("aucune personne de {plan} ne déclare de clé (`ssh_keys`) : rien à écrire"),
        format!("no person of {plan} declares a key (`ssh_keys`): nothing to write")
    )
}

/// A load error's message for a bad key of `person`.
pub fn problem(l: Lang, person: &str, why: &KeyProblem) -> String {
    let what = match why {
        KeyProblem::ControlChar => tr!(
            l,
            "retour à la ligne ou caractère de contrôle".to_string(),
            "a line break or a control character".to_string()
        ),
        KeyProblem::Shape => tr!(l, "forme inattendue".to_string(), "unexpected shape".to_string()),
        KeyProblem::UnknownType(t) => tr!(l, format!("type « {t} » inconnu"), format!("unknown type \"{t}\"")),
        KeyProblem::Base64 => {
            tr!(l, "le deuxième mot n'est pas du base64".to_string(), "the second word is not base64".to_string())
        }
        KeyProblem::Mismatch => tr!(
            l,
            "le base64 n'est pas une clé du type annoncé".to_string(),
            "the base64 is not a key of the declared type".to_string()
        ),
        KeyProblem::Duplicate => tr!(
            l,
            "clé déclarée deux fois (sshd ne retiendrait que la première)".to_string(),
            "key declared twice (sshd would only use the first)".to_string()
        ),
    };
    let types = format!("{}, {}", crate::plan::ssh_key::KEY_TYPES.join(", "), crate::plan::ssh_key::RSA);
    tr!(
        l,
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
        let l = Lang::Fr;
        assert_eq!(quoted(l, "/srv/plans").unwrap(), "/srv/plans");
        assert_eq!(quoted(l, "/srv/plans 2026").unwrap(), "'/srv/plans 2026'");
        assert_eq!(quoted(l, "l'équipe").unwrap(), r"'l'\''équipe'");
        assert_eq!(quoted(l, "a$(rm)").unwrap(), "'a$(rm)'");
        assert!(quoted(l, "a\"b").is_err());
        assert!(quoted(l, "a\\b").is_err());
        assert!(quoted(l, "a\nb").is_err());
        assert!(quoted(l, "").is_err());
    }
}
