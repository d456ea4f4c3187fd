//! Overlap resolution: the longest span wins (then the surer rule); spans that cross
//! a winner are dropped; a listed place or brand may nest inside a longer name
//! ("Chongqing" in "Chongqing Liangjiang New Area") when the nesting makes sense.

use super::Kind;
use super::doc::{Candidate, Rank};
use super::token::shape;

/// A chosen mention: the candidate and whether it sits inside another one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chosen {
    /// The candidate.
    pub candidate: Candidate,
    /// Kind of the span it sits in, if nested.
    pub inside: Option<Kind>,
    /// The container was typed by a head word ("... Co", "... Electronics") or ends
    /// in a legal form.
    pub inside_headed: bool,
    /// It opens the name it sits in ("Zorbu" in "Zorbu Cloud Summit").
    pub leads: bool,
    /// It closes the name it sits in ("Technology Co" in "Zorbu 360 Technology Co").
    pub trails: bool,
    /// The name it sits in is a party or a public body ("... Democratic Party").
    pub inside_public: bool,
}

fn crosses(a: &Candidate, b: &Candidate) -> bool {
    a.start < b.end && b.start < a.end && !(contains(a, b) || contains(b, a))
}

fn contains(outer: &Candidate, inner: &Candidate) -> bool {
    outer.start <= inner.start && inner.end <= outer.end
}

fn may_nest(outer: Kind, inner: &Candidate) -> bool {
    if !inner.nestable {
        return false;
    }
    match inner.kind {
        Kind::City | Kind::Region | Kind::Country => {
            matches!(
                outer,
                Kind::Zone | Kind::Org | Kind::Firm | Kind::Event | Kind::Region
            )
        }
        Kind::Firm => matches!(outer, Kind::Org | Kind::Firm | Kind::Event),
        _ => false,
    }
}

/// Last words of political and public bodies, which no company's unit takes.
const PUBLIC_BODIES: &[&str] = &[
    "Party",
    "Front",
    "Movement",
    "League",
    "Ministry",
    "Parliament",
    "Assembly",
    "Government",
];

/// Picks the mentions to keep, in text order.
pub fn select(mut candidates: Vec<Candidate>) -> Vec<Chosen> {
    candidates.sort_by(|a, b| {
        (b.end - b.start)
            .cmp(&(a.end - a.start))
            .then(b.rank.cmp(&a.rank))
            .then(a.start.cmp(&b.start))
    });
    let headed = headed_firms(&candidates);
    let mut chosen: Vec<Chosen> = Vec::new();
    for candidate in candidates {
        let mut inside = None;
        let mut inside_headed = false;
        let mut leads = false;
        let mut trails = false;
        let mut inside_public = false;
        let mut ok = true;
        for c in chosen
            .iter()
            .filter(|c| c.candidate.start < candidate.end && candidate.start < c.candidate.end)
        {
            let other = &c.candidate;
            if crosses(other, &candidate)
                || (other.start == candidate.start && other.end == candidate.end)
            {
                ok = false;
                break;
            }
            if contains(other, &candidate) {
                if c.inside.is_some() || !may_nest(other.kind, &candidate) {
                    ok = false;
                    break;
                }
                inside = Some(other.kind);
                inside_headed = other.rank == Rank::Head
                    || shortens(&other.name, &headed)
                    || legal_name(&other.name);
                leads = other.start == candidate.start;
                trails = other.end == candidate.end;
                inside_public = other.kind == Kind::Org
                    && other
                        .name
                        .rsplit(' ')
                        .next()
                        .is_some_and(|w| PUBLIC_BODIES.contains(&w));
            }
        }
        if ok {
            chosen.push(Chosen {
                candidate,
                inside,
                inside_headed,
                leads,
                trails,
                inside_public,
            });
        }
    }
    keep_sensible_nesting(&mut chosen);
    chosen.sort_by_key(|c| (c.candidate.start, c.candidate.end));
    chosen
}

/// A name closed by a legal form ("Zorbu 360 Technology Co"): a company's own name.
fn legal_name(name: &str) -> bool {
    name.rsplit_once(' ').is_some_and(|(_, last)| {
        super::gazetteer::gazetteer()
            .legal_forms
            .contains_ci(last.trim_end_matches('.'))
    })
}

/// Names of firms typed by a head word ("Foo Memory Technologies").
fn headed_firms(candidates: &[Candidate]) -> Vec<String> {
    candidates
        .iter()
        .filter(|c| c.kind == Kind::Firm && c.rank == Rank::Head)
        .map(|c| c.name.clone())
        .collect()
}

