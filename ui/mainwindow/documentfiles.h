#pragma once

#include "io/project.h"
#include "learning/dataset.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>

class QMenu;
class QWidget;

namespace plab::editor {
class Document;
class Playback;
} // namespace plab::editor

namespace plab::ui {

/// The questions and messages the window puts to the user, behind one seam so tests (and
/// scripted demos) can answer them without modal dialogs. The default, DialogPrompts, uses
/// QMessageBox and QFileDialog.
class UserPrompts
{
public:
    enum class SaveChoice
    {
        Save,
        Discard,
        Cancel
    };

    virtual ~UserPrompts() = default;
    /// A file could not be read or written; \p text names the file and the problem.
    virtual void showError(QWidget* parent, const QString& title, const QString& text) = 0;
    /// \p documentName has unsaved changes: save them first?
    virtual SaveChoice askToSave(QWidget* parent, const QString& documentName) = 0;
    /// A file to open or to save to; empty when the user cancelled.
    virtual QString openFileName(QWidget* parent, const QString& caption, const QString& dir,
                                 const QString& filter) = 0;
    virtual QString saveFileName(QWidget* parent, const QString& caption, const QString& dir,
                                 const QString& filter) = 0;
};

/// UserPrompts with the platform's dialogs.
class DialogPrompts : public UserPrompts
{
public:
    void showError(QWidget* parent, const QString& title, const QString& text) override;
    SaveChoice askToSave(QWidget* parent, const QString& documentName) override;
    QString openFileName(QWidget* parent, const QString& caption, const QString& dir,
                         const QString& filter) override;
    QString saveFileName(QWidget* parent, const QString& caption, const QString& dir,
                         const QString& filter) override;
};

/// The document's files: New, Open (projects and data sets), Save, Save As, the points as CSV,
/// the recent files and the folders last used (QSettings "recentFiles", "files/lastDirectory",
/// "files/lastSaveDirectory"),
/// and the question about unsaved changes before anything would lose them. It asks and reports
/// through the UserPrompts (dialogs over \p window), and says what it did with message().
class DocumentFiles : public QObject
{
    Q_OBJECT

public:
    /// Works on \p document (not owned); a saved project holds \p playback's shown epoch and an
    /// opened one goes back to it.
    DocumentFiles(QWidget* window, editor::Document* document, editor::Playback* playback);
    ~DocumentFiles() override;

    /// Replaces how the files ask and report (tests install a scripted one); nullptr is ignored.
    void setPrompts(std::unique_ptr<UserPrompts> prompts);
    [[nodiscard]] UserPrompts& prompts() const { return *m_prompts; }

    /// Opens \p path: a project (JSON) replaces the document (after asking about unsaved
    /// changes); a data set (CSV) replaces the points of the current project as one undo step,
    /// or starts a fresh, unmodified project when there is nothing to undo to. On any problem the
    /// document is left untouched, the error is reported through the prompts and false is
    /// returned.
    bool openFile(const QString& path);
    /// Saves the project to \p path (atomically) and makes it the document's file.
    bool saveProjectAs(const QString& path);
    /// Writes the points to \p path as CSV.
    bool saveDataSetAs(const QString& path);
    /// Asks about unsaved changes (and saves when asked to); false when the user cancelled.
    bool maybeSave();
    /// What the window's title and the questions call the document: its project file's name,
    /// "Untitled (points from xor.csv)" after a data set was opened without a project file, or
    /// "Untitled".
    [[nodiscard]] QString documentName() const;

    /// The files opened or saved last, newest first (at most kMaxRecentFiles, absolute paths).
    [[nodiscard]] static QStringList recentFiles();
    static constexpr int kMaxRecentFiles = 8;
    /// Fills \p menu with the recent files (each opens its file), or says there are none, and a
    /// Clear Menu entry.
    void fillRecentMenu(QMenu* menu);

    /// The view a newly opened or generated data set gets: all points, with room around a
    /// handful of them (the logic gates) for the boundary and the weight vector.
    [[nodiscard]] static io::ViewBox framing(const learning::Dataset& data);

public Q_SLOTS:
    /// An empty document with the settings last used (after asking about unsaved changes).
    void newDocument();
    void openDialog();
    void openDataSetDialog();
    /// Saves to the document's file, or asks for one.
    bool save();
    bool saveAsDialog();
    void saveDataSetDialog();

Q_SIGNALS:
    /// What was done ("Opened and.json"), for the status bar.
    void message(const QString& text);

private:
    bool openProject(const QString& path);
    bool openDataSet(const QString& path);
    void addRecentFile(const QString& path);
    [[nodiscard]] static QString lastDirectory();
    static void rememberDirectory(const QString& path);
    static void rememberSaveDirectory(const QString& path);
    /// Where Save dialogs open: the folder last opened from or saved to when it can be written
    /// and is not the installed examples, else the folder last saved to, else Documents (or the
    /// home folder when there is none).
    [[nodiscard]] static QString saveDirectory();

    QWidget* m_window;
    editor::Document* m_document;
    editor::Playback* m_playback;
    std::unique_ptr<UserPrompts> m_prompts;
};

} // namespace plab::ui
