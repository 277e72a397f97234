def fibonacci(n: int) -> int:
    """Return the n-th Fibonacci number (fibonacci(0) == 0, fibonacci(1) == 1)."""

def is_prime(n: int) -> bool:
    """Return True if n is a prime number."""
    if n < 2:
        return False
