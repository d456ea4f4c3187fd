//! The extractor on ordinary news, outside the samples' niche: each class of
//! junk the panes used to fill with on real pages (issue 14), on made-up text.
//! Every name here is invented or generic; none comes from a fixture.

use dossier::Kind;
use dossier::extract::{Entity, entities};

fn body(text: &str) -> Vec<Entity> {
    entities(text)
}

fn kind_of(found: &[Entity], name: &str) -> Option<Kind> {
    found.iter().find(|e| e.name == name).map(|e| e.kind)
}

fn named(found: &[Entity]) -> Vec<String> {
    found
        .iter()
        .filter(|e| e.kind.is_named())
        .map(|e| format!("{:?} {}", e.kind, e.name))
        .collect()
}

#[test]
fn a_president_is_a_person_with_his_surname_as_alias_not_a_city() {
    let found = body(
        "WASHINGTON, May 3 (Reuters) - President Barack Obama spoke at the White House on \
         Tuesday. Obama said the economy was improving.",
    );
    let obama = found.iter().find(|e| e.name == "Barack Obama");
    let obama = obama.unwrap_or_else(|| panic!("no Barack Obama in {:?}", named(&found)));
    assert_eq!(obama.kind, Kind::Person);
    assert_eq!(obama.count, 2, "{obama:?}");
    assert_eq!(kind_of(&found, "Washington"), Some(Kind::City));
    assert_ne!(kind_of(&found, "White House"), Some(Kind::Person));
    assert!(
        !found
            .iter()
            .any(|e| e.kind == Kind::City && e.name.contains("Obama"))
    );
}

#[test]
fn surnames_that_are_also_towns_stay_people_in_person_context() {
    let found = body(
        "Senator Edward Kennedy of Massachusetts met Thomas Edison's biographer in Hamilton, \
         Ontario, on Friday. Kennedy said the talks went well.",
    );
    assert_eq!(
        kind_of(&found, "Edward Kennedy"),
        Some(Kind::Person),
        "{:?}",
        named(&found)
    );
    assert_eq!(kind_of(&found, "Thomas Edison"), Some(Kind::Person));
    assert_eq!(kind_of(&found, "Hamilton"), Some(Kind::City));
    assert_eq!(kind_of(&found, "Kennedy"), None, "the surname is an alias");
}

#[test]
fn formats_interfaces_and_quantities_are_not_firms() {
    let found = body(
        "The company releases its reports as PDF files and exposes JavaScript APIs; its 512GB \
         model uses 3 kWh a day.",
    );
    for junk in ["PDF", "APIs", "512GB", "kWh"] {
        assert!(
            !found.iter().any(|e| e.kind.is_named() && e.name == junk),
            "{junk} in {:?}",
            named(&found)
        );
    }
}

#[test]
fn named_days_and_sales_are_not_firms_or_people() {
    let found = body(
        "Stores from Walmart to Target cut prices for Cyber Monday and Black Friday, according \
         to the National Retail Federation.",
    );
    assert!(
        !found
            .iter()
            .any(|e| e.kind.is_named() && e.name.ends_with("Friday")),
        "{:?}",
        named(&found)
    );
    assert!(
        !found
            .iter()
            .any(|e| e.kind.is_named() && e.name.ends_with("Monday"))
    );
    assert_eq!(kind_of(&found, "Walmart"), Some(Kind::Firm));
    assert_eq!(
        kind_of(&found, "National Retail Federation"),
        Some(Kind::Org)
    );
}

#[test]
fn islands_and_presses_are_not_people() {
    let found = body(
        "Prime Minister Jacinda Ardern visited Stewart Island and then spoke to Oxford \
         University Press about a book.",
    );
    assert_eq!(
        kind_of(&found, "Jacinda Ardern"),
        Some(Kind::Person),
        "{:?}",
        named(&found)
    );
    assert!(matches!(
        kind_of(&found, "Stewart Island"),
        Some(Kind::Region | Kind::Zone)
    ));
    assert!(matches!(
        kind_of(&found, "Oxford University Press"),
        Some(Kind::Org | Kind::Firm)
    ));
    assert!(
        !found
            .iter()
            .any(|e| e.kind == Kind::Person && e.name.contains("Press"))
    );
}

