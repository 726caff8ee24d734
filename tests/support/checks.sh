# Sourced by the shell tests (tests/cli, tests/packaging): a scratch directory `$work` removed on
# exit, `check NAME COMMAND...` that runs one check and prints "ok"/"FAIL" with its name, and
# `finish`, which prints the tally and fails when any check missed.
work="$(mktemp -d)"
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
passed=0
failed=0
check() { # check NAME CONDITION...
  local name="$1"; shift
  if "$@"; then passed=$((passed + 1)); echo "ok   $name"; else failed=$((failed + 1)); echo "FAIL $name"; fi
}
finish() {
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ]
}
