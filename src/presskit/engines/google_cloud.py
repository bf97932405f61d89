"""Google Cloud Translation v3 (`google-cloud-translate`, REST transport), with glossaries.

Settings (`[translation]` of presskit.toml) or the environment: `project` (GOOGLE_CLOUD_PROJECT),
`credentials` (a service-account or authorized-user JSON file; else GOOGLE_APPLICATION_CREDENTIALS
and the other Application Default Credentials), `location` (default us-central1: glossaries do not
live in "global"), `glossary_bucket` (a Cloud Storage bucket where the glossary CSV is put, since
v3 creates glossaries from a gs:// file). `--engine-url` points the client (and the CSV upload) at
another address, e.g. a local test server; http:// is kept as given by the REST transport.

Texts go up to 100 (and 25,000 characters) per `projects/*/locations/*:translateText` request.
With terms, the glossary `<glossary_name>-<hash of its entries>` is reused when it exists, else its
CSV is uploaded and the glossary created (a long-running operation, waited for); the answer is then
read from `glossary_translations`, which holds the glossary's output (`translations` does not).
"""
from __future__ import annotations

import csv
import hashlib
import io
import os
import threading
from typing import Any, Callable, ClassVar, TypeVar
from urllib.parse import quote

from presskit.engines.base import (
    DEFAULT_TIMEOUT,
    DEFAULT_WORKERS,
    Capabilities,
    EngineFailure,
    RetryPolicy,
    register,
)
from presskit.engines.deepl_glossary import glossary_entries
from presskit.engines.http import (
    HttpStatusError,
    TransportError,
    display_url,
    http_base_url,
)
from presskit.engines.network import NetworkEngine, keep_space
from presskit.engines.parallel import map_bounded
from presskit.errors import PresskitError

API_URL = "https://translate.googleapis.com/"
STORAGE_URL = "https://storage.googleapis.com/"
SCOPES = ["https://www.googleapis.com/auth/cloud-platform"]
BATCH, BATCH_CHARS = 100, 25_000
_KNOWN: dict[tuple[str, str], str] = {}  # (endpoint, glossary resource) → known to exist
_LOCK = threading.Lock()
T = TypeVar("T")