/// "Foo Memory" is the short form of "Foo Memory Technologies" when the article has
/// both: the container then names that headed firm, not a product of the brand.
fn shortens(name: &str, headed: &[String]) -> bool {
    headed.iter().any(|full| {
        full.len() > name.len() && full.starts_with(name) && full.as_bytes()[name.len()] == b' '
    })
}

/// A nested place counts when it also stands alone, or is large enough to be the
/// place a zone or event is named after; a nested brand never counts inside a zone.
fn keep_sensible_nesting(chosen: &mut Vec<Chosen>) {
    let standalone: Vec<(Kind, String)> = chosen
        .iter()
        .filter(|c| c.inside.is_none())
        .map(|c| (c.candidate.kind, c.candidate.name.clone()))
        .collect();
    chosen.retain(|c| {
        let Some(container) = c.inside else {
            return true;
        };
        let cand = &c.candidate;
        if standalone.contains(&(cand.kind, cand.name.clone())) {
            return true;
        }
        // "China" in "East China" or "Bank of China" is not a mention of the country.
        if container == Kind::Region {
            return false;
        }
        match cand.kind {
            // "Chicago" in "Chicago Board of Trade" names the exchange, not a
            // mention of the city; a zone or an event is about the large town it
            // is named after ("Zorb Liangjiang New Area").
            Kind::City if matches!(container, Kind::Firm | Kind::Org) => false,
            Kind::City => cand.population >= 300_000,
            // "Zedland Provincial Zorb Group": a province opening a body's name
            // is part of the name, as a city is.
            Kind::Region => !matches!(container, Kind::Firm | Kind::Org),
            // A product or unit of a brand ("Foo Maps") mentions the brand; a company
            // with its own head word ("Foo Electronics Co") is another firm, and the
            // head words closing a firm's name ("Foo 360 Technology Co") none. An event
            // or body names a brand that opens its name ("Foo Cloud Summit") or one
            // written in capitals ("Foo-ZQX Innovation Center"); another listed word
            // further in is a word of its name ("Zed Intl Aviation & Aerospace
            // Exhibition", "Zed-Eurasia Expo").
            Kind::Firm => match container {
                // The closing words of a firm's name are no firm of their own, nor
                // a listed word further inside it ("Mercantile" in "New York
                // Mercantile Exchange").
                Kind::Firm => c.leads && !c.inside_headed && !c.trails,
                // A party or a ministry is named after a people or a place, never a
                // company: "Scottish" or "Kurdistan" opening "... Democratic Party"
                // is no mention of the brands so named.
                Kind::Org if c.inside_public => false,
                _ => c.leads || shape::all_caps(&cand.name),
            },
            _ => false,
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cand(start: usize, end: usize, kind: Kind, rank: Rank, population: u32) -> Candidate {
        Candidate {
            start,
            end,
            kind,
            name: format!("{start}-{end}"),
            rank,
            population,
            nestable: true,
        }
    }

    #[test]
    fn longest_wins_and_crossing_spans_go() {
        let got = select(vec![
            cand(0, 5, Kind::City, Rank::Listed, 0),
            cand(3, 12, Kind::Org, Rank::Head, 0),
            cand(0, 20, Kind::Zone, Rank::Head, 0),
        ]);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].candidate.kind, Kind::Zone);
    }

    #[test]
    fn big_cities_nest_in_zones_small_ones_do_not() {
        let got = select(vec![
            cand(0, 30, Kind::Zone, Rank::Head, 0),
            cand(0, 5, Kind::City, Rank::Listed, 5_000_000),
            cand(6, 10, Kind::City, Rank::Listed, 20_000),
        ]);
        assert_eq!(got.len(), 2);
        let city = got.iter().find(|c| c.candidate.kind == Kind::City).unwrap();
        assert_eq!((city.candidate.start, city.inside), (0, Some(Kind::Zone)));
    }

    #[test]
    fn a_city_or_an_inner_brand_inside_a_body_name_does_not_count_alone() {
        // "Zorbville Board of Trade": the exchange, not a mention of the (large) town;
        // "Quxton Zorbu Exchange": "Zorbu", a listed brand inside, is a word of the name.
        for outer in [Kind::Org, Kind::Firm] {
            let got = select(vec![
                cand(0, 24, outer, Rank::Context, 0),
                cand(0, 9, Kind::City, Rank::Listed, 3_000_000),
            ]);
            assert_eq!(got.len(), 1, "{outer:?}: {got:?}");
        }
        let got = select(vec![
            cand(0, 20, Kind::Firm, Rank::Context, 0),
            cand(7, 12, Kind::Firm, Rank::Listed, 0),
        ]);
        assert_eq!(got.len(), 1, "{got:?}");
        // Named alone elsewhere, the town counts here too.
        let got = select(vec![
            cand(0, 24, Kind::Org, Rank::Context, 0),
            cand(0, 9, Kind::City, Rank::Listed, 3_000_000),
            {
                let mut alone = cand(30, 39, Kind::City, Rank::Listed, 3_000_000);
                alone.name = "0-9".into();
                alone
            },
        ]);
        assert_eq!(got.len(), 3, "{got:?}");
    }

    #[test]
    fn a_country_inside_a_region_name_does_not_count_alone() {
        let got = select(vec![
            cand(0, 10, Kind::Region, Rank::Head, 0),
            cand(5, 10, Kind::Country, Rank::Listed, 0),
        ]);
        assert_eq!(got.len(), 1);
    }

    #[test]
    fn nothing_nests_in_a_person() {
        let got = select(vec![
            cand(0, 12, Kind::Person, Rank::Person, 0),
            cand(0, 5, Kind::City, Rank::Listed, 5_000_000),
        ]);
        assert_eq!(got.len(), 1);
    }

    #[test]
    fn a_brand_in_the_short_form_of_a_headed_firm_does_not_count() {
        // "Foo Memory Technologies ... Foo Memory": "Foo" (a listed brand) inside
        // "Foo Memory" is part of the firm's name; "Foo Maps" alone would mention Foo.
        let mut full = cand(0, 23, Kind::Firm, Rank::Head, 0);
        full.name = "Foo Memory Technologies".into();
        let mut short = cand(30, 40, Kind::Firm, Rank::Shape, 0);
        short.name = "Foo Memory".into();
        let brand = cand(30, 33, Kind::Firm, Rank::Listed, 0);
        let got = select(vec![full.clone(), short.clone(), brand.clone()]);
        assert_eq!(got.len(), 2);
        let got = select(vec![short, brand]);
        assert_eq!(got.len(), 2, "without the headed firm, Foo counts");
    }

    #[test]
    fn a_listed_word_inside_an_event_name_counts_only_when_it_opens_it() {
        // "Zorbu Cloud Summit": Zorbu, the brand, is mentioned; "Zed Intl Aviation
        // & Aerospace Exhibition": "Aerospace" is a word of the event's name.
        let event = cand(0, 40, Kind::Event, Rank::Head, 0);
        let opening = cand(0, 5, Kind::Firm, Rank::Listed, 0);
        let inner = cand(20, 29, Kind::Firm, Rank::Listed, 0);
        let got = select(vec![event.clone(), opening, inner.clone()]);
        let starts: Vec<usize> = got.iter().map(|c| c.candidate.start).collect();
        assert_eq!(starts, [0, 0], "{got:?}");
        // A brand in capitals further in is named too ("Foo-ZQX Innovation Center").
        let mut caps = inner.clone();
        caps.name = "ZQX".into();
        assert_eq!(select(vec![event.clone(), caps]).len(), 2);
        // Named alone elsewhere, the inner word is a mention there and here.
        let mut alone = inner.clone();
        (alone.start, alone.end) = (50, 59);
        let got = select(vec![event, inner, alone]);
        assert_eq!(got.len(), 3);
    }

    #[test]
    fn a_brand_opening_a_party_name_does_not_count() {
        // "Zorbu Democratic Party": the party is named after a people or a place
        // that a company's name shares; "Zorbu Research Institute" is the brand's unit.
        let mut party = cand(0, 22, Kind::Org, Rank::Head, 0);
        party.name = "Zorbu Democratic Party".into();
        let mut brand = cand(0, 5, Kind::Firm, Rank::Listed, 0);
        brand.name = "Zorbu".into();
        assert_eq!(select(vec![party, brand.clone()]).len(), 1);
        let mut unit = cand(0, 24, Kind::Org, Rank::Head, 0);
        unit.name = "Zorbu Research Institute".into();
        assert_eq!(select(vec![unit, brand]).len(), 2);
    }

    #[test]
    fn same_span_keeps_the_surer_rule() {
        let got = select(vec![
            cand(0, 5, Kind::Firm, Rank::Shape, 0),
            cand(0, 5, Kind::City, Rank::Listed, 0),
        ]);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].candidate.kind, Kind::City);
    }
}
