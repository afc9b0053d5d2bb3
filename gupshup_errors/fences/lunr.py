"""lunr internals our search worker (templates/search-worker.js.j2) patches or reads.
Checked against lunr 2.3.9 as bundled in mkdocs-material 9.8.2's search worker."""

from __future__ import annotations

import re

from . import material

CHECKED = "lunr 2.3.9 (in mkdocs-material 9.8.2's search worker)"
# What the worker touches, as the template writes it, and how the minified bundle shows it.
HOOKS = {
    "lunr.Pipeline.prototype.run": "Pipeline.prototype.run=function",
    "lunr.Index.prototype.query": "Index.prototype.query=function",
    "pipeline.runString": "runString=function",
    "clause.usePipeline": "usePipeline",
    "clause.term": ".term",
    "clause.fields": ".fields",
    "q.clauses": ".clauses",
    "this.pipeline": "this.pipeline",
    "tokens[i].update": "Token.prototype.update=function",
    "result.matchData.metadata": "matchData",
    "lunr.Builder.prototype.add": "Builder.prototype.add=function",
    "doc[this._ref]": "this._ref",
    "lunr.tokenizer.separator": "tokenizer.separator",
    "result.score": ".score",
    "result.ref": ".ref",
}
_VERSION = re.compile(r'\.version="([0-9.]+)"')


def broken(bundle: str | None = None) -> list[str]:
    """Every lunr hook the search worker bundle (by default the installed one) lacks."""
    bundle = material.worker_bundle() if bundle is None else bundle
    if bundle is None:
        return []  # material.broken() reports the missing worker
    version = _VERSION.search(bundle)
    found = f"lunr {version.group(1) if version else '(version unknown)'} (checked: {CHECKED})"
    return [
        f"{found}: no {hook} (looked for {needle!r}); the site's search worker patches it"
        for hook, needle in HOOKS.items()
        if needle not in bundle
    ]
