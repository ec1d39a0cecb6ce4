#!/bin/sh
# LocalStack ready hook: deploys /project/infra/template.yaml (the repository, mounted read only) as stack
# $STACK_NAME with the tools inside the image: `awslocal cloudformation package` uploads each built
# function.zip as is, `awslocal cloudformation deploy` creates or updates the stack (LocalStack applies the
# SAM transform). The zips are built on the host first: ./mvnw -DskipTests package.
# Its outcome shows in `docker compose logs localstack` and at http://127.0.0.1:4566/_localstack/init/ready.
set -eu

project=/project
stack=${STACK_NAME:-serverless-reference}
bucket=localstack-deployment
packaged=/tmp/packaged-template.yaml

template="$project/infra/template.yaml"
if [ ! -f "$template" ]; then
  echo "deploy.sh: $template is not mounted (docker compose -f localstack/docker-compose.yml mounts the repository)" >&2
  exit 1
fi
# Every CodeUri is ../<module>/target/function.zip, relative to the template.
sed -n 's|^ *CodeUri: *\.\./\([^ ]*\)$|\1|p' "$template" | while read -r zip; do
  if [ ! -f "$project/$zip" ]; then
    echo "deploy.sh: $zip is not built; run ./mvnw -DskipTests package on the host, then localstack/deploy.sh" >&2
    exit 1
  fi
done

awslocal s3api head-bucket --bucket "$bucket" 2>/dev/null || awslocal s3 mb "s3://$bucket"
awslocal cloudformation package --template-file "$template" --s3-bucket "$bucket" \
  --s3-prefix functions --output-template-file "$packaged"
# LocalStack has no CodeDeploy: no gradual deployments; a throwaway stack: no deletion protection.
awslocal cloudformation deploy --template-file "$packaged" --stack-name "$stack" \
  --capabilities CAPABILITY_IAM CAPABILITY_AUTO_EXPAND --no-fail-on-empty-changeset \
  --parameter-overrides EnableGradualDeployments=false RetainData=false
awslocal cloudformation describe-stacks --stack-name "$stack" --query 'Stacks[0].Outputs' --output table
