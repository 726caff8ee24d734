#!/usr/bin/env bash
# Usage: completion_test.sh COLOPHON SOURCE_DIR. The bash and zsh completions offer subcommands,
# each subcommand's options and the values an option takes, read from the program's --help.
set -uo pipefail
colophon="$1"
src="$2"
PATH="$(dirname "$colophon"):$PATH"
source "$src/tests/support/checks.sh"

complete_bash() { # complete_bash WORD... -> the candidates for the last word
  bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); _colophon; printf "%s\n" "${COMPREPLY[@]}"' \
    _ "$src/packaging/colophon.bash-completion" "$@"
}
has() { grep -qx -- "$1" <<<"$2"; } # has LINE TEXT
check "bash: every subcommand" test "$(complete_bash colophon '' | grep -cE '^(convert|pack|verify|batch|merge|review)$')" -eq 6
check "bash: nothing but subcommands" test "$(complete_bash colophon '' | grep -cvE '^(convert|pack|verify|batch|merge|review)$')" -eq 0
check "bash: options of convert" has --verbose "$(complete_bash colophon convert --ve)"
check "bash: long names of short options" has --output "$(complete_bash colophon batch --o)"
check "bash: values of --to" test "$(complete_bash colophon convert --to '' | sort | paste -sd,)" = "json,tei,text"
check "bash: values of --ocr" test "$(complete_bash colophon pack --ocr '' | sort | paste -sd,)" = "always,auto,never"

if command -v zsh >/dev/null; then
  complete_zsh() { # complete_zsh WORD... -> what _colophon hands to compadd
    # sourced without arguments: the file's last line runs _colophon as compinit would
    zsh -c 'compadd() { [[ $1 == -- ]] && shift; print -l -- "$@"; }; _files() { print FILES; }
            script=$1; shift; words=("$@"); CURRENT=$#words; set --; source "$script" >/dev/null; _colophon' \
      _ "$src/packaging/colophon.zsh-completion" "$@"
  }
  check "zsh: syntax" zsh -n "$src/packaging/colophon.zsh-completion"
  check "zsh: subcommands" test "$(complete_zsh colophon '' | grep -cE '^(convert|pack|verify|batch|merge|review)$')" -eq 6
  check "zsh: options of verify" has --external-schemas "$(complete_zsh colophon verify --)"
  check "zsh: values of --to" test "$(complete_zsh colophon convert --to '' | sort | paste -sd,)" = "json,tei,text"
  check "zsh: files otherwise" test "$(complete_zsh colophon convert '')" = "FILES"
else
  echo "note: zsh not installed, zsh completion not exercised"
fi

finish
