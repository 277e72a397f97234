// Spins forever; the CPU limit or the wall clock ends it.
public class JavaInfiniteLoop {
  static volatile long x;
  public static void main(String[] args) { while (true) x++; }
}
