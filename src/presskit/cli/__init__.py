"""The command line: `app` (the `presskit` group, in `app.py`) and one module per command group.

Commands parse options and call one library function each; `options.py` holds what they share
(`--kit`, `--engine`, path arguments, messages). May import anything of presskit but the renderers,
which only the render pool loads.
"""
