//! Whole-pipeline rule tests on made-up sentences: each names the rule it checks,
//! with invented names wherever a list would otherwise decide.

use super::{Kind, entities, rule_entities};

fn named(body: &str) -> Vec<(String, Kind)> {
    entities(body)
        .into_iter()
        .filter(|e| e.kind.is_named())
        .map(|e| (e.name, e.kind))
        .collect()
}

fn has(body: &str, name: &str, kind: Kind) {
    let got = named(body);
    assert!(
        got.contains(&(name.to_string(), kind)),
        "{name} ({kind}) not in {got:?}"
    );
}

/// The rules' own reading, before the tagger: for invented words the tagger may
/// read otherwise (it learned from real names); the gold sets score the whole.
fn rules_have(body: &str, name: &str, kind: Kind) {
    let got: Vec<(String, Kind)> = rule_entities(body)
        .into_iter()
        .map(|e| (e.name, e.kind))
        .collect();
    assert!(
        got.contains(&(name.to_string(), kind)),
        "{name} ({kind}) not in the rules' {got:?}"
    );
}

fn rules_lack(body: &str, name: &str) {
    let got: Vec<String> = rule_entities(body).into_iter().map(|e| e.name).collect();
    assert!(
        !got.iter().any(|n| n == name),
        "{name} in the rules' {got:?}"
    );
}

fn lacks(body: &str, name: &str) {
    let got = named(body);
    assert!(
        !got.iter().any(|(n, _)| n == name),
        "{name} should not be in {got:?}"
    );
}

#[test]
fn a_dollar_sign_after_a_place_names_the_currency() {
    lacks("The deal is worth US$563 million.", "United States");
    lacks("It raised HK$2 billion in March.", "Hong Kong");
    has(
        "The deal is worth US$5 million, the US said.",
        "United States",
        Kind::Country,
    );
}

#[test]
fn a_national_capital_is_the_city_and_the_state_says_state() {
    has(
        "Talks between Washington and Beijing stalled.",
        "Washington",
        Kind::City,
    );
    has(
        "Farmers in Washington state grow apples.",
        "Washington",
        Kind::Region,
    );
}

#[test]
fn both_spellings_of_macao_are_one_city() {
    let found = entities("Casinos in Macao grew; Macau is near Hong Kong.");
    let macao = found.iter().find(|e| e.name == "Macau").expect("Macau");
    assert_eq!((macao.kind, macao.count), (Kind::City, 2));
}

#[test]
fn an_organisation_named_again_without_its_of_tail_is_one_entity() {
    let found = entities(
        "Experts from the School of Zorb Science of Blorp University met. \
         The School of Zorb Science said it would help.",
    );
    let school: Vec<_> = found.iter().filter(|e| e.kind == Kind::Org).collect();
    assert_eq!(school.len(), 1, "{school:?}");
    assert_eq!(school[0].name, "School of Zorb Science of Blorp University");
    assert_eq!(school[0].count, 2);
}

#[test]
fn a_name_before_a_lower_case_kind_of_zone_is_that_zone() {
    has(
        "The firm lies in the core area of the Zorbu high-tech zone.",
        "Zorbu high-tech zone",
        Kind::Zone,
    );
    has(
        "Plants in the Quxing economic and technological development zone grew.",
        "Quxing economic and technological development zone",
        Kind::Zone,
    );
    lacks(
        "Zorbu's industrial park is full.",
        "Zorbu's industrial park",
    );
    lacks("Zorbu industrial parks grew.", "Zorbu industrial park");
}

#[test]
fn a_title_before_a_chinese_surname_alone_names_a_person() {
    rules_have(
        "On Monday, President Yan met the delegation in Zorbton.",
        "Yan",
        Kind::Person,
    );
}

#[test]
fn a_name_before_a_lower_case_autonomous_prefecture_is_that_region() {
    rules_have(
        "Two ports lie in the neighbouring Zorbu Quxian autonomous prefecture, near the border.",
        "Zorbu Quxian autonomous prefecture",
        Kind::Region,
    );
}

