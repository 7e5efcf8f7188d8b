#include "ui/dialogs/exportform.h"

#include <QCoreApplication>

#include <algorithm>

namespace plab::ui {

namespace {

/// The texts keep the export dialog's translation context (lupdate reads it from the macro).
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(plab::ui::ExportDialog)
};

QString joinEpochs(const std::vector<int>& epochs)
{
    QStringList parts;
    for (int e : epochs)
        parts << QString::number(e);
    return parts.join(u',');
}

} // namespace

exporting::ExportLayout layoutOf(ExportKind kind)
{
    switch (kind) {
    case ExportKind::Image:
    case ExportKind::Table:
        return exporting::ExportLayout::Single;
    case ExportKind::Storyboard:
        return exporting::ExportLayout::Storyboard;
    case ExportKind::Frames:
        return exporting::ExportLayout::Frames;
    case ExportKind::Pages:
        return exporting::ExportLayout::Pages;
    case ExportKind::Animation:
        return exporting::ExportLayout::Animation;
    }
    return exporting::ExportLayout::Single;
}

QStringList formatNames(ExportKind kind)
{
    using exporting::ExportFormat;
    using exporting::TableFormat;
    switch (kind) {
    case ExportKind::Image:
    case ExportKind::Storyboard:
    case ExportKind::Frames:
        return {name(ExportFormat::Png), name(ExportFormat::Svg), name(ExportFormat::Pdf)};
    case ExportKind::Pages:
        return {name(ExportFormat::Pdf)};
    case ExportKind::Animation:
        return {name(ExportFormat::Gif)};
    case ExportKind::Table:
        return {name(TableFormat::Csv), name(TableFormat::Markdown), name(TableFormat::Latex)};
    }
    return {};
}

ExportForm withKind(ExportForm form, ExportKind kind, int lastEpoch)
{
    form.kind = kind;
    const QStringList formats = formatNames(kind);
    if (!formats.contains(form.format))
        form.format = formats.constFirst();
    switch (kind) {
    case ExportKind::Storyboard:
        form.epochs = joinEpochs(exporting::storyboardEpochs(lastEpoch));
        break;
    case ExportKind::Table:
        form.epochs = lastEpoch >= 1 ? QStringLiteral("1-last") : QStringLiteral("all");
        break;
    case ExportKind::Image:
    case ExportKind::Frames:
    case ExportKind::Pages:
    case ExportKind::Animation:
        form.epochs = QStringLiteral("all");
        break;
    }
    if (kind == ExportKind::Animation) {
        // A GIF for a slide: half the slide's pixels, shown enlarged by the slide program.
        form.size = exporting::SizeSpec{960.0, 540.0, exporting::SizeSpec::Unit::Pixels};
    }
    return form;
}

Result<exporting::ExportRequest, QString>
requestOf(const ExportForm& form, std::shared_ptr<const exporting::ExportSource> source,
          std::size_t position)
{
    if (!source)
        return unexpected(Text::tr("Nothing to export."));
    exporting::ExportRequest r;
    r.source = std::move(source);
    exporting::ExportOptions& o = r.options;
    o.layout = layoutOf(form.kind);
    if (form.kind == ExportKind::Table) {
        r.table = exporting::tableFormatFromName(form.format);
    } else {
        o.format =
            exporting::exportFormatFromName(form.format).value_or(exporting::ExportFormat::Png);
        o.content =
            exporting::exportContentFromName(form.content).value_or(exporting::ExportContent::Plot);
        std::optional<double> scale;
        if (!form.size.isPhysical())
            scale = form.scale;
        auto g = exporting::geometryFor(form.size, scale, form.dpi);
        if (!g)
            return unexpected(g.error());
        o.geometry = g.value();
        o.theme = render::Theme::fromName(form.theme);
        o.theme.fontScale =
            form.fontScale.value_or(exporting::defaultFontScale(o.geometry.logical, o.layout));
        o.caption = form.caption;
        o.title = o.caption ? form.title.trimmed() : QString();
        o.legend = form.legend;
        o.columns = form.columns;
        o.gif = form.gif;
    }
    if (form.kind == ExportKind::Image) {
        r.position = position;
        return r;
    }
    auto epochs = exporting::parseEpochList(form.epochs, r.source->history.latestEpoch().epoch);
    if (!epochs)
        return unexpected(Text::tr("Epochs: %1").arg(epochs.error()));
    r.epochs = epochs.value();
    r.steps = form.kind != ExportKind::Table && form.steps;
    if (form.kind == ExportKind::Storyboard) {
        // Refused here, before the file is chosen: the panels would be too small to read.
        std::size_t panels = 0;
        for (const int e : r.epochs)
            panels += e == 0 || !r.steps ? 1 : std::max<std::size_t>(1, r.source->data.size());
        if (const auto problem = exporting::storyboardProblem(o, panels)) {
            return unexpected(problem->option == u"columns"
                                  ? Text::tr("Columns: %1").arg(problem->message)
                                  : Text::tr("Epochs: %1").arg(problem->message));
        }
    }
    return r;
}

