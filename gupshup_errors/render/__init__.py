"""Model + language -> text: pages, root files, exports and the editor's schema, with no MkDocs."""
