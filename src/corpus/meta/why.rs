//! Where each metadata field came from, for `dossier show --why`: the kind of
//! evidence that won, in the fixed order of trust (structured data first, then
//! the page's headings, then the visible text).

use serde::{Deserialize, Serialize};

/// One kind of evidence for a metadata field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Evidence {
    /// Nothing stated the field.
    #[default]
    None,
    /// A JSON-LD object (schema.org `NewsArticle` and kin, `@graph` forms too).
    JsonLd,
    /// An Open Graph meta tag (`og:title`, `og:site_name`).
    OpenGraph,
    /// A Twitter card meta tag (`twitter:title`).
    TwitterCard,
    /// A Dublin Core meta tag (`dc:title`, `DC.creator`, `dcterms.date`).
    DublinCore,
    /// A `citation_*` meta tag (scholarly pages).
    Citation,
    /// An `article:*` meta tag (`article:published_time`, `article:author`).
    ArticleMeta,
    /// A Parse.ly meta tag (`parsely-title`).
    Parsely,
    /// Another named meta tag (`author`, `title`, `publisher`, `pubdate`).
    MetaTag,
    /// Microdata (`itemprop`).
    Microdata,
    /// An `<h1>` that agrees with the `<title>`.
    Heading,
    /// The `<title>` element.
    TitleElement,
    /// A `<time datetime>` element.
    TimeElement,
    /// An element marked as a byline (`class="byline"`, `rel="author"`).
    BylineMarkup,
    /// Markdown front matter.
    FrontMatter,
    /// A field of a JSON Lines record.
    JsonField,
    /// The headline line of the text.
    Headline,
    /// A byline or date line under the headline ("By Ann Lee | May 3, 2021").
    Byline,
    /// A wire dateline ("PORTVILLE, May 3 (Agency) --").
    Dateline,
    /// A closing credit ("(Agency)", "Reporting by ...").
    ClosingCredit,
    /// A labelled date line anywhere on the page ("Updated: 2021-05-03").
    DateLine,
    /// A full date on a short line above the headline.
    HeadDate,
    /// The outlet's name on a line of its own in the head ("Example Daily"), or the
    /// publishing body's name on the page's first line.
    Masthead,
    /// A copyright line ("© 2021 Example News").
    Copyright,
    /// A footer line naming the body that hosts the site ("Hosted by Example
    /// County Government").
    HostedBy,
    /// The site a welcome line above the story names ("Welcome to the official
    /// website of Example County!").
    Greeting,
    /// The root of a breadcrumb trail above the headline ("You are here: Example
    /// Online > News").
    Breadcrumb,
    /// The site's name cut from the title ("Headline | Site").
    TitleSuffix,
    /// The publisher table (`assets/publishers.tsv`) for the page's address.
    PublisherTable,
    /// A name made readable from the page's address ("examplepost.com").
    Address,
    /// The first sentence of the text (no headline stated).
    FirstSentence,
}

impl Evidence {
    /// A short phrase for people ("JSON-LD", "Open Graph meta tag").
    pub fn describe(self) -> &'static str {
        match self {
            Evidence::None => "not stated",
            Evidence::JsonLd => "JSON-LD structured data",
            Evidence::OpenGraph => "Open Graph meta tag",
            Evidence::TwitterCard => "Twitter card meta tag",
            Evidence::DublinCore => "Dublin Core meta tag",
            Evidence::Citation => "citation_* meta tag",
            Evidence::ArticleMeta => "article:* meta tag",
            Evidence::Parsely => "Parse.ly meta tag",
            Evidence::MetaTag => "named meta tag",
            Evidence::Microdata => "microdata (itemprop)",
            Evidence::Heading => "<h1> agreeing with <title>",
            Evidence::TitleElement => "<title> element",
            Evidence::TimeElement => "<time datetime> element",
            Evidence::BylineMarkup => "byline element",
            Evidence::FrontMatter => "front matter",
            Evidence::JsonField => "JSON field",
            Evidence::Headline => "headline line of the text",
            Evidence::Byline => "byline or date line under the headline",
            Evidence::Dateline => "wire dateline",
            Evidence::ClosingCredit => "closing credit",
            Evidence::DateLine => "labelled date line",
            Evidence::HeadDate => "date above the headline",
            Evidence::Masthead => "masthead line in the head",
            Evidence::Copyright => "copyright line",
            Evidence::HostedBy => "\"Hosted by\" line in the footer",
            Evidence::Greeting => "site named in a welcome line",
            Evidence::Breadcrumb => "root of the breadcrumb trail",
            Evidence::TitleSuffix => "site name after the title",
            Evidence::PublisherTable => "publisher table, by the page's address",
            Evidence::Address => "the page's address",
            Evidence::FirstSentence => "first sentence of the text",
        }
    }
}

/// The evidence behind each metadata field of an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Why {
    /// Where the title came from.
    pub title: Evidence,
    /// Where the outlet came from.
    pub source: Evidence,
    /// Where the date came from.
    pub date: Evidence,
    /// Where the author came from.
    pub author: Evidence,
}
