"""Local stand-ins for the translation services, speaking their documented wire protocols.

Each one is installed on a pytest-httpserver on 127.0.0.1 and records what it received.
"Translation" is a word table plus, where the service applies a glossary, the glossary's entries
(plural French gets plural English), so tests can tell whether the glossary reached the service:

- `DeepL`: POST /v2/translate (JSON: text[], source_lang, target_lang, glossary_id, tag_handling,
  formality) and the v3 glossaries (GET/POST /v3/glossaries, GET /v3/glossaries/{id}/entries,
  PUT /v3/glossaries/{id}/dictionaries), key in `Authorization: DeepL-Auth-Key …`.
- `GoogleCloud`: POST /v3/projects/*/locations/*:translateText (camelCase JSON; the glossary's
  output only in `glossaryTranslations`), glossaries (GET, POST → long-running operation, GET
  operation), Cloud Storage media upload, and an OAuth token endpoint for authorized-user
  credentials; requests need `Authorization: Bearer <token>`.
- `Microsoft`: POST /translate?api-version=3.0&from=fr&to=en ([{"Text": …}]) with
  `Ocp-Apim-Subscription-Key`, honouring `<mstrans:dictionary translation="…">…</mstrans:dictionary>`.
"""
from __future__ import annotations

import csv
import io
import json
import re
from urllib.parse import parse_qs

from werkzeug import Response

WORDS = {"les": "the", "le": "the", "la": "the", "des": "some", "de": "of", "du": "of the",
         "et": "and", "en": "in", "arrivent": "arrive", "arrive": "arrives", "nouveaux": "new",
         "nouveau": "new", "nouvelle": "new", "usine": "plant", "produit": "makes", "pour": "for",
         "sur": "on", "site": "site", "ouvre": "opens", "bonjour": "hello", "monde": "world",
         "vive": "long live", "un": "a", "une": "a", "à": "at", "avec": "with", "ses": "its",
         "dès": "from"}


def fake_translate(text: str, glossary: dict[str, str] | None = None) -> str:
    """Word-by-word English; glossary entries first (whole words, case-insensitive, plurals).

    >>> fake_translate('Les biomédicaments de <x id="1"/> arrivent.', {"biomédicament": "biopharmaceutical"})
    'The biopharmaceuticals of <x id="1"/> arrive.'
    """
    protected: list[str] = []

    def keep(english: str) -> str:
        protected.append(english)
        return f"\0{len(protected) - 1}\0"

    for french, english in sorted((glossary or {}).items(), key=lambda kv: -len(kv[0])):
        text = re.sub(rf"(?<!\w){re.escape(french)}s(?!\w)",
                      lambda m, english=english: keep(english + "s"), text, flags=re.I)
        text = re.sub(rf"(?<!\w){re.escape(french)}(?!\w)",
                      lambda m, english=english: keep(english), text, flags=re.I)
    text = re.sub(r"<[^>]*>|[^\W\d_]+", lambda m: m[0] if m[0].startswith("<")
                  else WORDS.get(m[0].lower(), m[0]), text)
    text = re.sub(r"\0(\d+)\0", lambda m: protected[int(m[1])], text)
    return re.sub(r"^(\W*)(\w)", lambda m: m[1] + m[2].upper(), text, count=1)


def _json(data, status: int = 200, headers: dict | None = None) -> Response:
    return Response(json.dumps(data), status=status, content_type="application/json",
                    headers=headers or {})


class Faults:
    """Answers to give before the real ones: (status, Retry-After) pairs, used up in order."""

    def __init__(self):
        self.queue: list[tuple[int, str | None]] = []

    def next(self) -> Response | None:
        if not self.queue:
            return None
        status, retry_after = self.queue.pop(0)
        return _json({"message": "try later"}, status,
                     {"Retry-After": retry_after} if retry_after else None)


