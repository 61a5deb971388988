"""Reusable pieces of UI. They render state; they never fetch data themselves."""
