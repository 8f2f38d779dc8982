"""Small helpers the benchmark scripts share: repeat a call and print median and 99th percentile."""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def measure(label: str, fn: Callable[[], object], runs: int, warmup: int = 20) -> tuple[float, float]:
    """Time `fn` `runs` times; print and return (median, p99) in milliseconds."""
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    median = statistics.median(times)
    p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
    print(f"{label:<44} median {median:8.3f} ms   p99 {p99:8.3f} ms   ({runs} runs)")
    return median, p99
