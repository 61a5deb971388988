"""Celery: the app, its configuration and thin tasks that call workflows."""
