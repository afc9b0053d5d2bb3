"""The engines' interface does what the reader tests rely on, in each engine: the viewport asked
for, screenshots of the viewport, and errors caught wherever a page makes them."""

from __future__ import annotations

import pytest

from ..helpers import engines, pixels
from ..helpers.engines import Reading


@pytest.mark.parametrize("viewport", [engines.DESKTOP, engines.PHONE], ids=["desktop", "phone"])
def test_a_tab_has_the_viewport_asked_for(reading: Reading, viewport: engines.Viewport) -> None:
    # (The root redirect's test checks the language asked for, in every engine.)
    tab = reading.open("/404.html", viewport=viewport)
    assert tab.run("return [innerWidth, innerHeight]") == [viewport.width, viewport.height]
    shot = pixels.decoded(tab.screenshot())
    ratio = tab.run("return devicePixelRatio")
    assert shot.size == (viewport.width * ratio, viewport.height * ratio)


def test_errors_of_every_kind_are_recorded_even_after_the_page_is_left(reading: Reading) -> None:
    tab = reading.open("/404.html")
    # As the page's own script (Marionette runs test scripts in a sandbox of their own).
    tab.run(
        "const script = document.createElement('script'); script.textContent = arguments[0];"
        " document.head.append(script);",
        "setTimeout(() => { throw new Error('thrown'); });"
        " Promise.reject(new Error('rejected'));"
        " console.error('logged');"
        " const image = document.createElement('img'); image.src = 'missing.png';"
        " document.body.append(image);",
    )
    tab.wait("return (sessionStorage.getItem('gs-test-errors') || '').includes('missing.png')")
    tab.open(reading.base_url + "/robots.txt")  # no page of ours: the record stays in the tab
    tab.open(reading.base_url + "/404.html")
    recorded = "\n".join(tab.errors())
    for expected in ("thrown", "rejected", "console.error: logged", "missing.png"):
        assert expected in recorded, f"{tab.engine} did not record {expected!r}: {recorded}"
    tab.run("sessionStorage.clear()")  # what this test caused is not the site's error
