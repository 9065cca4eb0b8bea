#!/usr/bin/env bash
# End-to-end test of the production kit against the real programs: the sample app with failures
# injected, a Prometheus scraping it every second with the rules the app exports, and an
# Alertmanager delivering to a webhook on loopback. Asserts what a user of deploy/ relies on:
# the scrape works, the dashboard's every query answers, the rules load and fire, the alert
# arrives. Beside it, the Spring Boot 3.5 application (spring-boot-3/boot3-test-app: Spring AI
# 1.1's ChatClient with a @Tool) answers one question through a loopback OpenAI-compatible
# server, and the same Prometheus must see its run, model calls, tokens, tool call and cost.
# Everything listens on 127.0.0.1, on free ports, and is stopped on exit.
#
# The app also sends its metrics to a StatsD agent (a UDP socket on loopback), and is restarted
# once to show that the budget rules count the spend of both lifetimes; while it is stopped,
# Prometheus must fire the service-down rule.
#
# Runs from anywhere; needs Java 17, python3 and Debian's prometheus and prometheus-alertmanager
# (installed when missing, as root or through sudo). E2E_KEEP=1 keeps the work directory.
set -euo pipefail
cd "$(dirname "$0")/.."

E2E=e2e
PENDING_FOR=5s            # the rules' `for`, shortened from 2m (1m for AgentServiceDown) so that alerts fire in the test
# Time limits, at most 5 minutes in all: usually the whole test takes about 70 seconds
STARTUP_SECONDS=90        # the sample app and the Spring Boot 3.5 application answering (the sample again after its restart), side by side on a busy 2-core machine
READY_SECONDS=15          # Prometheus and Alertmanager ready
DATA_SECONDS=45           # series, rates and quantiles, from Prometheus' start
ALERT_SECONDS=60          # the alert at the webhook, from Prometheus' start
STOP_SECONDS=30           # the sample app gone after SIGTERM

PASSED=0
FAILED=0
PIDS=()
WORK=""

pass() { PASSED=$((PASSED + 1)); echo "PASS $*"; }
fail() { FAILED=$((FAILED + 1)); echo "FAIL $*"; }
say() { echo "e2e: $*"; }

# check DESCRIPTION COMMAND...: one PASS or FAIL line from the command's outcome
check() {
  local what=$1 out
  shift
  if out=$("$@" 2>&1); then pass "$what${out:+ -- ${out//$'\n'/; }}"; else fail "$what -- ${out//$'\n'/; }"; fi
}

# poll BY DESCRIPTION COMMAND...: like check, retrying every second until SECONDS reaches BY
poll() {
  local by=$1 what=$2 out
  shift 2
  while ! out=$("$@" 2>&1); do
    if ((SECONDS >= by)); then
      fail "$what -- ${out//$'\n'/; }"
      return 0
    fi
    sleep 1
  done
  pass "$what${out:+ -- ${out//$'\n'/; }}"
}

# A failure of the test's own set-up: nothing after it can be judged
die() {
  fail "$*"
  exit 1
}

