# bash completion for minsheng. Candidates come from minsheng itself (`minsheng __complete`),
# so they follow the commands, each option's values, the plan's units and 县市区 and the months
# under --data as they are.
_minsheng() {
  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]}
  # bash splits --data=DIR at "=": the option is the word before it.
  [[ $prev == "=" ]] && prev=${COMP_WORDS[COMP_CWORD - 2]}
  [[ $cur == "=" ]] && { cur=""; prev=${COMP_WORDS[COMP_CWORD - 1]}; }
  local sub="" i word global=()
  for ((i = 1; i < COMP_CWORD; i++)); do
    word=${COMP_WORDS[i]}
    case $word in
      --plan | --data | --received | -j | --jobs)
        # The value is the next word, or the one after "=" (--data=DIR).
        if [[ ${COMP_WORDS[i + 1]} == "=" ]]; then
          global+=("$word" "${COMP_WORDS[i + 2]}"); ((i += 2))
        else
          global+=("$word" "${COMP_WORDS[i + 1]}"); ((i++))
        fi
        ;;
      --plan=* | --data=* | --received=*) global+=("$word") ;;
      -*) ;;
      =) ((i++)) ;;
      *) [[ -z $sub ]] && sub=$word ;;
    esac
  done
  local IFS=$'\n' words=""
  if [[ $prev == -* ]]; then
    words=$(minsheng "${global[@]}" __complete values "$sub" -- "$prev" 2>/dev/null)
    if [[ $words == "__files__" ]]; then
      COMPREPLY=($(compgen -f -- "$cur"))
      return
    fi
    [[ $words == "__flag__" ]] && words=""
    [[ -n $words ]] && { COMPREPLY=($(compgen -W "$words" -- "$cur")); return; }
  fi
  if [[ -z $sub ]]; then
    words=$(minsheng __complete subcommands 2>/dev/null; minsheng __complete options 2>/dev/null)
  elif [[ $sub == diff && $cur != -* ]]; then
    # OLD and NEW: a month, or a summary.csv (the default -o default completes files).
    words=$(minsheng "${global[@]}" __complete months 2>/dev/null)
  else
    words=$(minsheng __complete options "$sub" 2>/dev/null)
  fi
  COMPREPLY=($(compgen -W "$words" -- "$cur"))
}
complete -o default -F _minsheng minsheng
