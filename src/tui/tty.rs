//! Questions about the controlling terminal that the guard asks before acting:
//! may the explorer stop itself (is there job control), and can the terminal
//! still take output (after a hang-up, or on a stalled link, writing the
//! restore sequences would fail or block).

use rustix::event::{PollFd, PollFlags, Timespec, poll};
use std::time::Duration;

/// Whether a shell with job control started us as a job of its own, so that
/// stopping (Ctrl-Z) leaves someone to bring us back with `fg`. In a process
/// group that leads its session (started by a non-interactive `sh`, an ssh
/// command, a terminal emulator) nobody would: the kernel even discards
/// SIGTSTP there.
pub fn job_control() -> bool {
    let group = rustix::process::getpgrp();
    let session = rustix::process::getsid(None);
    let foreground = rustix::termios::tcgetpgrp(std::io::stdin());
    matches!((session, foreground), (Ok(s), Ok(f)) if s != group && f == group)
}

/// Whether standard output can take a few bytes within `wait`: false when the
/// terminal hung up, is gone, or its output queue stays full (a stalled link).
pub fn writable(wait: Duration) -> bool {
    let stdout = std::io::stdout();
    let mut fds = [PollFd::new(&stdout, PollFlags::OUT)];
    let timeout = Timespec {
        tv_sec: wait.as_secs() as _,
        tv_nsec: wait.subsec_nanos() as _,
    };
    match poll(&mut fds, Some(&timeout)) {
        Ok(1) => {
            let events = fds[0].revents();
            events.contains(PollFlags::OUT)
                && !events.intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn questions_answer_without_a_terminal() {
        // Under `cargo test` there may be no terminal at all; neither call may
        // block or panic, and without a tty there is no job to stop.
        let _ = writable(Duration::from_millis(10));
        if rustix::termios::tcgetpgrp(std::io::stdin()).is_err() {
            assert!(!job_control());
        }
    }
}
