#!/usr/bin/env python3
"""Fails when a file includes a folder that the include graph in ARCHITECTURE.md does not permit.

    tools/check-includes.py [ROOT]      (default: the repository this script lives in)

The graph is written once, in ARCHITECTURE.md, in the fenced block after the
`include-graph` marker ("folder: folders it may include"); test programs that deliberately span
folders are listed after the `include-graph-tests` marker. A folder may include itself and every
folder it reaches through the graph (down is down, however far). Checked: every file under
converters/<folder>/ and tests/unit/<folder>/. Every folder under converters/ must have a line, and
every line must name a folder that exists. Exit 0 when all holds, 1 with one line per breach.
"""
import pathlib
import re
import sys

INCLUDE = re.compile(r'^\s*#\s*include\s+"([A-Za-z0-9_]+)/')
SOURCES = ("*.h", "*.hpp", "*.cpp", "*.cc")


def fenced_block_after(text, marker):
    """The lines of the first ``` block after the line holding `marker`."""
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if marker in line:
            break
    else:
        raise SystemExit(f"ARCHITECTURE.md: no '{marker}' marker")
    start = next(j for j in range(i + 1, len(lines)) if lines[j].startswith("```"))
    end = next(j for j in range(start + 1, len(lines)) if lines[j].startswith("```"))
    return lines[start + 1:end]


def parse_edges(block):
    edges = {}
    for line in block:
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        name, _, deps = line.partition(":")
        edges[name.strip()] = set(deps.split())
    return edges


def reachable(graph, folder):
    seen, todo = set(), [folder]
    while todo:
        for dep in graph.get(todo.pop(), ()):
            if dep not in seen:
                seen.add(dep)
                todo.append(dep)
    return seen


def main(root):
    text = (root / "ARCHITECTURE.md").read_text(encoding="utf-8")
    graph = parse_edges(fenced_block_after(text, "include-graph:"))
    test_extra = parse_edges(fenced_block_after(text, "include-graph-tests:"))
    breaches = []

    folders = {p.name for p in (root / "converters").iterdir() if p.is_dir()}
    for f in sorted(folders - graph.keys()):
        breaches.append(f"converters/{f}/: folder missing from the include graph in ARCHITECTURE.md")
    for f in sorted(graph.keys() - folders):
        breaches.append(f"ARCHITECTURE.md: include graph names converters/{f}/, which does not exist")
    for f, deps in graph.items():
        for d in sorted(deps - graph.keys()):
            breaches.append(f"ARCHITECTURE.md: {f} may include unknown folder {d}")

    def check_tree(tree, allowed):
        for pattern in SOURCES:
            for path in sorted(tree.rglob(pattern)):
                for n, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
                    m = INCLUDE.match(line)
                    if m and m.group(1) in graph and m.group(1) not in allowed:
                        breaches.append(f"{path.relative_to(root)}:{n}: includes {m.group(1)}/, "
                                        f"which {tree.relative_to(root)}/ may not include")

    for folder in sorted(folders & graph.keys()):
        allowed = {folder} | reachable(graph, folder)
        check_tree(root / "converters" / folder, allowed)
        tests = root / "tests" / "unit" / folder
        if tests.is_dir():
            extra = test_extra.get(f"tests/unit/{folder}", set())
            for dep in set(extra):
                extra |= reachable(graph, dep)
            check_tree(tests, allowed | extra)

    for b in breaches:
        print(b)
    if breaches:
        print(f"check-includes: {len(breaches)} breach(es) of the include graph (ARCHITECTURE.md)")
        return 1
    print(f"check-includes: {len(graph)} folders, every include points down")
    return 0


if __name__ == "__main__":
    here = pathlib.Path(__file__).resolve().parent.parent
    sys.exit(main(pathlib.Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else here))
