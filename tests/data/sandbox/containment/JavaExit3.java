// System.exit(3): fail with exit code 3.
public class JavaExit3 {
  public static void main(String[] args) {
    System.out.println("exiting");
    System.exit(3);
  }
}
