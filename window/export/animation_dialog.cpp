#include "window/export/animation_dialog.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>
#include <limits>

namespace downhill::ui {

namespace {

const QSize kSizes[] = {{960, 600}, {1280, 800}, {1920, 1200}};

QString sizeText(QSize s)
{
    return QStringLiteral("%1 \u00d7 %2").arg(s.width()).arg(s.height());
}

// The folder for PNG frames beside a GIF of the same name, and back.
QString retarget(const QString& path, AnimationFormat format)
{
    if (path.isEmpty())
        return path;
    const QFileInfo info(path);
    const bool isGif = info.suffix().compare(QLatin1String("gif"), Qt::CaseInsensitive) == 0;
    if (format == AnimationFormat::Gif)
        return isGif ? path : info.absolutePath() + QLatin1Char('/') + info.fileName() + QStringLiteral(".gif");
    return isGif ? info.absolutePath() + QLatin1Char('/') + info.completeBaseName() + QStringLiteral("-frames") : path;
}

}  // namespace

std::vector<std::int64_t> AnimationSettings::steps(std::int64_t lastStep) const
{
    return everyK ? everyKFrameSteps(lastStep, every, kMaxFrames) : evenFrameSteps(lastStep, std::min(frames, kMaxFrames));
}

AnimationDialog::AnimationDialog(const AnimationSettings& initial, std::int64_t lastStep, QSize landscapeSize,
    QSize withLossSize, QWidget* parent)
    : QDialog(parent), lastStep_(lastStep), landscapeSize_(landscapeSize), withLossSize_(withLossSize)
{
    setObjectName(QStringLiteral("animationDialog"));
    setWindowTitle(tr("Export animation"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("The run from step 0 to the timeline position (step %1), drawn frame by frame for "
                                "slides: the path growing, the point and its arrows moving. The window is not "
                                "disturbed; training may go on meanwhile.")
                                 .arg(lastStep));
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto* form = new QFormLayout;
    layout->addLayout(form);

    format_ = new QComboBox;
    format_->setObjectName(QStringLiteral("animationFormat"));
    format_->addItem(tr("Animated GIF"), static_cast<int>(AnimationFormat::Gif));
    format_->addItem(tr("PNG frames in a folder"), static_cast<int>(AnimationFormat::PngFrames));
    format_->setCurrentIndex(initial.format == AnimationFormat::Gif ? 0 : 1);
    format_->setToolTip(tr("A GIF plays anywhere (one 256-colour palette for all frames); numbered PNG frames "
                           "(frame_0000.png, ...) keep every colour, for a video editor."));
    form->addRow(tr("Format:"), format_);

    auto* targetRow = new QHBoxLayout;
    target_ = new QLineEdit(initial.target);
    target_->setObjectName(QStringLiteral("animationTarget"));
    target_->setMinimumWidth(320);
    auto* browse = new QPushButton(tr("Choose\u2026"));
    browse->setObjectName(QStringLiteral("animationBrowse"));
    targetRow->addWidget(target_, 1);
    targetRow->addWidget(browse);
    form->addRow(tr("Save to:"), targetRow);

    auto* framesRow = new QHBoxLayout;
    byCount_ = new QRadioButton(tr("Frames:"));
    byCount_->setObjectName(QStringLiteral("animationByCount"));
    frames_ = new QSpinBox;
    frames_->setObjectName(QStringLiteral("animationFrames"));
    frames_->setRange(2, AnimationSettings::kMaxFrames);
    frames_->setValue(std::clamp(initial.frames, 2, AnimationSettings::kMaxFrames));
    byEvery_ = new QRadioButton(tr("One every"));
    byEvery_->setObjectName(QStringLiteral("animationByEvery"));
    every_ = new QSpinBox;
    every_->setObjectName(QStringLiteral("animationEvery"));
    every_->setRange(1, std::numeric_limits<int>::max());
    every_->setValue(static_cast<int>(std::clamp<std::int64_t>(initial.every, 1, std::numeric_limits<int>::max())));
    every_->setSuffix(tr(" steps"));
    auto* group = new QButtonGroup(this);
    group->addButton(byCount_);
    group->addButton(byEvery_);
    (initial.everyK ? byEvery_ : byCount_)->setChecked(true);
    framesRow->addWidget(byCount_);
    framesRow->addWidget(frames_);
    framesRow->addSpacing(12);
    framesRow->addWidget(byEvery_);
    framesRow->addWidget(every_);
    framesRow->addStretch(1);
    form->addRow(tr("Frames:"), framesRow);

    fps_ = new QDoubleSpinBox;
    fps_->setObjectName(QStringLiteral("animationFps"));
    fps_->setRange(1, 50);
    fps_->setDecimals(0);
    fps_->setValue(std::clamp(initial.fps, 1.0, 50.0));
    fps_->setSuffix(tr(" frames a second"));
    fps_->setToolTip(tr("GIF only. The last frame is held for 1.5 s before the loop starts again."));
    form->addRow(tr("Speed:"), fps_);

    size_ = new QComboBox;
    size_->setObjectName(QStringLiteral("animationSize"));
    size_->addItem(tr("The plot's current size"), QSize());
    for (QSize s : kSizes)
        size_->addItem(sizeText(s), s);
    const int sizeIndex = size_->findData(initial.size);
    size_->setCurrentIndex(sizeIndex >= 0 ? sizeIndex : 1);
    size_->setToolTip(tr("1920 \u00d7 1200 is drawn at twice the scale of 960 \u00d7 600: the same picture, sharper. "
                         "The plot's current size is drawn as on screen."));
    form->addRow(tr("Size:"), size_);

    plots_ = new QComboBox;
    plots_->setObjectName(QStringLiteral("animationPlots"));
    plots_->addItem(tr("The landscape"));
    plots_->addItem(tr("The landscape with the loss plot under it"));
    plots_->setCurrentIndex(initial.withLoss ? 1 : 0);
    form->addRow(tr("Plots:"), plots_);

    summary_ = new QLabel;
    summary_->setObjectName(QStringLiteral("animationSummary"));
    summary_->setWordWrap(true);
    layout->addWidget(summary_);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Export"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(browse, &QPushButton::clicked, this, &AnimationDialog::browse);
    connect(format_, &QComboBox::currentIndexChanged, this, &AnimationDialog::formatChanged);
    connect(target_, &QLineEdit::textChanged, this, [buttons](const QString& text) {
        buttons->button(QDialogButtonBox::Ok)->setEnabled(!text.trimmed().isEmpty());
    });
    for (QSpinBox* spin : {frames_, every_})
        connect(spin, &QSpinBox::valueChanged, this, &AnimationDialog::updateSummary);
    connect(frames_, &QSpinBox::valueChanged, byCount_, [this] { byCount_->setChecked(true); });
    connect(every_, &QSpinBox::valueChanged, byEvery_, [this] { byEvery_->setChecked(true); });
    connect(fps_, &QDoubleSpinBox::valueChanged, this, &AnimationDialog::updateSummary);
    connect(group, &QButtonGroup::buttonToggled, this, &AnimationDialog::updateSummary);
    connect(size_, &QComboBox::currentIndexChanged, this, &AnimationDialog::updateSummary);
    connect(plots_, &QComboBox::currentIndexChanged, this, &AnimationDialog::updateSummary);
    buttons->button(QDialogButtonBox::Ok)->setEnabled(!initial.target.trimmed().isEmpty());
    updateSummary();
}

AnimationSettings AnimationDialog::settings() const
{
    AnimationSettings s;
    s.format = static_cast<AnimationFormat>(format_->currentData().toInt());
    s.target = target_->text().trimmed();
    s.everyK = byEvery_->isChecked();
    s.frames = frames_->value();
    s.every = every_->value();
    s.fps = fps_->value();
    s.size = size_->currentData().toSize();
    s.withLoss = plots_->currentIndex() == 1;
    return s;
}

QString AnimationDialog::summary() const
{
    return summary_->text();
}

void AnimationDialog::updateSummary()
{
    const AnimationSettings s = settings();
    const auto steps = s.steps(lastStep_);
    const auto n = static_cast<double>(steps.size());
    const QSize pixels = s.size.isEmpty() ? (s.withLoss ? withLossSize_ : landscapeSize_) : s.size;
    QString text = (steps.size() == 1 ? tr("%1 frame of %2, step %3") : tr("%1 frames of %2, steps 0 to %3"))
                       .arg(steps.size())
                       .arg(sizeText(pixels))
                       .arg(lastStep_);
    if (steps.size() > 1)
        text += tr(", about one every %1 steps").arg(static_cast<double>(lastStep_) / (n - 1), 0, 'g', 3);
    if (s.format == AnimationFormat::Gif)
        text += tr("; %1 s at %2 frames a second").arg(n / s.fps, 0, 'f', 1).arg(s.fps);
    text += QLatin1Char('.');
    text += QLatin1Char(' ')
        + tr("Frames are spread evenly over the steps: a long run is shown whole in at most %1 frames, "
             "and a run with fewer steps than frames gets one frame per step.")
              .arg(AnimationSettings::kMaxFrames);
    summary_->setText(text);
}

void AnimationDialog::formatChanged()
{
    const auto format = static_cast<AnimationFormat>(format_->currentData().toInt());
    target_->setText(retarget(target_->text().trimmed(), format));
    fps_->setEnabled(format == AnimationFormat::Gif);
    updateSummary();
}

void AnimationDialog::browse()
{
    const auto format = static_cast<AnimationFormat>(format_->currentData().toInt());
    QString path;
    if (format == AnimationFormat::Gif) {
        path = QFileDialog::getSaveFileName(this, tr("Export animation"), target_->text(), tr("GIF images (*.gif)"));
        if (!path.isEmpty() && QFileInfo(path).suffix().isEmpty())
            path += QStringLiteral(".gif");
    } else {
        // A new folder is made on export: choose where it goes, then name it in the field.
        const QString parent = QFileDialog::getExistingDirectory(this, tr("Folder for the frames"), QFileInfo(target_->text()).absolutePath());
        if (!parent.isEmpty())
            path = parent + QLatin1Char('/') + QFileInfo(target_->text()).fileName();
    }
    if (!path.isEmpty())
        target_->setText(path);
}

}  // namespace downhill::ui
