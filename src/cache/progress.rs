//! How far a load has got, shared between the loader's threads and whoever shows
//! it (the explorer's status line, a progress bar on stderr): plain counters.

use crate::text::thousands;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// Counters a load advances; read at any time from any thread.
#[derive(Debug)]
pub struct Progress {
    started: Instant,
    /// Bytes of input to go through (file sizes; cached files count too).
    total_bytes: AtomicU64,
    /// Bytes gone through so far.
    done_bytes: AtomicU64,
    /// Articles ready so far.
    articles: AtomicU64,
    /// Of those, how many came from the cache.
    cached: AtomicU64,
}

impl Default for Progress {
    fn default() -> Self {
        Progress {
            started: Instant::now(),
            total_bytes: AtomicU64::new(0),
            done_bytes: AtomicU64::new(0),
            articles: AtomicU64::new(0),
            cached: AtomicU64::new(0),
        }
    }
}

/// A reading of the counters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Snapshot {
    /// Articles ready.
    pub articles: u64,
    /// Of those, from the cache.
    pub cached: u64,
    /// Bytes gone through.
    pub done_bytes: u64,
    /// Bytes in all (0 while unknown).
    pub total_bytes: u64,
    /// Time since the load started.
    pub elapsed: Duration,
}

impl Progress {
    /// Adds input bytes to go through.
    pub fn add_total(&self, bytes: u64) {
        self.total_bytes.fetch_add(bytes, Ordering::Relaxed);
    }

    /// Counts bytes gone through.
    pub fn add_done(&self, bytes: u64) {
        self.done_bytes.fetch_add(bytes, Ordering::Relaxed);
    }

    /// Counts articles ready; `cached` when they came from the cache.
    pub fn add_articles(&self, count: u64, cached: bool) {
        self.articles.fetch_add(count, Ordering::Relaxed);
        if cached {
            self.cached.fetch_add(count, Ordering::Relaxed);
        }
    }

    /// Starts the counts of articles and bytes done again (a damaged cache was
    /// thrown away and the load begins anew); the total stays.
    pub fn restart(&self) {
        self.done_bytes.store(0, Ordering::Relaxed);
        self.articles.store(0, Ordering::Relaxed);
        self.cached.store(0, Ordering::Relaxed);
    }

    /// The counters now.
    pub fn snapshot(&self) -> Snapshot {
        Snapshot {
            articles: self.articles.load(Ordering::Relaxed),
            cached: self.cached.load(Ordering::Relaxed),
            done_bytes: self.done_bytes.load(Ordering::Relaxed),
            total_bytes: self.total_bytes.load(Ordering::Relaxed),
            elapsed: self.started.elapsed(),
        }
    }
}

impl Snapshot {
    /// Bytes per second so far (0 at the start).
    pub fn rate(&self) -> f64 {
        let seconds = self.elapsed.as_secs_f64();
        if seconds < 0.05 {
            return 0.0;
        }
        self.done_bytes as f64 / seconds
    }

    /// Time left at the rate so far, once there is a rate to go by.
    pub fn left(&self) -> Option<Duration> {
        let rate = self.rate();
        if rate <= 0.0 || self.total_bytes == 0 || self.done_bytes == 0 {
            return None;
        }
        let rest = self.total_bytes.saturating_sub(self.done_bytes) as f64;
        Some(Duration::from_secs_f64(rest / rate))
    }

    /// One line for a status bar: "41,200 articles · 52% of 234 MB · 8.7 MB/s · 7 s left".
    pub fn line(&self) -> String {
        let mut parts = vec![format!("{} articles", thousands(self.articles))];
        if self.total_bytes > 0 {
            let share = self.done_bytes as f64 * 100.0 / self.total_bytes as f64;
            parts.push(format!(
                "{share:.0}% of {}",
                megabytes(self.total_bytes as f64)
            ));
        }
        if self.rate() > 0.0 {
            parts.push(format!("{}/s", megabytes(self.rate())));
        }
        if let Some(left) = self.left() {
            parts.push(format!("{} left", duration(left)));
        }
        parts.join(" · ")
    }
}

impl Snapshot {
    /// The articles expected in all, from the share of the input gone
    /// through; `None` until some is.
    pub fn expected(&self) -> Option<u64> {
        if self.total_bytes == 0 || self.done_bytes == 0 {
            return None;
        }
        if self.done_bytes >= self.total_bytes {
            return Some(self.articles);
        }
        let share = self.done_bytes as f64 / self.total_bytes as f64;
        Some((self.articles as f64 / share).round() as u64)
    }

    /// The status line while articles arrive: "41,200 of ~100,000 · 8.7 MB/s · 7 s left".
    pub fn arriving_line(&self) -> String {
        let mut parts = vec![match self.expected() {
            Some(all) if all > self.articles => {
                format!(
                    "{} of ~{}",
                    thousands(self.articles),
                    thousands(round3(all))
                )
            }
            _ => format!("{} articles", thousands(self.articles)),
        }];
        if self.rate() > 0.0 {
            parts.push(format!("{}/s", megabytes(self.rate())));
        }
        if let Some(left) = self.left() {
            parts.push(format!("{} left", duration(left)));
        }
        parts.join(" · ")
    }
}

/// Rounds to three significant digits (an estimate shows no more).
fn round3(n: u64) -> u64 {
    let mut scale = 1;
    while n / scale >= 1000 {
        scale *= 10;
    }
    (n + scale / 2) / scale * scale
}

fn megabytes(bytes: f64) -> String {
    let mb = bytes / 1e6;
    if mb >= 100.0 {
        format!("{mb:.0} MB")
    } else {
        format!("{mb:.1} MB")
    }
}

fn duration(d: Duration) -> String {
    let s = d.as_secs();
    if s >= 3600 {
        format!("{} h {:02} min", s / 3600, (s % 3600) / 60)
    } else if s >= 60 {
        format!("{} min {:02} s", s / 60, s % 60)
    } else {
        format!("{s} s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_says_count_share_rate_and_time_left() {
        let s = Snapshot {
            articles: 41_200,
            cached: 0,
            done_bytes: 100_000_000,
            total_bytes: 200_000_000,
            elapsed: Duration::from_secs(10),
        };
        assert_eq!(
            s.line(),
            "41,200 articles · 50% of 200 MB · 10.0 MB/s · 10 s left"
        );
        assert_eq!(
            s.arriving_line(),
            "41,200 of ~82,400 · 10.0 MB/s · 10 s left"
        );
        assert_eq!(round3(99_734), 99_700);
        assert_eq!(thousands(1_000_000), "1,000,000");
        assert_eq!(thousands(999), "999");
    }
}
