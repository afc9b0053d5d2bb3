"""The live preview: rebuild on change, keep the last good site on a mistake."""
