//! The widgets a form is made of: a text input and a choice among options. Each knows its label
//! and how the form keys change it; a form lists its widgets in order (`FieldRef`, `FieldMut`)
//! for the focus and the drawing.

use crate::lang::Lang;
use tui_input::{Input, InputRequest};

use crate::i18n::{self, T};
use crate::plan::model::Plan;

/// A text input (tui-input), on one line or several.
#[derive(Clone, Debug)]
pub struct TextField {
    label: T,
    /// A label of the field's own, when `label` (a fixed string of `i18n`) does not say it.
    own_label: Option<&'static str>,
    pub input: Input,
    /// A text that may span several lines (`NewLine` inserts a line break).
    pub multiline: bool,
    /// Names offered with ↑ ↓ (the plan's people, for an owner); free text stays allowed.
    pub suggestions: Vec<String>,
}

impl TextField {
    /// A one-line text, `initial` typed in it.
    pub fn new(label: T, initial: &str) -> TextField {
        TextField {
            label,
            own_label: None,
            input: Input::new(initial.to_string()),
            multiline: false,
            suggestions: Vec::new(),
        }
    }

    /// A text that may span several lines, empty.
    pub fn long(label: T) -> TextField {
        TextField { multiline: true, ..TextField::new(label, "") }
    }

    /// An owner: free text, or one of the plan's people chosen with ↑ ↓.
    pub fn owner(plan: &Plan) -> TextField {
        let names = plan.people.iter().map(|p| crate::sanitize::sanitize(&p.name).into_owned()).collect();
        TextField { suggestions: names, ..TextField::new(i18n::F_OWNER, "") }
    }

    /// The same field, shown with a label of its own.
    pub fn labelled(self, label: &'static str) -> TextField {
        TextField { own_label: Some(label), ..self }
    }

    /// The label shown above the field.
    pub fn label(&self, l: Lang) -> &'static str {
        self.own_label.unwrap_or_else(|| self.label.get(l))
    }

    /// What is typed.
    pub fn value(&self) -> &str {
        self.input.value()
    }

    /// The suggestions that match what is typed (accents and case aside); all when none does.
    pub fn matching_suggestions(&self) -> Vec<&str> {
        let typed = crate::search::fold(self.value().trim());
        let all: Vec<&str> = self.suggestions.iter().map(String::as_str).collect();
        if typed.is_empty() {
            return all;
        }
        let found: Vec<&str> = all.iter().copied().filter(|n| crate::search::fold(n).contains(&typed)).collect();
        if found.is_empty() { all } else { found }
    }

    /// ↑ ↓ on a field with suggestions: the next (or previous) person, replacing the text.
    fn suggest(&mut self, forward: bool) {
        let names = &self.suggestions;
        let current = self.value().trim().to_string();
        let next = match names.iter().position(|n| *n == current) {
            Some(i) if forward => names[(i + 1) % names.len()].clone(),
            Some(i) => names[(i + names.len() - 1) % names.len()].clone(),
            None => {
                let m = self.matching_suggestions();
                let pick = if forward { m.first() } else { m.last() };
                pick.map(|s| s.to_string()).unwrap_or_default()
            }
        };
        self.input = Input::new(next);
    }

    /// In a multi-line text, a line break at the cursor; on one line, nothing.
    fn new_line(&mut self) {
        if self.multiline {
            self.input.handle(InputRequest::InsertChar('\n'));
        }
    }
}

/// One of several options, shown as a list; `options` are already display texts.
#[derive(Clone, Debug)]
pub struct ChoiceField {
    label: T,
    options: Vec<String>,
    selected: usize,
    /// The options are the statuses (`Status::ALL`, in order), drawn with their symbols.
    pub statuses: bool,
}

impl ChoiceField {
    /// A choice, its first option selected.
    pub fn new(label: T, options: Vec<String>) -> ChoiceField {
        ChoiceField { label, options, selected: 0, statuses: false }
    }

    /// The same choice, its options being the statuses in `Status::ALL`'s order.
    pub fn of_statuses(self) -> ChoiceField {
        ChoiceField { statuses: true, ..self }
    }

    /// The same choice, option `i` selected (clamped to its options).
    pub fn selecting(mut self, i: usize) -> ChoiceField {
        self.select(i);
        self
    }

