# Double fork + setsid: a daemonized grandchild that would outlive the job.
import os, time
if os.fork() == 0:
    os.setsid()
    if os.fork() == 0:
        os.execv("/bin/sh", ["sh", "-c", "sleep 1000; : @MARKER@"])
    os._exit(0)
time.sleep(0.2)
print("parent done")
