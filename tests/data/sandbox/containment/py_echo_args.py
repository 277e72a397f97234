# Prints its argument count; the job passes megabytes of arguments.
import sys
print(len(sys.argv))
