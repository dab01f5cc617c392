"""Subresource Integrity in a built index.html: trunk writes a sha384 hash for each file the page
loads, and a build step that rewrites such a file must put the new file's hash in its place.
Imported by scripts/minify-js.py and scripts/optimize-wasm.py."""
import base64
import hashlib
import sys


def sri(data: bytes) -> str:
    return "sha384-" + base64.b64encode(hashlib.sha384(data).digest()).decode()


def rehash(html: str, old: bytes, new: bytes, name: str, tool: str) -> str:
    """`html` with `old`'s integrity hash replaced by `new`'s. Stops the build when the hash is
    missing: index.html would keep pointing at the old file, and the browser refuse the new one."""
    if sri(old) not in html:
        sys.exit(f"{tool}: index.html has no integrity hash for {name}")
    return html.replace(sri(old), sri(new))
