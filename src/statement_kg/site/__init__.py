"""The static site: pages people read, generated from graph/ with Jinja2 templates."""

from statement_kg.site.render import SiteError, SiteSummary, build_site

__all__ = ["SiteError", "SiteSummary", "build_site"]
