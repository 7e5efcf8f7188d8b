#!/bin/sh
# Renders every figure of the lessons (docs/lessons/) with the program itself, through
# `perceptron-lab export`, from the lesson projects in resources/examples/.
#
#   scripts/make-figures.sh [BINARY [FOLDER]]
#
# BINARY defaults to build/release/app/perceptron-lab, FOLDER to docs/images/lessons. The same
# binary, projects and fonts give the same files; tests/cli (lesson_figures) renders them into a
# temporary folder and compares them with the committed ones.
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$root/build/release/app/perceptron-lab}
out=${2:-$root/docs/images/lessons}
examples=$root/resources/examples

if [ ! -x "$bin" ]; then
    echo "make-figures.sh: no perceptron-lab at $bin (build it, or name it as the first argument)" >&2
    exit 2
fi
mkdir -p "$out"

# The figures are in English whatever the desktop's language, and need no display.
export LANG=C.UTF-8 LC_ALL=C.UTF-8 LANGUAGE=en QT_QPA_PLATFORM=offscreen

l1=$examples/lesson-1-parameters.json
l2=$examples/lesson-2-and.json
l3=$examples/lesson-3-learning-rate.json
l4=$examples/lesson-4-xor.json
l4h=$examples/lesson-4-hidden.json
l4s=$examples/lesson-4-step.json
l4t=$examples/lesson-4-tanh.json

export_() { "$bin" export "$@"; }
still() { # PROJECT OUT [OPTIONS]: one picture of epoch 0 (or what the options choose), 720x540
    project=$1 file=$2
    shift 2
    export_ --project "$project" --out "$out/$file" --size 720x540 --caption --epochs 0 "$@"
}

# Lesson 1: what w1, w2 and b mean.
still "$l1" lesson-1-start.png
still "$l1" lesson-1-bias.png --init 1,0,-2
still "$l1" lesson-1-tilt.png --init 1,1,-4
still "$l1" lesson-1-scale.png --init 2,2,-8
still "$l1" lesson-1-flip.png --init -1,-1,4
export_ --project "$l1" --out "$out/lesson-1-train.png" --layout storyboard --size 1280x720

# Lesson 2: the perceptron rule, sample by sample, on AND.
export_ --project "$l2" --out "$out/lesson-2-epoch1.png" --layout storyboard --steps --epochs 1 \
    --size 1280x720 --columns 2
export_ --project "$l2" --out "$out/lesson-2-storyboard.png" --layout storyboard --epochs 0-6 \
    --size 1280x720 --columns 4
export_ --project "$l2" --out "$out/lesson-2-errors.png" --chart errors --size 800x400
export_ --project "$l2" --out "$out/lesson-2-trace.md" --table md --epochs all

# Lesson 3: the learning rate and the initial weights.
for lr in 0.1 10; do
    export_ --project "$l3" --out "$out/lesson-3-zeros-lr$lr.png" --layout storyboard \
        --init zeros --lr "$lr" --epochs 1-6 --columns 3 --size 1280x720
    export_ --project "$l3" --out "$out/lesson-3-random-lr$lr.png" --layout storyboard \
        --init random --lr "$lr" --epochs all --size 1280x720
done
{
    echo "| initial weights | η = 0.1 | η = 1 | η = 10 |"
    echo "|---|--:|--:|--:|"
    for init in zeros random; do
        row="| $init |"
        for lr in 0.1 1 10; do
            summary=$("$bin" train --project "$l3" --init "$init" --lr "$lr")
            epochs=$(printf '%s\n' "$summary" | sed -n 's/.*"epochs":\([0-9]*\).*/\1/p')
            row="$row $epochs |"
        done
        echo "$row"
    done
} > "$out/lesson-3-epochs.md"
export_ --project "$l3" --out "$out/lesson-3-adaline-0.01.png" --rule adaline --lr 0.01 \
    --max-epochs 1000 --chart errors --size 800x400
