"""年报助手 — opens the window, or runs a command (`python main.py --help`)."""
import sys

from gui.cli import wants_cli
from gui.streams import use_utf8

if __name__ == "__main__":
    use_utf8()                            # the window's prints too, on any console code page
    if getattr(sys, "frozen", False):     # a frozen build: the review's worker processes start here
        import multiprocessing
        multiprocessing.freeze_support()
    if wants_cli(sys.argv[1:]):
        from gui.cli import main
    else:
        from gui.qt.app import main
    sys.exit(main())
