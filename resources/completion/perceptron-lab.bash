# bash completion for perceptron-lab (installed as
# share/bash-completion/completions/perceptron-lab, loaded on demand by bash-completion).
# Plain bash (compgen, compopt, mapfile): it needs none of bash-completion's helpers and no
# shell options, so it also works when sourced by hand:
#     source resources/completion/perceptron-lab.bash
# The commands, options and values follow app/cli/cliparser.cpp; tests/desktop checks them against
# the program's --help.

# Appends the lines compgen prints for "$@" to COMPREPLY (line by line, so names with spaces
# stay whole).
_perceptron_lab_add()
{
    local line
    while IFS= read -r line; do
        COMPREPLY+=("$line")
    done < <(compgen "$@")
}

# Files ending in one of the extensions given, and directories to descend into.
_perceptron_lab_files()
{
    compopt -o filenames 2>/dev/null
    local extension
    for extension in "$@"; do
        _perceptron_lab_add -f -X "!*.$extension" -- "$cur"
    done
    _perceptron_lab_add -d -- "$cur"
}

_perceptron_lab()
{
    local cur=${COMP_WORDS[COMP_CWORD]}
    local prev=""
    ((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}
    COMPREPLY=()

    # The command is the first word after the program that does not start with a dash.
    local command="" i
    for ((i = 1; i < COMP_CWORD; i++)); do
        if [[ ${COMP_WORDS[i]} != -* ]]; then
            command=${COMP_WORDS[i]}
            break
        fi
    done

    # A value after an option that takes one.
    case $prev in
        --data)
            _perceptron_lab_files csv
            return ;;
        --project)
            _perceptron_lab_files json
            return ;;
        --trace | --summary | --out)
            compopt -o filenames 2>/dev/null
            _perceptron_lab_add -f -- "$cur"
            return ;;
        --rule)
            _perceptron_lab_add -W "perceptron pocket averaged adaline logistic" -- "$cur"
            return ;;
        --init)
            _perceptron_lab_add -W "zeros random" -- "$cur"
            return ;;
        --zero)
            _perceptron_lab_add -W "positive negative mistake" -- "$cur"
            return ;;
        --stop-rule)
            _perceptron_lab_add -W "mistake-free-pass zero-errors" -- "$cur"
            return ;;
        --order)
            _perceptron_lab_add -W "file shuffle" -- "$cur"
            return ;;
        --model)
            _perceptron_lab_add -W "linear mlp" -- "$cur"
            return ;;
        --activation)
            _perceptron_lab_add -W "tanh relu sigmoid identity step" -- "$cur"
            return ;;
        --multiclass)
            _perceptron_lab_add -W "kesler ovr" -- "$cur"
            return ;;
        --batch)
            _perceptron_lab_add -W "1 all" -- "$cur"
            return ;;
        --features)
            _perceptron_lab_add -W "x1,x2 x1,x2,x1x2 x1sq,x2sq x1,x2,x1sq,x2sq,x1x2,sinx1,sinx2" -- "$cur"
            return ;;
        --format)
            _perceptron_lab_add -W "png svg pdf gif" -- "$cur"
            return ;;
        --layout)
            _perceptron_lab_add -W "single storyboard frames pages" -- "$cur"
            return ;;
        --theme)
            _perceptron_lab_add -W "light dark print contrast" -- "$cur"
            return ;;
        --table)
            _perceptron_lab_add -W "csv md tex" -- "$cur"
            return ;;
        --chart)
            _perceptron_lab_add -W "errors weights" -- "$cur"
            return ;;
        --epochs)
            # train: a number; export: a list such as 0,1,2,5,last, or all, or last.
            [[ $command == export ]] && _perceptron_lab_add -W "all last" -- "$cur"
            return ;;
        --hidden | --classes | --lr | --tolerance | --max-epochs | --seed | --size | --scale | --dpi | --font-scale | --title | \
            --columns | --delay | --pause | --loop)
            return ;;
    esac

    case $command in
        "")
            if [[ $cur == -* ]]; then
                _perceptron_lab_add -W "--help --version" -- "$cur"
            else
                # A command, or a data set or a project to open in the window.
                _perceptron_lab_add -W "train export" -- "$cur"
                _perceptron_lab_files csv json
            fi ;;
        train)
            _perceptron_lab_add -W "--data --project --rule --lr --epochs --tolerance --init --no-bias --zero
                --stop-rule --order --seed --model --hidden --activation --batch --features --multiclass
                --classes --trace --summary --help" -- "$cur" ;;
        export)
            _perceptron_lab_add -W "--data --project --rule --lr --max-epochs --tolerance --init --no-bias
                --zero --stop-rule --order --seed --model --hidden --activation --batch --features
                --multiclass --classes --epochs --steps --chart --table --format --layout --size
                --scale --dpi --theme --font-scale --caption --title --no-legend --columns
                --delay --pause --loop --out --help" -- "$cur" ;;
    esac
}

complete -F _perceptron_lab perceptron-lab
