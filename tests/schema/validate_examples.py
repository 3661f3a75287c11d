#!/usr/bin/env python3
"""Validates the example workspaces and the code tables against schemas/json/*.schema.json.

Usage: validate_examples.py REPO_ROOT

Every examples/*/tongxin.yaml, examples/*/communities/*.yaml, examples/*/standards/*.yaml,
examples/*/plans/*.yaml and schemas/codes/*.yaml must pass its schema. Every file in
tests/schema/bad/, named <kind>-<what>.yaml with kind one of workspace, community, standard,
plan, code-table, waivers, manual-results, must FAIL its schema. Example waivers.yaml and
audits/*/manual.yaml files must pass theirs. The schemas' code lists must match schemas/codes/.

JSON documents tongxin writes are checked too: for each of audit and report,
tests/unit/data/<kind>_sample.json (the sample its renderers are tested on) and every
tests/e2e/cases/<kind>_*/expected_stdout that is one JSON document must pass <kind>.schema.json;
every tests/schema/bad/<kind>-<what>.json must fail it.

Prints "ok FILE" or "FAIL FILE: reason" per file, then "N passed, M failed"; exits 1 when
anything failed. Needs python3-yaml and python3-jsonschema (Debian packages).
"""

import json
import re
import sys
from pathlib import Path

import jsonschema
import yaml

KINDS = ("workspace", "community", "standard", "plan", "code-table", "waivers", "manual-results")
# Schemas of JSON that tongxin writes (not YAML that people write).
OUTPUT_KINDS = ("audit", "report")


class Loader(yaml.SafeLoader):
    """Reads YAML the way the C++ loader (yaml-cpp) sees it.

    Timestamps stay strings (the C++ loader parses dates itself, and 2011-13-45 must reach the
    schema as a bad date, not break the YAML load). Only true/false are booleans (yes/no/on/off are
    strings, as in YAML 1.2 and in yaml-cpp's reader). Integers are plain decimal digits.
    """


Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers
            if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool",
                           "tag:yaml.org,2002:int")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|false)$"), list("tf"))
Loader.add_implicit_resolver("tag:yaml.org,2002:int", re.compile(r"^-?[0-9]+$"),
                             list("-0123456789"))
Loader.add_constructor("tag:yaml.org,2002:int",
                       lambda loader, node: int(loader.construct_scalar(node), 10))


def output_documents(root, kind):
    """The JSON documents of `kind` (audit, report) that tongxin writes and the tests keep: the
    renderers' sample (tests/unit/data/<kind>_sample.json) and the JSON goldens of <kind>_* cases."""
    found = [root / "tests" / "unit" / "data" / f"{kind}_sample.json"]
    for stdout in sorted((root / "tests" / "e2e" / "cases").glob(f"{kind}_*/expected_stdout")):
        if stdout.read_text(encoding="utf-8").lstrip().startswith("{"):
            found.append(stdout)
    return found


def load_document(path):
    if path.suffix == ".json" or path.name == "expected_stdout":
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    return load_yaml(path)


def load_yaml(path):
    with open(path, encoding="utf-8") as f:
        return yaml.load(f, Loader=Loader)


def describe(error):
    where = "/".join(str(p) for p in error.absolute_path) or "(root)"
    return f"{where}: {error.message}"


def problems(validator, document):
    """Distinct problems, one per place in the document (a bad date fails pattern and format)."""
    seen = {}
    for error in sorted(validator.iter_errors(document), key=lambda e: list(map(str, e.absolute_path))):
        seen.setdefault(tuple(map(str, error.absolute_path)), describe(error))
    return list(seen.values())


def schema_enum(schema, *path):
    node = schema
    for key in path:
        node = node[key]
    return node["enum"]


def table_codes(root, table, keep=lambda e: True):
    return [e["code"] for e in load_yaml(root / "schemas" / "codes" / f"{table}.yaml")["entries"]
            if keep(e)]


