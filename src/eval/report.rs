//! The evaluation report as aligned text tables (with `--verbose`, every false
//! positive and miss per article) or as JSON with precision, recall and F1 filled in.

use super::score::Counts;
use super::{ArticleReport, Report, Totals};
use crate::extract::Kind;
use crate::text::sanitize_line;
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::fmt::Write;

fn row(label: &str, c: Counts) -> String {
    format!(
        "{label:<10} {:>6.3} {:>6.3} {:>6.3} {:>5} {:>5} {:>5}",
        c.precision(),
        c.recall(),
        c.f1(),
        c.tp,
        c.fp,
        c.fn_
    )
}

fn table(out: &mut String, title: &str, per_kind: &BTreeMap<Kind, Counts>, micro: Counts) {
    let _ = writeln!(out, "{title}");
    let _ = writeln!(
        out,
        "{:<10} {:>6} {:>6} {:>6} {:>5} {:>5} {:>5}",
        "kind", "P", "R", "F1", "TP", "FP", "FN"
    );
    for kind in Kind::NAMED {
        if let Some(c) = per_kind.get(&kind) {
            let _ = writeln!(out, "{}", row(kind.as_str(), *c));
        }
    }
    let _ = writeln!(out, "{}", row("micro", micro));
}

fn verbose(out: &mut String, a: &ArticleReport) {
    let _ = writeln!(
        out,
        "== {}{}",
        sanitize_line(&a.file),
        if a.present {
            ""
        } else {
            " (article not found)"
        }
    );
    for f in &a.entities.false_positives {
        let _ = writeln!(
            out,
            "  false positive  {:<7} {}",
            f.kind.as_str(),
            sanitize_line(&f.name)
        );
    }
    for w in &a.entities.wrong_kind {
        let _ = writeln!(
            out,
            "  wrong kind      {:<7} {} (gold: {})",
            w.got.as_str(),
            sanitize_line(&w.name),
            w.gold
        );
    }
    for m in &a.entities.misses {
        let _ = writeln!(
            out,
            "  miss            {:<7} {}",
            m.kind.as_str(),
            sanitize_line(&m.name)
        );
    }
    for m in a.meta.iter().filter(|m| !m.ok) {
        let show = |v: &Option<String>| {
            v.as_deref()
                .map_or("none".to_string(), |s| format!("\"{}\"", sanitize_line(s)))
        };
        let _ = writeln!(
            out,
            "  metadata        {:<7} expected {}, got {}",
            m.field,
            show(&m.expected),
            show(&m.got)
        );
    }
    for b in &a.body_failures {
        let what = if b.rule == "include" {
            "missing"
        } else {
            "present"
        };
        let _ = writeln!(
            out,
            "  body {:<10} {what}: \"{}\"",
            b.rule,
            sanitize_line(&b.text)
        );
    }
    for f in &a.figures.missed {
        let _ = writeln!(out, "  figure missed   \"{}\"", sanitize_line(f));
    }
    for d in &a.dates.missed {
        let _ = writeln!(out, "  date missed     \"{}\"", sanitize_line(d));
    }
}

fn summary(out: &mut String, t: &Totals, articles: &[ArticleReport]) {
    let pct = |a: usize, b: usize| {
        if b == 0 {
            100.0
        } else {
            100.0 * a as f64 / b as f64
        }
    };
    let mut fields = String::new();
    for field in ["title", "source", "date", "author"] {
        let checks = articles
            .iter()
            .flat_map(|a| &a.meta)
            .filter(|m| m.field == field);
        let (ok, n) = checks.fold((0, 0), |(ok, n), m| (ok + usize::from(m.ok), n + 1));
        let _ = write!(fields, "  {field} {ok}/{n}");
    }
    let _ = writeln!(
        out,
        "Metadata    {}/{} correct ({:.1}%){fields}",
        t.meta_ok,
        t.meta_total,
        pct(t.meta_ok, t.meta_total)
    );
    let _ = writeln!(out, "Body checks {}/{} passed", t.body_ok, t.body_total);
    let _ = writeln!(
        out,
        "Figures     recall {:.3} ({}/{})",
        t.figures.ratio(),
        t.figures.found,
        t.figures.total
    );
    let _ = writeln!(
        out,
        "Dates       recall {:.3} ({}/{})",
        t.dates.ratio(),
        t.dates.found,
        t.dates.total
    );
}

/// The report as text.
pub fn render_text(report: &Report, show_details: bool) -> String {
    let mut out = String::new();
    if show_details {
        for a in &report.articles {
            verbose(&mut out, a);
        }
        out.push('\n');
    }
    let t = &report.totals;
    let _ = writeln!(out, "{} gold article(s)\n", report.articles.len());
    table(&mut out, "Entities, typed", &t.typed, t.typed_micro);
    out.push('\n');
    table(&mut out, "Entities, untyped", &t.untyped, t.untyped_micro);
    out.push('\n');
    summary(&mut out, t, &report.articles);
    out
}

fn scored(c: Counts) -> Value {
    json!({"tp": c.tp, "fp": c.fp, "fn": c.fn_, "precision": c.precision(), "recall": c.recall(), "f1": c.f1()})
}

fn per_kind(map: &BTreeMap<Kind, Counts>) -> Value {
    Value::Object(
        map.iter()
            .map(|(k, c)| (k.as_str().to_string(), scored(*c)))
            .collect(),
    )
}

/// The report as JSON (scores with precision, recall and F1; every article's details).
pub fn render_json(report: &Report) -> anyhow::Result<String> {
    let t = &report.totals;
    let value = json!({
        "articles": report.articles,
        "totals": {
            "typed": per_kind(&t.typed),
            "untyped": per_kind(&t.untyped),
            "typed_micro": scored(t.typed_micro),
            "untyped_micro": scored(t.untyped_micro),
            "metadata": {"correct": t.meta_ok, "total": t.meta_total},
            "body_checks": {"passed": t.body_ok, "total": t.body_total},
            "figures": {"found": t.figures.found, "total": t.figures.total, "recall": t.figures.ratio()},
            "dates": {"found": t.dates.found, "total": t.dates.total, "recall": t.dates.ratio()},
        }
    });
    Ok(serde_json::to_string_pretty(&value)?)
}
