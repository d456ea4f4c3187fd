//! A cap on how deep HTML nests before it reaches the parser. html5ever walks
//! its stack of open elements for many tags (is a `<p>` in button scope?), so a
//! page of nested `<div>`s costs time in the square of its depth: 100,000 levels
//! took 21 s, a megabyte of unclosed tags longer than anyone waits. Browsers cap
//! the depth (Chromium at 512: deeper elements become siblings); so does this
//! pass, before parsing: a linear scan that follows which elements are open as
//! the parser would (void elements, implied end tags, end tags that close
//! nothing, reconstructed formatting elements, foreign content) and drops the
//! tags of elements that would open deeper than [`MAX_DEPTH`] (and the end
//! tags that close them). Their text stays, in order, and block tags become a
//! line break so paragraphs stay apart. Real pages nest a few dozen levels;
//! their text comes back unchanged.

use std::borrow::Cow;
use std::collections::HashMap;

/// Deepest an element may open; deeper start tags are dropped. Far above what
/// real pages use, and low enough that the parser's walks stay cheap.
pub(crate) const MAX_DEPTH: usize = 256;

/// Most attributes kept on one tag. The tokenizer checks each new attribute
/// against those before it, so a tag with 80,000 took over a second, and time
/// grows with the square of their number; real tags have a few dozen.
const MAX_ATTRIBUTES: usize = 256;

/// Most formatting elements (`<b>`, `<a>`, ...) carried open across an implied
/// end (a new `<p>` closing the last). The parser opens each of them again at
/// the next text, so without a bound a page of `<p><b id=N>x` builds elements
/// in the square of its length. Past this, they are closed before the tag.
const MAX_CARRIED: usize = 4;

/// The page as the parser will see it, and how many tags were dropped.
pub(crate) struct Capped<'a> {
    /// The page, unchanged unless it nested too deep.
    pub text: Cow<'a, str>,
    /// Start and end tags dropped.
    pub dropped: usize,
}

/// Caps the nesting of `html` at [`MAX_DEPTH`].
pub(crate) fn cap(html: &str) -> Capped<'_> {
    let mut scan = Scan::new(html);
    scan.run();
    if scan.dropped == 0 {
        return Capped {
            text: Cow::Borrowed(html),
            dropped: 0,
        };
    }
    scan.out.push_str(&html[scan.copied..]);
    Capped {
        text: Cow::Owned(scan.out),
        dropped: scan.dropped,
    }
}

/// Elements that have no end tag and never open.
const VOID: &[&str] = &[
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image", "img",
    "input", "keygen", "link", "meta", "param", "source", "track", "wbr",
];

/// Elements whose content is text up to their own end tag.
const RAW: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript",
];

/// Formatting elements: kept open (reconstructed) across implied end tags.
const FORMATTING: &[&str] = &[
    "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u",
];

/// Start tags that close an open `<p>`.
const CLOSES_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "center",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "listing",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "search",
    "section",
    "summary",
    "table",
    "ul",
];

