"""Prints the size of each file in dist/ and checks the first-visit brotli total against the budget."""
import gzip
import json
import pathlib
import subprocess
import sys

dist, budget_file = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
budget = json.loads(budget_file.read_text())["first_visit_brotli_bytes"]


def brotli_size(data: bytes) -> int:
    return len(subprocess.run(["brotli", "-q", "11", "-c"], input=data, capture_output=True, check=True).stdout)


rows, first_visit = [], 0
for path in sorted(p for p in dist.rglob("*") if p.is_file()):
    data = path.read_bytes()
    raw, gz, br = len(data), len(gzip.compress(data, 9)), brotli_size(data)
    name = str(path.relative_to(dist))
    # The page's own files, and wasm-bindgen's JS snippets, which its glue imports at start.
    # extras/ (panels loaded on first use) and examples/ are not part of a first visit.
    top = path.relative_to(dist).parts[0]
    # sw.js (the offline copy) is fetched after the page has loaded, not for its first paint.
    loaded_on_first_visit = path.suffix in {".html", ".js", ".wasm", ".css"} and name != "sw.js" and (
        path.parent == dist or top == "snippets"
    )
    if loaded_on_first_visit:
        first_visit += br
    rows.append((name, raw, gz, br, "yes" if loaded_on_first_visit else ""))

print(f"{'file':48} {'raw':>10} {'gzip -9':>10} {'brotli 11':>10}  first visit")
for name, raw, gz, br, first in rows:
    print(f"{name:48} {raw:>10,} {gz:>10,} {br:>10,}  {first}")
print(f"first visit (brotli): {first_visit:,} bytes; budget {budget:,} bytes")
if first_visit > budget:
    print(f"budget exceeded by {first_visit - budget:,} bytes", file=sys.stderr)
    sys.exit(1)
print("budget ok")
