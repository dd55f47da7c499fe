#!/usr/bin/env python3
"""Seeds for the harnesses whose input is a program of choices rather than IMAP bytes
(fuzz_ast_roundtrip, fuzz_serializer_injection): reproducible pseudo-random byte strings, every
setup byte value included, so the first runs already reach every shape and option.

Usage: make_random_seeds.py DIR; writes DIR/<harness>/seed-random-*, replacing the old ones
(scripts/fuzz.sh seeds passes the unpacked seed archives, build/fuzz/seeds/)."""
import pathlib
import random
import sys

out = pathlib.Path(sys.argv[1])
for harness in ("ast_roundtrip", "serializer_injection"):
    rng = random.Random(f"imapkit-{harness}")
    d = out / harness
    d.mkdir(parents=True, exist_ok=True)
    for old in d.glob("seed-random-*"):
        old.unlink()
    for i in range(96):
        size = rng.choice([8, 32, 128, 512, 2048])
        body = bytes(rng.randrange(256) for _ in range(size))
        # ast_roundtrip: the first byte is the setup (side, invalid values, options);
        # serializer_injection: the first byte's low bit is the side, the second the options.
        (d / f"seed-random-{i:03d}").write_bytes(bytes([i % 128]) + body)