export_ --project "$l3" --out "$out/lesson-3-adaline-1.png" --rule adaline --lr 1 \
    --layout storyboard --epochs 0-5 --columns 3 --size 1280x720

# Lesson 4: XOR, and what comes next.
export_ --project "$l4" --out "$out/lesson-4-storyboard.png" --layout storyboard \
    --epochs 1,14,17,19,38,last --size 1280x720 --columns 3
export_ --project "$l4" --out "$out/lesson-4-errors.png" --chart errors --size 800x400
export_ --project "$l4" --out "$out/lesson-4-weights.png" --chart weights --size 800x400
export_ --project "$l4" --out "$out/lesson-4-pocket.png" --rule pocket --order shuffle \
    --size 720x540 --caption
still "$l4" lesson-4-or.png --init 1,1,-0.5
still "$l4" lesson-4-nand.png --init -1,-1,1.5
still "$l4h" lesson-4-hidden.png
# The same XOR network in the app: set by hand with step units (drawn as it is: never trained),
# then learnt by a 2-2-1 tanh network; the hidden units' lines h1, h2 move into place.
still "$l4s" lesson-4-step.png
export_ --project "$l4t" --out "$out/lesson-4-tanh.png" --layout storyboard \
    --epochs 0,20,40,69,150,last --size 1280x720 --columns 3
export_ --project "$l4t" --out "$out/lesson-4-tanh-errors.png" --chart errors --size 800x400

# Lesson 5: a network learns. The line, the feature maps x1^2, x2^2, and networks of 4 and 8
# hidden tanh units, on Data > Generate's circles and moons.
l5c=$examples/lesson-5-circles.json
l5m=$examples/lesson-5-moons.json
net="--model mlp --init random --lr 0.5 --order file --max-epochs 300"
export_ --project "$l5c" --out "$out/lesson-5-circles-line.png" --size 720x540 --caption
export_ --project "$l5c" --out "$out/lesson-5-circles-squares.png" --features x1sq,x2sq \
    --size 720x540 --caption
# shellcheck disable=SC2086 # $net is a list of options
export_ --project "$l5c" --out "$out/lesson-5-circles-net.png" $net --hidden 4 \
    --layout storyboard --epochs 0,20,60,129,200,last --size 1280x720 --columns 3
export_ --project "$l5m" --out "$out/lesson-5-moons-line.png" --size 720x540 --caption
# shellcheck disable=SC2086
export_ --project "$l5m" --out "$out/lesson-5-moons-net.png" $net --hidden 8 \
    --layout storyboard --epochs 0,10,20,30,100,last --size 1280x720 --columns 3

# Lesson 6: the scale of parameters. The view's picture (render::ScalePainter, as Help > How big is
# this model? and its exports paint it) for lesson 2's run, without a measured rate, which differs
# from machine to machine. Painted by the build's plab_scale_figure (tests/render), beside BINARY
# in the build tree, or PLAB_SCALE_FIGURE.
scale=${PLAB_SCALE_FIGURE:-$(dirname "$bin")/../tests/render/plab_scale_figure}
if [ ! -x "$scale" ]; then
    echo "make-figures.sh: no plab_scale_figure at $scale (build it, or set PLAB_SCALE_FIGURE)" >&2
    exit 2
fi
"$scale" "$l2" "$out/lesson-6-scale.png"

# Lesson 7: more than two classes. Kesler's perceptron, then one-vs-rest, on three groups side
# by side.
l7=$examples/lesson-7-classes.json
export_ --project "$l7" --out "$out/lesson-7-kesler.png" --layout storyboard --epochs all \
    --size 1280x720 --columns 3
export_ --project "$l7" --out "$out/lesson-7-ovr.png" --multiclass ovr --size 720x540 --caption
export_ --project "$l7" --out "$out/lesson-7-ovr-errors.png" --multiclass ovr --chart errors \
    --size 800x400