#[test]
fn a_newspaper_or_news_agency_is_a_firm() {
    rules_have(
        "The chairman told Zorbton Daily that sales rose.",
        "Zorbton Daily",
        Kind::Firm,
    );
    rules_have(
        "The Quxian News Agency reported that sales rose.",
        "Quxian News Agency",
        Kind::Firm,
    );
}

#[test]
fn continental_adjectives_name_nothing_alone() {
    lacks("It links Asia with European markets.", "European");
    lacks("Asian and African buyers came.", "Asian");
    has(
        "The European Union and Zorbu signed.",
        "European Union",
        Kind::Org,
    );
}

#[test]
fn intergovernmental_organisations_by_name_or_acronym() {
    let found =
        entities("Trade with ASEAN grew, the WTO said. The World Trade Organization agreed.");
    let wto = found
        .iter()
        .find(|e| e.name == "World Trade Organization")
        .expect("WTO");
    assert_eq!((wto.kind, wto.count), (Kind::Org, 2));
    has(
        "Trade with ASEAN grew.",
        "Association of Southeast Asian Nations",
        Kind::Org,
    );
    has("The World Bank lent money.", "World Bank", Kind::Org);
}

#[test]
fn an_abbreviation_whose_last_dot_ends_the_chunk_is_still_the_organisation() {
    // The chunk of "the U.N. trade embargo" stops at "U.N", before the dot.
    rules_have(
        "Zorbu traded with Quxland despite the U.N. trade embargo.",
        "United Nations",
        Kind::Org,
    );
}

#[test]
fn a_name_set_off_after_a_company_noun_is_that_company() {
    has(
        "Zhao chairs both the chipmaker and its parent company, Zorbu Unigroup.",
        "Zorbu Unigroup",
        Kind::Firm,
    );
    has(
        "The deal was signed by the carmaker, Quxo, on Monday.",
        "Quxo",
        Kind::Firm,
    );
    let got = named("Asked about the company, Zorbu Quxo said nothing new.");
    assert!(!got.iter().any(|(_, k)| *k == Kind::Firm), "{got:?}");
}

#[test]
fn a_name_closed_by_a_place_in_parentheses_is_a_local_unit_of_a_firm() {
    has(
        "It was funded by Zorbu Heavy Industries Blorp Gas Turbine (Guangzhou); a mall too.",
        "Zorbu Heavy Industries Blorp Gas Turbine (Guangzhou)",
        Kind::Firm,
    );
    has(
        "Students of Zorbu University (Shanghai) came.",
        "Zorbu University",
        Kind::Org,
    );
}

#[test]
fn a_name_right_after_place_based_is_a_company() {
    has(
        "Shenzhen-based Zorbu Robots closed its round.",
        "Zorbu Robots",
        Kind::Firm,
    );
    has(
        "Shenzhen-based Zorbu University grew.",
        "Zorbu University",
        Kind::Org,
    );
}

#[test]
fn a_person_in_apposition_to_a_qualified_role_even_with_a_brand_surname() {
    // "Tanabe" is a listed brand; the apposition still makes the pair a person.
    has(
        "The idea came from Kazuo Tanabe, a former executive of Zorbu.",
        "Kazuo Tanabe",
        Kind::Person,
    );
    has(
        "Zorbo Quux, the then deputy mayor, agreed.",
        "Zorbo Quux",
        Kind::Person,
    );
}

#[test]
fn plain_trade_nouns_after_a_company_head_stay_in_the_name() {
    has(
        "Firms such as Zorbu Communications Construction and Blorp came.",
        "Zorbu Communications Construction",
        Kind::Firm,
    );
    has(
        "Zorbu Group Chairman Li Wei spoke.",
        "Zorbu Group",
        Kind::Firm,
    );
}

#[test]
fn an_exposition_or_symposium_is_an_event() {
    has(
        "The Fourth Zorbu Road International Exposition opened.",
        "Fourth Zorbu Road International Exposition",
        Kind::Event,
    );
}

