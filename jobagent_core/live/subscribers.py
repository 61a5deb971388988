"""Who listens for live run changes: client tokens (one per browser tab), each of
one user, on one connection, showing one page. A face (the web app) subscribes a
token when a signed-in page loads and prunes tokens whose connection is gone or
was replaced — a full page load (signing out included) opens a new connection,
and only signed-in pages subscribe again. Changes go only to the owner's tokens."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from jobagent_core.live.poller import RunChange


@dataclass(frozen=True)
class Subscription:
    token: str
    user_id: str
    page: str  # route path, e.g. "/" or "/matches"
    connection: str = ""  # the websocket (session id) the tab subscribed on


class Subscribers:
    """user id → client tokens, kept on subscribe / unsubscribe / prune."""

    def __init__(self) -> None:
        self._by_token: dict[str, Subscription] = {}
        self._by_user: dict[str, set[str]] = defaultdict(set)

    def __len__(self) -> int:
        return len(self._by_token)

    def subscribe(self, token: str, user_id: str, page: str, connection: str = "") -> None:
        """`token` now shows `page` to `user_id` (a tab reused by someone else moves)."""
        self.unsubscribe(token)
        self._by_token[token] = Subscription(token, user_id, page, connection)
        self._by_user[user_id].add(token)

    def unsubscribe(self, token: str) -> None:
        old = self._by_token.pop(token, None)
        if old is None:
            return
        tokens = self._by_user.get(old.user_id)
        if tokens is not None:
            tokens.discard(token)
            if not tokens:
                del self._by_user[old.user_id]

    def prune(self, connections: Mapping[str, str]) -> list[str]:
        """Drop tokens whose connection is gone or replaced; returns them.

        `connections` maps each connected token to its current connection id; a
        subscription made without a connection id only needs the token present.
        """
        gone = [
            token
            for token, subscription in self._by_token.items()
            if token not in connections
            or (subscription.connection and connections[token] != subscription.connection)
        ]
        for token in gone:
            self.unsubscribe(token)
        return gone

    def users(self) -> set[str]:
        return set(self._by_user)

    def of_user(self, user_id: str) -> list[Subscription]:
        return [self._by_token[t] for t in sorted(self._by_user.get(user_id, ()))]

    def get(self, token: str) -> Subscription | None:
        return self._by_token.get(token)


def by_user(changes: Iterable[RunChange]) -> dict[str, list[RunChange]]:
    """Changes grouped by the user who owns the run."""
    grouped: dict[str, list[RunChange]] = defaultdict(list)
    for change in changes:
        grouped[change.user_id].append(change)
    return dict(grouped)


__all__ = ["Subscribers", "Subscription", "by_user"]
