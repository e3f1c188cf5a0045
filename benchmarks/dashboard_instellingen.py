"""Settings for benchmarks/dashboard.py: the project's settings, with STATIC_ROOT in the benchmark's temporary directory.

Everything else comes from the environment as usual (DATABASE_URL, REDIS_URL, CACHE_KEY_PREFIX).
"""

import os

from config.settings import *  # noqa: F403

STATIC_ROOT = os.environ["BENCH_STATIC_ROOT"]
