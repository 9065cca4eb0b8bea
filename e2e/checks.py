#!/usr/bin/env python3
"""The checks of the end-to-end test (e2e/run.sh), one per subcommand.

Each subcommand prints what it found on one line and exits 0 when the check holds, 1 when it
does not, so that run.sh can poll it and report PASS or FAIL. Only the standard library and
PyYAML are used.

  ports N                       N free TCP ports on 127.0.0.1
  get URL [ACCEPT]              the body of URL
  ask URL QUESTION ANSWER       POSTs QUESTION as plain text to URL and wants ANSWER back
  rules PROMETHEUSRULE OUT [FOR]
                                the PrometheusRule's groups as a plain rules file, every
                                non-zero `for` replaced by FOR when given
  manifests FILE...             the Kubernetes manifests are valid YAML of their kinds
  dashboard FILE OUT            the Grafana dashboard's shape; writes its queries to OUT as
                                "title<TAB>query" lines, with Grafana's variables replaced
  query PROMETHEUS QUERY        the query runs and answers at least one number
  target-up PROMETHEUS JOB      the job's targets are all up
  alert-firing PROMETHEUS NAME  Prometheus fires the alert
  alert-inactive PROMETHEUS NAME
                                Prometheus neither fires the alert nor has it pending
  delivered FILE NAME [STATUS]  the webhook received the alert with that status (firing unless
                                given) in Alertmanager's payload, from Alertmanager or the app
  statsd FILE                   the StatsD lines in FILE have the starter's timers and token
                                counts, and none of their histogram buckets as gauges
  rule-expr RULES ALERT         the expression of the alert in a rules file, on one line
  target-down PROMETHEUS JOB    the job's targets are all down
  value PROMETHEUS QUERY        the number the query answers (one series)
  today-since APP [BEFORE]      since when /actuator/agents counts today, later than BEFORE
  lifetimes PROMETHEUS SPEND NOW FIRST
                                the spend expression counts the first lifetime's FIRST and the
                                spend of the lifetime now running (NOW), both as Prometheus saw it
"""

import json
import math
import re
import socket
import sys
import urllib.error
import urllib.parse
import urllib.request

TIMEOUT_SECONDS = 5


class CheckFailed(Exception):
    pass


