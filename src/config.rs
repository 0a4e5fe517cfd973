//! The user's settings file: `config.ron` in the user's config directory (on Linux
//! `~/.config/copil/config.ron`), or the file given with `--config`. Every entry may be left out;
//! options on the command line win over the file.
//!
//! ```ron
//! (
//!     theme: "high-contrast", // default, light, high-contrast or monochrome
//!     present: false,         // start in projection mode
//! )
//! ```

use std::path::{Path, PathBuf};

use clap::ValueEnum;
use serde::Deserialize;

use crate::i18n;
use crate::tui::view::theme::ThemeName;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    #[serde(default)]
    pub theme: Option<String>,
    #[serde(default)]
    pub present: bool,
}

/// Where the settings file is looked for when `--config` is not given.
pub fn default_path() -> Option<PathBuf> {
    dirs::config_dir().map(|d| d.join("copil").join("config.ron"))
}

impl Config {
    /// The file given (which must exist), else the default one if it exists, else no settings.
    /// A file that cannot be read or does not parse is an error that says where.
    pub fn load(path: Option<&Path>) -> Result<Config, String> {
        let Some(path) = path.map(Path::to_path_buf).or_else(|| default_path().filter(|p| p.exists())) else {
            return Ok(Config::default());
        };
        let name = path.display().to_string();
        let text = std::fs::read_to_string(&path).map_err(|e| i18n::io_error(&name, &e))?;
        Config::parse(&name, &text)
    }

    pub fn parse(name: &str, text: &str) -> Result<Config, String> {
        let config: Config =
            crate::store::load::ron_options().from_str(text).map_err(|e| i18n::settings_error(name, &e))?;
        config.theme_name().map_err(|bad| i18n::bad_theme(name, &bad))?;
        Ok(config)
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
        let c = Config::parse("c.ron", "(theme: \"high-contrast\", present: true)").unwrap();
        assert_eq!(c.theme_name(), Ok(Some(ThemeName::HighContrast)));
        assert!(c.present);
        let empty = Config::parse("c.ron", "()").unwrap();
        assert_eq!(empty.theme_name(), Ok(None));
        assert!(!empty.present);
    }

    #[test]
    fn a_bad_file_says_where_and_what() {
        let e = Config::parse("c.ron", "(theme: \"pink\")").unwrap_err();
        assert!(e.contains("c.ron") && e.contains("pink") && e.contains("high-contrast"), "{e}");
        let e = Config::parse("c.ron", "(\n  colour: \"x\")").unwrap_err();
        assert!(e.contains("c.ron:2:"), "{e}");
    }
}
