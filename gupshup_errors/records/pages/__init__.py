"""Guide pages' translations, block by block: the blocks, their record, their state, their PO."""
