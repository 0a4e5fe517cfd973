//! The user's settings file: `config.ron` in the user's config directory (on Linux
//! `~/.config/copil/config.ron`), or the file given with `--config`. Every entry may be left out;
//! options on the command line win over the file.
//!
//! ```ron
//! (
//!     theme: "high-contrast", // default, light, high-contrast or monochrome
//!     present: false,         // start in projection mode
//!     minutes_format: "odt",  // md, odt or html: what `M` offers first (remembered by copil)
//! )
//! ```

use std::path::{Path, PathBuf};

use clap::ValueEnum;
use serde::Deserialize;

use crate::i18n::{self, Lang};

/// The themes a user can choose (`--theme`, or `theme` in the config file).
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ThemeName {
    /// The 16 ANSI colours on the terminal's own background.
    Default,
    /// For terminals with a light background.
    Light,
    /// White and bright colours on black, bold: the projector's theme.
    HighContrast,
    /// No colour (also chosen by NO_COLOR).
    Monochrome,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    #[serde(default)]
    pub theme: Option<String>,
    #[serde(default)]
    pub present: bool,
    /// Start on my actions (as pilot or referent): the `est:moi` filter (the `M` key).
    #[serde(default)]
    pub mine: bool,
    /// The format `M` offers first; copil writes it here when another one is chosen.
    #[serde(default)]
    pub minutes_format: Option<String>,
}

/// Remembers the minutes format in the settings file: the `minutes_format` entry is replaced, or
/// added after the opening parenthesis, the rest of the file (comments included) kept as it is; a
/// missing file is created. The file is replaced whole (`store::export`), and not written when
/// it does not parse.
pub fn remember_minutes_format(l: Lang, path: &Path, format: crate::minutes::MinutesFormat) -> Result<(), String> {
    let name = path.display().to_string();
    let value = format!("minutes_format: \"{}\"", format.extension());
    let text = match std::fs::symlink_metadata(path) {
        Ok(m) if m.is_file() => std::fs::read_to_string(path).map_err(|e| i18n::io_error(l, &name, &e))?,
        Ok(_) => return Err(i18n::io_error(l, &name, &std::io::Error::other("not a regular file"))),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(i18n::io_error(l, &name, &e)),
    };
    let new = if text.trim().is_empty() {
        format!("(\n    {value},\n)\n")
    } else {
        Config::parse(l, &name, &text)?;
        match find_entry(&text, "minutes_format") {
            Some((start, end)) => format!("{}{value}{}", &text[..start], &text[end..]),
            None => {
                let open = text.find('(').ok_or_else(|| i18n::io_error(l, &name, &std::io::Error::other("no '('")))?;
                format!("{}\n    {value},{}", &text[..=open], &text[open + 1..])
            }
        }
    };
    Config::parse(l, &name, &new)?;
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| i18n::io_error(l, &name, &e))?;
    }
    crate::store::export::write_replacing(path, new.as_bytes()).map_err(|e| i18n::io_error(l, &name, &e))
}

/// The span of `key: "value"` in a settings file, outside comments.
fn find_entry(text: &str, key: &str) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if text[i..].starts_with("//") {
            i += text[i..].find('\n').unwrap_or(text.len() - i);
        } else if text[i..].starts_with("/*") {
            i += text[i..].find("*/").map(|e| e + 2).unwrap_or(text.len() - i);
        } else if bytes[i] == b'"' {
            let mut j = i + 1;
            while j < bytes.len() && bytes[j] != b'"' {
                j += if bytes[j] == b'\\' { 2 } else { 1 };
            }
            i = j + 1;
        } else if text[i..].starts_with(key)
            && (i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_'))
        {
            let rest = &text[i + key.len()..];
            let after_colon = rest.trim_start().strip_prefix(':')?;
            let value = after_colon.trim_start();
            let value_at = text.len() - value.len();
            let end = if let Some(v) = value.strip_prefix('"') {
                value_at + 1 + v.find('"')? + 1
            } else {
                value_at + value.find([',', ')', '\n']).unwrap_or(value.len())
            };
            return Some((i, end));
        } else {
            i += text[i..].chars().next().map(char::len_utf8).unwrap_or(1);
        }
    }
    None
}

/// A settings file naming a minutes format copil does not write.
fn bad_format(l: Lang, file: &str, bad: &str) -> String {
    tr!(
        l,
        format!("{file} : format de relevé inconnu « {bad} » : attendu md, odt ou html"),
        format!("{file}: unknown minutes format \"{bad}\": expected md, odt or html")
    )
}

/// Where the settings file is looked for when `--config` is not given.
pub fn default_path() -> Option<PathBuf> {
    dirs::config_dir().map(|d| d.join("copil").join("config.ron"))
}

impl Config {
    /// The file given (which must exist), else the default one if it exists, else no settings.
    /// A file that cannot be read or does not parse is an error that says where.
    pub fn load(l: Lang, path: Option<&Path>) -> Result<Config, String> {
        let Some(path) = path.map(Path::to_path_buf).or_else(|| default_path().filter(|p| p.exists())) else {
            return Ok(Config::default());
        };
        let name = path.display().to_string();
        let text = std::fs::read_to_string(&path).map_err(|e| i18n::io_error(l, &name, &e))?;
        Config::parse(l, &name, &text)
    }

    pub fn parse(l: Lang, name: &str, text: &str) -> Result<Config, String> {
        let config: Config =
            crate::ron_format::options().from_str(text).map_err(|e| i18n::settings_error(l, name, &e))?;
        config.theme_name().map_err(|bad| i18n::bad_theme(l, name, &bad))?;
        config.minutes_format().map_err(|bad| bad_format(l, name, &bad))?;
        Ok(config)
    }

    /// The minutes format the file names, if any; `Err` with the name when it is not one.
    pub fn minutes_format(&self) -> Result<Option<crate::minutes::MinutesFormat>, String> {
        match &self.minutes_format {
            None => Ok(None),
            Some(s) => crate::minutes::MinutesFormat::from_str(s, true).map(Some).map_err(|_| s.clone()),
        }
    }

    /// The theme the file names, if any; `Err` with the name when it is not a theme.
    pub fn theme_name(&self) -> Result<Option<ThemeName>, String> {
        match &self.theme {
            None => Ok(None),
            Some(s) => ThemeName::from_str(s, true).map(Some).map_err(|_| s.clone()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_theme_and_projection_are_read() {
        let l = Lang::Fr;
        let c = Config::parse(l, "c.ron", "(theme: \"high-contrast\", present: true)").unwrap();
        assert_eq!(c.theme_name(), Ok(Some(ThemeName::HighContrast)));
        assert!(c.present);
        let empty = Config::parse(l, "c.ron", "()").unwrap();
        assert_eq!(empty.theme_name(), Ok(None));
        assert!(!empty.present);
    }

    #[test]
    fn a_bad_file_says_where_and_what() {
        let l = Lang::Fr;
        let e = Config::parse(l, "c.ron", "(theme: \"pink\")").unwrap_err();
        assert!(e.contains("c.ron") && e.contains("pink") && e.contains("high-contrast"), "{e}");
        let e = Config::parse(l, "c.ron", "(\n  colour: \"x\")").unwrap_err();
        assert!(e.contains("c.ron:2:"), "{e}");
    }
}