/// Elements an end tag of another name does not close through (the parser's
/// "special" category, the part that matters here).
const SPECIAL: &[&str] = &[
    "address",
    "applet",
    "article",
    "aside",
    "blockquote",
    "body",
    "button",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "frameset",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hgroup",
    "html",
    "li",
    "listing",
    "main",
    "marquee",
    "menu",
    "nav",
    "object",
    "ol",
    "p",
    "plaintext",
    "pre",
    "search",
    "section",
    "select",
    "summary",
    "table",
    "tbody",
    "td",
    "template",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

/// Elements an end tag never closes through even when it names a special one
/// (the parser's scope boundaries).
const SCOPE: &[&str] = &[
    "applet", "caption", "html", "marquee", "object", "table", "td", "template", "th", "math",
    "svg",
];

/// Inline elements: dropped without a trace (block ones leave a `<br>`).
const INLINE: &[&str] = &[
    "a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "data", "dfn", "em", "font", "i", "kbd",
    "label", "mark", "nobr", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup",
    "time", "tt", "u", "var",
];

/// What a name is, as bits.
const IS_VOID: u16 = 1;
const IS_RAW: u16 = 1 << 1;
const IS_FORMATTING: u16 = 1 << 2;
const IS_CLOSES_P: u16 = 1 << 3;
const IS_SPECIAL: u16 = 1 << 4;
const IS_SCOPE: u16 = 1 << 5;
const IS_INLINE: u16 = 1 << 6;
const IS_FOREIGN: u16 = 1 << 7;
const IS_HEADING: u16 = 1 << 8;

/// Element names as small numbers, each with what it is: the scan compares
/// numbers, never strings.
struct Names {
    ids: HashMap<Box<[u8]>, u32>,
    names: Vec<Box<str>>,
    flags: Vec<u16>,
}

impl Names {
    fn new() -> Names {
        let mut names = Names {
            ids: HashMap::new(),
            names: Vec::new(),
            flags: Vec::new(),
        };
        for (list, flag) in [
            (VOID, IS_VOID),
            (RAW, IS_RAW),
            (FORMATTING, IS_FORMATTING),
            (CLOSES_P, IS_CLOSES_P),
            (SPECIAL, IS_SPECIAL),
            (SCOPE, IS_SCOPE),
            (INLINE, IS_INLINE),
            (&["svg", "math"][..], IS_FOREIGN),
            (&["h1", "h2", "h3", "h4", "h5", "h6"][..], IS_HEADING),
        ] {
            for name in list {
                let id = names.id(name.as_bytes());
                names.flags[id as usize] |= flag;
            }
        }
        names
    }

    /// The number of a lower-case name, given one if it has none yet.
    fn id(&mut self, name: &[u8]) -> u32 {
        if let Some(&id) = self.ids.get(name) {
            return id;
        }
        let id = self.names.len() as u32;
        self.ids.insert(name.into(), id);
        self.names
            .push(String::from_utf8_lossy(name).into_owned().into_boxed_str());
        self.flags.push(0);
        id
    }

    fn is(&self, id: u32, flag: u16) -> bool {
        self.flags[id as usize] & flag != 0
    }

    fn name(&self, id: u32) -> &str {
        &self.names[id as usize]
    }
}

/// The names the rules below single out.
struct Known {
    p: u32,
    li: u32,
    dt: u32,
    dd: u32,
    option: u32,
    optgroup: u32,
    tr: u32,
    td: u32,
    th: u32,
    tbody: u32,
    thead: u32,
    tfoot: u32,
    table: u32,
    button: u32,
    html: u32,
    body: u32,
    ul: u32,
    ol: u32,
    menu: u32,
    dl: u32,
    select: u32,
    datalist: u32,
    a: u32,
    nobr: u32,
    svg: u32,
    math: u32,
    plaintext: u32,
}

impl Known {
    fn new(names: &mut Names) -> Known {
        let mut id = |n: &str| names.id(n.as_bytes());
        Known {
            p: id("p"),
            li: id("li"),
            dt: id("dt"),
            dd: id("dd"),
            option: id("option"),
            optgroup: id("optgroup"),
            tr: id("tr"),
            td: id("td"),
            th: id("th"),
            tbody: id("tbody"),
            thead: id("thead"),
            tfoot: id("tfoot"),
            table: id("table"),
            button: id("button"),
            html: id("html"),
            body: id("body"),
            ul: id("ul"),
            ol: id("ol"),
            menu: id("menu"),
            dl: id("dl"),
            select: id("select"),
            datalist: id("datalist"),
            a: id("a"),
            nobr: id("nobr"),
            svg: id("svg"),
            math: id("math"),
            plaintext: id("plaintext"),
        }
    }
}

struct Scan<'a> {
    html: &'a str,
    /// The page so far, once a tag had to be dropped.
    out: String,
    /// How much of `html` is in `out` (or needs no copy yet).
    copied: usize,
    names: Names,
    known: Known,
    /// Open elements, outermost first.
    stack: Vec<u32>,
    /// Per name, how many are open (to skip looking for what is not there).
    open: Vec<u32>,
    /// Open `<svg>` and `<math>` elements (in them `<x/>` closes itself).
    foreign: usize,
    /// Per name, start tags dropped whose end tags are still to come.
    excess: HashMap<u32, usize>,
    /// Where the last line break written for dropped tags ends in `out`.
    last_break: Option<usize>,
    dropped: usize,
}

