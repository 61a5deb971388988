"""Sign-in and sessions, compatible with Better Auth's tables and cookie."""
