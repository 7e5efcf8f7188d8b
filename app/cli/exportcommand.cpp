#include "app/cli/exportcommand.h"

#include "app/cli/traincommand.h"
#include "export/exporter.h"
#include "export/tablewriter.h"
#include "i18n/language.h"
#include "io/datasetfile.h"
#include "io/outputfile.h"
#include "io/projectfile.h"
#include "io/textfile.h"
#include "io/validationtext.h"
#include "render/viewtransform.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QTextStream>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <pthread.h>
#include <thread>
#include <unistd.h>

namespace plab::cli {

namespace {

/// The translation context of this file's texts (lupdate reads the name from the macro).
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(plab::cli::ExportCommand)
};

/// An export records every epoch (about 310 bytes each) before it draws.
constexpr int kMaxExportEpochs = 1'000'000;

unexpected<QString> failed(const QString& message)
{
    return unexpected(message);
}

QString optionError(const QString& option, const QString& message)
{
    return QStringLiteral("--%1: %2").arg(option, message);
}

/// Why \p output may not be written: it is an input file, the data or project or the --init
/// layers (by identity: links, hard links and /proc/self/cwd paths are seen through).
std::optional<QString> outputConflict(const QString& output, const TrainOptions& options)
{
    const bool fromProject = !options.projectFile.isEmpty();
    const QString input = fromProject ? options.projectFile : options.dataFile;
    const QString inputOption =
        fromProject ? QStringLiteral("--project") : QStringLiteral("--data");
    for (const auto& [option, path] :
         {std::pair{inputOption, input}, std::pair{QStringLiteral("--init"), options.initFile}}) {
        if (output != u"-" && !path.isEmpty() && path != u"-" && io::sameFile(output, path)) {
            return Text::tr("--out %1 is the same file as %2 %3: an output never replaces an "
                            "input")
                .arg(output, option, path);
        }
    }
    return std::nullopt;
}

/// \p text with control characters made visible, for one-line messages.
QString oneLine(QString text)
{
    for (QChar& c : text)
        if (c.category() == QChar::Other_Control)
            c = u'?';
    return text;
}

render::Theme themeNamed(const QString& name)
{
    if (name == u"dark")
        return render::Theme::dark();
    if (name == u"print")
        return render::Theme::print();
    if (name == u"contrast")
        return render::Theme::highContrast();
    return render::Theme::light();
}

} // namespace