class DeepL:
    """DeepL API: v2/translate and v3 glossaries, in memory."""

    def __init__(self, key: str):
        self.key = key
        self.glossaries: dict[str, dict] = {}  # id → {"name", "dictionaries": {(src, tgt): tsv}}
        self.requests: list[tuple[str, str, dict]] = []  # (method, path, JSON body or query)
        self.faults = Faults()
        self.ignore_glossary = False

    def install(self, server) -> "DeepL":
        server.expect_request(re.compile(r"^/v[23]/.*")).respond_with_handler(self.handle)
        return self

    def handle(self, request) -> Response:
        body = request.get_json(silent=True) if request.data else dict(request.args)
        self.requests.append((request.method, request.path, body or {}))
        if request.headers.get("Authorization") != f"DeepL-Auth-Key {self.key}":
            return _json({"message": "Wrong endpoint or invalid auth key"}, 403)
        fault = self.faults.next()
        if fault is not None:
            return fault
        route = (request.method, re.sub(r"/v3/glossaries/[^/]+", "/v3/glossaries/ID", request.path))
        handler = {("POST", "/v2/translate"): self.translate, ("GET", "/v2/usage"): self.usage,
                   ("GET", "/v3/glossaries"): self.listing, ("POST", "/v3/glossaries"): self.create,
                   ("GET", "/v3/glossaries/ID/entries"): self.entries,
                   ("PUT", "/v3/glossaries/ID/dictionaries"): self.replace}.get(route)
        if handler is None:
            return _json({"message": "Not found"}, 404)
        return handler(request, body or {})

    def info(self, glossary_id: str) -> dict:
        item = self.glossaries[glossary_id]
        return {"glossary_id": glossary_id, "name": item["name"],
                "creation_time": "2026-12-01T10:00:00.000Z",
                "dictionaries": [{"source_lang": s, "target_lang": t,
                                  "entry_count": len(tsv.splitlines())}
                                 for (s, t), tsv in item["dictionaries"].items()]}

    def listing(self, request, body) -> Response:
        return _json({"glossaries": [self.info(g) for g in self.glossaries]})

    def create(self, request, body) -> Response:
        glossary_id = f"gl-{len(self.glossaries) + 1}"
        self.glossaries[glossary_id] = {"name": body["name"], "dictionaries": {
            (d["source_lang"].lower(), d["target_lang"].lower()): d["entries"]
            for d in body["dictionaries"]}}  # the API is case-insensitive and answers lower case
        return _json(self.info(glossary_id), 201)

    def entries(self, request, body) -> Response:
        glossary_id = request.path.split("/")[3]
        pair = (request.args["source_lang"].lower(), request.args["target_lang"].lower())
        tsv = self.glossaries[glossary_id]["dictionaries"][pair]
        return _json({"dictionaries": [{"source_lang": pair[0], "target_lang": pair[1],
                                        "entries": tsv, "entries_format": "tsv"}]})

    def replace(self, request, body) -> Response:
        glossary_id = request.path.split("/")[3]
        pair = (body["source_lang"].lower(), body["target_lang"].lower())
        self.glossaries[glossary_id]["dictionaries"][pair] = body["entries"]
        return _json({"source_lang": pair[0], "target_lang": pair[1],
                      "entry_count": len(body["entries"].splitlines())})

    def usage(self, request, body) -> Response:
        return _json({"character_count": 1200, "character_limit": 500000})

    def translate(self, request, body) -> Response:
        glossary = None
        if body.get("glossary_id") and not self.ignore_glossary:
            tsv = self.glossaries[body["glossary_id"]]["dictionaries"][("fr", "en")]
            glossary = dict(line.split("\t") for line in tsv.splitlines())
        return _json({"translations": [
            {"detected_source_language": "FR", "text": fake_translate(text, glossary),
             "billed_characters": len(text)} for text in body["text"]]})

    def sent_texts(self) -> list[str]:
        return [t for method, path, body in self.requests if path == "/v2/translate"
                for t in body.get("text", [])]


