#!/bin/sh
# Builds the functions and deploys infra/template.yaml to a running LocalStack with the deployer the E2E suite
# uses (the built JVM zips as they are, java21 runtime, SAM transform by LocalStack), then prints the Outputs.
#   LOCALSTACK_ENDPOINT  default http://127.0.0.1:4566 (docker compose -f localstack/docker-compose.yml up -d --wait)
#   STACK_NAME           default serverless-reference
#   SKIP_BUILD=1         skips ./mvnw -DskipTests package
set -eu
cd "$(dirname "$0")/.."
endpoint=${LOCALSTACK_ENDPOINT:-http://127.0.0.1:4566}
stack=${STACK_NAME:-serverless-reference}

fail() {
  echo "localstack/deploy.sh: $*" >&2
  exit 1
}

command -v curl >/dev/null 2>&1 || fail "curl is not installed (it checks that LocalStack answers)"
if ! curl --silent --fail --max-time 5 "$endpoint/_localstack/health" >/dev/null; then
  command -v docker >/dev/null 2>&1 || fail "no LocalStack at $endpoint, and Docker is not installed: LocalStack runs in Docker"
  docker info >/dev/null 2>&1 || fail "no LocalStack at $endpoint, and no Docker daemon answers (docker info failed): start Docker"
  fail "no LocalStack at $endpoint: start it with docker compose -f localstack/docker-compose.yml up -d --wait"
fi

. ./.mvn/find-jdk.sh
if [ "${SKIP_BUILD:-0}" != "1" ]; then
  ./mvnw -q -DskipTests package
fi
./mvnw -q -pl infra dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile=target/run-local.classpath
exec "$JAVA_HOME/bin/java" -cp "infra/target/classes:$(cat infra/target/run-local.classpath)" \
  com.example.serverless.infra.localstack.DeployToLocalStack "$PWD/infra" "$endpoint" "$stack"