finish() {
  local status=$?
  if ((status != 0 || FAILED > 0)) && [ -n "$WORK" ]; then
    for log in "$WORK"/*.log; do
      [ -s "$log" ] || continue
      echo "---- last lines of $(basename "$log")"
      tail -n 40 "$log"
    done
  fi
  # Stop what this script started, newest first, by process id
  local i
  for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do
    kill "${PIDS[i]}" 2>/dev/null || true
  done
  for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do
    for _ in $(seq 1 100); do
      kill -0 "${PIDS[i]}" 2>/dev/null || break
      sleep 0.1
    done
    kill -9 "${PIDS[i]}" 2>/dev/null || true
    wait "${PIDS[i]}" 2>/dev/null || true
  done
  if [ -n "$WORK" ] && [ "${E2E_KEEP:-0}" != 1 ]; then
    rm -rf "$WORK"
  elif [ -n "$WORK" ]; then
    say "kept $WORK"
  fi
  if ((status == 0 && FAILED > 0)); then
    status=1
  fi
  echo "e2e: $PASSED passed, $FAILED failed"
  exit "$status"
}
trap finish EXIT
trap 'exit 130' INT TERM

# start NAME COMMAND...: run a program in the background, its output in $WORK/NAME.log
start() {
  local name=$1
  shift
  "$@" >"$WORK/$name.log" 2>&1 </dev/null &
  PIDS+=("$!")
}

alive() {
  kill -0 "${PIDS[-1]}" 2>/dev/null
}

# await_ready NAME URL: wait for the program started last to answer URL, at most READY_SECONDS
await_ready() {
  local name=$1 url=$2
  local deadline=$((SECONDS + READY_SECONDS))
  until python3 $E2E/checks.py get "$url" >/dev/null 2>&1; do
    alive || die "$name stopped at start-up"
    ((SECONDS < deadline)) || die "$name is not ready after ${READY_SECONDS}s"
    sleep 1
  done
}

WORK=$(mktemp -d "${TMPDIR:-/tmp}/agent-observability-e2e.XXXXXX")

# ---- programs --------------------------------------------------------------------------------

alertmanager_binary() {
  command -v prometheus-alertmanager || command -v alertmanager || true
}

missing=()
command -v prometheus >/dev/null && command -v promtool >/dev/null || missing+=(prometheus)
[ -n "$(alertmanager_binary)" ] || missing+=(prometheus-alertmanager)
command -v python3 >/dev/null || missing+=(python3)
command -v python3 >/dev/null && python3 -c 'import yaml' 2>/dev/null || missing+=(python3-yaml)
if ((${#missing[@]} > 0)); then
  say "installing ${missing[*]}"
  sudo=()
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || die "installing ${missing[*]} needs root or sudo"
    sudo=(sudo -n)
  fi
  # Debian's packages may start their own services (ports 9090, 9093, 9094, 9100): everything
  # below uses its own free ports, so it does not matter whether they did. The package lists
  # are refreshed only when the install fails without them, as on a fresh image.
  apt_install=("${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends
    -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold "${missing[@]}")
  if ! "${apt_install[@]}" >"$WORK/apt.log" 2>&1; then
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null || die "apt-get update failed"
    "${apt_install[@]}" >"$WORK/apt.log" 2>&1 \
      || die "apt-get install ${missing[*]} failed: $(tail -n 5 "$WORK/apt.log")"
  fi
fi
ALERTMANAGER=$(alertmanager_binary)
command -v java >/dev/null || die "java is needed to run the applications"
say "$(prometheus --version 2>&1 | head -n 1)"
say "$("$ALERTMANAGER" --version 2>&1 | head -n 1)"

# ---- static checks of deploy/ -----------------------------------------------------------------

check "deploy/kubernetes/*.yaml are valid YAML of their kinds" \
  python3 $E2E/checks.py manifests deploy/kubernetes/*.yaml
check "the PrometheusRule's rules are a rules file" \
  python3 $E2E/checks.py rules deploy/kubernetes/prometheusrule.yaml "$WORK/deployed-rules.yml"
check "promtool check rules accepts deploy/kubernetes/prometheusrule.yaml" \
  promtool check rules "$WORK/deployed-rules.yml"
DASHBOARD_QUERIES=$WORK/dashboard-queries.tsv
check "the Grafana dashboard has a datasource and an agent variable and queries every panel" \
  python3 $E2E/checks.py dashboard deploy/grafana/agent-observability.json "$DASHBOARD_QUERIES"

# ---- the applications ---------------------------------------------------------------------------

# find_jar DIRECTORY NAME: the jar named NAME (a pattern) in DIRECTORY, if built
find_jar() {
  find "$1" -maxdepth 1 -name "$2" 2>/dev/null | head -n 1
}
SAMPLE_JAR_PATTERN=(sample-app/target 'sample-app-*.jar')
BOOT3_JAR_PATTERN=(spring-boot-3/boot3-test-app/target 'agent-observability-boot3-test-app-*.jar')
# The loopback server that answers like OpenAI is the one the bridge's tests use, in the core's test jar
OPENAI_JAR_PATTERN=(agent-observability-core/target 'agent-observability-core-*-tests.jar')
if [ -z "$(find_jar "${SAMPLE_JAR_PATTERN[@]}")" ] || [ -z "$(find_jar "${BOOT3_JAR_PATTERN[@]}")" ] \
  || [ -z "$(find_jar "${OPENAI_JAR_PATTERN[@]}")" ]; then
  say "building the sample app and the Spring Boot 3.5 application"
  ./mvnw -q -B -ntp -pl sample-app,spring-boot-3/boot3-test-app -am -DskipTests package \
    || die "the applications do not build"
fi
JAR=$(find_jar "${SAMPLE_JAR_PATTERN[@]}")
[ -n "$JAR" ] || die "no sample-app/target/sample-app-*.jar after the build"
BOOT3_JAR=$(find_jar "${BOOT3_JAR_PATTERN[@]}")
[ -n "$BOOT3_JAR" ] || die "no ${BOOT3_JAR_PATTERN[0]}/${BOOT3_JAR_PATTERN[1]} after the build"
OPENAI_JAR=$(find_jar "${OPENAI_JAR_PATTERN[@]}")
[ -n "$OPENAI_JAR" ] || die "no ${OPENAI_JAR_PATTERN[0]}/${OPENAI_JAR_PATTERN[1]} after the build"

SECONDS=0
read -r APP_PORT PROMETHEUS_PORT ALERTMANAGER_PORT WEBHOOK_PORT APP_WEBHOOK_PORT BOOT3_PORT OPENAI_PORT \
  <<<"$(python3 $E2E/checks.py ports 7)"
APP=http://127.0.0.1:$APP_PORT
BOOT3=http://127.0.0.1:$BOOT3_PORT
PROMETHEUS=http://127.0.0.1:$PROMETHEUS_PORT
ALERTMANAGER_URL=http://127.0.0.1:$ALERTMANAGER_PORT

# The StatsD agent, before the app that sends to it
STATSD_RECEIVED=$WORK/statsd-received.txt
start statsd python3 $E2E/statsd_receiver.py "$STATSD_RECEIVED"
for _ in $(seq 1 50); do
  STATSD_PORT=$(head -n 1 "$WORK/statsd.log" 2>/dev/null || true)
  [ -n "$STATSD_PORT" ] && break
  sleep 0.1
done
[ -n "$STATSD_PORT" ] || die "the StatsD receiver did not start"

# Most model calls fail, so that the error-rate alert fires at once; model prices, so that the
# cost series exist; the endpoints the test reads, whatever the sample exposes by default; StatsD
# export (Datadog's flavor, Spring Boot's default) beside Prometheus, polled every second; the
# app's own alerts, judged every 2s, to a webhook of their own in Alertmanager's format; the
# service-down rule of its PrometheusRule watching the job Prometheus scrapes it as.
# Micrometer puts trace exemplars on histograms' _count lines too, which Prometheus before 2.43
# (Debian 12 ships 2.42) rejects by dropping the whole scrape: keep them on buckets only.
APP_ARGS=(--server.address=127.0.0.1 --server.port="$APP_PORT"
  --sample.llm.failure-rate=0.6 --sample.llm.latency=20ms --sample.traffic.rate=5
  --monitoring.cost.models.gpt-4o.input=2.5 --monitoring.cost.models.gpt-4o.output=10
  --monitoring.cost.models.gpt-4o-mini.input=0.15 --monitoring.cost.models.gpt-4o-mini.output=0.6
  --management.endpoints.web.exposure.include=health,prometheus,agents,agentalerts
  --monitoring.alerts.evaluation-interval=2s --monitoring.alerts.scrape-job=agent-sample
  '--monitoring.alerts.webhooks[0].name=e2e'
  "--monitoring.alerts.webhooks[0].url=http://127.0.0.1:$APP_WEBHOOK_PORT/agents"
  '--monitoring.alerts.webhooks[0].format=alertmanager'
  '--management.prometheus.metrics.export.properties[io.prometheus.exporter.exemplarsOnAllMetricTypes]=false'
  --management.statsd.metrics.export.enabled=true --management.statsd.metrics.export.host=127.0.0.1
  --management.statsd.metrics.export.port="$STATSD_PORT" --management.statsd.metrics.export.polling-frequency=1s)
say "starting the sample app on $APP"
start app java -XX:TieredStopAtLevel=1 -Xmx512m -jar "$JAR" "${APP_ARGS[@]}"
APP_PID=${PIDS[-1]}

# Started side by side with the sample app: on two cores, one after the other would take longer.
# Spring AI 1.1 puts /v1 after the base URL itself.
say "starting the Spring Boot 3.5 application on $BOOT3, its OpenAI on 127.0.0.1:$OPENAI_PORT"
start openai java -Xmx64m -cp "$OPENAI_JAR" dev.agentobs.internal.bridge.springai.OpenAiCompatibleServer "$OPENAI_PORT"
OPENAI_PID=${PIDS[-1]}
start boot3 java -XX:TieredStopAtLevel=1 -Xmx384m -jar "$BOOT3_JAR" \
  --server.address=127.0.0.1 --server.port="$BOOT3_PORT" \
  --spring.ai.openai.base-url="http://127.0.0.1:$OPENAI_PORT" \
  '--management.prometheus.metrics.export.properties[io.prometheus.exporter.exemplarsOnAllMetricTypes]=false'
BOOT3_PID=${PIDS[-1]}

# ---- the webhook and Alertmanager, while the applications start ----------------------------------

RECEIVED=$WORK/webhook-received.jsonl
start webhook python3 $E2E/webhook_receiver.py "$WEBHOOK_PORT" "$RECEIVED"
APP_RECEIVED=$WORK/app-webhook-received.jsonl
start app-webhook python3 $E2E/webhook_receiver.py "$APP_WEBHOOK_PORT" "$APP_RECEIVED"

cat >"$WORK/alertmanager.yml" <<EOF
route:
  receiver: webhook
  group_by: [alertname, gen_ai_agent_name]
  group_wait: 1s
  group_interval: 1s
  repeat_interval: 1h
receivers:
  - name: webhook
    webhook_configs:
      - url: http://127.0.0.1:$WEBHOOK_PORT/alerts
        send_resolved: false
EOF
amtool check-config "$WORK/alertmanager.yml" >"$WORK/amtool.log" 2>&1 || die "amtool rejects the test's alertmanager.yml"
# No cluster listener: it would bind 0.0.0.0:9094, which a packaged Alertmanager may hold
start alertmanager "$ALERTMANAGER" --config.file="$WORK/alertmanager.yml" \
  --storage.path="$WORK/alertmanager-data" --web.listen-address="127.0.0.1:$ALERTMANAGER_PORT" \
  --cluster.listen-address=

await_ready Alertmanager "$ALERTMANAGER_URL/-/ready"

# ---- the app's rules, then Prometheus ---------------------------------------------------------

deadline=$((SECONDS + STARTUP_SECONDS))
until python3 $E2E/checks.py get "$APP/actuator/agentalerts/rules" >"$WORK/app-rules.yaml" 2>/dev/null; do
  kill -0 "$APP_PID" 2>/dev/null || die "the sample app stopped at start-up"
  ((SECONDS < deadline)) || die "the sample app does not answer /actuator/agentalerts/rules after ${STARTUP_SECONDS}s"
  sleep 1
done
say "the sample app answers after ${SECONDS}s"
until python3 $E2E/checks.py get "$BOOT3/actuator/health" >/dev/null 2>&1; do
  kill -0 "$BOOT3_PID" 2>/dev/null || die "the Spring Boot 3.5 application stopped at start-up"
  ((SECONDS < deadline)) || die "the Spring Boot 3.5 application does not answer /actuator/health after ${STARTUP_SECONDS}s"
  sleep 1
done
say "the Spring Boot 3.5 application answers after ${SECONDS}s"
kill -0 "$OPENAI_PID" 2>/dev/null || die "the OpenAI-compatible server stopped"

# One question, so that a run with two model calls and a tool call is there to scrape
check "Spring Boot 3.5: the ChatClient answers with its @Tool through the loopback OpenAI server" \
  python3 $E2E/checks.py ask "$BOOT3/api/ask" "What is the weather in Paris?" "It is sunny in Paris."

check "/actuator/agentalerts/rules is a PrometheusRule (for: shortened to $PENDING_FOR)" \
  python3 $E2E/checks.py rules "$WORK/app-rules.yaml" "$WORK/rules.yml" "$PENDING_FOR"
check "promtool check rules accepts the app's rules" promtool check rules "$WORK/rules.yml"

# The budgets over replicas and restarts, by Prometheus' own rule tests: two replicas of one
# service, the first restarted after 6 minutes (its counters began again at 0), and another
# service. Neither replica passes a budget alone; the service does; the other service is apart.
# Then the runs stopped by their budget, per agent, over two replicas and a restart.
COST_EXPR=$(python3 $E2E/checks.py rule-expr "$WORK/rules.yml" AgentDailyCostBudget) || die "$COST_EXPR"
TOKENS_EXPR=$(python3 $E2E/checks.py rule-expr "$WORK/rules.yml" AgentDailyTokenBudget) || die "$TOKENS_EXPR"
STOPS_EXPR=$(python3 $E2E/checks.py rule-expr "$WORK/rules.yml" AgentBudgetExceeded) || die "$STOPS_EXPR"
cat >"$WORK/budget-tests.yml" <<EOF
rule_files: [rules.yml]
evaluation_interval: 1m
tests:
  - interval: 1m
    input_series:
      - series: 'gen_ai_client_cost_usd_total{job="agent-sample",instance="pod-a",gen_ai_request_model="gpt-4o"}'
        values: '0+1x6 0+1x3'
      - series: 'gen_ai_client_cost_usd_total{job="agent-sample",instance="pod-b",gen_ai_request_model="gpt-4o"}'
        values: '0+1x10'
      - series: 'gen_ai_client_cost_usd_total{job="other-service",instance="pod-c",gen_ai_request_model="gpt-4o"}'
        values: '0+1x10'
      - series: 'gen_ai_client_token_usage_tokens_sum{job="agent-sample",instance="pod-a",gen_ai_token_type="input"}'
        values: '0+200000x6 0+200000x3'
      - series: 'gen_ai_client_token_usage_tokens_sum{job="agent-sample",instance="pod-b",gen_ai_token_type="input"}'
        values: '0+200000x10'
    promql_expr_test:
      - expr: '$COST_EXPR'
        eval_time: 10m
        exp_samples:
          - labels: '{job="agent-sample"}'
            value: 19
      - expr: '$TOKENS_EXPR'
        eval_time: 10m
        exp_samples:
          - labels: '{job="agent-sample"}'
            value: 3800000
  # Runs stopped by their budget in the window, per agent: pod-a's stop before its restart
  # (at 4m) has left the window at 8m, the one after it counts with pod-b's; the planner's stops
  # are older than the window; at 13m no stop is left in it.
  - interval: 1m
    input_series:
      - series: 'agent_budget_exceeded_total{job="agent-sample",instance="pod-a",gen_ai_agent_name="research-agent",limit="max-tokens"}'
        values: '0 1 1 1 0 0 1 1 1 1 1 1 1 1'
      - series: 'agent_budget_exceeded_total{job="agent-sample",instance="pod-b",gen_ai_agent_name="research-agent",limit="max-cost"}'
        values: '0 0 0 0 0 0 0 1 1 1 1 1 1 1'
      - series: 'agent_budget_exceeded_total{job="agent-sample",instance="pod-b",gen_ai_agent_name="planner",limit="max-steps"}'
        values: '2x13'
    promql_expr_test:
      - expr: '$STOPS_EXPR'
        eval_time: 8m
        exp_samples:
          - labels: '{gen_ai_agent_name="research-agent"}'
            value: 2
      - expr: '$STOPS_EXPR'
        eval_time: 13m
        exp_samples: []
EOF
check "promtool test rules: the daily budgets and the budget stops add up the replicas and restarts of one service" \
  promtool test rules "$WORK/budget-tests.yml"

cat >"$WORK/prometheus.yml" <<EOF
global:
  scrape_interval: 1s
  evaluation_interval: 1s
rule_files:
  - $WORK/rules.yml
alerting:
  alertmanagers:
    - static_configs:
        - targets: ['127.0.0.1:$ALERTMANAGER_PORT']
scrape_configs:
  - job_name: agent-sample
    metrics_path: /actuator/prometheus
    static_configs:
      - targets: ['127.0.0.1:$APP_PORT']
  - job_name: agent-boot3
    metrics_path: /actuator/prometheus
    static_configs:
      - targets: ['127.0.0.1:$BOOT3_PORT']
EOF
promtool check config "$WORK/prometheus.yml" >"$WORK/promtool-config.log" 2>&1 \
  || die "promtool rejects the test's prometheus.yml"
start prometheus prometheus --config.file="$WORK/prometheus.yml" --storage.tsdb.path="$WORK/prometheus-data" \
  --web.listen-address="127.0.0.1:$PROMETHEUS_PORT"

await_ready Prometheus "$PROMETHEUS/-/ready"
say "Prometheus $PROMETHEUS, Alertmanager $ALERTMANAGER_URL, webhook 127.0.0.1:$WEBHOOK_PORT"

# ---- what Prometheus sees -----------------------------------------------------------------------

data_by=$((SECONDS + DATA_SECONDS))
alerts_by=$((SECONDS + ALERT_SECONDS))
poll $data_by "Prometheus scrapes /actuator/prometheus" python3 $E2E/checks.py target-up "$PROMETHEUS" agent-sample
for family in gen_ai_client_operation_duration_seconds_count gen_ai_execute_tool_duration_seconds_count \
  gen_ai_invoke_agent_duration_seconds_count; do
  poll $data_by "series of $family" python3 $E2E/checks.py query "$PROMETHEUS" "$family{job=\"agent-sample\"}"
done
poll $data_by "histogram_quantile over the model call buckets answers a number" python3 $E2E/checks.py query \
  "$PROMETHEUS" 'histogram_quantile(0.95, sum by (le) (rate(gen_ai_client_operation_duration_seconds_bucket[1m])))'

while IFS=$'\t' read -r title query; do
  poll $data_by "dashboard: $title: $query" python3 $E2E/checks.py query "$PROMETHEUS" "$query"
done <"$DASHBOARD_QUERIES"

# The Spring Boot 3.5 application's one question, as Prometheus stored it: a run, two model calls
# (the tool call asked for, then the answer), the loopback server's tokens (60 + 80 input,
# 15 + 9 output), one tool call, and a cost from the prices in its application.yml
poll $data_by "Spring Boot 3.5: Prometheus scrapes /actuator/prometheus" \
  python3 $E2E/checks.py target-up "$PROMETHEUS" agent-boot3
BOOT3_SERIES='job="agent-boot3",gen_ai_agent_name="weather-assistant"'
poll $data_by "Spring Boot 3.5: one agent run" python3 $E2E/checks.py query "$PROMETHEUS" \
  "gen_ai_invoke_agent_duration_seconds_count{$BOOT3_SERIES,error_type=\"none\"} == 1"
poll $data_by "Spring Boot 3.5: two model calls" python3 $E2E/checks.py query "$PROMETHEUS" \
  "gen_ai_client_operation_duration_seconds_count{job=\"agent-boot3\",gen_ai_provider_name=\"openai\",gen_ai_request_model=\"gpt-4o\",error_type=\"none\"} == 2"
poll $data_by "Spring Boot 3.5: 140 input and 24 output tokens" python3 $E2E/checks.py query "$PROMETHEUS" \
  "gen_ai_client_token_usage_tokens_sum{job=\"agent-boot3\",gen_ai_token_type=\"input\"} == 140
    and on() gen_ai_client_token_usage_tokens_sum{job=\"agent-boot3\",gen_ai_token_type=\"output\"} == 24"
poll $data_by "Spring Boot 3.5: one call of the currentWeather tool" python3 $E2E/checks.py query "$PROMETHEUS" \
  "gen_ai_execute_tool_duration_seconds_count{$BOOT3_SERIES,gen_ai_tool_name=\"currentWeather\"} == 1"
poll $data_by "Spring Boot 3.5: a cost above zero" python3 $E2E/checks.py query "$PROMETHEUS" \
  "gen_ai_client_cost_usd_total{$BOOT3_SERIES,gen_ai_request_model=\"gpt-4o\"} > 0"

# lint_scrape NAME FILE: promtool lints the whole scrape; the JVM's and Spring Boot's families
# are not ours to judge, nor Spring AI's own timers, which it keeps beside ours (docs/bridges.md)
SPRING_AI_OWN='gen_ai_client_operation_seconds|gen_ai_client_operation_active_seconds|gen_ai_client_token_usage_total'
lint_scrape() {
  local name=$1 scrape=$2 lint=0 ours
  promtool check metrics <"$scrape" >"$WORK/promtool-$name.log" 2>&1 || lint=$?
  ours=$(grep -cE '^# TYPE (gen_ai_|agent_)' "$scrape" || true)
  if ((lint != 0 && lint != 3)); then  # 3: lint problems found; anything else: it could not lint
    fail "$name: promtool check metrics could not read the scrape -- $(tr '\n' ';' <"$WORK/promtool-$name.log")"
  elif grep -E '(^|[^a-z_])(gen_ai_|agent_)' "$WORK/promtool-$name.log" \
    | grep -vE "^($SPRING_AI_OWN)(_max)? " >"$WORK/lint-ours-$name.txt"; then
    fail "$name: promtool check metrics finds problems in our families -- $(tr '\n' ';' <"$WORK/lint-ours-$name.txt")"
  elif ((ours == 0)); then
    fail "$name: promtool check metrics: the scrape has none of our families"
  else
    pass "$name: promtool check metrics finds nothing to lint in our $ours metric families"
  fi
}
python3 $E2E/checks.py get "$APP/actuator/prometheus" 'text/plain;version=0.0.4' >"$WORK/scrape.txt" \
  || die "no scrape from $APP/actuator/prometheus"
lint_scrape "the sample app (Spring Boot 4)" "$WORK/scrape.txt"
python3 $E2E/checks.py get "$BOOT3/actuator/prometheus" 'text/plain;version=0.0.4' >"$WORK/scrape-boot3.txt" \
  || die "no scrape from $BOOT3/actuator/prometheus"
lint_scrape "the Spring Boot 3.5 application" "$WORK/scrape-boot3.txt"

# ---- alerts ---------------------------------------------------------------------------------------

poll $alerts_by "Prometheus fires HighAgentErrorRate" python3 $E2E/checks.py alert-firing "$PROMETHEUS" HighAgentErrorRate
poll $alerts_by "Alertmanager delivers HighAgentErrorRate to the webhook" python3 $E2E/checks.py delivered "$RECEIVED" HighAgentErrorRate
poll $alerts_by "the app's own HighAgentErrorRate reaches its webhook" \
  python3 $E2E/checks.py delivered "$APP_RECEIVED" HighAgentErrorRate

# ---- StatsD: the timers without the Prometheus buckets ---------------------------------------

check "StatsD (Datadog flavor) gets our timers and token counts, no bucket gauges" \
  python3 $E2E/checks.py statsd "$STATSD_RECEIVED"

# ---- a restart: the budget rules count both lifetimes ----------------------------------------

# The spend the cost budget judges (its expression without the threshold) when the first
# lifetime ends: stop the app, let Prometheus find it down, read the spend. Then start it again
# on the same address, so that its counters go on in the same series from 0, as after a crash.
# The Spring Boot 3.5 application spends too, as another job: keep the sample's series
COST_SPEND="(${COST_EXPR% > *}) and on (job) up{job=\"agent-sample\"}"
FIRST_SINCE=$(python3 $E2E/checks.py today-since "$APP") || die "/actuator/agents before the restart -- $FIRST_SINCE"
restart_from=$SECONDS
kill "$APP_PID" 2>/dev/null || true
stop_by=$((SECONDS + STOP_SECONDS))
while kill -0 "$APP_PID" 2>/dev/null; do
  ((SECONDS < stop_by)) || die "the sample app is still running ${STOP_SECONDS}s after SIGTERM"
  sleep 0.2
done
check "the sample's firing HighAgentErrorRate reaches its webhook resolved as it stops" \
  python3 $E2E/checks.py delivered "$APP_RECEIVED" HighAgentErrorRate resolved
restart_by=$((SECONDS + STARTUP_SECONDS))
poll $restart_by "Prometheus finds the stopped sample app down" python3 $E2E/checks.py target-down "$PROMETHEUS" agent-sample
# up == 0 for the rule's `for` (5s here, 1m as generated) and Prometheus' 1s evaluation
down_by=$((SECONDS + 30))
poll $down_by "Prometheus fires AgentServiceDown for the stopped sample app" \
  python3 $E2E/checks.py alert-firing "$PROMETHEUS" AgentServiceDown
poll $down_by "Alertmanager delivers AgentServiceDown to the webhook" \
  python3 $E2E/checks.py delivered "$RECEIVED" AgentServiceDown
FIRST_SPEND=$(python3 $E2E/checks.py value "$PROMETHEUS" "$COST_SPEND") || die "no spend of the first lifetime -- $FIRST_SPEND"
say "the first lifetime spent \$$FIRST_SPEND by $COST_SPEND"
start app-restarted java -XX:TieredStopAtLevel=1 -Xmx512m -jar "$JAR" "${APP_ARGS[@]}"
APP_PID=${PIDS[-1]}
poll $restart_by "Prometheus scrapes the restarted sample app" python3 $E2E/checks.py target-up "$PROMETHEUS" agent-sample
poll $restart_by "AgentServiceDown ends once the sample app is scraped again" \
  python3 $E2E/checks.py alert-inactive "$PROMETHEUS" AgentServiceDown
poll $restart_by "AgentDailyCostBudget's expression counts the spend of both lifetimes" \
  python3 $E2E/checks.py lifetimes "$PROMETHEUS" "$COST_SPEND" 'sum(gen_ai_client_cost_usd_total{job="agent-sample"})' "$FIRST_SPEND"
check "/actuator/agents counts today from the restart (the first lifetime from $FIRST_SINCE)" \
  python3 $E2E/checks.py today-since "$APP" "$FIRST_SINCE"
say "the restart and its checks took $((SECONDS - restart_from))s"

# ---- bad configuration fails start-up with a failure analysis -----------------------------------

# refuses_to_start NAME KEY SHOWN ARG...: the sample app, started with a bad monitoring.* value or
# an unknown monitoring.* key, exits non-zero with Spring Boot's failure analysis naming the key,
# showing SHOWN (the value, or the key meant) and what would be right, and no stack trace of the
# bean that happened to need the value first
refuses_to_start() {
  local name=$1 key=$2 shown=$3 log="$WORK/refuses-$1.log" status=0
  shift 3
  timeout 60 java -XX:TieredStopAtLevel=1 -Xmx256m -jar "$JAR" --server.port=0 \
    --sample.traffic.rate=0 "$@" >"$log" 2>&1 || status=$?
  if ((status == 0 || status == 124)); then
    echo "exit status $status, expected a failed start-up"
    return 1
  fi
  grep -q 'APPLICATION FAILED TO START' "$log" || { echo "no failure analysis"; return 1; }
  grep -qF "Property: $key" "$log" || { echo "the analysis does not name $key"; return 1; }
  grep -qF "$shown" "$log" || { echo "the analysis does not show $shown"; return 1; }
  grep -qE 'Reason: .*(must be|did you mean)' "$log" || { echo "the analysis does not say what would be right"; return 1; }
  if grep -q observationRegistry "$log"; then
    echo "the output blames observationRegistry"
    return 1
  fi
  echo "exit status $status, $(grep -m1 -F 'Reason:' "$log" | sed 's/^ *//')"
}
check "a negative model price stops the sample app with a failure analysis" \
  refuses_to_start price monitoring.cost.models.gpt-4o.input 'Value: "-1.0"' \
  --monitoring.cost.models.gpt-4o.input=-1 --monitoring.cost.models.gpt-4o.output=10
