"""The static site: pages people read, generated from graph/ with Jinja2 templates."""

from statement_kg.site.render import SiteSummary, build_site

__all__ = ["SiteSummary", "build_site"]