class GoogleCloud:
    """Cloud Translation v3 over REST, Cloud Storage uploads and an OAuth token endpoint."""

    TOKEN = "ya29.local-access-token"

    def __init__(self, project: str = "press-office", location: str = "us-central1"):
        self.parent = f"projects/{project}/locations/{location}"
        self.glossaries: dict[str, dict] = {}
        self.objects: dict[str, bytes] = {}
        self.operations: dict[str, dict] = {}
        self.requests: list[tuple[str, str, dict]] = []
        self.faults = Faults()
        self.tokens = 0
        self.public_key = None
        self.jwt_claims: dict = {}

    def install(self, server) -> "GoogleCloud":
        server.expect_request("/token", method="POST").respond_with_handler(self.token)
        server.expect_request(re.compile(r"^/(v3|upload)/.*")).respond_with_handler(self.handle)
        return self

    def credentials_file(self, folder, server) -> str:
        """A service-account key file (a fresh RSA key) whose token endpoint is the local server.

        google-auth sends `token_uri` a JWT signed with the key (the jwt-bearer grant); the
        stand-in checks the signature before giving an access token.
        """
        from cryptography.hazmat.primitives import serialization
        from cryptography.hazmat.primitives.asymmetric import rsa
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.public_key = key.public_key()
        pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption()).decode()
        path = folder / "google-service-account.json"
        path.write_text(json.dumps({
            "type": "service_account", "project_id": "press-office", "private_key_id": "k1",
            "private_key": pem, "client_email": "presskit@press-office.iam.gserviceaccount.com",
            "client_id": "1", "token_uri": server.url_for("/token")}))
        return str(path)

    def token(self, request) -> Response:
        from google.auth import jwt
        form = parse_qs(request.get_data(as_text=True))
        if form.get("grant_type") != ["urn:ietf:params:oauth:grant-type:jwt-bearer"]:
            return _json({"error": "unsupported_grant_type"}, 400)
        from cryptography.hazmat.primitives import serialization
        public = self.public_key.public_bytes(serialization.Encoding.PEM,
                                              serialization.PublicFormat.SubjectPublicKeyInfo)
        try:
            claims = jwt.decode(form["assertion"][0], certs=public, verify=True,
                                audience="https://oauth2.googleapis.com/token")  # as Google's
        except ValueError:
            return _json({"error": "invalid_grant"}, 400)
        self.tokens += 1
        self.scopes = claims.get("scope", "")
        return _json({"access_token": self.TOKEN, "expires_in": 3600, "token_type": "Bearer"})

    def handle(self, request) -> Response:
        body = request.get_json(silent=True) if request.mimetype == "application/json" else {}
        self.requests.append((request.method, request.path, body or {}))
        if not self.authorized(request.headers.get("Authorization", "")):
            return self.error(401, "UNAUTHENTICATED", "Request had invalid authentication credentials.")
        fault = self.faults.next()
        if fault is not None:
            return fault
        path = request.path
        if path.startswith("/upload/storage/v1/b/"):
            return self.upload(request)
        if request.method == "POST" and path == f"/v3/{self.parent}:translateText":
            return self.translate(body)
        if path == f"/v3/{self.parent}/glossaries" and request.method == "POST":
            return self.create(body)
        if path.startswith(f"/v3/{self.parent}/glossaries/") and request.method == "GET":
            name = path[len("/v3/"):]
            if name not in self.glossaries:
                return self.error(404, "NOT_FOUND", f"Glossary {name} not found.")
            return _json(self.glossaries[name]["resource"])
        if path.startswith(f"/v3/{self.parent}/operations/") and request.method == "GET":
            return _json(self.operations[path[len("/v3/"):]])
        return self.error(404, "NOT_FOUND", "no such method")

    def authorized(self, header: str) -> bool:
        """A token from /token, or a JWT the service account signed itself (google-auth's
        "self-signed JWT", which the Cloud client libraries use for service accounts)."""
        from cryptography.hazmat.primitives import serialization
        from google.auth import jwt
        scheme, _, token = header.partition(" ")
        if scheme != "Bearer" or not token:
            return False
        if token == self.TOKEN:
            return True
        public = self.public_key.public_bytes(serialization.Encoding.PEM,
                                              serialization.PublicFormat.SubjectPublicKeyInfo)
        try:
            self.jwt_claims = jwt.decode(token, certs=public, verify=True, audience=None)
        except ValueError:
            return False
        return True

    @staticmethod
    def error(code: int, status: str, message: str) -> Response:
        return _json({"error": {"code": code, "message": message, "status": status}}, code)

    def upload(self, request) -> Response:
        bucket = request.path.split("/")[5]
        name = request.args["name"]
        self.objects[f"gs://{bucket}/{name}"] = request.get_data()
        return _json({"kind": "storage#object", "bucket": bucket, "name": name,
                      "size": str(len(request.get_data()))})

    def create(self, body) -> Response:
        uri = body["inputConfig"]["gcsSource"]["inputUri"]
        if uri not in self.objects:
            return self.error(400, "INVALID_ARGUMENT", f"{uri} does not exist")
        rows = list(csv.reader(io.StringIO(self.objects[uri].decode("utf-8"))))
        resource = {**body, "entryCount": len(rows)}
        self.glossaries[body["name"]] = {"resource": resource, "entries": dict(rows)}
        name = f"{self.parent}/operations/op-{len(self.operations) + 1}"
        self.operations[name] = {"name": name, "done": True, "response": {
            "@type": "type.googleapis.com/google.cloud.translation.v3.Glossary", **resource}}
        return _json({"name": name, "done": False})

    def translate(self, body) -> Response:
        answer = {"translations": [{"translatedText": fake_translate(text)}
                                   for text in body["contents"]]}
        config = body.get("glossaryConfig")
        if config:
            entries = self.glossaries[config["glossary"]]["entries"]
            answer["glossaryTranslations"] = [
                {"translatedText": fake_translate(text, entries), "glossaryConfig": config}
                for text in body["contents"]]
        return _json(answer)

    def sent_texts(self) -> list[str]:
        return [t for method, path, body in self.requests if path.endswith(":translateText")
                for t in body.get("contents", [])]


