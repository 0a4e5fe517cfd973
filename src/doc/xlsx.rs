//! A [`Book`] as an Office Open XML workbook (.xlsx), with rust_xlsxwriter: numbers as numbers,
//! dates as dates (dd/mm/yyyy), euros with the currency format, percentages as percentages, the
//! heading row bold, frozen, with filters.

use rust_xlsxwriter::{Color, DocProperties, ExcelDateTime, Format, Workbook, XlsxError};

use super::sheet::{Book, Cell};
use crate::i18n::Lang;

fn io(e: XlsxError) -> std::io::Error {
    std::io::Error::other(e.to_string())
}

/// The workbook as the bytes of an .xlsx file.
pub fn render(l: Lang, book: &Book) -> std::io::Result<Vec<u8>> {
    let mut wb = Workbook::new();
    wb.set_properties(&DocProperties::new().set_title(book.title.as_str()).set_author("copil"));
    let head = Format::new().set_bold().set_background_color(Color::RGB(0xDDE4F0)).set_text_wrap();
    let date = Format::new().set_num_format(match l {
        Lang::Fr => "dd/mm/yyyy",
        Lang::En => "yyyy-mm-dd",
    });
    let euros = Format::new().set_num_format("#,##0 \"€\"");
    let percent = Format::new().set_num_format("0.0%");
    let text = Format::new().set_text_wrap();
    for sheet in &book.sheets {
        let ws = wb.add_worksheet();
        ws.set_name(sheet.name.as_str()).map_err(io)?;
        for (c, h) in sheet.head.iter().enumerate() {
            ws.write_string_with_format(0, c as u16, h.as_str(), &head).map_err(io)?;
            ws.set_column_width(c as u16, sheet.width(c)).map_err(io)?;
        }
        for (r, row) in sheet.rows.iter().enumerate() {
            let r = r as u32 + 1;
            for (c, cell) in row.iter().enumerate() {
                let c = c as u16;
                match cell {
                    Cell::Empty => {}
                    Cell::Text(s) => {
                        ws.write_string_with_format(r, c, s.as_str(), &text).map_err(io)?;
                    }
                    Cell::Number(n) => {
                        ws.write_number(r, c, *n).map_err(io)?;
                    }
                    Cell::Euros(n) => {
                        ws.write_number_with_format(r, c, *n as f64, &euros).map_err(io)?;
                    }
                    Cell::Percent(p) => {
                        ws.write_number_with_format(r, c, *p, &percent).map_err(io)?;
                    }
                    Cell::Date(d) => {
                        use chrono::Datelike;
                        let (y, m, day) = (d.0.year(), d.0.month(), d.0.day());
                        let dt = ExcelDateTime::from_ymd(y.clamp(1900, 9999) as u16, m as u8, day as u8).map_err(io)?;
                        ws.write_datetime_with_format(r, c, &dt, &date).map_err(io)?;
                    }
                }
            }
        }
        ws.set_freeze_panes(1, 0).map_err(io)?;
        let last_col = sheet.head.len().saturating_sub(1) as u16;
        ws.autofilter(0, 0, sheet.rows.len() as u32, last_col).map_err(io)?;
    }
    wb.save_to_buffer().map_err(io)
}