Result<QStringList, QString> runExport(const ExportArguments& a, QIODevice& standardOutput)
{
    // The input, exactly as `train` reads it.
    const TrainOptions& options = a.training;
    // The file --out names (a frame series is checked again below, frame by frame); before
    // anything is read, since a pipe or standard input cannot be read twice.
    if (const auto conflict = outputConflict(a.out, options))
        return failed(*conflict);
    Result<TrainingInput, QString> read = readTrainingInput(options, InputUse::Show);
    if (!read)
        return failed(read.error());
    TrainingInput& in = *read;
    // Every model is drawn; the tables hold the classic model's or a network's numbers.
    const learning::ModelShape shape = learning::modelShape(in.settings);
    if (!a.table.isEmpty() && !exporting::TableWriter::isSupported(shape)) {
        return failed(optionError(
            QStringLiteral("table"),
            Text::tr("%1: export writes worked-example tables of the two-class linear model on "
                     "x1, x2 and of networks, and this run is %2 with %3 classes")
                .arg(in.name, QString::fromStdString(shape.description()))
                .arg(shape.classes)));
    }
    if (in.settings.maxEpochs > kMaxExportEpochs) {
        return failed(
            optionError(QStringLiteral("max-epochs"),
                        Text::tr("an export records every epoch: the epoch limit must be at "
                                 "most %1, found %2")
                            .arg(kMaxExportEpochs)
                            .arg(in.settings.maxEpochs)));
    }

    // What to write.
    exporting::ExportRequest request;
    exporting::ExportOptions& o = request.options;
    request.path = a.out;
    if (!a.table.isEmpty()) {
        request.table = exporting::tableFormatFromName(a.table);
    } else {
        // The file's name says what it holds: a format that contradicts it is refused, never
        // written under the wrong name (a folder for frames has no format of its own).
        const QFileInfo outInfo(a.out);
        const QString suffix = outInfo.isDir() ? QString() : outInfo.suffix().toLower();
        const auto fromName = exporting::exportFormatFromName(suffix);
        if (!a.format.isEmpty()) {
            o.format = *exporting::exportFormatFromName(a.format);
            if (!suffix.isEmpty() && fromName != o.format) {
                return failed(optionError(
                    QStringLiteral("format"),
                    Text::tr("--format %1 does not match --out %2: name the file .%1, or leave "
                             "out --format to take the format from the name")
                        .arg(a.format, oneLine(a.out))));
            }
        } else if (fromName) {
            o.format = *fromName;
        } else if (!suffix.isEmpty()) {
            return failed(optionError(
                QStringLiteral("out"),
                Text::tr("%1: export writes png, svg, pdf and gif, not .%2; name the file after "
                         "one of them")
                    .arg(oneLine(a.out), oneLine(suffix))));
        } else if (a.layout == u"pages")
            o.format = exporting::ExportFormat::Pdf;
        if (o.format == exporting::ExportFormat::Gif) {
            if (!a.layout.isEmpty() && a.layout != u"frames") {
                return failed(optionError(QStringLiteral("layout"),
                                          Text::tr("a gif is an animation of the frames: leave out "
                                                   "--layout")));
            }
            o.layout = exporting::ExportLayout::Animation;
        } else if (!a.layout.isEmpty()) {
            o.layout = *exporting::exportLayoutFromName(a.layout);
        }
        if (!exporting::isCompatible(o.format, o.layout)) {
            return failed(
                optionError(QStringLiteral("format"),
                            Text::tr("the %1 layout cannot be written as %2 (single, "
                                     "storyboard and frames: png, svg or pdf; pages: pdf)")
                                .arg(exporting::name(o.layout), exporting::name(o.format))));
        }
        if (!a.chart.isEmpty())
            o.content = *exporting::exportContentFromName(a.chart); // checked by the parser
        if (a.scale && (o.format == exporting::ExportFormat::Svg ||
                        o.format == exporting::ExportFormat::Pdf)) {
            return failed(optionError(
                QStringLiteral("scale"),
                Text::tr("%1 is drawn at --size (a PDF's resolution is --dpi): the pixels per "
                         "layout pixel are for png and gif")
                    .arg(exporting::name(o.format))));
        }

        const QString sizeText = !a.size.isEmpty() ? a.size
                                 : o.format == exporting::ExportFormat::Gif
                                     ? QStringLiteral("960x540")
                                     : QStringLiteral("1920x1080");
        const auto size = exporting::parseSizeSpec(sizeText);
        if (!size)
            return failed(optionError(QStringLiteral("size"), oneLine(size.error())));
        const auto geometry = exporting::geometryFor(size.value(), a.scale, a.dpi);
        if (!geometry)
            return failed(optionError(QStringLiteral("size"), geometry.error()));
        o.geometry = geometry.value();
        o.theme = themeNamed(a.theme);
        o.theme.fontScale =
            a.fontScale.value_or(exporting::defaultFontScale(o.geometry.logical, o.layout));
        o.caption = a.caption;
        o.title = a.title;
        o.legend = a.legend;
        o.columns = a.columns.value_or(0);
        if (a.delayMs)
            o.gif.frameDelayMs = *a.delayMs;
        if (a.pauseMs)
            o.gif.lastFramePauseMs = *a.pauseMs;
        if (a.loop)
            o.gif.loopCount = *a.loop;
    }

    // Train, then choose the epochs.
    const io::ViewBox shown = in.view ? *in.view : io::fitToData(in.data);
    auto source = std::make_shared<exporting::ExportSource>(
        exporting::trainedSource(std::move(in.data), in.settings, shown));
    source->name = QFileInfo(in.name).fileName();
    const int lastEpoch = source->history.latestEpoch().epoch;
    if (a.epochs.isEmpty()) {
        if (!request.table && o.layout == exporting::ExportLayout::Single)
            request.epochs = {lastEpoch};
        else if (!request.table && o.layout == exporting::ExportLayout::Storyboard)
            request.epochs = exporting::storyboardEpochs(lastEpoch);
        else
            for (int e = 0; e <= lastEpoch; ++e)
                request.epochs.push_back(e);
    } else {
        auto epochs = exporting::parseEpochList(a.epochs, lastEpoch);
        if (!epochs)
            return failed(optionError(QStringLiteral("epochs"), oneLine(epochs.error())));
        request.epochs = epochs.value();
    }
    request.steps = a.steps;
    // Epoch 0 is the start, before any visit: a table of it alone would be a header and no row.
    if (request.table &&
        std::ranges::all_of(request.epochs, [](int epoch) { return epoch == 0; })) {
        return failed(optionError(QStringLiteral("epochs"),
                                  Text::tr("a table lists the sample visits of epochs 1 to %1, "
                                           "and epoch 0 (the start) has none: choose some of "
                                           "them (e.g. --epochs 1 or all)")
                                      .arg(lastEpoch)));
    }
    request.source = std::move(source);

    if (request.table && a.out == u"-") {
        auto table = exporting::renderTable(request, *request.table);
        if (!table)
            return failed(table.error());
        io::OutputFile out(standardOutput, Text::tr("standard output"));
        std::optional<io::SaveError> error = out.write(table.value());
        if (!error)
            error = out.commit();
        if (error)
            return failed(error->toString());
        return QStringList();
    }
    if (!request.table && o.layout == exporting::ExportLayout::Frames) {
        auto frames = exporting::framesFor(request);
        if (frames) {
            const QStringList paths =
                exporting::framePaths(a.out, *frames, o.format, request.source->data.size());
            for (const QString& path : paths) {
                if (const auto conflict = outputConflict(path, options))
                    return failed(*conflict);
            }
        }
    }
    // A still shows one frame: say which option chose more (the export library cannot name it).
    if (!request.table && o.layout == exporting::ExportLayout::Single) {
        if (auto frames = exporting::framesFor(request); frames && frames->size() != 1) {
            return failed(optionError(
                a.steps ? QStringLiteral("steps") : QStringLiteral("epochs"),
                Text::tr("a single image shows one frame, but %1 were chosen: choose one epoch "
                         "(--epochs N, without --steps), or a --layout of storyboard, frames or "
                         "pages")
                    .arg(frames->size())));
        }
    }
    request.pipeReader = io::OutputFile::PipeReader::Wait;
    const exporting::ExportResult result = exporting::runExport(request);
    if (result.error)
        return failed(*result.error);
    return result.files;
}