@register("google")
class GoogleCloudEngine(NetworkEngine):
    """Google Cloud Translation v3 (Advanced): project, credentials, glossaries."""

    summary = "Google Cloud Translation v3 translateText + glossaries (google-cloud-translate, REST)"
    takes_url = True
    key_env = "GOOGLE_APPLICATION_CREDENTIALS"
    settings: ClassVar[tuple[str, ...]] = ("project", "location", "credentials", "glossary_bucket",
                                           "glossary_name")
    capabilities = Capabilities(glossary=True, batch_size=BATCH)

    def __init__(self, *, url: str | None = None, project: str | None = None,
                 location: str = "us-central1", credentials: str | None = None,
                 glossary_bucket: str | None = None, glossary_name: str = "presskit",
                 terms: tuple[tuple[str, str], ...] = (), google_credentials: Any = None,
                 timeout: float = DEFAULT_TIMEOUT, retry: RetryPolicy | None = None,
                 workers: int = DEFAULT_WORKERS) -> None:
        super().__init__(timeout=timeout, retry=retry, workers=workers)
        self.endpoint = http_base_url(url, "google") if url else None
        self.project = str(project or os.environ.get("GOOGLE_CLOUD_PROJECT", "")).strip() or None
        self.location = str(location)
        self.credentials_file = str(credentials) if credentials else None
        self.bucket = str(glossary_bucket).removeprefix("gs://").strip("/") if glossary_bucket else None
        self.glossary_name = str(glossary_name)
        self.terms = glossary_entries(list(terms))
        self.applies_terms = bool(self.terms)
        self._credentials = google_credentials
        self._lock = threading.Lock()
        self.url = display_url(self.endpoint or API_URL)

    @classmethod
    def status(cls) -> tuple[bool, str]:
        """Needs a project and credentials; names the variables and settings, never their values."""
        project = os.environ.get("GOOGLE_CLOUD_PROJECT", "").strip()
        creds = os.environ.get("GOOGLE_APPLICATION_CREDENTIALS", "").strip()
        if project and creds:
            return True, "network; project from GOOGLE_CLOUD_PROJECT, credentials from " \
                         "GOOGLE_APPLICATION_CREDENTIALS"
        return False, ("set GOOGLE_CLOUD_PROJECT and GOOGLE_APPLICATION_CREDENTIALS (or project "
                       "and credentials in [translation]); glossaries also need glossary_bucket")

    @property
    def cache_key(self) -> str:
        """Endpoint, project and glossary contents change the translations."""
        key = "google-cloud" + (f"@{self.url}" if self.endpoint else "")
        if self.terms:
            key += "+glossary-" + _digest(self.terms)
        return key

    @property
    def parent(self) -> str:
        """`projects/<project>/locations/<location>`."""
        if not self.project:
            raise PresskitError("the google engine needs a Google Cloud project",
                                hint="set project in [translation] of presskit.toml, or "
                                     "GOOGLE_CLOUD_PROJECT (or use --engine google-free)")
        return f"projects/{self.project}/locations/{self.location}"

    def with_terms(self, pairs: list[tuple[str, str]]) -> "GoogleCloudEngine":
        """This engine with a Cloud glossary of the pairs; itself without pairs or a bucket."""
        if not glossary_entries(pairs) or not self.bucket:
            return self
        return GoogleCloudEngine(url=self.endpoint, project=self.project, location=self.location,
                                 credentials=self.credentials_file, glossary_bucket=self.bucket,
                                 glossary_name=self.glossary_name, terms=tuple(pairs),
                                 google_credentials=self._credentials, timeout=self.timeout,
                                 retry=self.retry, workers=self.workers)

    def translate(self, texts: list[str], source: str, target: str) -> list[str]:
        """Translate the non-blank texts in batches, with the glossary when French → English."""
        src, tgt = self._code(source, self.source_codes), self._code(target, self.target_codes)
        todo = [i for i, text in enumerate(texts) if text.strip()]
        if not todo or src == tgt:
            return list(texts)
        client = self._client()
        glossary = self.glossary(client) if self.terms and (src, tgt) == ("fr", "en") else None
        chunks = _chunks(todo, texts)
        try:
            results = map_bounded(lambda c: self._send(client, [texts[i].strip() for i in chunks[c]],
                                                       src, tgt, glossary),
                                  len(chunks), self.workers)
        except EngineFailure as failure:
            raise EngineFailure(failure, {i: keep_space(texts[i], t) for c, done in failure.done.items()
                                          for i, t in zip(chunks[c], done)}) from None
        out = list(texts)
        for chunk, translated in zip(chunks, results):
            for index, text in zip(chunk, translated):
                out[index] = keep_space(texts[index], text)
        return out

    def _send(self, client: Any, texts: list[str], src: str, tgt: str,
              glossary: str | None) -> list[str]:
        """One translateText request; the glossary's output when a glossary was given."""
        request: dict[str, Any] = {"parent": self.parent, "contents": texts, "mime_type": "text/plain",
                                   "source_language_code": src, "target_language_code": tgt}
        if glossary:
            request["glossary_config"] = {"glossary": glossary}
        answer = self._google(lambda: client.translate_text(request=request, retry=None,
                                                            timeout=self.timeout))
        assert answer is not None  # only a lookup with missing_ok gives None
        items = answer.glossary_translations if glossary else answer.translations
        translated = [item.translated_text for item in items]
        if len(translated) != len(texts) or not all(t.strip() for t in translated):
            raise PresskitError("the google engine returned no translation for a text"
                                + (" (no glossary_translations)" if glossary else ""),
                                hint="try again, or choose another engine with --engine")
        return translated

    def glossary(self, client: Any) -> str:
        """The resource name of this engine's glossary: found, or created from the CSV (once)."""
        name = f"{self.parent}/glossaries/{self.glossary_name}-{_digest(self.terms)}"
        with _LOCK:
            if (self.url, name) not in _KNOWN:
                if not self._exists(client, name):
                    self._create(client, name)
                _KNOWN[(self.url, name)] = name
        return name

    def _exists(self, client: Any, name: str) -> bool:
        """Whether the glossary is there (GET; 404 means no)."""
        found = self._google(lambda: client.get_glossary(name=name, retry=None, timeout=self.timeout),
                             missing_ok=True)
        return found is not None

    def _create(self, client: Any, name: str) -> None:
        """Upload the CSV to the bucket, create the glossary from it, wait for the operation."""
        uri = self._upload(name.rsplit("/", 1)[1] + ".csv")
        glossary = {"name": name, "language_pair": {"source_language_code": "fr",
                                                    "target_language_code": "en"},
                    "input_config": {"gcs_source": {"input_uri": uri}}}
        operation = self._google(lambda: client.create_glossary(parent=self.parent, glossary=glossary,
                                                                retry=None, timeout=self.timeout))
        assert operation is not None  # only a lookup with missing_ok gives None
        self._google(lambda: operation.result(timeout=max(self.timeout, 60), retry=None))

    def _upload(self, object_name: str) -> str:
        """PUT the entries as a two-column CSV into the bucket (Cloud Storage JSON API)."""
        from google.auth.transport.requests import AuthorizedSession
        session = AuthorizedSession(self._creds())
        base = self.endpoint or STORAGE_URL
        target = (f"{base}upload/storage/v1/b/{quote(self.bucket or '', safe='')}/o"
                  f"?uploadType=media&name={quote('presskit/' + object_name, safe='')}")

        def upload() -> None:
            import requests
            try:
                response = session.post(target, data=_csv(self.terms).encode("utf-8"),
                                        headers={"Content-Type": "text/csv"}, timeout=self.timeout)
            except requests.Timeout:
                raise TransportError("timeout") from None
            except requests.RequestException:
                raise TransportError("connect") from None
            if not 200 <= response.status_code < 300:
                raise HttpStatusError(response.status_code, _retry_after(response))
        self._google(upload)
        return f"gs://{self.bucket}/presskit/{object_name}"

    def _client(self) -> Any:
        """A TranslationServiceClient over REST at the endpoint, with the credentials."""
        from google.cloud import translate_v3
        options = {"api_endpoint": self.endpoint.rstrip("/")} if self.endpoint else None
        return translate_v3.TranslationServiceClient(credentials=self._creds(), transport="rest",
                                                     client_options=options)

    def _creds(self) -> Any:
        """The credentials: given, from the `credentials` file, or Application Default Credentials."""
        with self._lock:
            if self._credentials is None:
                self._credentials = _load_credentials(self.credentials_file)
            return self._credentials

    def _google(self, fn: Callable[[], T], missing_ok: bool = False) -> T | None:
        """`_call` for the Google libraries: their HTTP errors become HttpStatusError first
        (with `missing_ok`, a 404 is None)."""
        from google.api_core import exceptions as api
        from google.auth import exceptions as auth

        def attempt() -> T | None:
            import requests
            try:
                return fn()
            except api.NotFound:
                if missing_ok:
                    return None
                raise HttpStatusError(404) from None
            except api.GoogleAPICallError as exc:
                status = int(exc.code or 0) if isinstance(exc.code, int) else 500
                raise HttpStatusError(status, _retry_after(getattr(exc, "response", None))) from None
            except requests.Timeout:
                raise TransportError("timeout") from None
            except requests.ConnectionError:
                raise TransportError("connect") from None
            except auth.GoogleAuthError:
                raise PresskitError("the google engine could not get an access token",
                                    hint="check the credentials file (or GOOGLE_APPLICATION_"
                                         "CREDENTIALS) and that it may use Cloud Translation") from None
        return self._call(attempt)

    def _refused(self, status: int) -> PresskitError:
        """401/403: the credentials are wrong or may not use the API."""
        return PresskitError(f"the google engine refused the credentials (HTTP {status})",
                             hint="check the service-account key file and that the account has "
                                  "the Cloud Translation API User role in the project")

    def reach(self, timeout: float) -> str:
        """Open a connection to the API host within `timeout` seconds (sends no text)."""
        from presskit.engines.http import reach
        return reach(self.endpoint or API_URL, timeout)


