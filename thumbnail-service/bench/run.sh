#!/usr/bin/env bash
# shellcheck disable=SC2086 # JVM_OPTS and TIGHT_HEAP hold several flags and are split into words on purpose
# Thumbnail benchmark: our renderer (a JVM sized like a 512 MB Lambda) side by side with libvips'
# vipsthumbnail on the same 12 and 24 MP JPEGs, widths 128 and 512, JPEG quality 85.
# Usage: thumbnail-service/bench/run.sh        (from anywhere; prints a table)
set -euo pipefail

MODULE="$(cd "$(dirname "$0")/.." && pwd)"
ROOT="$(cd "$MODULE/.." && pwd)"
WORK="$MODULE/target/bench"
WARMUPS="${WARMUPS:-3}"
RUNS="${RUNS:-7}"
# The JVM as a 512 MB function runs it: the Lambda Java runtime gives the heap ~85% of the memory and uses the
# serial collector; the template's JAVA_TOOL_OPTIONS stop compilation at C1.
JVM_OPTS="${JVM_OPTS:--Xmx435m -XX:+UseSerialGC -XX:+TieredCompilation -XX:TieredStopAtLevel=1}"
# ... and a heap far below that, to show how much room is left.
TIGHT_HEAP="${TIGHT_HEAP:--Xmx96m}"
mkdir -p "$WORK"

need() { command -v "$1" >/dev/null 2>&1; }
if ! need vipsthumbnail || [ ! -x /usr/bin/time ]; then
  echo "installing libvips-tools and time (Debian) ..." >&2
  apt-get update -qq && apt-get install -y -qq libvips-tools time >/dev/null
fi

cd "$ROOT"
./mvnw -q -f "$MODULE/pom.xml" test-compile dependency:build-classpath \
  -Dmdep.outputFile="$WORK/classpath.txt" -Dmdep.includeScope=test >/dev/null
JAVA="$(sed -n 's/^\[mvnw\] using the JDK at \(.*\) (.*/\1/p' < <(./mvnw -v 2>&1) | head -1)/bin/java"
[ -x "$JAVA" ] || JAVA=java
CP="$MODULE/target/test-classes:$MODULE/target/classes:$(cat "$WORK/classpath.txt")"

if [ ! -f "$WORK/photo-24mp-progressive.jpg" ]; then
  "$JAVA" -cp "$CP" com.example.serverless.thumbnail.bench.ThumbnailBenchmark generate "$WORK"
fi

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

printf '\n%-28s %5s | %8s %8s %8s %7s %5s | %8s %8s | %6s\n' \
  image MB java_1st java_med java_RSS heap_pk tight vips_med vips_RSS ratio
for image in "$WORK"/photo-*.jpg; do
  name="$(basename "$image")"
  # Ours: one JVM per image, so that its peak RSS and heap are this image's.
  out="$(/usr/bin/time -f 'RSS_KB=%M' "$JAVA" $JVM_OPTS -Djava.awt.headless=true \
      -cp "$CP" com.example.serverless.thumbnail.bench.ThumbnailBenchmark render "$WARMUPS" "$RUNS" "$image" 2>&1)"
  first="$(sed -n 's/.*first_ms=\([0-9]*\).*/\1/p' <<<"$out")"
  java_ms="$(sed -n 's/.*median_ms=\([0-9]*\).*/\1/p' <<<"$out")"
  heap="$(sed -n 's/.*peak_heap_mb=\([0-9]*\).*/\1/p' <<<"$out")"
  java_rss="$(( $(sed -n 's/.*RSS_KB=\([0-9]*\).*/\1/p' <<<"$out") / 1024 ))"
  tight=no
  "$JAVA" $JVM_OPTS $TIGHT_HEAP -Djava.awt.headless=true -cp "$CP" \
      com.example.serverless.thumbnail.bench.ThumbnailBenchmark render 1 1 "$image" >/dev/null 2>&1 && tight=ok

  # vips: both widths, one process each (as a shell would), one thread like a fractional Lambda vCPU.
  vips_rss=0
  times=()
  for _ in $(seq "$RUNS"); do
    start=$(date +%s%N)
    for width in 128 512; do
      rss="$(VIPS_CONCURRENCY=1 /usr/bin/time -f '%M' vipsthumbnail "$image" --size "${width}x" \
          -o "$WORK/vips-%s-$width.jpg[Q=85]" 2>&1 >/dev/null | tail -1)"
      [ "$rss" -gt "$vips_rss" ] && vips_rss="$rss"
    done
    times+=("$(( ($(date +%s%N) - start) / 1000000 ))")
  done
  vips_ms="$(printf '%s\n' "${times[@]}" | median)"
  ratio="$(awk -v a="$java_ms" -v b="$vips_ms" 'BEGIN {printf "%.2f", a / b}')"
  printf '%-28s %5.1f | %6sms %6sms %6sMB %5sMB %5s | %6sms %6sMB | %5sx\n' "$name" \
    "$(awk -v s="$(stat -c %s "$image")" 'BEGIN {print s / 1048576}')" \
    "$first" "$java_ms" "$java_rss" "$heap" "$tight" "$vips_ms" "$(( vips_rss / 1024 ))" "$ratio"
done
cat <<NOTE

java_1st: first render in a fresh JVM (class loading, interpreter); java_med: median of $RUNS after $WARMUPS
warm-ups, both widths from one decode; java_RSS: the JVM process's peak RSS ($JVM_OPTS);
heap_pk: sum of the heap pools' peak usage (garbage included); tight: the image renders with $TIGHT_HEAP; vips_med: median wall time of two vipsthumbnail processes
(128 and 512 wide, VIPS_CONCURRENCY=1); ratio: java_med / vips_med.
NOTE
