"""Runs a command and prints, as one JSON line, its wall-clock seconds, its CPU seconds (user and
system, of the process and its children), its peak resident memory (the largest of the process
and its children, from getrusage) and its exit status. Used by the
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
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"seconds": seconds, "cpuSeconds": usage.ru_utime + usage.ru_stime, "peakMB": usage.ru_maxrss / 1024, "status": completed.returncode, "stdout": completed.stdout}))
