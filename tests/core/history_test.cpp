#include "learning/history.h"

#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <vector>

namespace plab::learning {
namespace {

// Events are written as a script: 's' is a sample visit, 'e' closes an epoch. The event at
// position p (p >= 1) carries p in its numbers so every lookup can be traced back to one event:
// a step has before.b = -p and after.b = p, an epoch has model.b = p and state.working.b = 100 + p
// (different on purpose: for the pocket and averaged rules the shown model is not the working
// weights).
TrainingEvent makeEvent(char kind, int position, int epoch)
{
    if (kind == 's') {
        StepRecord step;
        step.epoch = epoch + 1;
        step.before.b = -position;
        step.after.b = position;
        step.state.working.b = position;
        return step;
    }
    EpochSnapshot snapshot;
    snapshot.epoch = epoch;
    snapshot.model.b = position;
    snapshot.state.working.b = 100 + position;
    snapshot.state.epoch = epoch;
    return snapshot;
}

std::vector<TrainingEvent> script(const std::string& text, int firstPosition = 1,
                                  int epochsBefore = 0)
{
    std::vector<TrainingEvent> events;
    int epoch = epochsBefore;
    int position = firstPosition;
    for (char c : text) {
        if (c == 'e')
            ++epoch;
        events.push_back(makeEvent(c, position++, epoch));
    }
    return events;
}

EpochSnapshot initialSnapshot()
{
    EpochSnapshot initial;
    initial.model.b = 0.0;
    initial.state.working.b = 100.0;
    return initial;
}

struct LookupCase
{
    std::string name;
    std::string events;
    std::string kinds;                  // per position: 'e' epoch or 's' step ('e' for 0)
    std::vector<int> latestEpoch;       // latestEpochAt(p).epoch for each position
    std::vector<std::size_t> epochEnds; // epochPositions()
    std::vector<double> shownBias;      // modelAt(p).b
    std::vector<double> resumeBias;     // stateAt(p).working.b
};

// Keeps CTest's test names readable (GoogleTest would print the bytes of the struct).
void PrintTo(const LookupCase& c, std::ostream* os)
{
    *os << c.name;
}

class HistoryLookup : public ::testing::TestWithParam<LookupCase>
{};

TEST_P(HistoryLookup, PositionsMapToTheRecordedEvents)
{
    const LookupCase& c = GetParam();
    History history(initialSnapshot());
    history.append(script(c.events));

    ASSERT_EQ(history.size(), c.kinds.size());
    EXPECT_EQ(history.lastPosition(), c.kinds.size() - 1);
    EXPECT_EQ(history.epochPositions(), c.epochEnds);
    EXPECT_EQ(history.epochs().size(), c.epochEnds.size());
    for (std::size_t p = 0; p < history.size(); ++p) {
        SCOPED_TRACE(p);
        const bool step = c.kinds[p] == 's';
        EXPECT_EQ(history.isStep(p), step);
        EXPECT_EQ(history.stepAt(p) != nullptr, step);
        EXPECT_EQ(history.epochAt(p) != nullptr, !step);
        EXPECT_EQ(history.latestEpochAt(p).epoch, c.latestEpoch[p]);
        EXPECT_EQ(history.modelAt(p).b, c.shownBias[p]);
        EXPECT_EQ(history.stateAt(p).working.b, c.resumeBias[p]);
        if (step) {
            EXPECT_EQ(history.stepAt(p)->before.b, -double(p));
            EXPECT_EQ(history.stepAt(p)->after.b, double(p));
        }
    }
}

INSTANTIATE_TEST_SUITE_P(
    Table, HistoryLookup,
    ::testing::Values(
        LookupCase{"InitialOnly", "", "e", {0}, {0}, {0}, {100}},
        LookupCase{"EpochsOnly",
                   "eee",
                   "eeee",
                   {0, 1, 2, 3},
                   {0, 1, 2, 3},
                   {0, 1, 2, 3},
                   {100, 101, 102, 103}},
        LookupCase{
            "StepsThenEpoch", "sse", "esse", {0, 0, 0, 1}, {0, 3}, {0, 1, 2, 3}, {100, 1, 2, 103}},
        LookupCase{
            "EpochThenSteps", "ess", "eess", {0, 1, 1, 1}, {0, 1}, {0, 1, 2, 3}, {100, 101, 2, 3}},
        LookupCase{"Interleaved",
                   "sesse",
                   "esesse",
                   {0, 0, 1, 1, 1, 2},
                   {0, 2, 5},
                   {0, 1, 2, 3, 4, 5},
                   {100, 1, 102, 3, 4, 105}}),
    [](const ::testing::TestParamInfo<LookupCase>& info) { return info.param.name; });

struct TruncateCase
{
    std::string name;
    std::string events;
    std::size_t keepUpTo;
    std::size_t sizeAfter;
    std::vector<std::size_t> epochEndsAfter;
    int epochsKept; // latestEpoch().epoch after truncating
};

void PrintTo(const TruncateCase& c, std::ostream* os)
{
    *os << c.name;
}

class HistoryTruncate : public ::testing::TestWithParam<TruncateCase>
{};

TEST_P(HistoryTruncate, ForkKeepsThePrefixAndAppendsAfterIt)
{
    const TruncateCase& c = GetParam();
    History history(initialSnapshot());
    history.append(script(c.events));
    history.truncateAfter(c.keepUpTo);

    ASSERT_EQ(history.size(), c.sizeAfter);
    EXPECT_EQ(history.epochPositions(), c.epochEndsAfter);
    EXPECT_EQ(history.latestEpoch().epoch, c.epochsKept);
    // Everything kept still answers as before (the event at position p carries p).
    for (std::size_t p = 0; p < history.size(); ++p)
        EXPECT_EQ(history.modelAt(p).b, double(p)) << p;

    // The fork continues: one step and one epoch land right after the kept prefix.
    const std::size_t next = history.size();
    history.append(script("se", int(next), c.epochsKept));
    ASSERT_EQ(history.size(), next + 2);
    EXPECT_TRUE(history.isStep(next));
    EXPECT_EQ(history.stepAt(next)->after.b, double(next));
    EXPECT_EQ(history.epochPositions().back(), next + 1);
    EXPECT_EQ(history.latestEpoch().epoch, c.epochsKept + 1);
    EXPECT_EQ(history.latestEpochAt(next).epoch, c.epochsKept);
}

INSTANTIATE_TEST_SUITE_P(
    Table, HistoryTruncate,
    ::testing::Values(TruncateCase{"ToInitial", "eese", 0, 1, {0}, 0},
                      TruncateCase{"AtAnEpoch", "eese", 2, 3, {0, 1, 2}, 2},
                      TruncateCase{"AtAStep", "eese", 3, 4, {0, 1, 2}, 2},
                      TruncateCase{"InsideSteps", "sssee", 2, 3, {0}, 0},
                      TruncateCase{"AtTheEndIsANoOp", "eese", 4, 5, {0, 1, 2, 4}, 3},
                      TruncateCase{"BeyondTheEndIsANoOp", "es", 9, 3, {0, 1}, 1}),
    [](const ::testing::TestParamInfo<TruncateCase>& info) { return info.param.name; });

TEST(History, RestartForgetsTheOldRun)
{
    History history(initialSnapshot());
    history.append(script("sese"));
    EpochSnapshot fresh;
    fresh.model.b = 42.0;
    history.restart(fresh);
    ASSERT_EQ(history.size(), 1u);
    EXPECT_EQ(history.modelAt(0).b, 42.0);
    EXPECT_EQ(history.epochPositions(), std::vector<std::size_t>{0});
}

TEST(History, PositionOfEpoch)
{
    History history(initialSnapshot());
    history.append(script("sesse"));
    EXPECT_EQ(history.positionOfEpoch(0), 0u);
    EXPECT_EQ(history.positionOfEpoch(1), 2u);
    EXPECT_EQ(history.positionOfEpoch(2), 5u);
    EXPECT_EQ(history.positionOfEpoch(3), std::nullopt);
    EXPECT_EQ(history.positionOfEpoch(-1), std::nullopt);
}

TEST(History, HundredThousandEpochs)
{
    constexpr int kEpochs = 100'000;
    History history(initialSnapshot());
    for (int e = 1; e <= kEpochs; ++e)
        history.append(makeEvent('e', e, e));
    ASSERT_EQ(history.size(), std::size_t(kEpochs) + 1);
    EXPECT_EQ(history.positionOfEpoch(54'321), 54'321u);
    EXPECT_EQ(history.latestEpochAt(77'777).model.b, 77'777.0);
    history.truncateAfter(50'000);
    EXPECT_EQ(history.latestEpoch().epoch, 50'000);
}

} // namespace
} // namespace plab::learning
