"""`presskit parse`: how presskit reads a release, as a tree or as the model's JSON."""
from __future__ import annotations

import json
from pathlib import Path

import click

from presskit.cli.options import PATH, Command, argument, existing
from presskit.cli.tree import render_tree
from presskit.document import to_dict
from presskit.readers import read


@click.command(cls=Command)
@argument("source", "A French release (.txt, .md, .docx, .pdf).", type=PATH)
@click.option("--json", "as_json", is_flag=True, help="Print the document model as JSON.")
def parse(source: Path, as_json: bool) -> None:
    """Show how presskit reads a release: a tree, or the model as JSON."""
    document = read(existing(source))
    if as_json:
        click.echo(json.dumps(to_dict(document), ensure_ascii=False, indent=2))
    else:
        click.echo(render_tree(document))
