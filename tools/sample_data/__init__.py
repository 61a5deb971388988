"""The generator of the bundled sample job set (jobagent_core/discovery/sample_data/).

Run from the repository root: `python -m tools.sample_data.generate [--check]`.
Its prose and tables are YAML files under data/, validated by schema.py.
"""