#[test]
fn roster_lines_give_people_and_countries_not_firms() {
    let found = body(
        "Results: 1. Jesper Ronnback (Sweden) 2:10.45, 2. Hans Knauss (Austria) 2:10.90, \
         3. Luc Alphand (France) 2:11.02.",
    );
    for person in ["Jesper Ronnback", "Hans Knauss", "Luc Alphand"] {
        assert_eq!(
            kind_of(&found, person),
            Some(Kind::Person),
            "{:?}",
            named(&found)
        );
    }
    for country in ["Sweden", "Austria", "France"] {
        assert_eq!(kind_of(&found, country), Some(Kind::Country));
    }
    assert!(!found.iter().any(|e| e.kind == Kind::Firm));
}

#[test]
fn an_organisation_named_with_a_list_is_one_name() {
    let found = body(
        "Spending fell, the Ministry of Business, Innovation and Employment said on Thursday.",
    );
    assert_eq!(
        kind_of(&found, "Ministry of Business, Innovation and Employment"),
        Some(Kind::Org),
        "{:?}",
        named(&found)
    );
}

#[test]
fn a_surname_alone_after_the_full_name_is_the_same_person() {
    let found = body(
        "Donald Trump criticised the figures on Monday. Trump said the ministry was wrong, and \
         Trump repeated it later.",
    );
    let trump = found.iter().find(|e| e.name == "Donald Trump");
    let trump = trump.unwrap_or_else(|| panic!("{:?}", named(&found)));
    assert_eq!(trump.kind, Kind::Person);
    assert_eq!(trump.count, 3);
}

#[test]
fn unlisted_people_and_firms_in_ordinary_sentences() {
    let found = body(
        "Prosecutors in Denver charged Michael Okafor, a former executive of Sunbelt Logistics \
         Inc, with fraud. Okafor denied the charges. Maria Costa, chief economist at Banco \
         Atlantico, said inflation in Brazil would ease.",
    );
    assert_eq!(
        kind_of(&found, "Michael Okafor"),
        Some(Kind::Person),
        "{:?}",
        named(&found)
    );
    assert_eq!(kind_of(&found, "Maria Costa"), Some(Kind::Person));
    assert_eq!(kind_of(&found, "Sunbelt Logistics Inc"), Some(Kind::Firm));
    assert_eq!(kind_of(&found, "Denver"), Some(Kind::City));
    assert_eq!(kind_of(&found, "Brazil"), Some(Kind::Country));
    // Known gap: here "Banco Atlantico" is missed. Four of the five names the tagger
    // finds are explained by the rules, so a name only the tagger finds must be
    // surer than usual (reconcile::addition_threshold, which keeps the samples'
    // niche precise); alone in a sentence it is found (next test).
}

#[test]
fn an_unlisted_bank_is_a_firm() {
    let found = body(
        "Maria Costa, chief economist at Banco Atlantico, said inflation in Brazil would ease. \
         Costa expects rates to fall.",
    );
    assert_eq!(
        kind_of(&found, "Banco Atlantico"),
        Some(Kind::Firm),
        "{:?}",
        named(&found)
    );
    assert_eq!(
        found
            .iter()
            .find(|e| e.name == "Maria Costa")
            .map(|e| e.count),
        Some(2)
    );
}

#[test]
fn a_dateline_names_a_town_even_one_no_list_holds_as_a_place() {
    // "Wellington" is also an English word (the boot), so the gazetteer leaves it out.
    let found = body("WELLINGTON, Nov 20 (Reuters) - Shares fell on Thursday.");
    let town = found.iter().find(|e| e.kind == Kind::City);
    let town = town.unwrap_or_else(|| panic!("{:?}", named(&found)));
    assert_eq!(town.name, "Wellington");
    assert_eq!(town.aliases, vec!["WELLINGTON".to_string()]);
}

