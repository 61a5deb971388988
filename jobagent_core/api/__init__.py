"""HTTP routes mounted into the Reflex server (auth, workflow API, health)."""
