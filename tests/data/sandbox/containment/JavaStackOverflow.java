// Unbounded recursion: StackOverflowError, uncaught -> exit 1.
public class JavaStackOverflow {
  static long depth(long n) { return depth(n + 1) + 1; }
  public static void main(String[] args) { System.out.println(depth(0)); }
}
