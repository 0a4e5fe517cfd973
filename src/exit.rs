//! The process's exit codes, one named set for every subcommand (the binary returns them as a
//! `std::process::ExitCode`; `--help` of each subcommand says which it uses).

/// Done as asked.
pub const SUCCESS: i32 = 0;
/// Done, with something to look at: warnings (`check`), nothing matched (`search`, `list`), a
/// broken hash chain or minutes that do not match (`verify`), no key declared (`keys`).
pub const FLAGGED: i32 = 1;
/// Refused before anything was done: the plan does not load, an unknown action or meeting, an
/// invalid argument or value.
pub const INVALID: i32 = 2;
/// The file (a journal line, a document) could not be written.
pub const NOT_WRITTEN: i32 = 3;
/// An edit the plan's `rights` do not allow its author: refused in words, nothing written.
pub const NO_RIGHT: i32 = 4;
/// `copil shell`: a refused command or path (as a shell says of a command it cannot run).
pub const REFUSED: i32 = 126;

/// The exit code as the process returns it.
pub fn code(code: i32) -> std::process::ExitCode {
    std::process::ExitCode::from(u8::try_from(code).unwrap_or(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_distinct_and_fit_a_process_status() {
        let all = [SUCCESS, FLAGGED, INVALID, NOT_WRITTEN, NO_RIGHT, REFUSED];
        for (i, a) in all.iter().enumerate() {
            assert!((0..=255).contains(a));
            assert!(all[i + 1..].iter().all(|b| a != b), "{a} twice");
        }
        assert_eq!(code(REFUSED), std::process::ExitCode::from(126));
        assert_eq!(code(-1), std::process::ExitCode::from(1));
    }
}
