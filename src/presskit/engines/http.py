"""Timeouts and status checks for deep-translator's HTTP calls.

deep-translator calls `requests.get`/`requests.post` with no timeout and turns HTTP errors into
exceptions that may quote the API key. Each provider module does `import requests`, so `install()`
replaces that module-level name with `TimedRequests`, which forwards everything to `requests`.
Inside `timed(seconds)` it adds the timeout and raises `TransportError`/`HttpStatusError` (which
carry no URL, hence no key) instead of letting deep-translator see a failed response. Outside that
block it is a plain pass-through, so other users of deep-translator are unaffected.
`libre_base_url` and `display_url` normalise an address and strip it of credentials for messages.
"""
from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from types import ModuleType
from typing import TYPE_CHECKING, Any, Iterator
from urllib.parse import urlsplit, urlunsplit

from presskit.errors import PresskitError

if TYPE_CHECKING:  # requests is imported when a request is sent, not with the registry
    import requests

_TIMEOUT: ContextVar[float | None] = ContextVar("presskit_http_timeout", default=None)


class TransportError(Exception):
    """No HTTP answer: `kind` is "connect" (refused, DNS, TLS), "timeout" or "invalid" (bad URL...)."""

    def __init__(self, kind: str) -> None:
        super().__init__(kind)
        self.kind = kind


class HttpStatusError(Exception):
    """The server answered with a non-2xx status; `retry_after` is its Retry-After in seconds."""

    def __init__(self, status: int, retry_after: float | None = None) -> None:
        super().__init__(status)
        self.status = status
        self.retry_after = retry_after


def is_transient(exc: Exception) -> bool:
    """True for failures worth retrying: no connection, timeout, 429 and 5xx."""
    if isinstance(exc, TransportError):
        return exc.kind != "invalid"
    return isinstance(exc, HttpStatusError) and (exc.status == 429 or exc.status >= 500)


class TimedRequests:
    """Stands in for the `requests` module inside deep-translator's provider modules."""

    def __getattr__(self, name: str) -> Any:
        import requests
        return getattr(requests, name)

    def get(self, url: str, **kwargs: Any) -> requests.Response:
        """`requests.get` with presskit's timeout and status checks."""
        return self.request("get", url, **kwargs)

    def post(self, url: str, **kwargs: Any) -> requests.Response:
        """`requests.post` with presskit's timeout and status checks."""
        return self.request("post", url, **kwargs)

    def request(self, method: str, url: str, **kwargs: Any) -> requests.Response:
        """Send one request; inside `timed()`, with a timeout and failures raised as our errors."""
        import requests
        timeout = _TIMEOUT.get()
        if timeout is None:
            return requests.request(method, url, **kwargs)
        return send(method, url, timeout, **kwargs)


def send(method: str, url: str, timeout: float, **kwargs: Any) -> requests.Response:
    """One HTTP request with a timeout; failures raised as `TransportError` or `HttpStatusError`."""
    import requests
    kwargs.setdefault("timeout", timeout)
    try:
        response = requests.request(method, url, **kwargs)
    except requests.ConnectionError:  # includes ConnectTimeout: the server is unreachable
        raise TransportError("connect") from None
    except requests.Timeout:
        raise TransportError("timeout") from None
    except requests.RequestException:
        raise TransportError("invalid") from None
    if not 200 <= response.status_code < 300:
        response.close()
        raise HttpStatusError(response.status_code, _retry_after(response))
    return response


def _retry_after(response: requests.Response) -> float | None:
    """The Retry-After header in seconds, when it is a number."""
    try:
        return float(response.headers.get("Retry-After", ""))
    except ValueError:
        return None


_PROXY = TimedRequests()


def install(module: ModuleType) -> None:
    """Make a deep-translator provider module send its requests through `TimedRequests`."""
    if not isinstance(getattr(module, "requests", None), TimedRequests):
        module.requests = _PROXY  # type: ignore[attr-defined]


@contextmanager
def timed(seconds: float) -> Iterator[None]:
    """Within this block (this thread/context), deep-translator requests time out after `seconds`."""
    token = _TIMEOUT.set(seconds)
    try:
        yield
    finally:
        _TIMEOUT.reset(token)


def libre_base_url(url: str) -> str:
    """Normalise a LibreTranslate address: http(s), no "/translate" suffix, ending with "/"."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise PresskitError(f"--engine-url {display_url(url)!r} is not an http:// or https:// address",
                            hint="give the LibreTranslate server's address, e.g. http://127.0.0.1:5000/")
    path = parts.path.rstrip("/")
    if path.endswith("/translate") or path == "translate":
        path = path[: -len("translate")].rstrip("/")
    return urlunsplit((parts.scheme, parts.netloc, path + "/", "", ""))


def display_url(url: str) -> str:
    """An address fit for messages: no user:password, query or fragment."""
    parts = urlsplit(url.strip())
    host = parts.netloc.rpartition("@")[2]
    return urlunsplit((parts.scheme, host, parts.path, "", "")) or "?"


def reach(url: str, timeout: float) -> str:
    """GET `url` within `timeout` seconds: "reached (HTTP n)" for any answer, else a PresskitError.

    Sends no text and no key; any status (even 403 or 404) shows the service is there.
    """
    import requests
    try:
        response = requests.get(url, timeout=timeout, allow_redirects=False)
    except requests.Timeout:
        raise PresskitError(f"{display_url(url)} did not answer within {timeout:g} s") from None
    except requests.RequestException:
        raise PresskitError(f"cannot reach {display_url(url)}") from None
    response.close()
    return f"reached {display_url(url)} (HTTP {response.status_code})"


def http_base_url(url: str, engine: str) -> str:
    """Normalise a service address: http(s) with a host, no credentials or query, ending with "/".

    >>> http_base_url("http://127.0.0.1:8080", "deepl"), http_base_url("https://x.org/api/", "deepl")
    ('http://127.0.0.1:8080/', 'https://x.org/api/')
    """
    parts = urlsplit(str(url).strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise PresskitError(f"--engine-url {display_url(str(url))!r} is not an http:// or https:// "
                            "address", hint=f"give the {engine} server's address, e.g. "
                                            "https://api.example.com/")
    host = parts.netloc.rpartition("@")[2]
    return urlunsplit((parts.scheme, host, parts.path.rstrip("/") + "/", "", ""))
