import heapq
from dataclasses import dataclass


@dataclass(order=True)
class Job:
    """A unit of work, ordered by priority."""
    priority: int
    name: str = ""

    def __init__(self, priority, name=""):
        self.priority = priority
        self.name = name

    async def run(self, *args, **kwargs):
        # Comments and f-strings with {nested} fields.
        return f"{self.name!r}: {args[0] if args else None:>10}"


def schedule(jobs, limit=3):
    '''Return the `limit` most urgent jobs.'''
    heap = [(j.priority, i, j) for i, j in enumerate(jobs)]
    heapq.heapify(heap)
    out = []
    while heap and len(out) < limit:
        _, _, job = heapq.heappop(heap)
        out.append(lambda job=job: job.run())
    return out
