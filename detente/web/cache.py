"""A small cache of derived views (overview, dyad panels, actor timelines), valid while the store is unchanged.

The key includes the size and modification time of the database file and its
WAL: any committed write changes one of them, so an ingest running beside the
app is seen on the next request. Only computed view data is cached, never
connections.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Any


def store_version(path: Path) -> tuple:
    stamp = []
    for file in (path, path.with_name(path.name + "-wal")):
        try:
            st = file.stat()
            stamp.append((st.st_mtime_ns, st.st_size))
        except FileNotFoundError:
            stamp.append(None)
    return tuple(stamp)


class ViewCache:
    def __init__(self, path: Path, size: int = 64) -> None:
        self.path = path
        self.size = size
        self._data: OrderedDict[Hashable, tuple[tuple, Any]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        version = store_version(self.path)
        with self._lock:
            hit = self._data.get(key)
            if hit is not None and hit[0] == version:
                self._data.move_to_end(key)
                return hit[1]
        value = compute()
        with self._lock:
            self._data[key] = (version, value)
            self._data.move_to_end(key)
            while len(self._data) > self.size:
                self._data.popitem(last=False)
        return value