#[test]
fn a_surname_that_is_also_a_first_name_is_a_person_alone() {
    // "Clinton" is in the first-name list too; a lone first name is doubtful,
    // a lone name that is also a surname is not.
    let found = body(
        "President Clinton met union leaders on Monday. Clinton said the talks had gone well.",
    );
    assert_eq!(
        kind_of(&found, "Clinton"),
        Some(Kind::Person),
        "{:?}",
        named(&found)
    );
}

#[test]
fn a_group_followed_by_of_and_its_country_is_two_names() {
    let found = body("The projects include a plant by Quxon Group of South Korea, officials said.");
    assert_eq!(
        kind_of(&found, "Quxon Group"),
        Some(Kind::Firm),
        "{:?}",
        named(&found)
    );
    assert_eq!(kind_of(&found, "South Korea"), Some(Kind::Country));
}

#[test]
fn an_acronym_the_article_calls_a_company_elsewhere_is_a_firm() {
    // No one mention has a company word near it within a dozen words; the
    // article as a whole does.
    let found = body(
        "A ZQXL factory with an annual capacity of 15GWh started operating in 2021 in the north \
         of the province. Local officials said roads, power lines and schools had been built \
         around it since then. ZQXL has since committed to nine more factories in the town. \
         Officials praised ZQXL again at a meeting on Monday.",
    );
    assert_eq!(
        kind_of(&found, "ZQXL"),
        Some(Kind::Firm),
        "{:?}",
        named(&found)
    );
}

#[test]
fn an_english_word_in_capitals_is_no_organisation() {
    // The tagger does not read these words as names in this short text even
    // without the rule; `extract::reconcile::tests` pins the rule itself.
    let found = body(
        "IMPLEMENT the new rules by March, the Quxton Port Authority told shipping lines on \
         Monday. BREAKING changes follow.",
    );
    for word in ["IMPLEMENT", "BREAKING"] {
        assert!(
            !found.iter().any(|e| e.kind.is_named() && e.name == word),
            "{word} in {:?}",
            named(&found)
        );
    }
}

#[test]
fn a_persons_surname_alone_is_the_person_not_the_town_of_that_name() {
    let found = body(
        "The musical Hamilton made history. Margaret Hamilton wrote the code; Hamilton later \
         led the team at MIT.",
    );
    let hamilton = found.iter().find(|e| e.name == "Margaret Hamilton");
    assert_eq!(hamilton.map(|e| e.count), Some(3), "{:?}", named(&found));
    assert!(
        !found.iter().any(|e| e.name == "Hamilton"),
        "{:?}",
        named(&found)
    );
}

#[test]
fn a_surname_the_tagger_reads_as_a_body_is_the_person_named_in_full() {
    // Reuters sports copy, one sentence per line.
    let found = body(
        "MILWAUKEE , Wisconsin 1996-08-31\n\
         Jesper Parnevik of Sweden fired a course record-tying eight-under-par 63 Saturday to take a one-shot lead .\n\
         Parnevik , who is seeking his first PGA Tour victory , moved to 19-under 194 for the tournament .\n\
         Parnevik tied the 18-hole record set by Loren Roberts in 1994 .\n",
    );
    let parnevik = found.iter().find(|e| e.name == "Jesper Parnevik");
    assert_eq!(parnevik.map(|e| e.count), Some(3), "{:?}", named(&found));
    assert!(
        !found.iter().any(|e| e.name == "Parnevik"),
        "{:?}",
        named(&found)
    );
}

#[test]
fn a_company_named_by_an_english_word_needs_company_talk() {
    // The company list holds listed firms named "Alarm", "Host" and "Fifth"; in
    // these sentences nothing speaks of companies.
    for text in [
        "Set the Alarm setting to loud before you sleep.",
        "The ceremony will name the Host nation for the next games.",
        "Fans praised the Fifth symphony and the orchestra on Sunday.",
    ] {
        let found = body(text);
        assert!(
            !found.iter().any(|e| e.kind == Kind::Firm),
            "{text}: {:?}",
            named(&found)
        );
    }
}

