"""The data file and its model: reading it, again after an edit, checking it and locating
problems."""
