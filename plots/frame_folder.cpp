#include "plots/frame_folder.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>

namespace downhill::ui {

namespace {

bool fail(QString* error, const QString& message)
{
    if (error)
        *error = message;
    return false;
}

bool isFrameName(const QString& name)
{
    static const QRegularExpression pattern(QStringLiteral("^frame_\\d{4,}\\.png$"));
    return pattern.match(name).hasMatch();
}

}  // namespace

FrameFolder::FrameFolder() = default;
FrameFolder::~FrameFolder() { cancel(); }

bool FrameFolder::open(const QString& dir, QString* error)
{
    cancel();
    // "frames/" and "frames" are the same folder.
    const QFileInfo info(QDir::cleanPath(QFileInfo(dir).absoluteFilePath()));
    const QString target = info.absoluteFilePath();
    if (info.exists() && !info.isDir())
        return fail(error, QCoreApplication::translate("FrameFolder", "Cannot write frames to \"%1\": it is a file, not a folder.").arg(QDir::toNativeSeparators(dir)));
    if (info.isDir()) {
        const QStringList entries = QDir(target).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System);
        for (const QString& name : entries)
            if (!isFrameName(name))
                return fail(error, QCoreApplication::translate("FrameFolder", "Cannot write frames to \"%1\": the folder holds other files (%2); choose an empty or new folder.")
                                       .arg(QDir::toNativeSeparators(dir), name));
    }
    const QString parent = info.absolutePath();
    if (!QDir().mkpath(parent))
        return fail(error, QCoreApplication::translate("FrameFolder", "Cannot write frames to \"%1\": cannot create the folder \"%2\".").arg(QDir::toNativeSeparators(dir), QDir::toNativeSeparators(parent)));
    // Beside the target, so that moving it into place is a rename on the same file system.
    for (int attempt = 0; attempt < 100 && temp_.isEmpty(); ++attempt) {
        const QString candidate = QStringLiteral("%1.partial-%2").arg(target).arg(QCoreApplication::applicationPid() * 100 + attempt);
        if (!QFileInfo::exists(candidate) && QDir().mkdir(candidate))
            temp_ = candidate;
    }
    if (temp_.isEmpty())
        return fail(error, QCoreApplication::translate("FrameFolder", "Cannot write frames to \"%1\": cannot create a folder in \"%2\".").arg(QDir::toNativeSeparators(dir), QDir::toNativeSeparators(parent)));
    dir_ = target;
    count_ = 0;
    return true;
}

bool FrameFolder::add(const QImage& frame, QString* error)
{
    if (temp_.isEmpty())
        return fail(error, QCoreApplication::translate("FrameFolder", "Cannot add a frame: the folder is not open."));
    const QString name = QStringLiteral("frame_%1.png").arg(count_, 4, 10, QLatin1Char('0'));
    QFile file(QDir(temp_).filePath(name));
    const QString shown = QDir(dir_).filePath(name);
    if (!file.open(QIODevice::WriteOnly)) {
        fail(error, QCoreApplication::translate("FrameFolder", "Cannot write \"%1\": %2.").arg(QDir::toNativeSeparators(shown), file.errorString()));
        cancel();
        return false;
    }
    const bool encoded = frame.save(&file, "PNG");
    file.close();
    if (!encoded || file.error() != QFileDevice::NoError) {
        fail(error, QCoreApplication::translate("FrameFolder", "Cannot write \"%1\": %2.")
                        .arg(QDir::toNativeSeparators(shown), file.error() != QFileDevice::NoError ? file.errorString() : QCoreApplication::translate("FrameFolder", "the image could not be encoded (is the disk full?)")));
        cancel();
        return false;
    }
    ++count_;
    return true;
}

bool FrameFolder::commit(QString* error)
{
    if (temp_.isEmpty())
        return fail(error, QCoreApplication::translate("FrameFolder", "Cannot write frames: the folder is not open."));
    if (count_ == 0) {
        const QString dir = dir_;
        cancel();
        return fail(error, QCoreApplication::translate("FrameFolder", "Cannot write frames to \"%1\": there are no frames to write.").arg(QDir::toNativeSeparators(dir)));
    }
    // An earlier set (checked in open(): nothing else is in it) steps aside first and goes
    // only once the new one is in place.
    QString old;
    if (QFileInfo(dir_).isDir()) {
        old = temp_ + QStringLiteral("-old");
        if (!QDir().rename(dir_, old)) {
            fail(error, QCoreApplication::translate("FrameFolder", "Cannot replace the folder \"%1\".").arg(QDir::toNativeSeparators(dir_)));
            cancel();
            return false;
        }
    }
    if (!QDir().rename(temp_, dir_)) {
        if (!old.isEmpty())
            QDir().rename(old, dir_);
        fail(error, QCoreApplication::translate("FrameFolder", "Cannot move the frames into \"%1\".").arg(QDir::toNativeSeparators(dir_)));
        cancel();
        return false;
    }
    if (!old.isEmpty())
        QDir(old).removeRecursively();
    temp_.clear();
    return true;
}

void FrameFolder::cancel()
{
    if (!temp_.isEmpty())
        QDir(temp_).removeRecursively();
    temp_.clear();
    count_ = 0;
}

bool writeFrames(const QString& dir, const QVector<QImage>& frames, QString* error)
{
    if (frames.isEmpty())
        return fail(error, QCoreApplication::translate("FrameFolder", "Cannot write frames to \"%1\": there are no frames to write.").arg(QDir::toNativeSeparators(dir)));
    FrameFolder folder;
    if (!folder.open(dir, error))
        return false;
    for (const QImage& frame : frames)
        if (!folder.add(frame, error))
            return false;
    return folder.commit(error);
}

}  // namespace downhill::ui