namespace {

/// Qt's own notes (a missing runtime folder, font fallbacks) are not the user's business here:
/// the export reports its problems itself, as one line. Critical messages still get through.
void quietMessages(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    if (type == QtCriticalMsg || type == QtFatalMsg)
        QTextStream(stderr) << qFormatLogMessage(type, context, message) << '\n';
}

} // namespace

namespace {

/// Ctrl+C (SIGINT) or SIGTERM during an export: numbered frames are staged in a hidden folder
/// beside them (".perceptron-lab-export-XXXXXX", export/exporter.cpp), which the default action
/// of the signal would leave behind. While this lives, those signals are blocked in every thread
/// started after it (make it first), and a watcher thread waits for them: it removes the staging
/// folders that appeared in the output's folder since, then ends the process by the same signal.
class InterruptCleanup
{
public:
    explicit InterruptCleanup(const QString& out)
    {
        if (!out.isEmpty() && out != u"-") {
            const QFileInfo info(out);
            m_folder = info.isDir() ? info.absoluteFilePath() : info.absolutePath();
            m_before = staging();
        }
        sigemptyset(&m_signals);
        for (const int signal : {SIGINT, SIGTERM, kDone})
            sigaddset(&m_signals, signal);
        pthread_sigmask(SIG_BLOCK, &m_signals, &m_previous);
        m_watcher = std::thread([this] { watch(); });
    }
    InterruptCleanup(const InterruptCleanup&) = delete;
    InterruptCleanup& operator=(const InterruptCleanup&) = delete;
    ~InterruptCleanup()
    {
        pthread_kill(m_watcher.native_handle(), kDone);
        m_watcher.join();
        pthread_sigmask(SIG_SETMASK, &m_previous, nullptr);
    }

private:
    static constexpr int kDone = SIGUSR1; ///< the watcher's own "the export is over"

    [[nodiscard]] QStringList staging() const
    {
        return QDir(m_folder).entryList({QStringLiteral(".perceptron-lab-export-*")},
                                        QDir::Dirs | QDir::Hidden | QDir::NoDotAndDotDot);
    }

    void watch()
    {
        int received = 0;
        if (sigwait(&m_signals, &received) != 0 || received == kDone)
            return;
        if (!m_folder.isEmpty()) {
            for (const QString& name : staging()) {
                if (!m_before.contains(name))
                    QDir(QDir(m_folder).filePath(name)).removeRecursively();
            }
        }
        // The signal's own ending (status 128 + signal in a shell), as without this class.
        std::signal(received, SIG_DFL);
        sigset_t only;
        sigemptyset(&only);
        sigaddset(&only, received);
        pthread_sigmask(SIG_UNBLOCK, &only, nullptr);
        pthread_kill(pthread_self(), received);
        _exit(128 + received);
    }

    QString m_folder;
    QStringList m_before;
    sigset_t m_signals{};
    sigset_t m_previous{};
    std::thread m_watcher;
};

} // namespace

int exportMain(int argc, char** argv, const ExportArguments& arguments)
{
    const InterruptCleanup cleanup(arguments.out);
    qInstallMessageHandler(quietMessages);
    // Painting needs a QGuiApplication (fonts), which needs a platform: without a display the
    // offscreen one, which renders text with the system's fonts through fontconfig all the same.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY") &&
        qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    i18n::installTranslations(i18n::systemLanguage());
    // Unbuffered: every write reaches the operating system at once, so its error is seen there.
    QFile standardOutput;
    if (!standardOutput.open(STDOUT_FILENO, QIODevice::WriteOnly | QIODevice::Unbuffered,
                             QFileDevice::DontCloseHandle)) {
        QTextStream(stderr) << QStringLiteral("perceptron-lab: ")
                            << Text::tr("standard output: %1").arg(standardOutput.errorString())
                            << '\n';
        return 2;
    }
    const Result<QStringList, QString> written = runExport(arguments, standardOutput);
    standardOutput.close();
    if (!written) {
        QString line = written.error();
        line.replace(u'\n', u' ');
        // File names and titles come from the user: escape sequences are shown, not obeyed.
        QTextStream(stderr) << QStringLiteral("perceptron-lab: ") << io::printable(line) << '\n';
        return 2;
    }
    return 0;
}

} // namespace plab::cli
