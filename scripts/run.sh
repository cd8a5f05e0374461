#!/usr/bin/env bash
# run.sh -- installs the dependencies, builds and starts the kiosk.
# Arguments go to borne (see README). Without /etc/borne/borne.conf and
# without --config, --db or --demo among them, it starts the demo.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)"
demo=1
[ -f /etc/borne/borne.conf ] && demo=0
for a in "$@"; do
	case "$a" in --config|--db|--demo|--config=*|--db=*) demo=0 ;; esac
done
if [ $demo -eq 1 ]; then
	exec build/ui/borne --demo "$@"
fi
exec build/ui/borne "$@"
