// Lists what a sandboxed job sees: every entry one and two levels below /
// (symlinks are listed, not followed), then "present <path>" for each argument
// that exists. Run by tests/sandbox/view_test.cpp.
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

public class Walk {
  static List<String> entries(Path dir) {
    List<String> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      s.forEach(p -> out.add(p.getFileName().toString()));
    } catch (IOException | RuntimeException e) {
      // unreadable: nothing to list
    }
    Collections.sort(out);
    return out;
  }

  public static void main(String[] args) {
    for (String a : entries(Paths.get("/"))) {
      Path top = Paths.get("/" + a);
      System.out.println(top);
      if (Files.isDirectory(top, LinkOption.NOFOLLOW_LINKS)) {
        for (String b : entries(top)) System.out.println(top + "/" + b);
      }
    }
    for (String p : args) {
      if (Files.exists(Paths.get(p), LinkOption.NOFOLLOW_LINKS)) System.out.println("present " + p);
    }
  }
}
