# bash completion for minsheng. Candidates come from minsheng itself (`minsheng __complete`),
# so they follow the commands, the plan's units and the months under --data as they are.
_minsheng() {
  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]}
  local sub="" i global=()
  for ((i = 1; i < COMP_CWORD; i++)); do
    case ${COMP_WORDS[i]} in
      --plan | --data) global+=("${COMP_WORDS[i]}" "${COMP_WORDS[i + 1]}"); ((i++)) ;;
      -*) ;;
      *) [[ -z $sub ]] && sub=${COMP_WORDS[i]} ;;
    esac
  done
  local IFS=$'\n' words
  case $prev in
    --unit | -u) words=$(minsheng "${global[@]}" __complete units 2>/dev/null) ;;
    --month | -m) words=$(minsheng "${global[@]}" __complete months 2>/dev/null) ;;
    --format | -f) words=$'table\nmd\ncsv\njson\nxlsx\nyaml\nhtml' ;;
    --plan | --data | -o | --output | --template)
      COMPREPLY=($(compgen -f -- "$cur"))
      return
      ;;
    *)
      if [[ -z $sub ]]; then
        words=$(minsheng __complete subcommands 2>/dev/null; minsheng __complete options 2>/dev/null)
      else
        words=$(minsheng __complete options "$sub" 2>/dev/null)
      fi
      ;;
  esac
  COMPREPLY=($(compgen -W "$words" -- "$cur"))
}
complete -o default -F _minsheng minsheng
