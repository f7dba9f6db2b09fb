#!/usr/bin/env python3
"""Drafts a record for src/rules/secrets.rules and prints it.

The rules file is hand-edited; this only saves typing for a new rule.
Paste the output into the file, read it, fill in `source`, and run the
tests: tests/rules.rs prints the `window` to write (the draft says 0).

Usage:
  python3 scripts/gen-secrets.py ID TYPE PATTERN -k KEYWORD [-k ...]
      [--hit TEMPLATE]... [--miss TEMPLATE]... [--score 0.9]
  python3 scripts/gen-secrets.py ID TYPE VALUE_PATTERN -k NAME [-k ...]
      --context --value TEMPLATE

PATTERN reports group 1. With --context, the pattern is the value alone
and the keywords are the provider names the rule looks for before an
assignment (`template context`); the examples default to the usual
assignments of `--value`.

Example templates: `{A36}` expands to 36 characters drawn
deterministically (seeded by the rule id) from class A. Classes:
  A [A-Za-z0-9]  a [a-z0-9]  h [a-f0-9]  H [A-F0-9]  U [A-Z0-9]  L [a-z]
  M [A-Za-z]  u [A-Za-z0-9_-] (alnum at both ends)  B [A-Za-z0-9+/]
  d [0-9]  Z [A-Z2-7]  z [a-z2-7]
Mixed classes always get at least one digit and one letter, so values pass
the token-shape checks. Expanded examples are synthetic: the right shape,
never issued.

The validator is a guess: `prefixed` (and no entropy floor) when the
pattern starts with `\b(` and a literal vendor prefix of four or more
characters with a separator, or six or more; `token` otherwise. See the
header of src/rules/secrets.rules for the others.
"""
import argparse, random, re

CLASSES = {
    'A': 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789',
    'a': 'abcdefghijklmnopqrstuvwxyz0123456789',
    'h': '0123456789abcdef', 'H': '0123456789ABCDEF',
    'U': 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
    'L': 'abcdefghijklmnopqrstuvwxyz', 'M': 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
    'u': 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-',
    'B': 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/',
    'd': '0123456789', 'Z': 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 'z': 'abcdefghijklmnopqrstuvwxyz234567',
}
MIXED = set('AahHUuBZz')

def gen(rng, cls, n):
    al = CLASSES[cls]
    while True:
        s = ''.join(rng.choice(al) for _ in range(n))
        if cls == 'u':
            inner = CLASSES['A']
            s = rng.choice(inner) + s[1:-1] + rng.choice(inner) if n > 2 else s
        if cls in MIXED and n >= 4:
            if not any(c.isdigit() for c in s) or not any(c.isalpha() for c in s):
                continue
            if cls in 'AuB' and not (any(c.isupper() for c in s) and any(c.islower() for c in s)):
                continue
        low = s.lower()
        if any(w in low for w in ('xxxx', 'fake', 'test', 'example', 'dummy', 'sample', '0000', '1234', 'abcd')):
            continue
        return s

def expand(rid, tpl, salt=0):
    rng = random.Random(f'{rid}/{salt}')
    return re.sub(r'\{([A-Za-z])(\d+)\}', lambda m: gen(rng, m.group(1), int(m.group(2))), tpl)


def expand(rid, tpl, salt=0):
    rng = random.Random(f'{rid}/{salt}')
    return re.sub(r'\{([A-Za-z])(\d+)\}', lambda m: gen(rng, m.group(1), int(m.group(2))), tpl)

def literal_prefix(pat):
    """The literal characters a `\\b(`-anchored pattern starts with."""
    m = re.match(r'\\b\(((?:[A-Za-z0-9_]|\\[-.]|-)+)', pat)
    return m.group(1).replace('\\', '') if m else ''

def self_identifying(pat):
    """A vendor prefix that ordinary text does not contain: four or more
    characters with a separator (`pgar_`, `BBDC-`, `sk-ant-`), or six or
    more (`GR1348941`)."""
    p = literal_prefix(pat)
    return (len(p) >= 4 and any(c in p for c in '_-.')) or len(p) >= 6

def example_lines(key, text):
    first, *rest = text.split('\n')
    yield f'{key} {first}' if first else key
    for line in rest:
        yield f'| {line}' if line else '|'

def kw(k):
    return f'"{k}"' if ' ' in k else k

def main():
    ap = argparse.ArgumentParser(description='Drafts a secrets.rules record.')
    ap.add_argument('id')
    ap.add_argument('type')
    ap.add_argument('pattern')
    ap.add_argument('-k', '--keyword', action='append', default=[], required=True)
    ap.add_argument('--context', action='store_true')
    ap.add_argument('--value', help='example value template (--context)')
    ap.add_argument('--hit', action='append', default=[])
    ap.add_argument('--miss', action='append', default=[])
    ap.add_argument('--score', default=None)
    a = ap.parse_args()
    keywords = [k.lower() for k in a.keyword]
    hits, misses = a.hit, a.miss
    if a.context:
        name = keywords[0]
        if a.value:
            hits = hits or [f'{name}_api_key = "{a.value}"', f'{name} token: {a.value}']
        misses = misses or [f'{name}_api_key = "ab12"', f'{name} key: <your-key>']
        validator, entropy, score = 'token', '3.0', a.score or '0.92'
    elif self_identifying(a.pattern):
        validator, entropy, score = 'prefixed', '0.0', a.score or '0.95'
    else:
        validator, entropy, score = 'token', '3.0', a.score or '0.9'
    out = [f'[{a.id}]', f'type {a.type}', 'keywords ' + ' '.join(kw(k) for k in keywords)]
    if a.context:
        out.append('template context')
    out += [f'validator {validator}', f'min_entropy {entropy}', f'score {score}',
            'window 0', f'pattern {a.pattern}']
    for i, h in enumerate(hits or ['TODO']):
        out += example_lines('hit', expand(a.id, h, i) if i else expand(a.id, h))
    for m in misses or ['no secret here']:
        out += example_lines('miss', expand(a.id, m, 1))
    out.append('source')
    print('\n'.join(out))

if __name__ == '__main__':
    main()
