"""The command line on top: thin commands that load, hand off and set the exit status."""
