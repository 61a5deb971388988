"""Job Agent web app (Reflex). UI only: all domain logic lives in jobagent_core."""
