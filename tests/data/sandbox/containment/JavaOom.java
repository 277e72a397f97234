// Keeps allocating: OutOfMemoryError at -Xmx, uncaught -> exit 1.
import java.util.ArrayList;
import java.util.List;
public class JavaOom {
  public static void main(String[] args) {
    List<long[]> keep = new ArrayList<>();
    while (true) keep.add(new long[4 << 20]);
  }
}
