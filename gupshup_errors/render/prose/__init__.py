"""The site's pages of prose (docs/<path>.md and their translations), pure: no MkDocs."""
