"""Settings for the test suite: the real settings, with a private data folder per run.

The data folder holds the SQLite test database, the audit witness file and generated audit
keys; a private one keeps tests off an operator's demo and lets two runs happen at once.
"""

import atexit
import os
import shutil
import tempfile

if not os.environ.get("AIRLOCK_TEST_DATA_DIR"):
    _folder = tempfile.mkdtemp(prefix="airlock-test-")
    os.environ["AIRLOCK_TEST_DATA_DIR"] = _folder
    atexit.register(shutil.rmtree, _folder, True)
os.environ["AIRLOCK_DATA_DIR"] = os.environ["AIRLOCK_TEST_DATA_DIR"]

from appliance.settings import *  # noqa: F403

# Seal right after each write, so a test's records are sealed before the next test empties
# the tables (a delayed seal would race with that).
AIRLOCK_AUDIT_SEAL_DELAY = 0.0

# Quota counters of this run only: CI's Redis outlives runs, and runaway detection remembers
# an application's normal rate, so a shared prefix would let one run's traffic affect another.
AIRLOCK_QUOTA_KEY_PREFIX = f"airlock-test:{os.path.basename(os.environ['AIRLOCK_TEST_DATA_DIR'])}:quota"

# Tests start a scheduler of their own when they test it: one running in the live gateway
# would run retention and health checks in the middle of other tests.
AIRLOCK_SCHEDULER = "off"
