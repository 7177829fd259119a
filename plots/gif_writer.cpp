#include "plots/gif_writer.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QSaveFile>
#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>
#include <vector>

namespace downhill::ui {

namespace {

constexpr int kPaletteSize = 256;
constexpr int kBinBits = 5;                       // per channel, for the median-cut histogram
constexpr int kBins = 1 << (3 * kBinBits);
constexpr int kMaxCode = 4095;                    // GIF's LZW codes have at most 12 bits

QString nativePath(const QString& path)
{
    return QDir::toNativeSeparators(path);
}

bool fail(QString* error, const QString& message)
{
    if (error)
        *error = message;
    return false;
}

// Opaque 32-bit pixels at the screen size: the only layout the quantiser reads.
QImage prepared(const QImage& frame, QSize size)
{
    QImage image = frame.size() == size ? frame : frame.scaled(size, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    if (image.format() != QImage::Format_RGB32)
        image = image.convertToFormat(QImage::Format_RGB32);
    return image;
}

int binOf(QRgb c)
{
    constexpr int shift = 8 - kBinBits;
    return ((qRed(c) >> shift) << (2 * kBinBits)) | ((qGreen(c) >> shift) << kBinBits) | (qBlue(c) >> shift);
}

struct Bin {
    std::array<double, 3> mean{};  // the mean colour of the pixels that fell into it
    double count = 0;
};

// Median cut: the box of bins whose pixels lie farthest from its mean in all (the largest sum
// of squared errors) is split at its weighted median along its widest channel, until there are
// 256 boxes. Weighing by pixels gives the big smooth areas (the colour map) enough shades not
// to band, while a thin line of a colour far from everything else (the path, an arrow) still
// has a large error and gets a box of its own.
QVector<QRgb> medianCut(std::vector<Bin> bins)
{
    struct Box {
        std::size_t begin, end;
        int channel = 0;
        double error = 0;
    };
    auto measure = [&](Box& box) {
        std::array<double, 3> sum{}, sumSq{};
        double count = 0;
        for (std::size_t k = box.begin; k < box.end; ++k) {
            for (std::size_t c = 0; c < 3; ++c) {
                sum[c] += bins[k].count * bins[k].mean[c];
                sumSq[c] += bins[k].count * bins[k].mean[c] * bins[k].mean[c];
            }
            count += bins[k].count;
        }
        box.channel = 0;
        box.error = 0;
        double widest = -1;
        for (int c = 0; c < 3; ++c) {
            const auto cc = static_cast<std::size_t>(c);
            const double spread = sumSq[cc] - sum[cc] * sum[cc] / count;
            box.error += spread;
            if (spread > widest) {
                widest = spread;
                box.channel = c;
            }
        }
        if (box.end - box.begin < 2)
            box.error = -1;  // nothing left to split
    };
    std::vector<Box> boxes{{0, bins.size()}};
    measure(boxes.front());
    while (boxes.size() < static_cast<std::size_t>(kPaletteSize)) {
        const auto widest = std::max_element(boxes.begin(), boxes.end(), [](const Box& a, const Box& b) { return a.error < b.error; });
        if (widest->error <= 0)
            break;
        Box box = *widest;
        const auto channel = static_cast<std::size_t>(box.channel);
        const auto first = bins.begin() + static_cast<std::ptrdiff_t>(box.begin);
        const auto last = bins.begin() + static_cast<std::ptrdiff_t>(box.end);
        std::sort(first, last, [channel](const Bin& a, const Bin& b) { return a.mean[channel] < b.mean[channel]; });
        double total = 0;
        for (auto it = first; it != last; ++it)
            total += it->count;
        double running = 0;
        std::size_t split = box.begin + 1;
        for (std::size_t k = box.begin; k + 1 < box.end; ++k) {
            running += bins[k].count;
            split = k + 1;
            if (running >= total / 2)
                break;
        }
        Box low{box.begin, split}, high{split, box.end};
        measure(low);
        measure(high);
        *widest = low;
        boxes.push_back(high);
    }
    QVector<QRgb> palette;
    for (const Box& box : boxes) {
        std::array<double, 3> sum{};
        double count = 0;
        for (std::size_t k = box.begin; k < box.end; ++k) {
            for (std::size_t c = 0; c < 3; ++c)
                sum[c] += bins[k].mean[c] * bins[k].count;
            count += bins[k].count;
        }
        auto channel = [&](std::size_t c) { return std::clamp(static_cast<int>(sum[c] / count + 0.5), 0, 255); };
        palette.push_back(qRgb(channel(0), channel(1), channel(2)));
    }
    return palette;
}

// The shared palette and the way from a pixel to its index in it.
class Quantiser {
public:
    // Looks at every pixel of every frame once.
    explicit Quantiser(const QVector<QImage>& frames, QSize size)
    {
        std::vector<double> count(kBins, 0.0);
        std::vector<std::array<double, 3>> sum(kBins, std::array<double, 3>{});
        bool exact = true;
        for (const QImage& frame : frames) {
            const QImage image = prepared(frame, size);
            QRgb last = 0;
            bool hasLast = false;
            for (int y = 0; y < image.height(); ++y) {
                const auto* row = reinterpret_cast<const QRgb*>(image.constScanLine(y));
                for (int x = 0; x < image.width(); ++x) {
                    const QRgb c = row[x] | 0xff000000u;
                    const auto b = static_cast<std::size_t>(binOf(c));
                    count[b] += 1;
                    sum[b][0] += qRed(c);
                    sum[b][1] += qGreen(c);
                    sum[b][2] += qBlue(c);
                    if (exact && !(hasLast && c == last)) {
                        if (!exact_.contains(c)) {
                            if (exact_.size() == kPaletteSize)
                                exact = false;
                            else
                                exact_.insert(c, static_cast<std::uint8_t>(exact_.size()));
                        }
                        last = c;
                        hasLast = true;
                    }
                }
            }
        }
        if (exact) {
            palette_.resize(exact_.size());
            for (auto it = exact_.cbegin(); it != exact_.cend(); ++it)
                palette_[it.value()] = it.key();
            return;
        }
        exact_.clear();
        std::vector<Bin> bins;
        binMean_.assign(kBins, 0);
        for (std::size_t b = 0; b < count.size(); ++b) {
            if (count[b] == 0)
                continue;
            Bin bin;
            for (std::size_t c = 0; c < 3; ++c)
                bin.mean[c] = sum[b][c] / count[b];
            bin.count = count[b];
            bins.push_back(bin);
            binMean_[b] = qRgb(static_cast<int>(bin.mean[0] + 0.5), static_cast<int>(bin.mean[1] + 0.5), static_cast<int>(bin.mean[2] + 0.5));
        }
        palette_ = medianCut(std::move(bins));
        binIndex_.assign(kBins, -1);
    }

    // Always 256 entries: GIF colour tables come in powers of two; the unused ones are black.
    QByteArray colourTable() const
    {
        QByteArray table(3 * kPaletteSize, '\0');
        for (qsizetype k = 0; k < palette_.size(); ++k) {
            table[3 * k] = static_cast<char>(qRed(palette_[k]));
            table[3 * k + 1] = static_cast<char>(qGreen(palette_[k]));
            table[3 * k + 2] = static_cast<char>(qBlue(palette_[k]));
        }
        return table;
    }

    void indices(const QImage& image, std::vector<std::uint8_t>& out)
    {
        out.resize(static_cast<std::size_t>(image.width()) * static_cast<std::size_t>(image.height()));
        std::size_t k = 0;
        QRgb last = 0;
        std::uint8_t lastIndex = 0;
        bool hasLast = false;
        for (int y = 0; y < image.height(); ++y) {
            const auto* row = reinterpret_cast<const QRgb*>(image.constScanLine(y));
            for (int x = 0; x < image.width(); ++x) {
                const QRgb c = row[x] | 0xff000000u;
                if (!(hasLast && c == last)) {
                    lastIndex = indexOf(c);
                    last = c;
                    hasLast = true;
                }
                out[k++] = lastIndex;
            }
        }
    }

private:
    std::uint8_t indexOf(QRgb c)
    {
        if (!exact_.isEmpty()) {
            // Streamed frames may bring colours the sample frames did not have.
            const auto it = exact_.constFind(c);
            if (it != exact_.cend())
                return it.value();
            const auto index = static_cast<std::uint8_t>(nearest(c));
            exact_.insert(c, index);
            return index;
        }
        const auto b = static_cast<std::size_t>(binOf(c));
        if (binIndex_[b] < 0)
            binIndex_[b] = nearest(binMean_[b]);
        return static_cast<std::uint8_t>(binIndex_[b]);
    }

    int nearest(QRgb c) const
    {
        int best = 0;
        int bestDistance = std::numeric_limits<int>::max();
        for (qsizetype k = 0; k < palette_.size(); ++k) {
            const int dr = qRed(c) - qRed(palette_[k]);
            const int dg = qGreen(c) - qGreen(palette_[k]);
            const int db = qBlue(c) - qBlue(palette_[k]);
            const int d = dr * dr + dg * dg + db * db;
            if (d < bestDistance) {
                bestDistance = d;
                best = static_cast<int>(k);
            }
        }
        return best;
    }

    QVector<QRgb> palette_;
    QHash<QRgb, std::uint8_t> exact_;   // non-empty: the frames' own colours, exactly
    std::vector<QRgb> binMean_;
    std::vector<int> binIndex_;         // palette index per bin, -1 until first needed
};

// Codes are packed least significant bit first into sub-blocks of at most 255 bytes.
class CodeWriter {
public:
    explicit CodeWriter(QByteArray& out) : out_(out) {}

    void put(int code, int width)
    {
        bits_ |= static_cast<std::uint32_t>(code) << bitCount_;
        bitCount_ += width;
        while (bitCount_ >= 8) {
            block_.append(static_cast<char>(bits_ & 0xffu));
            bits_ >>= 8;
            bitCount_ -= 8;
            if (block_.size() == 255)
                flushBlock();
        }
    }
    void finish()
    {
        if (bitCount_ > 0)
            block_.append(static_cast<char>(bits_ & 0xffu));
        bits_ = 0;
        bitCount_ = 0;
        flushBlock();
        out_.append('\0');  // block terminator
    }

private:
    void flushBlock()
    {
        if (block_.isEmpty())
            return;
        out_.append(static_cast<char>(block_.size()));
        out_.append(block_);
        block_.clear();
    }

    QByteArray& out_;
    QByteArray block_;
    std::uint32_t bits_ = 0;
    int bitCount_ = 0;
};

// GIF's variable-width LZW over 8-bit indices. The dictionary is an open-addressing hash of
// (prefix code, next index) -> code; when all 4096 codes are taken a clear code starts afresh.
void lzwEncode(const std::vector<std::uint8_t>& pixels, QByteArray& out)
{
    constexpr int minCodeSize = 8;
    constexpr int clearCode = 1 << minCodeSize;
    constexpr int endCode = clearCode + 1;
    constexpr std::size_t tableSize = 8192;  // > 2 x the 3838 codes a dictionary can hold
    std::vector<std::int32_t> keys(tableSize, -1);
    std::vector<std::int16_t> codes(tableSize, 0);

    out.append(static_cast<char>(minCodeSize));
    CodeWriter writer(out);
    int width = minCodeSize + 1;
    int next = endCode + 1;
    writer.put(clearCode, width);
    int current = pixels.front();
    for (std::size_t i = 1; i < pixels.size(); ++i) {
        const int c = pixels[i];
        const std::int32_t key = (current << 8) | c;
        std::size_t slot = (static_cast<std::uint32_t>(key) * 2654435761u) & (tableSize - 1);
        while (keys[slot] != -1 && keys[slot] != key)
            slot = (slot + 1) & (tableSize - 1);
        if (keys[slot] == key) {
            current = codes[slot];
            continue;
        }
        writer.put(current, width);
        keys[slot] = key;
        codes[slot] = static_cast<std::int16_t>(next);
        ++next;
        // A decoder learns each code one step later than we do, so it widens its reads when
        // its own next code reaches 2^width: widen after assigning the code 2^width.
        if (next - 1 >= (1 << width) && width < 12)
            ++width;
        if (next - 1 == kMaxCode) {
            writer.put(clearCode, width);
            std::fill(keys.begin(), keys.end(), -1);
            width = minCodeSize + 1;
            next = endCode + 1;
        }
        current = c;
    }
    writer.put(current, width);
    // The decoder adds one more code after reading the last one and may widen for it.
    if (next >= (1 << width) && width < 12)
        ++width;
    writer.put(endCode, width);
    writer.finish();
}

void putShort(QByteArray& out, int value)
{
    out.append(static_cast<char>(value & 0xff));
    out.append(static_cast<char>((value >> 8) & 0xff));
}

}  // namespace

struct GifStream::State {
    QString path;
    QSize size;
    QSaveFile file;
    Quantiser quantiser;
    std::vector<std::uint8_t> previous, current, region;
    int frames = 0;

