//! Line and column splitting of the asset files, with SIMD byte search (`memchr`):
//! the gazetteer's start-up cost is mostly this, so it never looks at a byte twice.

/// The data lines of a list: blank lines and `#` comments skipped, a trailing `\r`
/// dropped.
pub fn lines(text: &'static str) -> impl Iterator<Item = &'static str> {
    let mut start = 0;
    memchr::memchr_iter(b'\n', text.as_bytes())
        .chain(std::iter::once(text.len()))
        .filter_map(move |end| {
            let line = text.get(start..end)?;
            start = end + 1;
            Some(line.strip_suffix('\r').unwrap_or(line))
        })
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
}

/// Calls `each` with the first `N` tab-separated columns of every data line (`None`
/// past a line's last column), in file order.
pub fn records<const N: usize>(
    text: &'static str,
    mut each: impl FnMut([Option<&'static str>; N]),
) {
    let bytes = text.as_bytes();
    let mut columns = [None; N];
    let mut column = 0;
    let mut line_start = 0;
    let mut start = 0;
    let ends = memchr::memchr2_iter(b'\t', b'\n', bytes).chain(std::iter::once(bytes.len()));
    for end in ends {
        let newline = bytes.get(end).is_none_or(|&b| b == b'\n');
        let mut cell = text.get(start..end).unwrap_or("");
        if newline {
            cell = cell.strip_suffix('\r').unwrap_or(cell);
        }
        if let Some(slot) = columns.get_mut(column) {
            *slot = Some(cell);
        }
        column += 1;
        start = end + 1;
        if newline {
            let line = text.get(line_start..end).unwrap_or("");
            let data = !line.trim_end_matches('\r').is_empty() && !line.starts_with('#');
            if data {
                each(columns);
            }
            columns = [None; N];
            column = 0;
            line_start = start;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_skip_comments_and_blanks() {
        let got: Vec<&str> = lines("# head\nalpha\r\n\nbeta").collect();
        assert_eq!(got, vec!["alpha", "beta"]);
    }

    #[test]
    fn records_give_the_first_columns() {
        let mut got = Vec::new();
        records::<3>("# a\tb\nx\ty\nz\n\np\tq\tr\ts\r\n", |c| got.push(c));
        assert_eq!(
            got,
            vec![
                [Some("x"), Some("y"), None],
                [Some("z"), None, None],
                [Some("p"), Some("q"), Some("r")],
            ]
        );
    }
}
