#!/usr/bin/env bash
# Checks that the kernel models and the harnesses' C parts are valid GNU C
# (syntax and types only) with GCC and tools/gcc-shim.h. Needs gcc and python3.
# Usage: examples/kernel/tools/syntax-check.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
flags=(-std=gnu11 -fsyntax-only -Wall -Wno-unused-function -Wno-unused-variable
       -Wno-unused-but-set-variable -include "$here/tools/gcc-shim.h")
status=0
for f in "$here"/*.c; do
	gcc "${flags[@]}" "$f" || { echo "FAIL $f"; status=1; }
done
# A harness becomes C: drop the name line, the (* *) comment and the
# condition; the top-level init block becomes a function; Pn(void) gets a type.
for h in "$here"/harness/*.litmus; do
	python3 - "$h" > "$tmp/harness.c" <<'PY'
import re, sys
text = open(sys.argv[1]).read().split('\n', 1)[1]
text = re.sub(r'\(\*.*?\*\)', '', text, count=1, flags=re.S)
out = []
for line in text.split('\n'):
    if re.match(r'^(~?exists|forall)\b', line):
        continue
    previous = [l for l in out if l.strip()]
    if line == '{' and not (previous and previous[-1].rstrip().endswith(')')):
        line = 'static void harness_init(void) {'
    line = re.sub(r'^P(\d+)\(void\)$', r'void P\1(void)', line)
    out.append(line)
print('\n'.join(out))
PY
	(cd "$here/harness" && gcc "${flags[@]}" -I. "$tmp/harness.c") || { echo "FAIL $h"; status=1; }
done
[ $status -eq 0 ] && echo "all models and harnesses compile"
exit $status
