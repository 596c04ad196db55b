#!/usr/bin/env python
"""Django's command-line utility; ``airlock`` is the same with operator-friendly help."""

import sys

from appliance.cli import main

if __name__ == "__main__":
    sys.exit(main())
