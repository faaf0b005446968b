#!/bin/sh
# A private CUPS for the print integration test: its own cupsd with every file under DIR, reached
# only through DIR/cups.sock (no TCP port, no browsing), with one queue, kiosk-pdf, that prints
# to PDF through cups-pdf. The system's cupsd and /etc/cups are left alone (only read).
#
#   cups_queue.sh start DIR [OWNER_PID]   starts cupsd and creates the queue; writes DIR/env
#   cups_queue.sh stop DIR                stops that cupsd (DIR itself is the caller's to remove)
#
# DIR/env holds KEY=VALUE lines:
#   CUPS_SERVER      the socket; export it (libcups and lp* read it) to talk to this cupsd
#   QUEUE            kiosk-pdf
#   PDF_DIR          where cups-pdf writes jobs of this user: its Out setting from
#                    /etc/cups/cups-pdf.conf, expanded (Debian: ${HOME}/PDF, so /root/PDF);
#                    the file is named after the document's %%Title plus "-job_N" (cups-pdf
#                    prefers the PostScript title), so find yours by what is printed on it
#   PDF_DIR_CREATED  1 when PDF_DIR did not exist before: `stop` removes it again if empty
#   PDF_SPOOL, PDF_LOG (+ _CREATED)  cups-pdf's spool directory and its log for this queue,
#                    removed by `stop` likewise when this run created them
#
# Exit status of start: 0 ready; 77 cannot run here (the reason on stderr and in DIR/skip);
# anything else a real failure (cupsd's error log is printed). With OWNER_PID, a watchdog stops
# cupsd when that process goes away, so a crashed test leaves no daemon behind.
set -eu
PATH="$PATH:/usr/sbin:/sbin"
QUEUE=kiosk-pdf

usage() {
  echo "usage: $0 start DIR [OWNER_PID] | stop DIR" >&2
  exit 2
}

skip() {
  echo "$*" >"$DIR/skip"
  echo "cups_queue.sh: skipped: $*" >&2
  exit 77
}

fail() {
  echo "cups_queue.sh: $*" >&2
  if [ -f "$DIR/log/error_log" ]; then
    echo "--- cupsd error_log ---" >&2
    tail -n 40 "$DIR/log/error_log" >&2
  fi
  [ -s "$DIR/log/cupsd.out" ] && cat "$DIR/log/cupsd.out" >&2
  [ -f "$DIR/conf/cupsd.conf" ] &&
    cupsd -t -c "$DIR/conf/cupsd.conf" -s "$DIR/conf/cups-files.conf" >&2 2>&1
  stop_daemon
  exit 1
}

# Whether PID runs (a zombie waiting for init to reap it does not count).
running() {
  state=$(sed -n 's/^[0-9]* (.*) \([A-Za-z]\).*/\1/p' "/proc/$1/stat" 2>/dev/null) || return 1
  [ -n "$state" ] && [ "$state" != Z ] && [ "$state" != X ]
}

# Kills the process whose id is in FILE, only if its command line names DIR (no stray kills
# after a pid was reused).
kill_from() {
  file=$1 # [nowait]
  [ -f "$file" ] || return 0
  pid=$(cat "$file")
  rm -f "$file"
  case "$pid" in '' | *[!0-9]*) return 0 ;; esac
  if [ -r "/proc/$pid/cmdline" ] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF "$DIR"; then
    kill -TERM "$pid" 2>/dev/null || return 0
    [ "${2:-}" = nowait ] && return 0
    i=0
    while running "$pid" && [ "$i" -lt 50 ]; do
      sleep 0.1
      i=$((i + 1))
    done
    kill -KILL "$pid" 2>/dev/null || true
  fi
}

stop_daemon() {
  kill_from "$DIR/watchdog.pid" nowait  # gone within its 1 s sleep, without touching cupsd
  kill_from "$DIR/cupsd.pid"
}

