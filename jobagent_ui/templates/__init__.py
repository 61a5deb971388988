"""Page templates: what every page of a kind shares (frame, title, on_load)."""
