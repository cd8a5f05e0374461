#!/usr/bin/env bash
# run.sh -- installs the dependencies, builds and starts the kiosk.
# With no argument and no /etc/borne/borne.conf, it starts the demo.
# Any argument is passed to borne (see README).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)"
if [ $# -eq 0 ] && [ ! -f /etc/borne/borne.conf ]; then
	exec build/ui/borne --demo
fi
exec build/ui/borne "$@"
