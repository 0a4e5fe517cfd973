//! SSH public keys declared on a plan's people (`ssh_keys`): the checks that make a key safe to
//! print into an `authorized_keys` file. Pure: no disk.

use base64::Engine;

/// The key types OpenSSH accepts in `authorized_keys` for a person's own key.
pub const KEY_TYPES: [&str; 6] = [
    "ssh-ed25519",
    "ecdsa-sha2-nistp256",
    "ecdsa-sha2-nistp384",
    "ecdsa-sha2-nistp521",
    "sk-ssh-ed25519@openssh.com",
    "sk-ecdsa-sha2-nistp256@openssh.com",
];

/// RSA keys are accepted too (many administrations still issue them).
pub const RSA: &str = "ssh-rsa";

/// Why a declared key is refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KeyProblem {
    /// A line break or another control character: it would add a line to `authorized_keys`.
    ControlChar,
    /// Not `TYPE BASE64 [COMMENT]` (options such as `command=` are copil's to write, not the plan's).
    Shape,
    /// The first word is not a key type OpenSSH knows.
    UnknownType(String),
    /// The second word is not base64.
    Base64,
    /// The base64 decodes, but not to a key of the declared type.
    Mismatch,
    /// The same key is declared twice (for one person or two): sshd would pick the first.
    Duplicate,
}

/// The key's type and its base64 body (what identifies it, without the comment).
pub fn parts(key: &str) -> Option<(&str, &str)> {
    let mut words = key.split_whitespace();
    Some((words.next()?, words.next()?))
}

/// Checks one key: `TYPE BASE64 [COMMENT]`, a known type, base64 that decodes to a key blob whose
/// own type name is the declared one.
pub fn check(key: &str) -> Result<(), KeyProblem> {
    if key.chars().any(char::is_control) {
        return Err(KeyProblem::ControlChar);
    }
    let (kind, body) = parts(key).ok_or(KeyProblem::Shape)?;
    if !KEY_TYPES.contains(&kind) && kind != RSA {
        return Err(if kind.contains('=') || kind.contains(',') || kind.contains('"') {
            KeyProblem::Shape
        } else {
            KeyProblem::UnknownType(kind.to_string())
        });
    }
    let blob = base64::engine::general_purpose::STANDARD.decode(body).map_err(|_| KeyProblem::Base64)?;
    // An SSH key blob starts with its type as a length-prefixed string (RFC 4253, 6.6).
    let len = blob.get(..4).map(|b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]) as usize);
    let inner = len.and_then(|n| blob.get(4..4 + n));
    if inner != Some(kind.as_bytes()) {
        return Err(KeyProblem::Mismatch);
    }
    let rest = &blob[4 + kind.len()..];
    if rest.is_empty() || (kind == "ssh-ed25519" && rest.len() != 4 + 32) {
        return Err(KeyProblem::Mismatch);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    pub const ED25519: &str =
        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIClPpmz58G+KYnZMkpWhS5jP+SdNuOnyWHzMvt6bvFDh alice@laptop";
    const ECDSA: &str = "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBHBGT3MuB1ebl0MgG/xpIfp7+gpJEAeOIrk7Sm7XoAaD32OnODraxfkHoUEZBpawk/fhARfNv8plcsl+OYHiFJw= bob";

    #[test]
    fn real_keys_pass() {
        assert_eq!(check(ED25519), Ok(()));
        assert_eq!(check(ECDSA), Ok(()));
        // The comment is optional.
        assert_eq!(check(&ED25519[..ED25519.rfind(' ').unwrap()]), Ok(()));
    }

    #[test]
    fn bad_keys_say_why() {
        assert_eq!(check("ssh-ed25519"), Err(KeyProblem::Shape));
        assert_eq!(check("ssh-dss AAAAB3NzaC1kc3MAAACBAP"), Err(KeyProblem::UnknownType("ssh-dss".into())));
        assert_eq!(check("command=\"sh\" ssh-ed25519 AAAA"), Err(KeyProblem::Shape));
        assert_eq!(check("ssh-ed25519 AAAA!!!! x"), Err(KeyProblem::Base64));
        // An ECDSA body declared as ed25519.
        let swapped = ECDSA.replacen("ecdsa-sha2-nistp256", "ssh-ed25519", 1);
        assert_eq!(check(&swapped), Err(KeyProblem::Mismatch));
        // A truncated ed25519 key.
        assert_eq!(check("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIClPpmz58G+KYnZM"), Err(KeyProblem::Mismatch));
        // A line break would smuggle a second, unrestricted line into authorized_keys.
        assert_eq!(check(&format!("{ED25519}\nssh-ed25519 AAAA")), Err(KeyProblem::ControlChar));
    }
}
