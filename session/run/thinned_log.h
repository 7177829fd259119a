#pragma once
// A record of a run kept to a bounded size however long the run: items (anything with a
// `step`) arrive in step order; one per `stride` steps is kept, and when the log is full every
// other one is dropped and the stride doubles, so the log always spans the whole run evenly.
// The newest item is always the last one, kept or not, so that whatever is drawn or written
// from the log ends where the run does.
#include <cstdint>
#include <iterator>
#include <type_traits>
#include <utility>
#include <vector>

namespace downhill::ui {

template <typename T>
class ThinnedLog {
public:
    explicit ThinnedLog(std::size_t capacity) : capacity_(capacity < 4 ? 4 : capacity) {}

    void append(const T& item)
    {
        if (newestApart_)
            items_.pop_back();
        newestApart_ = !items_.empty() && item.step - lastKept_ < stride_;
        items_.push_back(item);
        if (newestApart_)
            return;
        lastKept_ = item.step;
        if (items_.size() >= capacity_) {
            std::size_t out = 0;
            for (std::size_t i = 0; i < items_.size(); i += 2)
                items_[out++] = std::move(items_[i]);
            items_.resize(out);
            lastKept_ = items_.back().step;
            stride_ *= 2;
            // The newest may have been dropped: it goes back as the last item.
            if (lastKept_ != item.step) {
                items_.push_back(item);
                newestApart_ = true;
            }
        }
    }

    // append() of each item of `items` in turn (a range of T or of pointers to T), without
    // copying the ones that the next would replace at once: off the stride and not the last.
    // At full speed a frame brings thousands of steps and the stride keeps few of them.
    template <typename Range>
    void appendAll(const Range& items)
    {
        const auto deref = [](const auto& item) -> const T& {
            if constexpr (std::is_pointer_v<std::decay_t<decltype(item)>>)
                return *item;
            else
                return item;
        };
        auto it = std::begin(items);
        const auto end = std::end(items);
        if (it == end)
            return;
        for (auto next = std::next(it); next != end; it = next++) {
            const T& item = deref(*it);
            if (items_.empty() || item.step - lastKept_ >= stride_)
                append(item);
        }
        append(deref(*it));
    }

    // Drops the items after `step` (a branch replaced them).
    void truncate(std::int64_t step)
    {
        while (!items_.empty() && items_.back().step > step)
            items_.pop_back();
        newestApart_ = false;
        lastKept_ = items_.empty() ? 0 : items_.back().step;
    }

    void clear()
    {
        items_.clear();
        stride_ = 1;
        lastKept_ = 0;
        newestApart_ = false;
    }

    const std::vector<T>& items() const { return items_; }
    std::int64_t stride() const { return stride_; }
    std::size_t capacity() const { return capacity_; }

private:
    std::size_t capacity_;
    std::vector<T> items_;
    std::int64_t stride_ = 1;
    std::int64_t lastKept_ = 0;
    bool newestApart_ = false;   // items_.back() is the newest, off the stride: replaced by the next
};

}  // namespace downhill::ui
