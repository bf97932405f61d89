"""`presskit init`: a new kit folder with a short example that builds offline."""
from __future__ import annotations

from pathlib import Path

import click

from presskit.cli.options import PATH, Command, argument, mark, say
from presskit.kit.init import create_kit, run_hint


@click.command(cls=Command)
@argument("folder", "The new kit folder.", type=PATH)
def init(folder: Path) -> None:
    """Create a new kit folder with a short example release, glossary, memory and settings."""
    created = create_kit(folder)
    say(f"{mark('✓', fg='green', bold=True)} created the kit {folder} ({len(created)} files); "
        f"try: cd {folder} && presskit build")
    say(f"  {run_hint()}")
