<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP" sourcelanguage="en">
<context>
    <name>AddPoints</name>
    <message numerus="yes">
        <source>Add %n points</source>
        <translation>
            <numerusform>%n 個の点を追加</numerusform>
        </translation>
    </message>
    <message>
        <source>Add point of class %1</source>
        <translation>クラス %1 の点を追加</translation>
    </message>
    <message numerus="yes">
        <source>Add %n points of class %1</source>
        <translation>
            <numerusform>クラス %1 の点を %n 個追加</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MovePoints</name>
    <message>
        <source>Move point</source>
        <translation>点を移動</translation>
    </message>
    <message numerus="yes">
        <source>Move %n points</source>
        <translation>
            <numerusform>%n 個の点を移動</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RemovePoints</name>
    <message>
        <source>Remove point</source>
        <translation>点を削除</translation>
    </message>
    <message numerus="yes">
        <source>Remove %n points</source>
        <translation>
            <numerusform>%n 個の点を削除</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SetPointLabels</name>
    <message>
        <source>Change point to class %1</source>
        <translation>点をクラス %1 に変更</translation>
    </message>
    <message numerus="yes">
        <source>Change %n points to class %1</source>
        <translation>
            <numerusform>%n 個の点をクラス %1 に変更</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>plab::cli::CommandLine</name>
    <message>
        <source>Perceptron Lab %1: watch a perceptron learn.

Usage:
  perceptron-lab                 start the window
  perceptron-lab FILE            start the window with a data set (.csv) or project (.json)
  perceptron-lab train OPTIONS   train without a window (see: perceptron-lab train --help)
  perceptron-lab export OPTIONS  draw a run into PNG, SVG, PDF, GIF or a table (see: perceptron-lab export --help)
  perceptron-lab --help          show this help
  perceptron-lab --version       show the version

Without a display the window cannot open: the program says so and runs a headless demo instead.
</source>
        <translation>Perceptron Lab %1: パーセプトロンが学習するようすを観察します。

使い方:
  perceptron-lab                 ウィンドウを開く
  perceptron-lab FILE            データセット（.csv）またはプロジェクト（.json）を開いてウィンドウを開く
  perceptron-lab train OPTIONS   ウィンドウなしで学習する（perceptron-lab train --help を参照）
  perceptron-lab export OPTIONS  学習の経過を PNG、SVG、PDF、GIF または表に書き出す（perceptron-lab export --help を参照）
  perceptron-lab --help          このヘルプを表示する
  perceptron-lab --version       バージョンを表示する

ディスプレイがない環境ではウィンドウを開けません。その旨を表示し、代わりにウィンドウなしのデモを実行します。
</translation>
    </message>
    <message>
        <source>unknown option %1 (see perceptron-lab train --help)</source>
        <translation>不明なオプション %1 です（perceptron-lab train --help を参照）</translation>
    </message>
    <message>
        <source>unexpected argument %1 (options start with --; see perceptron-lab train --help)</source>
        <translation>予期しない引数 %1 です（オプションは -- で始まります。perceptron-lab train --help を参照）</translation>
    </message>
    <message>
        <source>give exactly one of --data FILE and --project FILE</source>
        <translation>--data FILE と --project FILE のどちらか一方だけを指定してください</translation>
    </message>
    <message>
        <source>a file name is needed</source>
        <translation>ファイル名を指定してください</translation>
    </message>
    <message>
        <source>unknown rule %1 (expected perceptron, pocket, averaged, adaline or logistic)</source>
        <translation>不明な学習則 %1 です（perceptron、pocket、averaged、adaline、logistic のいずれか）</translation>
    </message>
    <message>
        <source>%1, found %2</source>
        <translation>%1（指定値: %2）</translation>
    </message>
    <message>
        <source>unknown convention %1 (expected positive, negative or mistake)</source>
        <translation>不明な規則 %1 です（positive、negative、mistake のいずれか）</translation>
    </message>
    <message>
        <source>unknown order %1 (expected file or shuffle)</source>
        <translation>不明な順序 %1 です（file または shuffle）</translation>
    </message>
    <message>
        <source>expected a whole number from 0 to 18446744073709551615, found %1</source>
        <translation>0 から 18446744073709551615 までの整数を指定してください（指定値: %1）</translation>
    </message>
    <message>
        <source>a file name or - is needed</source>
        <translation>ファイル名または - を指定してください</translation>
    </message>
    <message>
        <source>--trace and --summary cannot both write to standard output</source>
        <translation>--trace と --summary の両方を標準出力に書くことはできません</translation>
    </message>
    <message>
        <source>unknown option %1 (see perceptron-lab --help)</source>
        <translation>不明なオプション %1 です（perceptron-lab --help を参照）</translation>
    </message>
    <message>
        <source>unexpected argument %1: give one file to open, or use perceptron-lab train (see perceptron-lab --help)</source>
        <translation>予期しない引数 %1 です。開くファイルを 1 つ指定するか、perceptron-lab train を使ってください（perceptron-lab --help を参照）</translation>
    </message>
    <message>
        <source>the file name to open is empty</source>
        <translation>開くファイルの名前が空です</translation>
    </message>
    <message>
        <source>%1 takes no value</source>
        <translation>%1 は値を取りません</translation>
    </message>
    <message>
        <source>%1 needs a value</source>
        <translation>%1 には値が必要です</translation>
    </message>
    <message>
        <source>%1 needs a value (found the option %2)</source>
        <translation>%1 には値が必要です（値の位置にオプション %2 があります）</translation>
    </message>
    <message>
        <source>%1 needs a value (%2 looks like an option; write %1=%3 if it is the value)</source>
        <translation>%1 には値が必要です（%2 はオプションのように見えます。これが値なら %1=%3 と書いてください）</translation>
    </message>
    <message>
        <source>a CSV data set (header x1,x2,label)</source>
        <translation>CSV 形式のデータセット（ヘッダー x1,x2,label）</translation>
    </message>
    <message>
        <source>a Perceptron Lab project (.json)</source>
        <translation>Perceptron Lab のプロジェクト（.json）</translation>
    </message>
    <message>
        <source>perceptron, pocket, averaged, adaline or logistic</source>
        <translation>学習則: perceptron、pocket、averaged、adaline または logistic</translation>
    </message>
    <message>
        <source>learning rate, greater than 0 and at most 1e9</source>
        <translation>学習率。0 より大きく 1e9 以下</translation>
    </message>
    <message>
        <source>epoch limit, from 1 to 10000000</source>
        <translation>エポック上限。1～10000000</translation>
    </message>
    <message>
        <source>train without a bias (b stays 0)</source>
        <translation>バイアスなしで学習する（b は 0 のまま）</translation>
    </message>
    <message>
        <source>output at net = 0: positive, negative or mistake</source>
        <translation>net = 0 のときの出力: positive、negative または mistake</translation>
    </message>
    <message>
        <source>sample order: file or shuffle</source>
        <translation>サンプルの順序: file または shuffle</translation>
    </message>
    <message>
        <source>seed for random initial weights and shuffling (0 to 2^64-1)</source>
        <translation>重みのランダムな初期値とシャッフルのシード（0～2^64-1）</translation>
    </message>
    <message>
        <source>write one JSON object per sample visit and per epoch (- for standard output)</source>
        <translation>サンプルの訪問ごと・エポックごとに JSON オブジェクトを 1 つ書く（- で標準出力）</translation>
    </message>
    <message>
        <source>write the result as one JSON object (- for standard output, the default)</source>
        <translation>結果を 1 つの JSON オブジェクトとして書く（- で標準出力、既定）</translation>
    </message>
    <message>
        <source>Usage: perceptron-lab train (--data FILE | --project FILE) [OPTIONS]</source>
        <translation>使い方: perceptron-lab train (--data FILE | --project FILE) [OPTIONS]</translation>
    </message>
    <message>
        <source>Trains on a data set without a window and writes a JSON Lines trace and a JSON summary.
Options given here override the settings of a project file.</source>
        <translation>ウィンドウを開かずにデータセットで学習し、JSON Lines 形式のトレースと JSON 形式のサマリーを書き出します。
ここで指定したオプションはプロジェクトファイルの設定より優先されます。</translation>
    </message>
    <message>
        <source>show this help</source>
        <translation>このヘルプを表示する</translation>
    </message>
    <message>
        <source>Exit status: 0 when training ran (whether it converged or not), 2 for bad input.</source>
        <translation>終了ステータス: 学習を実行できたら 0（収束したかどうかによらない）、入力が不正なら 2。</translation>
    </message>
    <message>
        <source>expected 1 to 3 comma-separated layer sizes from 1 to 16 (e.g. --hidden 4 or 8,8), found %1</source>
        <translation>1 から 16 までの層の大きさを 1 〜 3 個、カンマ区切りで指定してください（例: --hidden 4 や 8,8。指定値: %1）</translation>
    </message>
    <message>
        <source>expected a whole number of samples from 1 to %1 or all, found %2</source>
        <translation>1 から %1 までのサンプル数（整数）か all を指定してください（指定値: %2）</translation>
    </message>
    <message>
        <source>expected a comma-separated list of different features from x1, x2, x1sq, x2sq, x1x2, sinx1 and sinx2, found %1</source>
        <translation>x1, x2, x1sq, x2sq, x1x2, sinx1, sinx2 から重複しない特徴量をカンマ区切りで指定してください（指定値: %1）</translation>
    </message>
    <message>
        <source>expected a whole number of classes from 2 to 8, found %1</source>
        <translation>クラス数は 2 から 8 までの整数で指定してください（指定値: %1）</translation>
    </message>
    <message>
        <source>linear (one layer of units, the default) or mlp (a network)</source>
        <translation>linear（ユニット 1 層、既定）または mlp（ネットワーク）</translation>
    </message>
    <message>
        <source>unknown model %1 (expected linear or mlp)</source>
        <translation>不明なモデル %1 です（linear か mlp を指定してください）</translation>
    </message>
    <message>
        <source>mlp: units of 1 to 3 hidden layers, 1 to 16 each (e.g. 4 or 8,8)</source>
        <translation>mlp: 隠れ層 1 〜 3 層のユニット数、各 1 〜 16（例: 4 や 8,8）</translation>
    </message>
    <message>
        <source>mlp: hidden activation tanh (default), relu, sigmoid, identity or step</source>
        <translation>mlp: 隠れ層の活性化関数 tanh（既定）、relu、sigmoid、identity、step</translation>
    </message>
    <message>
        <source>unknown activation %1 (expected tanh, relu, sigmoid, identity or step)</source>
        <translation>不明な活性化関数 %1 です（tanh、relu、sigmoid、identity、step のいずれか）</translation>
    </message>
    <message>
        <source>samples per update: 1 (online, the default), N or all</source>
        <translation>1 回の更新に使うサンプル数: 1（オンライン、既定）、N または all</translation>
    </message>
    <message>
        <source>the model&apos;s inputs, comma-separated from x1, x2, x1sq, x2sq, x1x2,
sinx1, sinx2 (default x1,x2)</source>
        <translation>モデルの入力。x1, x2, x1sq, x2sq, x1x2, sinx1, sinx2 から
カンマ区切りで指定（既定 x1,x2）</translation>
    </message>
    <message>
        <source>linear models with 3 or more classes: kesler (default) or ovr</source>
        <translation>3 クラス以上の線形モデル: kesler（既定）または ovr</translation>
    </message>
    <message>
        <source>unknown scheme %1 (expected kesler or ovr)</source>
        <translation>不明な方式 %1 です（kesler か ovr を指定してください）</translation>
    </message>
    <message>
        <source>number of classes, 2 to 8 (default: from the labels 0 ... K-1)</source>
        <translation>クラス数 2 〜 8（既定: ラベル 0 … K-1 から）</translation>
    </message>
    <message>
        <source>expected zeros, random, three numbers W1,W2,B within ±1e9 (e.g. --init 0.5,-1,0) or a FILE.json of layers, found %1</source>
        <translation>zeros、random、±1e9 以内の 3 つの数 W1,W2,B（例: --init 0.5,-1,0）、または層の FILE.json を指定してください（指定値: %1）</translation>
    </message>
    <message>
        <source>zeros, random, the weights W1,W2,B (e.g. 0.5,-1,0),
or FILE.json with {&quot;layers&quot;:[...]} as the summary writes</source>
        <translation>重みの初期値: zeros、random、重み W1,W2,B（例: 0.5,-1,0）、
または要約と同じ {&quot;layers&quot;:[...]} の FILE.json</translation>
    </message>
    <message>
        <source>the stop test&apos;s relative tolerance, &gt;= 0; 0 disables it</source>
        <translation>停止判定の相対許容誤差（0 以上。0 にすると判定しません）</translation>
    </message>
    <message>
        <source>mistake-free-pass (default) or zero-errors: when perceptron,
pocket and averaged stop: after a pass without a mistake, or as
soon as the weights classify every point</source>
        <translation>mistake-free-pass（既定）または zero-errors: パーセプトロン、ポケット、
平均化パーセプトロンが止まるとき。誤りのないパスの後か、
重みがすべての点を正しく分類した時点</translation>
    </message>
    <message>
        <source>unknown stop rule %1 (expected mistake-free-pass or zero-errors)</source>
        <translation>不明な停止規則 %1（mistake-free-pass または zero-errors を指定してください）</translation>
    </message>
</context>
<context>
    <name>plab::cli::Demo</name>
    <message>
        <source>perceptron-lab: %1: the folder cannot be created</source>
        <translation>perceptron-lab: %1: フォルダーを作成できません</translation>
    </message>
    <message>
        <source>Training on %1 ...</source>
        <translation>%1 で学習しています…</translation>
    </message>
    <message>
        <source>Diverged in epoch %1 (the numbers grew beyond what a double holds); last finite weights: %2.</source>
        <translation>エポック %1 で発散しました（数値が double で表せる範囲を超えました）。最後の有限な重み: %2。</translation>
    </message>
    <message>
        <source>Wrote the trace and the summary to %1 (trace.jsonl, summary.json).</source>
        <translation>トレースとサマリーを %1 に書き出しました（trace.jsonl、summary.json）。</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>誤分類 %n 個</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Converged after %n epoch(s): %1, %2.</source>
        <translation>
            <numerusform>%n エポックで収束しました: %1、%2。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stopped at the limit of %n epoch(s) without converging: %1, %2.</source>
        <translation>
            <numerusform>エポック上限の %n エポックに達しましたが収束しませんでした: %1、%2。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stuck in a cycle after %n epoch(s): the weights repeat while each sample still moves them by up to %1; at the end of the epoch: %2, %3.</source>
        <translation>
            <numerusform>%n エポック後に周期に入りました: 重みは同じ値に戻りますが、各サンプルはまだ重みを最大 %1 動かします。エポック終了時: %2、%3。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>plab::cli::ExportCommand</name>
    <message>
        <source>an export records every epoch: the epoch limit must be at most %1, found %2</source>
        <translation>エクスポートはすべてのエポックを記録します。エポック上限は %1 以下にしてください（指定値: %2）</translation>
    </message>
    <message>
        <source>a gif is an animation of the frames: leave out --layout</source>
        <translation>GIF はフレームのアニメーションです。--layout は指定しないでください</translation>
    </message>
    <message>
        <source>the %1 layout cannot be written as %2 (single, storyboard and frames: png, svg or pdf; pages: pdf)</source>
        <translation>%1 レイアウトは %2 形式では書き出せません（single・storyboard・frames は png・svg・pdf、pages は pdf）</translation>
    </message>
    <message>
        <source>standard output: %1</source>
        <translation>標準出力: %1</translation>
    </message>
    <message>
        <source>--out %1 is the same file as %2 %3: an output never replaces an input</source>
        <translation>--out %1 は %2 %3 と同じファイルです: 出力で入力を置き換えることはできません</translation>
    </message>
    <message>
        <source>standard output</source>
        <translation>標準出力</translation>
    </message>
    <message>
        <source>--format %1 does not match --out %2: name the file .%1, or leave out --format to take the format from the name</source>
        <translation>--format %1 は --out %2 と合いません。ファイル名を .%1 にするか、--format を省いて名前から形式を決めてください</translation>
    </message>
    <message>
        <source>%1: export writes png, svg, pdf and gif, not .%2; name the file after one of them</source>
        <translation>%1: export が書けるのは png, svg, pdf, gif で、.%2 は書けません。いずれかの拡張子を付けてください</translation>
    </message>
    <message>
        <source>%1 is drawn at --size (a PDF&apos;s resolution is --dpi): the pixels per layout pixel are for png and gif</source>
        <translation>%1 は --size の大きさで描かれます（PDF の解像度は --dpi）。レイアウト 1 ピクセルあたりのピクセル数は png と gif 用です</translation>
    </message>
    <message>
        <source>a table lists the sample visits of epochs 1 to %1, and epoch 0 (the start) has none: choose some of them (e.g. --epochs 1 or all)</source>
        <translation>表はエポック 1〜%1 のサンプルの訪問を並べます。エポック 0（開始時点）には訪問がありません。そのいずれかを選んでください（例: --epochs 1 または all）</translation>
    </message>
    <message>
        <source>a single image shows one frame, but %1 were chosen: choose one epoch (--epochs N, without --steps), or a --layout of storyboard, frames or pages</source>
        <translation>1 枚の画像に描けるのは 1 フレームですが、%1 フレームが選ばれました。エポックを 1 つ選ぶか（--epochs N、--steps なし）、--layout に storyboard、frames、pages のいずれかを指定してください</translation>
    </message>
    <message>
        <source>%1: export writes worked-example tables of the two-class linear model on x1, x2 and of networks, and this run is %2 with %3 classes</source>
        <translation>%1: export が計算例の表を書けるのは x1, x2 の 2 クラス線形モデルとネットワークだけですが、この実行は %3 クラスの %2 です</translation>
    </message>
