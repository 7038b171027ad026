"""A polite SPARQL client for public endpoints such as Wikidata's: it says who it is, sends
few and bounded queries, gives up after a timeout, and backs off when the endpoint asks it to
(429 Too Many Requests, honouring Retry-After) or is overloaded (5xx)."""

from __future__ import annotations

import time
import urllib.error
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

from SPARQLWrapper import JSON, POST, SPARQLWrapper
from SPARQLWrapper import __version__ as sparqlwrapper_version
from SPARQLWrapper.SPARQLExceptions import EndPointInternalError, SPARQLWrapperException

from statement_kg import __version__

WIKIDATA = "https://query.wikidata.org/sparql"
# Wikimedia asks clients to identify themselves and say how to reach their maintainers.
USER_AGENT = (
    f"statement-kg/{__version__} (https://w3id.org/statement-kg; link candidate finder) "
    f"SPARQLWrapper/{sparqlwrapper_version}"
)

Binding = dict[str, str]


class EndpointError(Exception):
    """The endpoint could not answer: unreachable, a bad query, or still busy after retries."""


def retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """The wait a Retry-After header asks for, in seconds (it is a number or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


@dataclass
class Endpoint:
    """A SPARQL endpoint and how to treat it: `timeout` seconds per request; up to `retries`
    more attempts after a 429 or 5xx, waiting what Retry-After asks or else `backoff`
    seconds, doubled each time, never more than `max_wait`; `sleep` is how it waits (a test
    records the waits instead)."""

    url: str
    timeout: int = 60
    retries: int = 4
    backoff: float = 2.0
    max_wait: float = 120.0
    sleep: Callable[[float], None] = field(default=time.sleep, repr=False)

    def _wrapper(self, query: str) -> SPARQLWrapper:
        sparql = SPARQLWrapper(self.url, agent=USER_AGENT)
        sparql.setMethod(POST)  # long VALUES blocks would not fit in a URL
        sparql.setReturnFormat(JSON)
        sparql.setTimeout(self.timeout)
        sparql.setQuery(query)
        return sparql

    def select(self, query: str) -> list[Binding]:
        """The solutions of a SELECT query, each variable bound to its value's text."""
        attempt = 0
        while True:
            try:
                with warnings.catch_warnings():
                    # An answer of another type (an HTML page) comes back raw, with a
                    # warning; _bindings turns it into the error it is.
                    warnings.simplefilter("ignore", RuntimeWarning)
                    result: Any = self._wrapper(query).queryAndConvert()
            except urllib.error.HTTPError as error:
                if error.code != 429 and error.code < 500:
                    raise EndpointError(f"{self.url}: HTTP {error.code} {error.reason}") from error
                wait, reason = retry_after(error.headers.get("Retry-After")), f"HTTP {error.code}"
            except EndPointInternalError:
                # SPARQLWrapper turns a 500 into this, dropping the headers.
                wait, reason = None, "HTTP 500"
            except SPARQLWrapperException as error:
                raise EndpointError(f"{self.url}: {error}") from error
            except OSError as error:  # unreachable, refused, timed out
                raise EndpointError(f"{self.url}: {error}") from error
            else:
                return _bindings(self.url, result)
            if attempt == self.retries:
                raise EndpointError(f"{self.url}: {reason} after {attempt + 1} attempts")
            self.sleep(min(wait if wait is not None else self.backoff * 2**attempt, self.max_wait))
            attempt += 1


def _bindings(url: str, result: Any) -> list[Binding]:
    """The rows of a SPARQL JSON answer; an EndpointError for anything else (an HTML page,
    a login form), which SPARQLWrapper hands back as it came."""
    try:
        return [
            {name: value["value"] for name, value in row.items()}
            for row in result["results"]["bindings"]
        ]
    except (TypeError, KeyError, AttributeError) as error:
        start = result[:80] if isinstance(result, bytes | str) else type(result).__name__
        raise EndpointError(f"{url}: the answer is not SPARQL JSON results: {start!r}") from error
