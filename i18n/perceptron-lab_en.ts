<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en">
<context>
    <name>AddPoints</name>
    <message numerus="yes">
        <source>Add %n points</source>
        <translation>
            <numerusform>Add %n point</numerusform>
            <numerusform>Add %n points</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MovePoints</name>
    <message numerus="yes">
        <source>Move %n points</source>
        <translation>
            <numerusform>Move %n point</numerusform>
            <numerusform>Move %n points</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RemovePoints</name>
    <message numerus="yes">
        <source>Remove %n points</source>
        <translation>
            <numerusform>Remove %n point</numerusform>
            <numerusform>Remove %n points</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SetPointLabels</name>
    <message numerus="yes">
        <source>Change class of %n points</source>
        <translation>
            <numerusform>Change class of %n point</numerusform>
            <numerusform>Change class of %n points</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>plab::cli::Demo</name>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Converged after %n epoch(s): %1, %2.</source>
        <translation>
            <numerusform>Converged after %n epoch: %1, %2.</numerusform>
            <numerusform>Converged after %n epochs: %1, %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stopped at the limit of %n epoch(s) without converging: %1, %2.</source>
        <translation>
            <numerusform>Stopped at the limit of %n epoch without converging: %1, %2.</numerusform>
            <numerusform>Stopped at the limit of %n epochs without converging: %1, %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stuck in a cycle after %n epoch(s): the weights repeat while each sample still moves them by up to %1; at the end of the epoch: %2, %3.</source>
        <translation>
            <numerusform>Stuck in a cycle after %n epoch: the weights repeat while each sample still moves them by up to %1; at the end of the epoch: %2, %3.</numerusform>
            <numerusform>Stuck in a cycle after %n epochs: the weights repeat while each sample still moves them by up to %1; at the end of the epoch: %2, %3.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>plab::cli::TrainCommand</name>
    <message numerus="yes">
        <source>only a linear model with 3 or more classes has a multiclass scheme; this run has %n class(es)%1</source>
        <translation>
            <numerusform>only a linear model with 3 or more classes has a multiclass scheme; this run has %n class%1</numerusform>
            <numerusform>only a linear model with 3 or more classes has a multiclass scheme; this run has %n classes%1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>plab::exporting::ExportOptions</name>
    <message numerus="yes">
        <source>%n panel(s) do not fit a %1 storyboard readably: it holds at most %2 with every panel at least %3 pixels large at text size %4; choose fewer epochs, a larger size or a smaller text size</source>
        <translation>
            <numerusform>%n panel does not fit a %1 storyboard readably: it holds at most %2 with every panel at least %3 pixels large at text size %4; choose fewer epochs, a larger size or a smaller text size</numerusform>
            <numerusform>%n panels do not fit a %1 storyboard readably: it holds at most %2 with every panel at least %3 pixels large at text size %4; choose fewer epochs, a larger size or a smaller text size</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>plab::exporting::ExportSource</name>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n parameters)</source>
        <translation>
            <numerusform>%1 (%n parameter)</numerusform>
            <numerusform>%1 (%n parameters)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>plab::io::Validation</name>
    <message numerus="yes">
        <source>the data set has only one class (%n point(s) of class %1): training needs points of both classes</source>
        <translation>
            <numerusform>the data set has only one class (%n point of class %1): training needs points of both classes</numerusform>
            <numerusform>the data set has only one class (%n points of class %1): training needs points of both classes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>plab::ui::ExportDialog</name>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n row</numerusform>
            <numerusform>%n rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>a storyboard of %n panel(s)</source>
        <translation>
            <numerusform>a storyboard of %n panel</numerusform>
            <numerusform>a storyboard of %n panels</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n numbered file(s)</source>
        <translation>
            <numerusform>%n numbered file</numerusform>
            <numerusform>%n numbered files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n frame(s)</source>
        <translation>
            <numerusform>%n frame</numerusform>
            <numerusform>%n frames</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n file(s) to %1</source>
        <translation>
            <numerusform>Exported %n file to %1</numerusform>
            <numerusform>Exported %n files to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>plab::ui::ExportPreview</name>
    <message numerus="yes">
        <source>… and %n more row(s)</source>
        <translation>
            <numerusform>… and %n more row</numerusform>
            <numerusform>… and %n more rows</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>plab::ui::PlotCanvas</name>
    <message numerus="yes">
        <source>Remove %n points</source>
        <translation>
            <numerusform>Remove %n point</numerusform>
            <numerusform>Remove %n points</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>plab::ui::TrainingPresenter</name>
    <message numerus="yes">
        <source>stuck in a cycle after %1 epochs: the weights repeat every %n epoch(s) while each sample still moves them by up to %2</source>
        <translation>
            <numerusform>stuck in a cycle after %1 epochs: the weights repeat every %n epoch while each sample still moves them by up to %2</numerusform>
            <numerusform>stuck in a cycle after %1 epochs: the weights repeat every %n epochs while each sample still moves them by up to %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Data changed: training starts over from epoch 0. The recorded run (%n epoch(s)) is set aside: Undo brings it back.</source>
        <translation>
            <numerusform>Data changed: training starts over from epoch 0. The recorded run (%n epoch) is set aside: Undo brings it back.</numerusform>
            <numerusform>Data changed: training starts over from epoch 0. The recorded run (%n epochs) is set aside: Undo brings it back.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Settings changed: training starts over from epoch 0. The recorded run (%n epoch(s)) is set aside: Undo brings it back.</source>
        <translation>
            <numerusform>Settings changed: training starts over from epoch 0. The recorded run (%n epoch) is set aside: Undo brings it back.</numerusform>
            <numerusform>Settings changed: training starts over from epoch 0. The recorded run (%n epochs) is set aside: Undo brings it back.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Recorded run restored: %n epoch(s), timeline at %1</source>
        <translation>
            <numerusform>Recorded run restored: %n epoch, timeline at %1</numerusform>
            <numerusform>Recorded run restored: %n epochs, timeline at %1</numerusform>
        </translation>
    </message>
</context>
</TS>
