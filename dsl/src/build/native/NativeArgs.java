// Run by dsl/src/build/native.sh as a single-file program (java NativeArgs.java ...) on the JDK that
// runs the builder. It does what GraalVM's missing `native-image` driver would do:
//
//   java NativeArgs.java BUILDER_MP COMPILER_UMP IMAGE_MP IMAGE_CP JVM_ARGFILE IMAGE_ARGFILE
//
// JVM_ARGFILE (options of the builder's JVM):
//   - --add-exports of every package the JDK's modules do not export to everyone, to every module of
//     the builder (read from the module descriptors of the jars, not listed by hand): the builder
//     reads the JDK's internals (jdk.internal.*, sun.*) throughout;
//   - --enable-native-access for the builder modules;
//   - the JavaArgs of the image jars' native-image.properties (system properties).
// IMAGE_ARGFILE (options of NativeImageGeneratorRunner): the Args of every native-image.properties
// in the image's jars, translated into the builder's own -H: options.
//
// The paths are ':'-separated lists of jars or folders of jars.
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.lang.module.ResolvedModule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

public class NativeArgs {
  public static void main(String[] args) throws IOException {
    if (args.length != 6) {
      System.err.println("usage: NativeArgs BUILDER_MP COMPILER_UMP IMAGE_MP IMAGE_CP JVM_ARGFILE IMAGE_ARGFILE");
      System.exit(2);
    }
    List<Path> builder = jars(args[0]);
    List<Path> compiler = jars(args[1]);
    List<Path> imageMp = jars(args[2]);
    List<Path> imageCp = jars(args[3]);

    Set<String> builderModules = new TreeSet<>();
    for (Path jar : concat(builder, compiler)) {
      for (ModuleReference ref : ModuleFinder.of(jar).findAll()) {
        builderModules.add(ref.descriptor().name());
      }
    }
    String targets = String.join(",", builderModules);

    // The JDK modules of the builder's boot layer: the default roots (--add-modules=ALL-DEFAULT, as
    // this program's own boot layer) and what the builder's modules require.
    Set<String> resolved = new TreeSet<>();
    for (Module m : ModuleLayer.boot().modules()) {
      resolved.add(m.getName());
    }
    Configuration builderConfig = ModuleLayer.boot().configuration().resolve(
        ModuleFinder.of(concat(builder, compiler).toArray(Path[]::new)), ModuleFinder.ofSystem(), builderModules);
    for (ResolvedModule m : builderConfig.modules()) {
      resolved.add(m.name());
    }

    List<String> jvm = new ArrayList<>();
    // Every JDK package not exported to everyone, to the builder's modules.
    Set<String> systemModules = new TreeSet<>();
    for (ModuleReference ref : ModuleFinder.ofSystem().findAll()) {
      ModuleDescriptor d = ref.descriptor();
      if (builderModules.contains(d.name()) || !resolved.contains(d.name())) {
        continue; // the JDK's placeholder jdk.graal.compiler (replaced by the compiler jar), unused modules
      }
      systemModules.add(d.name());
      Set<String> open = new TreeSet<>();
      for (ModuleDescriptor.Exports e : d.exports()) {
        if (!e.isQualified()) {
          open.add(e.source());
        }
      }
      for (String pkg : new TreeSet<>(d.packages())) {
        if (!open.contains(pkg)) {
          jvm.add("--add-exports=" + d.name() + "/" + pkg + "=" + targets);
        }
      }
    }
    // Not ALL-UNNAMED: the image's class path is unnamed, and Netty 4.2 (initialized at build time)
    // would then pick its FFM cleaner (CleanerJava24Linker), whose downcall handle in the image heap
    // the builder cannot compile ("unexpected input could not be handled: linkToNative").
    jvm.add("--enable-native-access=" + targets);

    List<String> image = new ArrayList<>();
    Set<String> imageModules = new LinkedHashSet<>();
    for (Path jar : imageMp) {
      for (ModuleReference ref : ModuleFinder.of(jar).findAll()) {
        imageModules.add(ref.descriptor().name());
      }
    }
    if (!imageModules.isEmpty()) {
      // The image's modules sit on the builder's module path too (Truffle's builder part reads
      // them): resolve them all in the boot layer, with truffle-runtime-svm, which no module requires.
      Set<String> roots = new LinkedHashSet<>(imageModules);
      roots.add("org.graalvm.truffle.runtime.svm");
      jvm.add("--add-modules=" + String.join(",", roots));
    }
    for (Path jar : concat(imageMp, imageCp)) {
      for (Props p : properties(jar)) {
        translate(p, image, jvm, systemModules, imageModules, builderModules);
      }
    }
    Files.write(Path.of(args[4]), jvm);
    Files.write(Path.of(args[5]), image);
  }

