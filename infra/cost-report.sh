#!/bin/sh
# Prices a stack's functions from their REPORT lines (Duration, Billed Duration, Memory Size, Max Memory Used,
# Init Duration) at Lambda's prices, per million invocations, x86_64 and arm64:
#   infra/cost-report.sh local          the stack ./run-local.sh is running
#   infra/cost-report.sh aws STACK      a stack on AWS (AWS_PROFILE / AWS_REGION as for the AWS CLI)
# The E2E suite prints the same report for its own run (target/e2e-cost-report.txt).
set -eu
cd "$(dirname "$0")/.."
. ./.mvn/find-jdk.sh
case "${1:-}" in
  local) set -- local infra/target/run-local/stack.properties ;;
  aws) [ $# -eq 2 ] || { echo "usage: $0 aws STACK" >&2; exit 2; }; set -- aws - "$2" ;;
  *) echo "usage: $0 local | aws STACK" >&2; exit 2 ;;
esac
./mvnw -q -pl infra dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile=target/cost-report.classpath
# shellcheck disable=SC2086 # MAVEN_OPTS holds JVM options (find-jdk.sh), one word each
exec "$JAVA_HOME/bin/java" ${MAVEN_OPTS:-} -cp "infra/target/classes:$(cat infra/target/cost-report.classpath)" \
  com.example.serverless.infra.cost.CostReport "$@"
