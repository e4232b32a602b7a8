"""A steady heap for long runs: large blocks go back to the system when freed.

glibc raises its mmap threshold each time a large block is freed (up to 32 MB), after which blocks of that size
come from the heap, where freed space between live objects is rarely returned. A long ingest frees large arrays all
the time (parse batches, LSH merges, encoder activations), so its resident memory crept up by ~20 KB per article
(``python -m bench.dedup_scale``); with the threshold fixed at 1 MB it grows by ~5 KB, which is the data it keeps.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys
from functools import cache

M_TRIM_THRESHOLD = -1  # mallopt parameters, from glibc's malloc.h
M_MMAP_THRESHOLD = -3
THRESHOLD = 1 << 20


@cache
def steady_heap() -> bool:
    """Fix glibc's mmap and trim thresholds (once per process); returns False where there is no glibc."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        mallopt = libc.mallopt
    except (OSError, AttributeError):  # musl and others: no mallopt, nothing to tune
        return False
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    return bool(mallopt(M_MMAP_THRESHOLD, THRESHOLD)) and bool(mallopt(M_TRIM_THRESHOLD, THRESHOLD))
