#!/usr/bin/env bash
# Trunk post_build hook: builds the two modules the page loads on first use as WebAssembly
# modules of their own, each named by its content hash (a new release never mixes with an old
# cached one) and announced to the page by a <meta> in index.html:
#   extras/  the tools' panels (src/bin/extras.rs)       <meta name="enccfg-extras">
#   engine/  the analysis engine (src/bin/engine.rs)     <meta name="enccfg-engine">
# The first visit downloads neither. Then the page's own module is optimised, the JS minified,
# and the offline copy's file list written.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
staging=${TRUNK_STAGING_DIR:?run by trunk as a post_build hook}
profile=${TRUNK_PROFILE:-debug}
cargo_flags=(--bin enccfg-extras --bin enccfg-engine --target wasm32-unknown-unknown)
[ "$profile" = release ] && cargo_flags+=(--release)
cargo build --quiet "${cargo_flags[@]}"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT

# module BIN DIR META [CSS]: wasm-bindgen (and, in release, wasm-opt) on BIN, copied to
# "$staging/DIR/BIN-HASH.{js,wasm}" (and the CSS to .css), named in <meta name="META">.
module() {
  local bin=$1 dir=$2 meta=$3 css=${4:-}
  wasm-bindgen --target web --no-typescript --out-dir "$work" "target/wasm32-unknown-unknown/$profile/$bin.wasm"
  [ "$profile" = release ] && python3 scripts/optimize-wasm.py "$work/${bin}_bg.wasm" "$work/$bin.js"
  local hash
  hash=$(cat "$work/$bin.js" "$work/${bin}_bg.wasm" $css | sha256sum | cut -c1-16)
  rm -rf "${staging:?}/$dir"; mkdir -p "$staging/$dir"
  # The glue fetches its wasm next to itself: rename both, and point the glue at the new name.
  sed "s/${bin}_bg\.wasm/$bin-$hash.wasm/g" "$work/$bin.js" > "$staging/$dir/$bin-$hash.js"
  cp "$work/${bin}_bg.wasm" "$staging/$dir/$bin-$hash.wasm"
  [ -n "$css" ] && cp "$css" "$staging/$dir/$bin-$hash.css"
  python3 - "$staging/index.html" "$meta" "$dir/$bin-$hash.js" <<'PY'
import re, sys
path, name, url = sys.argv[1:4]
html = open(path, encoding="utf-8").read()
html = re.sub(rf'\s*<meta name="{name}"[^>]*>', "", html)
meta = f'<meta name="{name}" content="{url}" />'
html, n = re.subn(r'(<meta charset="?utf-8"?\s*/?>)', lambda m: m.group(1) + "\n    " + meta, html, count=1)
if n != 1:
    sys.exit("build-extras.sh: no <meta charset> in index.html")
open(path, "w", encoding="utf-8").write(html)
PY
  echo "build-extras.sh: $dir/$bin-$hash.{js,wasm} ($profile)"
}

# The tools' styles are linked by their module when it mounts its first panel.
module enccfg-extras extras enccfg-extras static/extras.css
module enccfg-engine engine enccfg-engine
if [ "$profile" = release ]; then
  # The page's module too (trunk's own wasm-opt step is off in index.html), with its
  # integrity hashes in index.html replaced.
  page_wasm=("$staging"/enccfg-playground-*_bg.wasm)
  python3 scripts/optimize-wasm.py "${page_wasm[0]}" "${page_wasm[0]%_bg.wasm}.js" "$staging/index.html"
fi
python3 scripts/minify-js.py "$staging" "$profile"
# Offline: the service worker's file list is the whole build, so it runs last.
python3 scripts/offline.py "$staging" "$profile"
