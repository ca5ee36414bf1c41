#!/usr/bin/env bash
# Builds the native salvo, dsl/target/salvo-native/salvo, with GraalVM's native-image builder from
# Maven Central started directly on the stock JDK 25 (there is no `native-image` driver on Central;
# docs/native.md). Run by `./salvo native`; needs the JVM distribution dsl/target/salvo built first
# (its lib/ holds salvo's jars and the third-party ones).
#
#   native.sh [--hello]      --hello: a hello-world image (dsl/target/native/hello/hello), minutes
#
# Environment:
#   SALVO_NATIVE_JDK    the JDK (>= 25) that runs the builder (default: the newest /usr/lib/jvm/temurin-25*)
#   SALVO_NATIVE_XMX    the builder's heap (default 8g; the salvo image peaks near 7.2 GB)
#   SALVO_NATIVE_ARGS   extra builder options (e.g. -H:+ReportExceptionStackTraces)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
dsl=$(cd "$here/../.." && pwd -P)
work=$dsl/target/native
hello=false
[[ ${1:-} == --hello ]] && hello=true

die() { echo "native: $*" >&2; exit 1; }

jdk=${SALVO_NATIVE_JDK:-}
if [[ -z $jdk ]]; then
  for home in /usr/lib/jvm/temurin-25*; do [[ -x $home/bin/java ]] && jdk=$home; done
fi
[[ -n $jdk && -x $jdk/bin/java ]] || die "no JDK 25 found: set SALVO_NATIVE_JDK to a JDK 25 home"
java=$jdk/bin/java
command -v gcc >/dev/null || die "the image is linked with gcc: install it (apt-get install gcc)"

# 1. The builder, the compiler and the image's GraalJS jars, from Maven Central.
if [[ ! -f $work/.resolved || $here/native/pom.xml -nt $work/.resolved ]]; then
  rm -rf "$work/builder" "$work/compiler" "$work/graal"
  mvn -q -B -f "$here/native/pom.xml" package || die "resolving the builder jars failed (mvn -f $here/native/pom.xml package)"
  touch "$work/.resolved"
fi

# 2. The builder's JDK: a copy of $jdk made of hard links (no space; never written through), which
#    gets what a GraalVM JDK holds and a stock one lacks: lib/svm/builder/lib/libreporterchelper.so
#    (ours) and the static JDK libraries the builder insists on (lib/libjava.a, libnio.a, libnet.a:
#    empty, see docs/native.md: the image links the JDK's shared libraries instead).
bjdk=$work/jdk
if [[ ! -f $bjdk/.made || $jdk/release -nt $bjdk/.made ]]; then
  rm -rf "$bjdk"
  cp -al "$jdk" "$bjdk" 2>/dev/null || cp -a "$jdk" "$bjdk"
  touch "$bjdk/.made"
fi
for lib in java nio net; do
  rm -f "$bjdk/lib/lib$lib.a"
  ar rcs "$bjdk/lib/lib$lib.a"
done
java=$bjdk/bin/java
# Our C support pieces (native/c): the builder's JNI helper, and the static libraries every image is
# linked with (-H:CLibraryPath).
clib=$work/clibs
"$here/native/c/build.sh" "$bjdk" "$clib" "$work"/builder/{svm,nativeimage,native-image-base}-*.jar "$work"/compiler/word-*.jar

