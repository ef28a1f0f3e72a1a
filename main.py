"""年报助手 — opens the window, or runs a command (`python main.py --help`)."""
import multiprocessing
import sys

from gui.cli import wants_cli

if __name__ == "__main__":
    multiprocessing.freeze_support()      # a frozen build: the review's worker processes start here
    if wants_cli(sys.argv[1:]):
        from gui.cli import main
    else:
        try:
            from gui.app import main
        except ModuleNotFoundError as exc:     # the window arrives with the wizard
            if exc.name != "gui.app":
                raise
            print("年报助手的窗口将随填报向导一同提供；现在可以使用命令行：python main.py --help")
            sys.exit(0)
    sys.exit(main())
