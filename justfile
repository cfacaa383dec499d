# Optional task runner mirroring ./lakehouse and ./mvnw (install: `npm i -g rust-just`).
# The two commands in the README need none of this.

default:
    @just --list

# boot the fleet on loopback
up:
    ./lakehouse up

# stop the fleet
down:
    ./lakehouse down

status:
    ./lakehouse status

logs svc:
    ./lakehouse logs {{svc}}

# unit + integration tests, then every smoke on a fresh fleet (what CI runs)
verify:
    ./lakehouse test

# one smoke against a running fleet, e.g. `just smoke sql`
smoke name:
    bash scripts/smoke/{{name}}.sh

# the walk a user takes
demo:
    ./lakehouse demo

# check the machine; `just doctor --json` for scripts
doctor *args:
    ./lakehouse doctor {{args}}

# every benchmark, written to docs/BENCHMARKS.md
bench:
    bash scripts/bench/run-all.sh
