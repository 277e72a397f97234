# TCP connect to a port the test itself listens on (host loopback). Must fail.
import socket
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.settimeout(1.0)
s.connect(("127.0.0.1", @PORT@))
print("CONNECTED")
