"""Adds a Content-Security-Policy <meta> to dist/index.html after trunk has built it.

The policy forbids every remote origin: scripts, styles, fetches and images come from the page's
own origin only. WebAssembly needs 'wasm-unsafe-eval'. Inline scripts (trunk's module loader and
our boot check) are allowed by their sha256 hashes, computed here from the built file; trunk's
integrity hashes on the .js and .wasm stay as they are. Idempotent.
"""
import base64
import hashlib
import pathlib
import re
import sys

index = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "dist/index.html")
html = index.read_text(encoding="utf-8")
html = re.sub(r'\s*<meta http-equiv="Content-Security-Policy"[^>]*>', "", html)

inline = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", html, flags=re.S)
hashes = [
    "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode() + "'"
    for body in inline
]
policy = "; ".join(
    [
        "default-src 'none'",
        "script-src 'self' 'wasm-unsafe-eval' " + " ".join(hashes),
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        # The offline copy: the service worker and the web app manifest, from this origin only.
        "worker-src 'self'",
        "manifest-src 'self'",
        "base-uri 'none'",
        "form-action 'none'",
        "object-src 'none'",
    ]
)
meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}" />'
html, count = re.subn(r'(<meta charset="?utf-8"?\s*/?>)', lambda m: m.group(1) + "\n    " + meta, html, count=1)
if count != 1:
    sys.exit(f"csp.py: no <meta charset> in {index}")
index.write_text(html, encoding="utf-8")
print(f"csp.py: {len(hashes)} inline script(s) allowed by hash in {index}")