#[test]
fn a_place_located_by_distance_or_governed_is_a_city() {
    rules_have(
        "The park opened in Quxtang, 200 km (120 miles) west of Shanghai.",
        "Quxtang",
        Kind::City,
    );
    rules_have(
        "Investors and the Quxtang local government signed.",
        "Quxtang",
        Kind::City,
    );
}

#[test]
fn a_town_named_like_a_firm_in_the_article_is_the_firm() {
    // Iwata is a listed Japanese town; "Iwata Motor Corp" makes the bare name the firm.
    let body = "A former executive of Iwata Motor Corp spoke. He built plants for Iwata.";
    has(body, "Iwata Motor Corp", Kind::Firm);
    lacks(body, "Iwata");
    // Read as a place once, it stays a place.
    let body = "A former executive of Iwata Motor Corp spoke. He lives in Iwata.";
    has(body, "Iwata", Kind::City);
}

#[test]
fn a_list_before_a_plural_place_noun_takes_its_kind() {
    let body = "The area takes in Zorbuxian, Quxcheng and Blargin counties in Hebei.";
    for name in ["Zorbuxian", "Quxcheng", "Blargin"] {
        has(body, name, Kind::Region);
    }
}

#[test]
fn a_place_and_a_coined_word_name_a_firm_also_called_by_the_word() {
    let body = "Players such as Xiamen Zorbichip Co grew. Zorbichip chairman Li Wei spoke. \
                China Quxicom said it would help.";
    has(body, "Xiamen Zorbichip Co", Kind::Firm);
    lacks(body, "Zorbichip");
    rules_have(body, "China Quxicom", Kind::Firm);
}

#[test]
fn a_national_body_named_with_common_words_is_an_org() {
    has(
        "The State Council, China's cabinet, approved the zone.",
        "State Council",
        Kind::Org,
    );
}

#[test]
fn a_surname_before_a_small_town_is_a_person() {
    // Dawei is a listed town in Myanmar; after a Chinese surname it is a given name.
    let body = "Zhang Dawei said the port had grown.";
    has(body, "Zhang Dawei", Kind::Person);
    lacks(body, "Dawei");
    // A large city stays a place.
    has(
        "Trade between Li and Shanghai grew.",
        "Shanghai",
        Kind::City,
    );
}

#[test]
fn legal_forms_abbreviations_and_rounds_name_nothing_alone() {
    let body = "Nanjing Zorbidrive Technology Co, Ltd, a startup, makes SoCs. \
                It closed Zorbidrive's Series A round.";
    lacks(body, "Ltd");
    lacks(body, "SoCs");
    lacks(body, "Series A");
}

#[test]
fn a_fund_goes_by_its_first_word_and_by_it_with_the_market() {
    let body = "Quxmatrix Partners China led the round. Quxmatrix China said so, \
                and Zorbvertex Ventures China joined; Zorbvertex said it was glad.";
    rules_lack(body, "Quxmatrix China");
    lacks(body, "Zorbvertex");
    has(body, "Zorbvertex Ventures China", Kind::Firm);
}

#[test]
fn a_region_and_its_full_title_are_one_region() {
    let body = "Xinjiang Uygur Autonomous Region signed 40 projects. \
        Investors in Xinjiang welcomed the deals.";
    let got = named(body);
    let regions: Vec<&String> = got
        .iter()
        .filter(|(_, k)| *k == Kind::Region)
        .map(|(n, _)| n)
        .collect();
    assert_eq!(regions.len(), 1, "{got:?}");
}

#[test]
fn an_office_title_is_no_place_and_a_count_opens_no_name() {
    let got = named(
        "Lian Maojun, Executive Deputy District Governor, and Deputy District Governor \
         Xia Qinglin attended. More than 2,160 Quxbo enterprises have offices here.",
    );
    assert!(
        !got.iter()
            .any(|(n, _)| n.contains("Deputy") || n.starts_with("2,160")),
        "{got:?}"
    );
}