# 3. The image's module path: the GraalJS jars, less the ones the builder's JVM already holds in its
#    boot layer (nativeimage, word, collections, truffle-compiler: a GraalVM JDK ships them).
imagemp=()
for jar in "$work"/graal/*.jar; do
  name=$(basename "$jar")
  [[ -e $work/compiler/$name || -e $work/builder/$name ]] && continue
  imagemp+=("$jar")
done
# The image's class path: salvo's jars and the third-party ones, less the JVM distribution's GraalJS
# (another version: the image has the builder's).
imagecp=()
if $hello; then
  # A plain Java program; HELLO_JS=1: one that runs GraalJS (the Truffle part of the image).
  src=$work/hello/src
  mkdir -p "$src" "$work/hello/classes"
  if [[ ${HELLO_JS:-0} == 1 ]]; then
    body='try (var context = org.graalvm.polyglot.Context.create("js")) {
      System.out.println("hello from " + context.getEngine().getImplementationName() + ": "
          + context.eval("js", "[1, 2, 3].map(x => x * 2).join(\" \")"));
    }'
  else
    body='System.out.println("hello, native world " + String.join(" ", args));'
    imagemp=()
  fi
  printf 'public class Hello {\n  public static void main(String[] args) throws Exception {\n    %s\n  }\n}\n' "$body" >"$src/Hello.java"
  "$jdk/bin/javac" -d "$work/hello/classes" -cp "$(IFS=:; echo "${imagemp[*]}")" "$src/Hello.java"
  imagecp=("$work/hello/classes")
  main=Hello
  out=$work/hello
  name=hello
else
  lib=$dsl/target/salvo/lib
  [[ -f $lib/salvo-dsl.jar ]] || die "build the JVM distribution first (mvn -q -B -DskipTests package)"
  for jar in "$lib"/*.jar; do
    base=$(basename "$jar" .jar)
    artifact=${base%-[0-9]*}
    compgen -G "$work/graal/$artifact-[0-9]*.jar" >/dev/null && continue
    imagecp+=("$jar")
  done
  main=$(unzip -p "$lib/salvo-dsl.jar" META-INF/MANIFEST.MF | sed -n 's/^Main-Class: *//p' | tr -d '\r')
  [[ -n $main ]] || main=dev.salvo.dsl.cli.Main
  out=$dsl/target/salvo-native
  name=salvo
fi
mkdir -p "$out"

