# Name resolution needs the network (or a resolver socket); it must fail.
import socket
print(socket.getaddrinfo("example.com", 80))
print("RESOLVED")
