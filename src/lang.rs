//! The language mechanism: [`Lang`], a fixed string in both languages ([`T`]), the `tr!` and `t!`
//! macros that pick one, and [`Localized`] for values (errors, diagnostics) that are said in a
//! language given when they are shown. A leaf: it depends on nothing else in the crate, so the
//! domain (`plan/`) may speak both languages without depending on the interface's strings.
//!
//! The language is a value passed to whatever speaks: chosen once at start (`--lang`, the
//! locale), then carried by `Global` (the commands), `App`, `view::Ctx` and `update::Env` (the
//! interface), and given as an argument to the documents and the diagnostics. The one ambient
//! language is [`parsing`]: serde's `Deserialize` implementations cannot take an argument, so the
//! loader sets it for the duration of one parse ([`parsing_in`]) and the parse messages read it.

use std::cell::Cell;
use std::fmt;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Lang {
    #[default]
    Fr,
    En,
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

thread_local! {
    static PARSING: Cell<Lang> = const { Cell::new(Lang::Fr) };
}

/// Runs a parse with `l` as the language of serde's messages (see [`parsing`]), on this thread
/// only, restoring the previous one after.
pub fn parsing_in<R>(l: Lang, parse: impl FnOnce() -> R) -> R {
    let before = PARSING.with(|p| p.replace(l));
    let out = parse();
    PARSING.with(|p| p.set(before));
    out
}

/// The language of the messages a `Deserialize` implementation writes: the one the loader set
/// around the parse ([`parsing_in`]); French outside one.
pub fn parsing() -> Lang {
    PARSING.with(Cell::get)
}

/// A fixed string in both languages.
#[derive(Clone, Copy, Debug)]
pub struct T {
    pub fr: &'static str,
    pub en: &'static str,
}

impl T {
    pub fn get(self, l: Lang) -> &'static str {
        match l {
            Lang::Fr => self.fr,
            Lang::En => self.en,
        }
    }
}

/// A value said in words in a language given when it is shown: `x.in_lang(l)` displays it,
/// `x.text(l)` gives the text.
pub trait Localized {
    fn fmt_in(&self, l: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result;

    fn in_lang(&self, l: Lang) -> InLang<'_, Self> {
        InLang(self, l)
    }

    fn text(&self, l: Lang) -> String {
        self.in_lang(l).to_string()
    }
}

/// A [`Localized`] value with its language: it implements `Display`.
pub struct InLang<'a, V: ?Sized>(&'a V, Lang);

impl<V: Localized + ?Sized> fmt::Display for InLang<'_, V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt_in(self.1, f)
    }
}

macro_rules! t {
    ($($name:ident = $fr:literal / $en:literal;)*) => {
        $(pub const $name: T = T { fr: $fr, en: $en };)*
    };
}

/// Picks the French or English formatted text: `tr!(l, french, english)`.
macro_rules! tr {
    ($l:expr, $fr:expr, $en:expr $(,)?) => {
        match $l {
            Lang::Fr => $fr,
            Lang::En => $en,
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_parsing_language_is_scoped_to_the_parse_and_the_thread() {
        assert_eq!(parsing(), Lang::Fr);
        let inside = parsing_in(Lang::En, || (parsing(), std::thread::spawn(parsing).join().unwrap()));
        assert_eq!(inside, (Lang::En, Lang::Fr));
        assert_eq!(parsing(), Lang::Fr);
    }

    #[test]
    fn a_fixed_string_and_tr_follow_the_language_given() {
        const HELLO: T = T { fr: "bonjour", en: "hello" };
        assert_eq!((HELLO.get(Lang::Fr), HELLO.get(Lang::En)), ("bonjour", "hello"));
        let said = |l: Lang| tr!(l, "oui", "yes");
        assert_eq!((said(Lang::Fr), said(Lang::En)), ("oui", "yes"));
    }
}