join() { local IFS=:; echo "$*"; }
# Truffle's builder part (truffle-runtime-svm) reads the image's polyglot and Truffle modules: with
# GraalJS in the image those sit on the builder's module path (only: in both layers, a module's
# classes would exist twice), as a GraalVM JDK holds its own modules, and the image takes them from there.
# (Without GraalJS, as the plain hello world, it is left out: service binding would resolve it.)
builder_jars=()
for jar in "$work"/builder/*.jar; do
  [[ $jar == */truffle-runtime-svm-* ]] && ((${#imagemp[@]} == 0)) && continue
  builder_jars+=("$jar")
done
builder_mp=$(join "${builder_jars[@]}" ${imagemp[@]+"${imagemp[@]}"})
compiler_ump=$(join "$work"/compiler/*.jar)

# 4. What the driver would have added: exports (from the module descriptors), native access, the
#    jars' native-image.properties.
"$java" "$here/native/NativeArgs.java" "$builder_mp" "$compiler_ump" "$(join "${imagemp[@]}")" \
  "$(join "${imagecp[@]}")" "$work/$name.jvm.args" "$work/$name.image.args"

version=$(sed -n 's:.*<native.graal.version>\(.*\)</native.graal.version>.*:\1:p' "$here/native/pom.xml")
config=()
if ! $hello; then
  # Reachability metadata: native/config (kept in the repo: resources and entries for third-party
  # libraries beyond their own META-INF/native-image metadata), and reflection on every class of
  # salvo's own jars (picocli's commands and options, Jackson, the objects scripts reach), generated.
  gen=$work/config
  mkdir -p "$gen"
  # Also: every class of HdrHistogram (its decoders construct histograms by reflection). JNI access is
  # only what zstd-jni's C code reaches (native/config: three fields and a constructor; brotli4j's none).
  all='"allDeclaredConstructors": true, "allDeclaredMethods": true, "allDeclaredFields": true, "allPublicConstructors": true, "allPublicMethods": true, "allPublicFields": true'
  classes() { for jar in "$@"; do unzip -Z1 "$jar"; done | sed -n 's|^\([a-zA-Z].*\)\.class$|\1|p' | grep -v 'module-info$' | tr / . | sort; }
  entries() { sed "s|.*|  {\"type\": \"&\", $all}|" | sed '$!s/$/,/'; }
  {
    echo '{"reflection": ['
    classes "$lib"/salvo-*.jar "$lib"/picocli-*.jar "$lib"/HdrHistogram-*.jar | grep -E '^(dev\.salvo|picocli|org\.HdrHistogram)\.' | entries
    echo ']}'
  } >"$gen/reachability-metadata.json"
  # Conservative unsafe access: every field written through Unsafe holds, for the analysis, any instance of
  # its declared type. The Graal compiler in the image (Truffle's runtime compilations) writes the LIR's
  # register operands through Unsafe (its LIR field tables); without this, every compilation in the salvo
  # image failed casting a RegisterValue to RegisterValue, most likely a cast the analysis had folded to
  # "never" for want of those stores (docs/native.md).
  config=("-H:ConfigurationFileDirectories=$here/native/config,$gen" "-H:EnableURLProtocols=http,https"
    -H:+UseConservativeUnsafeAccess)
fi

# The JDK's natives come from its shared libraries (no static ones on Central), found beside the
# executable at run time ($ORIGIN), with our libjvm.so shim for their JVM_* imports.
link=()
# shellcheck disable=SC2016 # $ORIGIN is for the dynamic linker, not the shell
for opt in -L"$clib/shared" -Wl,-rpath-link="$clib/shared" -ljava -lnio -lnet -lzip -lextnet -lmanagement_ext \
  '-Wl,-rpath,$ORIGIN' -Wl,--no-as-needed; do
  link+=(-H:NativeLinkerOption="$opt")
done
# The executable's run-time default young generation: 16 MB (the image's own default, 10% of the maximum
# heap, lets it grow to gigabytes: 188 MB RSS for the CI smoke, 152 MB with 16 MB); -Xmn overrides it.
runtime=()
$hello || runtime=(-R:MaxNewSize=16m)
mapfile -t image_args <"$work/$name.image.args"
read -r -a extra <<<"${SALVO_NATIVE_ARGS:-}"
rm -rf "$work/tmp"
start=$(date +%s)
# The compiler jar (25.0.4) is newer than Temurin 25.0.3's JVMCI: the check is a warning here, for
# the builder only (its compiler compiles the image ahead of time; the JVM distribution keeps 25.0.3).
# Netty classes initialized at build time choose their direct-memory cleaner there: Unsafe's, as in
# the JVM distribution (Java 25's default, a shared Arena, cannot be closed in the image).
JVMCI_VERSION_CHECK=warn "$java" \
  -XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI -XX:-UseJVMCICompiler \
  -Xss10m -Xmx"${SALVO_NATIVE_XMX:-8g}" \
  --upgrade-module-path="$compiler_ump" --module-path="$builder_mp" --add-modules=ALL-DEFAULT \
  @"$work/$name.jvm.args" \
  -Djava.system.class.loader=com.oracle.svm.hosted.NativeImageSystemClassLoader \
  -Dorg.graalvm.nativeimage.imagecode=buildtime -Dcom.oracle.graalvm.isaot=true \
  -Dorg.graalvm.version="$version" -Djdk.internal.lambda.disableEagerInitialization=true \
  -Dio.netty.noUnsafe=false \
  -m org.graalvm.nativeimage.builder/com.oracle.svm.hosted.NativeImageGeneratorRunner \
  -imagecp "$(join "${imagecp[@]}")" \
  -H:ImageBuildID="$(cat /proc/sys/kernel/random/uuid)" \
  -H:Class="$main" -H:Name="$name" -H:Path="$out" \
  -H:CLibraryPath="$clib" -H:TempDirectory="$work/tmp" \
  ${runtime[@]+"${runtime[@]}"} \
  "${link[@]}" \
  ${config[@]+"${config[@]}"} \
  ${image_args[@]+"${image_args[@]}"} \
  ${extra[@]+"${extra[@]}"}
cp -f "$clib"/shared/*.so "$out/"
# The JVM distribution's shape (bin/salvo), for the end-to-end tests and the benchmarks' SALVO_DIST.
$hello || { mkdir -p "$out/bin" && cp -f "$here/native/bin/salvo" "$out/bin/salvo"; }
echo "native: built $out/$name in $(( $(date +%s) - start )) s ($(du -h "$out/$name" | cut -f1))"
