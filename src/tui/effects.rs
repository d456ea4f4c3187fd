//! What `update` asks of the world, done by the event loop (which owns the
//! terminal): the clipboard (OSC 52, which reaches the user's terminal over
//! SSH and through tmux), a browser for a URL, the history and configuration
//! files, and the facet worker. `update` only queues [`Effect`]s; nothing in
//! it touches a file, a process or the terminal.

use super::facet;
use super::filter::Engine;
use super::sort::SortKey;
use super::store::{self, Persist};
use base64::Engine as _;
use std::io::Write;
use std::process::{Command, Stdio};
use std::sync::Arc;

/// One thing for the event loop to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Put this text on the clipboard.
    Copy(String),
    /// Open this URL in a browser.
    Open(String),
    /// Write the list order into the configuration file.
    RememberSort(SortKey),
    /// Add a submitted query to the history file.
    RememberQuery(String),
    /// Recount the corpus over the filtered articles (on the facet worker).
    Facet(facet::Request),
}

/// The OSC 52 sequence that sets the clipboard to `text`; inside tmux (`$TMUX`
/// set) also wrapped for tmux's passthrough, for a tmux whose `set-clipboard`
/// is off but `allow-passthrough` on.
pub fn osc52(text: &str, tmux: bool) -> String {
    let encoded = base64::engine::general_purpose::STANDARD.encode(text.as_bytes());
    let plain = format!("\x1b]52;c;{encoded}\x07");
    if tmux {
        format!("{plain}\x1bPtmux;\x1b\x1b]52;c;{encoded}\x07\x1b\\")
    } else {
        plain
    }
}

/// Whether `url` is one a browser should be handed: http or https, and
/// nothing a terminal or a shell could take for something else.
pub fn openable(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://"))
        && url
            .chars()
            .all(|c| !c.is_control() && !c.is_whitespace() && c != '\u{7f}')
}

/// How a URL gets opened: `$BROWSER` (its first entry; `%s` is replaced by
/// the URL, else the URL is the last argument), else the platform opener;
/// None over SSH without `$BROWSER`, where an opener would show the page on
/// the remote machine, not to the user.
pub fn opener(var: impl Fn(&str) -> Option<String>) -> Option<Command> {
    if let Some(browser) = var("BROWSER").filter(|b| !b.trim().is_empty()) {
        let first = browser.split(':').next().unwrap_or("").trim().to_string();
        let script = if first.contains("%s") {
            first
                .replace("'%s'", "\"$1\"")
                .replace("\"%s\"", "\"$1\"")
                .replace("%s", "\"$1\"")
        } else {
            format!("{first} \"$1\"")
        };
        let mut command = Command::new("sh");
        command.args(["-c", &script, "sh"]);
        return Some(command);
    }
    if var("SSH_CONNECTION").is_some() || var("SSH_TTY").is_some() {
        return None;
    }
    let program = if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    Some(Command::new(program))
}

/// Does effects for the event loop; owns the facet worker.
pub struct Runner {
    persist: Persist,
    facets: Option<facet::Worker>,
}

impl Runner {
    /// A runner writing where `persist` says; facet counts go to `events`.
    pub fn new(persist: Persist, events: std::sync::mpsc::Sender<super::events::Input>) -> Runner {
        Runner {
            persist,
            facets: facet::Worker::spawn(events),
        }
    }

