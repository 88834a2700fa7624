"""A longer hostile-input run than `make test` does: more schemathesis and property examples.

Command: `.venv/bin/python -m bench.hostile [examples per operation, default 25]`
Set TEST_DATABASE_URL to a throwaway PostgreSQL database to fuzz on PostgreSQL as well as SQLite.
The tests print how many requests went out and how they were answered; any 5xx, schema-violating
request let through, or unclear refusal fails the run.
"""

import os
import sys

import pytest

TESTS = [
    "tests/test_openapi_fuzz.py",
    "tests/test_form_properties.py",
    "tests/questions/test_loader_properties.py",
    "tests/test_hostile_text.py",
]


def main() -> int:
    examples = sys.argv[1] if len(sys.argv) > 1 else "25"
    os.environ["FUZZ_EXAMPLES"] = examples
    os.environ["PROPERTY_EXAMPLES"] = str(int(examples) * 40)
    return pytest.main(["-q", "-s", "-p", "no:cacheprovider", *TESTS])


if __name__ == "__main__":
    sys.exit(main())
