"""The steady heap: large blocks come from the heap and are reused batch after batch without page faults, and
free pages go back to the system once resident memory creeps up, so a long run's resident size is what it keeps."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# A long run's pattern: batches of large arrays freed at the batch's end, while what the batch keeps lives on.
BATCHES = """
import json, resource, sys
from detente.scale.heap import release_free_memory, steady_heap
growing, creep = sys.argv[1] == "growing", int(sys.argv[2])
assert steady_heap()  # 4 MB blocks stay under its mmap threshold: they come from the heap, as parse arrays do
def rss():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS"):
            return int(line.split()[1]) // 1024
before, keep, faults, trims = rss(), [], [], 0
for batch in range(30):
    start = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    blocks = []
    for _ in range(10):
        # growing: each batch's arrays are larger than the last's (longer articles), so they do not fit the holes
        # the last batch left between what it kept
        block = bytearray((4 << 20) + growing * batch * (256 << 10))
        block[::4096] = b"x" * len(block[::4096])
        blocks.append(block)
        keep.append(bytes(64 << 10))  # what the batch stores lives on, in small pieces between the blocks
    del blocks
    faults.append(resource.getrusage(resource.RUSAGE_SELF).ru_minflt - start)
    trims += release_free_memory(creep=creep << 20)
median_faults = sorted(faults[1:])[len(faults) // 2]
print(json.dumps({"growth_mb": rss() - before, "trims": trims, "faults_per_batch": median_faults}))
"""


def _run(pattern: str, creep_mb: int = 16) -> dict:
    out = subprocess.run([sys.executable, "-c", BATCHES, pattern, str(creep_mb)], capture_output=True, text=True,
                         cwd=ROOT, check=True)
    return json.loads(out.stdout)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc only")
def test_blocks_freed_in_a_steady_run_are_reused_without_page_faults():
    steady = _run("steady", creep_mb=64)  # the default creep
    assert steady["trims"] == 0  # the freed 40 MB is the next batch's: nothing to give back
    assert steady["faults_per_batch"] < 1000  # 10 blocks of 1,024 pages, reused: almost no page is touched afresh
    assert steady["growth_mb"] < 75  # one batch's blocks (40 MB) and what is kept (19 MB), not 40 MB per batch


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc only")
def test_a_creeping_run_gives_free_pages_back_and_stays_bounded():
    trimmed, never = _run("growing"), _run("growing", creep_mb=1 << 20)
    assert never["trims"] == 0 and never["growth_mb"] > 100  # the holes left by smaller arrays stay resident
    assert 2 <= trimmed["trims"] <= 15  # about once per 16 MB of creep, not once per batch
    assert trimmed["growth_mb"] < 60
