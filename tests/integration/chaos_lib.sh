# shellcheck shell=bash disable=SC2154,SC2034
# Shell pieces shared by the tests that kill processes on purpose (delivery_chaos.sh,
# power_cut.sh). Sourced, not run. The sourcing script sets, before calling these:
#   kiosk, intake  the workforce-kiosk and workforce-intake binaries
#   work           its scratch directory (the receiver's store is $work/store)
#   fail           a function that prints why and exits 1
# chaos_seed sets `seed` and RANDOM; start_receiver sets receiver_pid, url and port.

# The run's seed: CHAOS_SEED when set (to replay a run), else from the clock; printed by the caller.
chaos_seed() {
  seed=${CHAOS_SEED:-$(($(date +%s%N) % 1000000007))}
  RANDOM=$((seed % 32768))
}

# A random number of milliseconds in [0, $1) (at most 32767), as seconds for sleep.
pause() {
  local ms=$((RANDOM % $1))
  printf '%d.%03d' $((ms / 1000)) $((ms % 1000))
}

# The intake team's key pair in $work/keys; sets pub (the public key, for [signup] public_key).
make_intake_keys() {
  "$kiosk" keygen --out "$work/keys" >/dev/null || fail "keygen"
  pub=$(cat "$work/keys/intake.pub")
}

# A real receiver on LISTEN (127.0.0.1:0 for any free port, then the same port again after a
# restart), storing into $work/store and opening each envelope with the secret key. Further
# arguments go to workforce-intake (--fail-rate 0.5 --delay-ms 20 ...). Its log: $work/intake.log.
receivers=0
start_receiver() {
  local listen=$1
  shift
  receivers=$((receivers + 1))
  "$intake" --listen "$listen" --store "$work/store" --secret-key "$work/keys/intake.key" \
    --seed $((seed + receivers)) "$@" >"$work/intake.out" 2>>"$work/intake.log" &
  receiver_pid=$!
  for _ in $(seq 200); do
    if grep -q "listening on" "$work/intake.out" 2>/dev/null; then
      url=$(sed -n 's/^listening on //p' "$work/intake.out")
      port=$(echo "$url" | sed 's|http://127.0.0.1:\([0-9]*\)/.*|\1|')
      return 0
    fi
    sleep 0.02
  done
  fail "the receiver did not start on $listen"
}

# The receiver's store holds exactly the sign-ups whose references are in REFERENCES_FILE (made by
# signup_fill), one envelope each: each opens with the secret key, its file is named by its
# idempotency key, and the made-up name came through whole.
check_store_exactly_once() {
  local references=$1
  local n
  n=$(wc -l <"$references")
  [ "$(sort -u "$references" | wc -l)" -eq "$n" ] || fail "signup_fill gave a reference twice"
  local stored
  stored=$(find "$work/store" -name '*.sealed' | wc -l)
  [ "$stored" -eq "$n" ] || fail "the receiver stored $stored envelopes, expected $n"
  "$kiosk" outbox open --secret-key "$work/keys/intake.key" "$work/store"/*.sealed \
    >"$work/opened.json" 2>"$work/open.err" || fail "outbox open: $(cat "$work/open.err")"
  /usr/bin/python3 - "$work/opened.json" "$references" "$n" "$work/store" <<'EOF' || fail "the opened sign-ups do not match"
import json, os, sys
signups = json.load(open(sys.argv[1], encoding="utf-8"))
want = sorted(open(sys.argv[2]).read().split())
n = int(sys.argv[3])
files = sorted(f[: -len(".sealed")] for f in os.listdir(sys.argv[4]) if f.endswith(".sealed"))
refs = [s["reference"] for s in signups]
if len(signups) != n:
    sys.exit(f"opened {len(signups)} sign-ups, expected {n}")
if len(set(refs)) != n:
    sys.exit("a sign-up arrived twice")
if sorted(refs) != want:
    sys.exit("the references differ from the ones submitted")
if sorted(s["idempotency_key"] for s in signups) != files:
    sys.exit("a stored file's name is not its envelope's idempotency key")
for s in signups:
    if s["person"]["first_name"] != "María José" or not s["person"]["last_name"].startswith("O'Brien-Muñoz-"):
        sys.exit("a sign-up's name did not survive the trip")
EOF
}
