"""The data file and its model: reading, checking and locating problems, and the editor's schema."""
