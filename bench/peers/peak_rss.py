"""Runs a command and prints, as one JSON line, its wall-clock seconds, its peak resident memory
(the largest of the process and its children, from getrusage) and its exit status. Used by the
formats bench so that linkscale's CLI and the peer tools are measured the same way. The command's
stdout is kept whole in the JSON line (the bench reads its counts from it), which alone goes to
stdout; its stderr passes through.

    /usr/bin/python3 bench/peers/peak_rss.py <command> [args...]
"""
import json
import resource
import subprocess
import sys
import time

start = time.perf_counter()
completed = subprocess.run(sys.argv[1:], stdout=subprocess.PIPE, stderr=sys.stderr, text=True)
seconds = time.perf_counter() - start
peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"seconds": seconds, "peakMB": peak_kb / 1024, "status": completed.returncode, "stdout": completed.stdout}))
