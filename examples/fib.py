def fibonacci(n: int) -> int:
    """Return the n-th Fibonacci number (fibonacci(0) == 0, fibonacci(1) == 1)."""


if __name__ == "__main__":
    print([fibonacci(i) for i in range(10)])
