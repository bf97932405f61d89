"""Adversarial shapes: how long `presskit parse` and `presskit check --offline` take on hostile input.

Run with `.venv/bin/python bench/adversarial.py [--sizes 10000,100000,1000000] [--timeout 120]`.
Each shape (issue 17) is written at each size as a release in a fresh copy of the repository's kit,
then run as a whole command in a new process; the table gives wall seconds and the exit code
(2: refused with a clear message, e.g. "this release is too unusual to read"). Nothing here is a
test: it prints a Markdown table for the README. `shape_text(name, size)` is what the tests use.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TITLE = "Communiqué de presse\n\n"
SENTENCE = "La crise a montré l’importance de la maîtrise de la production des produits de santé. "


def _fill(unit: str, size: int) -> str:
    """`unit` repeated to about `size` characters."""
    return unit * max(1, size // len(unit))


SHAPES = {  # name → (file suffix, function of the size giving the release's text)
    "grouped digits": (".txt", lambda n: TITLE + _fill("1 000 ", n) + "euros.\n"),
    "numbers in a sentence": (".txt", lambda n: TITLE + "Les chiffres " + _fill("123, ", n) + "et 7 %.\n"),
    "a term repeated": (".txt", lambda n: TITLE + _fill("la bioproduction et ", n) + "fin.\n"),
    "one long word": (".txt", lambda n: TITLE + _fill("a", n) + "\n"),
    "one long dotted word": (".txt", lambda n: TITLE + _fill("a.", n) + "\n"),
    "one paragraph": (".txt", lambda n: TITLE + _fill(SENTENCE, n) + "\n"),
    "one-word paragraphs": (".txt", lambda n: TITLE + _fill("mot\n\n", n)),
    "md [": (".md", lambda n: "# Titre\n\n" + _fill("[", n) + "\n"),
    "md ![": (".md", lambda n: "# Titre\n\n" + _fill("![", n) + "\n"),
    "md [^": (".md", lambda n: "# Titre\n\n" + _fill("[^", n) + "\n"),
    "md [a](": (".md", lambda n: "# Titre\n\n" + _fill("[a](", n) + "\n"),
    "md **": (".md", lambda n: "# Titre\n\n" + _fill("**", n) + "a\n"),
    "md *": (".md", lambda n: "# Titre\n\n" + _fill("*", n) + "a\n"),
    "md __": (".md", lambda n: "# Titre\n\n" + _fill("__", n) + "a\n"),
    "md ~~": (".md", lambda n: "# Titre\n\n" + _fill("~~", n) + "a\n"),
    "md <http://": (".md", lambda n: "# Titre\n\n" + _fill("<http://", n) + "\n"),
    "md *a": (".md", lambda n: "# Titre\n\n" + _fill("*a ", n) + "\n"),
    "md `": (".md", lambda n: "# Titre\n\n" + _fill("`a", n) + "\n"),
}


def shape_text(name: str, size: int) -> tuple[str, str]:
    """The suffix and text of shape `name` at about `size` characters."""
    suffix, make = SHAPES[name]
    return suffix, make(size)


def make_kit(folder: Path) -> Path:
    """A copy of the repository's kit (glossary, settings) with an empty sources/ folder."""
    shutil.copytree(ROOT / "glossary", folder / "glossary")
    shutil.copy(ROOT / "presskit.toml", folder / "presskit.toml")
    (folder / "sources").mkdir()
    return folder


def run(kit: Path, arguments: list[str], timeout: float) -> str:
    """Time one command in a new process: "1.23" (exit 0/1), "1.23 (2)" (refused), "> N" (timeout)."""
    start = time.perf_counter()
    try:
        done = subprocess.run([sys.executable, "-m", "presskit", *arguments], cwd=kit,
                              capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return f"> {timeout:g}"
    seconds = time.perf_counter() - start
    return f"{seconds:.2f}" if done.returncode in (0, 1) else f"{seconds:.2f} ({done.returncode})"


def main() -> None:
    """Print the table: one row per shape, parse and check seconds at each size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--timeout", type=float, default=120)
    parser.add_argument("--shapes", default="", help="comma-separated shape names (default: all)")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    names = [n for n in args.shapes.split(",") if n] or list(SHAPES)
    print("| shape | " + " | ".join(f"parse {_label(s)} | check {_label(s)}" for s in sizes) + " |")
    print("|---|" + "---:|" * (2 * len(sizes)))
    with tempfile.TemporaryDirectory() as temporary:
        kit = make_kit(Path(temporary) / "kit")
        for name in names:
            cells = []
            for size in sizes:
                suffix, text = shape_text(name, size)
                source = kit / "sources" / f"shape.fr{suffix}"
                source.write_text(text, encoding="utf-8")
                cells.append(run(kit, ["parse", str(source)], args.timeout))
                cells.append(run(kit, ["check", str(source), "--offline"], args.timeout))
                source.unlink()
            print(f"| {name} | " + " | ".join(cells) + " |", flush=True)


def _label(size: int) -> str:
    """10000 → "10 KB"."""
    return f"{size // 1_000_000} MB" if size >= 1_000_000 else f"{size // 1000} KB"


if __name__ == "__main__":
    main()
