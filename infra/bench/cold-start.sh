#!/usr/bin/env bash
# Cold-start benchmark on the local path: the todo function (Quarkus) versus a framework-less handler and one that
# makes the todo function's DynamoDB query through the bare SDK, all run by MiniStack as provided.al2023 host processes, with JVM defaults, C1 + SerialGC, those plus AppCDS
# (AutoCreateSharedArchive; its first start, which writes the archive, is reported apart) and the bootstrap's own
# flags (C1 + SerialGC + the AOT cache trained at packaging).
# Prints median/min/max per flag set and the ratios. Usage: infra/bench/cold-start.sh [runs per flag set, default 5]
# Builds todo-api's function.zip if it is missing; SKIP_BUILD=1 skips compiling infra. BENCH_JAVA_OPTS passes options,
# e.g. -Dbench.todo-without-snapstart-preload=<zip built with -Dquarkus.snapstart.enabled=false> (a third subject).
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source-path=SCRIPTDIR/../..
. ./.mvn/find-jdk.sh

runs="${1:-5}"
if [ ! -f todo-api/target/function.zip ]; then
  ./mvnw -q -pl todo-api -DskipTests package
fi
if [ "${SKIP_BUILD:-0}" != "1" ]; then
  ./mvnw -q -pl infra test-compile
fi
./mvnw -q -pl infra dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
# shellcheck disable=SC2086 # BENCH_JAVA_OPTS: -D options of the benchmark, one word each
exec "$JAVA_HOME/bin/java" ${BENCH_JAVA_OPTS:-} -cp "infra/target/test-classes:infra/target/classes:$(cat infra/target/bench.classpath)" \
  com.example.serverless.infra.bench.ColdStartBenchmark "$PWD/infra" "$runs"