# A webhook URL may hold its secret: the analysis shows a hash of it, never the text
check "a webhook URL that is no URL stops the sample app with a failure analysis" \
  refuses_to_start webhook 'monitoring.alerts.webhooks[0].url' 'Value: "<sha256:' \
  '--monitoring.alerts.webhooks[0].url=not a url'
check "the failure analysis does not print the webhook URL" \
  bash -c '! grep -F "not a url" "$1"' _ "$WORK/refuses-webhook.log"
check "a misspelled key stops the sample app naming the key meant" \
  refuses_to_start typo monitoring.helth.min-requests 'did you mean monitoring.health.min-requests?' \
  --monitoring.helth.min-requests=5

# ---- stopping the app ---------------------------------------------------------------------------

# stop_app: SIGTERM, as Kubernetes stops a pod, and the app's exit within its shutdown phases
stop_app() {
  kill -TERM "$APP_PID" 2>/dev/null || { echo "the sample app was not running"; return 1; }
  for _ in $(seq 1 300); do
    kill -0 "$APP_PID" 2>/dev/null || { echo "exited"; return 0; }
    sleep 0.1
  done
  echo "still running 30s after SIGTERM"
  return 1
}
check "the restarted sample app stops on SIGTERM" stop_app

say "done in ${SECONDS}s after the build"
