"""Database layer: SQLAlchemy models (the one schema master), engines, roles."""
