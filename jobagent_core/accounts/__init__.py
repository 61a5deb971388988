"""A person's account as a whole: their delivery settings, and deleting the
account with everything they own."""
