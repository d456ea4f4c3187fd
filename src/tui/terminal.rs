//! The terminal guard: raw mode, alternate screen, mouse capture, bracketed
//! paste and a hidden cursor while the explorer runs; all of it given back on
//! drop, in the panic hook, on SIGTERM, SIGHUP, SIGINT and SIGQUIT (by the
//! event loop, or by the signal thread itself when the UI thread is busy: see
//! [`restore_now`]), and for the time the explorer is suspended (Ctrl-Z), then
//! taken again with a full redraw. Restoring never blocks on a terminal that
//! is gone.

use super::backend::SgrBackend;
use super::capability::Attributes;
use super::theme::Palette;
use super::tty;
use crossterm::cursor::{Hide, Show};
use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use std::io::{self, Write, stdout};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, MutexGuard, Once, OnceLock, TryLockError};
use std::time::{Duration, Instant};

/// Whether the terminal is in the explorer's modes (so restoring twice is harmless).
static ACTIVE: AtomicBool = AtomicBool::new(false);
/// Set while the explorer has stopped itself, so the SIGCONT that wakes it
/// is not taken for someone else's.
static SELF_STOPPED: AtomicBool = AtomicBool::new(false);
static HOOK: Once = Once::new();
/// Held while a frame is written, so a panic hook on another thread (the
/// index builder's) restores the terminal between frames, never half-way
/// through one: a frame finished after the restore would paint over the
/// panic message on the main screen.
static DRAWING: Mutex<()> = Mutex::new(());

/// How long restoring waits for a terminal that does not take output.
const WRITE_WAIT: Duration = Duration::from_millis(200);

/// How long [`restore_now`] lets a frame being written finish, and then how
/// long it waits for the terminal to take the restoring bytes: together well
/// inside the 100 ms in which a signal must give the terminal back.
const FRAME_WAIT: Duration = Duration::from_millis(25);
const NOW_WRITE_WAIT: Duration = Duration::from_millis(40);

/// The bytes that undo [`enter_modes`], made once when the modes are entered
/// (so that restoring from another thread formats and allocates nothing).
static RESTORE_BYTES: OnceLock<Vec<u8>> = OnceLock::new();

/// The controlling terminal, when the explorer draws there rather than on
/// stdout (`dossier pick`, whose stdout is the caller's pipe, as fzf's is).
static TTY: OnceLock<std::fs::File> = OnceLock::new();

/// Draw on `/dev/tty` instead of stdout from now on.
pub fn use_tty() -> io::Result<()> {
    let file = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open("/dev/tty")?;
    let _ = TTY.set(file);
    Ok(())
}

/// The terminal file when drawing on `/dev/tty` (None: stdout).
pub fn tty_file() -> Option<&'static std::fs::File> {
    TTY.get()
}

/// Where the explorer's screen goes: stdout, or `/dev/tty` (see [`use_tty`]).
#[derive(Debug, Clone, Copy, Default)]
pub struct Output;

impl Write for Output {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        match TTY.get() {
            Some(mut file) => file.write(bytes),
            None => stdout().write(bytes),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match TTY.get() {
            Some(mut file) => file.flush(),
            None => stdout().flush(),
        }
    }
}

/// Owns the terminal while the explorer runs; dropping it restores the terminal.
pub struct Guard {
    /// The ratatui terminal drawing to the screen ([`Output`]).
    pub terminal: Terminal<SgrBackend<Output>>,
}

impl Guard {
    /// Switches the terminal into the explorer's modes; cells are written with
    /// the colours of `palette` and the `attributes` the terminal knows.
    pub fn enter(palette: Palette, attributes: Attributes) -> io::Result<Guard> {
        install_panic_hook();
        let setup = enter_modes()
            .and_then(|()| Terminal::new(SgrBackend::new(Output, palette, attributes)));
        match setup {
            Ok(terminal) => Ok(Guard { terminal }),
            Err(e) => {
                restore();
                Err(e)
            }
        }
    }

    /// Ctrl-Z: gives the terminal back, stops the process until the shell
    /// continues it (`fg`), then takes the terminal again and repaints it all.
    pub fn suspend(&mut self) -> io::Result<()> {
        restore();
        SELF_STOPPED.store(true, Ordering::SeqCst);
        // SIGSTOP rather than SIGTSTP: the signal thread has a handler for
        // SIGTSTP (someone else's `kill -TSTP` suspends the same way).
        let _ = signal_hook::low_level::raise(signal_hook::consts::SIGSTOP);
        self.retake()
    }