impl<'a> Scan<'a> {
    fn new(html: &'a str) -> Scan<'a> {
        let mut names = Names::new();
        let known = Known::new(&mut names);
        Scan {
            html,
            out: String::new(),
            copied: 0,
            names,
            known,
            stack: Vec::new(),
            open: Vec::new(),
            foreign: 0,
            excess: HashMap::new(),
            last_break: None,
            dropped: 0,
        }
    }

    fn run(&mut self) {
        let bytes = self.html.as_bytes();
        let mut lower = Vec::with_capacity(16);
        let mut at = 0;
        while let Some(found) = memchr::memchr(b'<', &bytes[at..]) {
            let start = at + found;
            let rest = &bytes[start..];
            at = if rest.starts_with(b"<!--") {
                find(bytes, start + 4, b"-->").map_or(bytes.len(), |end| end + 3)
            } else if rest.starts_with(b"<!") || rest.starts_with(b"<?") {
                find(bytes, start + 2, b">").map_or(bytes.len(), |end| end + 1)
            } else if rest.len() > 2 && rest[1] == b'/' && rest[2].is_ascii_alphabetic() {
                let tag = tag(bytes, start + 2);
                lower.clear();
                lower.extend(tag.name.iter().map(u8::to_ascii_lowercase));
                let id = self.names.id(&lower);
                self.end_tag(id, start, tag.end);
                self.cut_attributes(&tag);
                tag.end
            } else if rest.len() > 1 && rest[1].is_ascii_alphabetic() {
                let tag = tag(bytes, start + 1);
                let end = tag.end;
                lower.clear();
                lower.extend(tag.name.iter().map(u8::to_ascii_lowercase));
                let id = self.names.id(&lower);
                let closed = end >= 2 && bytes[end - 2] == b'/';
                self.start_tag(id, closed, start, end);
                self.cut_attributes(&tag);
                if self.names.is(id, IS_RAW) {
                    raw_end(bytes, end, &lower)
                } else if id == self.known.plaintext {
                    bytes.len()
                } else {
                    end
                }
            } else {
                start + 1
            };
        }
    }

    fn push(&mut self, id: u32) {
        self.stack.push(id);
        if self.open.len() <= id as usize {
            self.open.resize(id as usize + 1, 0);
        }
        self.open[id as usize] += 1;
        if self.names.is(id, IS_FOREIGN) {
            self.foreign += 1;
        }
    }

    fn forget(&mut self, id: u32) {
        self.open[id as usize] -= 1;
        if self.names.is(id, IS_FOREIGN) {
            self.foreign -= 1;
        }
    }

    /// Closes the element at `at` and everything opened inside it; returns
    /// what was closed, outermost first.
    fn pop_to(&mut self, at: usize) -> Vec<u32> {
        let popped: Vec<u32> = self.stack.drain(at..).collect();
        for &id in &popped {
            self.forget(id);
        }
        popped
    }

    fn is_open(&self, id: u32) -> bool {
        self.open.get(id as usize).is_some_and(|&n| n > 0)
    }

    fn start_tag(&mut self, id: u32, self_closing: bool, start: usize, end: usize) {
        if self.names.is(id, IS_VOID) || (self_closing && self.foreign > 0) {
            return;
        }
        let mut kept = self.implied_end(id);
        if kept.len() > MAX_CARRIED {
            self.close_before(&kept, start);
            kept.clear();
        }
        if self.stack.len() >= MAX_DEPTH {
            *self.excess.entry(id).or_default() += 1;
            self.drop_tag(id, start, end);
        } else {
            self.push(id);
        }
        // Formatting elements the implied end closed are opened again inside
        // the new element (the parser reconstructs them at its next text).
        for formatting in kept {
            if self.stack.len() < MAX_DEPTH {
                self.push(formatting);
            }
        }
    }

    /// Closes what a start tag of `id` closes by implication; returns the
    /// formatting elements closed on the way (to be opened again).
    fn implied_end(&mut self, id: u32) -> Vec<u32> {
        let k = &self.known;
        let (targets, stops): (Vec<u32>, Vec<u32>) = if self.names.is(id, IS_CLOSES_P) {
            (vec![k.p], vec![k.button, k.html, k.table, k.svg, k.math])
        } else if id == k.li {
            (vec![k.li], vec![k.ul, k.ol, k.menu, k.table])
        } else if id == k.dt || id == k.dd {
            (vec![k.dt, k.dd], vec![k.dl, k.table])
        } else if id == k.option || id == k.optgroup {
            (vec![k.option], vec![k.select, k.datalist, k.optgroup])
        } else if id == k.tr {
            (vec![k.tr], vec![k.table, k.tbody, k.thead, k.tfoot])
        } else if id == k.td || id == k.th {
            (vec![k.td, k.th], vec![k.tr, k.table])
        } else if id == k.tbody || id == k.thead || id == k.tfoot {
            (vec![k.tbody, k.thead, k.tfoot], vec![k.table])
        } else if id == k.a || id == k.nobr {
            (vec![id], vec![k.html])
        } else {
            (Vec::new(), Vec::new())
        };
        let mut kept = Vec::new();
        if targets.iter().any(|&t| self.is_open(t))
            && let Some(at) = self.find_open(&targets, &stops)
        {
            for popped in self.pop_to(at).into_iter().skip(1) {
                if self.names.is(popped, IS_FORMATTING) && !targets.contains(&popped) {
                    kept.push(popped);
                }
            }
        }
        if self.names.is(id, IS_HEADING)
            && let Some(&top) = self.stack.last()
            && self.names.is(top, IS_HEADING)
        {
            let top_at = self.stack.len() - 1;
            self.pop_to(top_at);
        }
        kept
    }

    /// The highest open element among `targets`, searching down from the top
    /// and no further than an element among `stops`.
    fn find_open(&self, targets: &[u32], stops: &[u32]) -> Option<usize> {
        for (at, open) in self.stack.iter().enumerate().rev() {
            if targets.contains(open) {
                return Some(at);
            }
            if stops.contains(open) {
                return None;
            }
        }
        None
    }

    fn end_tag(&mut self, id: u32, start: usize, end: usize) {
        if let Some(count) = self.excess.get_mut(&id)
            && *count > 0
        {
            *count -= 1;
            self.drop_tag(id, start, end);
            return;
        }
        if id == self.known.body || id == self.known.html || !self.is_open(id) {
            // The parser keeps everything open after `</body>` (and goes on
            // putting what follows inside); an end tag with nothing of its
            // name open closes nothing.
            return;
        }
        if self.names.is(id, IS_FORMATTING) {
            // The adoption agency takes the element out and leaves the ones
            // opened inside it open.
            if let Some(at) = self.stack.iter().rposition(|&open| open == id) {
                self.stack.remove(at);
                self.forget(id);
            }
            return;
        }
        let special = self.names.is(id, IS_SPECIAL);
        for at in (0..self.stack.len()).rev() {
            let open = self.stack[at];
            if open == id {
                self.pop_to(at);
                return;
            }
            let boundary = if special {
                self.names.is(open, IS_SCOPE)
            } else {
                self.names.is(open, IS_SPECIAL)
            };
            if boundary {
                return;
            }
        }
    }

    /// Leaves out a tag's attributes past [`MAX_ATTRIBUTES`] (unless the whole
    /// tag was left out already).
    fn cut_attributes(&mut self, tag: &Tag) {
        let Some(cut) = tag.cut.filter(|&cut| cut >= self.copied) else {
            return;
        };
        self.out.push_str(&self.html[self.copied..cut]);
        let closed = tag.end >= 2 && self.html.as_bytes()[tag.end - 2] == b'/';
        self.out.push_str(if closed { "/>" } else { ">" });
        self.copied = tag.end;
        self.dropped += 1;
    }

    /// Writes end tags for `elements` (innermost first) just before `start`.
    fn close_before(&mut self, elements: &[u32], start: usize) {
        self.out.push_str(&self.html[self.copied..start]);
        for &id in elements.iter().rev() {
            self.out.push_str("</");
            self.out.push_str(self.names.name(id));
            self.out.push('>');
        }
        self.copied = start;
        self.dropped += elements.len();
    }

    /// Leaves the tag at `start..end` out of the page. A block tag becomes a
    /// line break, one for a run of them with nothing but space between.
    fn drop_tag(&mut self, id: u32, start: usize, end: usize) {
        let between = &self.html[self.copied..start];
        let run = self.last_break == Some(self.out.len()) && between.trim().is_empty();
        if !run {
            self.out.push_str(between);
        }
        if !run && !self.names.is(id, IS_INLINE) {
            self.out.push_str("<br>");
            self.last_break = Some(self.out.len());
        }
        self.copied = end;
        self.dropped += 1;
    }
}

/// A tag as the scan reads it.
struct Tag<'a> {
    /// Its name, as written.
    name: &'a [u8],
    /// Where it ends: after its `>`, or the end of the page.
    end: usize,
    /// Where its attribute past [`MAX_ATTRIBUTES`] starts, if it has one.
    cut: Option<usize>,
}