# A setting of cups-pdf.conf (the last one wins), or DEFAULT; only ever read.
pdf_setting() {
  value=
  if [ -r /etc/cups/cups-pdf.conf ]; then
    value=$(sed -n "s/^[[:space:]]*$1[[:space:]]\{1,\}//p" /etc/cups/cups-pdf.conf | tail -n 1)
  fi
  printf '%s\n' "${value:-$2}" | sed -e 's/[[:space:]]*$//' -e 's|/*$||'
}

# Out with ${HOME} and ${USER} expanded for USER_NAME, as cups-pdf does.
pdf_dir() {
  # shellcheck disable=SC2016 # literally ${USER}, expanded below as cups-pdf does
  out=$(pdf_setting Out '/var/spool/cups-pdf/${USER}')
  home=$(getent passwd "$USER_NAME" | cut -d: -f6)
  printf '%s\n' "$out" | sed -e "s|\${HOME}|$home|g" -e "s|\${USER}|$USER_NAME|g"
}

# 1 when PATH does not exist yet (so that stop may remove what this run created), else 0.
absent() {
  if [ -e "$1" ]; then echo 0; else echo 1; fi
}

start() {
  case "$DIR" in /*) ;; *) echo "cups_queue.sh: DIR must be absolute" >&2; exit 2 ;; esac
  case "$DIR" in *[!A-Za-z0-9/._-]*) echo "cups_queue.sh: DIR has unsafe characters" >&2; exit 2 ;; esac
  mkdir -p "$DIR"

  command -v cupsd >/dev/null 2>&1 || skip "cupsd is not installed (package cups-daemon)"
  command -v lpadmin >/dev/null 2>&1 || skip "lpadmin is not installed (package cups-client)"
  command -v lpstat >/dev/null 2>&1 || skip "lpstat is not installed (package cups-client)"
  [ -f /usr/lib/cups/backend/cups-pdf ] ||
    skip "the cups-pdf backend is not installed (package printer-driver-cups-pdf)"
  PPD=
  for f in /usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd /usr/share/ppd/cups-pdf/CUPS-PDF_noopt.ppd \
    /usr/share/cups/model/CUPS-PDF_opt.ppd /usr/share/cups/model/CUPS-PDF.ppd; do
    if [ -f "$f" ]; then PPD=$f; break; fi
  done
  [ -n "$PPD" ] || skip "no cups-pdf PPD found"
  # The backend is mode 0700 root: cupsd runs it as root, and only a cupsd that is root can.
  [ "$(id -u)" = 0 ] || skip "cups-pdf only works under a cupsd started as root"
  grp=$(sed -n 's/^[[:space:]]*Grp[[:space:]]\{1,\}//p' /etc/cups/cups-pdf.conf 2>/dev/null | tail -n 1)
  if [ -n "$grp" ] && ! getent group "$grp" >/dev/null; then
    skip "cups-pdf.conf names group $grp, which does not exist"
  fi
  getent passwd lp >/dev/null || skip "there is no lp user for cupsd to run filters as"

  USER_NAME=$(id -un)
  PDF_DIR=$(pdf_dir)
  case "$PDF_DIR" in /*) ;; *) skip "cannot work out cups-pdf's output directory ($PDF_DIR)" ;; esac
  # cups-pdf also leaves a spool directory and a log named after the queue in system places.
  PDF_SPOOL=$(pdf_setting Spool /var/spool/cups-pdf/SPOOL)
  PDF_LOG="$(pdf_setting Log /var/log/cups)/cups-pdf-${QUEUE}_log"
  pdf_dir_created=$(absent "$PDF_DIR")
  pdf_spool_created=$(absent "$PDF_SPOOL")
  pdf_log_created=$(absent "$PDF_LOG")

  SOCK="$DIR/cups.sock"
  mkdir -p "$DIR/conf" "$DIR/spool/tmp" "$DIR/cache" "$DIR/state" "$DIR/log"
  chmod 0755 "$DIR"  # filters run as lp and must reach the spool

  cat >"$DIR/conf/cups-files.conf" <<EOF
ServerRoot $DIR/conf
RequestRoot $DIR/spool
TempDir $DIR/spool/tmp
CacheDir $DIR/cache
StateDir $DIR/state
AccessLog $DIR/log/access_log
ErrorLog $DIR/log/error_log
PageLog $DIR/log/page_log
Printcap $DIR/printcap
ServerKeychain $DIR/ssl
FileDevice Yes
SyncOnClose No
User lp
Group lp
SystemGroup root
EOF
  cat >"$DIR/conf/cupsd.conf" <<EOF
LogLevel info
Listen $SOCK
Browsing No
BrowseLocalProtocols none
WebInterface No
DefaultAuthType None
DefaultEncryption Never
PreserveJobFiles No
PreserveJobHistory No
<Location />
  Order allow,deny
  Allow all
</Location>
<Policy default>
  <Limit All>
    Order deny,allow
  </Limit>
</Policy>
EOF

  cupsd -f -c "$DIR/conf/cupsd.conf" -s "$DIR/conf/cups-files.conf" \
    >"$DIR/log/cupsd.out" 2>&1 </dev/null &
  echo $! >"$DIR/cupsd.pid"
  cupsd_pid=$!

  if [ -n "${OWNER_PID:-}" ]; then
    # Stops cupsd when the test process is gone (crash, kill) or after ten minutes at most.
    (
      n=0
      while kill -0 "$OWNER_PID" 2>/dev/null && running "$cupsd_pid" && [ $n -lt 600 ]; do
        sleep 1
        n=$((n + 1))
      done
      kill -TERM "$cupsd_pid" 2>/dev/null
    ) >/dev/null 2>&1 </dev/null &
    echo $! >"$DIR/watchdog.pid"
  fi

  export CUPS_SERVER="$SOCK"
  i=0
  until [ -S "$SOCK" ] && lpstat -r >/dev/null 2>&1; do
    running "$cupsd_pid" || fail "cupsd exited during start-up"
    [ "$i" -lt 100 ] || fail "cupsd did not answer on $SOCK within 10 s"
    sleep 0.1
    i=$((i + 1))
  done

  lpadmin -p "$QUEUE" -E -v cups-pdf:/ -P "$PPD" >"$DIR/log/lpadmin.out" 2>&1 ||
    fail "lpadmin failed: $(cat "$DIR/log/lpadmin.out")"
  lpstat -p "$QUEUE" >/dev/null 2>&1 || fail "queue $QUEUE was not created"

  {
    echo "CUPS_SERVER=$SOCK"
    echo "QUEUE=$QUEUE"
    echo "PDF_DIR=$PDF_DIR"
    echo "PDF_DIR_CREATED=$pdf_dir_created"
    echo "PDF_SPOOL=$PDF_SPOOL"
    echo "PDF_SPOOL_CREATED=$pdf_spool_created"
    echo "PDF_LOG=$PDF_LOG"
    echo "PDF_LOG_CREATED=$pdf_log_created"
  } >"$DIR/env.tmp"
  mv "$DIR/env.tmp" "$DIR/env"
}

env_value() {
  sed -n "s/^$1=//p" "$DIR/env"
}

stop() {
  [ -d "$DIR" ] || return 0
  stop_daemon
  [ -f "$DIR/env" ] || return 0
  # Only what did not exist before start, and directories only when empty.
  if [ "$(env_value PDF_DIR_CREATED)" = 1 ]; then rmdir "$(env_value PDF_DIR)" 2>/dev/null || true; fi
  if [ "$(env_value PDF_SPOOL_CREATED)" = 1 ]; then rmdir "$(env_value PDF_SPOOL)" 2>/dev/null || true; fi
  if [ "$(env_value PDF_LOG_CREATED)" = 1 ]; then rm -f "$(env_value PDF_LOG)"; fi
}

[ $# -ge 2 ] || usage
DIR=$2
OWNER_PID=${3:-}
case "$1" in
  start) start ;;
  stop) stop ;;
  *) usage ;;
esac
