//! The filter language (fzf's extended syntax plus `kind:` scopes) and fuzzy
//! matching over the index. Placeholder until the query issue lands.
