"""The steady heap: glibc's thresholds fixed once, so freed large blocks go back to the system."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# A long run's pattern: batches of large arrays freed while small objects made between them live on.
GROWTH = """
import sys
if sys.argv[1] == "steady":
    from detente.scale.heap import steady_heap
    assert steady_heap()
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
print((rss() - before) // 1024)
"""


def _growth_mb(mode: str) -> int:
    out = subprocess.run([sys.executable, "-c", GROWTH, mode], capture_output=True, text=True, cwd=ROOT, check=True)
    return int(out.stdout.strip())


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc only")
def test_freed_large_blocks_do_not_stay_resident():
    default, steady = _growth_mb("default"), _growth_mb("steady")
    assert steady < 15  # what stays is the small objects kept
    assert default > steady + 20  # glibc's moving threshold keeps the freed 4 MB blocks on the heap
