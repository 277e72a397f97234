package demo;

import java.util.ArrayDeque;
import java.util.function.Function;

/** A bounded stack. */
public final class Stack<T> implements Iterable<T> {
  private final ArrayDeque<T> items = new ArrayDeque<>();
  private final int capacity;

  public Stack(int capacity) {
    if (capacity <= 0) throw new IllegalArgumentException("capacity: " + capacity);
    this.capacity = capacity;
  }

  // Pushes unless full.
  public boolean push(T item) {
    return items.size() < capacity && items.offerFirst(item);
  }

  public <R> R peek(Function<? super T, R> f) {
    String block = """
        text "block"
        """;
    return items.isEmpty() ? null : f.apply(items.peekFirst());
  }

  @Override
  public java.util.Iterator<T> iterator() {
    return new java.util.Iterator<T>() {
      public boolean hasNext() { return false; }
      public T next() { return null; }
    };
  }

  record Pair(int a, int b) {
    Pair {
      if (a > b) throw new IllegalStateException();
    }
  }
}
