#include "records.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <utility>

namespace plab::learning {

namespace {

constexpr std::array<std::pair<TrainingStatus, std::string_view>, 5> kStatuses{{
    {TrainingStatus::Running, "running"},
    {TrainingStatus::Converged, "converged"},
    {TrainingStatus::EpochLimit, "epoch-limit"},
    {TrainingStatus::Diverged, "diverged"},
    {TrainingStatus::Cycle, "cycle"},
}};

template <typename Derived>
bool identicalBits(const Eigen::DenseBase<Derived>& a, const Eigen::DenseBase<Derived>& b)
{
    if (a.rows() != b.rows() || a.cols() != b.cols())
        return false;
    for (Eigen::Index i = 0; i < a.size(); ++i) {
        if (!learning::identical(a.derived().data()[i], b.derived().data()[i]))
            return false;
    }
    return true;
}

bool identicalTraces(const std::optional<SampleTrace>& a, const std::optional<SampleTrace>& b)
{
    if (a.has_value() != b.has_value())
        return false;
    if (!a)
        return true;
    if (!identicalBits(a->input, b->input) || !identicalBits(a->probabilities, b->probabilities) ||
        a->target != b->target || !learning::identical(a->x, b->x) ||
        a->decision.cls != b->decision.cls ||
        !learning::identical(a->decision.confidence, b->decision.confidence) ||
        !learning::identical(a->loss, b->loss) || a->layers.size() != b->layers.size())
        return false;
    for (std::size_t l = 0; l < a->layers.size(); ++l) {
        const LayerTrace& p = a->layers[l];
        const LayerTrace& q = b->layers[l];
        if (!identicalBits(p.net, q.net) || !identicalBits(p.activation, q.activation) ||
            !identicalBits(p.delta, q.delta) || !identicalBits(p.gradW, q.gradW) ||
            !identicalBits(p.gradB, q.gradB))
            return false;
    }
    return true;
}

} // namespace

std::string_view name(TrainingStatus s)
{
    for (const auto& [v, n] : kStatuses) {
        if (v == s)
            return n;
    }
    return {};
}

std::optional<TrainingStatus> trainingStatusFromName(std::string_view n)
{
    for (const auto& [v, name] : kStatuses) {
        if (name == n)
            return v;
    }
    return std::nullopt;
}

bool identical(double a, double b)
{
    return std::bit_cast<std::uint64_t>(a) == std::bit_cast<std::uint64_t>(b);
}

bool identical(const Eigen::Vector2d& a, const Eigen::Vector2d& b)
{
    return identical(a.x(), b.x()) && identical(a.y(), b.y());
}

bool identical(const LinearModel& a, const LinearModel& b)
{
    return identical(a.w, b.w) && identical(a.b, b.b);
}

bool identical(const SmallVector& a, const SmallVector& b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                              [](double x, double y) { return identical(x, y); });
}

bool identical(const TrainerState& a, const TrainerState& b)
{
    return a.status == b.status && a.epoch == b.epoch && a.position == b.position &&
           identical(a.working, b.working) && a.updatesInEpoch == b.updatesInEpoch &&
           identical(a.batchGradient, b.batchGradient) && identical(a.largestStep, b.largestStep) &&
           identical(a.pocket, b.pocket) && a.pocketCorrect == b.pocketCorrect &&
           a.pocketRun == b.pocketRun && a.run == b.run && identical(a.averageSum, b.averageSum) &&
           a.avgCount == b.avgCount && identical(a.anchor, b.anchor) &&
           a.anchorEpoch == b.anchorEpoch && a.anchorSpan == b.anchorSpan &&
           a.cyclePeriod == b.cyclePeriod && identical(a.cycleSwing, b.cycleSwing) &&
           a.totalUpdates == b.totalUpdates;
}

bool identical(const StepRecord& a, const StepRecord& b)
{
    return a.epoch == b.epoch && a.visit == b.visit && a.index == b.index && identical(a.x, b.x) &&
           a.target == b.target && identical(a.net, b.net) && a.output == b.output &&
           identical(a.error, b.error) && identical(a.learningRate, b.learningRate) &&
           a.updated == b.updated && identical(a.deltaW, b.deltaW) &&
           identical(a.deltaB, b.deltaB) && identical(a.before, b.before) &&
           identical(a.after, b.after) && identical(a.scores, b.scores) &&
           identical(a.unitErrors, b.unitErrors) &&
           identical(a.parametersBefore, b.parametersBefore) &&
           identical(a.parametersAfter, b.parametersAfter) && identical(a.change, b.change) &&
           identicalTraces(a.trace, b.trace) && a.batchFill == b.batchFill &&
           identical(a.state, b.state);
}

bool identical(const EpochSnapshot& a, const EpochSnapshot& b)
{
    return a.epoch == b.epoch && identical(a.model, b.model) && a.errors == b.errors &&
           identical(a.loss, b.loss) && identical(a.accuracy, b.accuracy) &&
           a.updates == b.updates && identical(a.learningRate, b.learningRate) &&
           a.status == b.status && identical(a.parameters, b.parameters) &&
           a.classErrors == b.classErrors && identical(a.state, b.state);
}

} // namespace plab::learning
