// TCP connect to the test's own listener; must throw.
import java.net.Socket;
public class JavaConnect {
  public static void main(String[] args) throws Exception {
    try (Socket s = new Socket("127.0.0.1", @PORT@)) {
      System.out.println("CONNECTED");
    }
  }
}