</context>
<context>
    <name>plab::cli::ExportCommandLine</name>
    <message>
        <source>unknown option %1 (see perceptron-lab export --help)</source>
        <translation>不明なオプション %1 です（perceptron-lab export --help を参照）</translation>
    </message>
    <message>
        <source>unexpected argument %1 (options start with --; see perceptron-lab export --help)</source>
        <translation>予期しない引数 %1 です（オプションは -- で始まります。perceptron-lab export --help を参照）</translation>
    </message>
    <message>
        <source>unknown value %1 (expected %2)</source>
        <translation>不明な値 %1 です（%2 のいずれかを指定してください）</translation>
    </message>
    <message>
        <source>expected a number from %1 to %2, found %3</source>
        <translation>%1 から %2 までの数を指定してください（指定値: %3）</translation>
    </message>
    <message>
        <source>expected a whole number from %1 to %2, found %3</source>
        <translation>%1 から %2 までの整数が必要ですが、%3 がありました</translation>
    </message>
    <message>
        <source>expected all, last or a list such as 0,1,2,5,last</source>
        <translation>all、last、または 0,1,2,5,last のようなリストを指定してください</translation>
    </message>
    <message>
        <source>the file to write is needed</source>
        <translation>書き出すファイルを指定してください</translation>
    </message>
    <message>
        <source>a table is text: leave out --format, --layout and --chart</source>
        <translation>表はテキストです。--format、--layout、--chart は指定しないでください</translation>
    </message>
    <message>
        <source>only a table can go to standard output; give a file name</source>
        <translation>標準出力に書けるのは表だけです。ファイル名を指定してください</translation>
    </message>
    <message>
        <source>all, last, or epochs and ranges such as 0,1,2,5,last or 2-6
(default: last for single, 0,1,2,3,5,last for storyboard, all otherwise)</source>
        <translation>all、last、またはエポックと範囲（例: 0,1,2,5,last や 2-6）
（既定: single は last、storyboard は 0,1,2,3,5,last、それ以外は all）</translation>
    </message>
    <message>
        <source>every sample visit of those epochs instead of one frame per epoch</source>
        <translation>エポックごとに 1 フレームではなく、それらのエポックのサンプル訪問ごとに描く</translation>
    </message>
    <message>
        <source>errors or weights: the learning curves instead of the plot</source>
        <translation>errors または weights: 平面図の代わりに学習曲線を描く</translation>
    </message>
    <message>
        <source>csv, md or tex: the visits of those epochs as a table</source>
        <translation>csv、md または tex: それらのエポックのサンプル訪問を表にする</translation>
    </message>
    <message>
        <source>png, svg, pdf or gif (default: from --out, else png)</source>
        <translation>png、svg、pdf または gif（既定: --out の拡張子、なければ png）</translation>
    </message>
    <message>
        <source>single, storyboard, frames or pages (default: single; a gif is an animation)</source>
        <translation>single、storyboard、frames または pages（既定: single。gif はアニメーション）</translation>
    </message>
    <message>
        <source>WxH pixels (1920x1080), a printed size (160x90mm, 16x9cm, 6x4in) or 16:9, 4:3, square
(default: 1920x1080; 960x540 for gif)</source>
        <translation>WxH のピクセル数（1920x1080）、印刷サイズ（160x90mm、16x9cm、6x4in）、または 16:9、4:3、square
（既定: 1920x1080。gif は 960x540）</translation>
    </message>
    <message>
        <source>resolution, 10 to 2400 (default 96 x scale; 300 for a printed size)</source>
        <translation>解像度、10～2400（既定 96 × scale。印刷サイズでは 300）</translation>
    </message>
    <message>
        <source>light, dark, print or contrast (default light)</source>
        <translation>light、dark、print または contrast（既定 light）</translation>
    </message>
    <message>
        <source>draw a caption: &quot;Epoch 3 · w = (2, 1) · b = -3 · 0 errors&quot;</source>
        <translation>キャプションを描く: 「エポック 3 · w = (2, 1) · b = -3 · 誤分類 0 個」</translation>
    </message>
    <message>
        <source>a title above the caption (implies --caption)</source>
        <translation>キャプションの上に表題を描く（--caption を含む）</translation>
    </message>
    <message>
        <source>leave out the class legend</source>
        <translation>クラスの凡例を描かない</translation>
    </message>
    <message>
        <source>storyboard columns (default: the grid with the largest panels)</source>
        <translation>ストーリーボードの列数（既定: パネルが最も大きくなる配置）</translation>
    </message>
    <message>
        <source>gif: plays, 0 for forever (default 0)</source>
        <translation>gif: 再生回数、0 で無限（既定 0）</translation>
    </message>
    <message>
        <source>the file; for frames the name pattern (lesson.png gives lesson-epoch000.png, ...)
or an existing folder; - writes a table to standard output</source>
        <translation>出力ファイル。frames では名前のパターン（lesson.png なら lesson-epoch000.png, ...）
または既存のフォルダー。- を指定すると表を標準出力に書く</translation>
    </message>
    <message>
        <source>Usage: perceptron-lab export (--data FILE | --project FILE) --out PATH [OPTIONS]</source>
        <translation>使い方: perceptron-lab export (--data FILE | --project FILE) --out PATH [OPTIONS]</translation>
    </message>
    <message>
        <source>Trains without a window (as perceptron-lab train does) and draws the run: a still, a storyboard, numbered frames, a multi-page PDF, an animated GIF, or a worked-example table. Needs no display.</source>
        <translation>ウィンドウを開かずに学習し（perceptron-lab train と同じ）、その経過を描きます。1 枚の画像、ストーリーボード、連番フレーム、複数ページの PDF、アニメーション GIF、または計算例の表を出力します。ディスプレイは不要です。</translation>
    </message>
    <message>
        <source>What to draw:</source>
        <translation>描く内容:</translation>
    </message>
    <message>
        <source>How:</source>
        <translation>描き方:</translation>
    </message>
    <message>
        <source>show this help</source>
        <translation>このヘルプを表示する</translation>
    </message>
    <message>
        <source>Exit status: 0 when the files were written, 2 for bad input (nothing is written).</source>
        <translation>終了ステータス: ファイルを書き出せたら 0、入力が不正なら 2（何も書き出しません）。</translation>
    </message>
    <message>
        <source>expected milliseconds from %1 to 600000 in steps of 10 (a GIF stores hundredths of a second, and browsers slow down delays under 20 ms), found %2</source>
        <translation>%1〜600000 の 10 刻みのミリ秒を指定してください（GIF は 1/100 秒単位で記録し、ブラウザーは 20 ms 未満の遅延を遅く再生します）。指定値: %2</translation>
    </message>
    <message>
        <source>pixels per layout pixel for png and gif, 0.25 to 8 (default 1;
refused for svg and pdf, which are drawn at --size)</source>
        <translation>png と gif のレイアウト 1 ピクセルあたりのピクセル数、0.25〜8（既定 1。
svg と pdf は --size の大きさで描くので指定できません）</translation>
    </message>
    <message>
        <source>text size factor, 0.5 to 4 (default: from the size and layout)</source>
        <translation>文字の大きさの倍率、0.5〜4（既定: サイズとレイアウトから決めます）</translation>
    </message>
    <message>
        <source>gif: time per frame in milliseconds, 20 to 600000 in steps of 10
(a GIF counts hundredths of a second; browsers slow down shorter
delays) (default 600)</source>
        <translation>gif: 1 フレームの時間（ミリ秒）、20〜600000 の 10 刻み
（GIF は 1/100 秒単位で、ブラウザーはそれより短い遅延を
遅く再生します）（既定 600）</translation>
    </message>
    <message>
        <source>gif: time on the last frame, 0 to 600000 in steps of 10 (default 2400)</source>
        <translation>gif: 最後のフレームの時間、0〜600000 の 10 刻み（既定 2400）</translation>
    </message>
    <message>
        <source>Training (as for perceptron-lab train, whose --epochs is --max-epochs here; options override
a project&apos;s settings):</source>
        <translation>学習（perceptron-lab train と同じ。train の --epochs はここでは --max-epochs。オプションは
プロジェクトの設定より優先）:</translation>
    </message>
</context>
<context>
    <name>plab::cli::Gui</name>
    <message>
        <source>No display found: running the headless demo instead</source>
        <translation>ディスプレイが見つかりません。代わりにウィンドウなしのデモを実行します</translation>
    </message>
</context>
<context>
    <name>plab::cli::Main</name>
    <message>
        <source>standard output: %1</source>
        <translation>標準出力: %1</translation>
    </message>
    <message>
        <source>standard output: cannot be written: %1</source>
        <translation>標準出力: 書き込めません: %1</translation>
    </message>
    <message>
        <source>standard output</source>
        <translation>標準出力</translation>
    </message>
    <message>
        <source>the window cannot be started: %1: %2</source>
        <translation>ウィンドウを起動できません: %1: %2</translation>
    </message>
</context>
<context>
    <name>plab::cli::TrainCommand</name>
    <message>
        <source>standard output</source>
        <translation>標準出力</translation>
    </message>
    <message>
        <source>%1 %2 is the same file as %3 %4: an output never replaces an input</source>
        <translation>%1 %2 は %3 %4 と同じファイルです: 出力で入力を置き換えることはできません</translation>
    </message>
    <message>
        <source>--trace %1 and --summary %2 are the same file: each output needs a file of its own</source>
        <translation>--trace %1 と --summary %2 は同じファイルです: 出力ごとに別のファイルを指定してください</translation>
    </message>
    <message>
        <source>%1 has labels up to %2, so it needs at least %3 classes</source>
        <translation>%1 には %2 までのラベルがあるため、少なくとも %3 クラスが必要です</translation>
    </message>
    <message>
        <source>the perceptron, pocket and averaged rules update after every sample (--batch 1)</source>
        <translation>パーセプトロン、ポケット、平均化の各規則はサンプルごとに更新します（--batch 1）</translation>
    </message>
    <message>
        <source>a linear model learns online (1) or from the whole data set (all); mini-batches are for networks (--model mlp)</source>
        <translation>線形モデルはオンライン（1）かデータ全体（all）で学習します。ミニバッチはネットワーク（--model mlp）用です</translation>
    </message>
    <message>
        <source>%1 %2 is the same file as --init %3: an output never replaces an input</source>
        <translation>%1 %2 は --init %3 と同じファイルです。出力が入力を置き換えることはありません</translation>
    </message>
    <message>
        <source>a linear model has no activation to choose (a network is --model mlp)</source>
        <translation>線形モデルには選べる活性化関数がありません（ネットワークは --model mlp）</translation>
    </message>
    <message numerus="yes">
        <source>only a linear model with 3 or more classes has a multiclass scheme; this run has %n class(es)%1</source>
        <translation>
            <numerusform>多クラスの方式があるのは 3 クラス以上の線形モデルだけです。この学習は %n クラス%1</numerusform>
        </translation>
    </message>
    <message>
        <source>, which one unit separates</source>
        <translation>。1 つのユニットで分けられます</translation>
    </message>
    <message>
        <source> and a network (--model mlp)</source>
        <translation>で、ネットワーク（--model mlp）です</translation>
    </message>
    <message>
        <source>only the perceptron, pocket and averaged rules have a stop rule; the gradient rules and networks stop by --tolerance</source>
        <translation>停止規則があるのはパーセプトロン、ポケット、平均化パーセプトロンだけです。勾配法の学習則とネットワークは --tolerance で止まります</translation>
    </message>
</context>
<context>
    <name>plab::editor::Autosaver</name>
    <message>
        <source>Restore autosaved work</source>
        <translation>自動保存した作業を復元</translation>
    </message>
    <message>
        <source>The autosave that could not be read was kept as %1</source>
        <translation>読み込めなかった自動保存を %1 として残しました</translation>
    </message>
    <message>
        <source>no data folder</source>
        <translation>データフォルダーがありません</translation>
    </message>
    <message>
        <source>the data folder cannot be created</source>
        <translation>データフォルダーを作成できません</translation>
    </message>
    <message>
        <source>the data folder is not writable</source>
        <translation>データフォルダーに書き込めません</translation>
    </message>
    <message>
        <source>another Perceptron Lab is autosaving</source>
        <translation>別の Perceptron Lab が自動保存しています</translation>
    </message>
    <message>
        <source>an earlier autosave cannot be read</source>
        <translation>以前の自動保存を読み込めません</translation>
    </message>
    <message>
        <source>the work cannot be written</source>
        <translation>作業を書き出せません</translation>
    </message>
    <message>
        <source>writing failed</source>
        <translation>書き込みに失敗しました</translation>
    </message>
    <message>
        <source>Save your work with File &gt; Save; autosave starts again when Perceptron Lab is started once this is fixed.</source>
        <translation>「ファイル &gt; 保存」で作業を保存してください。問題を直してから Perceptron Lab を起動し直すと、自動保存が再開します。</translation>
    </message>
    <message>
        <source>The system names no folder for application data.</source>
        <translation>システムがアプリケーションデータ用のフォルダーを示していません。</translation>
    </message>
    <message>
        <source>The folder %1 cannot be created.</source>
        <translation>フォルダー %1 を作成できません。</translation>
    </message>
    <message>
        <source>The folder %1 is not writable: its lock file cannot be created.</source>
        <translation>フォルダー %1 に書き込めません（ロックファイルを作成できません）。</translation>
    </message>
    <message>
        <source>Another Perceptron Lab (process %1) is autosaving into %2, and only one at a time can. Save your work with File &gt; Save; autosave starts again when Perceptron Lab is started while no other copy runs.</source>
        <translation>別の Perceptron Lab（プロセス %1）が %2 に自動保存しています。自動保存できるのは一度に一つだけです。「ファイル &gt; 保存」で作業を保存してください。ほかの Perceptron Lab が動いていないときに起動し直すと、自動保存が再開します。</translation>
    </message>
    <message>
        <source>The autosave %1 cannot be read: %2. It is kept until you decide what to do with it.</source>
        <translation>自動保存 %1 を読み込めません: %2。どうするか決めるまで、このファイルはそのまま残します。</translation>
    </message>
    <message>
        <source>The autosave %1 cannot be read, nor kept aside as %2: %3. It stays where it is, and nothing is autosaved until it is moved away.</source>
        <translation>自動保存 %1 を読み込めず、%2 として残すこともできません: %3。ファイルはそのまま残り、移動するまで自動保存は行われません。</translation>
    </message>
    <message>
        <source>The work cannot be autosaved: %1.</source>
        <translation>作業を自動保存できません: %1。</translation>
    </message>
    <message>
        <source>Autosave failed: %1. Save your work with File &gt; Save; autosave tries again every few seconds.</source>
        <translation>自動保存に失敗しました: %1。「ファイル &gt; 保存」で作業を保存してください。自動保存は数秒ごとに再試行します。</translation>
    </message>
    <message>
        <source>Not autosaved: %1</source>
        <translation>自動保存されていません: %1</translation>
    </message>
    <message>
        <source>Autosave works again: your changes are protected</source>
        <translation>自動保存が再開しました。変更は保護されています</translation>
    </message>
</context>
<context>
    <name>plab::exporting::ExportOptions</name>
    <message>
        <source>16:9 slide (1920 × 1080)</source>
        <translation>16:9 スライド（1920 × 1080）</translation>
    </message>
    <message>
        <source>4:3 slide (1600 × 1200)</source>
        <translation>4:3 スライド（1600 × 1200）</translation>
    </message>
    <message>
        <source>Square (1080 × 1080)</source>
        <translation>正方形（1080 × 1080）</translation>
    </message>
    <message>
        <source>expected WIDTHxHEIGHT in pixels (e.g. 1920x1080), with mm, cm or in for a printed size (e.g. 160x90mm), or 16:9, 4:3 or square; found &quot;%1&quot;</source>
        <translation>WIDTHxHEIGHT のピクセル数（例: 1920x1080）、印刷サイズなら mm・cm・in 付き（例: 160x90mm）、または 16:9、4:3、square を指定してください（指定値: &quot;%1&quot;）</translation>
    </message>
    <message>
        <source>the scale must be from %1 to %2, found %3</source>
        <translation>倍率は %1 から %2 まででなければなりません（指定値: %3）</translation>
    </message>
    <message>
        <source>the resolution must be from %1 to %2 dpi, found %3</source>
        <translation>解像度は %1 から %2 dpi まででなければなりません（指定値: %3）</translation>
    </message>
    <message>
        <source>the image would be %1 × %2 pixels before scaling: each side must be at least %3</source>
        <translation>拡大前の画像が %1 × %2 ピクセルになります。各辺は %3 以上必要です</translation>
    </message>
    <message>
        <source>the image would be %1 × %2 pixels: each side must be at most %3</source>
        <translation>画像が %1 × %2 ピクセルになります。各辺は %3 以下でなければなりません</translation>
    </message>
    <message>
        <source>no epochs given (expected all, last or a list such as 0,1,2,5,last)</source>
        <translation>エポックが指定されていません（all、last、または 0,1,2,5,last のようなリスト）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an epoch (expected numbers from 0, ranges such as 2-5, last or all)</source>
        <translation>&quot;%1&quot; はエポックではありません（0 以上の数、2-5 のような範囲、last、all のいずれか）</translation>
    </message>
    <message>
        <source>the range &quot;%1&quot; runs backwards</source>
        <translation>範囲 &quot;%1&quot; が逆向きです</translation>
    </message>
    <message>
        <source>epoch %1 was not reached: the run ended at epoch %2</source>
        <translation>エポック %1 には到達していません。学習はエポック %2 で終わりました</translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <source>%1 columns do not fit a %2 page with every panel at least %3 pixels large at text size %4: choose fewer columns, a larger size or a smaller text size</source>
        <translation>%1 列では、%2 のページに、文字サイズ %4 で各パネルを %3 ピクセル以上の大きさに収められません。列を減らすか、サイズを大きくするか、文字サイズを小さくしてください</translation>
    </message>
    <message numerus="yes">
        <source>%n panel(s) do not fit a %1 storyboard readably: it holds at most %2 with every panel at least %3 pixels large at text size %4; choose fewer epochs, a larger size or a smaller text size</source>
        <translation>
            <numerusform>%n 枚のパネルは %1 のストーリーボードに読みやすく収まりません。文字サイズ %4 で各パネルを %3 ピクセル以上にすると最大 %2 枚です。エポックを減らすか、サイズを大きくするか、文字サイズを小さくしてください</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>plab::exporting::ExportSource</name>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>誤分類 %n 個</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 frames would be made; an export makes at most %2 (choose fewer epochs)</source>
        <translation>%1 フレームになりますが、1 回のエクスポートは %2 フレームまでです（エポックを減らしてください）</translation>
    </message>
    <message>
        <source>the table would have %1 rows; at most %2 are written (choose fewer epochs)</source>
        <translation>表が %1 行になりますが、書き出せるのは %2 行までです（エポックを減らしてください）</translation>
    </message>
    <message>
        <source>Epoch %1 · sample %2/%3</source>
        <translation>エポック %1 · サンプル %2/%3</translation>
    </message>
    <message>
        <source>Epoch %1</source>
        <translation>エポック %1</translation>
    </message>
    <message>
        <source>x = %1</source>
        <translation>x = %1</translation>
    </message>
    <message>
        <source>updated</source>
        <translation>更新あり</translation>
    </message>
    <message>
        <source>no update</source>
        <translation>更新なし</translation>
    </message>
    <message>
        <source>w = %1</source>
        <translation>w = %1</translation>
    </message>
    <message>
        <source>b = %1</source>
        <translation>b = %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n parameters)</source>
        <translation>
            <numerusform>%1（パラメータ %n 個）</numerusform>
        </translation>
    </message>
    <message>
        <source>a worked-example table is written for the two-class linear model on x1, x2 and for networks; this run is %1</source>
        <translation>計算例の表を書けるのは x1, x2 の 2 クラス線形モデルとネットワークだけです。この実行は %1 です</translation>
    </message>
