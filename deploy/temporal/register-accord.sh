#!/bin/sh
# Creates the namespace (if missing) and Accord's search attributes (if missing). Keep the list in step
# with libs/contracts/src/search-attributes.ts (test/infra/compose.e2e-spec.ts checks it).
set -eu
NS="${TEMPORAL_NAMESPACE:-default}"
until temporal operator cluster health >/dev/null 2>&1; do echo 'waiting for Temporal…'; sleep 2; done
temporal operator namespace describe --namespace "$NS" >/dev/null 2>&1 ||
  temporal operator namespace create --namespace "$NS" --retention 30d
# A new namespace becomes usable once the server's namespace cache refreshes (seconds).
until existing="$(temporal operator search-attribute list --namespace "$NS" 2>/dev/null)"; do sleep 1; done
for pair in \
  AccordStatus=Keyword \
  AccordDefinitionId=Keyword \
  AccordPillar=Keyword \
  AccordInitiative=Keyword \
  AccordBusinessKey=Keyword \
  AccordInitiator=Keyword \
  AccordAwaitingParties=KeywordList \
  AccordAwaitingRoles=KeywordList \
  AccordCurrentSteps=KeywordList \
  AccordNextDueAt=Datetime \
  AccordLastProgressAt=Datetime \
  AccordProgressPct=Int \
  AccordTitle=Text; do
  name="${pair%%=*}"
  type="${pair#*=}"
  if echo "$existing" | grep -qw "$name"; then
    echo "search attribute $name exists"
  else
    temporal operator search-attribute create --namespace "$NS" --name "$name" --type "$type"
  fi
done
echo "namespace $NS ready for Accord"
