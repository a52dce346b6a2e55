#!/usr/bin/python3
"""Benchmark peers for the chain tagger (bench/tagger/run): the same dictionary (every keyword
form the tagger compiles, exported by tagger_bench --export-dict) looked up in the 经营范围 of
the first firms of a `qiangqu gen` firms.tsv, end to end on one core: reading the file, splitting
records, finding the terms, collecting the hits.

  python3 peers.py --dict dict.txt --firms first200k.tsv

Peers: Debian's python3-ahocorasick (an Aho-Corasick automaton in C) and python3-jieba (segment
the text with the dictionary added as user words, then look every token up in the dictionary).
Prints one line per peer and a machine-readable `peer_mbps NAME=X` line. Times are CPU seconds of
this process (time.process_time), like tagger_bench's, so that load from other processes does
not count.
"""
import argparse
import logging
import sys
import time


def scopes(path):
    """Yields (line bytes, scope) for every record after the header."""
    with open(path, "rb") as f:
        next(f, None)
        for raw in f:
            fields = raw.decode("utf-8").rstrip("\n").split("\t")
            yield len(raw), (fields[7] if len(fields) > 7 else "")


def report(name, firms, nbytes, secs, hits):
    mbps = nbytes / 1e6 / secs
    print(f"{name}: {firms} firms, {nbytes / 1e6:.1f} MB in {secs:.2f} s CPU on 1 thread: "
          f"{mbps:.2f} MB/s per core, {firms / secs:.0f} firms/s ({hits} term hits)")
    print(f"peer_mbps {name}={mbps:.6f}")
    sys.stdout.flush()


def run_ahocorasick(words, path):
    import ahocorasick
    automaton = ahocorasick.Automaton()
    for i, w in enumerate(words):
        automaton.add_word(w, i)
    automaton.make_automaton()
    start = time.process_time()
    firms = nbytes = hits = 0
    for size, scope in scopes(path):
        found = [value for _end, value in automaton.iter(scope)]
        hits += len(found)
        firms += 1
        nbytes += size
    report("python3-ahocorasick", firms, nbytes, time.process_time() - start, hits)


def run_jieba(words, path, dict_path):
    import jieba
    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    jieba.load_userdict(dict_path)
    vocabulary = set(words)
    start = time.process_time()
    firms = nbytes = hits = 0
    for size, scope in scopes(path):
        found = [tok for tok in jieba.cut(scope, HMM=False) if tok in vocabulary]
        hits += len(found)
        firms += 1
        nbytes += size
    report("python3-jieba", firms, nbytes, time.process_time() - start, hits)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dict", required=True, help="one term per line (tagger_bench --export-dict)")
    ap.add_argument("--firms", required=True, help="a qiangqu gen firms.tsv (or its first lines)")
    args = ap.parse_args()
    with open(args.dict, encoding="utf-8") as f:
        words = [w.strip() for w in f if w.strip()]
    run_ahocorasick(words, args.firms)
    run_jieba(words, args.firms, args.dict)


if __name__ == "__main__":
    main()
