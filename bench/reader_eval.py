"""Reader eval: the share of structure facts right per fact kind and per variant of each release.

Reads every release that ../shared/examples/facts.json describes, three ways: the `.txt`; a PDF made
from it by LibreOffice (read through presskit's PDF reader); that PDF's `pdftotext` text (hard-wrapped,
no blank lines). Conversions are cached outside the repository (PRESSKIT_EVAL_CACHE, default
~/.cache/presskit-eval). Run: `make eval`, or `.venv/bin/python bench/reader_eval.py [--misses]`.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

from presskit.document import to_dict
from presskit.errors import PresskitError
from presskit.readers import read

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = Path(os.environ.get("PRESSKIT_EXAMPLES", ROOT.parent / "shared" / "examples"))
CACHE = Path(os.environ.get("PRESSKIT_EVAL_CACHE", Path.home() / ".cache" / "presskit-eval"))
MONTHS = "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split()
KINDS = ("title", "subtitle", "dateline", "quotes", "speakers", "about", "contacts", "e-mails", "lists",
         "footnotes")
VARIANTS = ("txt", "pdf", "pdftotext")


def norm(text: str | None) -> str:
    """A name or title compared loosely: NFC, one kind of apostrophe and quotation mark, lower case.

    >>> norm("L’école  « selon »")
    'l\\'école "selon"'
    """
    text = unicodedata.normalize("NFC", text or "").replace("’", "'").replace("\u00a0", " ").replace("\u202f", " ")
    text = re.sub(r"[“”«»\"]", '"', text)
    return re.sub(r"\s+", " ", text).strip().lower()


def _digest(path: Path) -> str:
    """A short hash of the file's bytes (the cache key)."""
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def make_pdf(txt: Path) -> Path | None:
    """The LibreOffice PDF of a .txt release (cached), or None without LibreOffice."""
    target = CACHE / f"{txt.name.removesuffix('.txt')}-{_digest(txt)}.pdf"
    if target.exists():
        return target
    soffice = shutil.which("soffice")
    if not soffice:
        return None
    CACHE.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        source = Path(work) / txt.name
        shutil.copyfile(txt, source)
        subprocess.run([soffice, f"-env:UserInstallation=file://{work}/profile", "--headless",
                        "--infilter=Text (encoded):UTF8,LF,,,", "--convert-to", "pdf", "--outdir", work,
                        str(source)], capture_output=True, timeout=180, check=False)
        made = Path(work) / f"{txt.stem}.pdf"
        if not made.exists():
            return None
        shutil.move(made, target)
    return target


def make_pdftotext(txt: Path) -> Path | None:
    """The `pdftotext` text (no -layout) of the release's PDF (cached), or None without the tools."""
    pdf = make_pdf(txt)
    if pdf is None or not shutil.which("pdftotext"):
        return None
    target = pdf.with_name(pdf.stem + ".pdftotext.fr.txt")
    if not target.exists():
        subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), str(target)], check=True, timeout=60)
    return target


def variant_file(txt: Path, variant: str) -> Path | None:
    """The file of one variant of a release, or None when the tools to make it are missing."""
    if variant == "txt":
        return txt
    return make_pdf(txt) if variant == "pdf" else make_pdftotext(txt)