</context>
<context>
    <name>plab::exporting::Exporter</name>
    <message>
        <source>Storyboard of %1 frames</source>
        <translation>%1 フレームのストーリーボード</translation>
    </message>
    <message>
        <source>the SVG generator could not start</source>
        <translation>SVG ジェネレーターを開始できませんでした</translation>
    </message>
    <message>
        <source>the SVG generator failed</source>
        <translation>SVG ジェネレーターが失敗しました</translation>
    </message>
    <message>
        <source>the PDF writer could not start</source>
        <translation>PDF ライターを開始できませんでした</translation>
    </message>
    <message>
        <source>the PDF writer could not add a page</source>
        <translation>PDF ライターがページを追加できませんでした</translation>
    </message>
    <message>
        <source>the PDF writer failed</source>
        <translation>PDF ライターが失敗しました</translation>
    </message>
    <message>
        <source>the folder does not exist</source>
        <translation>フォルダーがありません</translation>
    </message>
    <message>
        <source>GIF is written as one animation</source>
        <translation>GIF は 1 つのアニメーションとして書き出されます</translation>
    </message>
    <message>
        <source>no output file given</source>
        <translation>出力ファイルが指定されていません</translation>
    </message>
    <message>
        <source>the %1 layout cannot be written as %2 (single, storyboard and frames: png, svg or pdf; pages: pdf; an animation: gif)</source>
        <translation>%1 レイアウトは %2 形式では書き出せません（single・storyboard・frames は png・svg・pdf、pages は pdf、アニメーションは gif）</translation>
    </message>
    <message>
        <source>no frames to export</source>
        <translation>書き出すフレームがありません</translation>
    </message>
    <message>
        <source>a single image shows one frame, but %1 were chosen (use a storyboard, frames, pages or an animation)</source>
        <translation>1 枚の画像に描けるのは 1 フレームですが、%1 フレームが選ばれています（ストーリーボード、連番フレーム、ページ、アニメーションを使ってください）</translation>
    </message>
    <message>
        <source>a storyboard holds at most %1 panels, but %2 frames were chosen</source>
        <translation>ストーリーボードのパネルは %1 枚までですが、%2 フレームが選ばれています</translation>
    </message>
    <message>
        <source>nothing to export</source>
        <translation>書き出すものがありません</translation>
    </message>
    <message>
        <source>%1: cannot be written: %2</source>
        <translation>%1: 書き込めません: %2</translation>
    </message>
    <message>
        <source>this is not a regular file, and numbered frames replace only regular files</source>
        <translation>これは通常のファイルではありません。連番のフレームが置き換えるのは通常のファイルだけです</translation>
    </message>
    <message>
        <source>a single picture cannot be written as GIF</source>
        <translation>1 枚の絵は GIF には書き出せません</translation>
    </message>
</context>
<context>
    <name>plab::exporting::GifWriter</name>
    <message>
        <source>GIF encoder: %1</source>
        <translation>GIF エンコーダー: %1</translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation>不明なエラー</translation>
    </message>
    <message>
        <source>GIF encoder: not started</source>
        <translation>GIF エンコーダー: 開始されていません</translation>
    </message>
    <message>
        <source>GIF encoder: a frame of %1 × %2 pixels in a %3 × %4 animation</source>
        <translation>GIF エンコーダー: %3 × %4 のアニメーションに %1 × %2 ピクセルのフレームがあります</translation>
    </message>
</context>
<context>
    <name>plab::io::DatasetFile</name>
    <message>
        <source>the value is missing (an empty field)</source>
        <translation>値がありません（空のフィールド）</translation>
    </message>
    <message>
        <source>not a number: &quot;%1&quot;</source>
        <translation>数値ではありません: &quot;%1&quot;</translation>
    </message>
    <message>
        <source>not a finite number: &quot;%1&quot;</source>
        <translation>有限な数値ではありません: &quot;%1&quot;</translation>
    </message>
    <message>
        <source>%1 is too small to be stored (closer to zero than 1e-308)</source>
        <translation>%1 は小さすぎて保存できません（1e-308 より 0 に近い値）</translation>
    </message>
    <message>
        <source>expected the header &quot;x1,x2,label&quot;, found &quot;%1&quot;</source>
        <translation>ヘッダー &quot;x1,x2,label&quot; が必要ですが、&quot;%1&quot; がありました</translation>
    </message>
    <message>
        <source>missing: expected 3 values (x1,x2,label), found %1</source>
        <translation>値が足りません: 3 つの値（x1,x2,label）が必要ですが、%1 個でした</translation>
    </message>
    <message>
        <source>column %1</source>
        <translation>%1 列目</translation>
    </message>
    <message>
        <source>too many values: expected 3 (x1,x2,label), found %1</source>
        <translation>値が多すぎます: 3 つ（x1,x2,label）が必要ですが、%1 個でした</translation>
    </message>
    <message>
        <source>more than %1 points, the most a data set may hold</source>
        <translation>点が %1 個を超えています（データセットに入れられる上限です）</translation>
    </message>
    <message>
        <source>no header line &quot;x1,x2,label&quot; before the end of the file</source>
        <translation>ファイルの終わりまでにヘッダー行 &quot;x1,x2,label&quot; がありません</translation>
    </message>
    <message>
        <source>the file is empty; a data set starts with the header line &quot;x1,x2,label&quot;</source>
        <translation>ファイルが空です。データセットはヘッダー行 &quot;x1,x2,label&quot; で始まります</translation>
    </message>
    <message>
        <source>%1 is beyond the limit of ±1e9</source>
        <translation>%1 は上限 ±1e9 を超えています</translation>
    </message>
    <message>
        <source>the label must be a class 0 to 7 (or -1 or +1 for two classes), found &quot;%1&quot;</source>
        <translation>ラベルは 0 から 7 までのクラス（2 クラスなら -1 か +1 も可）でなければなりません（指定値: &quot;%1&quot;）</translation>
    </message>
    <message>
        <source>-1 (line %1) and a class above 1 (line %2) cannot be in one file: -1/+1 labels are for two classes, 0 to 7 for more</source>
        <translation>-1（%1 行目）と 1 より大きいクラス（%2 行目）は同じファイルに書けません。-1/+1 のラベルは 2 クラス用、それより多いときは 0 〜 7 を使います</translation>
    </message>
    <message>
        <source>a point has a class other than 0 to 7</source>
        <translation>クラスが 0 〜 7 のいずれでもない点があります</translation>
    </message>
</context>
<context>
    <name>plab::io::JsonCursor</name>
    <message>
        <source>an object</source>
        <translation>オブジェクト</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>配列</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>文字列</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>数値</translation>
    </message>
    <message>
        <source>true</source>
        <translation>true</translation>
    </message>
    <message>
        <source>false</source>
        <translation>false</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>the end of the file</source>
        <translation>ファイルの終わり</translation>
    </message>
    <message>
        <source>something that is not JSON</source>
        <translation>JSON でないもの</translation>
    </message>
    <message>
        <source>%1 expected, but the file ends here (is it truncated?)</source>
        <translation>%1 が必要ですが、ファイルがここで終わっています（途中で切れていませんか？）</translation>
    </message>
    <message>
        <source>%1 expected, found &quot;%2&quot;</source>
        <translation>%1 が必要ですが、&quot;%2&quot; がありました</translation>
    </message>
    <message>
        <source>&quot;{&quot;</source>
        <translation>&quot;{&quot;</translation>
    </message>
    <message>
        <source>&quot;,&quot; or &quot;}&quot;</source>
        <translation>&quot;,&quot; または &quot;}&quot;</translation>
    </message>
    <message>
        <source>a key in double quotes</source>
        <translation>ダブルクォートで囲んだキー</translation>
    </message>
    <message>
        <source>&quot;:&quot;</source>
        <translation>&quot;:&quot;</translation>
    </message>
    <message>
        <source>&quot;[&quot;</source>
        <translation>&quot;[&quot;</translation>
    </message>
    <message>
        <source>&quot;,&quot; or &quot;]&quot;</source>
        <translation>&quot;,&quot; または &quot;]&quot;</translation>
    </message>
    <message>
        <source>a \u escape needs four hexadecimal digits</source>
        <translation>\u エスケープには 16 進数 4 桁が必要です</translation>
    </message>
    <message>
        <source>a string is not closed before the end of the file (is it truncated?)</source>
        <translation>ファイルの終わりまでに文字列が閉じられていません（途中で切れていませんか？）</translation>
    </message>
    <message>
        <source>a line break or control character inside a string</source>
        <translation>文字列の中に改行または制御文字があります</translation>
    </message>
    <message>
        <source>an invalid \u escape (a lone low surrogate)</source>
        <translation>不正な \u エスケープです（対になっていない下位サロゲート）</translation>
    </message>
    <message>
        <source>an invalid \u escape (a lone high surrogate)</source>
        <translation>不正な \u エスケープです（対になっていない上位サロゲート）</translation>
    </message>
    <message>
        <source>an invalid escape &quot;\%1&quot; in a string</source>
        <translation>文字列の中に不正なエスケープ &quot;\%1&quot; があります</translation>
    </message>
    <message>
        <source>a malformed number &quot;%1&quot;</source>
        <translation>不正な形式の数値 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true または false</translation>
    </message>
    <message>
        <source>objects and arrays nested more than %1 deep</source>
        <translation>オブジェクトと配列の入れ子が %1 段を超えています</translation>
    </message>
    <message>
        <source>a value</source>
        <translation>値</translation>
    </message>
    <message>
        <source>more text after the end of the JSON document: &quot;%1&quot;</source>
        <translation>JSON ドキュメントの終わりの後にさらにテキストがあります: &quot;%1&quot;</translation>
    </message>
</context>
<context>
    <name>plab::io::LayersFile</name>
    <message>
        <source>an array of numbers</source>
        <translation>数の配列</translation>
    </message>
    <message>
        <source>more than %1 numbers, the most a layer has</source>
        <translation>%1 個を超える数があります（1 つの層の上限です）</translation>
    </message>
    <message>
        <source>the array is empty</source>
        <translation>配列が空です</translation>
    </message>
    <message>
        <source>an array of rows</source>
        <translation>行の配列</translation>
    </message>
    <message>
        <source>more than %1 rows, the most units a layer has</source>
        <translation>%1 行を超えています（1 つの層のユニット数の上限です）</translation>
    </message>
    <message>
        <source>every row of W needs as many numbers as the first (one per input: %1), found %2</source>
        <translation>W の各行には最初の行と同じ数（入力ごとに 1 つ: %1 個）が必要です（指定値: %2 個）</translation>
    </message>
    <message>
        <source>b needs one number per row of W (one per unit: %1), found %2</source>
        <translation>b には W の行ごと（ユニットごと）に 1 つ、%1 個の数が必要です（指定値: %2 個）</translation>
    </message>
    <message>
        <source>an array of layers</source>
        <translation>層の配列</translation>
    </message>
    <message>
        <source>more than %1 layers, the most a model has</source>
        <translation>%1 層を超えています（モデルの層数の上限です）</translation>
    </message>
</context>
<context>
    <name>plab::io::OutputFile</name>
    <message>
        <source>the system accepted no more bytes</source>
        <translation>システムがこれ以上のバイトを受け付けませんでした</translation>
    </message>
    <message>
        <source>cannot be written: %1</source>
        <translation>書き込めません: %1</translation>
    </message>
    <message>
        <source>a loop of symbolic links (a link that leads back to itself)</source>
        <translation>シンボリックリンクがループしています（自分自身に戻るリンク）</translation>
    </message>
    <message>
        <source>this is a folder, not a file</source>
        <translation>これはファイルではなくフォルダーです</translation>
    </message>
    <message>
        <source>no program is reading from this named pipe</source>
        <translation>この名前付きパイプを読み取っているプログラムがありません</translation>
    </message>
    <message>
        <source>the file is not open</source>
        <translation>ファイルが開かれていません</translation>
    </message>
</context>
<context>
    <name>plab::io::ProjectFile</name>
    <message>
        <source>not valid JSON: %1</source>
        <translation>正しい JSON ではありません: %1</translation>
    </message>
    <message>
        <source>expected %1, found %2</source>
        <translation>%1 が必要ですが、%2 がありました</translation>
    </message>
    <message>
        <source>the file is empty; a project file is a JSON object</source>
        <translation>ファイルが空です。プロジェクトファイルは JSON オブジェクトです</translation>
    </message>
    <message>
        <source>a JSON object (a project file)</source>
        <translation>JSON オブジェクト（プロジェクトファイル）</translation>
    </message>
    <message>
        <source>not a Perceptron Lab project (there is no &quot;format&quot;: &quot;perceptron-lab&quot;)</source>
        <translation>Perceptron Lab のプロジェクトではありません（&quot;format&quot;: &quot;perceptron-lab&quot; がありません）</translation>
    </message>
    <message>
        <source>not a Perceptron Lab project (the format is %1, expected &quot;perceptron-lab&quot;)</source>
        <translation>Perceptron Lab のプロジェクトではありません（形式が %1 です。&quot;perceptron-lab&quot; が必要です）</translation>
    </message>
    <message>
        <source>the format version is missing</source>
        <translation>形式のバージョンがありません</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>整数</translation>
    </message>
    <message>
        <source>made by a newer Perceptron Lab (format version %1; this version reads version %2): please update Perceptron Lab</source>
        <translation>新しい Perceptron Lab で作られたファイルです（形式バージョン %1。このバージョンが読めるのはバージョン %2 まで）。Perceptron Lab を更新してください</translation>
    </message>
    <message>
        <source>unknown format version %1</source>
        <translation>不明な形式バージョン %1</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>オブジェクト</translation>
    </message>
    <message>
        <source>unknown key</source>
        <translation>不明なキー</translation>
    </message>
    <message>
        <source>this key appears twice</source>
        <translation>このキーが 2 回現れます</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>ありません</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>数値</translation>
    </message>
    <message>
        <source>the number %1 is too large</source>
        <translation>数値 %1 は大きすぎます</translation>
    </message>
    <message>
        <source>the number %1 is too small to be stored (closer to zero than 1e-308)</source>
        <translation>数値 %1 は小さすぎて保存できません（1e-308 より 0 に近い値）</translation>
    </message>
    <message>
        <source>not a number: %1</source>
        <translation>数値ではありません: %1</translation>
    </message>
    <message>
        <source>expected a whole number from %1 to %2, found %3</source>
        <translation>%1 から %2 までの整数が必要ですが、%3 がありました</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true または false</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>文字列</translation>
    </message>
    <message>
        <source>unknown name &quot;%1&quot; (expected one of: %2)</source>
        <translation>不明な名前 &quot;%1&quot; です（%2 のいずれか）</translation>
    </message>
    <message>
        <source>a whole number in a string</source>
        <translation>文字列で書かれた整数</translation>
    </message>
    <message>
        <source>the seed must be a whole number from 0 to %1, found %2</source>
        <translation>シードは 0 から %1 までの整数でなければなりません（指定値: %2）</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>配列</translation>
    </message>
    <message>
        <source>more than %1 points, the most a data set may hold</source>
        <translation>点が %1 個を超えています（データセットに入れられる上限です）</translation>
    </message>
    <message>
        <source>the label must be 0 or 1 (or -1 or +1), found %1</source>
        <translation>ラベルは 0 か 1（または -1 か +1）でなければなりません（指定値: %1）</translation>
    </message>
    <message>
        <source>the timeline position is not a valid epoch</source>
        <translation>タイムラインの位置が有効なエポックではありません</translation>
    </message>
    <message>
        <source>%1 is beyond the limit of ±1e9</source>
        <translation>%1 は上限 ±1e9 を超えています</translation>
    </message>
    <message>
        <source>the view must have xMin &lt; xMax and yMin &lt; yMax, all within ±1e12</source>
        <translation>表示範囲は xMin &lt; xMax かつ yMin &lt; yMax で、すべて ±1e12 以内でなければなりません</translation>
    </message>
    <message>
        <source>the label %1 is not a class of this project (settings.classes is %2: the labels are 0 to %3)</source>
        <translation>ラベル %1 はこのプロジェクトのクラスではありません（settings.classes は %2 なので、ラベルは 0 〜 %3 です）</translation>
    </message>
    <message>
        <source>a name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>a list of features</source>
        <translation>特徴量のリスト</translation>
    </message>
    <message>
        <source>expected a comma-separated list of different features from x1, x2, x1sq, x2sq, x1x2, sinx1 and sinx2, found &quot;%1&quot;</source>
        <translation>x1, x2, x1sq, x2sq, x1x2, sinx1, sinx2 から重複しない特徴量をカンマ区切りで指定してください（指定値: &quot;%1&quot;）</translation>
    </message>
    <message>
        <source>an array of whole numbers</source>
        <translation>整数の配列</translation>
    </message>
    <message>
        <source>a network has 0 to 3 hidden layers of 1 to 16 units</source>
        <translation>ネットワークの隠れ層は 0 〜 3 層、各 1 〜 16 ユニットです</translation>
    </message>
    <message>
        <source>the label must be a class 0 to 7, found %1</source>
        <translation>ラベルは 0 から 7 までのクラスでなければなりません（指定値: %1）</translation>
    </message>
    <message>
        <source>a point has a class that is not one of the project&apos;s classes</source>
        <translation>プロジェクトのクラスにないクラスの点があります</translation>
    </message>
    <message>
        <source>this key is new in format version %1, and the file says version %2</source>
        <translation>このキーは形式バージョン %1 で加わったもので、このファイルはバージョン %2 です</translation>
    </message>
