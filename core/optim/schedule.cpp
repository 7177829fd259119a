#include "core/optim/schedule.h"

#include <charconv>
#include <cstdint>
#include <limits>
#include <cmath>
#include <numbers>
#include <sstream>
#include <vector>

#include "core/base/error.h"

namespace downhill::core {

namespace {

std::vector<std::string_view> splitColons(std::string_view s)
{
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    while (true) {
        const auto pos = s.find(':', start);
        parts.push_back(s.substr(start, pos == std::string_view::npos ? std::string_view::npos : pos - start));
        if (pos == std::string_view::npos)
            break;
        start = pos + 1;
    }
    return parts;
}

double parseDouble(std::string_view spec, std::string_view text, const char* what)
{
    double v = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || ptr != text.data() + text.size() || !std::isfinite(v))
        throw InputError("schedule '" + std::string(spec) + "': " + what + " '" + std::string(text) + "' is not a number");
    return v;
}

std::int64_t parseInt(std::string_view spec, std::string_view text, const char* what)
{
    std::int64_t v = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || ptr != text.data() + text.size())
        throw InputError("schedule '" + std::string(spec) + "': " + what + " '" + std::string(text) + "' is not a whole number");
    return v;
}

double cosineBetween(double lr0, double minLr, std::int64_t tCur, std::int64_t tMax)
{
    return minLr + (lr0 - minLr) * (1.0 + std::cos(std::numbers::pi * static_cast<double>(tCur) / static_cast<double>(tMax))) / 2.0;
}

}  // namespace

Schedule Schedule::parse(std::string_view spec)
{
    const auto parts = splitColons(spec);
    const std::string_view name = parts[0];
    Schedule s;
    auto arity = [&](std::size_t lo, std::size_t hi, const char* usage) {
        if (parts.size() - 1 < lo || parts.size() - 1 > hi)
            throw InputError("schedule '" + std::string(spec) + "': expected " + usage);
    };
    if (name == "constant") {
        arity(0, 0, "constant");
    } else if (name == "exponential") {
        arity(1, 1, "exponential:GAMMA");
        s.kind = ScheduleKind::Exponential;
        s.gamma = parseDouble(spec, parts[1], "GAMMA");
    } else if (name == "step") {
        arity(2, 2, "step:EVERY:GAMMA");
        s.kind = ScheduleKind::Step;
        s.every = parseInt(spec, parts[1], "EVERY");
        s.gamma = parseDouble(spec, parts[2], "GAMMA");
    } else if (name == "cosine") {
        arity(1, 2, "cosine:T[:MIN]");
        s.kind = ScheduleKind::Cosine;
        s.period = parseInt(spec, parts[1], "T");
        if (parts.size() > 2)
            s.minLr = parseDouble(spec, parts[2], "MIN");
    } else if (name == "cosine-restarts") {
        arity(1, 3, "cosine-restarts:T0[:MULT[:MIN]]");
        s.kind = ScheduleKind::CosineRestarts;
        s.period = parseInt(spec, parts[1], "T0");
        if (parts.size() > 2)
            s.mult = parseInt(spec, parts[2], "MULT");
        if (parts.size() > 3)
            s.minLr = parseDouble(spec, parts[3], "MIN");
    } else {
        throw InputError("unknown schedule '" + std::string(spec)
            + "' (choose constant, exponential:GAMMA, step:EVERY:GAMMA, cosine:T[:MIN], cosine-restarts:T0[:MULT[:MIN]])");
    }
    try {
        s.validate();
    } catch (const InputError& e) {
        throw InputError("schedule '" + std::string(spec) + "': " + e.what());
    }
    return s;
}

std::string Schedule::spec() const
{
    std::ostringstream o;
    o.precision(17);
    switch (kind) {
    case ScheduleKind::Constant: o << "constant"; break;
    case ScheduleKind::Exponential: o << "exponential:" << gamma; break;
    case ScheduleKind::Step: o << "step:" << every << ":" << gamma; break;
    case ScheduleKind::Cosine: o << "cosine:" << period << ":" << minLr; break;
    case ScheduleKind::CosineRestarts: o << "cosine-restarts:" << period << ":" << mult << ":" << minLr; break;
    }
    return o.str();
}

void Schedule::validate() const
{
    switch (kind) {
    case ScheduleKind::Constant: break;
    case ScheduleKind::Exponential:
        if (!(std::isfinite(gamma) && gamma > 0.0))
            throw InputError("GAMMA must be a positive number");
        break;
    case ScheduleKind::Step:
        if (every < 1)
            throw InputError("EVERY must be at least 1 step");
        if (!(std::isfinite(gamma) && gamma > 0.0))
            throw InputError("GAMMA must be a positive number");
        break;
    case ScheduleKind::Cosine:
    case ScheduleKind::CosineRestarts:
        if (period < 1)
            throw InputError(std::string(kind == ScheduleKind::Cosine ? "T" : "T0") + " (the period) must be at least 1 step");
        if (mult < 1)
            throw InputError("MULT must be a whole number >= 1");
        if (!(std::isfinite(minLr) && minLr >= 0.0))
            throw InputError("MIN must be a number >= 0");
        break;
    }
}

double Schedule::rateAt(double lr0, std::int64_t t) const
{
    switch (kind) {
    case ScheduleKind::Constant: return lr0;
    case ScheduleKind::Exponential: return lr0 * std::pow(gamma, static_cast<double>(t));
    case ScheduleKind::Step: return lr0 * std::pow(gamma, static_cast<double>(t / every));
    case ScheduleKind::Cosine: return t >= period ? minLr : cosineBetween(lr0, minLr, t, period);
    case ScheduleKind::CosineRestarts: {
        // Walk the cycles with integers: PyTorch's log() formula can land one step off at a
        // cycle boundary.
        if (mult == 1)
            return cosineBetween(lr0, minLr, t % period, period);
        std::int64_t tCur = t;
        std::int64_t tI = period;
        while (tCur >= tI) {
            tCur -= tI;
            if (tI > std::numeric_limits<std::int64_t>::max() / mult)
                break;  // cycles longer than any run: stay in this one
            tI *= mult;
        }
        return cosineBetween(lr0, minLr, tCur, tI);
    }
    }
    return lr0;
}

}  // namespace downhill::core
