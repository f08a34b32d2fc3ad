#!/usr/bin/env python3
"""Checks every shipped rule file against schema/checkin-rule.schema.json with
independent tools: Python's jsonschema (Draft 2020-12) and ruamel.yaml reading
YAML 1.2. Editors use the schema file, not our Rust code, so it must accept
what we ship on its own. Run by .ci/run; usage: check-schema-independent.py [PATH...]
"""
import json
import pathlib
import sys

import jsonschema
from ruamel.yaml import YAML

root = pathlib.Path(__file__).resolve().parent.parent
schema = json.loads((root / "schema" / "checkin-rule.schema.json").read_text(encoding="utf-8"))
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
yaml = YAML(typ="safe", pure=True)
yaml.version = (1, 2)

paths = [pathlib.Path(p) for p in sys.argv[1:]] or [root / "rules", root / "examples" / "rules"]
files = []
for p in paths:
    files += [p] if p.is_file() else sorted(f for f in p.rglob("*") if f.suffix in (".yaml", ".yml", ".json"))

failures = 0
documents = 0
for f in files:
    text = f.read_text(encoding="utf-8")
    docs = [json.loads(text)] if f.suffix == ".json" else [d for d in yaml.load_all(text) if d is not None]
    for doc in docs:
        documents += 1
        for err in validator.iter_errors(doc):
            failures += 1
            print(f"{f}: {err.json_path}: {err.message}")
print(f"{documents} passed, {failures} failed: independent JSON Schema check of {len(files)} files")
sys.exit(1 if failures or not documents else 0)