#[test]
fn a_name_before_administration_is_no_town() {
    let found = body("Officials of the Obama administration met lawmakers on Tuesday.");
    assert!(
        !found.iter().any(|e| e.kind == Kind::City),
        "{:?}",
        named(&found)
    );
}

#[test]
fn an_organisation_an_acronym_defines_is_named_over_its_joiners() {
    // The tagger reads "Quuxian Organisation for Security and Cooperation" and
    // "Zorb Interim Force", unsure of the rest; the acronyms say where the names run.
    let found = body(
        "The Quuxian Organisation for Security and Cooperation in Zorbia (OSCZ) postponed the \
         elections. The Zorb Interim Force in Quuxland (ZIFQ) patrols the border, and the OSCZ \
         sent monitors.",
    );
    let osce = found
        .iter()
        .find(|e| e.name == "Organisation for Security and Cooperation in Zorbia");
    let osce = osce.unwrap_or_else(|| panic!("no OSCZ in full in {:?}", named(&found)));
    assert_eq!(osce.kind, Kind::Org, "'Organisation for' heads the name");
    assert!(
        osce.aliases.iter().any(|a| a == "OSCZ") && osce.count == 3,
        "{osce:?}"
    );
    let force = found
        .iter()
        .find(|e| e.name == "Zorb Interim Force in Quuxland");
    assert!(
        force.is_some_and(|e| matches!(e.kind, Kind::Org | Kind::Firm)),
        "{:?}",
        named(&found)
    );
    for part in [
        "Quuxian Organisation for Security and Cooperation",
        "Zorb Interim Force",
        "Quuxland",
        "Zorbia",
    ] {
        assert_eq!(kind_of(&found, part), None, "{part} in {:?}", named(&found));
    }
}

#[test]
fn an_acronym_before_the_name_it_spells_out_is_the_organisation() {
    // The tagger reads the name in parentheses and nothing in the acronym before it.
    let found = body("\" QZP (Quuxian Zorb Party) is trying to overtake the city.");
    let names = |e: &Entity| {
        std::iter::once(e.name.clone())
            .chain(e.aliases.clone())
            .collect::<Vec<_>>()
    };
    let has = |name: &str| {
        found
            .iter()
            .any(|e| matches!(e.kind, Kind::Org | Kind::Firm) && names(e).iter().any(|n| n == name))
    };
    assert!(has("QZP") && has("Quuxian Zorb Party"), "{found:?}");
    // Letters that do not spell the name out make no organisation of the word.
    let found = body("In Zorbil, the QZP (Quuxian Democratic Party) gained ground on Monday.");
    assert_eq!(kind_of(&found, "QZP"), None, "{:?}", named(&found));
}

#[test]
fn a_listed_brand_that_the_article_writes_as_a_plain_word_is_no_firm() {
    // "Graphite" is a listed company; here it opens a sentence on the mineral the
    // article writes in lower case everywhere else.
    let found = body(
        "Zorbton mines more graphite than any other town. Graphite, a form of carbon, \
         conducts electricity. The town sells graphite paper and graphite film.",
    );
    assert_eq!(kind_of(&found, "Graphite"), None, "{:?}", named(&found));
}

#[test]
fn a_name_a_company_is_called_is_the_company() {
    let found = body(
        "Zorbton set up a new energy materials company, which is called Quxlight, in 2019. \
         Its deputy manager said output would double.",
    );
    assert_eq!(
        kind_of(&found, "Quxlight"),
        Some(Kind::Firm),
        "{:?}",
        named(&found)
    );
}

#[test]
fn words_of_a_phrase_joined_by_and_are_not_names_one_by_one() {
    let found = body(
        "He said the project would become a model for cooperation with China’s Belt and Road \
         Initiative and the Vision 2030 plan of Zorbia.\n\nTogether, the development of the \
         “Zorb River Economic Zone, “the Belt and Road initiative” and the collaborative \
         development of the region have been termed key strategies.",
    );
    for word in ["Belt", "Road"] {
        assert_eq!(kind_of(&found, word), None, "{:?}", named(&found));
    }
}

