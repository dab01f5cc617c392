"""Minifies the JavaScript wasm-bindgen wrote for a release build (trunk minifies the HTML and
CSS, not the glue): the page's glue and its snippets, which a first visit downloads, and the
tools module's glue. Uses terser (package.json). The page loads the glue and the snippets with
Subresource Integrity, so their sha384 hashes in index.html are replaced by the new files'.
Run by scripts/build-extras.sh before scripts/offline.py, which lists the final files.

python3 scripts/minify-js.py STAGING_DIR [PROFILE [CRATE]]   (CRATE: enccfg-playground; budget.sh
minifies the blank Yew app's dist/ with CRATE=blank-yew, so that the floor is built the same way)
"""
import pathlib
import subprocess
import sys

from integrity import rehash


def main() -> None:
    staging = pathlib.Path(sys.argv[1])
    profile = sys.argv[2] if len(sys.argv) > 2 else "release"
    crate = sys.argv[3] if len(sys.argv) > 3 else "enccfg-playground"
    if profile != "release":
        print(f"minify-js.py: not minified ({profile} build)")
        return
    terser = pathlib.Path(__file__).resolve().parent.parent / "node_modules" / ".bin" / "terser"
    if not terser.exists():
        sys.exit("minify-js.py: node_modules/.bin/terser is missing (run scripts/setup.sh)")
    # wasm-bindgen's output only: trunk names the page's glue after the crate, the snippets
    # sit under snippets/, the tools' glue under extras/ and the engine's under engine/.
    on_first_use = {"extras", "engine"}
    files = sorted(
        [
            *staging.glob(f"{crate}-*.js"),
            *staging.glob("snippets/**/*.js"),
            *(f for d in sorted(on_first_use) for f in staging.glob(f"{d}/*.js")),
        ]
    )
    if not any(f.parent == staging for f in files):
        sys.exit(f"minify-js.py: no {crate}-*.js in {staging}")
    index = staging / "index.html"
    html = index.read_text(encoding="utf-8")
    before = after = 0
    for path in files:
        old = path.read_bytes()
        # ES modules: top-level names may be shortened; exported names and the property names
        # wasm imports by are kept, as terser keeps properties unless told otherwise.
        subprocess.run(
            [str(terser), str(path), "--module", "--compress", "--mangle", "--output", str(path)],
            check=True,
        )
        new = path.read_bytes()
        # The page's own files are loaded with integrity (the modules loaded on first use are not).
        if path.parent.name not in on_first_use:
            html = rehash(html, old, new, str(path.relative_to(staging)), "minify-js.py")
        before, after = before + len(old), after + len(new)
    index.write_text(html, encoding="utf-8")
    print(f"minify-js.py: {len(files)} files, {before:,} -> {after:,} bytes")


main()
