#include "session/run/race_controller.h"

#include "core/base/error.h"
#include "session/run/race_worker.h"

namespace downhill::ui {

RaceController::RaceController(QObject* parent)
    : QObject(parent), host_(QStringLiteral("downhill-race"), [this] { refresh(); })
{
    qRegisterMetaType<downhill::ui::RaceFrame>();
    host_.relay(&RaceWorker::synced, [this](quint64 token) {
        refresh();
        emit synced(token);
    });
    host_.start();
}

RaceController::~RaceController() = default;

void RaceController::configure(std::vector<std::unique_ptr<core::Trainer>> trainers)
{
    if (trainers.empty() || trainers.size() > static_cast<std::size_t>(kMaxEntrants))
        throw core::InputError("a race has 1 to " + std::to_string(kMaxEntrants) + " entrants, not "
            + std::to_string(trainers.size()));
    pause();
    auto run = std::make_shared<RaceRun>();
    entries_.assign(trainers.size(), Entry{});
    step_ = 0;
    std::vector<RaceJoin> joins;
    for (std::size_t i = 0; i < trainers.size(); ++i)
        joins.push_back(enter(std::move(trainers[i]), entries_[i]));
    run_ = run;
    host_.post([run, joins](RaceWorker& w) { w.configure(run, joins); });
}

RaceJoin RaceController::enter(std::unique_ptr<core::Trainer> trainer, Entry& entry)
{
    entry.entrant = std::make_shared<EntrantFeed>(nextEntrantId_++);
    entry.entrant->buffer.setOnNews([this] { host_.wake(); });
    entry.state = trainer->state();
    entry.divergence.reset();
    return RaceJoin{entry.entrant, std::shared_ptr<core::Trainer>(std::move(trainer))};
}

void RaceController::addEntrant(std::unique_ptr<core::Trainer> trainer)
{
    if (!run_)
        throw core::InputError("no race to add an entrant to");
    if (entries_.size() >= static_cast<std::size_t>(kMaxEntrants))
        throw core::InputError("a race has at most " + std::to_string(kMaxEntrants) + " entrants");
    entries_.emplace_back();
    const RaceJoin joining = enter(std::move(trainer), entries_.back());
    host_.post([joining](RaceWorker& w) { w.join(joining); });
}

void RaceController::replaceEntrant(int entrant, std::unique_ptr<core::Trainer> trainer)
{
    Entry& e = entries_.at(static_cast<std::size_t>(entrant));
    const std::uint64_t old = e.entrant->id;
    const RaceJoin joining = enter(std::move(trainer), e);
    host_.post([old, joining](RaceWorker& w) {
        w.leave(old);
        w.join(joining);
    });
}

void RaceController::removeEntrant(int entrant)
{
    const std::uint64_t id = entrantId(entrant);   // throws for a bad index
    if (entries_.size() == 1) {
        clear();
        return;
    }
    entries_.erase(entries_.begin() + entrant);
    host_.post([id](RaceWorker& w) { w.leave(id); });
}

std::uint64_t RaceController::entrantId(int entrant) const
{
    return entry(entrant).entrant->id;
}

void RaceController::clear()
{
    pause();
    run_.reset();
    entries_.clear();
    step_ = 0;
    host_.post([](RaceWorker& w) { w.clear(); });
}

void RaceController::setPlaying(bool playing)
{
    if (playing_ == playing)
        return;
    playing_ = playing;
    emit playingChanged(playing);
}

void RaceController::play()
{
    if (!run_)
        return;
    host_.playing().store(true);
    setPlaying(true);
    host_.post([](RaceWorker& w) { w.play(); });
}

void RaceController::pause()
{
    host_.playing().store(false);
    setPlaying(false);
}

void RaceController::togglePlay()
{
    if (playing_)
        pause();
    else
        play();
}

void RaceController::stepOnce()
{
    pause();
    host_.post([](RaceWorker& w) { w.stepOnce(); });
}

void RaceController::reset()
{
    for (Entry& e : entries_)
        e.divergence.reset();
    host_.post([](RaceWorker& w) { w.reset(); });
}

void RaceController::setSpeed(double stepsPerSecond)
{
    host_.post([stepsPerSecond](RaceWorker& w) { w.setSpeed(stepsPerSecond); });
}

void RaceController::setFrameInterval(int milliseconds)
{
    host_.setFrameInterval(milliseconds);
}

quint64 RaceController::sync()
{
    const quint64 token = ++nextToken_;
    host_.post([token](RaceWorker& w) { w.sync(token); });
    return token;
}

void RaceController::refresh()
{
    if (!run_)
        return;
    RaceFrame out;
    bool any = false;
    {
        const std::lock_guard lock(run_->handover);
        out.step = run_->step;
        for (const Entry& e : entries_) {
            out.ids.push_back(e.entrant->id);
            out.entrants.push_back(e.entrant->buffer.take());
            any = any || !out.entrants.back().empty();
        }
    }
    if (!any)
        return;
    step_ = out.step;
    bool allDiverged = true;
    for (std::size_t i = 0; i < out.entrants.size(); ++i) {
        const Snapshot& s = out.entrants[i];
        Entry& e = entries_[i];
        if (s.hasState)
            e.state = s.state;
        if (s.restarted)
            e.divergence.reset();
        if (s.divergence)
            e.divergence = s.divergence;
        allDiverged = allDiverged && e.divergence.has_value();
    }
    // Every entrant diverged: the worker stopped itself. It clears the flag before it
    // publishes the last divergence, so the flag alone would stop the race in a frame that
    // does not show why yet (and the frame that does would come to a stopped race).
    if (playing_ && allDiverged && !host_.playing().load())
        setPlaying(false);
    emit frame(out);
}

}  // namespace downhill::ui
