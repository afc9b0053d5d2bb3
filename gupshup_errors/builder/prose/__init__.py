"""The site's pages of prose in each language's MkDocs build."""