</context>
<context>
    <name>plab::io::TextFile</name>
    <message>
        <source>the file does not exist</source>
        <translation>ファイルがありません</translation>
    </message>
    <message>
        <source>this is a folder, not a file</source>
        <translation>これはファイルではなくフォルダーです</translation>
    </message>
    <message>
        <source>the file cannot be read: %1</source>
        <translation>ファイルを読み込めません: %1</translation>
    </message>
    <message>
        <source>the file is larger than %1 MiB</source>
        <translation>ファイルが %1 MiB を超えています</translation>
    </message>
    <message>
        <source>binary data (a NUL byte): not a text file</source>
        <translation>バイナリデータです（NUL バイトを含む）。テキストファイルではありません</translation>
    </message>
    <message>
        <source>bytes that are not UTF-8 text (a binary file?)</source>
        <translation>UTF-8 のテキストではないバイト列です（バイナリファイルではありませんか？）</translation>
    </message>
    <message>
        <source>a loop of symbolic links (a link that leads back to itself)</source>
        <translation>シンボリックリンクがループしています（自分自身に戻るリンク）</translation>
    </message>
    <message>
        <source>a symbolic link to a file that does not exist</source>
        <translation>存在しないファイルへのシンボリックリンクです</translation>
    </message>
    <message>
        <source>this is a named pipe (FIFO), not a regular file</source>
        <translation>これは通常のファイルではなく名前付きパイプ（FIFO）です</translation>
    </message>
    <message>
        <source>this is a socket, not a regular file</source>
        <translation>これは通常のファイルではなくソケットです</translation>
    </message>
    <message>
        <source>this is a device, not a regular file</source>
        <translation>これは通常のファイルではなくデバイスです</translation>
    </message>
    <message>
        <source>standard input</source>
        <translation>標準入力</translation>
    </message>
    <message>
        <source>two byte order marks at the start (the bytes EF BB BF twice): remove one</source>
        <translation>先頭にバイトオーダーマークが 2 つあります（EF BB BF が 2 回）: 1 つを削除してください</translation>
    </message>
</context>
<context>
    <name>plab::io::Validation</name>
    <message>
        <source>the learning rate must be a number greater than 0 and at most 1e9</source>
        <translation>学習率は 0 より大きく 1e9 以下の数でなければなりません</translation>
    </message>
    <message>
        <source>the epoch limit must be a whole number from 1 to %1</source>
        <translation>エポック上限は 1 から %1 までの整数でなければなりません</translation>
    </message>
    <message>
        <source>the random initial scale must be greater than 0 and at most 1e9</source>
        <translation>ランダムな初期値の範囲は 0 より大きく 1e9 以下でなければなりません</translation>
    </message>
    <message>
        <source>the tolerance must be a finite number of at least 0</source>
        <translation>許容誤差は 0 以上の有限な数でなければなりません</translation>
    </message>
    <message>
        <source>the data set is empty: training needs points of both classes</source>
        <translation>データセットが空です。学習には両方のクラスの点が必要です</translation>
    </message>
    <message>
        <source>the data set has %1 points, more than the limit of %2</source>
        <translation>データセットの点は %1 個で、上限の %2 個を超えています</translation>
    </message>
    <message>
        <source>the initial weights must be finite numbers within ±1e9</source>
        <translation>重みの初期値は ±1e9 以内の有限な数でなければなりません</translation>
    </message>
    <message>
        <source>point %1 (x₁ = %2, x₂ = %3) has a coordinate that is not a finite number within ±1e9</source>
        <translation>点 %1（x₁ = %2, x₂ = %3）に ±1e9 以内の有限な数でない座標があります</translation>
    </message>
    <message>
        <source>the number of classes must be 2 to 8</source>
        <translation>クラス数は 2 から 8 まででなければなりません</translation>
    </message>
    <message>
        <source>a linear model has no hidden layers</source>
        <translation>線形モデルには隠れ層がありません</translation>
    </message>
    <message>
        <source>a network has 0 to 3 hidden layers of 1 to 16 units</source>
        <translation>ネットワークの隠れ層は 0 〜 3 層、各 1 〜 16 ユニットです</translation>
    </message>
    <message>
        <source>a network of step units cannot be trained by gradient descent: the step&apos;s slope is zero, so every gradient is zero</source>
        <translation>ステップ関数のユニットのネットワークは勾配降下法で学習できません。ステップ関数の傾きは 0 なので、勾配がすべて 0 になります</translation>
    </message>
    <message>
        <source>the batch size must be 1 or more, or all</source>
        <translation>バッチサイズは 1 以上か all でなければなりません</translation>
    </message>
    <message>
        <source>the initial layers must have the model&apos;s shape and finite values within ±1e9 (no bias values without a bias)</source>
        <translation>初期の層はモデルと同じ形で、±1e9 以内の有限の値でなければなりません（バイアスなしならバイアス値も不可）</translation>
    </message>
    <message>
        <source>a network always has biases</source>
        <translation>ネットワークには常にバイアスがあります</translation>
    </message>
    <message numerus="yes">
        <source>the data set has only one class (%n point(s) of class %1): training needs points of both classes</source>
        <translation>
            <numerusform>データセットにはクラスが 1 つしかありません（クラス %1 の点が %n 個）。学習には両方のクラスの点が必要です</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>plab::render::ChartPainter</name>
    <message>
        <source>epoch</source>
        <translation>エポック</translation>
    </message>
    <message>
        <source>Errors per epoch</source>
        <translation>エポックごとの誤分類数</translation>
    </message>
    <message>
        <source>Weights per epoch</source>
        <translation>エポックごとの重み</translation>
    </message>
    <message>
        <source>errors</source>
        <translation>誤分類</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>損失</translation>
    </message>
    <message>
        <source>layer %1</source>
        <translation>層 %1</translation>
    </message>
    <message>
        <source>class %1</source>
        <translation>クラス %1</translation>
    </message>
    <message>
        <source>squared error</source>
        <translation>二乗誤差</translation>
    </message>
    <message>
        <source>cross-entropy</source>
        <translation>交差エントロピー</translation>
    </message>
    <message>
        <source>class</source>
        <translation>クラス</translation>
    </message>
    <message>
        <source>Weight size (RMS)</source>
        <translation>重みの大きさ (RMS)</translation>
    </message>
</context>
<context>
    <name>plab::render::HiddenPainter</name>
    <message numerus="yes">
        <source>Hidden layer %1 (%n unit(s), %2)</source>
        <translation>
            <numerusform>隠れ層 %1（%n ユニット、%2）</numerusform>
        </translation>
    </message>
    <message>
        <source>Shows a network&apos;s hidden layer: the data as two of its units see it.</source>
        <translation>ネットワークの隠れ層を表示します: データが 2 つのユニットからどう見えるかを示します。</translation>
    </message>
    <message>
        <source>Shows a network&apos;s hidden layer: this network has none.</source>
        <translation>ネットワークの隠れ層を表示します: このネットワークには隠れ層がありません。</translation>
    </message>
    <message>
        <source>Line: the output unit&apos;s z = %1 = 0; class 1 where z &gt; 0.</source>
        <translation>直線: 出力ユニットの z = %1 = 0。z &gt; 0 の側がクラス 1 です。</translation>
    </message>
    <message>
        <source>Its weights on these two units are 0: there is no line.</source>
        <translation>この 2 つのユニットへの重みが 0 なので、直線はありません。</translation>
    </message>
    <message>
        <source>The line lies outside this square: every point is on one side.</source>
        <translation>直線はこの正方形の外にあります: すべての点が同じ側にあります。</translation>
    </message>
    <message>
        <source>Shaded: the class the output layer&apos;s %1 units give each point of the plane.</source>
        <translation>塗り分け: 出力層の %1 個のユニットが平面の各点に与えるクラスです。</translation>
    </message>
    <message>
        <source>The next layer is hidden too: the lines are its units&apos; nets = 0 (%1); the output&apos;s decision is not a line in this plane.</source>
        <translation>次の層も隠れ層です: 直線はそのユニットの net = 0 です（%1）。出力の決定はこの平面では直線になりません。</translation>
    </message>
    <message>
        <source>The layer has one unit: both axes show it.</source>
        <translation>この層のユニットは 1 つなので、両方の軸がそのユニットを示します。</translation>
    </message>
    <message>
        <source>Both axes show the same unit: the points lie on the diagonal.</source>
        <translation>両方の軸が同じユニットを示すため、点は対角線上に並びます。</translation>
    </message>
    <message>
        <source>Exact: the layer has two units.</source>
        <translation>厳密: この層のユニットは 2 つです。</translation>
    </message>
    <message>
        <source>A slice: the units not shown are held at their mean over the data (%1), while each point has its own values, so a point can lie on the other side of a line.</source>
        <translation>断面: 表示していないユニットはデータ全体の平均値に固定しています（%1）。各点はそれぞれ自分の値を持つため、点が直線の反対側に見えることがあります。</translation>
    </message>
</context>
<context>
    <name>plab::render::NetworkPainter</name>
    <message>
        <source>Inputs</source>
        <translation>入力</translation>
    </message>
    <message>
        <source>Output: σ</source>
        <translation>出力: σ</translation>
    </message>
    <message>
        <source>Output: softmax</source>
        <translation>出力: softmax</translation>
    </message>
    <message>
        <source>Hidden: %1</source>
        <translation>隠れ層: %1</translation>
    </message>
    <message>
        <source>Hidden %1: %2</source>
        <translation>隠れ層 %1: %2</translation>
    </message>
    <message>
        <source>every weight and bias is 0</source>
        <translation>重みとバイアスはすべて 0</translation>
    </message>
    <message>
        <source>widest line: |w| = %1</source>
        <translation>最も太い線: |w| = %1</translation>
    </message>
    <message>
        <source>%1, linear</source>
        <translation>%1、線形</translation>
    </message>
    <message>
        <source>%1, linear, no bias</source>
        <translation>%1、線形、バイアスなし</translation>
    </message>
    <message>
        <source>%1 network</source>
        <translation>%1 ネットワーク</translation>
    </message>
    <message>
        <source>%1 network, %2</source>
        <translation>%1 ネットワーク、%2</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1（入力: %2）</translation>
    </message>
    <message>
        <source>Output: step</source>
        <translation>出力: ステップ</translation>
    </message>
    <message>
        <source>Output: argmax</source>
        <translation>出力: argmax</translation>
    </message>
</context>
<context>
    <name>plab::render::PlotRenderer</name>
    <message>
        <source>vectors drawn ×%1</source>
        <translation>ベクトルを ×%1 で表示</translation>
    </message>
    <message>
        <source>class %1  (%2)</source>
        <translation>クラス %1  （%2）</translation>
    </message>
    <message>
        <source>w·x + b = %1 for every point</source>
        <translation>すべての点で w·x + b = %1</translation>
    </message>
    <message>
        <source>no boundary yet: w = 0</source>
        <translation>まだ決定境界はありません: w = 0</translation>
    </message>
    <message>
        <source>boundary outside the view</source>
        <translation>決定境界は表示範囲の外です</translation>
    </message>
    <message>
        <source>%1 from the centre, this way</source>
        <translation>中心から %1、この方向</translation>
    </message>
    <message>
        <source>%1 vs rest</source>
        <translation>%1 対その他</translation>
    </message>
    <message>
        <source>hidden units&apos; weight vectors drawn at ×%1</source>
        <translation>隠れユニットの重みベクトルを ×%1 で表示</translation>
    </message>
    <message>
        <source>hatched: no unit or several units claim these points</source>
        <translation>斜線: どのユニットも主張しない点、または複数のユニットが主張する点</translation>
    </message>
</context>
<context>
    <name>plab::render::ScalePainter</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2 年）</translation>
    </message>
    <message>
        <source>Perceptron</source>
        <translation>パーセプトロン</translation>
    </message>
    <message>
        <source>w₁, w₂, b (lessons 1 to 3)</source>
        <translation>w₁, w₂, b（レッスン 1～3）</translation>
    </message>
    <message>
        <source>XOR network 2-2-1</source>
        <translation>XOR ネットワーク 2-2-1</translation>
    </message>
    <message>
        <source>two hidden units (lesson 4)</source>
        <translation>隠れユニット 2 個（レッスン 4）</translation>
    </message>
    <message>
        <source>reads handwritten digits</source>
        <translation>手書き数字を読む</translation>
    </message>
    <message>
        <source>language model</source>
        <translation>言語モデル</translation>
    </message>
    <message>
        <source>%1 parameters</source>
        <translation>パラメーター %1 個</translation>
    </message>
    <message>
        <source>a model planned in Japan (2024)</source>
        <translation>日本で計画されたモデル（2024 年）</translation>
    </message>
    <message>
        <source>This model</source>
        <translation>このモデル</translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <source>One visit of this model costs %1 multiply-adds (its nets), and each update (a mistake) %2 more. This run: %3 epochs × %4 points × %1 + %5 updates × %2 = %6 multiply-adds = %7 FLOPs (a multiply-add is 2 FLOPs).</source>
        <translation>このモデルでサンプルを 1 回訪問するのにかかる積和は %1 回（ネット入力の計算）、更新（誤り）1 回ごとにさらに %2 回。この実行: %3 エポック × %4 点 × %1 + 更新 %5 回 × %2 = 積和 %6 回 = %7 FLOP（積和 1 回は 2 FLOP）。</translation>
    </message>
    <message>
        <source>One visit of this model costs %1 multiply-adds forward + %2 backward, and each update %3 (one per batch of %4). This run: %5 epochs × (%6 points × %7 + %8 updates × %3) = %9 multiply-adds = %10 FLOPs (a multiply-add is 2 FLOPs).</source>
        <translation>このモデルでサンプルを 1 回訪問するのにかかる積和は順伝播 %1 回 + 逆伝播 %2 回、更新 1 回ごとに %3 回（%4 サンプルのバッチごとに 1 回）。この実行: %5 エポック × (%6 点 × %7 + 更新 %8 回 × %3) = 積和 %9 回 = %10 FLOP（積和 1 回は 2 FLOP）。</translation>
    </message>
    <message>
        <source>This machine&apos;s rate: measuring…</source>
        <translation>このマシンの速さ: 測定中…</translation>
    </message>
    <message>
        <source>This machine&apos;s rate: not measured (training needs at least one point).</source>
        <translation>このマシンの速さ: 未測定（学習には点が 1 つ以上必要です）。</translation>
    </message>
    <message>
        <source>This machine&apos;s rate: not measured here (Help &gt; How big is this model? measures it in the window, with GPT-3&apos;s training time at that rate).</source>
        <translation>このマシンの速さ: ここでは測定していません（ウィンドウの［ヘルプ］&gt;［このモデルの大きさは?］で測定し、その速さでの GPT-3 の学習時間も示します）。</translation>
    </message>
    <message>
        <source>This machine&apos;s rate: %1 FLOP/s, measured by training this model on these %2 points for %3 s (%4 epochs) on a worker thread: the operations counted as above ÷ the time.</source>
        <translation>このマシンの速さ: %1 FLOP/s。このモデルをこの %2 点でワーカースレッド上で %3 秒（%4 エポック）学習させて測定（上のように数えた演算数 ÷ 時間）。</translation>
    </message>
    <message>
        <source>GPT-3&apos;s training compute at this rate: %1 FLOPs ÷ %2 FLOP/s = %3 s; ÷ %4 s a year = %5 years.</source>
        <translation>この速さで GPT-3 の学習計算量をこなすと: %1 FLOP ÷ %2 FLOP/s = %3 秒、÷ 1 年 %4 秒 = %5 年。</translation>
    </message>
    <message>
        <source>Sources: LeCun et al. 1998; Radford et al. 2018 and 2019; Brown et al. 2020 (docs/scale.md says what each figure means). GPT-3&apos;s 570 GB is its Common Crawl text after filtering. A dash: not reported.</source>
        <translation>出典: LeCun et al. 1998、Radford et al. 2018・2019、Brown et al. 2020（各数値の意味は docs/scale.ja.md）。GPT-3 の 570 GB はフィルタリング後の Common Crawl のテキスト。ダッシュは未公表。</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>パラメーター</translation>
    </message>
    <message>
        <source>Training data (bytes)</source>
        <translation>学習データ（バイト）</translation>
    </message>
    <message>
        <source>Training compute (FLOPs)</source>
        <translation>学習の計算量（FLOP）</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>まだなし</translation>
    </message>
    <message>
        <source>How big is this model?</source>
        <translation>このモデルの大きさは?</translation>
    </message>
    <message>
        <source>Three measures on logarithmic scales: each grid line is ten times the one before it.</source>
        <translation>3 つの尺度を対数目盛で: 目盛線 1 本ごとに 10 倍。</translation>
    </message>