class Microsoft:
    """Translator v3 /translate with the dynamic dictionary."""

    def __init__(self, key: str):
        self.key = key
        self.requests: list[tuple[dict, list]] = []
        self.faults = Faults()

    def install(self, server) -> "Microsoft":
        server.expect_request("/translate", method="POST").respond_with_handler(self.handle)
        return self

    def handle(self, request) -> Response:
        body = request.get_json()
        self.requests.append((dict(request.args), body))
        if request.headers.get("Ocp-Apim-Subscription-Key") != self.key:
            return _json({"error": {"code": 401000, "message": "The request is not authorized "
                                    "because credentials are missing or invalid."}}, 401)
        fault = self.faults.next()
        if fault is not None:
            return fault
        if request.args.get("api-version") != "3.0":
            return _json({"error": {"code": 400021, "message": "The API version parameter is "
                                    "missing or invalid."}}, 400)
        return _json([{"translations": [{"text": self.translate(item["Text"]),
                                         "to": request.args["to"]}]} for item in body])

    @staticmethod
    def translate(text: str) -> str:
        kept: list[str] = []

        def keep(match) -> str:
            kept.append(match[1])
            return f"\x01{len(kept) - 1}\x01"
        text = re.sub(r'<mstrans:dictionary translation="([^"]*)">.*?</mstrans:dictionary>', keep, text)
        text = fake_translate(text)
        return re.sub("\x01(\\d+)\x01", lambda m: kept[int(m[1])], text)
