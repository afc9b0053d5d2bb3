"""Model + language -> text: pages, root files and exports, with no MkDocs."""
