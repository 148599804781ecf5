"""Scale: the speed-up of ``--jobs 2`` over one process, and peak memory on a million contacts.

    PYTHONPATH=. python benchmarks/scale.py                       # 10,000 for speed, 100k + 1M for memory
    PYTHONPATH=. python benchmarks/scale.py --speed-n 4000 --memory-n 20000 200000   # quicker

1. Speed: N synthetic contacts (benchmarks/synth.py, 10-40 turns) scored by the whole path
   (``iter_contacts -> start_run -> jsonl to /dev/null``) with jobs=1 and then jobs=2, in this
   process, one after the other; the ratio is the speed-up. The two outputs are compared by
   sha256: they must be identical.
2. Memory: short contacts (the first 4 turns of each synthetic contact, so a million fit in
   a few minutes) scored with ``--jobs 2`` in a fresh child process, for each size given.
   The child reports its own peak RSS (VmHWM after the warm-up, see throughput.py) and the
   largest worker's (RUSAGE_CHILDREN). Memory should not grow with the file.
Writes the ``scale`` section of benchmarks/RESULTS.md unless ``--no-write``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import common  # noqa: E402  (puts the repo on sys.path)
import synth  # noqa: E402
from throughput import _proc_status_kb, _reset_peak  # noqa: E402

SEED = 20261123


class _Hashing:
    """A text sink that keeps only the sha256 of what was written."""

    def __init__(self) -> None:
        self.digest = hashlib.sha256()

    def write(self, text: str) -> int:
        self.digest.update(text.encode("utf-8"))
        return len(text)

    def flush(self) -> None:
        pass


def score(path: str, compiled, jobs: int) -> tuple[float, str, int]:
    from sqaudit.formatters import FORMATS
    from sqaudit.parsers import iter_contacts
    from sqaudit.run import start_run

    sink = _Hashing()
    began = time.perf_counter()
    run = start_run(iter_contacts([path]), compiled, jobs=jobs)
    FORMATS["jsonl"].write(run, sink)  # type: ignore[arg-type]
    return time.perf_counter() - began, sink.digest.hexdigest(), run.summary().contacts


def write_short(path: str, n: int) -> None:
    rng = random.Random(SEED)
    with open(path, "w", encoding="utf-8") as out:
        for i in range(n):
            contact = synth.make_contact(i, rng)
            contact["turns"] = contact["turns"][:4]  # type: ignore[index]
            out.write(json.dumps(contact, ensure_ascii=False) + "\n")


def child_main(path: str) -> int:
    compiled, problem = common.load_builtin("servqual")
    from sqaudit.text import detect_language, normalize

    normalize("您好，請問")
    detect_language("您好，請問")
    _reset_peak()
    seconds, _, contacts = score(path, compiled, jobs=2)
    print(json.dumps({"contacts": contacts, "seconds": seconds, "parent_hwm_kb": _proc_status_kb("VmHWM"),
                      "worker_maxrss_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}))
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--speed-n", type=int, default=10_000)
    parser.add_argument("--memory-n", type=int, nargs="*", default=[100_000, 1_000_000])
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child_main(args.child)
    compiled, problem = common.load_builtin("servqual")
    lines = [common.provenance(), ""]
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "speed.jsonl")
        with open(path, "w", encoding="utf-8") as out:
            synth.write_jsonl(out, args.speed_n, SEED)
        one, digest_one, n = score(path, compiled, 1)
        two, digest_two, _ = score(path, compiled, 2)
        same = "identical" if digest_one == digest_two else "DIFFERENT"
        speed = (f"Speed, {n:,} contacts (10-40 turns), servqual, jsonl output: jobs=1 {one:.1f} s "
                 f"({n / one:,.0f}/s), jobs=2 {two:.1f} s ({n / two:,.0f}/s): speed-up {one / two:.2f}x; "
                 f"outputs {same} (sha256).")
        print(speed)
        lines += [speed, ""]
        rows = []
        for size in args.memory_n:
            short = os.path.join(tmp, f"short-{size}.jsonl")
            write_short(short, size)
            mb = os.path.getsize(short) / 1e6
            done = subprocess.run([sys.executable, __file__, "--child", short], capture_output=True, text=True,
                                  check=False)
            os.unlink(short)
            if done.returncode:
                print(done.stderr, file=sys.stderr)
                return 1
            got = json.loads(done.stdout.strip().splitlines()[-1])
            row = [f"{got['contacts']:,}", f"{mb:,.0f} MB", f"{got['seconds']:.0f} s",
                   f"{got['parent_hwm_kb'] / 1024:.1f} MB", f"{got['worker_maxrss_kb'] / 1024:.1f} MB"]
            print("memory:", row)
            rows.append(row)
    lines += ["Peak memory, short contacts (4 turns), `--jobs 2`:", "",
              common.md_table(["contacts", "file", "time", "parent peak RSS", "largest worker peak RSS"], rows)]
    if not args.no_write:
        common.update_section("scale", "\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