def fetch(url, accept=None, text=None):
    headers = {"Accept": accept} if accept else {}
    data = None
    if text is not None:
        headers["Content-Type"] = "text/plain"
        data = text.encode("utf-8")
    request = urllib.request.Request(url, data=data, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
            return response.read().decode("utf-8")
    except urllib.error.HTTPError as ex:
        # Prometheus explains a bad query in the body of its 400 and 422 answers
        body = ex.read().decode("utf-8", "replace")
        try:
            detail = json.loads(body).get("error", body)
        except ValueError:
            detail = body
        raise CheckFailed(f"HTTP {ex.code} from {url}: {detail.strip()[:300]}")
    except (urllib.error.URLError, OSError) as ex:
        raise CheckFailed(f"no answer from {url}: {getattr(ex, 'reason', ex)}")


def api(prometheus, path, **params):
    url = prometheus.rstrip("/") + path
    if params:
        url += "?" + urllib.parse.urlencode(params)
    answer = json.loads(fetch(url))
    if answer.get("status") != "success":
        raise CheckFailed(f"{path}: {answer.get('errorType')}: {answer.get('error')}")
    return answer["data"]


def load_yaml_documents(path):
    import yaml  # only the subcommands that read YAML need PyYAML

    with open(path, encoding="utf-8") as text:
        return [document for document in yaml.safe_load_all(text) if document is not None]


# ---------------------------------------------------------------------------------------------


def ports(count):
    sockets = []
    try:
        # All open at once, so that the ports differ from each other
        for _ in range(int(count)):
            held = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            held.bind(("127.0.0.1", 0))
            sockets.append(held)
        return " ".join(str(held.getsockname()[1]) for held in sockets)
    finally:
        for held in sockets:
            held.close()


def get(url, accept=None):
    return fetch(url, accept)


def ask(url, question, expected):
    answer = fetch(url, text=question)
    if answer != expected:
        raise CheckFailed(f"answered '{answer[:200]}', expected '{expected}'")
    return f"'{question}' answered '{answer}'"


def rules(source, out, pending_for=None):
    import yaml

    # Multi-line expressions stay readable block scalars, as in the PrometheusRule
    yaml.SafeDumper.add_representer(str, lambda dumper, text: dumper.represent_scalar(
        "tag:yaml.org,2002:str", text, style="|" if "\n" in text else None))

    documents = load_yaml_documents(source)
    if len(documents) != 1 or documents[0].get("kind") != "PrometheusRule":
        raise CheckFailed(f"{source} is not one PrometheusRule")
    groups = documents[0].get("spec", {}).get("groups")
    if not groups:
        raise CheckFailed(f"{source} has no spec.groups")
    count = 0
    for group in groups:
        for rule in group.get("rules", []):
            count += 1
            if pending_for and duration_seconds(str(rule.get("for", "0s"))) > 0:
                rule["for"] = pending_for
    with open(out, "w", encoding="utf-8") as file:
        yaml.safe_dump({"groups": groups}, file, sort_keys=False, width=1000)
    shortened = f", `for` shortened to {pending_for}" if pending_for else ""
    return f"{count} rules in {len(groups)} groups{shortened}"


DURATION = re.compile(r"^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?:(\d+)ms)?$")


def duration_seconds(text):
    match = DURATION.match(text)
    if not text or not match:
        raise CheckFailed(f"'{text}' is not a Prometheus duration such as 30s or 2m")
    d, h, m, s, ms = (int(part) if part else 0 for part in match.groups())
    return d * 86400 + h * 3600 + m * 60 + s + ms / 1000


def manifests(*paths):
    problems = []
    resources = []
    for path in paths:
        try:
            documents = load_yaml_documents(path)
        except Exception as ex:  # a YAML syntax error names the line
            problems.append(f"{path}: not YAML: {ex}")
            continue
        for document in documents:
            if not isinstance(document, dict):
                problems.append(f"{path}: a document is not a mapping")
                continue
            resources.append((path, document))
    by_kind = {}
    for path, resource in resources:
        kind = resource.get("kind")
        name = (resource.get("metadata") or {}).get("name")
        where = f"{path}: {kind} {name}"
        expected = KINDS.get(kind)
        if expected is None:
            problems.append(f"{where}: unexpected kind (expected one of {', '.join(KINDS)})")
            continue
        if resource.get("apiVersion") != expected[0]:
            problems.append(f"{where}: apiVersion {resource.get('apiVersion')}, expected {expected[0]}")
        if not name:
            problems.append(f"{where}: no metadata.name")
        by_kind.setdefault(kind, []).append(resource)
        problems.extend(f"{where}: {problem}" for problem in expected[1](resource.get("spec") or {}))
    problems.extend(cross_check(by_kind))
    if problems:
        raise CheckFailed("; ".join(problems))
    return ", ".join(f"{r.get('kind')} {r['metadata']['name']}" for _, r in resources)


def check_deployment(spec):
    selector = (spec.get("selector") or {}).get("matchLabels") or {}
    template = spec.get("template") or {}
    labels = (template.get("metadata") or {}).get("labels") or {}
    if not selector:
        yield "no spec.selector.matchLabels"
    if any(labels.get(key) != value for key, value in selector.items()):
        yield "spec.selector.matchLabels does not match the pod template's labels"
    containers = (template.get("spec") or {}).get("containers") or []
    if not containers:
        yield "no containers"
    for container in containers:
        if not container.get("name") or not container.get("image"):
            yield "a container without name or image"
        port_names = {port.get("name") for port in container.get("ports") or []}
        for probe, path in (("livenessProbe", "/actuator/health/liveness"),
                            ("readinessProbe", "/actuator/health/readiness")):
            http = (container.get(probe) or {}).get("httpGet") or {}
            if http.get("path") != path:
                yield f"{probe} of {container.get('name')} does not ask {path}"
            if isinstance(http.get("port"), str) and http["port"] not in port_names:
                yield f"{probe} uses port '{http['port']}', which the container does not name"


def check_service(spec):
    if not spec.get("selector"):
        yield "no spec.selector"
    for port in spec.get("ports") or [{}]:
        if not isinstance(port.get("port"), int):
            yield "a port without a numeric port"


def check_service_monitor(spec):
    if not (spec.get("selector") or {}).get("matchLabels"):
        yield "no spec.selector.matchLabels"
    endpoints = spec.get("endpoints") or []
    if not endpoints:
        yield "no endpoints"
    for endpoint in endpoints:
        if endpoint.get("path") != "/actuator/prometheus":
            yield f"endpoint path {endpoint.get('path')}, expected /actuator/prometheus"
        if not isinstance(endpoint.get("port"), str):
            yield "an endpoint without a named port"
        for key in ("interval", "scrapeTimeout"):
            if key in endpoint:
                try:
                    duration_seconds(str(endpoint[key]))
                except CheckFailed as ex:
                    yield f"{key}: {ex}"


def check_prometheus_rule(spec):
    groups = spec.get("groups") or []
    if not groups:
        yield "no spec.groups"
    for group in groups:
        if not group.get("name") or not group.get("rules"):
            yield "a group without name or rules"
        for rule in group.get("rules") or []:
            if not (rule.get("alert") or rule.get("record")) or not rule.get("expr"):
                yield f"a rule without alert/record or expr in {group.get('name')}"
            if rule.get("alert") and not (rule.get("labels") or {}).get("severity"):
                yield f"alert {rule.get('alert')} has no severity label"


KINDS = {
    "Deployment": ("apps/v1", check_deployment),
    "Service": ("v1", check_service),
    "ServiceMonitor": ("monitoring.coreos.com/v1", check_service_monitor),
    "PrometheusRule": ("monitoring.coreos.com/v1", check_prometheus_rule),
}


def cross_check(by_kind):
    """The ServiceMonitor must find the Service, and the Service the Deployment's pods."""
    services = by_kind.get("Service", [])
    deployments = by_kind.get("Deployment", [])
    for monitor in by_kind.get("ServiceMonitor", []):
        wanted = monitor["spec"]["selector"]["matchLabels"]
        found = [s for s in services if matches(wanted, s["metadata"].get("labels"))]
        if not found:
            yield f"ServiceMonitor {monitor['metadata']['name']} selects no Service"
        for endpoint in monitor["spec"]["endpoints"]:
            for service in found:
                if endpoint.get("port") not in {p.get("name") for p in service["spec"].get("ports", [])}:
                    yield (f"ServiceMonitor port '{endpoint.get('port')}' is not a port name of "
                           f"Service {service['metadata']['name']}")
    for service in services:
        pods = [d["spec"]["template"]["metadata"].get("labels") for d in deployments]
        if deployments and not any(matches(service["spec"].get("selector", {}), labels) for labels in pods):
            yield f"Service {service['metadata']['name']} selects no Deployment's pods"


def matches(selector, labels):
    labels = labels or {}
    return bool(selector) and all(labels.get(key) == value for key, value in selector.items())


# ---------------------------------------------------------------------------------------------

# What Grafana puts in place of its variables when the dashboard shows every agent
GRAFANA_VARIABLES = {
    "agent": ".*",
    "__rate_interval": "1m",
    "__interval": "15s",
    "__range": "1h",
    "__range_s": "3600",
}


def substitute(expr):
    for name, value in GRAFANA_VARIABLES.items():
        expr = expr.replace("${" + name + "}", value).replace("[[" + name + "]]", value)
        expr = re.sub(r"\$" + re.escape(name) + r"\b", value, expr)
    return expr


def dashboard(path, out):
    with open(path, encoding="utf-8") as file:
        board = json.load(file)
    problems = []
    if not board.get("uid") or not board.get("title"):
        problems.append("no uid or title")
    variables = {v.get("name"): v for v in (board.get("templating") or {}).get("list", [])}
    if (variables.get("datasource") or {}).get("type") != "datasource":
        problems.append("no datasource variable")
    if "agent" not in variables:
        problems.append("no agent variable")
    lines = []
    for name, variable in variables.items():
        if variable.get("type") == "query":
            query = variable.get("query")
            query = query.get("query") if isinstance(query, dict) else query
            lines.append((f"variable {name}", substitute(query)))
    ids = set()
    panels = list(board.get("panels") or [])
    for panel in panels:
        panels.extend(panel.get("panels") or [])  # panels inside collapsed rows
        if panel.get("id") in ids:
            problems.append(f"panel id {panel.get('id')} used twice")
        ids.add(panel.get("id"))
        if panel.get("type") == "row":
            continue
        targets = panel.get("targets") or []
        if not targets:
            problems.append(f"panel '{panel.get('title')}' has no query")
        for target in targets:
            datasource = target.get("datasource") or panel.get("datasource") or {}
            if datasource.get("uid") != "${datasource}":
                problems.append(f"panel '{panel.get('title')}' does not use the datasource variable")
            lines.append((panel.get("title"), substitute(target.get("expr", ""))))
    if problems:
        raise CheckFailed("; ".join(problems))
    with open(out, "w", encoding="utf-8") as file:
        file.writelines(f"{title}\t{' '.join(expr.split())}\n" for title, expr in lines)
    return f"{len(panels)} panels, {len(lines)} queries"


LABEL_VALUES = re.compile(r"^label_values\(\s*(.+?)\s*,\s*(\w+)\s*\)$")


def query(prometheus, expr):
    """Runs the query as Grafana would and wants at least one series with a number."""
    if "$" in expr:
        raise CheckFailed(f"a variable is left in the query: {expr}")
    label_values = LABEL_VALUES.match(expr)
    if label_values:
        # Grafana asks the label values API for a label_values(...) variable
        values = api(prometheus, f"/api/v1/label/{label_values.group(2)}/values",
                     **{"match[]": label_values.group(1)})
        if not values:
            raise CheckFailed("no values")
        return ", ".join(values)
    data = api(prometheus, "/api/v1/query", query=expr)
    if data["resultType"] == "scalar":
        samples = [({}, data["result"][1])]
    else:
        samples = [(series.get("metric", {}), series["value"][1]) for series in data["result"]]
    if not samples:
        raise CheckFailed("no data")
    numbers = [(labels, float(value)) for labels, value in samples if math.isfinite(float(value))]
    if not numbers:
        raise CheckFailed(f"{len(samples)} series, none with a number (NaN or Inf)")
    labels, value = numbers[0]
    shown = ",".join(f'{key}="{val}"' for key, val in sorted(labels.items()))
    return f"{len(samples)} series, e.g. {{{shown}}} {value:.4g}"


def target_up(prometheus, job):
    targets = [t for t in api(prometheus, "/api/v1/targets")["activeTargets"] if t["labels"].get("job") == job]
    if not targets:
        raise CheckFailed(f"no target of job {job}")
    down = [t for t in targets if t["health"] != "up"]
    if down:
        raise CheckFailed(f"{down[0]['scrapeUrl']} is {down[0]['health']}: {down[0].get('lastError')}")
    return ", ".join(t["scrapeUrl"] for t in targets) + " up"


def alert_firing(prometheus, name):
    alerts = [a for a in api(prometheus, "/api/v1/alerts")["alerts"] if a["labels"].get("alertname") == name]
    firing = [a for a in alerts if a["state"] == "firing"]
    if not firing:
        states = ", ".join(a["state"] for a in alerts) or "not active"
        raise CheckFailed(f"{name} is {states}")
    labels = firing[0]["labels"]
    subject = labels.get("gen_ai_agent_name") or " ".join(
        f"{key}={labels[key]}" for key in ("job", "instance") if key in labels)
    return (f"{name} firing for {subject}, severity {labels.get('severity')} "
            f"(value {float(firing[0]['value']):.3g})")


def alert_inactive(prometheus, name):
    active = [a["state"] for a in api(prometheus, "/api/v1/alerts")["alerts"]
              if a["labels"].get("alertname") == name]
    if active:
        raise CheckFailed(f"{name} is {', '.join(active)}")
    return f"{name} is not active"


def delivered(received, name, status="firing"):
    try:
        with open(received, encoding="utf-8") as file:
            bodies = [json.loads(line) for line in file if line.strip()]
    except FileNotFoundError:
        bodies = []
    for body in bodies:
        for alert in body.get("alerts", []):
            if alert.get("labels", {}).get("alertname") == name and alert.get("status") == status:
                note = alert.get("annotations", {}).get("note")
                return (f"{name} {status} delivered to the webhook (receiver {body.get('receiver')}, "
                        f"{len(bodies)} notification(s)){f', note: {note}' if note else ''}")
    seen = sorted({f"{a.get('labels', {}).get('alertname')} {a.get('status')}"
                   for b in bodies for a in b.get("alerts", [])})
    raise CheckFailed(f"{len(bodies)} notification(s) received, alerts: {', '.join(seen) or 'none'}")


# The starter's meters as StatsD names them (dots), and what Micrometer calls the gauges of a
# histogram's buckets: <meter>.histogram, one per bucket
OUR_STATSD_METERS = ("gen_ai.client.operation.duration", "gen_ai.client.token.usage", "gen_ai.invoke_agent.duration",
                     "gen_ai.execute_tool.duration", "agent.step.duration", "agent.code.execution.duration")


def statsd(received):
    try:
        with open(received, encoding="utf-8") as file:
            lines = [line.rstrip("\n") for line in file if line.strip()]
    except FileNotFoundError:
        lines = []
    ours = [line for line in lines if line.split(":", 1)[0] in OUR_STATSD_METERS]
    buckets = [line for line in lines if line.split(":", 1)[0] in {m + ".histogram" for m in OUR_STATSD_METERS}]
    if buckets:
        raise CheckFailed(f"{len(buckets)} bucket gauges of our histograms among {len(lines)} lines, "
                          f"such as {buckets[0]}")
    missing = [m for m in ("gen_ai.client.operation.duration", "gen_ai.client.token.usage",
                           "gen_ai.invoke_agent.duration") if not any(line.startswith(m + ":") for line in ours)]
    if missing:
        raise CheckFailed(f"{len(lines)} lines, none of {', '.join(missing)}")
    timers = sum(1 for line in ours if "|ms" in line)
    return (f"{len(lines)} lines, {len(ours)} of our meters ({timers} timings as |ms, "
            f"{len(ours) - timers} token counts as |h), 0 bucket gauges")


def rule_expr(rules_file, alert):
    for document in load_yaml_documents(rules_file):
        for group in document.get("groups", []):
            for rule in group.get("rules", []):
                if rule.get("alert") == alert:
                    return " ".join(rule["expr"].split())
    raise CheckFailed(f"no alert {alert} in {rules_file}")


def target_down(prometheus, job):
    targets = [t for t in api(prometheus, "/api/v1/targets")["activeTargets"] if t["labels"].get("job") == job]
    up = [t for t in targets if t["health"] == "up"]
    if not targets or up:
        raise CheckFailed(f"{len(up)} of {len(targets)} targets of job {job} up")
    return f"{len(targets)} target(s) of job {job} down"


def number(prometheus, expr, at=None):
    params = {"query": expr}
    if at is not None:
        params["time"] = at
    result = api(prometheus, "/api/v1/query", **params)["result"]
    if len(result) != 1:
        raise CheckFailed(f"{len(result)} series for {expr}, expected one")
    return float(result[0]["value"][1])


def value(prometheus, expr):
    return f"{number(prometheus, expr):.6f}"


def lifetimes(prometheus, spend, now, first):
    """Both queries at one instant: the spend the rule sees, and the counters of the lifetime
    running now (which began at zero), against the first lifetime's spend as the rule saw it
    when that lifetime ended."""
    import time

    at = f"{time.time():.3f}"
    first = float(first)
    current = number(prometheus, now, at)
    if current <= 0:
        raise CheckFailed("no spend of the restarted app scraped yet")
    total = number(prometheus, spend, at)
    shown = f"the rule counts ${total:.4f}: first lifetime ${first:.4f}, the running one ${current:.4f}"
    # increase() extrapolates a little at the ends of the data: a tenth of the running
    # lifetime's spend is left for that
    if total < first + 0.9 * current:
        raise CheckFailed(f"{shown}, less than both together")
    if total > 1.25 * (first + current):
        raise CheckFailed(f"{shown}, far more than both together")
    return shown


def today_since(app, before=None):
    since = json.loads(fetch(app.rstrip("/") + "/actuator/agents")).get("today", {}).get("since")
    if not since:
        raise CheckFailed("/actuator/agents has no today.since")
    if before is not None and not since > before:
        raise CheckFailed(f"today is counted since {since}, not after {before}")
    return since


COMMANDS = {
    "ports": ports,
    "get": get,
    "ask": ask,
    "rules": rules,
    "manifests": manifests,
    "dashboard": dashboard,
    "query": query,
    "target-up": target_up,
    "alert-firing": alert_firing,
    "alert-inactive": alert_inactive,
    "delivered": delivered,
    "statsd": statsd,
    "rule-expr": rule_expr,
    "target-down": target_down,
    "value": value,
    "lifetimes": lifetimes,
    "today-since": today_since,
}


def main():
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        sys.exit(__doc__)
    try:
        print(COMMANDS[sys.argv[1]](*sys.argv[2:]))
    except CheckFailed as ex:
        print(ex)
        sys.exit(1)


if __name__ == "__main__":
    main()
