"""Makes the build work offline and installable (run by scripts/build-extras.sh, the trunk
post_build hook, on trunk's staging directory, after the extras module is in place).

- writes the web app manifest (`manifest.webmanifest`, relative start_url and scope) and PNG
  icons drawn here (no image tool needed) beside the SVG one from static/icons/;
- writes `sw.js` from scripts/offline-sw.js with the list of every file of the build (so files
  added later, such as another worker, are cached without a hand-written list) and a version
  that hashes the list and the contents: a new release gets a new cache and the old one is
  deleted;
- links the manifest and names the worker in index.html (`<meta name="enccfg-offline">`), which
  the page's inline script registers unless the URL says `?offline=off`.

Only for release builds (a debug `trunk serve` must not serve stale files), and not when
`ENCCFG_OFFLINE=0`: then nothing is written and the page unregisters a worker left by an
earlier build. scripts/budget.py does not count `sw.js` in the first visit: the browser fetches
it after the page has loaded.
"""
import hashlib
import json
import os
import pathlib
import re
import struct
import sys
import zlib

staging = pathlib.Path(sys.argv[1])
profile = sys.argv[2] if len(sys.argv) > 2 else "release"
template = pathlib.Path(__file__).with_name("offline-sw.js")
index = staging / "index.html"
html = index.read_text(encoding="utf-8")
html = re.sub(r'\s*<meta name="enccfg-offline"[^>]*>', "", html)
html = re.sub(r'\s*<link rel="manifest"[^>]*>', "", html)
for stale in ["sw.js", "manifest.webmanifest"]:
    (staging / stale).unlink(missing_ok=True)

if os.environ.get("ENCCFG_OFFLINE", "1") == "0" or profile != "release":
    index.write_text(html, encoding="utf-8")
    print(f"offline.py: no service worker ({'ENCCFG_OFFLINE=0' if profile == 'release' else profile + ' build'})")
    sys.exit(0)


def png(size: int) -> bytes:
    """The SVG icon's padlock, drawn pixel by pixel: blue rounded square, white lock."""
    blue, white = (0x1F, 0x4E, 0x8C), (0xFF, 0xFF, 0xFF)
    rows = []
    for y in range(size):
        row = bytearray([0])
        for x in range(size):
            u, v = (x + 0.5) * 512 / size, (y + 0.5) * 512 / size
            color = blue
            dist = ((u - 256) ** 2 + (v - 176) ** 2) ** 0.5
            if 136 <= u <= 376 and 232 <= v <= 416:
                color = white
                if ((u - 256) ** 2 + (v - 312) ** 2) ** 0.5 <= 28 or (244 <= u <= 268 and 320 <= v <= 376):
                    color = blue
            elif v <= 232 and 60 <= dist <= 100:
                color = white
            row.extend(color)
        rows.append(bytes(row))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b"")


icons = staging / "icons"
icons.mkdir(exist_ok=True)
for size in (192, 512):
    (icons / f"icon-{size}.png").write_bytes(png(size))
manifest = {
    "name": "EncryptionConfiguration playground",
    "short_name": "enccfg",
    "description": "Check a Kubernetes EncryptionConfiguration exactly as kube-apiserver reads it, offline, in the browser.",
    "start_url": "./",
    "scope": "./",
    "display": "standalone",
    "background_color": "#ffffff",
    "theme_color": "#1f4e8c",
    "icons": [
        {"src": "icons/icon.svg", "sizes": "any", "type": "image/svg+xml"},
        {"src": "icons/icon-192.png", "sizes": "192x192", "type": "image/png"},
        {"src": "icons/icon-512.png", "sizes": "512x512", "type": "image/png"},
    ],
}
(staging / "manifest.webmanifest").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")

tags = '<link rel="manifest" href="manifest.webmanifest" />\n    <meta name="enccfg-offline" content="sw.js" />'
html, n = re.subn(r'(<meta charset="?utf-8"?\s*/?>)', lambda m: m.group(1) + "\n    " + tags, html, count=1)
if n != 1:
    sys.exit("offline.py: no <meta charset> in index.html")
index.write_text(html, encoding="utf-8")

files = sorted(p.relative_to(staging).as_posix() for p in staging.rglob("*") if p.is_file() and p.name != "sw.js")
digest = hashlib.sha256()
for name in files:
    digest.update(name.encode() + b"\0" + hashlib.sha256((staging / name).read_bytes()).digest())
version = digest.hexdigest()[:16]
sw = template.read_text(encoding="utf-8").replace("__VERSION__", version).replace("__FILES__", json.dumps(files))
(staging / "sw.js").write_text(sw, encoding="utf-8")
print(f"offline.py: sw.js caches {len(files)} files, version {version}")
