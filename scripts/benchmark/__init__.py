"""The benchmark behind `scripts/bench` (`make bench`), one module per job.

- `data`: the synthetic tables, as a project of ours and as plain MkDocs pages;
- `builds`: build time and peak memory, ours against plain MkDocs;
- `saves`: from each kind of save (data, pages, records) to the served pages holding it;
- `browser`: the reader's figures in Chromium (deep link, filter, search, bytes);
- `report`: the Markdown tables; each section is one function in `report.SECTIONS`;
- `main`: the command line, and the order the jobs run in.

It reuses the tests' helpers (tests/helpers): the fixture project builder, the static server
and the free port.
"""
