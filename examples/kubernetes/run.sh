#!/usr/bin/env bash
# Runs examples/kubernetes end to end on the current kubectl context: the script as a ConfigMap,
# the results volume, the coordinator (Job + Service) and the Indexed Job (4 segments, one start time).
# The coordinator's exit code is the verdict; merge-job.yaml is the way without a coordinator.
# Usage: examples/kubernetes/run.sh [SECONDS_UNTIL_START]   (default 90: time to pull and start)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

lead=${1:-90}
run_id=run-$(date -u +%Y%m%d-%H%M%S)
start_at=$(date -u -d "+${lead} seconds" +%Y-%m-%dT%H:%M:%SZ)
fill() { sed -e "s/__RUN_ID__/${run_id}/" -e "s/__START_AT__/${start_at}/" "$1"; }
# Waits until a Job has succeeded or failed (kubectl wait cannot wait for either).
finished() {
  for _ in $(seq "$2"); do
    [[ -n $(kubectl get job "$1" -o jsonpath='{.status.succeeded}{.status.failed}') ]] && return 0
    sleep 1
  done
  echo "job $1 still running after $2 s" >&2
  return 1
}

kubectl create configmap salvo-script --from-file=test.js --dry-run=client -o yaml | kubectl apply -f -
kubectl apply -f results-pvc.yaml
kubectl create secret generic salvo-token --from-literal=token="$(head -c 24 /dev/urandom | base64)" \
  --dry-run=client -o yaml | kubectl apply -f -
kubectl delete job salvo-load salvo-merge salvo-coordinator --ignore-not-found
echo "run ${run_id}: 4 segments start at ${start_at}"
fill coordinator.yaml | kubectl apply -f -
fill load-job.yaml | kubectl apply -f -
# A segment that dies (crash, OOM) is named by the coordinator, whose result is then partial (exit 98).
finished salvo-load 3600
finished salvo-coordinator 600
kubectl logs job/salvo-coordinator
# The verdict is salvo coordinate's exit code: 0 passed, 99 a threshold breached, 98 a segment lost.
[[ $(kubectl get job salvo-coordinator -o jsonpath='{.status.succeeded}') == 1 ]]
