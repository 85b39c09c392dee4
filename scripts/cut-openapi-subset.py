#!/usr/bin/env python3
"""Cuts the part of a provider's official OpenAPI file that a KeyDeck driver calls, for Prism.

Keeps only the named operations and the components they reach through $ref, drops descriptive prose
(description, summary, tags, externalDocs, x-oaiMeta and similar) and puts the server's base path in
front of every path, so Prism answers at the same URLs as the provider. Where an operation has no
response example but OpenAI's x-oaiMeta carries the documented response, that JSON becomes the
response's example (Prism answers from examples in static mode).

Usage (the exact commands are in each subset's header):
  scripts/cut-openapi-subset.py SOURCE.yaml OUT.yaml --repo OWNER/NAME --commit SHA --source-path PATH \
      --prefix /v1 --op 'get /organization/admin_api_keys' --op ...
Needs PyYAML (Debian: python3-yaml).
"""
import argparse
import copy
import json
import sys

import yaml

PROSE = {"description", "summary", "tags", "externalDocs", "x-oaiMeta", "x-speakeasy-name-override",
         "x-speakeasy-pagination", "x-speakeasy-group", "x-stainless-const", "x-oaiTypeLabel",
         "x-oaiExpandable", "x-oaiMeta", "x-stainless-naming", "deprecated"}
DATA = {"example", "examples", "default", "const", "enum", "x-example"}
MAP_OF_NAMES = {"properties", "patternProperties", "schemas", "responses", "parameters", "securitySchemes",
                "examples", "headers", "requestBodies", "paths", "content", "mapping"}


def strip(node, parent_key=None):
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            if parent_key not in MAP_OF_NAMES and key in PROSE:
                continue
                continue
            # examples, defaults and enums are data, not prose: a "description" inside them is a field
            out[key] = value if key in DATA else strip(value, key)
        return out
    if isinstance(node, list):
        return [strip(item, parent_key if parent_key in ("allOf", "anyOf", "oneOf") else None) for item in node]
    return node


def refs(node, found):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str) and value.startswith("#/components/"):
                found.add(value)
            else:
                refs(value, found)
    elif isinstance(node, list):
        for item in node:
            refs(item, found)


def resolve(spec, ref):
    node = spec
    for part in ref[2:].split("/"):
        node = node[part.replace("~1", "/").replace("~0", "~")]
    return node


def documented_example(operation):
    """OpenAI keeps the documented answer as text in x-oaiMeta.examples.response."""
    examples = operation.get("x-oaiMeta", {}).get("examples")
    if isinstance(examples, list):
        examples = examples[0] if examples else None
    if not isinstance(examples, dict):
        return None
    text = examples.get("response")
    if not isinstance(text, str):
        return None
    try:
        return json.loads(text)
    except ValueError:
        return None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("source")
    parser.add_argument("out")
    parser.add_argument("--repo", required=True)
    parser.add_argument("--commit", required=True)
    parser.add_argument("--source-path", required=True)
    parser.add_argument("--prefix", default="")
    parser.add_argument("--op", action="append", required=True, help="'method /path' as in the source")
    args = parser.parse_args()

    with open(args.source, encoding="utf-8") as f:
        spec = yaml.load(f, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))

    paths = {}
    for op in args.op:
        method, path = op.split(" ", 1)
        method = method.lower()
        operation = copy.deepcopy(spec["paths"][path][method])
        example = documented_example(operation)
        ok = next((code for code in ("200", "201") if code in operation.get("responses", {})), None)
        if example is not None and ok is not None:
            media = operation["responses"][ok].get("content", {}).get("application/json")
            if media is not None and "example" not in media and "examples" not in media:
                media["example"] = example
        item = paths.setdefault(args.prefix + path, {})
        shared = spec["paths"][path].get("parameters")
        if shared and "parameters" not in item:
            item["parameters"] = copy.deepcopy(shared)
        item[method] = operation

    cut = {"openapi": spec["openapi"], "info": {"title": spec["info"]["title"] + " (KeyDeck subset)",
                                               "version": spec["info"]["version"]},
           "paths": paths}
    if "security" in spec:
        cut["security"] = spec["security"]
    found, done = set(), set()
    refs(paths, found)
    schemes = spec.get("components", {}).get("securitySchemes", {})
    components = {"securitySchemes": copy.deepcopy(schemes)} if schemes else {}
    while found - done:
        ref = sorted(found - done)[0]
        done.add(ref)
        target = resolve(spec, ref)
        _, _, kind, name = ref.split("/", 3)
        components.setdefault(kind, {})[name.replace("~1", "/").replace("~0", "~")] = copy.deepcopy(target)
        refs(target, found)
    cut["components"] = components
    cut = strip(cut)

    command = ("scripts/cut-openapi-subset.py <" + args.source_path + " at " + args.commit + "> " + args.out
               + " --repo " + args.repo + " --commit " + args.commit + " --source-path " + args.source_path
               + (" --prefix " + args.prefix if args.prefix else "")
               + "".join(" --op '" + op + "'" for op in args.op))
    header = ("# Cut from github.com/" + args.repo + " " + args.source_path + " at commit " + args.commit + ".\n"
              "# Only the operations KeyDeck's driver calls and the components they reach; prose removed;\n"
              "# paths prefixed with the server's base path. Do not edit by hand: recut with\n# " + command + "\n")
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(header)
        yaml.safe_dump(cut, f, sort_keys=False, allow_unicode=True, width=120)
    print(f"{args.out}: {len(paths)} paths, {sum(len(v) for v in components.values())} components", file=sys.stderr)


if __name__ == "__main__":
    main()
