"""Every page as Markdown for tools: the twins beside the pages (twins.py, changes.py), the
llms.txt files (llms.py) and the escaping that keeps the data's texts literal (escape.py)."""