    pub fn label(&self, l: Lang) -> &'static str {
        self.label.get(l)
    }

    pub fn options(&self) -> &[String] {
        &self.options
    }

    /// The index of the selected option.
    pub fn selected(&self) -> usize {
        self.selected
    }

    /// Selects an option (clamped to the options).
    pub fn select(&mut self, i: usize) {
        self.selected = i.min(self.options.len().saturating_sub(1));
    }

    /// The next (or previous) option, round.
    fn step(&mut self, forward: bool) {
        let n = self.options.len().max(1);
        self.selected = if forward { (self.selected + 1) % n } else { (self.selected + n - 1) % n };
    }
}

/// A widget of a form, as the view draws it.
#[derive(Clone, Copy, Debug)]
pub enum FieldRef<'a> {
    Text(&'a TextField),
    Choice(&'a ChoiceField),
}

impl FieldRef<'_> {
    pub fn label(&self, l: Lang) -> &'static str {
        match self {
            FieldRef::Text(t) => t.label(l),
            FieldRef::Choice(c) => c.label(l),
        }
    }

    /// Whether both are the same widget (not merely equal ones).
    pub fn is(&self, other: FieldRef<'_>) -> bool {
        match (self, other) {
            (FieldRef::Text(a), FieldRef::Text(b)) => std::ptr::eq(*a, b),
            (FieldRef::Choice(a), FieldRef::Choice(b)) => std::ptr::eq(*a, b),
            _ => false,
        }
    }
}

impl<'a> From<&'a TextField> for FieldRef<'a> {
    fn from(t: &'a TextField) -> Self {
        FieldRef::Text(t)
    }
}

impl<'a> From<&'a ChoiceField> for FieldRef<'a> {
    fn from(c: &'a ChoiceField) -> Self {
        FieldRef::Choice(c)
    }
}

/// A widget of a form, as the keys change it.
#[derive(Debug)]
pub enum FieldMut<'a> {
    Text(&'a mut TextField),
    Choice(&'a mut ChoiceField),
}

/// What Up or Down did on the focused widget.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Stepped {
    /// The widget took the key (another option, another suggested name).
    Changed,
    /// A plain text: the key moves to the next or previous field.
    MoveFocus,
}

impl<'a> FieldMut<'a> {
    /// The text input under the focus, for the keys that type.
    pub fn into_input(self) -> Option<&'a mut Input> {
        match self {
            FieldMut::Text(t) => Some(&mut t.input),
            FieldMut::Choice(_) => None,
        }
    }

    /// Up/Down: on a choice, another option; on a text with suggestions, another name; on
    /// another text, nothing (the form moves the focus).
    pub(super) fn step(self, forward: bool) -> Stepped {
        match self {
            FieldMut::Text(t) if !t.suggestions.is_empty() => t.suggest(forward),
            FieldMut::Text(_) => return Stepped::MoveFocus,
            FieldMut::Choice(c) => c.step(forward),
        }
        Stepped::Changed
    }

    pub(super) fn new_line(self) {
        if let FieldMut::Text(t) = self {
            t.new_line();
        }
    }
}

impl<'a> From<&'a mut TextField> for FieldMut<'a> {
    fn from(t: &'a mut TextField) -> Self {
        FieldMut::Text(t)
    }
}

impl<'a> From<&'a mut ChoiceField> for FieldMut<'a> {
    fn from(c: &'a mut ChoiceField) -> Self {
        FieldMut::Choice(c)
    }
}

/// The widgets of one form, in the order they are shown and the focus goes through them.
pub trait Fields {
    fn fields(&self) -> Vec<FieldRef<'_>>;
    fn fields_mut(&mut self) -> Vec<FieldMut<'_>>;
}

/// Implements `Fields` for a form struct from the names of its widgets, in order: the one list
/// both the drawing and the keys follow.
macro_rules! fields {
    ($form:ty: $($field:ident),+ $(,)?) => {
        impl $crate::tui::form::field::Fields for $form {
            fn fields(&self) -> Vec<$crate::tui::form::field::FieldRef<'_>> {
                vec![$((&self.$field).into()),+]
            }
            fn fields_mut(&mut self) -> Vec<$crate::tui::form::field::FieldMut<'_>> {
                vec![$((&mut self.$field).into()),+]
            }
        }
    };
}
pub(super) use fields;
