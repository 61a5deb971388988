"""Workflows (profiling, job search) and the Run rows that report on them."""