#[test]
fn a_company_name_with_a_number_inside_is_one_firm() {
    let got = named(
        "Zorbu 360 Technology Co has built a data centre in the city, along with \
         several other companies.",
    );
    assert!(
        !got.iter().any(|(n, _)| n == "Technology Co"),
        "the closing words of a firm's name are no firm: {got:?}"
    );
}

#[test]
fn a_surname_written_first_alone_is_the_person_named_in_full() {
    let body = "The park will grow, said Ong Chong Yi, president of the park's developer. \
        Ong said Malaysian firms would follow.";
    let found = entities(body);
    let person = found
        .iter()
        .find(|e| e.name == "Ong Chong Yi")
        .unwrap_or_else(|| panic!("no Ong Chong Yi in {:?}", named(body)));
    assert_eq!(person.count, 2, "{person:?}");
    assert!(!found.iter().any(|e| e.name == "Ong"), "{:?}", named(body));
}

#[test]
fn a_word_before_ethnic_group_names_a_people_not_a_firm() {
    let got = named("The festival of the Zorbai ethnic group drew crowds to Quxton on Monday.");
    assert!(!got.iter().any(|(n, _)| n == "Zorbai"), "{got:?}");
}

#[test]
fn a_short_name_in_parentheses_after_a_company_is_that_company() {
    let body = "China Zorbic Engineering Group Co. (Zorbic Group) signed a deal with the city. \
                Zorbic Group will build three power stations.";
    let got = entities(body);
    let firm = got
        .iter()
        .find(|e| e.name.starts_with("China Zorbic Engineering Group"))
        .expect("the company");
    assert!(firm.aliases.iter().any(|a| a == "Zorbic Group"), "{got:?}");
    assert!(!got.iter().any(|e| e.name == "Zorbic Group"), "{got:?}");
}

#[test]
fn a_pinyin_name_before_city_is_the_city() {
    rules_have(
        "The Baolan City government held a ceremony on Monday.",
        "Baolan",
        Kind::City,
    );
}

#[test]
fn a_region_before_city_of_names_a_city_of_the_region() {
    rules_have(
        "A thriving zone has helped the Jiangsu city of Quxton stand out.",
        "Jiangsu",
        Kind::Region,
    );
    rules_have("Jilin city opened a new plant.", "Jilin", Kind::City);
}

#[test]
fn a_development_area_or_a_port_area_is_a_zone() {
    rules_have(
        "Firms moved into the Quxton Economic and Technological Development Area last year.",
        "Quxton Economic and Technological Development Area",
        Kind::Zone,
    );
    rules_have(
        "The park sits in the Zorbo Port Area of the city.",
        "Zorbo Port Area",
        Kind::Zone,
    );
}

#[test]
fn an_abbreviated_title_with_its_full_stop_titles_the_name_after_it() {
    rules_have(
        "A delegation led by Mr. Zorbu Quxley took part.",
        "Zorbu Quxley",
        Kind::Person,
    );
    rules_lack(
        "A delegation led by Zorbu Quxley took part.",
        "Zorbu Quxley",
    );
    rules_have(
        "The mayor, Mr. Zorbu Qing-ping, took part.",
        "Zorbu Qing-ping",
        Kind::Person,
    );
}

#[test]
fn a_lower_case_point_of_the_compass_before_a_country_names_a_region() {
    has(
        "Zorbco built a plant in Quxian, a city in north China's Hebei province.",
        "north China",
        Kind::Region,
    );
    lacks(
        "Zorbco built a plant in Quxian, a city in north China's Hebei province.",
        "China",
    );
    has(
        "Zorbco built a plant in China's Hebei province.",
        "China",
        Kind::Country,
    );
    // Elsewhere a point of the compass only describes: "north Iraq" names Iraq.
    has(
        "Officials in north Iraq met on Monday.",
        "Iraq",
        Kind::Country,
    );
}

