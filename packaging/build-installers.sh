#!/usr/bin/env bash
# Builds Clusterdeck's Linux installers, each carrying its own trimmed Java runtime, so that a machine without a JDK
# can install and run it:
#   packaging/target/Clusterdeck/                            the app-image (run bin/Clusterdeck or bin/clusterdeck)
#   packaging/target/clusterdeck-VERSION-linux-x64.tar.gz    the same app-image as one archive
#   packaging/target/clusterdeck_VERSION_amd64.deb           the Debian package: /opt/clusterdeck, a desktop entry,
#                                                            and `clusterdeck` on the PATH
#
# Usage, from anywhere in the checkout:  packaging/build-installers.sh
# Needs JDK 17 with its jmods (jlink, jpackage), Maven, and for the .deb fakeroot, dpkg-deb and objcopy.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
out=$root/packaging/target
linux=$root/packaging/linux

# The project's version without a -SNAPSHOT suffix: jpackage takes numbers only.
version=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' "$root/pom.xml" | head -1)
version=${version%-SNAPSHOT}

# Modules the app and the runtime use (jdeps --print-module-deps over their jars), and providers they find at run
# time: EC keys for TLS, zip file systems, the JVM's own management beans.
modules=java.base,java.desktop,java.logging,java.management,java.naming,java.net.http,java.scripting
modules=$modules,java.security.jgss,java.security.sasl,java.sql,java.xml,jdk.crypto.ec,jdk.jfr,jdk.management
modules=$modules,jdk.unsupported,jdk.zipfs

rm -rf "$out"
mkdir -p "$out/input"

echo "== Building the jars"
mvn -B -q -f "$root/pom.xml" package -DskipTests dependency:copy-dependencies -DincludeScope=runtime \
    -DincludeGroupIds=org.openjfx,io.github.mkpaz,org.kordamp.ikonli -DoutputDirectory="$out/input"
# JavaFX's platform-less jars are empty: only its -linux jars hold classes.
find "$out/input" -name 'javafx-*.jar' -not -name '*-linux.jar' -delete
cp "$root/runtime/target/clusterdeck.jar" "$out/input/clusterdeck.jar"
cp "$root/app/target/clusterdeck-app-"*.jar "$out/input/clusterdeck-app.jar"
rm -f "$out/input/"clusterdeck-app-*-tests.jar

echo "== Linking the Java runtime"
# Keep bin/java: the launcher starts every cluster process with the runtime it runs on. No jlink compression: the
# package's own compression does better on plain modules (a smaller .deb), and plain modules load faster.
jlink --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --output "$out/runtime"
# A class-data archive of the runtime's own classes: faster starts, and the base the launcher's archive builds on.
"$out/runtime/bin/java" -Xshare:dump -Xlog:disable >/dev/null

# What both installers share: the desktop app as the main launcher, the command line as a second one; both tell the
# launcher where its jar is, so cluster processes run the installed jar on the installed runtime.
common=(--name Clusterdeck --app-version "$version" --vendor Clusterdeck
    --description "Design, launch, watch and export segmented clusters of runtime services"
    --icon "$root/icons/clusterdeck-256.png"
    --input "$out/input" --main-jar clusterdeck-app.jar --main-class io.clusterdeck.app.Launcher
    --java-options '-Dclusterdeck.jar=$APPDIR/clusterdeck.jar'
    --add-launcher clusterdeck="$linux/clusterdeck.properties"
    --runtime-image "$out/runtime")

echo "== Making the app-image"
jpackage --type app-image --dest "$out" "${common[@]}"
tar -C "$out" -czf "$out/clusterdeck-$version-linux-x64.tar.gz" Clusterdeck

echo "== Making the Debian package"
# From the same input rather than the app-image: only so does the command line launcher keep its
# linux-shortcut=false and get no desktop entry of its own.
jpackage --type deb --dest "$out" "${common[@]}" --resource-dir "$linux" \
    --linux-package-name clusterdeck --linux-shortcut --linux-app-category Development \
    --linux-menu-group Development --linux-package-deps libgtk-3-0

echo "== Built"
du -sh "$out/Clusterdeck"
ls -l "$out"/*.deb "$out"/*.tar.gz
