//! The interactive explorer. Placeholder until the TUI issue lands.