def drift(root, schemas):
    """Code lists copied into the schemas that no longer match schemas/codes/."""
    community, plan = schemas["community"], schemas["plan"]
    org = community["properties"]["organisation"]["properties"]
    checks = [
        ("community: institutions.code", schema_enum(community, "properties", "institutions", "items",
                                                     "properties", "code"),
         table_codes(root, "institutions")),
        ("community: wall_displays.code", schema_enum(community, "properties", "wall_displays", "items",
                                                      "properties", "code"),
         table_codes(root, "wall_displays")),
        ("community: friendship_groups.category", org["friendship_groups"]["items"]["properties"]["category"]["enum"],
         table_codes(root, "categories", lambda e: not e.get("legacy"))),
        ("plan: duties.type", plan["properties"]["duties"]["items"]["properties"]["type"]["enum"],
         table_codes(root, "activity_types")),
        ("plan: rule.festival", schema_enum(plan, "$defs", "rule", "properties", "festival"),
         table_codes(root, "festivals")),
        ("plan: festival_overrides", plan["properties"]["festival_overrides"]["propertyNames"]["anyOf"][1]["enum"],
         table_codes(root, "festivals")),
    ]
    return [f"{name} lists {sorted(got)}, code table has {sorted(want)}"
            for name, got, want in checks if sorted(got) != sorted(want)]


def main(argv):
    if len(argv) != 2:
        print("usage: validate_examples.py REPO_ROOT", file=sys.stderr)
        return 2
    root = Path(argv[1]).resolve()
    passed = failed = 0

    def ok(name, note=""):
        nonlocal passed
        passed += 1
        print(f"ok {name}{note}")

    def fail(name, reason):
        nonlocal failed
        failed += 1
        print(f"FAIL {name}: {reason}")

    validators = {}
    schemas = {}
    for kind in KINDS + OUTPUT_KINDS:
        path = root / "schemas" / "json" / f"{kind}.schema.json"
        name = str(path.relative_to(root))
        try:
            with open(path, encoding="utf-8") as f:
                schema = json.load(f)
            jsonschema.Draft202012Validator.check_schema(schema)
        except (OSError, ValueError, jsonschema.SchemaError) as e:
            fail(name, str(e).splitlines()[0])
            continue
        schemas[kind] = schema
        validators[kind] = jsonschema.Draft202012Validator(
            schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
        ok(name)

    if "community" in schemas and "plan" in schemas:
        name = "schemas/json (code lists)"
        try:
            stale = drift(root, schemas)
        except (OSError, KeyError, yaml.YAMLError) as e:
            stale = [f"cannot compare: {e!r}"]
        if stale:
            fail(name, "; ".join(stale))
        else:
            ok(name)

    good = [("workspace", p) for p in sorted(root.glob("examples/*/tongxin.yaml"))]
    good += [("community", p) for p in sorted(root.glob("examples/*/communities/*.yaml"))]
    good += [("standard", p) for p in sorted(root.glob("examples/*/standards/*.yaml"))]
    good += [("plan", p) for p in sorted(root.glob("examples/*/plans/*.yaml"))]
    good += [("code-table", p) for p in sorted(root.glob("schemas/codes/*.yaml"))]
    good += [("waivers", p) for p in sorted(root.glob("examples/*/waivers.yaml"))]
    good += [("manual-results", p) for p in sorted(root.glob("examples/*/audits/*/manual.yaml"))]
    good += [(kind, p) for kind in OUTPUT_KINDS for p in output_documents(root, kind)]
    bad = sorted((root / "tests" / "schema" / "bad").glob("*.yaml"))
    bad += sorted((root / "tests" / "schema" / "bad").glob("*.json"))
    if not good:
        fail("examples", "no example files found")
    if not bad:
        fail("tests/schema/bad", "no bad fixtures found")

    for kind, path in good:
        name = str(path.relative_to(root))
        if kind not in validators:
            fail(name, f"no usable {kind} schema")
            continue
        try:
            document = load_document(path)
        except (yaml.YAMLError, ValueError, OSError) as e:
            fail(name, f"not valid YAML or JSON: {e}".replace("\n", " "))
            continue
        found = problems(validators[kind], document)
        if found:
            fail(name, "; ".join(found))
        else:
            ok(name)

    for path in bad:
        name = str(path.relative_to(root))
        kind = next((k for k in sorted(KINDS + OUTPUT_KINDS, key=len, reverse=True) if path.name.startswith(k + "-")), None)
        if kind is None:
            fail(name, f"name must start with one of {', '.join(k + '-' for k in KINDS)}")
            continue
        if kind not in validators:
            fail(name, f"no usable {kind} schema")
            continue
        try:
            document = load_document(path)
        except (yaml.YAMLError, ValueError) as e:
            fail(name, f"not valid YAML or JSON (a bad fixture must fail the schema, not the parser): {e}".replace("\n", " "))
            continue
        found = problems(validators[kind], document)
        if found:
            ok(name, f" (rejected as expected: {'; '.join(found)})")
        else:
            fail(name, f"accepted by the {kind} schema, but it is a bad fixture and must be rejected")

    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
