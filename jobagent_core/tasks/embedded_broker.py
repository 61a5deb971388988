"""kombu's filesystem transport, with messages written atomically.

The stock transport creates the message file and then writes into it, so a worker
polling the folder can pick up an empty file, fail to decode it and stop. Here a
message is written under a name the reader ignores and then renamed into place.
"""

from __future__ import annotations

import os
import uuid
from time import monotonic
from typing import Any

from kombu.exceptions import ChannelError
from kombu.transport import TRANSPORT_ALIASES, filesystem
from kombu.utils.encoding import str_to_bytes
from kombu.utils.json import dumps

SCHEME = "jobagent-fs"


class AtomicChannel(filesystem.Channel):
    def _put(self, queue: Any, message: Any, **kwargs: Any) -> None:  # type: ignore[override]
        name = f"{round(monotonic() * 1000)}_{uuid.uuid4()}.{queue}.msg"
        final = os.path.join(self.data_folder_out, name)
        partial = f"{final}.partial"  # not "*.msg": the reader skips it
        try:
            with open(partial, "wb") as handle:
                handle.write(str_to_bytes(dumps(message)))
            os.replace(partial, final)
        except OSError as exc:
            raise ChannelError(f"Cannot add file {final!r} to directory") from exc


class AtomicFilesystemTransport(filesystem.Transport):
    Channel = AtomicChannel


TRANSPORT_ALIASES[SCHEME] = f"{__name__}:AtomicFilesystemTransport"
