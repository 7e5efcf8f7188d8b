#pragma once

#include "io/loaderror.h"
#include "io/project.h"
#include "io/textfile.h"
#include "learning/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>

namespace plab::io {

/// \file
/// Projects as JSON (format "perceptron-lab", version 1; the schema is in docs/file-formats.md):
///
///     {
///       "format": "perceptron-lab",
///       "version": 1,
///       "settings": {"rule": "perceptron", "learningRate": 1, "maxEpochs": 100, ...},
///       "view": {"xMin": -0.5, "xMax": 1.5, "yMin": -0.5, "yMax": 1.5},
///       "epoch": 3,
///       "points": [{"x1": 0, "x2": 0, "label": 0}, ...]
///     }
///
/// Numbers are written in the shortest form that reads back as the same double (negative zero
/// as -0.0); the seed, an unsigned 64-bit integer, is written as a decimal string because many
/// JSON tools keep only 53 bits of a number.

/// Version 2 adds the model to "settings" (docs/file-formats.md, "Version 2"): "model", "classes",
/// "features", "multiclass", "hidden", "activation", "batch" and, for given initial weights of
/// any model, "layers" (layersfile.h); points may then have the labels 0 ... 7 (below "classes").
/// A project whose model is the classic one (learning::ModelShape::isClassic() with the default
/// model settings) is written as version 1, byte for byte as before; any other as version 2.
///
/// Version 3 adds "stopRule" (the perceptron family's stop rule, settingsfields.h): projects of
/// versions 1 and 2 were made when the only rule was "zero-errors", and open with it, so they
/// reproduce what they recorded. A project with the rule "mistake-free-pass" (the default since)
/// is written as version 3, with the model keys of version 2; one with "zero-errors" as before.

/// The format name and the newest version this build reads and writes.
inline constexpr char kProjectFormatName[] = "perceptron-lab";
inline constexpr int kProjectFormatVersion = 3;

/// The version projectJsonText() writes for \p settings: 3 for the stop rule
/// "mistake-free-pass", else 1 for the classic model with the default model settings, 2
/// otherwise.
[[nodiscard]] int projectVersionFor(const learning::TrainingSettings& settings);

/// Reads a project file. Everything is checked (format name, version, types, enum names, ranges
/// with learning::validate(), the view, every point); the error names the file, the line and the
/// JSON path ("settings.learningRate", "points[3].x1") of the first problem. \p streams says
/// whether pipes, devices and "-" (standard input) are read too (textfile.h).
[[nodiscard]] Result<Project, LoadError> readProject(const QString& path,
                                                     Streams streams = Streams::Refuse);

/// As readProject() for text already in memory; \p fileName is only used in messages.
[[nodiscard]] Result<Project, LoadError> readProjectText(QByteArrayView text,
                                                         const QString& fileName);

/// Why \p project cannot be saved so that it reads back (translated), or nothing.
[[nodiscard]] std::optional<QString> projectWriteProblem(const Project& project);

/// The JSON text of \p project, one point per line. Precondition: !projectWriteProblem(project).
[[nodiscard]] QByteArray projectJsonText(const Project& project);

/// Writes \p project to \p path atomically. On error the previous file is intact.
[[nodiscard]] std::optional<SaveError> writeProject(const Project& project, const QString& path);

} // namespace plab::io
