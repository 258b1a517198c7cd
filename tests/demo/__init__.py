"""Demo content modules."""
