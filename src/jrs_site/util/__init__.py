"""Small helpers every stage may use: whole-file writes, progress."""
