// The feature x: how much thin, figure-like ink an image holds, in units of "about 4.5
// people".
//
// 1. Background and noise, fitted together. The background is a plane a + b*u + c*v
//    (u, v = pixel position from the centre), which removes the brightness and the gentle
//    gradient; the noise is one sigma. Both are fitted to the background pixels only, and
//    which pixels those are depends on both, so the fit is iterated until neither moves by
//    kSettled grey levels anywhere (mostly 5 or 6 rounds on the default set, never over 11;
//    kMaxFitRounds caps it):
//    - start: the plane is the median grey level (the background decides it as long as it
//      covers half of the image) and sigma = 1.4826 * the median absolute residual (too
//      large while the gradient is not yet fitted, which only widens the first window);
//    - each round keeps the pixels within kWindow * sigma of the plane, fits the plane to
//      them by least squares, and re-estimates sigma as their root mean square residual
//      divided by kWindowSpread, the spread of a unit normal cut at +-kWindow (0.9546).
//      Ink sits 50..110 grey levels off the background, outside the window once sigma is
//      near the true noise, so neither estimate is pulled by the figures or distractors.
// 2. Ink. A pixel is ink when its residual exceeds T = max(kNoiseSigmas * sigma, kMinInk) in
//    either direction (so light and dark shapes are treated alike): 3.5 sigma lets through
//    one noise pixel in two thousand; the floor of 12 grey levels stops a noise-free image
//    from calling its rounding ink. At the default noise of 6, T = 21; with the noise
//    augmentation (10) added, sigma is about 12 and T = 41, still below the weakest figure.
// 3. Thin ink. People are 1-2 px strokes; distractors are solid shapes. A morphological
//    opening with a 3x3 square keeps exactly the ink that belongs to some solid 3x3 block;
//    that ink does not count. Of the rest, a pixel counts only if another ink pixel touches
//    it (8-neighbours): strokes are connected, noise pixels over T are nearly always alone.
// 4. Scale. A figure's thin ink is its height (a fraction of the image side) times the
//    stroke width, so the count divided by sqrt(w * h) does not depend on the image size.
//    kInkPerSide is measured on the default data set (seed 1, 2000 images): 0.77 thin-ink
//    pixels per person per pixel of image side (0.80 for a figure alone, a little less in
//    crowds, where figures overlap). Dividing by 4.5 times that makes x about count / 4.5:
//    0 for an empty image, about 2 for nine people.
//
// The plane absorbs a brightness offset exactly, so adding a constant to an image leaves x
// unchanged as long as nothing clips at 0 or 255; a ramp (rounded to whole grey levels) or a
// horizontal flip changes it at most by the odd pixel that float rounding tips over T.
#include "core/data/feature_extractor.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <vector>

#include "core/base/error.h"

namespace downhill::core {

namespace {

constexpr int kMinSide = 8;
constexpr int kMaxFitRounds = 12;
constexpr double kSettled = 0.01;  // grey levels: a fit that moves the plane and sigma less is done
constexpr double kWindow = 2.5;
constexpr double kWindowSpread = 0.9546;
constexpr double kMinWindow = 2.0;  // grey levels: a noise-free image still keeps its pixels
constexpr double kNoiseSigmas = 3.5;
constexpr double kMinInk = 12.0;
constexpr double kInkPerSide = 0.77 * 4.5;

struct Plane {
    double a = 0, b = 0, c = 0;
};

using Histogram = std::array<std::size_t, 256>;

// The smallest level at or below which half of the n counted values lie.
int medianLevel(const Histogram& histogram, std::size_t n)
{
    std::size_t seen = 0;
    for (std::size_t level = 0; level < histogram.size(); ++level) {
        seen += histogram[level];
        if (2 * seen >= n)
            return static_cast<int>(level);
    }
    return 255;
}

// The median of |p - median| from the grey levels' histogram: distance d holds the levels
// median - d and median + d, so no second pass over the pixels.
int medianDistance(const Histogram& levels, int median, std::size_t n)
{
    Histogram distances{};
    for (int level = 0; level < 256; ++level)
        distances[static_cast<std::size_t>(std::abs(level - median))] += levels[static_cast<std::size_t>(level)];
    return medianLevel(distances, n);
}

// Pixel sums over the kept pixels, with x and y counted from the top left corner. Integer
// sums are exact, so the fit does not depend on the order they are added in.
struct Moments {
    std::int64_t n = 0, x = 0, y = 0, xx = 0, xy = 0, yy = 0, p = 0, xp = 0, yp = 0, pp = 0;

