"""The steady heap: large blocks come from the heap within a batch, and its free pages go back to the system
after it, so a long run's resident size is what it keeps."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# A long run's pattern: batches of large arrays freed while small objects made between them live on.
GROWTH = """
import sys
from detente.scale.heap import release_free_memory, steady_heap
if sys.argv[1] == "release":
    assert steady_heap()  # 4 MB blocks stay under its threshold: they come from the heap, as parse arrays do
def rss():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS"):
            return int(line.split()[1])
before, keep = rss(), []
for _ in range(30):
    blocks = []
    for _ in range(10):
        block = bytearray(4 << 20)
        block[::4096] = b"x" * len(block[::4096])
        blocks.append(block)
        keep.append(bytes(2000))
    del blocks
    if sys.argv[1] == "release":
        assert release_free_memory()
print((rss() - before) // 1024)
"""


def _growth_mb(mode: str) -> int:
    out = subprocess.run([sys.executable, "-c", GROWTH, mode], capture_output=True, text=True, cwd=ROOT, check=True)
    return int(out.stdout.strip())


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc only")
def test_freed_large_blocks_do_not_stay_resident():
    default, released = _growth_mb("default"), _growth_mb("release")
    assert released < 15  # what stays is the small objects kept
    assert default > released + 20  # glibc's moving threshold keeps the freed 4 MB blocks on the heap