#[test]
fn a_lower_case_possessive_that_makes_a_longer_listed_place_names_it() {
    let body = "It was named by the Ministry of transport of the people's Republic of China.";
    lacks(body, "Taiwan");
    lacks(&body.replace('\'', "\u{2019}"), "Taiwan");
    has(
        "Officials of the Republic of China met.",
        "Taiwan",
        Kind::Country,
    );
}

#[test]
fn newspapers_armies_and_organisations_of_by_their_heads() {
    rules_have(
        "It told the Zorbton Post on Monday.",
        "Zorbton Post",
        Kind::Firm,
    );
    rules_have(
        "Fighters of the Zorbian Liberation Army crossed.",
        "Zorbian Liberation Army",
        Kind::Org,
    );
    rules_have(
        "The Organisation of Zorbian States met.",
        "Organisation of Zorbian States",
        Kind::Org,
    );
    // "Post and Telecommunications" is one field inside a body's name.
    rules_have(
        "The Zorbton Post and Telecommunications Administration said so.",
        "Zorbton Post and Telecommunications Administration",
        Kind::Org,
    );
}

#[test]
fn a_place_written_with_its_unit_in_lower_case_has_that_form_as_an_alias() {
    let text = "Firms in Zhejiang province and in Jiangsu signed deals on Monday.";
    assert_eq!(aliases_of(text, "Zhejiang"), ["Zhejiang province"]);
    assert!(aliases_of(text, "Jiangsu").is_empty());
}

/// The aliases of the entity named `name` in `body`'s entities.
fn aliases_of(body: &str, name: &str) -> Vec<String> {
    let found = entities(body);
    found
        .iter()
        .find(|e| e.name == name)
        .unwrap_or_else(|| panic!("{name} not in {found:?}"))
        .aliases
        .clone()
}

#[test]
fn a_listed_town_before_a_district_name_is_the_town() {
    let text = "Firms from Wuhan Zorbling District signed deals on Monday.";
    has(text, "Wuhan", Kind::City);
    has(text, "Zorbling District", Kind::Region);
    lacks(text, "Wuhan Zorbling District");
    // An autonomous unit is named by its seat and its people, one name.
    let text = "At the fair, Wuhan Zorb Autonomous Prefecture presented itself to investors.";
    has(text, "Wuhan Zorb Autonomous Prefecture", Kind::Region);
    lacks(text, "Zorb Autonomous Prefecture");
    // The town alone after it is the prefecture again.
    let text = "At the fair, Wuhan Zorb Autonomous Prefecture presented itself. Wuhan has \
                copper and zinc.";
    let found = entities(text);
    let prefecture = found
        .iter()
        .find(|e| e.name == "Wuhan Zorb Autonomous Prefecture")
        .expect("the prefecture");
    assert_eq!(prefecture.count, 2, "{found:?}");
}

#[test]
fn a_body_named_after_a_place_keeps_the_unit_word_after_it_as_an_alias() {
    assert_eq!(
        aliases_of(
            "The Investment Promotion Bureau of Zhejiang province met firms.",
            "Investment Promotion Bureau of Zhejiang"
        ),
        ["Investment Promotion Bureau of Zhejiang province"]
    );
}

#[test]
fn a_place_ending_in_project_or_base_is_a_site() {
    let text = "Officials visited the Zorbia Copper New Material Recycling Industrial Park \
                Construction Project on Monday.";
    has(
        text,
        "Zorbia Copper New Material Recycling Industrial Park Construction Project",
        Kind::Zone,
    );
    lacks(text, "Zorbia");
}

#[test]
fn a_state_code_after_a_town_is_the_state() {
    let text = "The plant in Austin, TX will close. ZORBTON HILLS, Mich. - Ford said on \
                Monday it would cut jobs in Detroit, MI and in Boston, Mass. this year.";
    has(text, "TX", Kind::Region);
    has(text, "Mich", Kind::Region);
    has(text, "MI", Kind::Region);
    has(text, "Mass", Kind::Region);
    // After a name that is no place, a title.
    lacks("Dr. Zorbia Quxley, MD, runs the clinic.", "MD");
}

