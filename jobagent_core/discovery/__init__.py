"""Finding postings: one module per source behind one small interface, plus
normalisation, de-duplication and filters."""
