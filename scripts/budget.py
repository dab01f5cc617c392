"""Prints the size of each file in dist/, checks the first-visit brotli total against the budget,
and, given a blank Yew app's dist/ built in the same run, prints the ratio to that floor.

python3 scripts/budget.py DIST BUDGET_JSON [BLANK_DIST]
"""
import gzip
import json
import pathlib
import subprocess
import sys


def brotli_size(data: bytes) -> int:
    return len(subprocess.run(["brotli", "-q", "11", "-c"], input=data, capture_output=True, check=True).stdout)


def measure(dist: pathlib.Path):
    """Rows (name, raw, gzip, brotli, first visit?) for every file, and the first-visit total."""
    rows, first_visit = [], 0
    for path in sorted(p for p in dist.rglob("*") if p.is_file()):
        data = path.read_bytes()
        raw, gz, br = len(data), len(gzip.compress(data, 9)), brotli_size(data)
        # The page's own files, and wasm-bindgen's JS snippets, which its glue imports at start.
        # extras/ (panels loaded on first use), engine/ (the analysis engine, loaded on the first
        # edit) and examples/ are not part of a first visit.
        top = path.relative_to(dist).parts[0]
        name = str(path.relative_to(dist))
        # sw.js (the offline copy) is fetched after the page has loaded, not for its first paint;
        # analysis-worker.js only when a text over 32 KB is analysed.
        loaded_on_first_visit = path.suffix in {".html", ".js", ".wasm", ".css"} and name not in {"sw.js", "analysis-worker.js"} and (
            path.parent == dist or top == "snippets"
        )
        if loaded_on_first_visit:
            first_visit += br
        rows.append((name, raw, gz, br, "yes" if loaded_on_first_visit else ""))
    return rows, first_visit


def main() -> None:
    dist, budget_file = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    budget = json.loads(budget_file.read_text())["first_visit_brotli_bytes"]
    rows, first_visit = measure(dist)
    print(f"{'file':48} {'raw':>10} {'gzip -9':>10} {'brotli 11':>10}  first visit")
    for name, raw, gz, br, first in rows:
        print(f"{name:48} {raw:>10,} {gz:>10,} {br:>10,}  {first}")
    print(f"first visit (brotli): {first_visit:,} bytes; budget {budget:,} bytes")
    engine = sum(br for name, _, _, br, _ in rows if name.startswith("engine/"))
    if engine:
        print(f"the analysis engine (engine/, loaded on the first edit, or at once for a start other "
              f"than the first example): {engine:,} bytes more")
    if len(sys.argv) > 3:
        _, blank = measure(pathlib.Path(sys.argv[3]))
        print(f"blank Yew app built in this run (brotli): {blank:,} bytes; "
              f"the playground's first visit is {first_visit / blank:.2f}x that floor")
    if first_visit > budget:
        print(f"budget exceeded by {first_visit - budget:,} bytes", file=sys.stderr)
        sys.exit(1)
    print("budget ok")


main()
