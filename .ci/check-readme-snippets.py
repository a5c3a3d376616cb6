#!/usr/bin/env python3
"""Checks that every code block the README quotes from a source file matches that file.

A quoted block is announced by a line `<!-- snippet: PATH#REGION -->` followed by a fenced code block; the source
holds the same lines between `#region REGION` and `#endregion`. The sources are compiled and run by the tests, so
a README that matches them shows code that compiles.
"""
import pathlib
import re
import sys
import textwrap

root = pathlib.Path(__file__).resolve().parent.parent
marker = re.compile(r"<!-- snippet: (?P<path>[^#\s]+)#(?P<region>[\w-]+) -->")


def region(path: pathlib.Path, name: str) -> str:
    lines = path.read_text(encoding="utf-8").splitlines()
    start = next((i for i, line in enumerate(lines) if line.strip() == f"#region {name}"), None)
    if start is None:
        raise LookupError(f"{path.relative_to(root)} has no '#region {name}'")
    depth, body = 0, []
    for line in lines[start + 1:]:
        stripped = line.strip()
        if stripped.startswith("#region"):
            depth += 1
        elif stripped == "#endregion":
            if depth == 0:
                return textwrap.dedent("\n".join(body)).strip("\n")
            depth -= 1
        body.append(line)
    raise LookupError(f"{path.relative_to(root)}: '#region {name}' has no #endregion")


def main(readme_names: list[str]) -> int:
    problems, checked = [], 0
    for readme_name in readme_names:
        readme = root / readme_name
        lines = readme.read_text(encoding="utf-8").splitlines()
        for index, line in enumerate(lines):
            found = marker.search(line)
            if not found:
                continue
            fence = index + 1
            if fence >= len(lines) or not lines[fence].startswith("```"):
                problems.append(f"{readme_name}:{index + 1}: the snippet marker is not followed by a code block")
                continue
            end = next((i for i in range(fence + 1, len(lines)) if lines[i].startswith("```")), None)
            quoted = "\n".join(lines[fence + 1:end]).strip("\n")
            try:
                expected = region(root / found["path"], found["region"])
            except (LookupError, OSError) as error:
                problems.append(f"{readme_name}:{index + 1}: {error}")
                continue
            checked += 1
            if [l.rstrip() for l in quoted.splitlines()] != [l.rstrip() for l in expected.splitlines()]:
                problems.append(f"{readme_name}:{index + 1}: the block differs from {found['path']}#{found['region']}; copy it again")
    for problem in problems:
        print(f"readme snippets: {problem}")
    print(f"readme snippets: {checked} checked, {len(problems)} problem(s)")
    return 1 if problems or checked == 0 else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or ["README.md"]))
