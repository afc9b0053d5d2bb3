"""Where things live on the published site, derived from its root URL (SITE_URL)."""

from __future__ import annotations

from urllib.parse import urlsplit

# mkdocs.yml reads SITE_URL from the environment and falls back to this preview address.
DEFAULT_SITE_URL = "http://127.0.0.1:8000/"


def root(site_url: str | None) -> str:
    """The site's root URL, always ending in a slash."""
    return f"{(site_url or DEFAULT_SITE_URL).rstrip('/')}/"


def base_path(site_url: str | None) -> str:
    """The root's path on its host ("/" or "/repo/"): what links inside the site start with."""
    return f"{urlsplit(root(site_url)).path.rstrip('/')}/"


def language_url(site_url: str | None, language: str) -> str:
    """The absolute URL of one language's table page."""
    return f"{root(site_url)}{language}/"


def language_path(site_url: str | None, language: str) -> str:
    """The same page by its path alone, so that a link works whatever the host is."""
    return f"{base_path(site_url)}{language}/"


def anchor_url(site_url: str | None, language: str, anchor: str) -> str:
    """The absolute URL of a row or heading: the link people share."""
    return f"{language_url(site_url, language)}#{anchor}"


def code_page_url(site_url: str | None, language: str, anchor: str) -> str:
    """The absolute URL of one code's own page, e.g. https://host/en/1002/."""
    return f"{language_url(site_url, language)}{anchor}/"


def code_page_path(site_url: str | None, language: str, anchor: str) -> str:
    """The same page by its path alone."""
    return f"{language_path(site_url, language)}{anchor}/"
