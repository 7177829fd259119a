#include "session/problem/batch_images.h"

#include <QStringList>

namespace downhill::ui {

core::GrayImage BatchImages::seen(const core::TrainData& data, const core::TrainSettings& settings, std::int64_t epoch, int row)
{
    const core::GrayImage& original = data.trainImages.at(static_cast<std::size_t>(row));
    if (!settings.augmentation.any())
        return original;
    return core::augment(original, settings.augmentation, core::sampleAugmentationSeed(settings.seed, epoch, row));
}

QString BatchImages::describe(const core::TrainSettings& settings, std::int64_t epoch, int row)
{
    const auto& a = settings.augmentation;
    if (!a.any())
        return {};
    const core::AugmentationDraw draw = core::drawAugmentation(a, core::sampleAugmentationSeed(settings.seed, epoch, row));
    QStringList parts;
    if (a.flip)
        parts << (draw.flipped ? QStringLiteral("flipped") : QStringLiteral("not flipped"));
    if (a.brightness)
        parts << QStringLiteral("%1%2 grey levels").arg(draw.offset >= 0 ? QStringLiteral("+") : QString()).arg(draw.offset, 0, 'f', 0);
    if (a.noise)
        parts << QStringLiteral("noise (sigma %1)").arg(a.noiseSigma, 0, 'g', 3);
    return parts.join(QStringLiteral(", "));
}

}  // namespace downhill::ui
