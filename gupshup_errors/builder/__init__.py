"""The MkDocs glue and all it writes: plugin, settings, code pages, search, assets, the site."""