ExportForm formOf(const exporting::ExportRequest& request, ExportKind kind)
{
    ExportForm form;
    form.kind = kind;
    const exporting::ExportOptions& o = request.options;
    form.format = request.table ? name(*request.table) : name(o.format);
    form.content = name(o.content);
    form.epochs = kind == ExportKind::Image ? QStringLiteral("all") : joinEpochs(request.epochs);
    form.steps = request.steps;
    form.size = exporting::SizeSpec{o.geometry.logical.width(), o.geometry.logical.height(),
                                    exporting::SizeSpec::Unit::Pixels};
    form.scale = o.geometry.scale;
    form.dpi = o.geometry.dpi;
    form.theme = o.theme.name;
    form.fontScale = o.theme.fontScale;
    form.caption = o.caption;
    form.title = o.title;
    form.legend = o.legend;
    form.columns = o.columns;
    form.gif = o.gif;
    return form;
}

QString formatLabel(const QString& format)
{
    if (const auto image = exporting::exportFormatFromName(format)) {
        switch (*image) {
        case exporting::ExportFormat::Png:
            return Text::tr("PNG image");
        case exporting::ExportFormat::Svg:
            return Text::tr("SVG drawing");
        case exporting::ExportFormat::Pdf:
            return Text::tr("PDF document");
        case exporting::ExportFormat::Gif:
            return Text::tr("GIF animation");
        }
    }
    if (const auto table = exporting::tableFormatFromName(format)) {
        switch (*table) {
        case exporting::TableFormat::Csv:
            return Text::tr("CSV (spreadsheets)");
        case exporting::TableFormat::Markdown:
            return Text::tr("Markdown");
        case exporting::TableFormat::Latex:
            return Text::tr("LaTeX (booktabs)");
        }
    }
    return format;
}

QString fileFilter(const exporting::ExportRequest& request)
{
    if (request.table) {
        switch (*request.table) {
        case exporting::TableFormat::Csv:
            return Text::tr("CSV tables (*.csv)");
        case exporting::TableFormat::Markdown:
            return Text::tr("Markdown (*.md)");
        case exporting::TableFormat::Latex:
            return Text::tr("LaTeX (*.tex)");
        }
    }
    switch (request.options.format) {
    case exporting::ExportFormat::Png:
        return Text::tr("PNG images (*.png)");
    case exporting::ExportFormat::Svg:
        return Text::tr("SVG drawings (*.svg)");
    case exporting::ExportFormat::Pdf:
        return Text::tr("PDF documents (*.pdf)");
    case exporting::ExportFormat::Gif:
        return Text::tr("GIF animations (*.gif)");
    }
    return {};
}

QString suggestedFileName(const exporting::ExportRequest& request, ExportKind kind)
{
    QString base = !request.source || request.source->name.isEmpty() ? QStringLiteral("perceptron")
                                                                     : request.source->name;
    switch (kind) {
    case ExportKind::Storyboard:
        base += QStringLiteral("-storyboard");
        break;
    case ExportKind::Table:
        base += QStringLiteral("-steps");
        break;
    case ExportKind::Image:
    case ExportKind::Frames:
    case ExportKind::Pages:
    case ExportKind::Animation:
        break;
    }
    const QString suffix = request.table ? exporting::fileExtension(*request.table)
                                         : exporting::fileExtension(request.options.format);
    return base + u'.' + suffix;
}

} // namespace plab::ui
