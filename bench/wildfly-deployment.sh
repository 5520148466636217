#!/usr/bin/env bash
# What otel-cdi adds to one application deployed on WildFly (standalone.xml): deployment time, the
# first request, and the heap (after a full GC) and classes the deployed application holds. The
# bench application's resources are deployed as a WAR: untraced, with otel-cdi's bundle and the SDK
# disabled (the default), and with the SDK on and OTLP exporters (nobody listens). Deployment and the
# first request come before the first export; heap and classes are read after it (6 s later), as in
# exec@startup. Each start is a fresh server base directory; variants are interleaved.
#
# Usage: bench/wildfly-deployment.sh [runs]     (default 5; about 25 s per start)
# Needs: mvn -pl bench package (the classes), and WildFly and the bundle as the servers module
# provisions them (mvn -pl servers verify -Pwildfly), or WILDFLY_HOME and OTEL_CDI_BUNDLE.
set -euo pipefail

RUNS=${1:-5}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WILDFLY_HOME=${WILDFLY_HOME:-$(ls -d "$ROOT"/servers/target/servers/wildfly-* 2>/dev/null | head -1 || true)}
BUNDLE=${OTEL_CDI_BUNDLE:-$ROOT/servers/target/bundle/otel-cdi-bundle.jar}
CLASSES=$ROOT/bench/target/classes
OFFSET=${PORT_OFFSET:-1500}
HTTP_PORT=$((8080 + OFFSET))
REPORT=$ROOT/bench/target/wildfly-deployment-report.md
VARIANTS=(untraced disabled otlp)

[ -d "$WILDFLY_HOME" ] || { echo "No WildFly: run mvn -pl servers verify -Pwildfly once, or set WILDFLY_HOME" >&2; exit 1; }
[ -f "$BUNDLE" ] || { echo "No bundle at $BUNDLE: set OTEL_CDI_BUNDLE" >&2; exit 1; }
[ -d "$CLASSES/io/github/otelcdi/bench/app" ] || { echo "No bench classes: mvn -pl bench package" >&2; exit 1; }

WORK=$(mktemp -d)
trap 'pkill -f "jboss.server.base.dir=$WORK" 2>/dev/null || true; rm -rf "$WORK"' EXIT

# The WARs: the same three classes, a beans.xml, and for otel-cdi the bundle and its settings.
build_war() {
    local variant=$1 dir=$WORK/war-$1
    mkdir -p "$dir/WEB-INF/classes/io/github/otelcdi/bench/app" "$dir/WEB-INF/classes/META-INF" "$dir/WEB-INF/lib"
    for class in ItemsResource HealthResource BenchApplication; do
        cp "$CLASSES/io/github/otelcdi/bench/app/$class.class" "$dir/WEB-INF/classes/io/github/otelcdi/bench/app/"
    done
    echo '<beans xmlns="https://jakarta.ee/xml/ns/jakartaee" bean-discovery-mode="annotated" version="4.0"/>' > "$dir/WEB-INF/beans.xml"
    case $variant in
        disabled) cp "$BUNDLE" "$dir/WEB-INF/lib/" ;;
        otlp) cp "$BUNDLE" "$dir/WEB-INF/lib/"
              printf 'otel.sdk.disabled=false\notel.traces.exporter=otlp\notel.metrics.exporter=otlp\notel.logs.exporter=none\n' \
                  > "$dir/WEB-INF/classes/META-INF/microprofile-config.properties" ;;
    esac
    (cd "$dir" && jar cf "$WORK/bench.war.$variant" .)
}

millis() { date -d "$1" +%s%3N; }

