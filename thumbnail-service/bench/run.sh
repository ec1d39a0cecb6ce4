#!/usr/bin/env bash
# shellcheck disable=SC2086 # JVM_OPTS and TIGHT_HEAP hold several flags and are split into words on purpose
# Thumbnail benchmark: our renderer (a JVM sized like a 512 MB Lambda), its decode path before (old: ImageIO for
# every image) and now (new: the AWT decoder for plain progressive JPEGs), side by side with libvips'
# vipsthumbnail on the same 12 and 24 MP JPEGs, widths 128 and 512, JPEG quality 85; then the decode step alone,
# each way it can be done, on the 24 MP baseline and progressive photos.
# Usage: thumbnail-service/bench/run.sh        (from anywhere; prints two tables)
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
field() { sed -n "s/.*$1=\([0-9]*\).*/\1/p" <<<"$2"; }

# Ours: one JVM per image and path, so that its peak RSS and heap are this image's.
ours() {
  /usr/bin/time -f 'RSS_KB=%M' "$JAVA" $JVM_OPTS -Djava.awt.headless=true -cp "$CP" \
      com.example.serverless.thumbnail.bench.ThumbnailBenchmark render "$WARMUPS" "$RUNS" "$1" "$2" 2>&1
}

printf '\n%-28s %5s | %8s %8s %7s | %8s %8s %7s %7s %5s | %8s %7s | %5s %5s\n' image MB \
  old_1st old_med old_RSS new_1st new_med new_RSS heap_pk tight vips_med vipsRSS old/v new/v
for image in "$WORK"/photo-*.jpg; do
  name="$(basename "$image")"
  old="$(ours "$image" old)"
  new="$(ours "$image" new)"
  tight=no
  "$JAVA" $JVM_OPTS $TIGHT_HEAP -Djava.awt.headless=true -cp "$CP" \
      com.example.serverless.thumbnail.bench.ThumbnailBenchmark render 1 1 "$image" new >/dev/null 2>&1 && tight=ok

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
  ratio() { awk -v a="$1" -v b="$vips_ms" 'BEGIN {printf "%.2f", a / b}'; }
  printf '%-28s %5.1f | %6sms %6sms %5sMB | %6sms %6sms %5sMB %5sMB %5s | %6sms %5sMB | %4sx %4sx\n' "$name" \
    "$(awk -v s="$(stat -c %s "$image")" 'BEGIN {print s / 1048576}')" \
    "$(field first_ms "$old")" "$(field median_ms "$old")" "$(( $(field RSS_KB "$old") / 1024 ))" \
    "$(field first_ms "$new")" "$(field median_ms "$new")" "$(( $(field RSS_KB "$new") / 1024 ))" \
    "$(field peak_heap_mb "$new")" "$tight" "$vips_ms" "$(( vips_rss / 1024 ))" \
    "$(ratio "$(field median_ms "$old")")" "$(ratio "$(field median_ms "$new")")"
done
cat <<NOTE

old: every image through ImageIO (TwelveMonkeys' reader over the JDK's), subsampled to about 8 MP; new: as
deployed, plain progressive JPEGs through the AWT decoder, averaged on arrival to twice the largest width.
*_1st: first render in a fresh JVM (class loading, interpreter); *_med: median of $RUNS after $WARMUPS warm-ups,
both widths from one decode; *_RSS: the JVM process's peak RSS ($JVM_OPTS); heap_pk: sum of the heap pools'
peak usage (garbage included), new path; tight: the new path renders the image with $TIGHT_HEAP; vips_med:
median wall time of two vipsthumbnail processes (128 and 512 wide, VIPS_CONCURRENCY=1); old/v, new/v: *_med /
vips_med.
NOTE

echo
for image in "$WORK"/photo-24mp.jpg "$WORK"/photo-24mp-progressive.jpg; do
  "$JAVA" $JVM_OPTS -Djava.awt.headless=true -cp "$CP" \
      com.example.serverless.thumbnail.bench.ThumbnailBenchmark decoders "$WARMUPS" "$RUNS" "$image" |
    awk '/^DECODE/ {split($2, f, "="); split($3, w, "="); split($4, m, "="); printf "%-28s %-28s %6s ms\n", f[2], w[2], m[2]}'
done
cat <<NOTE

Decode step alone (median of $RUNS, the ways taking turns): imageio_<reader>_1/n reads every n-th pixel of every
n-th row (n = 2: the renderer's 8 MP budget; n = 5: as far as twice the 512-pixel width allows);
toolkit_averaged_1/n is the AWT decoder averaging n x n blocks (the new path for progressive JPEGs).
NOTE
