"""The Markdown twins and llms.txt files in each language's build: files.py writes them."""
