"""One module per command-line command (check, new, export, import, ledger-template, import-ledger,
summary, review): each has NAMES, register(subparsers) and run(args), imports the core inside run()
so that a command loads only what it uses; gui/arguments.py builds the parser, gui/cli.py runs it."""
