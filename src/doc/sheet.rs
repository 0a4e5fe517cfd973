//! A workbook as data, rendered by [`super::ods`] and [`super::xlsx`]: sheets of typed cells, so
//! that numbers are numbers, dates are dates and amounts are euros in both formats. Every sheet
//! has one heading row, frozen, with filters over the whole table.

use crate::plan::model::Date;

#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    /// Whole euros, shown as a currency.
    Euros(u64),
    Date(Date),
    /// A share, 0.0 to 1.0, shown as a percentage.
    Percent(f64),
}

impl Cell {
    pub fn text(s: impl AsRef<str>) -> Cell {
        Cell::Text(crate::sanitize::sanitize_multiline(s.as_ref()).into_owned())
    }
    pub fn opt_date(d: Option<Date>) -> Cell {
        d.map(Cell::Date).unwrap_or(Cell::Empty)
    }
    pub fn opt_euros(e: Option<u64>) -> Cell {
        e.map(Cell::Euros).unwrap_or(Cell::Empty)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Sheet {
    pub name: String,
    pub head: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
    /// Column widths in characters (a missing one: 12).
    pub widths: Vec<f64>,
}

impl Sheet {
    pub fn new(name: &str, head: &[&str], widths: &[f64]) -> Sheet {
        Sheet {
            name: name.to_string(),
            head: head.iter().map(|h| h.to_string()).collect(),
            rows: Vec::new(),
            widths: widths.to_vec(),
        }
    }
    pub fn width(&self, col: usize) -> f64 {
        self.widths.get(col).copied().unwrap_or(12.0)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Book {
    pub title: String,
    pub sheets: Vec<Sheet>,
}

/// A spreadsheet column's letters: 0 → A, 25 → Z, 26 → AA.
pub fn column_letters(mut col: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (col % 26) as u8);
        if col < 26 {
            break;
        }
        col = col / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters_count_like_a_spreadsheet() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(11), "L");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(27), "AB");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
    }
}