  record Props(Path jar, String entry, Properties values) {}

  static List<Props> properties(Path jar) throws IOException {
    List<Props> found = new ArrayList<>();
    try (JarFile file = new JarFile(jar.toFile())) {
      Enumeration<JarEntry> entries = file.entries();
      for (JarEntry entry : Collections.list(entries)) {
        String name = entry.getName();
        if (name.startsWith("META-INF/native-image/") && name.endsWith("/native-image.properties")) {
          Properties values = new Properties();
          try (InputStream in = file.getInputStream(entry)) {
            values.load(in);
          }
          found.add(new Props(jar, name, values));
        }
      }
    }
    return found;
  }

  /** The driver's options, as the builder's own (-H:) options; JavaArgs go to the builder's JVM. */
  static void translate(Props p, List<String> image, List<String> jvm, Set<String> systemModules,
                        Set<String> imageModules, Set<String> builderModules) {
    String where = p.jar().getFileName() + "!" + p.entry();
    // ${.}: the folder of the properties file (inside the jar, for the -H:...Resources options).
    String folder = p.entry().substring(0, p.entry().lastIndexOf('/'));
    for (String raw : split(p.values().getProperty("Args", ""))) {
      String arg = raw.replace("${.}", folder);
      String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "";
      if (arg.startsWith("-H:")) {
        image.add(arg);
      } else if (arg.startsWith("--initialize-at-build-time=")) {
        for (String name : value.split(",")) {
          image.add("-H:ClassInitialization=" + name + ":build_time");
        }
      } else if (arg.startsWith("--initialize-at-run-time=")) {
        for (String name : value.split(",")) {
          image.add("-H:ClassInitialization=" + name + ":run_time");
        }
      } else if (arg.startsWith("--features=")) {
        image.add("-H:Features=" + value);
      } else if (arg.startsWith("--add-exports=") || arg.startsWith("--add-opens=")) {
        // module/package=target: for the image (-H:) when the source is in the image or the JDK;
        // also for the builder's JVM when both ends live there.
        String option = arg.startsWith("--add-exports=") ? "AddExports" : "AddOpens";
        image.add("-H:" + option + "=" + value);
        String source = value.substring(0, value.indexOf('/'));
        String target = value.substring(value.indexOf('=') + 1);
        boolean bootSource = systemModules.contains(source) || builderModules.contains(source);
        boolean bootTarget = target.equals("ALL-UNNAMED") || builderModules.contains(target);
        if (bootSource && bootTarget) {
          jvm.add(arg);
        }
      } else if (arg.startsWith("--enable-url-protocols=")) {
        image.add("-H:EnableURLProtocols=" + value);
      } else if (arg.equals("--macro:truffle-svm")) {
        // The driver's macro puts truffle-runtime-svm on the builder's module path: native.sh does.
      } else if (arg.startsWith("--enable-native-access=")) {
        image.add("-H:EnableNativeAccess=" + value);
      } else {
        System.err.println("native: " + where + ": option not translated: " + arg);
        System.exit(3);
      }
    }
    for (String arg : split(p.values().getProperty("JavaArgs", ""))) {
      jvm.add(arg.replace("${.}", folder));
    }
  }

  static List<String> split(String value) {
    List<String> out = new ArrayList<>();
    for (String s : value.trim().split("\\s+")) {
      if (!s.isEmpty()) {
        out.add(s);
      }
    }
    return out;
  }

  static List<Path> jars(String path) throws IOException {
    List<Path> out = new ArrayList<>();
    for (String s : path.split(":")) {
      if (s.isEmpty()) {
        continue;
      }
      Path p = Path.of(s);
      if (Files.isDirectory(p)) {
        try (var list = Files.list(p)) {
          list.filter(f -> f.toString().endsWith(".jar")).sorted().forEach(out::add);
        }
      } else {
        out.add(p);
      }
    }
    return out;
  }

  static List<Path> concat(List<Path> a, List<Path> b) {
    List<Path> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
