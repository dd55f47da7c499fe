#!/usr/bin/env python3
"""Packs and unpacks the fuzz seed archives, corpus/fuzz/<harness>_seed_corpus.zip (OSS-Fuzz's
layout: .clusterfuzzlite/build.sh copies each as $OUT/fuzz_<harness>_seed_corpus.zip).

    seed_archive.py unpack ZIP DIR [--missing-ok]   DIR emptied, then ZIP's files in it
    seed_archive.py pack DIR ZIP                    ZIP rewritten from DIR's files
    seed_archive.py count ZIP                       number of files in ZIP

An archive is flat: one file per seed, no directories. Packing is deterministic (names sorted,
fixed date, mode and compression), so packing an unchanged set of seeds gives a byte-identical
archive; ZIP is then not even rewritten, and git sees no change. Used by scripts/fuzz.sh and
scripts/oss-fuzz-check.sh; ctest extracts the archives itself (fuzz/replay.cmake)."""
import os
import pathlib
import shutil
import sys
import zipfile

DATE = (1980, 1, 1, 0, 0, 0)  # the earliest date a zip can hold
MODE = 0o100644  # regular file, rw-r--r--


def flat_name(name):
    if not name or "/" in name or "\\" in name or name in (".", ".."):
        sys.exit(f"seed_archive: {name!r}: an archive holds plain file names only")
    return name


def unpack(archive, directory, missing_ok=False):
    archive, directory = pathlib.Path(archive), pathlib.Path(directory)
    if directory.exists():
        shutil.rmtree(directory)
    directory.mkdir(parents=True)
    if not archive.exists() and missing_ok:
        print(f"{archive}: not there, {directory} is empty")
        return
    with zipfile.ZipFile(archive) as z:
        names = z.namelist()
        for name in names:
            (directory / flat_name(name)).write_bytes(z.read(name))
    print(f"{archive}: {len(names)} seeds unpacked to {directory}")


def pack(directory, archive):
    directory, archive = pathlib.Path(directory), pathlib.Path(archive)
    files = sorted(directory.iterdir(), key=lambda p: p.name)
    for p in files:
        if not p.is_file() or p.is_symlink():
            sys.exit(f"seed_archive: {p}: not a regular file; an archive is flat")
    tmp = archive.with_name(archive.name + ".tmp")
    with zipfile.ZipFile(tmp, "w") as z:
        for p in files:
            info = zipfile.ZipInfo(flat_name(p.name), date_time=DATE)
            info.create_system = 3  # Unix, so that external_attr is read as a mode
            info.external_attr = MODE << 16
            z.writestr(info, p.read_bytes(), compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
    if archive.exists() and archive.read_bytes() == tmp.read_bytes():
        tmp.unlink()
        state = "unchanged"
    else:
        os.replace(tmp, archive)
        state = "written"
    print(f"{archive}: {len(files)} seeds, {archive.stat().st_size} bytes ({state})")


def count(archive):
    with zipfile.ZipFile(archive) as z:
        print(len(z.namelist()))


def main(argv):
    args = [a for a in argv if a != "--missing-ok"]
    if len(args) == 3 and args[0] == "unpack":
        unpack(args[1], args[2], missing_ok="--missing-ok" in argv)
    elif len(args) == 3 and args[0] == "pack" and "--missing-ok" not in argv:
        pack(args[1], args[2])
    elif len(args) == 2 and args[0] == "count" and "--missing-ok" not in argv:
        count(args[1])
    else:
        sys.exit(__doc__.split("\n\n")[1])


if __name__ == "__main__":
    main(sys.argv[1:])
