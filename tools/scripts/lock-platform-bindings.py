#!/usr/bin/env python3
"""Adds lock entries for optional native bindings that `npm install` left out of package-lock.json.

The npm registry reachable from our build machines lacks some platform builds of unrs-resolver
(a Jest dependency), so `npm install` silently drops them from the lock file and `npm ci` then
refuses the lock as out of sync. Each entry carries its os/cpu, so npm skips it on other platforms
without fetching it. Run after `npm install` whenever the lock file is regenerated.
"""
import json
import re
import sys

PLATFORM = re.compile(r'-(android|darwin|freebsd|linux|openharmony|win32)-(arm64|arm|x64|ia32|loong64|ppc64|riscv64|s390x)')
path = sys.argv[1] if len(sys.argv) > 1 else 'package-lock.json'
lock = json.load(open(path))
packages = lock['packages']
added = []
for owner, meta in list(packages.items()):
    for dep, version in (meta.get('optionalDependencies') or {}).items():
        key = f'node_modules/{dep}'
        if key in packages or f'{owner}/node_modules/{dep}' in packages:
            continue
        match = PLATFORM.search(dep)
        if not match:
            sys.exit(f'{dep} is missing from the lock file and is not a platform binding: run npm install again')
        entry = {'version': version, 'cpu': [match.group(2)], 'dev': meta.get('dev', False), 'license': 'MIT',
                 'optional': True, 'os': [match.group(1)]}
        if not entry['dev']:
            del entry['dev']
        packages[key] = entry
        added.append(dep)
lock['packages'] = dict(sorted(packages.items(), key=lambda kv: (kv[0] != '', kv[0])))
json.dump(lock, open(path, 'w'), indent=2, ensure_ascii=False)
open(path, 'a').write('\n')
print(f'added {len(added)} platform binding(s) to {path}')
