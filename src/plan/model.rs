//! The plan as written by hand: pure data types that mirror `plan-format.md` (format 1).
//!
//! Optional fields are `Option`s, optional lists default to empty. Unknown fields are refused
//! (`deny_unknown_fields`) so that a typo is an error that names the field and its line.

use std::fmt;

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

use crate::lang::{Lang, T};

/// A calendar date, written `"YYYY-MM-DD"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(pub NaiveDate);

impl Date {
    pub fn parse(s: &str) -> Option<Date> {
        // Exactly YYYY-MM-DD: chrono alone would also accept "2025-2-3".
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        NaiveDate::parse_from_str(s, "%Y-%m-%d").ok().map(Date)
    }

    pub fn ymd(y: i32, m: u32, d: u32) -> Date {
        Date(NaiveDate::from_ymd_opt(y, m, d).expect("valid date literal"))
    }

    pub fn today() -> Date {
        Date(chrono::Local::now().date_naive())
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.format("%Y-%m-%d"))
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Date::parse(&s).ok_or_else(|| de::Error::custom(bad_date(&s)))
    }
}

/// A point in time with its offset, written as an RFC 3339 string.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Timestamp(pub DateTime<FixedOffset>);

impl Timestamp {
    pub fn now() -> Timestamp {
        Timestamp(chrono::Local::now().fixed_offset())
    }
    pub fn date(&self) -> Date {
        Date(self.0.date_naive())
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.to_rfc3339_opts(chrono::SecondsFormat::Secs, false))
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        DateTime::parse_from_rfc3339(&s).map(Timestamp).map_err(|_| de::Error::custom(bad_timestamp(&s)))
    }
}

/// A whole amount of euros; negative amounts are refused while parsing, so the error points at them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct Amount(pub u64);

impl<'de> Deserialize<'de> for Amount {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let v = i64::deserialize(d)?;
        if v < 0 {
            return Err(de::Error::custom(negative_amount(v)));
        }
        u64::try_from(v).map(Amount).map_err(|_| de::Error::custom(negative_amount(v)))
    }
}

/// The value of an indicator point: a number, a yes/no milestone, or a qualitative text.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Number(f64),
    Bool(bool),
    Text(String),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueKind {
    Number,
    Bool,
    Text,
}

impl Value {
    pub fn kind(&self) -> ValueKind {
        match self {
            Value::Number(_) => ValueKind::Number,
            Value::Bool(_) => ValueKind::Bool,
            Value::Text(_) => ValueKind::Text,
        }
    }
    pub fn as_number(&self) -> Option<f64> {
        match self {
            Value::Number(n) => Some(*n),
            _ => None,
        }
    }
}

