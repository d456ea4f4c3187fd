//! The one key table: action, keys, help text. The key handler, the `?` screen,
//! the status line and the README's key list are all drawn from it.

use super::action::{Action, Edit, Mode, Pick};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::fmt;

/// A key as the explorer sees it (Shift is folded into the character).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Key {
    /// A printable character, `' '` for Space.
    Char(char),
    /// Ctrl and a letter, lower case.
    Ctrl(char),
    /// Arrow up.
    Up,
    /// Arrow down.
    Down,
    /// Arrow left.
    Left,
    /// Arrow right.
    Right,
    /// Home.
    Home,
    /// End.
    End,
    /// Page Up.
    PageUp,
    /// Page Down.
    PageDown,
    /// Tab.
    Tab,
    /// Shift-Tab.
    BackTab,
    /// Enter.
    Enter,
    /// Escape.
    Esc,
    /// Backspace.
    Backspace,
    /// Delete (forward).
    Delete,
}

/// Where a binding is listed on the help screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// Moving within a list or the text.
    Move,
    /// Panes and screens.
    Navigate,
    /// The filter: `/`, then the keys of the filter line.
    Filter,
    /// Only in the reader.
    Reader,
    /// Acting on what is selected: sort, open, copy.
    Act,
    /// Only in `dossier pick`, on the article list.
    Pick,
    /// Help and quitting.
    General,
}

impl Section {
    /// Every section, in help-screen order.
    pub const ALL: [Section; 7] = [
        Section::Move,
        Section::Navigate,
        Section::Filter,
        Section::Reader,
        Section::Act,
        Section::Pick,
        Section::General,
    ];

    /// The heading shown on the help screen.
    pub fn title(self) -> &'static str {
        match self {
            Section::Move => "Move",
            Section::Navigate => "Panes and screens",
            Section::Filter => "Filter (after /, these keys edit the filter line)",
            Section::Reader => "Reader",
            Section::Act => "Sort, open, copy",
            Section::Pick => "Pick mode (dossier pick, on the article list)",
            Section::General => "General",
        }
    }
}

/// One row of the key table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    /// What the keys do.
    pub action: Action,
    /// The keys, the most common first (the status line shows the first).
    pub keys: Vec<Key>,
    /// One line for the help screen and README.
    pub help: &'static str,
    /// Where the help screen lists it.
    pub section: Section,
}

