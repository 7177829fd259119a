# bash completion for downhill-cli
#
# The commands and each command's flags are read from downhill-cli's own help (downhill-cli
# --help, downhill-cli help <command>), once per shell, so the completion always matches the
# program it completes. A flag whose value is a FILE, PATH or DIR completes file names (DIR:
# folders); other values are left to the user.

_downhill_cli_commands()
{
    if [[ -z ${_downhill_cli_command_list-} ]]; then
        _downhill_cli_command_list=$("$1" --help 2>/dev/null |
            sed -n '/^Commands:$/,/^$/{s/^  \([a-z][a-z-]*\) .*/\1/p}')
    fi
    printf '%s\n' "$_downhill_cli_command_list"
}

# "--flag VALUE" lines of one command's help, as "--flag VALUE" (VALUE empty for a switch).
_downhill_cli_flags()
{
    local program=$1 command=$2 var
    var="_downhill_cli_flags_${command//-/_}"
    if [[ -z ${!var-} ]]; then
        printf -v "$var" '%s' "$("$program" help "$command" 2>/dev/null |
            sed -n 's/^  \(--[a-z0-9-]*\)\( [A-Za-z0-9.,|_-]*\)\{0,1\}\( .*\)\{0,1\}$/\1\2/p')"
    fi
    printf '%s\n' "${!var}"
}

_downhill_cli()
{
    local cur prev words cword
    _init_completion -n = || return
    local program=${words[0]}

    if ((cword == 1)); then
        COMPREPLY=($(compgen -W "$(_downhill_cli_commands "$program") help --help --version" -- "$cur"))
        return
    fi
    local command=${words[1]}
    if [[ $command == help ]]; then
        ((cword == 2)) && COMPREPLY=($(compgen -W "$(_downhill_cli_commands "$program")" -- "$cur"))
        return
    fi
    _downhill_cli_commands "$program" | grep -qx -- "$command" || return

    local flags value flag
    flags=$(_downhill_cli_flags "$program" "$command")

    # --flag=VALUE in one word
    if [[ $cur == --*=* ]]; then
        flag=${cur%%=*}
        cur=${cur#*=}
        prev=$flag
        value=$(awk -v f="$flag" '$1 == f { print $2 }' <<<"$flags")
    elif [[ $prev == --* ]]; then
        value=$(awk -v f="$prev" '$1 == f { print $2 }' <<<"$flags")
    fi
    case $value in
        DIR) _filedir -d; return ;;
        FILE* | PATH*) _filedir; return ;;
        ?*) return ;;  # a number, a name, a list: nothing to offer
    esac

    if [[ $cur == -* || -z $cur ]]; then
        COMPREPLY=($(compgen -W "$(awk '{ print $1 }' <<<"$flags") --help" -- "$cur"))
    fi
} &&
    complete -F _downhill_cli downhill-cli
