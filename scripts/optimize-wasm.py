"""Optimises a release build's WebAssembly module with binaryen's wasm-opt, and shortens the names
the module shares with its JS glue.

wasm-bindgen names every import after the JS function behind it plus a 16-digit hash
(`__wbg_isContentEditable_21412032d82cf771`), and both files spell each name out: nearly 200 of
them, about 5 KB brotli over the two files. wasm-opt's `--minify-imports-and-exports-and-modules`
renames them (`a`, `b`, ... `$a`) in the same run as `-Oz` and prints the mapping; this script
applies the mapping to the glue, then checks that every import the module now asks for is a key of
the glue's import object and every export the glue calls is in the module, and stops the build
otherwise. With an index.html, the old files' Subresource Integrity hashes in it are replaced.

python3 scripts/optimize-wasm.py MODULE_BG_WASM GLUE_JS [INDEX_HTML]
python3 scripts/optimize-wasm.py --flags   (prints the optimisation flags, without the renaming:
                                            scripts/bundle-top.sh optimises a named copy with them)

trunk's own wasm-opt step is off for the page (`data-wasm-opt="0"` in index.html), because trunk
does not hand over the mapping; scripts/build-extras.sh runs this for the page and for the tools'
module, scripts/budget.sh for the blank Yew app.
"""
import json
import pathlib
import re
import subprocess
import sys

from integrity import rehash

# The page's optimisation: smallest code, memory below 1 KB unused (wasm-bindgen's data starts
# above it), passes repeated until nothing changes, no producer or feature sections shipped.
FLAGS = ["-Oz", "--low-memory-unused", "--converge", "--strip-producers", "--strip-target-features"]
RENAME = "--minify-imports-and-exports-and-modules"


def leb(data: bytes, i: int):
    value = shift = 0
    while True:
        byte = data[i]
        i += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, i


def name(data: bytes, i: int):
    length, i = leb(data, i)
    return data[i : i + length].decode(), i + length


def limits(data: bytes, i: int) -> int:
    flags, i = leb(data, i)
    _, i = leb(data, i)
    if flags & 1:
        _, i = leb(data, i)
    return i


def interface(module: bytes):
    """The module's imports as (module, name) pairs and its export names."""
    imports, exports, i = [], [], 8
    while i < len(module):
        section, i = module[i], i + 1
        size, i = leb(module, i)
        body, i = module[i : i + size], i + size
        if section == 2:
            count, j = leb(body, 0)
            for _ in range(count):
                mod, j = name(body, j)
                field, j = name(body, j)
                kind, j = body[j], j + 1
                if kind == 0:  # function: its type
                    _, j = leb(body, j)
                elif kind == 1:  # table: element type, limits
                    j = limits(body, j + 1)
                elif kind == 2:  # memory: limits
                    j = limits(body, j)
                elif kind == 3:  # global: value type, mutability
                    j += 2
                else:
                    sys.exit(f"optimize-wasm.py: import {mod}.{field} of kind {kind} is not understood")
                imports.append((mod, field))
        elif section == 7:
            count, j = leb(body, 0)
            for _ in range(count):
                field, j = name(body, j)
                _, j = leb(body, j + 1)
                exports.append(field)
    return imports, exports


def mappings(stdout: str):
    """The rename pass prints its mapping each time it runs (`--converge` repeats every pass
    until nothing changes): composed, each original name maps to its final one."""
    runs, decoder, i = [], json.JSONDecoder(), 0
    while stdout[i:].strip():
        i += len(stdout[i:]) - len(stdout[i:].lstrip())
        run, i = decoder.raw_decode(stdout, i)
        runs.append(run)
    if not runs:
        sys.exit("optimize-wasm.py: wasm-opt printed no mapping of the renamed names")
    imports = {old: new for _, old, new in runs[0]["imports"]}
    exports = dict(runs[0]["exports"])
    for run in runs[1:]:
        step_imports = {old: new for _, old, new in run["imports"]}
        step_exports = dict(run["exports"])
        imports = {name: step_imports.get(now, now) for name, now in imports.items()}
        exports = {name: step_exports.get(now, now) for name, now in exports.items()}
    return imports, exports


