"""Saved searches that run on their own: the schedule math and the saved rows."""
