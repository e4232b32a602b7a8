"""A steady heap for long runs: resident memory stays what the run holds, without paying for it in page faults.

A long ingest frees large arrays all the time (parse activations, LSH merges, encoder activations) while small
objects made between them live on. glibc raises its mmap threshold each time a large block is freed (up to 32 MB),
after which such blocks come from the heap, and freed heap space stays resident: the writer crept up by ~20 KB per
article (``python -m bench.dedup_scale``). Fixing the threshold at 1 MB stopped that, but every parse array over
1 MB was then a fresh mmap whose pages the kernel zeroes on first touch. The same happens to memory given back
too eagerly: with a 16 MB trim threshold and a ``malloc_trim`` after every batch, the parse re-faulted ~700 pages
per article (2.8 MB; 6-12 ms of system time per article, against 0.6 ms for spaCy alone in its own process).
So the mmap threshold is glibc's own ceiling (32 MB, above the parse's largest arrays for batches of 32 news
articles), glibc keeps up to 256 MB free at the top of the heap instead of returning it on every ``free``, and
after a batch the heap's free pages go back to the system only when resident memory at a batch's end has grown by
more than 64 MB over its level at the end of the first batch after the last trim: in the steady state the parse
reuses the pages it freed without a fault, and a long run's creep is bounded. (``mallinfo2().fordblks`` cannot
be the trigger: it counts free pages already given back.)
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import sys
from functools import cache
from typing import Any

M_TRIM_THRESHOLD = -1  # mallopt parameters, from glibc's malloc.h
M_MMAP_THRESHOLD = -3
MMAP_THRESHOLD = 32 << 20  # glibc's maximum (HEAP_MAX_SIZE / 2 on 64-bit): larger blocks are mmapped
TRIM_THRESHOLD = 256 << 20  # free memory at the top of the heap that glibc keeps for the next batch
CREEP = 64 << 20  # growth of resident memory after which a batch's end gives free pages back
_steady_resident: int | None = None  # resident memory at the end of the first batch after a trim


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


def resident_bytes() -> int:
    """This process's resident memory now (``/proc/self/statm``)."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


@cache
def steady_heap() -> bool:
    """Fix glibc's mmap and trim thresholds (once per process); False where there is no glibc."""
    libc = _libc()
    return libc is not None and bool(libc.mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD)) and bool(
        libc.mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD))


def release_free_memory(creep: int = CREEP) -> bool:
    """After a batch: give the heap's free pages back (``malloc_trim(0)``) if resident memory at a batch's end
    grew by more than ``creep`` bytes over the first batch's end since the last trim; True if it trimmed.

    A batch's end keeps its freed pages resident (the next batch reuses them): that level, not the lower one just
    after a trim, is what later batches are compared with."""
    global _steady_resident
    libc = _libc()
    if libc is None:
        return False
    now = resident_bytes()
    if _steady_resident is None:
        _steady_resident = now
        return False
    if now <= _steady_resident + creep:
        return False
    libc.malloc_trim(0)
    _steady_resident = None
    return True
