//! The language mechanism: [`Lang`], the process's language ([`lang`], chosen once at start),
//! a fixed string in both languages ([`T`]) and the `tr!` and `t!` macros that pick one. A leaf:
//! it depends on nothing else in the crate, so the domain (`plan/`) may speak both languages
//! without depending on the interface's strings (`i18n`).

use std::sync::atomic::{AtomicU8, Ordering};

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Lang {
    Fr,
    En,
}

static LANG: AtomicU8 = AtomicU8::new(0);

pub fn set_lang(lang: Lang) {
    LANG.store(lang as u8, Ordering::Relaxed);
}

pub fn lang() -> Lang {
    if LANG.load(Ordering::Relaxed) == 1 { Lang::En } else { Lang::Fr }
}

/// The language of a locale name such as `en_GB.UTF-8` or `fr-FR`: English for `en*`, else French.
pub fn lang_of_locale(locale: &str) -> Lang {
    if locale.to_ascii_lowercase().starts_with("en") { Lang::En } else { Lang::Fr }
}

/// The language from the environment: LC_ALL, LC_MESSAGES, LANG, then the OS locale.
pub fn detect_lang() -> Lang {
    for var in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        if let Ok(v) = std::env::var(var)
            && !v.is_empty()
        {
            return lang_of_locale(&v);
        }
    }
    sys_locale::get_locale().map(|l| lang_of_locale(&l)).unwrap_or(Lang::Fr)
}

/// A fixed string in both languages.
#[derive(Clone, Copy, Debug)]
pub struct T {
    pub fr: &'static str,
    pub en: &'static str,
}

impl T {
    pub fn get(self) -> &'static str {
        match lang() {
            Lang::Fr => self.fr,
            Lang::En => self.en,
        }
    }
}

macro_rules! t {
    ($($name:ident = $fr:literal / $en:literal;)*) => {
        $(pub const $name: T = T { fr: $fr, en: $en };)*
    };
}

/// Picks the French or English formatted text.
macro_rules! tr {
    ($fr:expr, $en:expr $(,)?) => {
        match lang() {
            Lang::Fr => $fr,
            Lang::En => $en,
        }
    };
}
