#!/usr/bin/env bash
# Trunk post_build hook: builds the panels loaded on first use (src/bin/extras.rs) as a second
# WebAssembly module into "$TRUNK_STAGING_DIR/extras/", named by its content hash so a new
# release never mixes with an old cached one, and tells the page where it is with a
# <meta name="enccfg-extras"> in index.html. The first visit does not download it.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
staging=${TRUNK_STAGING_DIR:?run by trunk as a post_build hook}
profile=${TRUNK_PROFILE:-debug}
cargo_flags=(--bin enccfg-extras --target wasm32-unknown-unknown)
[ "$profile" = release ] && cargo_flags+=(--release)
cargo build --quiet "${cargo_flags[@]}"
wasm="target/wasm32-unknown-unknown/$profile/enccfg-extras.wasm"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
wasm-bindgen --target web --no-typescript --out-dir "$work" "$wasm"
if [ "$profile" = release ]; then
  # The page's module too (trunk's own wasm-opt step is off in index.html), with its
  # integrity hashes in index.html replaced.
  python3 scripts/optimize-wasm.py "$work/enccfg-extras_bg.wasm" "$work/enccfg-extras.js"
  page_wasm=("$staging"/enccfg-playground-*_bg.wasm)
  python3 scripts/optimize-wasm.py "${page_wasm[0]}" "${page_wasm[0]%_bg.wasm}.js" "$staging/index.html"
fi
hash=$(cat "$work/enccfg-extras.js" "$work/enccfg-extras_bg.wasm" static/extras.css | sha256sum | cut -c1-16)
rm -rf "$staging/extras"; mkdir -p "$staging/extras"
# The glue fetches its wasm next to itself: rename both, and point the glue at the new name.
sed "s/enccfg-extras_bg\.wasm/enccfg-extras-$hash.wasm/g" "$work/enccfg-extras.js" > "$staging/extras/enccfg-extras-$hash.js"
cp "$work/enccfg-extras_bg.wasm" "$staging/extras/enccfg-extras-$hash.wasm"
# The tools' styles, linked by the module when it mounts its first panel.
cp static/extras.css "$staging/extras/enccfg-extras-$hash.css"
python3 - "$staging/index.html" "extras/enccfg-extras-$hash.js" <<'PY'
import re, sys
path, url = sys.argv[1], sys.argv[2]
html = open(path, encoding="utf-8").read()
html = re.sub(r'\s*<meta name="enccfg-extras"[^>]*>', "", html)
meta = f'<meta name="enccfg-extras" content="{url}" />'
html, n = re.subn(r'(<meta charset="?utf-8"?\s*/?>)', lambda m: m.group(1) + "\n    " + meta, html, count=1)
if n != 1:
    sys.exit("build-extras.sh: no <meta charset> in index.html")
open(path, "w", encoding="utf-8").write(html)
PY
echo "build-extras.sh: extras/enccfg-extras-$hash.{js,wasm} ($profile)"
python3 scripts/minify-js.py "$staging" "$profile"
# Offline: the service worker's file list is the whole build, so it runs last.
python3 scripts/offline.py "$staging" "$profile"
