#!/usr/bin/env python3
"""`qiangqu tag --db` on a small generated registry, through the real binary.

Checks that the JSON counts agree with `tag classify` on the same firms (an independent path
through the same tagger), that a confirmation and a rejection survive re-tagging, that progress
and the summary go to stderr, and that bad input fails clearly without creating a database.

Usage: tag_registry_test.py --qiangqu build/qiangqu --data-dir data
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

FIRMS = 300


def run(qiangqu, *args, stdin=None, ok=True):
    p = subprocess.run([qiangqu, *args], input=stdin, capture_output=True, text=True, encoding='utf-8')
    if ok and p.returncode != 0:
        sys.exit(f'FAIL: qiangqu {" ".join(args)} exited {p.returncode}\n{p.stdout}\n{p.stderr}')
    return p


def check(cond, what):
    if not cond:
        sys.exit(f'FAIL: {what}')
    print(f'ok: {what}')


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--qiangqu', required=True)
    ap.add_argument('--data-dir', required=True)
    a = ap.parse_args()
    q, data = a.qiangqu, ['--data-dir', a.data_dir]

    with tempfile.TemporaryDirectory(prefix='qq-tag-') as tmp:
        db = os.path.join(tmp, 'registry.db')
        gen = os.path.join(tmp, 'gen')
        run(q, 'gen', '--seed', '3', '--enterprises', str(FIRMS), '--months', '0', '--out', gen, *data)
        run(q, 'init', '--db', db, *data)
        firms_tsv = os.path.join(gen, 'firms.tsv')
        run(q, 'import', 'enterprises', '--db', db, firms_tsv, *data)

        # The expected counts: the same firms through `tag classify` (名称, 经营范围, 行业代码).
        rows = [l.split('\t') for l in open(firms_tsv, encoding='utf-8').read().splitlines()[1:]]
        head = open(firms_tsv, encoding='utf-8').readline().rstrip('\n').split('\t')
        uscc_col, name_col = head.index('统一社会信用代码'), head.index('企业名称')
        scope_col, code_col = head.index('经营范围'), head.index('行业代码')
        stdin = ''.join(f'{r[name_col]}\t{r[scope_col]}\t{r[code_col]}\n' for r in rows)
        classified = [json.loads(l) for l in run(q, 'tag', 'classify', *data, stdin=stdin).stdout.splitlines()]
        check(len(classified) == FIRMS, f'classify answers {FIRMS} lines')
        want_tagged = sum(1 for c in classified if c['links'])
        want_links = sum(len(c['links']) for c in classified)
        check(want_tagged > 0, f'{want_tagged} of the generated firms are on a chain')

        p = run(q, 'tag', '--db', db, '--json', *data)
        first = json.loads(p.stdout)
        check(len(p.stdout.strip().splitlines()) == 1, 'stdout is one JSON document')
        check(first['firms'] == FIRMS, f'firms = {first["firms"]}')
        check(first['tagged'] == want_tagged, f'tagged = {first["tagged"]} (classify: {want_tagged})')
        check(first['links'] == want_links, f'links = {first["links"]} (classify: {want_links})')
        check(first['kept_decisions'] == 0, 'no decisions yet')
        check('tag: 100%' in p.stderr, 'progress lines on stderr when it is not a terminal')
        summary = (f'tag: {FIRMS} firms, {want_tagged} tagged, {want_links} links, 0 kept decisions, ')
        check(summary in p.stderr, 'summary line on stderr')

        # A chief rejects a tagged firm's first link and confirms an untagged firm on it.
        tagged = next(k for k, c in enumerate(classified) if c['links'])
        untagged = next(k for k, c in enumerate(classified) if not c['links'])
        link = classified[tagged]['links'][0]
        a, b = rows[tagged][uscc_col], rows[untagged][uscc_col]
        run(q, 'chain', 'reject', a, '--chain', link['chain'], '--link', link['key'], '--note', '只做贸易', '--json', '--db', db, *data)
        run(q, 'chain', 'confirm', b, '--chain', link['chain'], '--link', link['key'], '--json', '--db', db, *data)

        again = json.loads(run(q, 'tag', '--db', db, '--json', *data).stdout)
        check(again['kept_decisions'] == 2, f'kept_decisions = {again["kept_decisions"]}')
        check((again['firms'], again['tagged'], again['links']) == (first['firms'], first['tagged'], first['links']),
              're-tagging gives the same counts')

        def status_of(uscc):
            tags = json.loads(run(q, 'chain', 'tags', uscc, '--json', '--db', db, *data).stdout)['tags']
            return {f'{t["chain"]}/{t["link"]}': t['status'] for t in tags}

        key = f'{link["chain"]}/{link["key"]}'
        check(status_of(a).get(key) == 'rejected', f'{a} stays rejected on {key}')
        check(status_of(b).get(key) == 'confirmed', f'{b} stays confirmed on {key}')

        # Bad input: a clear error, a non-zero exit, one JSON document with --json, no file created.
        p = run(q, 'tag', '--json', *data, ok=False)
        check(p.returncode != 0 and '--db' in json.loads(p.stdout)['error']['message'], 'missing --db is refused')
        missing = os.path.join(tmp, 'missing.db')
        p = run(q, 'tag', '--db', missing, *data, ok=False)
        check(p.returncode != 0 and 'does not exist' in p.stderr and not os.path.exists(missing),
              'a database that does not exist is refused and not created')
    print('tag_registry_test: all passed')


if __name__ == '__main__':
    main()
