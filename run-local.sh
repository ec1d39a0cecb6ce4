#!/bin/sh
# Runs the whole stack on this machine, without Docker: builds what is missing, starts MiniStack with IAM and TLS
# enforced (installed into target/python; needs Python 3.10+), deploys infra/template.yaml, creates a demo user and
# prints how to call it. Ctrl-C stops MiniStack and every function process. SKIP_BUILD=1 skips the build.
set -eu
cd "$(dirname "$0")"
. ./.mvn/find-jdk.sh
if [ "${SKIP_BUILD:-0}" != "1" ]; then
  # install, not only package: ./mvnw -pl <module> quarkus:dev (the developer loop) resolves the project's own jars.
  ./mvnw -q -DskipTests install
fi
./mvnw -q -pl infra dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile=target/run-local.classpath
# One line per log record; the venvs in the build's one location (target/python).
# shellcheck disable=SC2086,SC2016 # MAVEN_OPTS holds JVM options (find-jdk.sh), one word each; %4$s is Java's format
exec "$JAVA_HOME/bin/java" ${MAVEN_OPTS:-} -Djava.util.logging.SimpleFormatter.format='%4$s %5$s%6$s%n' \
  -Dlocal-cloud.python-home="$PWD/target/python" \
  -cp "infra/target/classes:$(cat infra/target/run-local.classpath)" \
  com.example.serverless.infra.local.RunLocal "$PWD/infra"