impl Serialize for Value {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Number(n) if n.fract() == 0.0 && n.abs() < 9e15 => s.serialize_i64(*n as i64),
            Value::Number(n) => s.serialize_f64(*n),
            Value::Bool(b) => s.serialize_bool(*b),
            Value::Text(t) => s.serialize_str(t),
        }
    }
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Value;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(EXPECTED_VALUE.get(crate::lang::parsing()))
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Value, E> {
                Ok(Value::Bool(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Value, E> {
                Ok(Value::Number(v as f64))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value, E> {
                Ok(Value::Number(v as f64))
            }
            fn visit_i128<E: de::Error>(self, v: i128) -> Result<Value, E> {
                Ok(Value::Number(v as f64))
            }
            fn visit_u128<E: de::Error>(self, v: u128) -> Result<Value, E> {
                Ok(Value::Number(v as f64))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
                if v.is_finite() {
                    Ok(Value::Number(v))
                } else {
                    Err(E::custom(EXPECTED_VALUE.get(crate::lang::parsing())))
                }
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Value, E> {
                Ok(Value::Text(v.to_string()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Value, E> {
                Ok(Value::Text(v))
            }
        }
        d.deserialize_any(V)
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
pub enum Status {
    #[default]
    NotStarted,
    InProgress,
    Done,
    Abandoned,
}

impl Status {
    pub const ALL: [Status; 4] = [Status::NotStarted, Status::InProgress, Status::Done, Status::Abandoned];
    pub fn index(self) -> usize {
        self as usize
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Direction {
    #[default]
    Increase,
    Decrease,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum BodyKind {
    Copil,
    Cotech,
    WorkingGroup,
    Other,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Plan", deny_unknown_fields)]
pub struct Plan {
    pub format: u32,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short_title: Option<String>,
    pub territory: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub adopted: Option<Date>,
    pub period: Period,
    #[serde(default)]
    pub people: Vec<Person>,
    #[serde(default)]
    pub bodies: Vec<Body>,
    /// Who may change what (`None`: anyone who can write the journal, as before).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rights: Option<super::rights::Rights>,
    #[serde(default)]
    pub orientations: Vec<Orientation>,
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Period {
    pub start: Date,
    pub end: Date,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Person", deny_unknown_fields)]
pub struct Person {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub org: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub login: Option<String>,
    /// SSH public keys (`TYPE BASE64 [COMMENT]`) that log in as this person: `copil keys`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ssh_keys: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Body", deny_unknown_fields)]
pub struct Body {
    pub id: String,
    pub name: String,
    pub kind: BodyKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cadence: Option<String>,
    #[serde(default)]
    pub chairs: Vec<String>,
    #[serde(default)]
    pub members: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Orientation", deny_unknown_fields)]
pub struct Orientation {
    pub id: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    #[serde(default)]
    pub actions: Vec<PlanAction>,
}

/// An action (fiche) of the plan; sub-actions have the same shape, at any depth.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Action", deny_unknown_fields)]
pub struct PlanAction {
    pub id: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default)]
    pub status: Status,
    #[serde(default)]
    pub pilots: Vec<String>,
    #[serde(default)]
    pub partners: Vec<String>,
    #[serde(default)]
    pub referents: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<Date>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub sections: Vec<Section>,
    #[serde(default)]
    pub milestones: Vec<Milestone>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget: Option<Budget>,
    #[serde(default)]
    pub indicators: Vec<Indicator>,
    #[serde(default)]
    pub sub_actions: Vec<PlanAction>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Section", deny_unknown_fields)]
pub struct Section {
    pub title: String,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Milestone", deny_unknown_fields)]
pub struct Milestone {
    pub date: Date,
    pub label: String,
    #[serde(default)]
    pub done: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Budget", deny_unknown_fields)]
pub struct Budget {
    pub planned: Amount,
    #[serde(default)]
    pub committed: Amount,
    #[serde(default)]
    pub spent: Amount,
    #[serde(default)]
    pub funders: Vec<Funding>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Funding", deny_unknown_fields)]
pub struct Funding {
    pub funder: String,
    pub amount: Amount,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Indicator", deny_unknown_fields)]
pub struct Indicator {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    #[serde(default)]
    pub direction: Direction,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<Point>,
    #[serde(default)]
    pub targets: Vec<Point>,
    #[serde(default)]
    pub measurements: Vec<Point>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

impl Indicator {
    /// The kind of value this indicator takes: that of its targets, else its baseline, else its
    /// first measurement; `None` when it has no value at all yet.
    pub fn value_kind(&self) -> Option<ValueKind> {
        self.targets.first().or(self.baseline.as_ref()).or(self.measurements.first()).map(|p| p.value.kind())
    }

    /// The latest measurement by date (the last written wins among equal dates).
    pub fn latest(&self) -> Option<&Point> {
        self.measurements.iter().enumerate().max_by(|(i, a), (j, b)| a.date.cmp(&b.date).then(i.cmp(j))).map(|(_, p)| p)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Point", deny_unknown_fields)]
pub struct Point {
    pub date: Date,
    pub value: Value,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
}

impl Plan {
    /// Every action of the plan, depth first, with its depth (0 for an orientation's actions).
    pub fn walk(&self) -> impl Iterator<Item = (&Orientation, &PlanAction, usize)> {
        self.orientations
            .iter()
            .flat_map(|o| o.actions.iter().flat_map(move |a| walk_action(a, 0).map(move |(a, d)| (o, a, d))))
    }

    pub fn action(&self, id: &str) -> Option<&PlanAction> {
        self.walk().map(|(_, a, _)| a).find(|a| a.id == id)
    }

    pub fn action_mut(&mut self, id: &str) -> Option<&mut PlanAction> {
        fn find<'a>(list: &'a mut [PlanAction], id: &str) -> Option<&'a mut PlanAction> {
            for a in list {
                if a.id == id {
                    return Some(a);
                }
                if let Some(found) = find(&mut a.sub_actions, id) {
                    return Some(found);
                }
            }
            None
        }
        self.orientations.iter_mut().find_map(|o| find(&mut o.actions, id))
    }

    pub fn person(&self, id: &str) -> Option<&Person> {
        self.people.iter().find(|p| p.id == id)
    }

    /// A person's display name, or the id itself for a free name (a guest, an organisation).
    pub fn person_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.person(id).map(|p| p.name.as_str()).unwrap_or(id)
    }

    pub fn body(&self, id: &str) -> Option<&Body> {
        self.bodies.iter().find(|b| b.id == id)
    }

    pub fn display_title(&self) -> &str {
        self.short_title.as_deref().unwrap_or(&self.title)
    }
}

/// Depth-first walk of an action and its sub-actions.
pub fn walk_action(a: &PlanAction, depth: usize) -> Box<dyn Iterator<Item = (&PlanAction, usize)> + '_> {
    Box::new(std::iter::once((a, depth)).chain(a.sub_actions.iter().flat_map(move |s| walk_action(s, depth + 1))))
}

// The messages of the values serde parses (the loader places them at the value).

const EXPECTED_VALUE: T =
    T { fr: "un nombre, true/false ou un texte entre guillemets", en: "a number, true/false or a quoted text" };

fn bad_date(s: &str) -> String {
    let l = crate::lang::parsing();
    tr!(
        l,
        format!("date invalide « {s} » : attendu une date réelle au format \"AAAA-MM-JJ\""),
        format!("invalid date \"{s}\": expected a real date written \"YYYY-MM-DD\""),
    )
}

fn bad_timestamp(s: &str) -> String {
    let l = crate::lang::parsing();
    tr!(
        l,
        format!("horodatage invalide « {s} » : attendu \"AAAA-MM-JJTHH:MM:SS+01:00\" (RFC 3339 avec décalage)"),
        format!("invalid time \"{s}\": expected \"YYYY-MM-DDTHH:MM:SS+01:00\" (RFC 3339 with offset)"),
    )
}

fn negative_amount(v: i64) -> String {
    let l = crate::lang::parsing();
    tr!(
        l,
        format!("montant négatif ({v}) : un montant est un nombre entier d'euros, positif ou nul"),
        format!("negative amount ({v}): an amount is a whole number of euros, zero or more"),
    )
}
