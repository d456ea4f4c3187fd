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
    // libc rather than rustix here: rustix wraps these ids in a non-zero type,
    // but in a container whose session or group leader lives outside our pid
    // namespace the kernel reports 0, which rustix asserts against in debug
    // builds (and is undefined behaviour in release). CI runs exactly there.
    // SAFETY: these calls take no pointers, touch no memory of ours and only
    // read ids of the calling process; each returns -1 on error.
    let (group, session, foreground) = unsafe {
        (
            libc::getpgrp(),
            libc::getsid(0),
            libc::tcgetpgrp(libc::STDIN_FILENO),
        )
    };
    // 0 means "outside our namespace": we cannot tell, so no job control.
    group > 0 && session > 0 && foreground > 0 && session != group && foreground == group
}

/// Whether the screen (stdout, or the terminal in pick mode) can take a few bytes within `wait`: false when the
/// terminal hung up, is gone, or its output queue stays full (a stalled link).
pub fn writable(wait: Duration) -> bool {
    match super::terminal::tty_file() {
        Some(file) => writable_fd(file, wait),
        None => writable_fd(&std::io::stdout(), wait),
    }
}

fn writable_fd(fd: &impl std::os::fd::AsFd, wait: Duration) -> bool {
    let mut fds = [PollFd::new(fd, PollFlags::OUT)];
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
        if unsafe { libc::tcgetpgrp(libc::STDIN_FILENO) } <= 0 {
            assert!(!job_control());
        }
    }
}
