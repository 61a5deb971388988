"""Live run status for connected browsers: one poller per app process reads what
changed in `runs` (one indexed query per tick) and fans it out to the owners'
clients. See `poller.py` (what changed) and `subscribers.py` (who listens)."""

from jobagent_core.live.poller import LivePoller, RunChange, RunChangeReader
from jobagent_core.live.subscribers import Subscribers

__all__ = ["LivePoller", "RunChange", "RunChangeReader", "Subscribers"]