    /// Does `effect`; terminal output goes to `out`. Returns a message for the
    /// status line when something went wrong.
    pub fn run(
        &mut self,
        effect: Effect,
        engine: Option<&Arc<Engine>>,
        out: &mut dyn Write,
    ) -> Option<String> {
        match effect {
            Effect::Copy(text) => {
                let tmux = std::env::var_os("TMUX").is_some();
                let sequence = osc52(&text, tmux);
                let written = out
                    .write_all(sequence.as_bytes())
                    .and_then(|()| out.flush());
                written.err().map(|e| format!("Could not copy: {e}"))
            }
            Effect::Open(url) => open(&url),
            Effect::RememberSort(key) => {
                let path = self.persist.config.as_ref()?;
                store::remember_sort(path, key)
                    .err()
                    .map(|e| format!("Could not remember the order: {e}"))
            }
            Effect::RememberQuery(query) => {
                let path = self.persist.history.as_ref()?;
                store::remember_query(path, self.persist.history_size, &query)
                    .err()
                    .map(|e| format!("Could not save the history: {e}"))
            }
            Effect::Facet(request) => {
                // Facets are asked for only once the engine is there.
                let engine = engine?;
                match &self.facets {
                    Some(worker) => worker.submit(Arc::clone(engine), request),
                    None => return Some("Could not start the facet worker".into()),
                }
                None
            }
        }
    }
}

/// Starts the opener on `url` without waiting for it (its output goes
/// nowhere, so it cannot draw over the explorer); a thread reaps it.
fn open(url: &str) -> Option<String> {
    if !openable(url) {
        return Some("Only http and https URLs are opened".into());
    }
    let Some(mut command) = opener(|name| std::env::var(name).ok()) else {
        return Some(
            "Over SSH with no $BROWSER: click the URL in the reader's header, or y to copy it"
                .into(),
        );
    };
    let spawned = command
        .arg(url)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn();
    match spawned {
        Ok(mut child) => {
            let _ = std::thread::Builder::new()
                .name("opener".into())
                .spawn(move || child.wait());
            None
        }
        Err(e) => Some(format!("Could not open the URL: {e}")),
    }
}

/// Does, on this thread, the effects that shape the screen (facet counts) and
/// drops the others: for snapshots and tests, which must not touch the
/// clipboard, a browser or the user's files.
pub fn run_now(state: &mut super::state::State) {
    for effect in std::mem::take(&mut state.effects) {
        if let Effect::Facet(request) = effect {
            let Some(engine) = state.model.engine.clone() else {
                continue;
            };
            if let Some(facet) = facet::count(&engine, &request, &|| false) {
                let action = super::action::Action::Faceted(Arc::new(facet));
                super::update::update(state, action);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn osc52_carries_base64_and_a_tmux_copy_when_asked() {
        assert_eq!(osc52("hi", false), "\x1b]52;c;aGk=\x07");
        let both = osc52("héllo\nx", true);
        assert!(both.starts_with("\x1b]52;c;aMOpbGxvCng=\x07\x1bPtmux;"));
        assert!(both.ends_with("\x1b\\"));
    }

    #[test]
    fn only_clean_web_urls_are_opened() {
        assert!(openable("https://example.com/a?b=c#d"));
        assert!(openable("HTTP://example.com"));
        assert!(!openable("file:///etc/passwd"));
        assert!(!openable("-xdg-option"));
        assert!(!openable("https://x.com/\x1b]0;t\x07"));
        assert!(!openable("https://x.com/ a"));
    }

    #[test]
    fn browser_wins_and_ssh_without_it_opens_nothing() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| v.to_string())
            }
        };
        let command = opener(env(&[("BROWSER", "firefox --new-tab:lynx")])).expect("browser");
        let args: Vec<String> = command
            .get_args()
            .map(|a| a.to_string_lossy().into_owned())
            .collect();
        assert_eq!(args, ["-c", "firefox --new-tab \"$1\"", "sh"]);
        let command = opener(env(&[("BROWSER", "w3m '%s'")])).expect("browser");
        let script = command
            .get_args()
            .nth(1)
            .map(|a| a.to_string_lossy().into_owned());
        assert_eq!(script.as_deref(), Some("w3m \"$1\""));
        assert!(opener(env(&[("SSH_CONNECTION", "1.2.3.4 5 6.7.8.9 22")])).is_none());
        assert!(opener(env(&[])).is_some());
    }
}
