//! Scoring extraction and metadata against gold files, by the rules of the gold
//! README. Placeholder until the extraction issue lands.
