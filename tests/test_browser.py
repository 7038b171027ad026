"""The site in a real browser: Debian's headless Chromium driven by Playwright (its own
browser download is never used). Every page loads from file:// without console errors and
without a request leaving the site; every highlight holds its claim's exact words, also
after a character outside the Basic Multilingual Plane; statement -> event -> issuer ->
statement navigation works. Screenshots are kept in test-artifacts/."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Route, sync_playwright

from site_fixtures import CURATED_DOC
from statement_kg.project import Project
from statement_kg.site.load import load_site

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def browser() -> Iterator[BrowserContext]:
    if not CHROMIUM.exists():
        if os.environ.get("STATEMENT_KG_REQUIRE_BROWSER"):
            pytest.fail(f"{CHROMIUM} not found: apt-get install chromium")
        pytest.skip(f"{CHROMIUM} not found: apt-get install chromium")
    profile = tempfile.mkdtemp(prefix="statement-kg-chromium-")
    with sync_playwright() as driver:
        context = driver.chromium.launch_persistent_context(
            profile,
            executable_path=str(CHROMIUM),
            headless=True,
            args=ARGS,
            viewport={"width": 1200, "height": 900},
        )
        # The machine may be busy: no outcome here may hang on a short timeout.
        context.set_default_timeout(300_000)
        context.set_default_navigation_timeout(300_000)
        try:
            yield context
        finally:
            context.close()
            shutil.rmtree(profile, ignore_errors=True)


class Visit:
    """A page opened with every console error and every request outside `site` recorded."""

    def __init__(self, context: BrowserContext, site: Path) -> None:
        self.page = context.new_page()
        self.errors: list[str] = []
        self.outside: list[str] = []
        prefix = site.resolve().as_uri() + "/"
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

        def route(r: Route) -> None:
            if r.request.url.startswith(prefix):
                r.continue_()
            else:
                self.outside.append(r.request.url)
                r.abort()

        self.page.route("**/*", route)

    def open(self, url: str) -> None:
        self.page.goto(url, wait_until="load")


def _pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_every_corpus_page_loads_cleanly_and_fits_360_px(
    browser: BrowserContext, corpus_site: Path
) -> None:
    visit = Visit(browser, corpus_site)
    visit.page.set_viewport_size({"width": 360, "height": 780})
    failures = []
    pages = _pages(corpus_site)
    assert len(pages) > 100
    for page in pages:
        visit.errors.clear()
        visit.outside.clear()
        visit.open(page.as_uri())
        width = visit.page.evaluate("document.documentElement.scrollWidth")
        if visit.errors or visit.outside or width > 360:
            name = page.relative_to(corpus_site)
            failures.append(f"{name}: {visit.errors} {visit.outside} {width} px wide")
    visit.page.close()
    assert failures == []


HIGHLIGHTS = """() => {
  const text = {};
  for (const mark of document.querySelectorAll('mark[data-key]')) {
    if (mark.parentElement.closest('[data-key="' + mark.dataset.key + '"]')) continue;
    text[mark.dataset.key] = (text[mark.dataset.key] || '') + mark.textContent;
  }
  return text;
}"""


def _check_highlights(browser: BrowserContext, site: Path, graph: Path) -> int:
    loaded = load_site(graph)
    visit = Visit(browser, site)
    checked = 0
    for statement in loaded.statements:
        visit.open((site / statement.page).as_uri())
        shown = visit.page.evaluate(HIGHLIGHTS)
        expected = {c.key: c.exact for c in statement.claims}
        assert {k: shown.get(k) for k in expected} == expected, statement.id
        checked += len(expected)
    visit.page.close()
    return checked


def test_highlights_hold_exact_words(browser: BrowserContext, corpus_site: Path) -> None:
    assert _check_highlights(browser, corpus_site, ROOT / "graph") > 150


def test_highlights_after_a_non_bmp_character(browser: BrowserContext, curated: Project) -> None:
    site = curated.root / "site"
    assert _check_highlights(browser, site, curated.graph) > 150
    visit = Visit(browser, site)
    visit.open((site / "statements" / f"{CURATED_DOC}.html").as_uri())
    struck = visit.page.locator('mark[data-key="correction/reject/figure/2307-2308"]')
    assert struck.text_content() == "8"
    assert visit.page.locator(".curated").count() == 3
    visit.page.close()


def test_navigation_statement_event_issuer_statement(
    browser: BrowserContext, corpus_site: Path
) -> None:
    visit = Visit(browser, corpus_site)
    start = "statements/2023-02-26-embassy-brussels-press-release.html"
    visit.open((corpus_site / start).as_uri())
    visit.page.locator("dl.meta a[href*='events/']").first.click()
    assert "/events/" in visit.page.url
    event_title = visit.page.locator("h1").text_content()
    visit.page.locator("a[href*='issuers/']").first.click()
    assert "/issuers/" in visit.page.url, event_title
    visit.page.locator("ol a[href*='statements/']").first.click()
    assert "/statements/" in visit.page.url
    assert visit.page.locator("article.text mark").count() > 10
    assert visit.errors == []
    assert visit.outside == []
    visit.page.close()


def test_keyboard_reaches_content_and_screenshots(
    browser: BrowserContext, corpus_site: Path
) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    visit = Visit(browser, corpus_site)
    visit.open((corpus_site / "index.html").as_uri())
    visit.page.keyboard.press("Tab")
    assert visit.page.evaluate("document.activeElement.textContent") == "Skip to content"
    visit.page.keyboard.press("Enter")
    visit.page.fill("#search", "khojaly")
    assert visit.page.locator("#results li").count() > 3
    visit.page.fill("#search", "")
    visit.page.screenshot(path=str(ARTIFACTS / "home.png"))
    statement = "statements/undated-embassy-japan-press-release.html"
    visit.open((corpus_site / statement).as_uri())
    visit.page.screenshot(path=str(ARTIFACTS / "statement.png"))
    visit.page.set_viewport_size({"width": 360, "height": 780})
    width = visit.page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360
    visit.page.screenshot(path=str(ARTIFACTS / "statement-360.png"))
    visit.page.close()