    State(const QString& p, QSize s, const QVector<QImage>& paletteFrames)
        : path(p), size(s), file(QFileInfo(p).absoluteFilePath()), quantiser(paletteFrames, s)
    {
    }

    bool failed(QString* error)
    {
        const QString reason = file.errorString();
        file.cancelWriting();
        return fail(error, QCoreApplication::translate("GifWriter", "Cannot write \"%1\": %2.").arg(nativePath(path), reason));
    }
};

GifStream::GifStream() = default;
GifStream::~GifStream() { cancel(); }

int GifStream::frameCount() const
{
    return d_ ? d_->frames : 0;
}

bool GifStream::open(const QString& path, QSize size, const QVector<QImage>& paletteFrames, QString* error)
{
    cancel();
    if (paletteFrames.isEmpty())
        return fail(error, QCoreApplication::translate("GifWriter", "Cannot write \"%1\": there are no frames to write.").arg(nativePath(path)));
    if (size.isEmpty() || size.width() > 0xffff || size.height() > 0xffff)
        return fail(error, QCoreApplication::translate("GifWriter", "Cannot write \"%1\": a GIF frame must be 1 to 65535 pixels on each side.").arg(nativePath(path)));
    const QFileInfo info(path);
    if (!info.absoluteDir().exists())
        return fail(error, QCoreApplication::translate("GifWriter", "Cannot write \"%1\": the folder does not exist.").arg(nativePath(path)));
    if (info.isDir())
        return fail(error, QCoreApplication::translate("GifWriter", "Cannot write \"%1\": it is a folder.").arg(nativePath(path)));

    auto state = std::make_unique<State>(path, size, paletteFrames);
    if (!state->file.open(QIODevice::WriteOnly))
        return fail(error, QCoreApplication::translate("GifWriter", "Cannot write \"%1\": %2.").arg(nativePath(path), state->file.errorString()));
    QByteArray head("GIF89a");
    putShort(head, size.width());
    putShort(head, size.height());
    head.append(static_cast<char>(0xf7));  // global colour table of 2^(7+1) entries, 8-bit colour
    head.append('\0');                     // background colour index
    head.append('\0');                     // square pixels
    head.append(state->quantiser.colourTable());
    // NETSCAPE2.0: loop forever.
    head.append("\x21\xff\x0b" "NETSCAPE2.0" "\x03\x01", 16);
    putShort(head, 0);
    head.append('\0');
    if (state->file.write(head) != head.size())
        return state->failed(error);
    d_ = std::move(state);
    return true;
}

bool GifStream::add(const QImage& frame, int delayCentiseconds, QString* error)
{
    if (!d_)
        return fail(error, QCoreApplication::translate("GifWriter", "Cannot add a frame: the GIF is not open."));
    State& s = *d_;
    const QSize size = s.size;
    s.quantiser.indices(prepared(frame, size), s.current);
    // Only the rectangle that differs from the previous frame, drawn over it.
    int left = 0, top = 0, right = size.width() - 1, bottom = size.height() - 1;
    const auto width = static_cast<std::size_t>(size.width());
    if (!s.previous.empty()) {
        left = size.width();
        top = size.height();
        right = -1;
        bottom = -1;
        for (int y = 0; y < size.height(); ++y) {
            const std::size_t row = static_cast<std::size_t>(y) * width;
            for (int x = 0; x < size.width(); ++x) {
                if (s.current[row + static_cast<std::size_t>(x)] != s.previous[row + static_cast<std::size_t>(x)]) {
                    left = std::min(left, x);
                    right = std::max(right, x);
                    top = std::min(top, y);
                    bottom = std::max(bottom, y);
                }
            }
        }
        if (right < 0)  // an unchanged frame still needs one pixel to carry its delay
            left = right = top = bottom = 0;
    }
    s.region.clear();
    for (int y = top; y <= bottom; ++y) {
        const auto begin = s.current.begin() + static_cast<std::ptrdiff_t>(static_cast<std::size_t>(y) * width + static_cast<std::size_t>(left));
        s.region.insert(s.region.end(), begin, begin + (right - left + 1));
    }

    QByteArray block;
    block.append("\x21\xf9\x04\x04", 4);  // graphic control: disposal 1 (keep), no transparency
    putShort(block, std::clamp(delayCentiseconds, 0, 0xffff));
    block.append('\0');
    block.append('\0');
    block.append(static_cast<char>(0x2c));  // image descriptor
    putShort(block, left);
    putShort(block, top);
    putShort(block, right - left + 1);
    putShort(block, bottom - top + 1);
    block.append('\0');                     // no local colour table, not interlaced
    lzwEncode(s.region, block);
    std::swap(s.previous, s.current);
    if (s.file.write(block) != block.size()) {
        s.failed(error);
        d_.reset();
        return false;
    }
    ++s.frames;
    return true;
}

bool GifStream::commit(QString* error)
{
    if (!d_ || d_->frames == 0) {
        const QString path = d_ ? d_->path : QString();
        cancel();
        return fail(error, QCoreApplication::translate("GifWriter", "Cannot write \"%1\": there are no frames to write.").arg(nativePath(path)));
    }
    State& s = *d_;
    const bool ok = s.file.write(QByteArray(1, static_cast<char>(0x3b))) == 1 && s.file.error() == QFileDevice::NoError;
    if (!ok) {
        s.failed(error);
        d_.reset();
        return false;
    }
    if (!s.file.commit()) {
        fail(error, QCoreApplication::translate("GifWriter", "Cannot write \"%1\": %2.").arg(nativePath(s.path), s.file.errorString()));
        d_.reset();
        return false;
    }
    d_.reset();
    return true;
}

void GifStream::cancel()
{
    if (d_)
        d_->file.cancelWriting();
    d_.reset();
}

bool writeGif(const QString& path, const QVector<QImage>& frames, int delayCentiseconds, QString* error)
{
    if (frames.isEmpty())
        return fail(error, QCoreApplication::translate("GifWriter", "Cannot write \"%1\": there are no frames to write.").arg(nativePath(path)));
    GifStream gif;
    if (!gif.open(path, frames.front().size(), frames, error))
        return false;
    for (const QImage& frame : frames)
        if (!gif.add(frame, delayCentiseconds, error))
            return false;
    return gif.commit(error);
}

}  // namespace downhill::ui
