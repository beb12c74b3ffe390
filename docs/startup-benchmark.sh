#!/usr/bin/env bash
# Start-up time of a CLI command over 5,000 contacts, JVM start included (PRODUCT.md: under
# 1 s, aim for 0.5 s). Usage, after 'mvn -q -DskipTests package':
#   docs/startup-benchmark.sh [RUNS]
# Uses hyperfine when installed (apt-get install hyperfine), else a loop with date.
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=target/rapport.jar
RUNS=${1:-10}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
DATA=$WORK/data

java -jar "$JAR" --data "$DATA" contacts list >/dev/null   # creates and migrates the database
cat > "$WORK/Seed.java" <<'JAVA'
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
echo "contacts: $(java -jar "$JAR" --data "$DATA" contacts list | tail -n +2 | wc -l); load average: $(cut -d' ' -f1-3 /proc/loadavg)"

if command -v hyperfine >/dev/null; then
  hyperfine -N --warmup 2 --runs "$RUNS" \
    "java -jar $JAR --data $DATA contacts list" \
    "java -jar $JAR --data $DATA contacts list --json"
else
  for cmd in "contacts list" "contacts list --json"; do
    for i in $(seq "$RUNS"); do
      start=$(date +%s%N)
      java -jar "$JAR" --data "$DATA" $cmd >/dev/null
      echo $(( ($(date +%s%N) - start) / 1000000 ))
    done | sort -n | awk -v c="$cmd" '{t[NR]=$1} END {print c ": median " t[int((NR+1)/2)] " ms, min " t[1] " ms, max " t[NR] " ms"}'
  done
fi
