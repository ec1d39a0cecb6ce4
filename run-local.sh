#!/bin/sh
# Runs the whole stack on this machine, without Docker: builds what is missing, starts MiniStack (installed
# into infra/target/ministack-venv; needs Python 3.10+), deploys infra/template.yaml, creates a demo user and
# prints how to call it. Ctrl-C stops MiniStack and every function process. SKIP_BUILD=1 skips the build.
set -eu
cd "$(dirname "$0")"
. ./.mvn/find-jdk.sh
if [ "${SKIP_BUILD:-0}" != "1" ]; then
  ./mvnw -q -DskipTests package
fi
./mvnw -q -pl infra dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile=target/run-local.classpath
exec "$JAVA_HOME/bin/java" -cp "infra/target/classes:$(cat infra/target/run-local.classpath)" \
  com.example.serverless.infra.local.RunLocal "$PWD/infra"
