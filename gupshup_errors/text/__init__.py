"""Text helpers that know nothing of the table: inline markup, folding, catalogs, addresses.

Also typo suggestions, how messages name files, and the one writer of files (writer.py).
Nothing here imports MkDocs.
"""
