"""build and serve: the site, all or nothing into its folder (builder/site.py), and the live
preview."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from ..builder.site import build_site
from ..text.writer import WriteError, locked


def build(config_file: Path, site_dir: Path) -> int:
    """Build every language into `site_dir`, under the project's lock (a build takes the
    folders of the site it replaces, which a second build must not take at the same time)."""
    try:
        with locked(config_file.parent):
            built = build_site(config_file, site_dir)
    except OSError as error:  # the site is swapped in whole: what failed left it as it was
        raise WriteError(site_dir, error) from None
    print(f"built {', '.join(built.names)} into {site_dir}/")
    return 0


def serve(config_file: Path, host: str, port: int) -> int:
    """Preview every language with live reload (the preview builds into a folder of its own)."""
    from ..serve.preview import serve as preview  # only the preview needs the server machinery

    build_preview = partial(build_site, config_file, strict=False, preview=True)
    try:
        preview(config_file, build_preview, host, port)
    except OSError as error:
        raise WriteError(Path(error.filename or config_file.parent), error) from None
    return 0
