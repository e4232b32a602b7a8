"""A steady heap for long runs: resident memory stays what the run holds, without paying for it in page faults.

A long ingest frees large arrays all the time (parse activations, LSH merges, encoder activations) while small
objects made between them live on. glibc raises its mmap threshold each time a large block is freed (up to 32 MB),
after which such blocks come from the heap, and freed heap space stays resident: the writer crept up by ~20 KB per
article (``python -m bench.dedup_scale``). Fixing the threshold at 1 MB stopped that, but every parse array over
1 MB was then a fresh mmap whose pages the kernel zeroes on first touch: a fifth of the parse's CPU time went to
page faults (system time). So the threshold is fixed above the parse's arrays (2-8 MB for batches of 32 news
articles), and ``malloc_trim`` returns the heap's free pages once per batch: arrays freed and made again inside a
batch reuse the same pages, and what a batch leaves free goes back to the system.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys
from functools import cache
from typing import Any

M_TRIM_THRESHOLD = -1  # mallopt parameters, from glibc's malloc.h
M_MMAP_THRESHOLD = -3
THRESHOLD = 16 << 20


@cache
def _libc() -> Any | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        libc.mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
        libc.malloc_trim.argtypes = [ctypes.c_size_t]
    except (OSError, AttributeError):  # musl and others: no mallopt or malloc_trim, nothing to tune
        return None
    return libc


@cache
def steady_heap() -> bool:
    """Fix glibc's mmap and trim thresholds (once per process); False where there is no glibc."""
    libc = _libc()
    return libc is not None and bool(libc.mallopt(M_MMAP_THRESHOLD, THRESHOLD)) and bool(
        libc.mallopt(M_TRIM_THRESHOLD, THRESHOLD))


def release_free_memory() -> bool:
    """Return the heap's free pages to the system (``malloc_trim(0)``), after a batch; False where there is no glibc."""
    libc = _libc()
    if libc is None:
        return False
    libc.malloc_trim(0)
    return True
