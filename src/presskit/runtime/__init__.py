"""What makes presskit fast and safe to run, kept out of the domain code.

- `startup`: a command's start (GC settings, early render workers) and fast exit (memos saved);
- `workers`: forked processes (`Worker`, `map_forked`);
- `render_pool`: `render(format, document, theme, path)` and the pools that run it;
- `disk_memo`: the `@disk_memo` decorator that keeps pure functions' results between runs;
- `atomic`, `lock`, `safe_xml`: whole-file writes with backups, the kit's build lock, safe XML.

May import `presskit.errors` and the standard library; `render_pool` loads renderers by name only.
"""