/// The default table; [`Keymap::default`] builds from it (issue 7's config can
/// replace keys per action without touching the handler or the help screen).
#[rustfmt::skip]
const DEFAULT: &[(Action, &[Key], &str, Section)] = &[
    (Action::Down, &[Key::Char('j'), Key::Down], "Move down, or scroll the text down", Section::Move),
    (Action::Up, &[Key::Char('k'), Key::Up], "Move up, or scroll the text up", Section::Move),
    (Action::First, &[Key::Char('g'), Key::Home], "Go to the first row or the top", Section::Move),
    (Action::Last, &[Key::Char('G'), Key::End], "Go to the last row or the bottom", Section::Move),
    (Action::HalfPageDown, &[Key::Ctrl('d')], "Half a page down", Section::Move),
    (Action::HalfPageUp, &[Key::Ctrl('u')], "Half a page up", Section::Move),
    (Action::PageDown, &[Key::PageDown, Key::Char(' '), Key::Ctrl('f')], "A page down", Section::Move),
    (Action::PageUp, &[Key::PageUp, Key::Ctrl('b')], "A page up", Section::Move),
    (Action::NextPane, &[Key::Tab, Key::Char('l'), Key::Right], "Focus the next pane", Section::Navigate),
    (Action::PrevPane, &[Key::BackTab, Key::Char('h'), Key::Left], "Focus the previous pane", Section::Navigate),
    (Action::Open, &[Key::Enter], "Open: article → reader, entity → its articles and mentions, mention → reader there", Section::Navigate),
    (Action::Back, &[Key::Esc, Key::Backspace], "Back to the previous screen", Section::Navigate),
    (Action::ShowArticles, &[Key::Char('1')], "Articles: the list and each article's entities by kind", Section::Navigate),
    (Action::ShowCorpus, &[Key::Char('2')], "Corpus: top entities of every kind, and what occurs with them", Section::Navigate),
    (Action::Filter, &[Key::Char('/')], "Filter the list in focus as you type: articles, an article's entity panes, or the corpus panes; again to edit. In the reader: find text", Section::Filter),
    (Action::Edit(Edit::Accept), &[Key::Enter], "Keep the filter and go to the results (Esc there clears it)", Section::Filter),
    (Action::Edit(Edit::Clear), &[Key::Esc], "Clear the filter and close the line", Section::Filter),
    (Action::Edit(Edit::NextScope), &[Key::Tab, Key::Ctrl('t')], "Next scope: All, Cities, Firms, Regions, Countries, Zones, Orgs, People, Events", Section::Filter),
    (Action::Edit(Edit::PrevScope), &[Key::BackTab], "Previous scope", Section::Filter),
    (Action::Edit(Edit::Older), &[Key::Up, Key::Ctrl('p')], "Previous query from the history (newest first)", Section::Filter),
    (Action::Edit(Edit::Newer), &[Key::Down, Key::Ctrl('n')], "Next query in the history, then back to what you typed", Section::Filter),
    (Action::Edit(Edit::Left), &[Key::Left, Key::Ctrl('b')], "Cursor left", Section::Filter),
    (Action::Edit(Edit::Right), &[Key::Right, Key::Ctrl('f')], "Cursor right", Section::Filter),
    (Action::Edit(Edit::Start), &[Key::Home, Key::Ctrl('a')], "Cursor to the start", Section::Filter),
    (Action::Edit(Edit::End), &[Key::End, Key::Ctrl('e')], "Cursor to the end", Section::Filter),
    (Action::Edit(Edit::Backspace), &[Key::Backspace, Key::Ctrl('h')], "Delete the character before the cursor", Section::Filter),
    (Action::Edit(Edit::Delete), &[Key::Delete, Key::Ctrl('d')], "Delete the character under the cursor", Section::Filter),
    (Action::Edit(Edit::KillStart), &[Key::Ctrl('u')], "Delete to the start of the line", Section::Filter),
    (Action::Edit(Edit::KillEnd), &[Key::Ctrl('k')], "Delete to the end of the line", Section::Filter),
    (Action::Edit(Edit::KillWord), &[Key::Ctrl('w')], "Delete the word before the cursor", Section::Filter),
    (Action::NextMention, &[Key::Char('n')], "Next hit of the text found with /, else the next mention of the chosen entity (any entity if none chosen)", Section::Reader),
    (Action::PrevMention, &[Key::Char('N')], "Previous hit, or previous mention", Section::Reader),
    (Action::ToggleLabels, &[Key::Char('L')], "Show or hide kind labels (Chongqing CITY)", Section::Reader),
    (Action::Sort, &[Key::Char('s')], "Sort the article list: relevance (while filtering), date (newest first), outlet, entity count, corpus order; remembered in the configuration", Section::Act),
    (Action::OpenUrl, &[Key::Char('o')], "Open the article's URL with $BROWSER or the system's opener (over SSH the reader's URL is a link)", Section::Act),
    (Action::Copy, &[Key::Char('y')], "Copy the article's title and URL, or the selected entity's name, to the clipboard (OSC 52: works over SSH and in tmux)", Section::Act),
    (Action::Pick(Pick::Mark), &[Key::Tab], "Mark or unmark the article and move down", Section::Pick),
    (Action::Pick(Pick::MarkUp), &[Key::BackTab], "Mark or unmark the article and move up", Section::Pick),
    (Action::Pick(Pick::Accept), &[Key::Enter], "Print the marked articles' paths (or the selected one's) and end; Esc or q ends with status 130", Section::Pick),
    (Action::Help, &[Key::Char('?')], "Show or hide this help", Section::General),
    (Action::Quit, &[Key::Char('q'), Key::Ctrl('c')], "Quit", Section::General),
    (Action::Suspend, &[Key::Ctrl('z')], "Suspend to the shell (fg brings it back)", Section::General),
];

