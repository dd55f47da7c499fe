#!/usr/bin/env python3
"""The house's include rules (docs/architecture.md), checked on every #include "..." of src/ and
include/: an area module includes only the floors and the areas it builds on, the public headers
include only public headers, and nothing outside src/ reaches the private grammar. Prints each
violation with its file and line and exits 1 if there is any."""
import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).parents[2])

# module -> the modules its files may include (besides itself and the public headers)
allowed = {
    "abnf": set(),
    "x3": {"abnf"},
    "lexical": {"abnf", "x3"},
    "fetch": {"abnf", "x3", "lexical"},
    "search": {"abnf", "x3", "lexical"},
    "response": {"abnf", "x3", "lexical", "fetch", "search"},
    "command": {"abnf", "x3", "lexical", "fetch", "search"},
    "": {"abnf"},  # src/*.cpp: the framer, the arena, modified UTF-7, names of the AST
    "cli": set(),  # the command-line tool uses the public API only
}
include_re = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)

def module_of(path: pathlib.Path) -> str:
    rel = path.relative_to(root / "src")
    return rel.parts[0] if len(rel.parts) > 1 else ""

violations = []
def check(path: pathlib.Path, may_include: set) -> None:
    text = path.read_text(encoding="utf-8", errors="replace")
    for m in include_re.finditer(text):
        target = m.group(1)
        line = text.count("\n", 0, m.start()) + 1
        first = target.split("/")[0]
        # Public headers, files beside this one and other folders' own headers are not modules.
        if first not in allowed or (path.parent / target).exists():
            continue
        if first not in may_include:
            violations.append(f"{path.relative_to(root)}:{line}: includes \"{target}\"")

for path in sorted((root / "src").rglob("*")):
    if path.suffix in (".hpp", ".cpp"):
        mod = module_of(path)
        check(path, allowed[mod] | ({mod} if mod else set()))
for path in sorted((root / "include").rglob("*.hpp")):
    check(path, set())  # public headers: only imapkit/...
for folder in ("examples", "bench", "fuzz"):
    for path in sorted((root / folder).rglob("*")):
        if path.suffix in (".hpp", ".cpp"):
            check(path, set())

for v in violations:
    print(v)
print(f"layering: {len(violations)} violation(s)")
sys.exit(1 if violations else 0)
