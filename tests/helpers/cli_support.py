"""The command line run inside the test process, for tests of argument handling and refusals: a child
`main.py` costs a quarter of a second and shows nothing more there. Each command keeps tests that run
main.py in a real child (test_cli, test_review, test_utf8_output …)."""
from __future__ import annotations

import subprocess

from gui import cli


def run_cli(capsys, *argv) -> subprocess.CompletedProcess:
    """`main.py ARGV` in this process: exit code, stdout and stderr as subprocess.run gives them."""
    args = [str(a) for a in argv]
    code = cli.main(args)
    out, err = capsys.readouterr()
    return subprocess.CompletedProcess(["main.py", *args], code, out, err)
