# Tries to leave files on the host. /tmp is private (the write "succeeds" into
# the sandbox's own tmpfs), the repo and / are read-only.
import os
for path in ["@ESCAPE_TMP@", "@ESCAPE_REPO@", "/codeloom-escape-root", "/var/tmp/codeloom-escape"]:
    try:
        with open(path, "w") as f:
            f.write("escaped")
        print("wrote", path)
    except OSError as e:
        print("blocked", path, e.errno)