</context>
<context>
    <name>plab::ui::AboutDialog</name>
    <message>
        <source>Place points of two classes, train a perceptron and watch its decision boundary w₁x₁ + w₂x₂ + b = 0 move, one epoch or one sample at a time.</source>
        <translation>2 つのクラスの点を置いてパーセプトロンを学習させ、決定境界 w₁x₁ + w₂x₂ + b = 0 が 1 エポックずつ、または 1 サンプルずつ動くようすを観察します。</translation>
    </message>
    <message>
        <source>Perceptron Lab is free software under the MIT licence (see the Licence tab).</source>
        <translation>Perceptron Lab は MIT ライセンスのフリーソフトウェアです（「ライセンス」タブを参照）。</translation>
    </message>
    <message>
        <source>The perceptron and its learning rule: Frank Rosenblatt, 1958. Class colours from the Okabe–Ito palette, which stays distinct for colour-blind viewers.</source>
        <translation>パーセプトロンとその学習則: Frank Rosenblatt, 1958 年。クラスの色は Okabe–Ito パレットによるもので、色覚の多様性に配慮した配色です。</translation>
    </message>
    <message>
        <source>Made by the Perceptron Lab authors.</source>
        <translation>Perceptron Lab 開発者一同。</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>ライブラリ</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>バージョン</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>ライセンス</translation>
    </message>
    <message>
        <source>Used for</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>tests only</source>
        <translation>テストのみ</translation>
    </message>
    <message>
        <source>the window, SVG and PDF export, threads, files</source>
        <translation>ウィンドウ、SVG・PDF エクスポート、スレッド、ファイル</translation>
    </message>
    <message>
        <source>the vectors and matrices of the learning rules</source>
        <translation>学習則のベクトルと行列</translation>
    </message>
    <message>
        <source>animated GIF export</source>
        <translation>アニメーション GIF のエクスポート</translation>
    </message>
    <message>
        <source>the automated tests (not part of this program)</source>
        <translation>自動テスト（このプログラムには含まれません）</translation>
    </message>
    <message>
        <source>About Perceptron Lab</source>
        <translation>Perceptron Lab について</translation>
    </message>
    <message>
        <source>Perceptron Lab</source>
        <translation>Perceptron Lab</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>バージョン %1</translation>
    </message>
    <message>
        <source>Watch a perceptron learn, one update at a time.</source>
        <translation>パーセプトロンが学習するようすを、1 回の更新ごとに観察します。</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>概要(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Libraries</source>
        <translation>ライブラリ(&amp;L)</translation>
    </message>
    <message>
        <source>L&amp;icence</source>
        <translation>ライセンス(&amp;I)</translation>
    </message>
    <message>
        <source>Perceptron Lab is MIT-licensed, the program as built too. The libraries it uses keep their own licences, listed above.</source>
        <translation>Perceptron Lab はソースコードもビルドしたプログラムも MIT ライセンスです。使用しているライブラリには、上に示したそれぞれのライセンスが適用されます。</translation>
    </message>
</context>
<context>
    <name>plab::ui::AutosaveRecovery</name>
    <message>
        <source>Restore Work</source>
        <translation>作業の復元</translation>
    </message>
    <message>
        <source>Perceptron Lab did not close properly. Restore the work autosaved at %1?</source>
        <translation>Perceptron Lab は正常に終了しませんでした。%1 に自動保存した作業を復元しますか？</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>復元(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>破棄(&amp;D)</translation>
    </message>
    <message>
        <source>Damaged Autosave</source>
        <translation>壊れた自動保存</translation>
    </message>
    <message>
        <source>Perceptron Lab did not close properly, and the work it autosaved cannot be read (a crash or a full disk may have cut it short). Keep the file aside under a new name, so that you can look at it or send it to someone who can repair it?</source>
        <translation>Perceptron Lab は正常に終了せず、自動保存した作業を読み込めません（クラッシュやディスクの空き不足で途中までしか書かれていない可能性があります）。このファイルを別の名前で残して、中身を確認したり、修復できる人に送ったりできるようにしますか？</translation>
    </message>
    <message>
        <source>&amp;Keep Aside</source>
        <translation>別名で残す(&amp;K)</translation>
    </message>
    <message>
        <source>Keep Aside and &amp;Show Folder</source>
        <translation>別名で残してフォルダーを表示(&amp;S)</translation>
    </message>
</context>
<context>
    <name>plab::ui::ControlPanel</name>
    <message>
        <source>As fast as possible</source>
        <translation>最高速度</translation>
    </message>
    <message>
        <source>%1 epochs/s</source>
        <translation>%1 エポック/秒</translation>
    </message>
    <message>
        <source>New points</source>
        <translation>新しい点</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>実行</translation>
    </message>
    <message>
        <source>Training speed in epochs per second</source>
        <translation>学習の速さ（1 秒あたりのエポック数）</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>速さ</translation>
    </message>
    <message>
        <source>Learning rule</source>
        <translation>学習則</translation>
    </message>
    <message>
        <source>Perceptron (Rosenblatt)</source>
        <translation>パーセプトロン（Rosenblatt）</translation>
    </message>
    <message>
        <source>Pocket perceptron</source>
        <translation>ポケットパーセプトロン</translation>
    </message>
    <message>
        <source>Averaged perceptron</source>
        <translation>平均化パーセプトロン</translation>
    </message>
    <message>
        <source>Adaline (Widrow-Hoff)</source>
        <translation>ADALINE（Widrow-Hoff）</translation>
    </message>
    <message>
        <source>Logistic regression</source>
        <translation>ロジスティック回帰</translation>
    </message>
    <message>
        <source>&amp;Rule</source>
        <translation>学習則(&amp;R)</translation>
    </message>
    <message>
        <source>Online (after each sample)</source>
        <translation>オンライン（サンプルごとに更新）</translation>
    </message>
    <message>
        <source>Batch (once per epoch)</source>
        <translation>バッチ（エポックごとに 1 回更新）</translation>
    </message>
    <message>
        <source>&amp;Gradient</source>
        <translation>勾配(&amp;G)</translation>
    </message>
    <message>
        <source>η, the step size of every update. Takes effect at once, even while training runs.</source>
        <translation>η: 1 回の更新の大きさ（ステップ幅）。学習の実行中でもすぐに反映されます。</translation>
    </message>
    <message>
        <source>&amp;Learning rate η</source>
        <translation>学習率 η(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Epoch limit</source>
        <translation>エポック上限(&amp;E)</translation>
    </message>
    <message>
        <source>Learn a &amp;bias b</source>
        <translation>バイアス b を学習する(&amp;B)</translation>
    </message>
    <message>
        <source>Without a bias the boundary always passes through the origin.</source>
        <translation>バイアスがないと、決定境界は常に原点を通ります。</translation>
    </message>
    <message>
        <source>class 1 (y = 1 if net ≥ 0)</source>
        <translation>クラス 1（net ≥ 0 なら y = 1）</translation>
    </message>
    <message>
        <source>class 0 (y = 1 only if net &gt; 0)</source>
        <translation>クラス 0（net &gt; 0 のときだけ y = 1）</translation>
    </message>
    <message>
        <source>a mistake (as in the proof)</source>
        <translation>誤りとみなす（証明と同じ）</translation>
    </message>
    <message>
        <source>What a point exactly on the boundary (net = 0) is predicted as.</source>
        <translation>ちょうど決定境界上にある点（net = 0）をどう予測するか。</translation>
    </message>
    <message>
        <source>At net = &amp;0</source>
        <translation>net = 0 のとき(&amp;0)</translation>
    </message>
    <message>
        <source>Start and order</source>
        <translation>初期値と順序</translation>
    </message>
    <message>
        <source>Zeros</source>
        <translation>ゼロ</translation>
    </message>
    <message>
        <source>Random (from the seed)</source>
        <translation>ランダム（シードから）</translation>
    </message>
    <message>
        <source>Typed in</source>
        <translation>直接入力</translation>
    </message>
    <message>
        <source>&amp;Initial weights</source>
        <translation>重みの初期値(&amp;I)</translation>
    </message>
    <message>
        <source>Random &amp;range</source>
        <translation>ランダムの範囲(&amp;R)</translation>
    </message>
    <message>
        <source>File order</source>
        <translation>ファイルの順</translation>
    </message>
    <message>
        <source>Shuffled every epoch</source>
        <translation>エポックごとにシャッフル</translation>
    </message>
    <message>
        <source>Sample &amp;order</source>
        <translation>サンプルの順序(&amp;O)</translation>
    </message>
    <message>
        <source>The same seed gives the same run, sample for sample.</source>
        <translation>同じシードなら、サンプル 1 つ 1 つまで同じ学習経過になります。</translation>
    </message>
    <message>
        <source>&amp;Seed</source>
        <translation>シード(&amp;S)</translation>
    </message>
    <message>
        <source>Change rule to %1</source>
        <translation>学習則を %1 に変更</translation>
    </message>
    <message>
        <source>Change gradient to %1</source>
        <translation>勾配を %1 に変更</translation>
    </message>
    <message>
        <source>Change learning rate to %1</source>
        <translation>学習率を %1 に変更</translation>
    </message>
    <message>
        <source>Change epoch limit to %1</source>
        <translation>エポック上限を %1 に変更</translation>
    </message>
    <message>
        <source>Turn bias on</source>
        <translation>バイアスをオンにする</translation>
    </message>
    <message>
        <source>Turn bias off</source>
        <translation>バイアスをオフにする</translation>
    </message>
    <message>
        <source>Predict %1 at net = 0</source>
        <translation>net = 0 のときの予測を %1 に変更</translation>
    </message>
    <message>
        <source>Change initial weights to %1</source>
        <translation>重みの初期値を %1 に変更</translation>
    </message>
    <message>
        <source>Change initial w₁ to %1</source>
        <translation>w₁ の初期値を %1 に変更</translation>
    </message>
    <message>
        <source>Change initial w₂ to %1</source>
        <translation>w₂ の初期値を %1 に変更</translation>
    </message>
    <message>
        <source>Change initial b to %1</source>
        <translation>b の初期値を %1 に変更</translation>
    </message>
    <message>
        <source>Change random range to ± %1</source>
        <translation>ランダムの範囲を ± %1 に変更</translation>
    </message>
    <message>
        <source>Change sample order to %1</source>
        <translation>サンプルの順序を %1 に変更</translation>
    </message>
    <message>
        <source>Change seed to %1</source>
        <translation>シードを %1 に変更</translation>
    </message>
    <message>
        <source>Change training settings</source>
        <translation>学習の設定を変更</translation>
    </message>
    <message>
        <source>a pass makes no mistake</source>
        <translation>誤りのないパスの後</translation>
    </message>
    <message>
        <source>the weights make no error</source>
        <translation>重みの誤りが 0 になったとき</translation>
    </message>
    <message>
        <source>When the perceptron, pocket and averaged rules stop. Rosenblatt&apos;s rule (the default) stops after a full pass in which no point was misclassified, and shows that pass; the other stops one pass earlier, as soon as the weights classify every point (projects saved before this choice existed use it).</source>
        <translation>パーセプトロン、ポケット、平均化パーセプトロンがいつ止まるか。Rosenblatt の規則（既定）は、どの点も誤分類しない全パスの後に止まり、そのパスも表示します。もう一方は 1 パス早く、重みがすべての点を正しく分類した時点で止まります（この選択ができる前に保存したプロジェクトはこちらを使います）。</translation>
    </message>
    <message>
        <source>Stop &amp;when</source>
        <translation>停止の条件(&amp;W)</translation>
    </message>
    <message>
        <source>Stop when %1</source>
        <translation>停止の条件を「%1」に変更</translation>
    </message>
    <message>
        <source>Class %1 (key %2)</source>
        <translation>クラス %1（キー %2）</translation>
    </message>
    <message>
        <source>Left click places this class; right click and Shift+click place class 1 while class 0 is active, class 0 otherwise.</source>
        <translation>左クリックでこのクラスの点を置きます。右クリックと Shift+クリックでは、クラス 0 を選択中ならクラス 1、それ以外ならクラス 0 の点を置きます。</translation>
    </message>
    <message>
        <source>A network trains by backpropagation with cross-entropy, whatever the rule.</source>
        <translation>ネットワークは学習則にかかわらず、交差エントロピーの誤差逆伝播法で学習します。</translation>
    </message>
    <message>
        <source>A network&apos;s samples per update are its batch size, in the Model tab.</source>
        <translation>ネットワークの更新ごとのサンプル数は、モデルタブのバッチサイズで決まります。</translation>
    </message>
    <message>
        <source>A network always has biases.</source>
        <translation>ネットワークには常にバイアスがあります。</translation>
    </message>
    <message>
        <source>A network predicts class 1 only where its output net is above 0; the convention is the linear rules&apos;.</source>
        <translation>ネットワークは出力の net が 0 より大きいところだけをクラス 1 と予測します。この規約は線形の学習則のためのものです。</translation>
    </message>
    <message>
        <source>w₁, w₂ and b are the weights of the linear model on x₁ and x₂ with two classes; this model has other weights.</source>
        <translation>w₁, w₂, b は x₁ と x₂ の上の 2 クラスの線形モデルの重みです。このモデルの重みは別のものです。</translation>
    </message>
    <message>
        <source>A network draws Glorot-uniform weights from the seed: each layer&apos;s range follows from its size.</source>
        <translation>ネットワークはシードから Glorot 一様分布の重みを引きます。各層の範囲はその大きさで決まります。</translation>
    </message>
    <message>
        <source>Type this model&apos;s weights in the Network panel (View &gt; Network: click a connection or a bias), or open a project that gives them as layers; w₁, w₂ and b fit only the linear model on x₁ and x₂ with two classes.</source>
        <translation>このモデルの重みは、ネットワークパネル（表示 &gt; ネットワーク）で結合かバイアスをクリックして入力するか、層として重みを書いたプロジェクトを開いてください。w₁, w₂, b が合うのは、x₁ と x₂ の上の 2 クラスの線形モデルだけです。</translation>
    </message>
</context>
<context>
    <name>plab::ui::DocumentFiles</name>
    <message>
        <source>Perceptron Lab projects (*.json)</source>
        <translation>Perceptron Lab プロジェクト (*.json)</translation>
    </message>
    <message>
        <source>Data sets (*.csv)</source>
        <translation>データセット (*.csv)</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation>未保存の変更</translation>
    </message>
    <message>
        <source>“%1” has unsaved changes. Save them first?</source>
        <translation>「%1」には保存されていない変更があります。先に保存しますか？</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>開く</translation>
    </message>
    <message>
        <source>Projects and data sets (*.json *.csv)</source>
        <translation>プロジェクトとデータセット (*.json *.csv)</translation>
    </message>
    <message>
        <source>Open Data Set</source>
        <translation>データセットを開く</translation>
    </message>
    <message>
        <source>Cannot Open Project</source>
        <translation>プロジェクトを開けません</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1 を開きました</translation>
    </message>
    <message>
        <source>Cannot Open Data Set</source>
        <translation>データセットを開けません</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>%1 を開く</translation>
    </message>
    <message>
        <source>Save Project</source>
        <translation>プロジェクトの保存</translation>
    </message>
    <message>
        <source>Cannot Save Project</source>
        <translation>プロジェクトを保存できません</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 を保存しました</translation>
    </message>
    <message>
        <source>Save Data Set</source>
        <translation>データセットの保存</translation>
    </message>
    <message>
        <source>Cannot Save Data Set</source>
        <translation>データセットを保存できません</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>無題</translation>
    </message>
    <message>
        <source>No Recent Files</source>
        <translation>最近使ったファイルはありません</translation>
    </message>
    <message>
        <source>&amp;Clear Menu</source>
        <translation>メニューを消去(&amp;C)</translation>
    </message>
    <message>
        <source>Untitled (points from %1)</source>
        <translation>無題（%1 の点）</translation>
    </message>
</context>
<context>
    <name>plab::ui::ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>エクスポート</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>エクスポート先</translation>
    </message>
    <message>
        <source>Image of the view shown</source>
        <translation>表示中のビューの画像</translation>
    </message>
    <message>
        <source>Storyboard (small multiples)</source>
        <translation>ストーリーボード（小さな図の並び）</translation>
    </message>
    <message>
        <source>Numbered frames</source>
        <translation>連番フレーム</translation>
    </message>
    <message>
        <source>Multi-page PDF</source>
        <translation>複数ページの PDF</translation>
    </message>
    <message>
        <source>Animated GIF</source>
        <translation>アニメーション GIF</translation>
    </message>
    <message>
        <source>Worked-example table</source>
        <translation>計算例の表</translation>
    </message>
    <message>
        <source>Plot</source>
        <translation>平面図</translation>
    </message>
    <message>
        <source>Errors per epoch (chart)</source>
        <translation>エポックごとの誤分類数（グラフ）</translation>
    </message>
    <message>
        <source>Weights per epoch (chart)</source>
        <translation>エポックごとの重み（グラフ）</translation>
    </message>
    <message>
        <source>all, last, or epochs and ranges such as 0,1,2,5,last or 2-6</source>
        <translation>all、last、またはエポックと範囲（例: 0,1,2,5,last や 2-6）</translation>
    </message>
    <message>
        <source>Every sample visit</source>
        <translation>すべてのサンプル訪問</translation>
    </message>
    <message>
        <source>One frame per sample visit of the chosen epochs, with the update drawn, instead of one per epoch</source>
        <translation>選んだエポックについて、エポックごとに 1 フレームではなく、サンプルの訪問ごとに更新を描いた 1 フレームを作ります</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>カスタム</translation>
    </message>
    <message>
        <source>px</source>
        <translation>px</translation>
    </message>
    <message>
        <source>mm</source>
        <translation>mm</translation>
    </message>
    <message>
        <source>cm</source>
        <translation>cm</translation>
    </message>
    <message>
        <source>in</source>
        <translation>in</translation>
    </message>
    <message>
        <source> dpi</source>
        <translation> dpi</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自動</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>ライト</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>ダーク</translation>
    </message>
    <message>
        <source>Print (white, no shading, thick lines)</source>
        <translation>印刷用（白地、塗りなし、太い線）</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>ハイコントラスト</translation>
    </message>
    <message>
        <source>Caption: epoch, w, b and errors</source>
        <translation>キャプション: エポック、w、b、誤分類数</translation>
    </message>
    <message>
        <source>Title (optional)</source>
        <translation>表題（省略可）</translation>
    </message>
    <message>
        <source>Class legend</source>
        <translation>クラスの凡例</translation>
    </message>
    <message>
        <source>Animation</source>
        <translation>アニメーション</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ミリ秒</translation>
    </message>
    <message>
        <source> plays</source>
        <translation> 回</translation>
    </message>
    <message>
        <source>Forever</source>
        <translation>無限</translation>
    </message>
    <message>
        <source>Time per frame:</source>
        <translation>1 フレームの時間:</translation>
    </message>
    <message>
        <source>Pause on the last frame:</source>
        <translation>最後のフレームで止める時間:</translation>
    </message>
    <message>
        <source>Loop:</source>
        <translation>繰り返し:</translation>
    </message>
    <message>
        <source>Export:</source>
        <translation>エクスポート:</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>表示:</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>形式:</translation>
    </message>
    <message>
        <source>Frame:</source>
        <translation>フレーム:</translation>
    </message>
    <message>
        <source>Epochs:</source>
        <translation>エポック:</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>サイズ:</translation>
    </message>
    <message>
        <source>Pixel density:</source>
        <translation>ピクセル密度:</translation>
    </message>
    <message>
        <source>Resolution:</source>
        <translation>解像度:</translation>
    </message>
    <message>
        <source>Theme:</source>
        <translation>テーマ:</translation>
    </message>
    <message>
        <source>Text size:</source>
        <translation>文字サイズ:</translation>
    </message>
    <message>
        <source>Storyboard columns:</source>
        <translation>ストーリーボードの列数:</translation>
    </message>
    <message>
        <source>The frame the preview shows</source>
        <translation>プレビューに表示するフレーム</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>エクスポート(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Copy Image</source>
        <translation>画像をコピー(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the page the preview shows to the clipboard</source>
        <translation>プレビューに表示中のページをクリップボードにコピーします</translation>
    </message>
    <message>
        <source>PNG image</source>
        <translation>PNG 画像</translation>
    </message>
    <message>
        <source>SVG drawing</source>
        <translation>SVG 図形</translation>
    </message>
    <message>
        <source>PDF document</source>
        <translation>PDF 文書</translation>
    </message>
    <message>
        <source>GIF animation</source>
        <translation>GIF アニメーション</translation>
    </message>
    <message>
        <source>CSV (spreadsheets)</source>
        <translation>CSV（表計算ソフト用）</translation>
    </message>
    <message>
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <source>LaTeX (booktabs)</source>
        <translation>LaTeX（booktabs）</translation>
    </message>
    <message>
        <source>the view shown: %1</source>
        <translation>表示中のビュー: %1</translation>
    </message>
    <message>
        <source>Nothing to export.</source>
        <translation>書き出すものがありません。</translation>
    </message>
    <message>
        <source>Epochs: %1</source>
        <translation>エポック: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n 行</numerusform>
        </translation>
    </message>
    <message>
        <source>No frames to export.</source>
        <translation>書き出すフレームがありません。</translation>
    </message>
    <message>
        <source>one image</source>
        <translation>1 枚の画像</translation>
    </message>
    <message numerus="yes">
        <source>a storyboard of %n panel(s)</source>
        <translation>
            <numerusform>%n 枚のパネルのストーリーボード</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n numbered file(s)</source>
        <translation>
            <numerusform>連番ファイル %n 個</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n ページ</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n frame(s)</source>
        <translation>
            <numerusform>%n フレーム</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 × %2 px · %3 × %4 in at %5 dpi · %6</source>
        <translation>%1 × %2 px · %3 × %4 in（%5 dpi）· %6</translation>
    </message>
    <message>
        <source>CSV tables (*.csv)</source>
        <translation>CSV 表（*.csv）</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown（*.md）</translation>
    </message>
    <message>
        <source>LaTeX (*.tex)</source>
        <translation>LaTeX（*.tex）</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 画像（*.png）</translation>
    </message>
    <message>
        <source>SVG drawings (*.svg)</source>
        <translation>SVG 図形（*.svg）</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文書（*.pdf）</translation>
    </message>
    <message>
        <source>GIF animations (*.gif)</source>
        <translation>GIF アニメーション（*.gif）</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>エクスポートしています…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Exporting to %1 …</source>
        <translation>%1 にエクスポートしています…</translation>
    </message>
    <message>
        <source>Not exported: %1</source>
        <translation>エクスポートできませんでした: %1</translation>
    </message>
    <message>
        <source>Export cancelled; nothing was written.</source>
        <translation>エクスポートをキャンセルしました。何も書き出していません。</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>%1 にエクスポートしました</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n file(s) to %1</source>
        <translation>
            <numerusform>%n 個のファイルを %1 にエクスポートしました</numerusform>
        </translation>
    </message>
    <message>
        <source>Copied to the clipboard.</source>
        <translation>クリップボードにコピーしました。</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>エクスポート(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Image…</source>
        <translation>画像(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Storyboard…</source>
        <translation>ストーリーボード(&amp;S)…</translation>
    </message>
    <message>
        <source>Numbered &amp;Frames…</source>
        <translation>連番フレーム(&amp;F)…</translation>
    </message>
    <message>
        <source>Multi-page &amp;PDF…</source>
        <translation>複数ページの PDF(&amp;P)…</translation>
    </message>
    <message>
        <source>Animated &amp;GIF…</source>
        <translation>アニメーション GIF(&amp;G)…</translation>
    </message>
    <message>
        <source>Worked-Example &amp;Table…</source>
        <translation>計算例の表(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Copy View</source>
        <translation>ビューをコピー(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the plot as shown to the clipboard, as an image and as SVG</source>
        <translation>表示中の平面図を画像と SVG としてクリップボードにコピーします</translation>
    </message>
    <message>
        <source>Columns: %1</source>
        <translation>列: %1</translation>
    </message>
</context>
<context>
    <name>plab::ui::ExportPreview</name>
    <message>
        <source>Export preview</source>
        <translation>エクスポートのプレビュー</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more row(s)</source>
        <translation>
            <numerusform>… ほか %n 行</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>plab::ui::GeneratorDialog</name>
    <message>
        <source>AND</source>
        <translation>AND</translation>
    </message>
    <message>
        <source>OR</source>
        <translation>OR</translation>
    </message>
    <message>
        <source>NAND</source>
        <translation>NAND</translation>
    </message>
    <message>
        <source>XOR</source>
        <translation>XOR</translation>
    </message>
    <message>
        <source>Two blobs</source>
        <translation>2 つのクラスター</translation>
    </message>
    <message>
        <source>Overlapping blobs</source>
        <translation>重なり合う 2 つのクラスター</translation>
    </message>
    <message>
        <source>Circles</source>
        <translation>同心円</translation>
    </message>
    <message>
        <source>Two moons</source>
        <translation>2 つの三日月</translation>
    </message>
    <message>
        <source>Target line</source>
        <translation>目標の直線</translation>
    </message>
    <message>
        <source>Generate a Data Set</source>
        <translation>データセットの生成</translation>
    </message>
    <message>
        <source>Points in total, half of each class</source>
        <translation>点の総数（各クラス半数ずつ）</translation>
    </message>
    <message>
        <source>Distance between the centres of the two blobs</source>
        <translation>2 つのクラスターの中心間の距離</translation>
    </message>
    <message>
        <source>Standard deviation of the blobs, noise of circles and moons</source>
        <translation>クラスターの標準偏差、同心円と三日月のノイズ</translation>
    </message>
    <message>
        <source>Points are spread uniformly over [−extent, extent]²</source>
        <translation>点は [−extent, extent]² に一様に分布します</translation>
    </message>
    <message>
        <source>The teacher&apos;s line w₁·x₁ + w₂·x₂ + b = 0 that labels the points</source>
        <translation>点のラベルを決める教師の直線 w₁·x₁ + w₂·x₂ + b = 0</translation>
    </message>
    <message>
        <source>Points closer than this to the target line are drawn again</source>
        <translation>目標の直線にこれより近い点は引き直します</translation>
    </message>
    <message>
        <source>The same seed gives the same points</source>
        <translation>同じシードなら同じ点が生成されます</translation>
    </message>
    <message>
        <source>&amp;Data set</source>
        <translation>データセット(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Points</source>
        <translation>点の数(&amp;P)</translation>
    </message>
    <message>
        <source>S&amp;eparation</source>
        <translation>中心間の距離(&amp;E)</translation>
    </message>
    <message>
        <source>Sp&amp;read / noise</source>
        <translation>広がり・ノイズ(&amp;R)</translation>
    </message>
    <message>
        <source>E&amp;xtent</source>
        <translation>範囲(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Target line</source>
        <translation>目標の直線(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Margin</source>
        <translation>マージン(&amp;M)</translation>
    </message>
    <message>
        <source>See&amp;d</source>
        <translation>シード(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation>生成(&amp;G)</translation>
    </message>
    <message>
        <source>%1 points (%2 of class 0, %3 of class 1), %4</source>
        <translation>%1 点（クラス 0 が %2 点、クラス 1 が %3 点）、%4</translation>
    </message>
    <message>
        <source>linearly separable</source>
        <translation>線形分離可能</translation>
    </message>
    <message>
        <source>not linearly separable</source>
        <translation>線形分離不可能</translation>
    </message>
</context>
<context>
    <name>plab::ui::HiddenView</name>
    <message>
        <source>Export to</source>
        <translation>エクスポート先</translation>
    </message>
    <message numerus="yes">
        <source>Layer %1 (%n unit(s))</source>
        <translation>
            <numerusform>層 %1（%n ユニット）</numerusform>
        </translation>
    </message>
    <message>
        <source>hidden-layer</source>
        <translation>隠れ層</translation>
    </message>
    <message>
        <source>Pictures (*.png *.svg *.pdf)</source>
        <translation>画像 (*.png *.svg *.pdf)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>エクスポート</translation>
    </message>
    <message>
        <source>&amp;Layer:</source>
        <translation>層(&amp;L):</translation>
    </message>
    <message>
        <source>&amp;Units:</source>
        <translation>ユニット(&amp;U):</translation>
    </message>
    <message>
        <source>The unit on the horizontal axis</source>
        <translation>横軸のユニット</translation>
    </message>
    <message>
        <source>The unit on the vertical axis</source>
        <translation>縦軸のユニット</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>エクスポート(&amp;E)…</translation>
    </message>
</context>
<context>
    <name>plab::ui::KeysDialog</name>
    <message>
        <source>Keys and Mouse</source>
        <translation>キーとマウス操作</translation>
    </message>
    <message>
        <source>Left click</source>
        <translation>左クリック</translation>
    </message>
    <message>
        <source>place a point of the active class</source>
        <translation>選択中のクラスの点を置く</translation>
    </message>
    <message>
        <source>Right click / Shift+click</source>
        <translation>右クリック / Shift+クリック</translation>
    </message>
    <message>
        <source>Drag a point</source>
        <translation>点をドラッグ</translation>
    </message>
    <message>
        <source>move it (one undo step)</source>
        <translation>点を移動する（1 回の操作として元に戻せる）</translation>
    </message>
    <message>
        <source>Drag on empty space</source>
        <translation>何もない所をドラッグ</translation>
    </message>
    <message>
        <source>select points in a rectangle</source>
        <translation>矩形で点を選択する</translation>
    </message>
    <message>
        <source>Delete, Backspace</source>
        <translation>Delete, Backspace</translation>
    </message>
    <message>
        <source>remove the selected or hovered points</source>
        <translation>選択中またはカーソル下の点を削除する</translation>
    </message>
    <message>
        <source>Wheel, +, −</source>
        <translation>ホイール, +, −</translation>
    </message>
    <message>
        <source>zoom around the cursor</source>
        <translation>カーソルを中心に拡大・縮小する</translation>
    </message>
    <message>
        <source>Middle drag, Space+drag</source>
        <translation>中ボタンでドラッグ, Space+ドラッグ</translation>
    </message>
    <message>
        <source>pan</source>
        <translation>表示を移動する</translation>
    </message>
    <message>
        <source>Ctrl+0, Home</source>
        <translation>Ctrl+0, Home</translation>
    </message>
    <message>
        <source>fit the view to the data</source>
        <translation>データ全体が見えるように表示する</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Space</translation>
    </message>
    <message>
        <source>train / pause</source>
        <translation>学習 / 一時停止</translation>
    </message>
    <message>
        <source>S</source>
        <translation>S</translation>
    </message>
    <message>
        <source>step one sample: shows the update</source>
        <translation>1 サンプル進む: 更新を表示する</translation>
    </message>
    <message>
        <source>N, Right</source>
        <translation>N, →</translation>
    </message>
    <message>
        <source>step one epoch</source>
        <translation>1 エポック進む</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>←</translation>
    </message>
    <message>
        <source>one step back in the recorded run</source>
        <translation>記録した学習経過を 1 ステップ戻る</translation>
    </message>
    <message>
        <source>R</source>
        <translation>R</translation>
    </message>
    <message>
        <source>reset to epoch 0</source>
        <translation>エポック 0 にリセットする</translation>
    </message>
    <message>
        <source>Ctrl+Z, Ctrl+Shift+Z</source>
        <translation>Ctrl+Z, Ctrl+Shift+Z</translation>
    </message>
    <message>
        <source>undo, redo</source>
        <translation>元に戻す、やり直す</translation>
    </message>
    <message>
        <source>Ctrl+Y</source>
        <translation>Ctrl+Y</translation>
    </message>
    <message>
        <source>redo</source>
        <translation>やり直す</translation>
    </message>
    <message>
        <source>The timeline under the plot scrubs through every recorded epoch and sample visit. Training from a past position continues from there and drops the recorded run after it.</source>
        <translation>平面図の下のタイムラインで、記録したすべてのエポックとサンプル訪問をたどれます。過去の位置から学習を続けると、そこから先へ進み、その後の記録は破棄されます。</translation>
    </message>
    <message>
        <source>place a point of class 1 while class 0 is active, of class 0 otherwise</source>
        <translation>クラス 0 を選択中ならクラス 1 の点を、それ以外ならクラス 0 の点を置く</translation>
    </message>
    <message>
        <source>1 … 8</source>
        <translation>1 … 8</translation>
    </message>
    <message>
        <source>choose the active class: key k places class k − 1 (key 3: class 2)</source>
        <translation>置くクラスを選ぶ: キー k でクラス k − 1（キー 3 ならクラス 2）</translation>
    </message>
</context>
<context>
    <name>plab::ui::LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>言語(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;System (%1)</source>
        <translation>システムに従う(&amp;S)（%1）</translation>
    </message>
</context>
<context>
    <name>plab::ui::MainWindow</name>
    <message>
        <source>Generate %1</source>
        <translation>%1 を生成</translation>
    </message>
    <message>
        <source>Clear points</source>
        <translation>点を消去</translation>
    </message>
    <message>
        <source>Perceptron Lab</source>
        <translation>Perceptron Lab</translation>
    </message>
    <message>
        <source>Language changed. The entries already in the undo history keep their language.</source>
        <translation>言語を切り替えました。操作の履歴にある項目は元の言語のままです。</translation>
    </message>
    <message>
        <source>Cannot Generate Data Set</source>
        <translation>データセットを生成できません</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>学習</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>モデル</translation>
    </message>
</context>
<context>
    <name>plab::ui::ModelPanel</name>
    <message>
        <source>Model type</source>
        <translation>モデルの種類</translation>
    </message>
    <message>
        <source>Linear</source>
        <translation>線形</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>ネットワーク</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>種類(&amp;K)</translation>
    </message>
    <message>
        <source>A linear model draws one line per unit; a network feeds the features through hidden layers and trains by backpropagation with cross-entropy.</source>
        <translation>線形モデルはユニットごとに 1 本の直線を引きます。ネットワークは特徴量を隠れ層に通し、交差エントロピーの誤差逆伝播法で学習します。</translation>
    </message>
    <message>
        <source>Kesler</source>
        <translation>Kesler</translation>
    </message>
    <message>
        <source>One-vs-rest</source>
        <translation>一対他</translation>
    </message>
    <message>
        <source>More than &amp;2 classes</source>
        <translation>3 クラス以上(&amp;2)</translation>
    </message>
    <message>
        <source>Hidden layers</source>
        <translation>隠れ層</translation>
    </message>
    <message>
        <source>+ Add a hidden layer</source>
        <translation>+ 隠れ層を追加</translation>
    </message>
    <message>
        <source>tanh</source>
        <translation>tanh</translation>
    </message>
    <message>
        <source>ReLU</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <source>Sigmoid</source>
        <translation>シグモイド</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>恒等関数</translation>
    </message>
    <message>
        <source>Step (set by hand)</source>
        <translation>ステップ（手で設定）</translation>
    </message>
    <message>
        <source>&amp;Activation</source>
        <translation>活性化関数(&amp;A)</translation>
    </message>
    <message>
        <source>What each hidden unit applies to its net.</source>
        <translation>隠れ層の各ユニットが net に適用する関数です。</translation>
    </message>
    <message>
        <source>Features (the model&apos;s inputs)</source>
        <translation>特徴量（モデルの入力）</translation>
    </message>
    <message>
        <source>Feed this value of each point to the model. At least one feature stays on.</source>
        <translation>各点のこの値をモデルに入力します。少なくとも 1 つの特徴量はオンのままです。</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>バッチサイズ</translation>
    </message>
    <message>
        <source>1 sample (online)</source>
        <translation>1 サンプル（オンライン）</translation>
    </message>
    <message>
        <source>Mini-batches</source>
        <translation>ミニバッチ</translation>
    </message>
    <message>
        <source>The whole data set</source>
        <translation>データセット全体</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>パラメーター</translation>
    </message>
    <message>
        <source>Samples per update</source>
        <translation>更新ごとのサンプル数</translation>
    </message>
    <message>
        <source>The typed-in initial weights do not fit the new shape: the run starts from random weights drawn from the seed.</source>
        <translation>直接入力した重みの初期値は新しい形に合いません。学習はシードから引いたランダムな重みから始まります。</translation>
    </message>
    <message>
        <source>Layer %1, units</source>
        <translation>層 %1 のユニット数</translation>
    </message>
    <message>
        <source>Remove hidden layer %1</source>
        <translation>隠れ層 %1 を削除</translation>
    </message>
    <message>
        <source>Kesler: one weight vector per class, the highest net wins, a mistake moves the right class&apos;s vector towards the point and the predicted one&apos;s away. One-vs-rest: one perceptron per class against all the others.</source>
        <translation>Kesler: クラスごとに 1 つの重みベクトルを持ち、net が最大のクラスを選びます。誤りがあると、正しいクラスのベクトルを点に近づけ、予測したクラスのベクトルを遠ざけます。一対他: クラスごとに、そのクラスと他のすべてを分けるパーセプトロンを 1 つ持ちます。</translation>
    </message>
    <message>
        <source>A network has one output unit per class and learns them together (softmax with cross-entropy).</source>
        <translation>ネットワークはクラスごとに 1 つの出力ユニットを持ち、それらをまとめて学習します（ソフトマックスと交差エントロピー）。</translation>
    </message>
    <message>
        <source>Adaline and logistic regression learn one unit per class together; the choice is for the perceptron, pocket and averaged rules.</source>
        <translation>ADALINE とロジスティック回帰はクラスごとに 1 つのユニットをまとめて学習します。この選択はパーセプトロン、ポケット、平均化パーセプトロンのためのものです。</translation>
    </message>
    <message>
        <source>Two classes need one unit: the choice applies from three classes on.</source>
        <translation>2 クラスならユニットは 1 つです。この選択は 3 クラス以上で使います。</translation>
    </message>
    <message>
        <source>A linear model has no hidden layers: choose a network to add them.</source>
        <translation>線形モデルには隠れ層がありません。隠れ層を加えるにはネットワークを選んでください。</translation>
    </message>
    <message>
        <source>A network has at most three hidden layers.</source>
        <translation>ネットワークの隠れ層は 3 層までです。</translation>
    </message>
    <message>
        <source>Add a hidden layer after the last one.</source>
        <translation>最後の隠れ層の後に隠れ層を追加します。</translation>
    </message>
    <message>
        <source>Train refuses step units: %1. Set their weights by hand.</source>
        <translation>学習開始はステップのユニットを拒否します: %1。重みは手で設定してください。</translation>
    </message>
    <message>
        <source>The linear rules update after one sample or once per epoch; a network takes any batch size.</source>
        <translation>線形の学習則は 1 サンプルごとか、エポックごとに 1 回更新します。ネットワークはどのバッチサイズも使えます。</translation>
    </message>
    <message>
        <source>The perceptron rules update after each sample, when it is misclassified.</source>
        <translation>パーセプトロンの学習則は、サンプルを誤分類するたびにそのサンプルで更新します。</translation>
    </message>
    <message>
        <source>%1 samples</source>
        <translation>%1 サンプル</translation>
    </message>
    <message>
        <source>the whole data set</source>
        <translation>データセット全体</translation>
    </message>
    <message>
        <source>Hidden layer %1: %2</source>
        <translation>隠れ層 %1: %2</translation>
    </message>
    <message>
        <source>Output layer: %1</source>
        <translation>出力層: %1</translation>
    </message>
    <message>
        <source>Inputs: %1</source>
        <translation>入力: %1</translation>
    </message>
    <message>
        <source>Total: %1 parameters</source>
        <translation>合計: %1 個のパラメーター</translation>
    </message>
    <message>
        <source>The initial weights are zeros: every hidden unit of a layer computes the same and learns the same, so each layer acts as one unit. Choose random initial weights in the Training tab.</source>
        <translation>重みの初期値がゼロです。同じ層の隠れユニットはどれも同じ値を計算し、同じように学習するので、各層は 1 つのユニットと同じ働きしかしません。学習タブで重みの初期値をランダムにしてください。</translation>
    </message>
    <message>
        <source>A network&apos;s random initial weights are Glorot-uniform from the seed, with zero biases; the random range of the Training tab does not apply.</source>
        <translation>ネットワークのランダムな重みの初期値は、シードからの Glorot 一様分布で、バイアスは 0 です。学習タブのランダムの範囲は使いません。</translation>
    </message>
    <message>
        <source>Change model to %1</source>
        <translation>モデルを %1 に変更</translation>
    </message>
    <message>
        <source>Add hidden layer %1</source>
        <translation>隠れ層 %1 を追加</translation>
    </message>
    <message>
        <source>Set the units of hidden layer %1 to %2</source>
        <translation>隠れ層 %1 のユニット数を %2 に変更</translation>
    </message>
    <message>
        <source>Change activation to %1</source>
        <translation>活性化関数を %1 に変更</translation>
    </message>
    <message>
        <source>Turn feature %1 off</source>
        <translation>特徴量 %1 をオフにする</translation>
    </message>
    <message>
        <source>Turn feature %1 on</source>
        <translation>特徴量 %1 をオンにする</translation>
    </message>
    <message>
        <source>Change multi-class scheme to %1</source>
        <translation>多クラスの方式を %1 に変更</translation>
    </message>
    <message>
        <source>Change batch size to %1</source>
        <translation>バッチサイズを %1 に変更</translation>
    </message>
    <message>
        <source>Change the model</source>
        <translation>モデルを変更</translation>
    </message>
    <message>
        <source>%1 (initial weights: random)</source>
        <translation>%1（重みの初期値: ランダム）</translation>
    </message>
    <message>
        <source>Initial weights now random (from the seed): with zeros, the hidden units of a layer would all learn the same.</source>
        <translation>重みの初期値をランダム（シードから）にしました。ゼロからでは、同じ層の隠れユニットがみな同じに学習します。</translation>
    </message>
</context>
<context>
    <name>plab::ui::NetworkPanel</name>
    <message>
        <source>Network</source>
        <translation>ネットワーク</translation>
    </message>
    <message>
        <source>Set %1 to %2</source>
        <translation>%1 を %2 に設定</translation>
    </message>
    <message>
        <source>%1 = %2
The weight from %3 to %4. Click to type a new value.</source>
        <translation>%1 = %2
%3 から %4 への重み。クリックすると新しい値を入力できます。</translation>
    </message>
    <message>
        <source>%1 = %2
The bias of %3: its weight from the constant input +1. Click to type a new value.</source>
        <translation>%1 = %2
%3 のバイアス（定数入力 +1 からの重み）。クリックすると新しい値を入力できます。</translation>
    </message>
    <message>
        <source>%1: an input of the model.
Its picture: its value over the view.</source>
        <translation>%1: モデルの入力。
図: 表示範囲でのその値。</translation>
    </message>
    <message>
        <source>%1: a hidden unit of layer %2 (%3), bias %4.
Its picture: its activation over the view. Click to type its bias.</source>
        <translation>%1: 第 %2 層の隠れユニット（%3）、バイアス %4。
図: 表示範囲でのその活性。クリックするとバイアスを入力できます。</translation>
    </message>
    <message>
        <source>%1: the output unit (no bias).
Its picture: σ(z), the probability of class 1, over the view.</source>
        <translation>%1: 出力ユニット（バイアスなし）。
図: 表示範囲での σ(z)（クラス 1 の確率）。</translation>
    </message>
    <message>
        <source>%1: the output unit, bias %2.
Its picture: σ(z), the probability of class 1, over the view. Click to type its bias.</source>
        <translation>%1: 出力ユニット、バイアス %2。
図: 表示範囲での σ(z)（クラス 1 の確率）。クリックするとバイアスを入力できます。</translation>
    </message>
    <message>
        <source>%1: the output unit of class %2, bias %3.
Its picture: the softmax probability of class %2 over the view. Click to type its bias.</source>
        <translation>%1: クラス %2 の出力ユニット、バイアス %3。
図: 表示範囲でのクラス %2 の softmax 確率。クリックするとバイアスを入力できます。</translation>
    </message>
    <message>
        <source>%1: Enter applies, Esc cancels, Tab moves on</source>
        <translation>%1: Enter で適用、Esc で取り消し、Tab で次へ</translation>
    </message>
    <message>
        <source>“%1” is not a number. Type a value such as 0.5 or −1.25.</source>
        <translation>「%1」は数値ではありません。0.5 や −1.25 のような値を入力してください。</translation>
    </message>
    <message>
        <source>A weight must be a finite number, not %1.</source>
        <translation>重みは有限の数でなければなりません（%1 は不可）。</translation>
    </message>
    <message>
        <source>A weight must be within ±1e9.</source>
        <translation>重みは ±1e9 の範囲内でなければなりません。</translation>
    </message>
    <message>
        <source>%1 is too close to 0 to be stored. Type 0 or a larger value.</source>
        <translation>%1 は 0 に近すぎて保持できません。0 かもっと大きな値を入力してください。</translation>
    </message>
    <message>
        <source>A weight must be a finite number.</source>
        <translation>重みは有限の数でなければなりません。</translation>
    </message>
    <message>
        <source>A weight must be within ±1e9 (%1 is not).</source>
        <translation>重みは ±1e9 の範囲内でなければなりません（%1 は範囲外です）。</translation>
    </message>
    <message>
        <source>This model has no bias: turn the bias on in the controls first.</source>
        <translation>このモデルにはバイアスがありません。先にコントロールでバイアスをオンにしてください。</translation>
    </message>
    <message>
        <source>The model has no such parameter any more.</source>
        <translation>モデルにはもうこのパラメーターがありません。</translation>
    </message>
    <message>
        <source>The network appears here once there is a model to show: add points of two classes.</source>
        <translation>表示するモデルができるとここにネットワークが表示されます。2 つのクラスの点を追加してください。</translation>
    </message>
    <message>
        <source>%1: the output unit, bias %2.</source>
        <translation>%1: 出力ユニット、バイアス %2。</translation>
    </message>
    <message>
        <source>%1: the output unit (no bias).</source>
        <translation>%1: 出力ユニット（バイアスなし）。</translation>
    </message>
    <message>
        <source>%1: the output unit of class %2, bias %3.</source>
        <translation>%1: クラス %2 の出力ユニット、バイアス %3。</translation>
    </message>
    <message>
        <source>%1: the output unit of class %2 (no bias).</source>
        <translation>%1: クラス %2 の出力ユニット（バイアスなし）。</translation>
    </message>
    <message>
        <source>Its picture: the class it decides over the view (a step: class 1 where its net is positive; at net = 0 as the Training tab says).</source>
        <translation>図: 表示範囲で決めるクラス（ステップ: net が正ならクラス 1。net = 0 では「学習」タブの設定に従う）。</translation>
    </message>
    <message>
        <source>Its picture: where class %1&apos;s net is the largest (argmax) over the view.</source>
        <translation>図: 表示範囲でクラス %1 の net が最大になる所（argmax）。</translation>
    </message>
    <message>
        <source>Click to type its bias.</source>
        <translation>クリックするとバイアスを入力できます。</translation>
    </message>
</context>
<context>
    <name>plab::ui::ParameterPanel</name>
    <message>
        <source>sample #%1: x = %2, t = %3</source>
        <translation>サンプル #%1: x = %2, t = %3</translation>
    </message>
    <message>
        <source>batch mode: %1·x = %2·%3 = %4</source>
        <translation>バッチモード: %1·x = %2·%3 = %4</translation>
    </message>
    <message>
        <source>joins the epoch&apos;s mean gradient; w changes once, at the end of the epoch</source>
        <translation>エポックの平均勾配に加えられます。w はエポックの終わりに 1 回だけ変わります</translation>
    </message>
    <message>
        <source>end of the epoch: w ← w + η·mean of %1·x</source>
        <translation>エポックの終わり: w ← w + η·(%1·x の平均)</translation>
    </message>
    <message>
        <source>t = y: classified correctly, no update</source>
        <translation>t = y: 正しく分類されたので更新なし</translation>
    </message>
    <message>
        <source>%1 = 0: no update</source>
        <translation>%1 = 0: 更新なし</translation>
    </message>
    <message>
        <source>Decision boundary</source>
        <translation>決定境界</translation>
    </message>
    <message>
        <source>Last update</source>
        <translation>直前の更新</translation>
    </message>
    <message>
        <source>Convergence theorem (separable data)</source>
        <translation>収束定理（線形分離可能なデータ）</translation>
    </message>
    <message>
        <source>off</source>
        <translation>オフ</translation>
    </message>
    <message>
        <source>%1 trainable parameters: w₁, w₂, b</source>
        <translation>学習するパラメーターは %1 個: w₁, w₂, b</translation>
    </message>
    <message>
        <source>%1 trainable parameters: w₁, w₂ (no bias)</source>
        <translation>学習するパラメーターは %1 個: w₁, w₂（バイアスなし）</translation>
    </message>
    <message>
        <source>w = 0: there is no boundary line yet</source>
        <translation>w = 0: まだ決定境界がありません</translation>
    </message>
    <message>
        <source>Step by samples (S) to see each update written out.</source>
        <translation>サンプルごとに進める（S）と、各更新の計算が表示されます。</translation>
    </message>
    <message>
        <source>every point is classified correctly, but a point lies on the line (margin 0)</source>
        <translation>すべての点を正しく分類していますが、直線上に点があります（マージン 0）</translation>
    </message>
    <message>
        <source>this line does not separate the data (yet)</source>
        <translation>この直線は（まだ）データを分離していません</translation>
    </message>
    <message>
        <source>R = max ‖(x₁, x₂, 1)‖ = %1</source>
        <translation>R = max ‖(x₁, x₂, 1)‖ = %1</translation>
    </message>
    <message>
        <source>R = max ‖(x₁, x₂)‖ = %1</source>
        <translation>R = max ‖(x₁, x₂)‖ = %1</translation>
    </message>
    <message>
        <source>mistakes so far = %1</source>
        <translation>これまでの誤り回数 = %1</translation>
    </message>
    <message>
        <source>(the bound assumes a start from w = 0, b = 0)</source>
        <translation>（この上限は w = 0, b = 0 から始めた場合のものです）</translation>
    </message>
    <message>
        <source>the working weights after this visit (the pocket keeps the best weights seen, shown at the end of each epoch)</source>
        <translation>この訪問の後の作業中の重み（ポケットはこれまでで最良の重みを保持し、各エポックの終わりに表示します）</translation>
    </message>
    <message>
        <source>the pocket: the best weights seen so far</source>
        <translation>ポケット: これまでで最良の重み</translation>
    </message>
    <message>
        <source>the working weights after this visit (the average over all visits is shown at the end of each epoch)</source>
        <translation>この訪問の後の作業中の重み（すべての訪問にわたる平均は各エポックの終わりに表示します）</translation>
    </message>
    <message>
        <source>the average of the weights over all visits so far</source>
        <translation>これまでのすべての訪問にわたる重みの平均</translation>
    </message>
    <message>
        <source>distance from the line to the nearest point = %1 (in the plane)</source>
        <translation>決定境界から最も近い点までの距離 = %1（平面上）</translation>
    </message>
    <message>
        <source>γ = min t±·(w·x + b) / ‖(w, b)‖ = %1</source>
        <translation>γ = min t±·(w·x + b) / ‖(w, b)‖ = %1</translation>
    </message>
    <message>
        <source>γ = min t±·(w·x) / ‖w‖ = %1</source>
        <translation>γ = min t±·(w·x) / ‖w‖ = %1</translation>
    </message>
    <message>
        <source>  with t± = +1 for class 1 and −1 for class 0: the same distance, measured in the theorem&apos;s space (x₁, x₂, 1)</source>
        <translation>  t± はクラス 1 で +1、クラス 0 で −1。同じ距離を定理の空間 (x₁, x₂, 1) で測ったもの</translation>
    </message>
    <message>
        <source>  with t± = +1 for class 1 and −1 for class 0</source>
        <translation>  t± はクラス 1 で +1、クラス 0 で −1</translation>
    </message>
    <message>
        <source>mistake bound (R/γ)² = (%1 / %2)² = %3</source>
        <translation>誤り回数の上限 (R/γ)² = (%1 / %2)² = %3</translation>
    </message>
    <message>
        <source>sample #%1: x = (%2, %3), class t = %4</source>
        <translation>サンプル #%1: x = (%2, %3), クラス t = %4</translation>
    </message>
    <message numerus="yes">
        <source>layer %1: %2 → %3 (%n parameter(s))</source>
        <translation>
            <numerusform>第 %1 層: %2 → %3（パラメーター %n 個）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n parameter(s): %1</source>
        <translation>
            <numerusform>パラメーター %n 個: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Forward pass (the weights before this visit; net = Σ w·a + b, each input a times its weight, the bias b last):</source>
        <translation>順伝播（この訪問の前の重みで。net = Σ w·a + b: 各入力 a にその重みを掛け、最後にバイアス b を足す）:</translation>
    </message>
    <message>
        <source>(the probability of class 1)</source>
        <translation>（クラス 1 の確率）</translation>
    </message>
    <message>
        <source>(softmax: the probability of each class)</source>
        <translation>（ソフトマックス: 各クラスの確率）</translation>
    </message>
    <message>
        <source>predicted class: %1</source>
        <translation>予測したクラス: %1</translation>
    </message>
    <message>
        <source>Loss (cross-entropy): J = −[t·log p + (1 − t)·log(1 − p)]</source>
        <translation>損失（交差エントロピー）: J = −[t·log p + (1 − t)·log(1 − p)]</translation>
    </message>
    <message>
        <source>Loss (cross-entropy): J = −log p_t, the probability of the sample&apos;s class</source>
        <translation>損失（交差エントロピー）: J = −log p_t（p_t はサンプルのクラスの確率）</translation>
    </message>
    <message>
        <source>Backward pass (δ = ∂J/∂net: how the loss changes with each net):</source>
        <translation>逆伝播（δ = ∂J/∂net: 各 net が変わると損失がどれだけ変わるか）:</translation>
    </message>
    <message>
        <source>hidden units: δ(h) = (Σ w·δ over the units h feeds)·f′(net)</source>
        <translation>隠れユニット: δ(h) = (h が出力を送るユニットにわたる Σ w·δ)·f′(net)</translation>
    </message>
    <message>
        <source>The step of this visit would have made a parameter infinite or NaN: it was not applied, and the run stops (diverged).</source>
        <translation>この訪問の一歩でパラメーターが無限大か NaN になるところでした。適用せず、学習は止まります（発散）。</translation>
    </message>
    <message>
        <source>Update, every parameter: Δw = −η·δ·a (a is what the weight multiplies, 1 for a bias; η = %1):</source>
        <translation>更新、すべてのパラメーター: Δw = −η·δ·a（a はその重みが掛かるもの、バイアスなら 1。η = %1）:</translation>
    </message>
    <message numerus="yes">
        <source>Mini-batch: this sample&apos;s gradient ∂J/∂w = δ·a joins the batch&apos;s sum G (%n sample(s) in the batch so far):</source>
        <translation>
            <numerusform>ミニバッチ: このサンプルの勾配 ∂J/∂w = δ·a がバッチの和 G に加わります（これまでにバッチに入ったサンプル %n 個）:</numerusform>
        </translation>
    </message>
    <message>
        <source>The batch of m = %1 samples closes: every parameter takes the step Δw = −η·G/m (η = %2):</source>
        <translation>m = %1 サンプルのバッチが閉じます: すべてのパラメーターが一歩 Δw = −η·G/m 進みます（η = %2）:</translation>
    </message>
    <message>
        <source>The parameters change when the batch closes.</source>
        <translation>パラメーターはバッチが閉じるときに変わります。</translation>
    </message>
    <message>
        <source>e = t − y (t, y in {0, 1})</source>
        <translation>e = t − y（t, y は {0, 1}）</translation>
    </message>
    <message>
        <source>e = t − z (t in {−1, +1})</source>
        <translation>e = t − z（t は {−1, +1}）</translation>
    </message>
    <message>
        <source>e = t − p, p = σ(z)</source>
        <translation>e = t − p, p = σ(z)</translation>
    </message>
    <message>
        <source>Kesler: on a mistake e = +1 for the class&apos;s unit, −1 for the predicted one, 0 for the others</source>
        <translation>Kesler: 誤りのとき、正解クラスのユニットに e = +1、予測したクラスのユニットに −1、ほかは 0</translation>
    </message>
    <message>
        <source>one-vs-rest: e_k = t_k − y_k, t_k = 1 for the sample&apos;s class and 0 for the rest, y_k = 1 where z_k ≥ 0</source>
        <translation>one-vs-rest: e_k = t_k − y_k。t_k はサンプルのクラスで 1、ほかで 0。y_k は z_k ≥ 0 のとき 1</translation>
    </message>
    <message>
        <source>e_k = [t = k] − z_k</source>
        <translation>e_k = [t = k] − z_k</translation>
    </message>
    <message>
        <source>e_k = [t = k] − p_k (softmax probabilities)</source>
        <translation>e_k = [t = k] − p_k（ソフトマックスの確率）</translation>
    </message>
    <message>
        <source>batch mode: this visit adds η·e·φ(x)/N to the step applied at the end of the epoch:</source>
        <translation>バッチモード: この訪問はエポックの終わりに適用する一歩に η·e·φ(x)/N を加えます:</translation>
    </message>
    <message>
        <source>classified correctly: no update</source>
        <translation>正しく分類されたので更新なし</translation>
    </message>
    <message>
        <source>e = 0: no update</source>
        <translation>e = 0: 更新なし</translation>
    </message>
    <message>
        <source>update: w_k ← w_k + η·e_k·φ(x), b_k ← b_k + η·e_k (η = %1)</source>
        <translation>更新: w_k ← w_k + η·e_k·φ(x), b_k ← b_k + η·e_k（η = %1）</translation>
    </message>
    <message>
        <source>Last sample visit</source>
        <translation>直前のサンプル訪問</translation>
    </message>
</context>
<context>
    <name>plab::ui::PlotCanvas</name>
    <message>
        <source>Remove point</source>
        <translation>点を削除</translation>
    </message>
    <message numerus="yes">
        <source>Remove %n points</source>
        <translation>
            <numerusform>%n 個の点を削除</numerusform>
        </translation>
    </message>
    <message>
        <source>Change to class %1</source>
        <translation>クラス %1 に変更</translation>
    </message>
    <message>
        <source>Select all</source>
        <translation>すべて選択</translation>
    </message>
    <message>
        <source>No point added at (%1, %2): points must lie within ±1e9, the largest coordinate a data file holds</source>
        <translation>(%1, %2) には点を追加しませんでした。点は ±1e9 以内に置く必要があります（データファイルが扱える最大の座標です）</translation>
    </message>
    <message>
        <source>Zoomed in as far as the numbers allow</source>
        <translation>数値の精度で可能な限界まで拡大しました</translation>
    </message>
    <message>
        <source>The view stops at ±1e12, the farthest it can reach</source>
        <translation>表示範囲は ±1e12 までです（これ以上は広げられません）</translation>
    </message>
    <message>
        <source>Points stop at ±1e9, the largest coordinate a data file holds</source>
        <translation>点は ±1e9 で止まります（データファイルが扱える最大の座標です）</translation>
    </message>
</context>
<context>
    <name>plab::ui::ScaleView</name>
    <message>
        <source>Export to</source>
        <translation>エクスポート先</translation>
    </message>
    <message>
        <source>model-scale</source>
        <translation>モデルの大きさ</translation>
    </message>
    <message>
        <source>Pictures (*.png *.svg *.pdf)</source>
        <translation>画像 (*.png *.svg *.pdf)</translation>
    </message>
    <message>
        <source>How big is this model?</source>
        <translation>このモデルの大きさは?</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>エクスポート</translation>
    </message>
    <message>
        <source>&amp;Measure Again</source>
        <translation>もう一度測定(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>エクスポート(&amp;E)…</translation>
    </message>
</context>
<context>
    <name>plab::ui::Timeline</name>
    <message>
        <source>Epoch %1 · sample %2/%3</source>
        <translation>エポック %1 · サンプル %2/%3</translation>
    </message>
    <message>
        <source>Start (epoch 0)</source>
        <translation>開始（エポック 0）</translation>
    </message>
    <message>
        <source>Epoch %1</source>
        <translation>エポック %1</translation>
    </message>
    <message>
        <source>Scrub through the recorded run: every epoch and, when stepping by samples, every sample visit</source>
        <translation>記録した学習経過をたどります。すべてのエポックと、サンプルごとに進めたときはすべてのサンプル訪問</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>タイムライン</translation>
    </message>
</context>
<context>
    <name>plab::ui::TrainingPresenter</name>
    <message>
        <source>Learning rate η = %1 from the next sample on</source>
        <translation>次のサンプルから学習率 η = %1</translation>
    </message>
    <message>
        <source>Training from %1: the recorded run after it was dropped</source>
        <translation>%1 から学習しました。その後の記録は破棄されました</translation>
    </message>
    <message>
        <source>Click the plot to place points: left click for the active class, right click for the other one — or pick a data set from the Data menu</source>
        <translation>平面図をクリックして点を置きます。左クリックで選択中のクラス、右クリックでもう一方のクラス。または［データ］メニューからデータセットを選びます</translation>
    </message>
    <message>
        <source>Epoch 0</source>
        <translation>エポック 0</translation>
    </message>
    <message>
        <source>errors %1</source>
        <translation>誤分類 %1</translation>
    </message>
    <message>
        <source>not linearly separable: the perceptron cannot converge on this data</source>
        <translation>線形分離不可能: このデータではパーセプトロンは収束しません</translation>
    </message>
    <message>
        <source>converged after 1 epoch</source>
        <translation>1 エポックで収束しました</translation>
    </message>
    <message>
        <source>converged after %1 epochs</source>
        <translation>%1 エポックで収束しました</translation>
    </message>
    <message>
        <source>epoch limit reached (%1 epochs)</source>
        <translation>エポック上限に達しました（%1 エポック）</translation>
    </message>
    <message>
        <source>diverged: lower the learning rate</source>
        <translation>発散しました: 学習率を下げてください</translation>
    </message>
    <message>
        <source>training…</source>
        <translation>学習中…</translation>
    </message>
    <message numerus="yes">
        <source>stuck in a cycle after %1 epochs: the weights repeat every %n epoch(s) while each sample still moves them by up to %2</source>
        <translation>
            <numerusform>%1 エポックで周期に入りました: 重みは %n エポックごとに同じ値に戻りますが、各サンプルはなお最大 %2 だけ重みを動かします</numerusform>
        </translation>
    </message>
    <message>
        <source>no line through the origin separates the classes (the bias is off): the perceptron cannot converge on this data</source>
        <translation>原点を通る直線ではクラスを分けられません（バイアスがオフです）: このデータではパーセプトロンは収束しません</translation>
    </message>
    <message numerus="yes">
        <source>Data changed: training starts over from epoch 0. The recorded run (%n epoch(s)) is set aside: Undo brings it back.</source>
        <translation>
            <numerusform>データが変わりました。エポック 0 から学習をやり直します。記録された学習（%n エポック）は取り置かれ、元に戻すと戻ります。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Settings changed: training starts over from epoch 0. The recorded run (%n epoch(s)) is set aside: Undo brings it back.</source>
        <translation>
            <numerusform>設定が変わりました。エポック 0 から学習をやり直します。記録された学習（%n エポック）は取り置かれ、元に戻すと戻ります。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Recorded run restored: %n epoch(s), timeline at %1</source>
        <translation>
            <numerusform>記録された学習を戻しました: %n エポック、タイムラインは %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Learning rate η = %1 at %2: the recorded run after it is set aside (Undo brings it back) and training continues from here with the new rate.</source>
        <translation>%2 で学習率 η = %1 に変更しました。記録された学習のこの後の部分は取り置かれ（元に戻すと戻ります）、ここから新しい学習率で学習を続けます。</translation>
    </message>
    <message>
        <source>perceptron criterion %1</source>
        <translation>パーセプトロン基準 %1</translation>
    </message>
    <message>
        <source>squared error %1</source>
        <translation>二乗誤差 %1</translation>
    </message>
    <message>
        <source>cross-entropy %1</source>
        <translation>交差エントロピー %1</translation>
    </message>
</context>
<context>
    <name>plab::ui::UserGuideDialog</name>
    <message>
        <source>Perceptron Lab User Guide</source>
        <translation>Perceptron Lab ユーザーガイド</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>戻る(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation>進む(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Contents</source>
        <translation>目次(&amp;C)</translation>
    </message>
    <message>
        <source>Not part of the bundled guide: %1</source>
        <translation>同梱のガイドにはありません: %1</translation>
    </message>
</context>
<context>
    <name>plab::ui::WindowActions</name>
    <message>
        <source>Controls</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>パラメーター</translation>
    </message>
    <message>
        <source>Learning Curves</source>
        <translation>学習曲線</translation>
    </message>
    <message>
        <source>Undo History</source>
        <translation>操作の履歴</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>新規(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>開く(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a project (JSON) or a data set (CSV)</source>
        <translation>プロジェクト（JSON）またはデータセット（CSV）を開きます</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>名前を付けて保存(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>Select &amp;All Points</source>
        <translation>すべての点を選択(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Delete Selected Points</source>
        <translation>選択した点を削除(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Generate…</source>
        <translation>生成(&amp;G)…</translation>
    </message>
    <message>
        <source>&amp;Open Data Set (CSV)…</source>
        <translation>データセットを開く（CSV）(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Save Data Set (CSV)…</source>
        <translation>データセットを保存（CSV）(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Clear Points</source>
        <translation>点をすべて消去(&amp;C)</translation>
    </message>
    <message>
        <source>Place Class &amp;0</source>
        <translation>クラス 0 を置く(&amp;0)</translation>
    </message>
    <message>
        <source>Place Class &amp;1</source>
        <translation>クラス 1 を置く(&amp;1)</translation>
    </message>
    <message>
        <source>&amp;Train</source>
        <translation>学習開始(&amp;T)</translation>
    </message>
    <message>
        <source>Train until converged or paused (Space)</source>
        <translation>収束するか一時停止するまで学習します（Space）</translation>
    </message>
    <message>
        <source>Step &amp;Sample</source>
        <translation>1 サンプル進む(&amp;S)</translation>
    </message>
    <message>
        <source>Step &amp;Epoch</source>
        <translation>1 エポック進む(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>戻る(&amp;B)</translation>
    </message>
    <message>
        <source>One step back in the recorded run (Left)</source>
        <translation>記録した学習経過を 1 ステップ戻ります（←）</translation>
    </message>
    <message>
        <source>&amp;Reset</source>
        <translation>リセット(&amp;R)</translation>
    </message>
    <message>
        <source>Back to the initial weights, epoch 0 (R)</source>
        <translation>重みを初期値に戻し、エポック 0 にします（R）</translation>
    </message>
    <message>
        <source>&amp;Fit to Data</source>
        <translation>データに合わせる(&amp;F)</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>拡大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>縮小(&amp;O)</translation>
    </message>
    <message>
        <source>F&amp;ull Screen</source>
        <translation>全画面表示(&amp;U)</translation>
    </message>
    <message>
        <source>Follow the &amp;System</source>
        <translation>システムに従う(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>ライト(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>ダーク(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;High Contrast</source>
        <translation>ハイコントラスト(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Print (white, thick lines)</source>
        <translation>印刷用（白地、太い線）(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近使ったファイル(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Data</source>
        <translation>データ(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Classic Data Sets</source>
        <translation>定番のデータセット(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Training</source>
        <translation>学習(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>テーマ(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>User &amp;Guide</source>
        <translation>ユーザーガイド(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Keys and Mouse</source>
        <translation>キーとマウス操作(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About Perceptron Lab</source>
        <translation>Perceptron Lab について(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Qt について(&amp;Q)</translation>
    </message>
    <message>
        <source>Main Toolbar</source>
        <translation>メインツールバー</translation>
    </message>
    <message>
        <source>&lt;empty&gt;</source>
        <translation>&lt;なし&gt;</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>元に戻す(&amp;U) %1</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>元に戻す(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>やり直す(&amp;R) %1</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>やり直す(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>一時停止(&amp;P)</translation>
    </message>
    <message>
        <source>Pause (Space)</source>
        <translation>一時停止（Space）</translation>
    </message>
    <message>
        <source>Visit one sample and show its update (S)</source>
        <translation>サンプルを 1 つ訪問し、その更新を表示します（S）</translation>
    </message>
    <message>
        <source>Run one epoch (N or Right)</source>
        <translation>1 エポック実行します（N または →）</translation>
    </message>
    <message>
        <source>The run has converged: there is nothing left to step. Move the timeline back, or edit the points or the settings, to train again.</source>
        <translation>学習は収束しました。これ以上進めるステップはありません。もう一度学習するには、タイムラインを戻すか、点や設定を編集してください。</translation>
    </message>
    <message>
        <source>The run stopped at the epoch limit. Raise the limit to go on, or move the timeline back.</source>
        <translation>学習はエポック上限で止まりました。続けるには上限を上げるか、タイムラインを戻してください。</translation>
    </message>
    <message>
        <source>The run diverged. Lower the learning rate to start over, or move the timeline back.</source>
        <translation>学習は発散しました。学習率を下げてやり直すか、タイムラインを戻してください。</translation>
    </message>
    <message>
        <source>The run has finished. Move the timeline back, or edit the points or the settings, to train again.</source>
        <translation>学習は終了しました。もう一度学習するには、タイムラインを戻すか、点や設定を編集してください。</translation>
    </message>
    <message>
        <source>The run is stuck in a cycle: its end-of-epoch weights repeat while each sample still moves them, so more epochs would only go round again. Move the timeline back, or edit the points or the settings, to train again.</source>
        <translation>学習は周期に入りました: エポック終了時の重みが繰り返し、各サンプルはなお重みを動かしているので、エポックを進めても同じことの繰り返しです。タイムラインを戻すか、点や設定を編集すると、もう一度学習できます。</translation>
    </message>
    <message>
        <source>&amp;How big is this model?</source>
        <translation>このモデルの大きさは?(&amp;H)</translation>
    </message>
    <message>
        <source>Hidden Layer</source>
        <translation>隠れ層</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>ネットワーク</translation>
    </message>
    <message>
        <source>Hidden Units&apos; &amp;Weights</source>
        <translation>隠れユニットの重み(&amp;W)</translation>
    </message>
    <message>
        <source>Place Class &amp;2</source>
        <translation>クラス 2 を置く(&amp;2)</translation>
    </message>
    <message>
        <source>Place Class &amp;3</source>
        <translation>クラス 3 を置く(&amp;3)</translation>
    </message>
    <message>
        <source>Place Class &amp;4</source>
        <translation>クラス 4 を置く(&amp;4)</translation>
    </message>
    <message>
        <source>Place Class &amp;5</source>
        <translation>クラス 5 を置く(&amp;5)</translation>
    </message>
    <message>
        <source>Place Class &amp;6</source>
        <translation>クラス 6 を置く(&amp;6)</translation>
    </message>
    <message>
        <source>Place Class &amp;7</source>
        <translation>クラス 7 を置く(&amp;7)</translation>
    </message>
</context>
<context>
    <name>plab::ui::WindowStatusBar</name>
    <message>
        <source>accuracy %1 %</source>
        <translation>正解率 %1 %</translation>
    </message>
    <message>
        <source>Not autosaved: %1</source>
        <translation>自動保存されていません: %1</translation>
    </message>
    <message>
        <source>%1 selected</source>
        <translation>%1 個を選択中</translation>
    </message>
    <message>
        <source>class %1: %2</source>
        <translation>クラス %1: %2</translation>
    </message>
</context>
</TS>
