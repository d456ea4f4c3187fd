//! Entity extraction: typed entities with mention spans from a cleaned article body,
//! found by compiled gazetteers and general rules (never lists made from the samples).

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// What an entity is. The named kinds come first; `Figure` and `Date` are values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A city or town.
    City,
    /// A province, state or named geographic region ("Yangtze River Delta").
    Region,
    /// A country.
    Country,
    /// A named industrial park, high-tech zone, pilot zone, new area, science city, campus.
    Zone,
    /// A company.
    Firm,
    /// A government body, party committee, university, institute or association.
    Org,
    /// A person.
    Person,
    /// A named expo, summit, forum or conference.
    Event,
    /// Money, a count with a unit, a percentage.
    Figure,
    /// A date or time expression.
    Date,
}

impl Kind {
    /// Every kind, in display order.
    pub const ALL: [Kind; 10] = [
        Kind::City,
        Kind::Region,
        Kind::Country,
        Kind::Zone,
        Kind::Firm,
        Kind::Org,
        Kind::Person,
        Kind::Event,
        Kind::Figure,
        Kind::Date,
    ];

    /// The named-entity kinds that micro-averaged scores cover.
    pub const NAMED: [Kind; 8] = [
        Kind::City,
        Kind::Region,
        Kind::Country,
        Kind::Zone,
        Kind::Firm,
        Kind::Org,
        Kind::Person,
        Kind::Event,
    ];

    /// The lower-case name used in JSON, `--kind` and query scopes.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::City => "city",
            Kind::Region => "region",
            Kind::Country => "country",
            Kind::Zone => "zone",
            Kind::Firm => "firm",
            Kind::Org => "org",
            Kind::Person => "person",
            Kind::Event => "event",
            Kind::Figure => "figure",
            Kind::Date => "date",
        }
    }

    /// The plural title used for panes ("Cities", "Firms").
    pub fn plural(self) -> &'static str {
        match self {
            Kind::City => "Cities",
            Kind::Region => "Regions",
            Kind::Country => "Countries",
            Kind::Zone => "Zones",
            Kind::Firm => "Firms",
            Kind::Org => "Orgs",
            Kind::Person => "People",
            Kind::Event => "Events",
            Kind::Figure => "Figures",
            Kind::Date => "Dates",
        }
    }

    /// True for the named kinds (not figures or dates).
    pub fn is_named(self) -> bool {
        !matches!(self, Kind::Figure | Kind::Date)
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A kind name that is not one of [`Kind::ALL`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown kind '{0}' (expected one of: city, region, country, zone, firm, org, person, event, figure, date)")]
pub struct UnknownKind(pub String);

impl FromStr for Kind {
    type Err = UnknownKind;

    /// Accepts the kind names, their plurals, and the short forms `c` (city) and `f` (firm).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let k = match s.to_ascii_lowercase().as_str() {
            "city" | "cities" | "c" => Kind::City,
            "region" | "regions" => Kind::Region,
            "country" | "countries" => Kind::Country,
            "zone" | "zones" => Kind::Zone,
            "firm" | "firms" | "f" | "company" | "companies" => Kind::Firm,
            "org" | "orgs" | "organisation" | "organization" => Kind::Org,
            "person" | "people" | "persons" => Kind::Person,
            "event" | "events" => Kind::Event,
            "figure" | "figures" => Kind::Figure,
            "date" | "dates" => Kind::Date,
            _ => return Err(UnknownKind(s.to_string())),
        };
        Ok(k)
    }
}

/// One occurrence: a byte range into `Article.body`, on char boundaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Mention {
    /// Start byte offset (inclusive).
    pub start: usize,
    /// End byte offset (exclusive).
    pub end: usize,
}

/// One entity of one article: every surface form merged, every mention listed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// The canonical name (the longest or most complete form the article uses).
    pub name: String,
    /// What it is.
    pub kind: Kind,
    /// Other surface forms in the same article that mean the same thing.
    pub aliases: Vec<String>,
    /// Number of mentions (`mentions.len()`).
    pub count: usize,
    /// Where it occurs, sorted by start.
    pub mentions: Vec<Mention>,
}

/// Extracts the entities of one cleaned body. Placeholder until the extractor lands.
pub fn entities(_body: &str) -> Vec<Entity> {
    Vec::new()
}
