// Reads the host secret under $HOME; the home directories are hidden.
import java.nio.file.Files;
import java.nio.file.Path;
public class JavaReadSecret {
  public static void main(String[] args) throws Exception {
    System.out.println(Files.readString(Path.of("@SECRET_PATH@")));
  }
}