def score_document(doc: dict, facts: dict, fact) -> None:
    """Check one parsed release (its JSON) against its facts; `fact(kind, ok, what)` records each."""
    fact("title", norm(doc.get("title")) == norm(facts["title"]), f"title {doc.get('title')!r}")
    if facts.get("subtitle"):
        fact("subtitle", norm(doc.get("subtitle")) == norm(facts["subtitle"]), f"subtitle {doc.get('subtitle')!r}")
    quotes = [b for b in doc.get("blocks") or [] if b.get("kind") == "quote"]
    if facts.get("quotes") is not None:
        fact("quotes", len(quotes) == facts["quotes"], f"{len(quotes)} quotes, want {facts['quotes']}")
    names = " | ".join(norm((b.get("speaker") or {}).get("name")) for b in quotes)
    for speaker in facts.get("speakers", []):
        fact("speakers", norm(speaker) in names, f"speaker {speaker} not found in [{names}]")
    if "about" in facts:
        orgs = [norm(a.get("organization")) for a in doc.get("about") or []]
        ok = len(orgs) == len(facts["about"]) and all(any(norm(o) in x for x in orgs) for o in facts["about"])
        fact("about", ok, f"about {orgs}, want {facts['about']}")
    if "contacts" in facts:
        contacts = doc.get("contacts") or []
        fact("contacts", len(contacts) == facts["contacts"], f"{len(contacts)} contacts, want {facts['contacts']}")
        blob = json.dumps(contacts, ensure_ascii=False).lower()
        for email in facts.get("contact_emails", []):
            fact("e-mails", email in blob, f"contact e-mail {email} missing")
    if "footnotes" in facts:
        count = len(doc.get("footnotes") or [])
        fact("footnotes", count == facts["footnotes"], f"{count} footnotes, want {facts['footnotes']}")
    if "lists" in facts:
        count = sum(1 for b in doc.get("blocks") or [] if b.get("kind") == "list")
        fact("lists", count >= facts["lists"], f"{count} lists, want at least {facts['lists']}")
    if "dateline" in facts:
        day, month, *year = facts["dateline"].split()
        iso = f"{MONTHS.index(month) + 1:02d}-{int(day):02d}"
        iso = f"{year[0]}-{iso}" if year else iso
        found = json.dumps(doc.get("dateline"), ensure_ascii=False).lower()
        fact("dateline", facts["dateline"] in found or iso in found, f"dateline {found[:60]}")


def evaluate(variant: str, facts: dict) -> tuple[dict[str, list[int]], list[str], list[str]]:
    """(right and total per kind, misses, notes) for one variant over every described release."""
    score: dict[str, list[int]] = {}
    misses: list[str] = []
    notes: list[str] = []
    for key, entry in facts.items():
        if key.startswith("_"):
            continue
        path = variant_file(EXAMPLES / entry["file"], variant)
        if path is None:
            notes.append(f"{variant}: skipped (soffice or pdftotext not installed)")
            break

        def fact(kind: str, ok: bool, what: str, tag: str = entry["file"]) -> None:
            pair = score.setdefault(kind, [0, 0])
            pair[0] += bool(ok)
            pair[1] += 1
            if not ok:
                misses.append(f"{variant} {tag}: {what}")
        try:
            doc = to_dict(read(path))
        except PresskitError as error:
            fact("parse", False, f"parse failed: {error.message}")
            continue
        score_document(doc, entry, fact)
    return score, misses, notes


def table(results: dict[str, dict[str, list[int]]]) -> str:
    """A Markdown table: one row per fact kind, one column per variant (share right, right/total)."""
    variants = [v for v in VARIANTS if results.get(v)]
    lines = ["| fact | " + " | ".join(variants) + " |", "|---|" + "---|" * len(variants)]
    kinds = [k for k in KINDS if any(k in results[v] for v in variants)]
    kinds += sorted({k for v in variants for k in results[v]} - set(kinds))
    for kind in kinds + ["all"]:
        cells = []
        for variant in variants:
            pairs = results[variant].values() if kind == "all" else [results[variant].get(kind, [0, 0])]
            right, total = sum(p[0] for p in pairs), sum(p[1] for p in pairs)
            cells.append(f"{100 * right / total:.0f} % ({right}/{total})" if total else "–")
        name = f"**{kind}**" if kind == "all" else kind
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    """Print the table and the misses; exit 1 when a variant is under 95 % or a .txt title is wrong."""
    facts = json.loads((EXAMPLES / "facts.json").read_text(encoding="utf-8"))
    results, all_misses, all_notes = {}, [], []
    for variant in VARIANTS:
        score, misses, notes = evaluate(variant, facts)
        results[variant], all_misses, all_notes = score, all_misses + misses, all_notes + notes
    print(table(results))
    for note in all_notes:
        print("note:", note)
    if "--quiet" not in argv:
        for miss in all_misses:
            print("miss:", miss)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
