# Tries to read a secret planted in the host's home directory.
import os
try:
    print(os.listdir(os.path.dirname("@SECRET_PATH@")))
except OSError as e:
    print("listdir blocked", e.errno)
print(open("@SECRET_PATH@").read())
