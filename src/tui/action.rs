//! What can happen to the explorer: the actions keys are bound to, plus the
//! events that do not come from the keymap (resize, mouse, paste, signals).

/// One thing for [`crate::tui::update::update`] to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Move the selection down one row (or scroll down one line).
    Down,
    /// Move the selection up one row (or scroll up one line).
    Up,
    /// Jump to the first row or the top.
    First,
    /// Jump to the last row or the bottom.
    Last,
    /// Half a page down.
    HalfPageDown,
    /// Half a page up.
    HalfPageUp,
    /// A page down.
    PageDown,
    /// A page up.
    PageUp,
    /// Focus the next pane.
    NextPane,
    /// Focus the previous pane.
    PrevPane,
    /// Open or drill into what is selected.
    Open,
    /// Go back one screen (or close help).
    Back,
    /// Show the article list.
    ShowArticles,
    /// Show the corpus view.
    ShowCorpus,
    /// Jump to the next mention in the reader.
    NextMention,
    /// Jump to the previous mention in the reader.
    PrevMention,
    /// Show or hide kind labels next to highlighted entities.
    ToggleLabels,
    /// Open the filter line on the list in focus (or edit the filter again).
    Filter,
    /// A key typed while the filter line is open (the keymap's line keys edit,
    /// other characters are typed).
    FilterInput(super::keymap::Key),
    /// One of the filter line's editing commands (bound in the keymap's
    /// filter section; applies only while the line is open).
    Edit(Edit),
    /// A filter query's results, from the worker (or run at once for snapshots).
    Filtered(std::sync::Arc<super::filter::Results>),
    /// Cycle the article list's order: relevance, date, outlet, entity count, corpus order.
    Sort,
    /// Open the article's URL in a browser.
    OpenUrl,
    /// Copy the article's title and URL, or the selected entity's name (OSC 52).
    Copy,
    /// A key of pick mode (`dossier pick`): mark, unmark, accept.
    Pick(Pick),
    /// A facet recount of the corpus over the filtered articles, from its worker.
    Faceted(std::sync::Arc<super::facet::Facet>),
    /// Show or hide the help screen.
    Help,
    /// Quit the explorer.
    Quit,
    /// Suspend to the shell (Ctrl-Z); `fg` brings the explorer back.
    Suspend,
    /// Take the terminal again and repaint it all (after someone else stopped
    /// and continued the process).
    Retake,
    /// Show a caption in the caption bar (the demo's narration); `None` hides it.
    Caption(Option<String>),
    /// The terminal now has this many columns and rows.
    Resize(u16, u16),
    /// A mouse wheel turn or click.
    Mouse(Mouse),
    /// Text pasted into the terminal (bracketed paste).
    Paste(String),
    /// A signal asked the program to end.
    Signal(Signal),
    /// How far loading the corpus has got.
    Progress(crate::cache::Snapshot),
}

/// Editing commands of the filter line, as readline and fzf have them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    /// Keep the filter and move to the results.
    Accept,
    /// Clear the filter and close the line.
    Clear,
    /// The next scope on the chip.
    NextScope,
    /// The previous scope on the chip.
    PrevScope,
    /// The previous query in the history.
    Older,
    /// The next query in the history, then what was being typed.
    Newer,
    /// Cursor one character left.
    Left,
    /// Cursor one character right.
    Right,
    /// Cursor to the start.
    Start,
    /// Cursor to the end.
    End,
    /// Delete the character before the cursor.
    Backspace,
    /// Delete the character under the cursor.
    Delete,
    /// Delete from the start to the cursor.
    KillStart,
    /// Delete from the cursor to the end.
    KillEnd,
    /// Delete the word before the cursor.
    KillWord,
}

/// The keys of pick mode, looked up before the others while the article
/// list has focus in `dossier pick`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pick {
    /// Mark (or unmark) the selected article and move down.
    Mark,
    /// Mark (or unmark) the selected article and move up.
    MarkUp,
    /// Print the marked articles (or the selected one) and end.
    Accept,
}

/// Where a key binding applies: everywhere, on an open text line, or in pick
/// mode's article list. A key may mean one thing in each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// The lists and screens.
    Normal,
    /// An open filter or search line.
    Line,
    /// The article list of `dossier pick`.
    Pick,
}

impl Action {
    /// True for the filter line's editing commands, which the keymap looks up
    /// only while the line is open.
    pub fn is_line_edit(&self) -> bool {
        matches!(self, Action::Edit(_))
    }

    /// Where the binding of this action applies.
    pub fn mode(&self) -> Mode {
        match self {
            Action::Edit(_) => Mode::Line,
            Action::Pick(_) => Mode::Pick,
            _ => Mode::Normal,
        }
    }
}

/// A mouse event, reduced to what the explorer uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mouse {
    /// What happened.
    pub kind: MouseKind,
    /// Column, 0-based.
    pub column: u16,
    /// Row, 0-based.
    pub row: u16,
}

/// The mouse events the explorer reacts to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MouseKind {
    /// Wheel turned towards the user.
    ScrollDown,
    /// Wheel turned away from the user.
    ScrollUp,
    /// Left button pressed.
    Click,
}

/// Signals that end the explorer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Signal {
    /// SIGHUP: the terminal is gone (an ssh connection dropped); exit at once.
    Hangup,
    /// SIGTERM: asked to stop.
    Terminate,
    /// SIGINT sent from outside (Ctrl-C itself is a key in raw mode).
    Interrupt,
    /// SIGQUIT sent from outside (Ctrl-\\ is a key in raw mode).
    Quit,
}

impl Signal {
    /// The signal number, as the C library names it.
    pub fn number(self) -> i32 {
        match self {
            Signal::Hangup => signal_hook::consts::SIGHUP,
            Signal::Terminate => signal_hook::consts::SIGTERM,
            Signal::Interrupt => signal_hook::consts::SIGINT,
            Signal::Quit => signal_hook::consts::SIGQUIT,
        }
    }
}
