# kill(-1, SIGKILL): everything it may signal. Inside the PID namespace that is
# only its own tree (Linux spares the caller and the namespace's init), never
# the host's processes.
import os, signal, time
child = os.fork()
if child == 0:
    time.sleep(100)
    os._exit(0)
os.kill(-1, signal.SIGKILL)
_, status = os.waitpid(child, 0)
print("child killed" if os.WIFSIGNALED(status) else "child alive")
print("survived")
