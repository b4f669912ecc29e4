"""What a web client may send, checked in one place: used by the chat page (rag.ui) and the JSON API
(rag.api). Nothing here imports the web framework, so the checks are unit-tested on their own."""

from __future__ import annotations

import collections
import re
import threading
import time
from pathlib import Path

from .config import MODES
from .corpus import ARTICLE_SUFFIXES
from .dates import check_date
from .errors import RagError
from .types import Filters


def make_filters(sources, since: str, until: str) -> Filters:
    since, until = (check_date(name, (value or "").strip() or None)
                    for name, value in (("since", since), ("until", until)))
    return Filters(tuple(sources or ()), since, until)


MAX_K = 50  # passages a client may ask for: more is no better answer, only more work


def check_request(mode, k, generator, allowed: list[str]) -> tuple[str, int, str]:
    """What a web client sent, checked: a client may name only a retrieval mode, a number of passages
    from 1 to MAX_K, and one of the ``allowed`` generators: built in, registered as a plug-in, or the
    one the operator configured; never a dotted path of its own, which would import a module it chose."""
    if mode not in MODES:
        raise RagError(f"mode must be one of {', '.join(MODES)}")
    if isinstance(k, bool) or not isinstance(k, (int, float)) or k != int(k) or not 1 <= k <= MAX_K:
        raise RagError(f"the number of passages must be a whole number from 1 to {MAX_K}")
    if not isinstance(generator, str) or generator not in allowed:
        raise RagError(f"unknown generator (available: {', '.join(allowed)})")
    return mode, int(k), generator


class RateLimiter:
    """At most ``per_minute`` questions per client in any minute (0: no limit); thread-safe.

    Hand-written, a sliding window of timestamps per client, because the page's server has no
    limiter of its own and this one is a dozen lines with nothing to configure but the rate.
    """

    def __init__(self, per_minute: int = 0):
        self.per_minute = per_minute
        self._seen: dict[str, collections.deque] = {}
        self._lock = threading.Lock()

    def check(self, client: str) -> None:
        """Count one question from ``client``; a RagError saying when to retry when over the limit."""
        if not self.per_minute:
            return
        now = time.monotonic()
        with self._lock:
            if len(self._seen) > 10_000:  # forget clients gone quiet, so memory stays bounded
                self._seen = {k: v for k, v in self._seen.items() if v and now - v[-1] < 60}
            times = self._seen.setdefault(client, collections.deque())
            while times and now - times[0] >= 60:
                times.popleft()
            if len(times) >= self.per_minute:
                raise RagError(f"busy: at most {self.per_minute} questions a minute from one client; "
                               f"retry in {60 - (now - times[0]):.0f} s")
            times.append(now)


def client_of(request) -> str:
    """Who is asking: the logged-in user, else the client's address."""
    return getattr(request, "username", None) or getattr(getattr(request, "client", None), "host", None) or "?"


MAX_UPLOAD_BYTES = 200_000_000  # one uploaded file; an export may hold many articles
MAX_UPLOADS = 50  # files in one upload


def upload_name(name: str) -> str:
    """A safe file name for an upload: the client's name reduced to letters, digits, ``._-``; a RagError
    for a kind of file that is not an article. The client never chooses a folder."""
    base = re.sub(r"[^A-Za-z0-9._-]+", "_", Path(str(name)).name).lstrip("._")[:120]
    if not base.lower().endswith(ARTICLE_SUFFIXES):
        raise RagError(f"{Path(str(name)).name}: articles are {', '.join(ARTICLE_SUFFIXES)} files")
    return base