    // One row's sums: of 1, x, x x, p, x p and p p over its kept pixels.
    struct Row {
        std::int64_t n, x, xx, p, xp, pp;
    };
    void addRow(std::int64_t row, const Row& r)
    {
        n += r.n;
        x += r.x;
        y += row * r.n;
        xx += r.xx;
        xy += row * r.x;
        yy += row * row * r.n;
        p += r.p;
        xp += r.xp;
        yp += row * r.p;
        pp += r.pp;
    }
};

// The residual of pixel (x, y) is p - (row + slope * x) with row = plane.a + plane.c * v -
// plane.b * cu; it is float throughout, so every platform draws the same ink.
struct RowPlane {
    float row = 0, slope = 0;
};

RowPlane rowPlane(const Plane& plane, int y, double cu, double cv)
{
    return {static_cast<float>(plane.a + plane.c * (y - cv) - plane.b * cu), static_cast<float>(plane.b)};
}

// What every round of the fit sums, per pixel, computed once per image: the grey level p and
// the products x p and p p, and per column x and x x. A round then only masks and adds them.
// In 32 bits when the image is at most kNarrow pixels wide: a row's sums then stay below 2^31
// (x x summed over a row: 1024^3 / 3), and 32-bit lanes are twice as many as 64-bit ones.
constexpr int kNarrow = 1024;

struct PixelTerms {
    std::vector<std::int32_t> p, xp, pp;   // per pixel, row-major
    std::vector<std::int32_t> x, xx;       // per column
    std::vector<float> xf;                 // per column, as the residual uses it
};

void pixelTerms(const GrayImage& image, PixelTerms& t)
{
    const auto w = static_cast<std::size_t>(image.width);
    const std::size_t n = image.pixels.size();
    t.p.resize(n);
    t.xp.resize(n);
    t.pp.resize(n);
    t.x.resize(w);
    t.xx.resize(w);
    t.xf.resize(w);
    for (std::size_t x = 0; x < w; ++x) {
        t.x[x] = static_cast<std::int32_t>(x);
        t.xx[x] = static_cast<std::int32_t>(x * x);
        t.xf[x] = static_cast<float>(x);
    }
    for (std::size_t row = 0; row < n; row += w) {
        for (std::size_t x = 0; x < w; ++x) {
            const std::int32_t p = image.pixels[row + x];
            t.p[row + x] = p;
            t.xp[row + x] = t.x[x] * p;
            t.pp[row + x] = p * p;
        }
    }
}

Moments keptMoments(const GrayImage& image, const PixelTerms& t, const Plane& plane, double window)
{
    const double cu = 0.5 * (image.width - 1);
    const double cv = 0.5 * (image.height - 1);
    const auto limit = static_cast<float>(window);
    const auto w = static_cast<std::size_t>(image.width);
    Moments m;
    for (int y = 0; y < image.height; ++y) {
        const RowPlane rp = rowPlane(plane, y, cu, cv);
        const std::size_t row = static_cast<std::size_t>(y) * w;
        const std::int32_t* const p = t.p.data() + row;
        const std::int32_t* const xp = t.xp.data() + row;
        const std::int32_t* const pp = t.pp.data() + row;
        std::int32_t n = 0, sx = 0, sxx = 0, sp = 0, sxp = 0, spp = 0;
        for (std::size_t x = 0; x < w; ++x) {
            const float r = static_cast<float>(p[x]) - (rp.row + rp.slope * t.xf[x]);
            const std::int32_t keep = -static_cast<std::int32_t>(std::abs(r) <= limit);   // all ones or 0
            n -= keep;
            sx += keep & t.x[x];
            sxx += keep & t.xx[x];
            sp += keep & p[x];
            sxp += keep & xp[x];
            spp += keep & pp[x];
        }
        m.addRow(y, {n, sx, sxx, sp, sxp, spp});
    }
    return m;
}

// The same sums in 64 bits, pixel by pixel, for images wider than kNarrow.
Moments keptMomentsWide(const GrayImage& image, const Plane& plane, double window)
{
    const double cu = 0.5 * (image.width - 1);
    const double cv = 0.5 * (image.height - 1);
    const auto limit = static_cast<float>(window);
    Moments m;
    for (int y = 0; y < image.height; ++y) {
        const RowPlane rp = rowPlane(plane, y, cu, cv);
        const std::uint8_t* pixels = image.pixels.data() + static_cast<std::size_t>(y) * static_cast<std::size_t>(image.width);
        std::int64_t n = 0, sx = 0, sxx = 0, sp = 0, sxp = 0, spp = 0;
        for (int x = 0; x < image.width; ++x) {
            const std::int64_t p = pixels[x];
            const float r = static_cast<float>(p) - (rp.row + rp.slope * static_cast<float>(x));
            const std::int64_t keep = std::abs(r) <= limit ? 1 : 0;
            n += keep;
            sx += keep * x;
            sxx += keep * x * x;
            sp += keep * p;
            sxp += keep * x * p;
            spp += keep * p * p;
        }
        m.addRow(y, {n, sx, sxx, sp, sxp, spp});
    }
    return m;
}

// Least squares plane through the pixels within `window` of `plane`, and the root mean
// square of their residuals from `plane`. Returns false when they cannot fix a plane.
// terms: the image's pixel terms, or null for an image wider than kNarrow.
bool fitPlane(const GrayImage& image, const PixelTerms* terms, double window, Plane& plane, double& rms)
{
    const Moments m = terms ? keptMoments(image, *terms, plane, window) : keptMomentsWide(image, plane, window);
    if (m.n < 3)
        return false;
    // Centred sums (u = x - cu, v = y - cv) keep the normal equations well conditioned.
    const auto d = [](std::int64_t v) { return static_cast<double>(v); };
    const double cu = 0.5 * (image.width - 1);
    const double cv = 0.5 * (image.height - 1);
    const double n = d(m.n);
    const double su = d(m.x) - n * cu;
    const double sv = d(m.y) - n * cv;
    const double suu = d(m.xx) - 2.0 * cu * d(m.x) + n * cu * cu;
    const double svv = d(m.yy) - 2.0 * cv * d(m.y) + n * cv * cv;
    const double suv = d(m.xy) - cv * d(m.x) - cu * d(m.y) + n * cu * cv;
    const double sp = d(m.p);
    const double sup = d(m.xp) - cu * sp;
    const double svp = d(m.yp) - cv * sp;

    const double a = plane.a, b = plane.b, c = plane.c;
    const double squares = d(m.pp) - 2.0 * (a * sp + b * sup + c * svp) + a * a * n + b * b * suu + c * c * svv
        + 2.0 * (a * b * su + a * c * sv + b * c * suv);
    rms = std::sqrt(std::max(squares, 0.0) / n);

    // Cramer's rule on [n su sv; su suu suv; sv suv svv] (a, b, c) = (sp, sup, svp).
    const double det = n * (suu * svv - suv * suv) - su * (su * svv - suv * sv) + sv * (su * suv - suu * sv);
    if (!(std::abs(det) > 1e-9 * n * n * n))
        return false;
    plane.a = (sp * (suu * svv - suv * suv) - su * (sup * svv - suv * svp) + sv * (sup * suv - suu * svp)) / det;
    plane.b = (n * (sup * svv - suv * svp) - sp * (su * svv - suv * sv) + sv * (su * svp - sup * sv)) / det;
    plane.c = (n * (suu * svp - sup * suv) - su * (su * svp - sup * sv) + sp * (su * suv - suu * sv)) / det;
    return true;
}

}  // namespace

double extractFeature(const GrayImage& image)
{
    const int w = image.width;
    const int h = image.height;
    if (w < kMinSide || h < kMinSide)
        throw InputError("image is " + std::to_string(w) + "x" + std::to_string(h) + " pixels; the feature needs at least "
                         + std::to_string(kMinSide) + "x" + std::to_string(kMinSide));
    const std::size_t n = static_cast<std::size_t>(w) * static_cast<std::size_t>(h);
    if (image.pixels.size() != n)
        throw InputError("image has " + std::to_string(image.pixels.size()) + " pixels, expected "
                         + std::to_string(w) + "x" + std::to_string(h));

    Histogram levels{};
    for (const std::uint8_t p : image.pixels)
        ++levels[p];
    const int median = medianLevel(levels, n);
    const int mad = medianDistance(levels, median, n);
    Plane plane{static_cast<double>(median), 0.0, 0.0};
    double sigma = 1.4826 * mad;
    thread_local PixelTerms narrow;
    const PixelTerms* terms = nullptr;
    if (w <= kNarrow) {
        pixelTerms(image, narrow);
        terms = &narrow;
    }
    for (int round = 0; round < kMaxFitRounds; ++round) {
        Plane fitted = plane;
        double rms = 0.0;
        if (!fitPlane(image, terms, std::max(kWindow * sigma, kMinWindow), fitted, rms))
            break;
        const double moved = std::abs(fitted.a - plane.a) + std::abs(fitted.b - plane.b) * 0.5 * (w - 1)
            + std::abs(fitted.c - plane.c) * 0.5 * (h - 1);
        const double next = rms / kWindowSpread;
        const bool settled = moved < kSettled && std::abs(next - sigma) < kSettled;
        plane = fitted;
        sigma = next;
        if (settled)
            break;
    }
    const auto threshold = static_cast<float>(std::max(kNoiseSigmas * sigma, kMinInk));

    // Masks with a one-pixel frame, so that neighbourhoods need no bounds checks. The frame
    // counts as ink for the erosion (a solid shape cut by the border is solid up to it) and
    // as background for everything else.
    const int pw = w + 2;
    const std::size_t pn = static_cast<std::size_t>(pw) * static_cast<std::size_t>(h + 2);
    const auto at = [pw](int x, int y) { return static_cast<std::size_t>(y + 1) * static_cast<std::size_t>(pw) + static_cast<std::size_t>(x + 1); };
    std::vector<std::uint8_t> ink(pn, 1);
    const double cu = 0.5 * (w - 1);
    const double cv = 0.5 * (h - 1);
    for (int y = 0; y < h; ++y) {
        const RowPlane rp = rowPlane(plane, y, cu, cv);
        const std::uint8_t* pixels = image.pixels.data() + static_cast<std::size_t>(y) * static_cast<std::size_t>(w);
        std::uint8_t* out = ink.data() + at(0, y);
        for (int x = 0; x < w; ++x)
            out[x] = std::abs(static_cast<float>(pixels[x]) - (rp.row + rp.slope * static_cast<float>(x))) > threshold ? 1 : 0;
    }

    // Opening = erosion then dilation, each a 3x3 min / max done as two 3-pixel passes. Each
    // pass writes the inside only; the buffers' frames are set for the pass that reads them.
    const auto pass = [&](const std::vector<std::uint8_t>& in, std::vector<std::uint8_t>& out, std::size_t step, bool erode) {
        for (int y = 0; y < h; ++y) {
            for (int x = 0; x < w; ++x) {
                const std::size_t i = at(x, y);
                out[i] = erode ? (in[i - step] & in[i] & in[i + step]) : (in[i - step] | in[i] | in[i + step]);
            }
        }
    };
    const auto vertical = static_cast<std::size_t>(pw);
    std::vector<std::uint8_t> first(pn, 1);
    std::vector<std::uint8_t> eroded(pn, 0);
    std::vector<std::uint8_t> second(pn, 0);
    pass(ink, first, 1, true);
    pass(first, eroded, vertical, true);
    pass(eroded, second, 1, false);
    std::vector<std::uint8_t>& solid = first;
    pass(second, solid, vertical, false);

    // From here the frame is background.
    for (int y = -1; y <= h; ++y) {
        ink[at(-1, y)] = 0;
        ink[at(w, y)] = 0;
    }
    std::fill(ink.begin(), ink.begin() + pw, std::uint8_t{0});
    std::fill(ink.end() - pw, ink.end(), std::uint8_t{0});

    std::size_t thin = 0;
    for (int y = 0; y < h; ++y) {
        for (int x = 0; x < w; ++x) {
            const std::size_t i = at(x, y);
            if (ink[i] == 0 || solid[i] != 0)
                continue;
            const std::size_t up = i - static_cast<std::size_t>(pw);
            const std::size_t down = i + static_cast<std::size_t>(pw);
            const int neighbours = ink[up - 1] + ink[up] + ink[up + 1] + ink[i - 1] + ink[i + 1] + ink[down - 1] + ink[down] + ink[down + 1];
            if (neighbours > 0)
                ++thin;
        }
    }
    return static_cast<double>(thin) / (kInkPerSide * std::sqrt(static_cast<double>(n)));
}

}  // namespace downhill::core