#[test]
fn planets_and_moons_name_no_town_firm_or_body() {
    let text = "The probe will reach Jupiter in 2031 and fly past Europa, far from Earth. \
                Engineers used a GUI and an IDE built on an SDK.";
    for name in ["Jupiter", "Europa", "Earth", "GUI", "IDE", "SDK"] {
        lacks(text, name);
    }
    // A firm of the name stays, and its short name with it (two mentions: the
    // short name inside the full one is no mention of its own).
    let firm = "Jupiter Inc. said its profit doubled. Jupiter shares rose.";
    has(firm, "Jupiter Inc", Kind::Firm);
    let found = entities(firm);
    assert!(
        found
            .iter()
            .any(|e| e.name == "Jupiter Inc" && e.count == 2),
        "{found:?}"
    );
}

#[test]
fn a_town_named_alone_after_a_title_is_a_surname() {
    let text = "President Obama said the plan would go ahead. Critics said that Obama \
                had little choice, and Obama agreed.";
    assert!(
        !named(text).contains(&("Obama".to_string(), Kind::City)),
        "{:?}",
        named(text)
    );
}

#[test]
fn a_distinctive_listed_company_weakly_read_as_a_place_is_the_company() {
    let text = "The router is popular. Amazon has over 20,800 user reviews with a strong \
                rating. Amazon is offering it for $10 off. Amazon cut the price again.";
    has(text, "Amazon", Kind::Firm);
    assert!(!named(text).contains(&("Amazon".to_string(), Kind::City)));
}

#[test]
fn an_ocean_named_without_ocean_is_a_region() {
    let text = "Fishing fleets in the Pacific caught less this year. Storms hit the mid \
                Atlantic on Monday.";
    for ocean in ["Pacific", "Atlantic"] {
        assert!(
            !named(text).contains(&(ocean.to_string(), Kind::City)),
            "{:?}",
            named(text)
        );
    }
}

#[test]
fn nz_is_new_zealand() {
    has(
        "Stories in AU and NZ were shared. NZ exports rose.",
        "New Zealand",
        Kind::Country,
    );
}

#[test]
fn he_before_a_long_chinese_given_name_is_the_surname() {
    has(
        "He Quanzhong, secretary of the Zorbu Party Committee, welcomed the firms.",
        "He Quanzhong",
        Kind::Person,
    );
    // The pronoun before a place, or before a one-syllable word, is no name.
    lacks("He thanked Beijing for its help.", "He Beijing");
    lacks("He Can Win the Race", "He Can");
}

#[test]
fn a_listed_chinese_town_read_alone_as_a_body_is_the_town() {
    // The tagger reads this listed town, acting as its government, as a body.
    let text = "Zhangjiajie signs 17 projects worth 47 bln\n\nOn February 26, Zhangjiajie \
                held this year's first centralized signing ceremony of major investment \
                projects, at which 17 projects were signed. Over recent years, Zhangjiajie \
                has carried out various investment promotion activities on the strength \
                of its tourism resources. The signing ceremony will help Zhangjiajie \
                complement and expand its industrial chains.";
    has(text, "Zhangjiajie", Kind::City);
    assert!(!named(text).contains(&("Zhangjiajie".to_string(), Kind::Firm)));
}

#[test]
fn a_compass_abbreviation_before_china_names_a_region() {
    let text = "Port grows in E. China Zorbu's Quxton city\n\nThe port of NE China's Quxton \
                grew. Trade in SW China rose, as did trade in E. China.";
    for name in ["E. China", "NE China", "SW China"] {
        has(text, name, Kind::Region);
    }
    // No town or company of those words.
    let named = named(text);
    assert!(
        !named
            .iter()
            .any(|(n, k)| n.ends_with("China") && *k != Kind::Region),
        "{named:?}"
    );
}

