"""The live preview's incremental rebuild: after an edit of the data alone, only what it changed."""
