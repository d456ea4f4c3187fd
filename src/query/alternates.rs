//! Other names of cities that a query may use: historic and English forms
//! from GeoNames' alternate names ("Peking" for Beijing, "Canton" for
//! Guangzhou, "Bombay" for Mumbai), compiled into the binary from
//! `assets/alternate_names.tsv` (built by `scripts/build_assets.py`; source
//! and licence in `assets/README.md`). A city entity of the corpus matches
//! its alternates as it matches its aliases; articles are never changed.

use crate::extract::Kind;
use std::collections::HashMap;
use std::sync::OnceLock;

const TABLE: &str = include_str!("../../assets/alternate_names.tsv");

/// Alternates by the city's canonical name, lower-cased.
fn table() -> &'static HashMap<String, Vec<&'static str>> {
    static BY_NAME: OnceLock<HashMap<String, Vec<&'static str>>> = OnceLock::new();
    BY_NAME.get_or_init(|| {
        let mut map: HashMap<String, Vec<&'static str>> = HashMap::new();
        for line in TABLE.lines().filter(|l| !l.starts_with('#')) {
            if let Some((alternate, canonical)) = line.split_once('\t') {
                map.entry(canonical.trim().to_lowercase())
                    .or_default()
                    .push(alternate.trim());
            }
        }
        map
    })
}

/// The alternate names of an entity called `name` of kind `kind` (only
/// cities have them).
pub fn of(kind: Kind, name: &str) -> &'static [&'static str] {
    if kind != Kind::City {
        return &[];
    }
    table()
        .get(&name.trim().to_lowercase())
        .map_or(&[], Vec::as_slice)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn historic_forms_of_big_cities_are_there() {
        assert!(of(Kind::City, "Beijing").contains(&"Peking"));
        assert!(of(Kind::City, "guangzhou").contains(&"Canton"));
        assert!(of(Kind::City, "Chongqing").contains(&"Chungking"));
        assert!(of(Kind::City, "Mumbai").contains(&"Bombay"));
        assert!(of(Kind::Firm, "Beijing").is_empty());
        assert!(of(Kind::City, "Nowhere At All").is_empty());
    }
}
