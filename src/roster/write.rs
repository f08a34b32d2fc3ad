//! Writing a roster file from live cells (`import --rosters`): the header of
//! the month's days, a row per person, each cell the shift's name. Values are
//! quoted by the csv crate where CSV needs it.

use super::file::days_in_month;
use super::live::Cells;

/// The CSV text of one rule's roster for a month; and the cells a
/// spreadsheet would run as a formula (a value starting with = + - @), to
/// be said.
pub fn csv_text(yearmonth: u32, cells: &Cells) -> Result<(String, Vec<String>), String> {
    let days = days_in_month((yearmonth / 100) as i16, (yearmonth % 100) as i8)
        .ok_or_else(|| format!("{yearmonth} is not a month (YYYYMM)"))?;
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    let mut header = vec!["userid".to_owned()];
    header.extend((1..=days).map(|d| d.to_string()));
    w.write_record(&header).map_err(|e| e.to_string())?;
    let mut risky = Vec::new();
    let mut users: Vec<&str> = cells.keys().map(|(u, _)| u.as_str()).collect();
    users.dedup();
    for user in users {
        let mut row = vec![user.to_owned()];
        for d in 1..=days {
            row.push(
                cells
                    .get(&(user.to_owned(), d))
                    .map(|s| s.name.clone())
                    .unwrap_or_default(),
            );
        }
        for v in &row {
            if v.starts_with(['=', '+', '-', '@']) {
                risky.push(v.clone());
            }
        }
        w.write_record(&row).map_err(|e| e.to_string())?;
    }
    let bytes = w.into_inner().map_err(|e| e.to_string())?;
    Ok((String::from_utf8_lossy(&bytes).into_owned(), risky))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::roster::file::{Rosters, read_bytes};
    use crate::roster::live::Shift;

    #[test]
    fn what_is_written_reads_back_the_same_hostile_names_included() {
        let mut cells = Cells::new();
        for (u, d, n) in [
            ("zhang,san", 1, "早班"),
            ("li\"si", 30, "晚 班\n"),
            ("=cmd", 2, "休息"),
        ] {
            cells.insert(
                (u.into(), d),
                Shift {
                    schedule_id: 1,
                    name: n.into(),
                },
            );
        }
        let (text, risky) = csv_text(202611, &cells).unwrap();
        assert_eq!(risky, ["=cmd"]);
        let mut read = Rosters::default();
        let path = std::path::Path::new("rosters/店/2026-11.csv");
        read_bytes("x.csv", path, text.into_bytes(), &mut read);
        assert!(read.diagnostics.is_empty(), "{:?}", read.diagnostics);
        let back: Vec<(String, u8, String)> = read.files[0]
            .rows
            .iter()
            .flat_map(|r| {
                r.cells
                    .iter()
                    .map(move |c| (r.userid.clone(), c.day, c.name.clone()))
            })
            .collect();
        assert_eq!(
            back,
            [
                ("=cmd".into(), 2, "休息".into()),
                ("li\"si".into(), 30, "晚 班".into()),
                ("zhang,san".into(), 1, "早班".into())
            ]
        );
    }
}