def _load_credentials(path: str | None) -> Any:
    """Credentials from a service-account (or authorized-user) JSON file, or Application Default
    Credentials; a clear error otherwise."""
    import google.auth
    from google.auth import exceptions as auth
    try:
        if path:
            return _credentials_file(path)
        credentials, _ = google.auth.default(scopes=SCOPES)
    except (auth.DefaultCredentialsError, OSError, ValueError, KeyError):
        where = "the [translation] credentials file" if path else "GOOGLE_APPLICATION_CREDENTIALS"
        raise PresskitError(f"the google engine found no usable Google Cloud credentials in {where}",
                            path=path, hint="give a service-account JSON key file (credentials = "
                                            "\"...\" in [translation]), or use --engine google-free"
                            ) from None
    return credentials


def _credentials_file(path: str) -> Any:
    """A service-account or authorized-user JSON file, as its `type` says."""
    import json

    from google.oauth2 import credentials as user
    from google.oauth2 import service_account
    with open(path, encoding="utf-8") as file:
        info = json.load(file)
    kind = info.get("type") if isinstance(info, dict) else None
    if kind == "service_account":
        return service_account.Credentials.from_service_account_info(info, scopes=SCOPES)
    if kind == "authorized_user":
        return user.Credentials.from_authorized_user_info(info, scopes=SCOPES)
    raise ValueError(f"unsupported credentials type {kind!r}")


def _chunks(todo: list[int], texts: list[str]) -> list[list[int]]:
    """Indexes in batches of at most 100 texts and 25,000 characters."""
    chunks: list[list[int]] = [[]]
    size = 0
    for index in todo:
        length = len(texts[index])
        if chunks[-1] and (len(chunks[-1]) >= BATCH or size + length > BATCH_CHARS):
            chunks.append([])
            size = 0
        chunks[-1].append(index)
        size += length
    return chunks


def _csv(entries: tuple[tuple[str, str], ...]) -> str:
    """The glossary as Google's unidirectional CSV: two columns, no header.

    >>> _csv((("biomédicament", "biopharmaceutical"), ("a, b", "c")))
    'biomédicament,biopharmaceutical\\r\\n"a, b",c\\r\\n'
    """
    out = io.StringIO()
    csv.writer(out).writerows(entries)
    return out.getvalue()


def _digest(entries: tuple[tuple[str, str], ...]) -> str:
    """A short hash of the entries: equal entries, same glossary."""
    return hashlib.sha256(repr(entries).encode("utf-8")).hexdigest()[:12]


def _retry_after(response: Any) -> float | None:
    """The Retry-After header in seconds, when the answer has a numeric one."""
    try:
        return float(response.headers.get("Retry-After", ""))
    except (AttributeError, ValueError):
        return None