#[test]
fn a_name_closed_by_a_model_word_and_its_product_line_are_no_company() {
    let text = "Laptop review\n\nApple sells the new MacBook Pro from Monday. The MacBook \
                Pro is fast, the MacBook is lighter, and the Apple AirPods Pro sound better \
                than the AirPods sold last year. Apple said sales rose.";
    has(text, "Apple", Kind::Firm);
    for product in ["MacBook Pro", "MacBook", "Apple AirPods Pro", "AirPods"] {
        lacks(text, product);
    }
}

#[test]
fn a_chinese_name_after_an_office_closes_no_bodys_name() {
    let text = "Projects start\n\nPresent were Chen Quanwen, Secretary General of the \
                Municipal Government, Director of the Municipal Water Resources Bureau Tao \
                Xunlin, Director of the Port Management Committee Luo Qiaoxia and other \
                leaders, and the ceremony was presided over by the Deputy Mayor He Zhanjun.";
    for person in ["Tao Xunlin", "Luo Qiaoxia", "He Zhanjun"] {
        has(text, person, Kind::Person);
    }
    lacks(text, "Port Management Committee Luo Qiaoxia");
    lacks(text, "Municipal Water Resources Bureau Tao Xunlin");
}

#[test]
fn the_district_or_zone_a_body_serves_is_mentioned_in_its_name() {
    let text = "Projects signed\n\nThe Investment Promotion Bureau of Zorbwan District led the \
                team. Qu Lanxia, Secretary of the Party Working Committee of Quxton Economic \
                Development Zone and Secretary of the Party Committee of Blorqiao Sub-district, \
                spoke. Quxton Development Zone ranks high.";
    has(
        text,
        "Investment Promotion Bureau of Zorbwan District",
        Kind::Org,
    );
    has(text, "Zorbwan District", Kind::Region);
    has(text, "Blorqiao Sub-district", Kind::Region);
    // The zone's short name is the same zone.
    let found = entities(text);
    let zone = found
        .iter()
        .find(|e| e.name == "Quxton Economic Development Zone")
        .expect("the zone");
    assert_eq!((zone.kind, zone.count), (Kind::Zone, 2));
    // Two places joined by "and" are not read as one.
    let two = "News\n\nThe Party Committee of Zorbwan County and Quxian District met today.";
    lacks(two, "Zorbwan County and Quxian District");
}

#[test]
fn a_chinese_surname_alone_after_the_full_name_is_that_person() {
    // "Jing" is a surname too, so the short form is not read from the name alone.
    let text = "Port news\n\nThe centre is big, he said. Yang Jing, board chairman of a Quxen \
                firm, said the company had invested 26 million yuan here. Yang said it would \
                raise the income of farmers.";
    let found = entities(text);
    let yang = found
        .iter()
        .find(|e| e.name == "Yang Jing")
        .expect("Yang Jing");
    assert_eq!(yang.mentions.len(), 2, "{found:?}");
    lacks(text, "Yang");
}

#[test]
fn a_town_written_with_its_unit_in_lower_case_keeps_that_form_as_an_alias() {
    let found = entities("Boats\n\nFishing boats left Quetta town at dawn, and Quetta grew.");
    let town = found.iter().find(|e| e.name == "Quetta").expect("Quetta");
    assert!(town.aliases.iter().any(|a| a == "Quetta town"), "{town:?}");
}

#[test]
fn a_town_no_list_knows_and_its_prefecture_are_the_prefecture() {
    let text = "Deals\n\nThe city lies in Zorbqesu Prefecture of the west. Firms signed deals \
                with Zorbqesu, which is rich in water and land.";
    let found = entities(text);
    let prefecture = found
        .iter()
        .find(|e| e.name == "Zorbqesu Prefecture")
        .expect("the prefecture");
    assert_eq!(
        (prefecture.kind, prefecture.count),
        (Kind::Region, 2),
        "{found:?}"
    );
    lacks(text, "Zorbqesu");
}
