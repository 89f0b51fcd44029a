"""Generic scheduled work owned by the scheduler itself (filled in below)."""
