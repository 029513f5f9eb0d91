#!/usr/bin/env python3
"""Writes meridian_dns/types/*.py from the OpenAPI documents a running Meridian server serves.

    python3 scripts/generate_types.py --base-url http://127.0.0.1:8080          # rewrite the modules
    python3 scripts/generate_types.py --base-url http://127.0.0.1:8080 --check  # exit 1 when they differ

Every component schema of a document becomes a TypedDict; the output depends only on the schemas (never on the
server's address), so the committed modules can be compared with what any server of the same version serves.
Standard library only, like the package.
"""
from __future__ import annotations

import argparse
import json
import keyword
import sys
import urllib.request
from pathlib import Path
from typing import Any, Dict, List, Tuple

# Document name on the server (/openapi/{name}.json) -> module written under meridian_dns/types/.
DOCUMENTS: Dict[str, str] = {
    "partner-api": "partner",
    "client-api": "client",
    "admin-api": "admin",
    "email-dns-api": "email_dns",
    "simple-api": "simple",
}

PACKAGE_TYPES = Path(__file__).resolve().parent.parent / "meridian_dns" / "types"


def fetch_document(base_url: str, name: str) -> Dict[str, Any]:
    url = f"{base_url.rstrip('/')}/openapi/{name}.json"
    with urllib.request.urlopen(url, timeout=60) as response:  # noqa: S310 (a URL the caller names)
        return json.loads(response.read().decode("utf-8"))


def pascal(text: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in text.replace("-", "_").split("_") if part)


class ModuleWriter:
    """Turns one document's component schemas into TypedDict source, inline objects included."""

    def __init__(self, schemas: Dict[str, Any]):
        self.schemas = schemas
        self.classes: Dict[str, str] = {}

    def annotation(self, schema: Dict[str, Any], owner: str) -> str:
        if "$ref" in schema:
            inner = schema["$ref"].rsplit("/", 1)[-1]
        else:
            kind = schema.get("type")
            if kind == "string":
                inner = "str"
            elif kind == "integer":
                inner = "int"
            elif kind == "number":
                inner = "float"
            elif kind == "boolean":
                inner = "bool"
            elif kind == "array":
                inner = f"List[{self.annotation(schema.get('items', {}), owner + 'Item')}]"
            elif kind == "object" and schema.get("properties"):
                self.write_class(owner, schema)
                inner = owner
            elif kind == "object":
                extra = schema.get("additionalProperties")
                value = self.annotation(extra, owner + "Value") if isinstance(extra, dict) else "Any"
                inner = f"Dict[str, {value}]"
            else:
                inner = "Any"
        return f"Optional[{inner}]" if schema.get("nullable") else inner

    def write_class(self, name: str, schema: Dict[str, Any]) -> None:
        if name in self.classes:
            return
        self.classes[name] = ""  # reserve the name before nested classes are written
        required = set(schema.get("required", []))
        fields: List[Tuple[str, str, bool, str]] = []
        for prop, prop_schema in schema.get("properties", {}).items():
            nested_owner = name + pascal(prop)
            fields.append((prop, self.annotation(prop_schema, nested_owner), prop in required,
                           prop_schema.get("description", "")))
        doc = schema.get("description", "").strip() or f"The {name} object."
        self.classes[name] = render_class(name, doc, fields)

    def render(self, title: str, version: str) -> str:
        for name in sorted(self.schemas):
            self.write_class(name, self.schemas[name])
        body = "\n\n".join(self.classes[name] for name in sorted(self.classes))
        names = ",\n".join(f'    "{name}"' for name in sorted(self.classes))
        return (
            f'"""Types of the {title} ({version}), generated from its OpenAPI document.\n\n'
            "Do not edit: run sdk/python/scripts/generate_types.py against a running server.\n"
            '"""\n'
            "from __future__ import annotations\n\n"
            "from typing import Any, Dict, List, Optional, TypedDict  # noqa: F401 (not every module uses each)\n\n"
            f"__all__ = [\n{names},\n]\n\n\n{body}\n"
        )


def render_class(name: str, doc: str, fields: List[Tuple[str, str, bool, str]]) -> str:
    identifiers = all(f[0].isidentifier() and not keyword.iskeyword(f[0]) for f in fields)
    doc_line = doc.replace('"""', "'''").replace("\\", "\\\\")
    if not identifiers:
        # A property that is not a Python name: the functional form keeps it; every field optional.
        items = ", ".join(f'"{f[0]}": {f[1]}' for f in fields)
        return f'{name} = TypedDict("{name}", {{{items}}}, total=False)\n"""{doc_line}"""\n'
    required = [f for f in fields if f[2]]
    optional = [f for f in fields if not f[2]]
    lines: List[str] = []
    # Python 3.9 has no NotRequired: required fields go in a total base class, optional ones in a total=False child.
    if required and optional:
        lines.append(f"class _{name}Required(TypedDict):")
        lines.extend(field_lines(required))
        lines.append("")
        lines.append("")
        lines.append(f"class {name}(_{name}Required, total=False):")
    elif required:
        lines.append(f"class {name}(TypedDict):")
    else:
        lines.append(f"class {name}(TypedDict, total=False):")
    lines.append(f'    """{doc_line}"""')
    lines.append("")
    lines.extend(field_lines(optional if optional else required) if (optional or required) else ["    pass"])
    return "\n".join(lines) + "\n"


def field_lines(fields: List[Tuple[str, str, bool, str]]) -> List[str]:
    out: List[str] = []
    for prop, annotation, _, description in fields:
        if description:
            out.append(f"    # {' '.join(description.split())}")
        out.append(f"    {prop}: {annotation}")
    return out


def generate(base_url: str) -> Dict[Path, str]:
    files: Dict[Path, str] = {}
    for document, module in DOCUMENTS.items():
        spec = fetch_document(base_url, document)
        info = spec.get("info", {})
        writer = ModuleWriter(spec.get("components", {}).get("schemas", {}))
        files[PACKAGE_TYPES / f"{module}.py"] = writer.render(info.get("title", document), info.get("version", ""))
    return files


def main(argv: List[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", required=True, help="a running server, e.g. http://127.0.0.1:8080")
    parser.add_argument("--check", action="store_true", help="compare with the committed modules, write nothing")
    args = parser.parse_args(argv)
    files = generate(args.base_url)
    stale = [path for path, text in files.items() if not path.exists() or path.read_text("utf-8") != text]
    if args.check:
        for path in stale:
            print(f"generate_types: {path.name} differs from what {args.base_url} serves; regenerate it", file=sys.stderr)
        return 1 if stale else 0
    for path, text in files.items():
        path.write_text(text, "utf-8")
    print(f"generate_types: wrote {len(files)} modules ({len(stale)} changed)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