/// The key table in use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    /// The bindings, in help-screen order.
    pub bindings: Vec<Binding>,
}

impl Default for Keymap {
    fn default() -> Self {
        let bindings = DEFAULT
            .iter()
            .map(|(action, keys, help, section)| Binding {
                action: action.clone(),
                keys: keys.to_vec(),
                help,
                section: *section,
            })
            .collect();
        Keymap { bindings }
    }
}

impl Keymap {
    /// The action bound to `key`, if any (the filter line's and pick mode's
    /// own keys aside).
    pub fn action(&self, key: Key) -> Option<Action> {
        self.bindings
            .iter()
            .find(|b| b.action.mode() == Mode::Normal && b.keys.contains(&key))
            .map(|b| b.action.clone())
    }

    /// Pick mode's command bound to `key`, if any.
    pub fn pick_action(&self, key: Key) -> Option<Pick> {
        self.bindings
            .iter()
            .filter(|b| b.keys.contains(&key))
            .find_map(|b| match b.action {
                Action::Pick(pick) => Some(pick),
                _ => None,
            })
    }

    /// The filter line's editing command bound to `key`, if any.
    pub fn line_action(&self, key: Key) -> Option<Edit> {
        self.bindings
            .iter()
            .filter(|b| b.keys.contains(&key))
            .find_map(|b| match b.action {
                Action::Edit(edit) => Some(edit),
                _ => None,
            })
    }

    /// The first (main) key of `action`, for the status line.
    pub fn main_key(&self, action: &Action) -> Option<Key> {
        self.bindings
            .iter()
            .find(|b| &b.action == action)
            .and_then(|b| b.keys.first().copied())
    }

    /// The key list of the README's "Keys" section, as a Markdown table with
    /// a row naming each section, in help-screen order.
    pub fn markdown(&self) -> String {
        let mut out = String::from("| Keys | What they do |\n|---|---|\n");
        for section in Section::ALL {
            out.push_str(&format!("| **{}** | |\n", section.title()));
            for b in self.bindings.iter().filter(|b| b.section == section) {
                let keys: Vec<String> = b.keys.iter().map(|k| format!("`{k}`")).collect();
                out.push_str(&format!("| {} | {} |\n", keys.join(" "), b.help));
            }
        }
        out
    }
}

/// Names and rebinding, for the configuration file's `[keys]` table.
impl Keymap {
    /// The name of a binding's action as the configuration file spells it:
    /// the action in snake case (`half_page_down`, `next_pane`, `quit`); the
    /// filter line's commands as `edit_` and the command (`edit_accept`,
    /// `edit_kill_word`).
    pub fn action_name(action: &Action) -> String {
        let debug = format!("{action:?}");
        debug
            .trim_end_matches(')')
            .split('(')
            .map(snake_case)
            .collect::<Vec<_>>()
            .join("_")
    }

    /// The action of the binding called `name` (`-` and `_` alike).
    pub fn find_action(&self, name: &str) -> Option<Action> {
        let wanted = name.trim().replace('-', "_").to_ascii_lowercase();
        self.bindings
            .iter()
            .find(|b| Keymap::action_name(&b.action) == wanted)
            .map(|b| b.action.clone())
    }

    /// Every action name, in table order.
    pub fn action_names(&self) -> Vec<String> {
        self.bindings
            .iter()
            .map(|b| Keymap::action_name(&b.action))
            .collect()
    }

    /// Gives `action` exactly these keys (the first is the one hints show).
    pub fn rebind(&mut self, action: &Action, keys: Vec<Key>) {
        if let Some(binding) = self.bindings.iter_mut().find(|b| &b.action == action) {
            binding.keys = keys;
        }
    }

