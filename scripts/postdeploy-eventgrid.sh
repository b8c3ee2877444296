#!/bin/sh
# azd postdeploy hook: subscribes the IngestIssue blob trigger (Source = EventGrid) to BlobCreated events of the
# gazette-issues container.
#
# Bicep cannot do this (infra/app/eventgrid.bicep creates only the system topic): the webhook needs the
# blobs_extension system key, which the Functions host creates when it first starts with the deployed code.
# Safe to rerun: `event-subscription create` creates or updates.
#
# Reads the azd outputs azd puts in the environment: AZURE_RESOURCE_GROUP, AZURE_FUNCTION_APP_NAME,
# AZURE_EVENTGRID_SYSTEM_TOPIC (and AZURE_FUNCTION_APP_HOSTNAME when present). Needs the Azure CLI, signed in.
# Run by hand: `azd env get-values` into the environment, then `sh scripts/postdeploy-eventgrid.sh`.
set -eu
# The key travels in the endpoint URL: never trace this script.
set +x

: "${AZURE_RESOURCE_GROUP:?not set (run through azd, or export the azd outputs)}"
: "${AZURE_FUNCTION_APP_NAME:?not set (run through azd, or export the azd outputs)}"
: "${AZURE_EVENTGRID_SYSTEM_TOPIC:?not set (run through azd, or export the azd outputs)}"

subscription_name=gazette-issues-created
function_name=IngestIssue
container=gazette-issues
attempts=${POSTDEPLOY_KEY_ATTEMPTS:-30}
delay_seconds=${POSTDEPLOY_KEY_DELAY_SECONDS:-10}

if ! command -v az >/dev/null 2>&1; then
  echo "postdeploy: the Azure CLI (az) is needed to create the Event Grid subscription" >&2
  exit 1
fi

host=${AZURE_FUNCTION_APP_HOSTNAME:-}
if [ -z "$host" ]; then
  host=$(az functionapp show -g "$AZURE_RESOURCE_GROUP" -n "$AZURE_FUNCTION_APP_NAME" \
    --query defaultHostName -o tsv --only-show-errors)
fi
if [ -z "$host" ]; then
  host="$AZURE_FUNCTION_APP_NAME.azurewebsites.net"
fi

# The system key appears once the host has started and indexed the blob trigger; a fresh deployment can take a
# minute. Requesting the host's home page wakes a scaled-to-zero Flex Consumption app.
key=""
attempt=1
while :; do
  key=$(az functionapp keys list -g "$AZURE_RESOURCE_GROUP" -n "$AZURE_FUNCTION_APP_NAME" \
    --query systemKeys.blobs_extension -o tsv --only-show-errors 2>/dev/null || true)
  if [ -n "$key" ]; then
    break
  fi
  if [ "$attempt" -ge "$attempts" ]; then
    echo "postdeploy: no blobs_extension system key on $AZURE_FUNCTION_APP_NAME after $attempts attempts." >&2
    echo "postdeploy: is the code deployed and does it have the $function_name blob trigger with Source = EventGrid?" >&2
    echo "postdeploy: rerun with \`azd hooks run postdeploy\` once the app is up." >&2
    exit 1
  fi
  echo "postdeploy: waiting for the blobs_extension system key ($attempt/$attempts)"
  if command -v curl >/dev/null 2>&1; then
    curl -s -o /dev/null --max-time 30 "https://$host/" || true
  fi
  attempt=$((attempt + 1))
  sleep "$delay_seconds"
done

# Percent-encode what a query string would misread (+ as a space; / and = for good measure).
code=$(printf '%s' "$key" | sed 's/%/%25/g; s/+/%2B/g; s|/|%2F|g; s/=/%3D/g')
endpoint="https://$host/runtime/webhooks/blobs?functionName=Host.Functions.$function_name&code=$code"

echo "postdeploy: Event Grid subscription $subscription_name on $AZURE_EVENTGRID_SYSTEM_TOPIC -> https://$host/runtime/webhooks/blobs?functionName=Host.Functions.$function_name (key not shown)"
# Errors from az could quote the endpoint: show them with the key masked.
errors=$(mktemp)
trap 'rm -f "$errors"' EXIT
if ! az eventgrid system-topic event-subscription create \
  --name "$subscription_name" \
  --resource-group "$AZURE_RESOURCE_GROUP" \
  --system-topic-name "$AZURE_EVENTGRID_SYSTEM_TOPIC" \
  --endpoint-type webhook \
  --endpoint "$endpoint" \
  --included-event-types Microsoft.Storage.BlobCreated \
  --subject-begins-with "/blobServices/default/containers/$container/" \
  --event-delivery-schema eventgridschema \
  --only-show-errors \
  -o none 2>"$errors"; then
  sed 's/code=[^&"[:space:]]*/code=***/g' "$errors" >&2
  echo "postdeploy: creating the Event Grid subscription failed" >&2
  exit 1
fi
echo "postdeploy: done"
