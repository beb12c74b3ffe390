#!/usr/bin/env bash
# CLI start-up over 5,000 contacts, JVM start included (issue 15, item 4: every command under
# 0.5 s, median wall time). Builds nothing: run it after 'mvn -o -DskipTests package'.
#   src/bench/cli.sh            (RUNS=5, LAUNCHER=target/rapport, JAR=target/rapport.jar)
# Prints one TSV line per command: figure, median, yardstick, ratio, target. The same commands
# through 'java -jar' (no launcher: no class-data archive, both compilers) follow as information.
# All runs are interleaved, so that a changing machine load hits every command alike.
set -euo pipefail
cd "$(dirname "$0")/../.."
LAUNCHER=$(realpath "${LAUNCHER:-target/rapport}")
JAR=$(realpath "${JAR:-target/rapport.jar}")
RUNS=${RUNS:-5}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
DATA=$WORK/data

# An empty sandbox folder (no config file) that the runs do not disturb.
export XDG_CONFIG_HOME=$WORK/config XDG_DATA_HOME=$WORK/xdg-data XDG_CACHE_HOME=$WORK/cache
unset RAPPORT_CONFIG RAPPORT_DATA
java -jar "$JAR" --data "$DATA" contacts list >/dev/null # creates and migrates the database
cat >"$WORK/Seed.java" <<'JAVA'
import java.nio.file.*;
import java.sql.*;
/** Inserts N contacts straight into the database with the password in db.secret. */
public class Seed {
  public static void main(String[] a) throws Exception {
    Path dir = Path.of(a[0]).toAbsolutePath();
    String secret = Files.readString(dir.resolve("db.secret")).strip();
    try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("rapport") + ";IFEXISTS=TRUE", "rapport", secret)) {
      c.setAutoCommit(false);
      PreparedStatement ps = c.prepareStatement("INSERT INTO contact (name, email, email_key, company, role, tier, stage,"
          + " source, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'NEW', 'benchmark', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
      for (int i = 0; i < Integer.parseInt(a[1]); i++) {
        String email = "person" + i + "@example.org";
        ps.setString(1, "Person " + i); ps.setString(2, email); ps.setString(3, email);
        ps.setString(4, "Company " + i % 300); ps.setString(5, "Role " + i % 17); ps.setInt(6, 1 + i % 4);
        ps.addBatch();
      }
      ps.executeBatch();
      c.commit();
    }
  }
}
JAVA
java -cp "$JAR" "$WORK/Seed.java" "$DATA" 5000
count=$(java -jar "$JAR" --data "$DATA" contacts list | tail -n +2 | wc -l)
[ "$count" -eq 5000 ] || { echo "cli.sh: expected 5000 contacts, found $count" >&2; exit 1; }

# command | yardstick: the median measured before (issue 15)
COMMANDS=(
  "contacts list --json|1.64"
  "contacts list|1.33"
  "next|1.42"
  "stats|1.37"
  "drafts list|1.03"
  "contacts show 2500|0.92"
  "--version|0.63"
)
wall() { # seconds of wall time of one run, output discarded
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null 2>"$WORK/stderr" || { echo "cli.sh: failed: $*" >&2; cat "$WORK/stderr" >&2; exit 1; }
  end=$(date +%s%N)
  echo "$(((end - start) / 1000000))"
}
for ((r = 1; r <= RUNS; r++)); do
  for i in "${!COMMANDS[@]}"; do
    read -ra words <<<"${COMMANDS[$i]%%|*}"
    echo "$(wall "$LAUNCHER" --data "$DATA" "${words[@]}")" >>"$WORK/launcher.$i"
    echo "$(wall java -jar "$JAR" --data "$DATA" "${words[@]}")" >>"$WORK/jar.$i"
  done
done

median() { sort -n "$1" | awk '{t[NR] = $1} END {printf "%.2f", t[int((NR + 1) / 2)] / 1000}'; }
line() { # figure, file of times in ms, yardstick in s, target
  local m
  m=$(median "$2")
  printf '%s\t%s s\t%s s (issue 15, before)\t%s×\t%s\n' "$1" "$m" "$3" \
    "$(awk -v m="$m" -v y="$3" 'BEGIN {printf "%.2f", m / y}')" "$4"
}
for i in "${!COMMANDS[@]}"; do
  line "cli: ${COMMANDS[$i]%%|*}" "$WORK/launcher.$i" "${COMMANDS[$i]##*|}" "< 0.5 s"
done
for i in "${!COMMANDS[@]}"; do
  line "cli, java -jar (information): ${COMMANDS[$i]%%|*}" "$WORK/jar.$i" "${COMMANDS[$i]##*|}" "—"
done