def rename_in_glue(glue: str, imports: dict, exports: dict) -> str:
    """wasm-bindgen's glue: one import object (`__wbg_…: function(…) {…},` one per line), and
    exports called as `wasm.name`. Each name is replaced once, all in one pass."""
    defined = dict.fromkeys(imports, 0)

    def key(m):
        if m.group(2) not in imports:
            return m.group(0)
        defined[m.group(2)] += 1
        return f"{m.group(1)}{imports[m.group(2)]}:"

    glue = re.sub(r"(?m)^(\s+)([\w$]+):", key, glue)
    for name, count in defined.items():
        if count != 1:
            sys.exit(f"optimize-wasm.py: the glue defines the import {name} {count} times, not once")
    return re.sub(r"\bwasm\.([\w$]+)", lambda m: "wasm." + exports.get(m.group(1), m.group(1)), glue)


def check(module: bytes, glue: str) -> None:
    imports, exports = interface(module)
    for mod, field in imports:
        if not re.search(rf'"{re.escape(mod)}":\s*import0\b', glue) or not re.search(rf"(?m)^\s+{re.escape(field)}:", glue):
            sys.exit(f"optimize-wasm.py: the module imports {mod}.{field}, which the glue does not provide")
    for called in set(re.findall(r"\bwasm\.([\w$]+)", glue)):
        if called not in exports:
            sys.exit(f"optimize-wasm.py: the glue calls wasm.{called}, which the module does not export")


def main() -> None:
    if sys.argv[1:] == ["--flags"]:
        print(" ".join(FLAGS))
        return
    wasm_path, glue_path = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    old_wasm, old_glue = wasm_path.read_bytes(), glue_path.read_bytes()
    old_modules = {mod for mod, _ in interface(old_wasm)[0]}
    if len(old_modules) != 1:
        sys.exit(f"optimize-wasm.py: expected one import module (wasm-bindgen's), got {sorted(old_modules)}")
    version = subprocess.run(["wasm-opt", "--version"], check=True, capture_output=True, text=True).stdout
    if "version 132" not in version:
        sys.exit(f"optimize-wasm.py: needs binaryen 132 from node_modules (scripts/setup.sh), found {version.strip()}")
    run = subprocess.run(
        ["wasm-opt", str(wasm_path), *FLAGS, RENAME, "-o", str(wasm_path)],
        check=True, capture_output=True, text=True,
    )
    imports, exports = mappings(run.stdout)
    module = wasm_path.read_bytes()
    glue = rename_in_glue(old_glue.decode(), imports, exports)
    # The import object's key: the one module the imports now come from.
    new_modules = {mod for mod, _ in interface(module)[0]}
    if len(new_modules) != 1:
        sys.exit(f"optimize-wasm.py: expected one import module after renaming, got {sorted(new_modules)}")
    old_key, new_key = f'"{old_modules.pop()}":', f'"{new_modules.pop()}":'
    if glue.count(old_key) != 1:
        sys.exit(f"optimize-wasm.py: the glue does not hand over its imports as {old_key} once")
    glue = glue.replace(old_key, new_key)
    check(module, glue)
    glue_path.write_text(glue, encoding="utf-8")
    if len(sys.argv) > 3:
        index = pathlib.Path(sys.argv[3])
        html = index.read_text(encoding="utf-8")
        html = rehash(html, old_wasm, module, wasm_path.name, "optimize-wasm.py")
        html = rehash(html, old_glue, glue.encode(), glue_path.name, "optimize-wasm.py")
        index.write_text(html, encoding="utf-8")
    print(
        f"optimize-wasm.py: {wasm_path.name} {len(old_wasm):,} -> {len(module):,} bytes, "
        f"{len(imports)} imports and {len(exports)} exports renamed"
    )


main()
