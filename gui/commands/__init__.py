"""One module per command-line command; see gui/cli.py."""
