//! A progress bar on stderr while a command loads a corpus, only when stderr is
//! a terminal (piped or redirected, nothing is drawn), as indicatif draws it.

use crate::cache::Progress;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::JoinHandle;
use std::time::Duration;

/// How long a load runs before the bar appears (short loads show none).
const DELAY: Duration = Duration::from_millis(300);

/// The bar's thread; [`Bar::finish`] clears it.
pub struct Bar {
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Bar {
    /// Starts following `progress` when stderr is a terminal.
    pub fn start(progress: &Arc<Progress>) -> Bar {
        let stop = Arc::new(AtomicBool::new(false));
        let thread = super::report::stderr_is_terminal().then(|| {
            let (progress, stop) = (Arc::clone(progress), Arc::clone(&stop));
            std::thread::spawn(move || follow(&progress, &stop))
        });
        Bar { stop, thread }
    }

    /// Stops and clears the bar.
    pub fn finish(mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Drop for Bar {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

fn follow(progress: &Progress, stop: &AtomicBool) {
    let tick = Duration::from_millis(100);
    let mut waited = Duration::ZERO;
    while waited < DELAY {
        if stop.load(Ordering::Relaxed) {
            return;
        }
        std::thread::sleep(tick);
        waited += tick;
    }
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    let style = ProgressStyle::with_template("{spinner} [{bar:30}] {msg}")
        .map(|s| s.progress_chars("=> "))
        .unwrap_or_else(|_| ProgressStyle::default_bar());
    bar.set_style(style);
    while !stop.load(Ordering::Relaxed) {
        let now = progress.snapshot();
        if now.total_bytes > 0 {
            bar.set_length(now.total_bytes);
            bar.set_position(now.done_bytes.min(now.total_bytes));
        }
        bar.set_message(now.line());
        bar.tick();
        std::thread::sleep(tick);
    }
    bar.finish_and_clear();
}
