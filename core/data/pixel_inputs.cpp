#include "core/data/pixel_inputs.h"

#include <numeric>

#include "core/base/error.h"

namespace downhill::core {

namespace {
std::string divisors(int side)
{
    std::string list;
    for (int d = 1; d <= side; ++d) {
        if (side % d == 0)
            list += (list.empty() ? "" : ", ") + std::to_string(d);
    }
    return list;
}
}  // namespace

void checkInputSize(int n, int width, int height)
{
    if (n < 1)
        throw InputError("--input-size must be at least 1, got " + std::to_string(n));
    if (width % n != 0 || height % n != 0 || n > width || n > height) {
        const std::string side = width == height ? "side " + std::to_string(width)
                                                 : "sides " + std::to_string(width) + " x " + std::to_string(height);
        throw InputError("--input-size " + std::to_string(n) + " does not divide the image " + side
            + " (choose one of " + divisors(width == height ? width : std::gcd(width, height)) + ")");
    }
}

void shrinkImage(const GrayImage& image, int n, Eigen::Ref<Eigen::VectorXd> out)
{
    const int bw = image.width / n;
    const int bh = image.height / n;
    const double count = static_cast<double>(bw) * bh;
    for (int by = 0; by < n; ++by) {
        for (int bx = 0; bx < n; ++bx) {
            // Integer sums are exact, so the mean is the same number numpy's .mean() gives.
            long sum = 0;
            for (int y = by * bh; y < (by + 1) * bh; ++y) {
                const std::uint8_t* row = image.pixels.data() + static_cast<std::size_t>(y) * static_cast<std::size_t>(image.width);
                for (int x = bx * bw; x < (bx + 1) * bw; ++x)
                    sum += row[x];
            }
            out[by * n + bx] = static_cast<double>(sum) / count / 255.0;
        }
    }
}

Eigen::MatrixXd shrinkImages(const std::vector<GrayImage>& images, const std::vector<int>& rows, int n)
{
    Eigen::MatrixXd inputs(static_cast<Eigen::Index>(n) * n, static_cast<Eigen::Index>(rows.size()));
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const GrayImage& image = images[static_cast<std::size_t>(rows[i])];
        checkInputSize(n, image.width, image.height);
        shrinkImage(image, n, inputs.col(static_cast<Eigen::Index>(i)));
    }
    return inputs;
}

}  // namespace downhill::core
