#!/usr/bin/env bash
# Keeps the code the size one reads at a sitting: no file in src/ over 600 lines, no function
# over 60 lines or a cyclomatic complexity (pmccabe's traditional McCabe count) over 25, unless
# docs/ARCHITECTURE.md names it under "## Size limits" with the reason. A name there that no
# longer needs to be is reported too, so the list shrinks as the code does.
set -euo pipefail
src=$1
command -v pmccabe >/dev/null || { echo "complexity: pmccabe is missing; run scripts/setup.sh" >&2; exit 1; }
allowed=$(sed -n '/^## Size limits/,/^## /p' "$src/docs/ARCHITECTURE.md")
# pmccabe skips whatever is inside "namespace a::b {": it reads a copy written the old way, on
# the same lines.
copy=$(mktemp -d)
trap 'rm -rf "$copy"' EXIT
for f in "$src"/src/*/*.cpp; do
  rel=${f#"$src/"}
  mkdir -p "$copy/$(dirname "$rel")"
  sed -E 's/^namespace ([a-z_]+)::([a-z_]+) \{/namespace \1 { namespace \2 {/;
          s|^\}  // namespace [a-z_]+::[a-z_]+$|} }|' "$f" >"$copy/$rel"
done
status=0
over=()
while read -r lines file; do
  [[ $file == total ]] && continue
  over+=("${file#"$src/"}")
done < <(wc -l "$src"/src/*/*.cpp "$src"/src/*/*.hpp | awk '$1 > 600')
while IFS=$'\t' read -r _ mccabe _ _ lines where; do
  if ((mccabe > 25 || lines > 60)); then
    name=${where##*: }
    while [[ $name =~ ^[a-z_]+::(.*)$ ]]; do name=${BASH_REMATCH[1]}; done  # namespaces off
    over+=("$name")
  fi
done < <(cd "$copy" && pmccabe src/*/*.cpp 2>/dev/null)  # it warns of braces it cannot follow
for name in "${over[@]}"; do
  if ! grep -qF "\`$name\`" <<<"$allowed"; then
    echo "complexity: $name is over the limits and not named under \"## Size limits\" in docs/ARCHITECTURE.md"
    status=1
  fi
done
while read -r name; do
  found=0
  for o in "${over[@]}"; do [[ $o == "$name" ]] && found=1; done
  if ((found == 0)); then
    echo "complexity: \`$name\` is named under \"## Size limits\" but is within the limits now: remove it"
    status=1
  fi
done < <(grep '^| `' <<<"$allowed" | cut -d'|' -f2 | grep -oE '`[^`]+`' | tr -d '`')
((status == 0)) && echo "complexity ok: ${#over[@]} named exceptions"
exit $status