    /// A key bound to two actions, if any: (key, first action, second action).
    /// The filter line's commands and pick mode's are modes of their own: a key
    /// may do one thing there and another elsewhere (Enter opens, and keeps a
    /// filter).
    pub fn conflict(&self) -> Option<(Key, Action, Action)> {
        let mut seen: Vec<(Key, &Action)> = Vec::new();
        for binding in &self.bindings {
            for &key in &binding.keys {
                let clash = seen
                    .iter()
                    .find(|(k, other)| *k == key && other.mode() == binding.action.mode());
                if let Some((_, other)) = clash {
                    return Some((key, (*other).clone(), binding.action.clone()));
                }
                seen.push((key, &binding.action));
            }
        }
        None
    }
}

/// `HalfPageDown` → `half_page_down`.
fn snake_case(name: &str) -> String {
    let mut out = String::new();
    for (i, c) in name.chars().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            out.push('_');
        }
        out.push(c.to_ascii_lowercase());
    }
    out
}

impl Key {
    /// The key a terminal key event stands for (None for keys the explorer ignores).
    pub fn from_event(event: KeyEvent) -> Option<Key> {
        let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
        let key = match event.code {
            KeyCode::Char(c) if ctrl => Key::Ctrl(c.to_ascii_lowercase()),
            KeyCode::Char(c) => Key::Char(c),
            KeyCode::Up => Key::Up,
            KeyCode::Down => Key::Down,
            KeyCode::Left => Key::Left,
            KeyCode::Right => Key::Right,
            KeyCode::Home => Key::Home,
            KeyCode::End => Key::End,
            KeyCode::PageUp => Key::PageUp,
            KeyCode::PageDown => Key::PageDown,
            KeyCode::Tab if event.modifiers.contains(KeyModifiers::SHIFT) => Key::BackTab,
            KeyCode::Tab => Key::Tab,
            KeyCode::BackTab => Key::BackTab,
            KeyCode::Enter => Key::Enter,
            KeyCode::Esc => Key::Esc,
            KeyCode::Backspace => Key::Backspace,
            KeyCode::Delete => Key::Delete,
            _ => return None,
        };
        Some(key)
    }

    /// Parses one key name as tmux spells it (`j`, `Tab`, `BTab`, `C-d`, `PageUp`,
    /// `Escape`, `Space`); also accepts the names the help screen shows.
    pub fn parse(name: &str) -> Option<Key> {
        let named = match name {
            "Up" => Key::Up,
            "Down" => Key::Down,
            "Left" => Key::Left,
            "Right" => Key::Right,
            "Home" => Key::Home,
            "End" => Key::End,
            "PageUp" | "PgUp" | "PPage" => Key::PageUp,
            "PageDown" | "PgDn" | "NPage" => Key::PageDown,
            "Tab" => Key::Tab,
            "BTab" | "S-Tab" => Key::BackTab,
            "Enter" | "Return" | "C-m" => Key::Enter,
            "Escape" | "Esc" => Key::Esc,
            "Space" => Key::Char(' '),
            "BSpace" | "Backspace" => Key::Backspace,
            "DC" | "Delete" | "Del" => Key::Delete,
            _ => return Key::parse_char(name),
        };
        Some(named)
    }

    fn parse_char(name: &str) -> Option<Key> {
        let mut chars = name.chars();
        match (chars.next(), chars.next(), chars.next(), chars.next()) {
            (Some(c), None, _, _) => Some(Key::Char(c)),
            (Some('C'), Some('-'), Some(c), None) => Some(Key::Ctrl(c.to_ascii_lowercase())),
            _ => None,
        }
    }

    /// Parses a `--keys` string the way `tmux send-keys` reads its arguments:
    /// space-separated key names; a word that is not a key name is typed literally.
    pub fn parse_sequence(keys: &str) -> Vec<Key> {
        keys.split_whitespace()
            .flat_map(|word| match Key::parse(word) {
                Some(key) => vec![key],
                None => word.chars().map(Key::Char).collect(),
            })
            .collect()
    }
}

