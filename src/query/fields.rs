//! Sets of article fields (title, outlet, entities of each kind): what a term's
//! scope covers, and what the caller lets match at all (`--kind`, the TUI's scope toggle).

use super::parse::Scope;
use crate::extract::Kind;

/// A set of fields, as bits: title, source, then one per [`Kind`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Fields(u16);

impl Fields {
    /// No field.
    pub const NONE: Fields = Fields(0);
    /// The headline.
    pub const TITLE: Fields = Fields(1);
    /// The outlet.
    pub const SOURCE: Fields = Fields(2);
    /// Every field.
    pub const ALL: Fields = Fields((1 << (2 + Kind::ALL.len())) - 1);
    /// Entities of every kind.
    pub const ENTITIES: Fields = Fields(Fields::ALL.0 & !3);

    /// Entities of one kind.
    pub const fn kind(kind: Kind) -> Fields {
        Fields(1 << (2 + kind as u16))
    }

    /// Entities of these kinds (none when the list is empty).
    pub fn kinds(kinds: &[Kind]) -> Fields {
        kinds
            .iter()
            .fold(Fields::NONE, |f, &k| f.or(Fields::kind(k)))
    }

    /// The fields a scope covers.
    pub fn of(scope: Scope) -> Fields {
        match scope {
            Scope::All => Fields::ALL,
            Scope::Title => Fields::TITLE,
            Scope::Source => Fields::SOURCE,
            Scope::Kind(k) => Fields::kind(k),
        }
    }

    /// Union.
    pub const fn or(self, other: Fields) -> Fields {
        Fields(self.0 | other.0)
    }

    /// Intersection.
    pub const fn and(self, other: Fields) -> Fields {
        Fields(self.0 & other.0)
    }

    /// True when the sets share a field.
    pub const fn meets(self, other: Fields) -> bool {
        self.0 & other.0 != 0
    }

    /// True when every field of `other` is in `self`.
    pub const fn covers(self, other: Fields) -> bool {
        self.0 & other.0 == other.0
    }

    /// True for the empty set.
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// True when entities of `kind` are in the set.
    pub const fn has_kind(self, kind: Kind) -> bool {
        self.meets(Fields::kind(kind))
    }
}

/// What the caller allows, beside the query itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Options {
    /// Only these fields can match at all; every term's scope is cut down to them
    /// (`--kind city,firm` leaves cities and firms; titles and outlets then never match).
    pub within: Fields,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            within: Fields::ALL,
        }
    }
}

impl Options {
    /// Options that let only entities of these kinds match; all fields when empty.
    pub fn kinds(kinds: &[Kind]) -> Options {
        if kinds.is_empty() {
            Options::default()
        } else {
            Options {
                within: Fields::kinds(kinds),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sets_compose() {
        let cities = Fields::kind(Kind::City);
        assert!(Fields::ALL.covers(cities));
        assert!(Fields::ENTITIES.covers(cities));
        assert!(!Fields::ENTITIES.meets(Fields::TITLE.or(Fields::SOURCE)));
        assert!(Fields::kinds(&[Kind::City, Kind::Firm]).has_kind(Kind::Firm));
        assert!(!cities.has_kind(Kind::Date));
        assert!(Fields::kind(Kind::Date).meets(Fields::ALL));
        assert_eq!(Options::kinds(&[]).within, Fields::ALL);
        assert_eq!(
            Fields::of(Scope::Title).and(Options::kinds(&[Kind::City]).within),
            Fields::NONE
        );
    }
}
