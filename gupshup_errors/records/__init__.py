"""What commands record beside the data: published codes, translations, PO, in-place edits."""
