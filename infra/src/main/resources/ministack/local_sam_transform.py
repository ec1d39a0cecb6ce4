"""Applies the SAM transform for the local target, then spells out each HTTP API's routes.

Run by LocalSamTransform with the deployer's venv. Reads {"template": ..., "parameters": {...}} on stdin,
writes the CloudFormation template (no Transform left) on stdout.

Why not let MiniStack apply the transform (it can):
- MiniStack calls aws-sam-translator with no parameter values, so intrinsics SAM resolves at transform time
  (DeploymentPreference.Enabled, AutoPublishAlias) always see the parameters' defaults. Here they see the
  stack's real values, as on AWS.
- SAM describes an AWS::Serverless::HttpApi as an OpenAPI document in AWS::ApiGatewayV2::Api.Body, and
  MiniStack ignores Body (no routes, integrations or authorizers are created). The same document is
  written out here as AWS::ApiGatewayV2::Authorizer/Integration/Route resources, intrinsics untouched.
Both departures are checked by MiniStackFidelityIT so an upgrade that fixes them is noticed.
"""
import json
import os
import sys
from types import SimpleNamespace

from samtranslator.translator.transform import transform

ANY_METHOD = "x-amazon-apigateway-any-method"


def spell_out_http_api(template):
    resources = template["Resources"]
    added = {}
    for api_id, api in list(resources.items()):
        if api.get("Type") != "AWS::ApiGatewayV2::Api" or "Body" not in api.get("Properties", {}):
            continue
        props = api["Properties"]
        body = props.pop("Body")
        props.pop("FailOnWarnings", None)
        props.setdefault("Name", {"Fn::Sub": "${AWS::StackName}-" + api_id})
        props.setdefault("ProtocolType", "HTTP")
        authorizers = {}
        for name, scheme in (body.get("components", {}).get("securitySchemes") or {}).items():
            spec = scheme.get("x-amazon-apigateway-authorizer") or {}
            if spec.get("type") != "jwt":
                raise SystemExit(f"{api_id}: authorizer {name} of type {spec.get('type')} is not supported locally")
            source = spec["identitySource"]
            logical_id = f"{api_id}Authorizer{name}"
            added[logical_id] = {"Type": "AWS::ApiGatewayV2::Authorizer", "Properties": {
                "ApiId": {"Ref": api_id},
                "Name": name,
                "AuthorizerType": "JWT",
                "IdentitySource": source if isinstance(source, list) else [source],
                "JwtConfiguration": {"Issuer": spec["jwtConfiguration"]["issuer"],
                                     "Audience": spec["jwtConfiguration"]["audience"]},
            }}
            authorizers[name] = logical_id
        count = 0
        for path, operations in (body.get("paths") or {}).items():
            for method, operation in operations.items():
                integration = operation.get("x-amazon-apigateway-integration")
                if integration is None:
                    continue
                count += 1
                integration_id = f"{api_id}Integration{count}"
                added[integration_id] = {"Type": "AWS::ApiGatewayV2::Integration", "Properties": {
                    "ApiId": {"Ref": api_id},
                    "IntegrationType": integration["type"].upper(),
                    "IntegrationMethod": integration.get("httpMethod", "POST"),
                    "IntegrationUri": integration["uri"],
                    "PayloadFormatVersion": integration.get("payloadFormatVersion", "2.0"),
                }}
                route = {
                    "ApiId": {"Ref": api_id},
                    "RouteKey": f"{'ANY' if method == ANY_METHOD else method.upper()} {path}",
                    "Target": {"Fn::Join": ["/", ["integrations", {"Ref": integration_id}]]},
                    "AuthorizationType": "NONE",
                }
                schemes = [name for requirement in (operation.get("security") or []) for name in requirement]
                if schemes and schemes[0] != "NONE":
                    route["AuthorizationType"] = "JWT"
                    route["AuthorizerId"] = {"Ref": authorizers[schemes[0]]}
                added[f"{api_id}Route{count}"] = {"Type": "AWS::ApiGatewayV2::Route", "Properties": route}
    resources.update(added)
    return template


def main():
    request = json.load(sys.stdin)
    os.environ.setdefault("AWS_DEFAULT_REGION", request.get("region", "us-east-1"))
    no_managed_policies = SimpleNamespace(load=lambda: {})
    processed = transform(request["template"], request["parameters"], no_managed_policies)
    json.dump(spell_out_http_api(processed), sys.stdout)


if __name__ == "__main__":
    main()
