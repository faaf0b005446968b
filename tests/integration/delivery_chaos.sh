#!/usr/bin/env bash
# Every sign-up arrives exactly once, whatever happens on the way (issue 11): N sign-ups sealed
# into an outbox; a real intake receiver on 127.0.0.1 that fails half the requests (half of those
# after storing: a lost receipt) and is SIGKILLed and restarted; `workforce-kiosk outbox send`
# processes SIGKILLed at random moments and started again; with a display, every fourth round is
# the kiosk itself (its uploader runs behind the screen) SIGKILLed after up to two seconds. At the end the receiver's store holds
# exactly N envelopes, each opens with the secret key, and their references are the N submitted.
#
#   delivery_chaos.sh KIOSK INTAKE SIGNUP_FILL      (CHAOS_SEED=N repeats a run; CHAOS_N=30)
set -uo pipefail
kiosk=$1
intake=$2
fill=$3
n=${CHAOS_N:-30}
# shellcheck source=chaos_lib.sh
. "$(dirname "$0")/chaos_lib.sh"
chaos_seed
echo "delivery_chaos: seed $seed (CHAOS_SEED=$seed repeats this run), $n sign-ups"

work=$(mktemp -d)
receiver_pid=""
sender_pid=""
cleanup() {
  {
    [ -n "$sender_pid" ] && kill -9 "$sender_pid" && wait "$sender_pid"
    [ -n "$receiver_pid" ] && kill -9 "$receiver_pid" && wait "$receiver_pid"
  } 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
fail() {
  echo "FAIL (seed $seed): $*"
  echo "--- receiver log (last lines)"; tail -n 20 "$work/intake.log" 2>/dev/null
  echo "--- last send"; cat "$work/send.out" "$work/send.err" 2>/dev/null
  exit 1
}

make_intake_keys
receiver_args=(--fail-rate 0.5 --delay-ms 20)
start_receiver 127.0.0.1:0 "${receiver_args[@]}"

cat >"$work/kiosk.toml" <<EOF
[signup]
public_key = "$pub"
endpoint = "$url"
EOF

"$fill" "$work/data" "$pub" "$n" >"$work/references" || fail "sealing the sign-ups"
[ "$(sort -u "$work/references" | wc -l)" -eq "$n" ] || fail "expected $n references"

# A round of the kiosk UI: it starts, draws, starts its uploader, and is SIGKILLed at a random
# moment (before its first frame, mid-upload or idle).
ui_kills=0
ui_round() {
  SDL_AUDIODRIVER=dummy "$kiosk" --config "$work/kiosk.toml" --data-dir "$work/data" \
    --windowed 640x480 >"$work/ui.log" 2>&1 &
  sender_pid=$!
  sleep "$((RANDOM % 2)).$(printf '%03d' $((RANDOM % 1000)))"
  kill -9 "$sender_pid" 2>/dev/null
  wait "$sender_pid" 2>/dev/null
  [ $? -eq 137 ] && ui_kills=$((ui_kills + 1))
  ui_posts=$((ui_posts + $(grep -c "signup: .*\(delivered\|not delivered\)" "$work/ui.log")))
  sender_pid=""
}
ui_posts=0

sends=0
kills=0
restarts=0
done_ok=0
deadline=$((SECONDS + 50))
while [ $SECONDS -lt $deadline ]; do
  sends=$((sends + 1))
  if [ -n "${DISPLAY:-}" ] && [ $sends -le 30 ] && [ $((sends % 4)) = 2 ]; then
    ui_round
    continue
  fi
  "$kiosk" outbox send --config "$work/kiosk.toml" --data-dir "$work/data" --json \
    >"$work/send.out" 2>"$work/send.err" &
  sender_pid=$!
  # Until round 30: kill the sender (1), the receiver (2), both (3) or neither (0), at a random
  # moment of the pass (each POST takes the receiver 20 ms, so a pass of 30 lasts most of a
  # second). The first three rounds do each once, so every run has all of them.
  if [ $sends -le 3 ]; then
    event=$sends
  else
    event=$([ $sends -le 30 ] && echo $((RANDOM % 4)) || echo 0)
  fi
  if [ "$event" != 0 ]; then
    sleep "$(pause 700)"
    [ $((event & 1)) = 1 ] && kill -9 "$sender_pid" 2>/dev/null
    if [ $((event & 2)) = 2 ]; then
      { kill -9 "$receiver_pid" && wait "$receiver_pid"; } 2>/dev/null
      restarts=$((restarts + 1))
      sleep "$(pause 200)"
      start_receiver "127.0.0.1:$port" "${receiver_args[@]}"
    fi
  fi
  wait "$sender_pid" 2>/dev/null
  rc=$?
  sender_pid=""
  [ $rc -eq 137 ] && kills=$((kills + 1))  # SIGKILLed in the middle, not after it finished
  if [ $rc -eq 0 ]; then done_ok=1; break; fi
done 2>/dev/null  # no "Killed" notices: killing is the point
[ $done_ok = 1 ] || fail "the outbox was not empty after 50 s ($sends sends)"

echo "delivery_chaos: $sends rounds, $kills senders and $ui_kills running kiosks killed," \
  "$restarts receiver restarts; the kiosks posted $ui_posts times before they died"
[ -z "${DISPLAY:-}" ] || grep -q "first frame" "$work/ui.log" ||
  echo "delivery_chaos: (the last kiosk was killed before its first frame)"
"$kiosk" outbox list --config "$work/kiosk.toml" --data-dir "$work/data" --json >"$work/list.json" \
  || fail "outbox list"
grep -q '"pending":0' "$work/list.json" || fail "the outbox still holds: $(cat "$work/list.json")"

check_store_exactly_once "$work/references"
replayed=$(grep -c "(repeat)" "$work/intake.log" || true)
injected=$(grep -c "(injected)" "$work/intake.log" || true)
echo "delivery_chaos: $n of $n arrived exactly once; the receivers injected $injected failures" \
  "and answered $replayed repeats with the first receipt"
echo "PASS"
