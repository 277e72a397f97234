# Exec with ~16 MB of argv and environment: the kernel refuses (E2BIG).
import os
args = ["/bin/true"] + ["a" * 4096] * 4096
env = {"K%d" % i: "v" * 4096 for i in range(100)}
os.execve("/bin/true", args, env)
