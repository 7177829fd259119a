#pragma once
// The plain fallback to a GIF: a recording as numbered PNG files in a folder.
#include <QImage>
#include <QString>
#include <QVector>

namespace downhill::ui {

// Numbered PNGs (frame_0000.png, ...) written into a temporary folder beside `dir` and moved
// into its place by commit(), so that a cancelled or failed export leaves no partial set. `dir`
// may be missing (its parents are created), empty, or hold only an earlier set of
// frame_NNNN.png, which commit() replaces; a folder with anything else in it is refused.
class FrameFolder {
public:
    FrameFolder();
    ~FrameFolder();
    FrameFolder(const FrameFolder&) = delete;
    FrameFolder& operator=(const FrameFolder&) = delete;

    bool open(const QString& dir, QString* error);
    bool add(const QImage& frame, QString* error);
    bool commit(QString* error);
    void cancel();
    int frameCount() const { return count_; }

private:
    QString dir_;
    QString temp_;
    int count_ = 0;
};

// Writes frame_0000.png, frame_0001.png, ... into dir (created if missing) through a
// FrameFolder: all of them or none. On failure returns false and sets *error (if given).
bool writeFrames(const QString& dir, const QVector<QImage>& frames, QString* error);

}  // namespace downhill::ui
