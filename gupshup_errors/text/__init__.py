"""Text helpers that know nothing of the table: inline markup, folding, catalogs, addresses.

Also typo suggestions and how messages name files. Nothing here imports MkDocs.
"""