    /// Takes the terminal again after someone else stopped and continued us
    /// (the shell may have reset the tty modes meanwhile), and repaints it all.
    pub fn retake(&mut self) -> io::Result<()> {
        restore();
        enter_modes()?;
        // The modes hid the cursor behind ratatui's back: tell it, so a
        // cursor the next frame wants (the filter line's) is shown again.
        self.terminal.hide_cursor()?;
        // Forget what the screen showed: the next draw writes every cell.
        self.terminal.clear()
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}

fn enter_modes() -> io::Result<()> {
    RESTORE_BYTES.get_or_init(restore_bytes);
    enable_raw_mode()?;
    ACTIVE.store(true, Ordering::SeqCst);
    execute!(
        Output,
        EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste,
        Hide
    )
}

/// Whether the explorer still has the terminal (a panic on any thread gives it
/// back at once; after that nothing may be drawn).
pub fn active() -> bool {
    ACTIVE.load(Ordering::SeqCst)
}

/// Taken around writing a frame (check [`active`] after taking it).
pub fn drawing() -> MutexGuard<'static, ()> {
    DRAWING.lock().unwrap_or_else(|e| e.into_inner())
}

/// The drawing lock for [`restore`], waiting at most `wait`: a panic inside a
/// frame holds it on the very thread that restores, and a write blocked on a
/// stalled terminal may hold it for long; restoring goes ahead then.
fn drawing_within(wait: Duration) -> Option<MutexGuard<'static, ()>> {
    let start = std::time::Instant::now();
    loop {
        match DRAWING.try_lock() {
            Ok(guard) => return Some(guard),
            Err(TryLockError::Poisoned(e)) => return Some(e.into_inner()),
            Err(TryLockError::WouldBlock) if start.elapsed() < wait => {
                std::thread::sleep(Duration::from_millis(2));
            }
            Err(TryLockError::WouldBlock) => return None,
        }
    }
}

/// Whether a SIGCONT is the one that ends the explorer's own stop (and
/// forgets that it was): the suspending code redraws by itself then.
pub fn continued_self() -> bool {
    SELF_STOPPED.swap(false, Ordering::SeqCst)
}

/// Gives the terminal back: leaves raw mode and the alternate screen, stops
/// mouse capture and bracketed paste, shows the cursor. Does nothing when the
/// terminal is not in the explorer's modes. After a hang-up there is no
/// terminal to write to, and a stalled link would block the write: the
/// sequences are sent only if the terminal takes output within a moment.
pub fn restore() {
    let _drawing = drawing_within(WRITE_WAIT);
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return;
    }
    let _ = disable_raw_mode();
    if !tty::writable(WRITE_WAIT) {
        return;
    }
    let _ = execute!(
        Output,
        DisableBracketedPaste,
        DisableMouseCapture,
        LeaveAlternateScreen,
        Show
    );
}

/// The sequences [`restore`] writes, after a CAN that ends any escape sequence
/// a frame cut short may have left open (on the alternate screen, which goes).
fn restore_bytes() -> Vec<u8> {
    use crossterm::Command;
    let mut text = String::from("\x18\x1b[0m");
    let _ = DisableBracketedPaste.write_ansi(&mut text);
    let _ = DisableMouseCapture.write_ansi(&mut text);
    let _ = LeaveAlternateScreen.write_ansi(&mut text);
    let _ = Show.write_ansi(&mut text);
    text.into_bytes()
}

/// Gives the terminal back from any thread, whatever the UI thread is doing:
/// for the signal thread when the event loop did not end in time, and for
/// the input thread when `q` comes while the UI thread is busy. It waits at
/// most [`FRAME_WAIT`] for a frame being written to finish, then leaves raw
/// mode and writes the restoring bytes straight to the screen's file
/// descriptor (1, or `/dev/tty` in pick mode): not through the standard
/// library's stdout, whose lock the UI thread may hold while it is stuck, and
/// only if the terminal takes output within a moment.
/// This runs on an ordinary thread (signal-hook's handler only wakes it), so
/// it may lock and allocate; it just never waits on anything the UI thread
/// could hold for long. The caller ends the process next; the drawing lock
/// stays taken until then, so no frame follows.
pub fn restore_now() {
    let drawing = drawing_within(FRAME_WAIT);
    if ACTIVE.swap(false, Ordering::SeqCst) {
        let _ = disable_raw_mode();
        if let Some(bytes) = RESTORE_BYTES.get() {
            write_within(bytes, NOW_WRITE_WAIT);
        }
    }
    std::mem::forget(drawing);
}

/// Writes `bytes` to the screen's file descriptor (1, or `/dev/tty` in pick
/// mode: see [`use_tty`]), giving up when the terminal takes nothing for `wait`.
fn write_within(mut bytes: &[u8], wait: Duration) {
    let stdout = std::io::stdout();
    let fd: std::os::fd::BorrowedFd<'_> = match tty_file() {
        Some(file) => std::os::fd::AsFd::as_fd(file),
        None => std::os::fd::AsFd::as_fd(&stdout),
    };
    let start = Instant::now();
    while !bytes.is_empty() {
        let left = wait.saturating_sub(start.elapsed());
        if left.is_zero() || !tty::writable(left) {
            return;
        }
        match rustix::io::write(fd, bytes) {
            Ok(n) => bytes = &bytes[n..],
            Err(rustix::io::Errno::INTR | rustix::io::Errno::AGAIN) => {}
            Err(_) => return,
        }
    }
}

/// Restores the terminal before the default panic message is printed, so the
/// message lands on the normal screen, readable.
fn install_panic_hook() {
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
    });
}