impl fmt::Display for Key {
    /// The name the help screen, status line and README show; [`Key::parse`] reads it back.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Key::Char(' ') => f.write_str("Space"),
            Key::Char(c) => write!(f, "{c}"),
            Key::Ctrl(c) => write!(f, "C-{c}"),
            Key::Up => f.write_str("Up"),
            Key::Down => f.write_str("Down"),
            Key::Left => f.write_str("Left"),
            Key::Right => f.write_str("Right"),
            Key::Home => f.write_str("Home"),
            Key::End => f.write_str("End"),
            Key::PageUp => f.write_str("PgUp"),
            Key::PageDown => f.write_str("PgDn"),
            Key::Tab => f.write_str("Tab"),
            Key::BackTab => f.write_str("S-Tab"),
            Key::Enter => f.write_str("Enter"),
            Key::Esc => f.write_str("Esc"),
            Key::Backspace => f.write_str("Backspace"),
            Key::Delete => f.write_str("Del"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn no_key_is_bound_twice_in_one_mode() {
        for mode in [Mode::Normal, Mode::Line, Mode::Pick] {
            let mut seen = HashSet::new();
            for b in Keymap::default()
                .bindings
                .iter()
                .filter(|b| b.action.mode() == mode)
            {
                for k in &b.keys {
                    assert!(seen.insert(*k), "{k} bound twice");
                }
            }
        }
    }

    #[test]
    fn line_keys_and_list_keys_are_looked_up_apart() {
        let keymap = Keymap::default();
        assert_eq!(keymap.action(Key::Up), Some(Action::Up));
        assert_eq!(keymap.line_action(Key::Up), Some(Edit::Older));
        assert_eq!(keymap.action(Key::Char('/')), Some(Action::Filter));
        assert_eq!(keymap.line_action(Key::Char('q')), None);
        assert_eq!(keymap.line_action(Key::Delete), Some(Edit::Delete));
    }

    #[test]
    fn display_names_parse_back() {
        for b in &Keymap::default().bindings {
            for k in &b.keys {
                assert_eq!(Key::parse(&k.to_string()), Some(*k));
            }
        }
    }

    #[test]
    fn tmux_names_and_literals() {
        let keys = Key::parse_sequence("j BTab C-d Escape ? ab");
        assert_eq!(
            keys,
            vec![
                Key::Char('j'),
                Key::BackTab,
                Key::Ctrl('d'),
                Key::Esc,
                Key::Char('?'),
                Key::Char('a'),
                Key::Char('b')
            ]
        );
    }

    #[test]
    fn shift_tab_and_ctrl_events() {
        let ev = KeyEvent::new(KeyCode::Tab, KeyModifiers::SHIFT);
        assert_eq!(Key::from_event(ev), Some(Key::BackTab));
        let ev = KeyEvent::new(KeyCode::Char('D'), KeyModifiers::CONTROL);
        assert_eq!(Key::from_event(ev), Some(Key::Ctrl('d')));
        let ev = KeyEvent::new(KeyCode::Char('N'), KeyModifiers::SHIFT);
        assert_eq!(Key::from_event(ev), Some(Key::Char('N')));
    }

    #[test]
    fn action_names_are_snake_case_and_found_again() {
        let keymap = Keymap::default();
        assert_eq!(Keymap::action_name(&Action::HalfPageDown), "half_page_down");
        assert_eq!(Keymap::action_name(&Action::Quit), "quit");
        for name in keymap.action_names() {
            let action = keymap.find_action(&name).expect("found");
            assert_eq!(Keymap::action_name(&action), name);
        }
        assert_eq!(keymap.find_action("next-pane"), Some(Action::NextPane));
        assert_eq!(
            Keymap::action_name(&Action::Edit(Edit::KillWord)),
            "edit_kill_word"
        );
        assert_eq!(keymap.find_action("qit"), None);
    }

    #[test]
    fn rebinding_can_conflict() {
        let mut keymap = Keymap::default();
        assert_eq!(keymap.conflict(), None);
        keymap.rebind(&Action::Quit, vec![Key::Char('x')]);
        assert_eq!(keymap.action(Key::Char('x')), Some(Action::Quit));
        assert_eq!(keymap.action(Key::Char('q')), None);
        keymap.rebind(&Action::Down, vec![Key::Char('n')]);
        let (key, _, _) = keymap.conflict().expect("n is NextMention's too");
        assert_eq!(key, Key::Char('n'));
    }
}
