//! Every reader (and the cleaner after it) runs in time linear in its input:
//! each case doubles the input along one dimension (nesting depth, line
//! length, record length, number of lines or records) and checks that the
//! time, in CPU time of the reading thread, at most about doubles (the ratio
//! must stay under 3.5; quadratic work gives 4). The best of three runs is
//! taken at each size, and a ratio over 3 is measured again, so a busy machine
//! does not fail the test.

use std::time::Duration;

fn thread_cpu() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes the timespec it is given and nothing else.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

/// Best of three CPU times for loading `text` as `path`.
fn cost(path: &str, text: &str) -> Duration {
    (0..3)
        .map(|_| {
            let start = thread_cpu();
            let corpus = dossier::corpus::load_text(path, text);
            std::hint::black_box(&corpus);
            thread_cpu() - start
        })
        .min()
        .unwrap_or_default()
}

/// Loads `make(n)` and `make(2n)` and returns the time ratio; grows `n` until
/// the smaller input takes long enough to measure.
fn ratio(path: &str, make: impl Fn(usize) -> String, mut n: usize) -> f64 {
    loop {
        let small = cost(path, &make(n));
        if small >= Duration::from_millis(40) || n > 1 << 26 {
            let large = cost(path, &make(2 * n));
            let r = large.as_secs_f64() / small.as_secs_f64().max(1e-9);
            eprintln!("{path}: n={n} {small:?} -> {large:?}: x{r:.2}");
            return r;
        }
        n *= 2;
    }
}

fn words(n: usize) -> String {
    const WORDS: [&str; 8] = [
        "harbour",
        "Chongqing",
        "cargo",
        "rose",
        "by",
        "a",
        "fifth,",
        "officials",
    ];
    (0..n).map(|i| WORDS[i % 8]).collect::<Vec<_>>().join(" ")
}

/// The most a doubled input may cost, as a multiple (quadratic work gives 4).
const BOUND: f64 = 3.5;

fn assert_linear(name: &str, path: &str, make: impl Fn(usize) -> String, n: usize) {
    // A ratio over the bound is measured again (twice at most) before it fails.
    // Quadratic work gives about 4 every time; linear work on inputs of tens of
    // megabytes, where the first-touch page faults and the caches weigh in, gave
    // x3.04-3.30 at load 7-8 (nested Markdown quotes, 40 -> 80 MB, on main too).
    let mut r = ratio(path, &make, n);
    for _ in 0..2 {
        if r < BOUND {
            break;
        }
        r = r.min(ratio(path, &make, n));
    }
    assert!(
        r < BOUND,
        "{name}: doubling the input took x{r:.2} the time"
    );
}

#[test]
fn html_nesting_depth_is_linear() {
    assert_linear(
        "nested divs",
        "deep.html",
        |n| {
            format!(
                "<html><body>{}<p>{}</p>{}",
                "<div>".repeat(n),
                words(50),
                "</div>".repeat(n)
            )
        },
        5_000,
    );
}

#[test]
fn html_unclosed_tags_are_linear() {
    assert_linear(
        "unclosed divs",
        "open.html",
        |n| format!("<p>{}</p>{}", words(50), "<div>".repeat(n)),
        5_000,
    );
    assert_linear(
        "formatting carried across paragraphs",
        "carried.html",
        |n| (0..n).map(|i| format!("<p><b id={i}>word {i} ")).collect(),
        2_000,
    );
}

#[test]
fn html_attributes_on_one_tag_are_linear() {
    assert_linear(
        "attributes",
        "attributes.html",
        |n| {
            let attrs: Vec<String> = (0..n).map(|i| format!("a{i}=x")).collect();
            format!("<div {}><p>{}</p></div>", attrs.join(" "), words(50))
        },
        5_000,
    );
}

#[test]
fn html_page_and_paragraph_length_are_linear() {
    assert_linear(
        "paragraphs",
        "page.html",
        |n| {
            (0..n)
                .map(|i| format!("<p>{} {i}.</p>\n", words(12)))
                .collect()
        },
        500,
    );
    assert_linear(
        "one long paragraph",
        "long.html",
        |n| format!("<p>{}</p>", words(n)),
        5_000,
    );
}

#[test]
fn markdown_line_length_and_lines_are_linear() {
    assert_linear(
        "one long line",
        "long.md",
        |n| {
            format!(
                "# Title\n\n{}\n",
                (0..n)
                    .map(|i| format!("[w{i}](http://x/{i}) *a* **b** `c` "))
                    .collect::<String>()
            )
        },
        1_000,
    );
    assert_linear(
        "many lines",
        "lines.md",
        |n| {
            (0..n)
                .map(|i| format!("Line {i} {}\n\n", words(10)))
                .collect()
        },
        500,
    );
}

#[test]
fn plain_text_line_length_and_lines_are_linear() {
    assert_linear("one long line", "long.txt", words, 5_000);
    assert_linear(
        "many lines",
        "lines.txt",
        |n| (0..n).map(|i| format!("{} {i}.\n\n", words(12))).collect(),
        500,
    );
}

#[test]
fn json_lines_record_length_and_records_are_linear() {
    assert_linear(
        "one long record",
        "long.jsonl",
        |n| format!("{}\n", serde_json::json!({"title": "T", "body": words(n)})),
        5_000,
    );
    assert_linear(
        "many records",
        "many.jsonl",
        |n| {
            (0..n)
                .map(|i| {
                    format!(
                        "{}\n",
                        serde_json::json!({"title": format!("T{i}"), "body": words(12)})
                    )
                })
                .collect()
        },
        200,
    );
}

#[test]
fn repeated_and_short_lines_are_linear() {
    assert_linear(
        "one line repeated",
        "same.txt",
        |n| "The same line again, said the wire.\n".repeat(n),
        2_000,
    );
    assert_linear(
        "short headline-like lines",
        "headlines.txt",
        |n| {
            (0..n)
                .map(|i| format!("Port Expands Again {i}\n"))
                .collect()
        },
        2_000,
    );
    assert_linear(
        "one word, no spaces",
        "word.txt",
        |n| "x".repeat(n),
        100_000,
    );
}

#[test]
fn markdown_nesting_and_unclosed_markup_are_linear() {
    assert_linear(
        "nested quotes",
        "quotes.md",
        |n| format!("{} text\n", "> ".repeat(n)),
        5_000,
    );
    assert_linear(
        "unclosed brackets and emphasis",
        "open.md",
        |n| format!("Text {} end\n", "[a **b _c `d ".repeat(n)),
        2_000,
    );
    assert_linear(
        "unclosed comments",
        "comments.md",
        |n| format!("Text\n{}", "<!-- a\n".repeat(n)),
        2_000,
    );
}

#[test]
fn json_lines_fields_and_paragraph_lists_are_linear() {
    assert_linear(
        "many fields",
        "fields.jsonl",
        |n| {
            let mut record = serde_json::Map::new();
            for i in 0..n {
                record.insert(format!("k{i}"), serde_json::json!(i));
            }
            record.insert("body".into(), serde_json::json!(words(50)));
            format!("{}\n", serde_json::Value::Object(record))
        },
        2_000,
    );
    assert_linear(
        "a body of many paragraphs",
        "paragraphs.jsonl",
        |n| {
            let body: Vec<String> = (0..n).map(|i| format!("{} {i}.", words(10))).collect();
            format!("{}\n", serde_json::json!({"title": "T", "body": body}))
        },
        500,
    );
}