#[test]
fn a_listed_place_before_a_firms_own_name_is_that_firm() {
    let found = body(
        "The venture is funded by Zorbix Group and Quxa Energy. Under the agreement Quxa \
         Energy holds 40% while Dalian Zorbix holds 60%.",
    );
    assert_eq!(
        kind_of(&found, "Zorbix Group"),
        Some(Kind::Firm),
        "{:?}",
        named(&found)
    );
    assert!(
        !found.iter().any(|e| e.name == "Dalian Zorbix"),
        "{:?}",
        named(&found)
    );
}

#[test]
fn words_before_and_share_the_head_of_a_project_named_after_them() {
    let found = body(
        "The 20 projects signed in Zorbton include the Quxa Coastal Luxury Hotel and Wellness \
         Complex, the Henglu Precision Instrument Manufacturing Project, the International \
         Maritime Shipping Project, and the Global Deep-sea Fish and Aquatic Products \
         Processing Project.",
    );
    assert!(
        found
            .iter()
            .any(|e| e.name == "Quxa Coastal Luxury Hotel and Wellness Complex"),
        "{:?}",
        named(&found)
    );
    assert_eq!(kind_of(&found, "Wellness Complex"), None);
}

#[test]
fn a_short_name_given_hereinafter_is_the_same_event() {
    let found = body(
        "The three-day 4th Zorb River Advanced Equipment Manufacturing Investment and Trade Fair \
         (hereinafter referred to as “Zorb River Fair,”) opened on Monday in Zorbton. At this \
         year's Zorb River Fair, 42 projects were signed.",
    );
    let fair = found
        .iter()
        .find(|e| e.kind == Kind::Event)
        .unwrap_or_else(|| panic!("no event in {:?}", named(&found)));
    assert!(fair.name.starts_with("4th Zorb River"), "{fair:?}");
    assert!(
        fair.aliases.iter().any(|a| a == "Zorb River Fair"),
        "{fair:?}"
    );
    assert_eq!(
        found.iter().filter(|e| e.kind == Kind::Event).count(),
        1,
        "{:?}",
        named(&found)
    );
}

#[test]
fn dynasties_are_no_firms_and_an_emperors_title_is_no_part_of_his_name() {
    let found = body(
        "Kilns have fired porcelain in Zorbton since 1004, when the Northern Zorb (960-1127) \
         Emperor Zhao Quxin asked for the town's wares. Under the Qing Dynasty the kilns \
         grew.",
    );
    for period in ["Northern Zorb", "Qing Dynasty"] {
        assert_eq!(kind_of(&found, period), None, "{:?}", named(&found));
    }
    assert_eq!(
        kind_of(&found, "Zhao Quxin"),
        Some(Kind::Person),
        "{:?}",
        named(&found)
    );
}

#[test]
fn a_town_before_its_government_a_project_phase_and_a_glued_byline_are_no_firms() {
    let found = body(
        "The signing ceremony of a solar power project development agreement between QWP and \
         Zhangye government took place in Lanzhou on June 5. The plant (Phase II) will open in \
         2026.",
    );
    let zhangye: Vec<Kind> = found
        .iter()
        .filter(|e| e.name == "Zhangye")
        .map(|e| e.kind)
        .collect();
    assert_eq!(zhangye, [Kind::City], "{:?}", named(&found));
    assert_eq!(kind_of(&found, "Phase II"), None, "{:?}", named(&found));
    let found = body(
        "Updated: 2025-02-12 | Lin Quxbo, StephanieIn the first week of work, Zorbton signed 20 \
         projects.",
    );
    assert_eq!(kind_of(&found, "StephanieIn"), None, "{:?}", named(&found));
    let found = body("Zorbco hired staff on LinkedIn last year, and LinkedIn said demand rose.");
    assert_eq!(
        kind_of(&found, "LinkedIn"),
        Some(Kind::Firm),
        "{:?}",
        named(&found)
    );
}
