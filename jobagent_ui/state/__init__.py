"""State classes: the only place where the UI calls jobagent_core."""