/// The tag whose name starts at `at`: attributes are read as the tokenizer
/// reads them, so a quoted value may hold `>`.
fn tag(bytes: &[u8], at: usize) -> Tag<'_> {
    let len = bytes.len();
    let mut i = at;
    while i < len && !bytes[i].is_ascii_whitespace() && !matches!(bytes[i], b'/' | b'>') {
        i += 1;
    }
    let name = &bytes[at..i];
    let mut attributes = 0;
    let mut cut = None;
    loop {
        while i < len && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
            i += 1;
        }
        if i >= len {
            return Tag {
                name,
                end: len,
                cut,
            };
        }
        if bytes[i] == b'>' {
            return Tag {
                name,
                end: i + 1,
                cut,
            };
        }
        // An attribute name, then perhaps `=` and a value.
        attributes += 1;
        if attributes == MAX_ATTRIBUTES + 1 {
            cut = Some(i);
        }
        i += 1;
        while i < len && !bytes[i].is_ascii_whitespace() && !matches!(bytes[i], b'=' | b'>' | b'/')
        {
            i += 1;
        }
        while i < len && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        if i < len && bytes[i] == b'=' {
            i += 1;
            while i < len && bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            match bytes.get(i) {
                Some(&quote @ (b'"' | b'\'')) => {
                    i = memchr::memchr(quote, &bytes[i + 1..]).map_or(len, |n| i + 1 + n + 1);
                }
                _ => {
                    while i < len && !bytes[i].is_ascii_whitespace() && bytes[i] != b'>' {
                        i += 1;
                    }
                }
            }
        }
    }
}