# Prints: deployment ms, first request ms, heap KB and classes with no application, and with it.
measure() {
    local variant=$1 base=$WORK/base-$1
    rm -rf "$base" && cp -r "$WILDFLY_HOME/standalone" "$base"
    # Nothing of earlier starts: their logs, deployments, caches.
    rm -rf "$base"/log "$base"/data "$base"/tmp "$base"/deployments/*.war* "$base"/configuration/standalone_xml_history
    "$WILDFLY_HOME/bin/standalone.sh" -Djboss.server.base.dir="$base" -Djboss.socket.binding.port-offset=$OFFSET \
        > "$WORK/console.log" 2>&1 &
    local launcher=$! log=$base/log/server.log pid=""
    for _ in $(seq 1 600); do grep -q WFLYSRV0025 "$log" 2>/dev/null && break; sleep 0.1; done
    grep -q WFLYSRV0025 "$log" 2>/dev/null || { echo "WildFly did not start in 60 s:" >&2; tail -40 "$WORK/console.log" >&2; exit 1; }
    # The server's JVM, not the script that started it.
    pid=$(pgrep -f -- "-D\[Standalone\].*jboss.server.base.dir=$base" | head -1)
    [ -n "$pid" ] || { echo "WildFly did not start:" >&2; tail -40 "$WORK/console.log" >&2; exit 1; }
    local before_heap before_classes
    read -r before_heap before_classes < <(heap_and_classes "$pid")
    cp "$WORK/bench.war.$variant" "$base/deployments/bench.war"
    for _ in $(seq 1 600); do grep -qE 'WFLYSRV0010|WFLYCTL0013|WFLYSRV0026.*bench' "$log" && break; sleep 0.05; done
    grep -q WFLYSRV0010 "$log" || { echo "bench.war ($variant) did not deploy:" >&2; tail -40 "$log" >&2; exit 1; }
    local first status
    read -r status first < <(curl -s -o /dev/null -w '%{http_code} %{time_total}' "http://127.0.0.1:$HTTP_PORT/bench/api/items/42")
    [ "$status" = 200 ] || { echo "bench.war ($variant) answered $status:" >&2; tail -40 "$log" >&2; exit 1; }
    for _ in $(seq 1 200); do curl -s -o /dev/null "http://127.0.0.1:$HTTP_PORT/bench/api/items/42"; done
    sleep 6
    local started deployed after_heap after_classes
    started=$(grep -m1 'WFLYSRV0027.*bench.war' "$log" | cut -c1-23)
    deployed=$(grep -m1 'WFLYSRV0010.*bench.war' "$log" | cut -c1-23)
    read -r after_heap after_classes < <(heap_and_classes "$pid")
    # Inside $(...) set -e is off: a figure that could not be read must not count as 0.
    for figure in "$started" "$deployed" "$before_heap" "$before_classes" "$after_heap" "$after_classes"; do
        [ -n "$figure" ] || { echo "a figure of $variant could not be read" >&2; kill "$pid"; exit 1; }
    done
    kill "$pid"; wait "$launcher" 2>/dev/null || true
    echo "$(( $(millis "${deployed/,/.}") - $(millis "${started/,/.}") )) $(awk -v s="$first" 'BEGIN{printf "%d", s*1000}') $before_heap $before_classes $after_heap $after_classes"
}

heap_and_classes() {
    jcmd "$1" GC.run > /dev/null
    local heap classes
    heap=$(jcmd "$1" GC.heap_info | grep -oE 'used [0-9]+K' | head -1 | grep -oE '[0-9]+')
    classes=$(jstat -class "$1" | awk 'NR==2 {print $1 - $3}')
    echo "$heap $classes"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}'; }

for variant in "${VARIANTS[@]}"; do build_war "$variant"; done
declare -A rows
for run in $(seq 1 "$RUNS"); do
    for variant in "${VARIANTS[@]}"; do
        line=$(measure "$variant") || exit 1
        rows[$variant]+="$line"$'\n'
        echo "run $run $variant: deploy/first ms, heap KB and classes before/after: $line" >&2
    done
done

{
    echo "otel-cdi on WildFly $(basename "$WILDFLY_HOME" | sed 's/wildfly-//') (standalone.xml), $(date +%F): one application deployed into a fresh server, $RUNS start(s) per variant, interleaved; Java $(java -version 2>&1 | head -1 | cut -d'"' -f2), $(nproc) cores"
    echo
    echo "| variant | deployment ms | first request ms | heap the application holds MB | classes it loaded |"
    echo "|---|---:|---:|---:|---:|"
    for variant in "${VARIANTS[@]}"; do
        data=${rows[$variant]}
        deploy=$(awk 'NF {print $1}' <<< "$data" | median)
        first=$(awk 'NF {print $2}' <<< "$data" | median)
        heap=$(awk 'NF {print $5 - $3}' <<< "$data" | median)
        classes=$(awk 'NF {print $6 - $4}' <<< "$data" | median)
        printf '| %s | %d | %d | %.1f | %d |\n' "$variant" "$deploy" "$first" "$(awk -v k="$heap" 'BEGIN{print k/1024}')" "$classes"
    done
    echo
    echo "(medians; deployment: WildFly's own log, from \"Starting deployment\" to \"Deployed\"; heap and classes: after 200 requests, 6 s and a full GC, minus the same server before the deployment.)"
} | tee "$REPORT"
