"""Job Agent core: everything that is not UI. Importable without Reflex."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("jobagent")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"