/// Where the content of a raw text element ends: at its end tag, or the end.
fn raw_end(bytes: &[u8], from: usize, name: &[u8]) -> usize {
    let mut at = from;
    while let Some(found) = find(bytes, at, b"</") {
        let after = found + 2;
        let candidate = bytes.get(after..after + name.len());
        if candidate.is_some_and(|c| c.eq_ignore_ascii_case(name)) {
            return found;
        }
        at = after;
    }
    bytes.len()
}

fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(&bytes[from.min(bytes.len())..], needle).map(|i| from + i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_pages_pass_unchanged() {
        let page = "<html><body><div><p>One <b>two</b><p>Three<ul><li>a<li>b</ul>\
                    <svg><path d='x'/><path/></svg><script>if (a<b) {}</script></div></body></html>";
        let capped = cap(page);
        assert!(matches!(capped.text, Cow::Borrowed(_)));
        assert_eq!(capped.dropped, 0);
    }

    #[test]
    fn nesting_past_the_cap_is_flattened_and_its_text_kept() {
        let n = MAX_DEPTH * 4;
        let page = format!("{}deep text{}", "<div>".repeat(n), "</div>".repeat(n));
        let capped = cap(&page);
        assert!(capped.dropped > 0);
        assert!(capped.text.contains("deep text"));
        assert!(capped.text.matches("<div>").count() <= MAX_DEPTH);
    }

    #[test]
    fn implied_ends_do_not_count_as_nesting() {
        let page = format!("<body>{}", "<p>para<li>item<td>cell".repeat(MAX_DEPTH * 2));
        assert_eq!(cap(&page).dropped, 0);
        let page = format!("<body>{}", "<div>x</div>".repeat(MAX_DEPTH * 2));
        assert_eq!(cap(&page).dropped, 0);
    }

    #[test]
    fn formatting_carried_across_paragraphs_is_bounded() {
        // Each <p> closes the one before, but the parser opens every <b> again
        // at the next text: past a few, they are closed first.
        let page: String = (0..MAX_DEPTH * 2)
            .map(|i| format!("<p><b id={i}>x"))
            .collect();
        let capped = cap(&page);
        assert!(capped.dropped > 0);
        assert!(
            capped.text.contains("</b></b></b></b></b><p>"),
            "{}",
            &capped.text[..400]
        );
        // A few carried along, as sloppy pages do, are left alone.
        let page = "<p><b>bold<p>still bold<p><i>and italic<p>text";
        assert_eq!(cap(page).dropped, 0);
    }

    #[test]
    fn end_tags_do_not_close_through_special_elements() {
        // `</span>` cannot close a `<div>` opened inside it: the divs pile up.
        let page = "<span><div>x</span>".repeat(MAX_DEPTH * 2);
        assert!(cap(&page).dropped > 0);
    }

    #[test]
    fn attributes_past_the_cap_are_left_out() {
        let attrs: Vec<String> = (0..MAX_ATTRIBUTES + 10)
            .map(|i| format!("a{i}='>'"))
            .collect();
        let page = format!(
            "<p {}>text</p><svg><path {} /></svg>",
            attrs.join(" "),
            attrs.join(" ")
        );
        let capped = cap(&page);
        assert_eq!(capped.dropped, 2);
        let last = format!("a{}=", MAX_ATTRIBUTES - 1);
        let first_cut = format!("a{}=", MAX_ATTRIBUTES);
        assert!(capped.text.contains(&last) && !capped.text.contains(&first_cut));
        assert!(capped.text.contains("'>' >text</p>"));
        assert!(capped.text.ends_with("'>' /></svg>"));
    }

    #[test]
    fn an_end_of_body_closes_nothing() {
        let page = "<div><div><div>x</body>".repeat(MAX_DEPTH);
        assert!(cap(&page).dropped > 0);
    }

    #[test]
    fn quoted_brackets_and_comments_are_not_tags() {
        let page = format!(
            "<a title='x>y'>t</a><!-- {} -->",
            "<div>".repeat(MAX_DEPTH * 2)
        );
        assert_eq!(cap(&page).dropped, 0);
    }
}
