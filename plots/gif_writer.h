#pragma once
// Animated GIF output for recordings of a run (Qt reads GIFs but cannot write them); the
// plain numbered-PNG fallback is plots/frame_folder.h.
//
// The GIF is GIF89a, loops forever (NETSCAPE2.0 extension) and holds one shared 256-colour
// palette made by median cut over the pixels of all frames, so a colour never flickers from
// frame to frame; when the frames use at most 256 colours in all, the palette is exact and the
// GIF lossless. After the first frame only the rectangle that changed is stored (frames are
// drawn over the previous one), which keeps a recording of a moving path small.
#include <QImage>
#include <QSize>
#include <QString>
#include <QVector>
#include <memory>

namespace downhill::ui {

// Writes the frames as an animated GIF, each shown for delayCentiseconds (browsers show delays
// below 2 as 10). The logical screen is the first frame's size; frames of another size are
// scaled to it; transparency is dropped. The file is written to a temporary file beside `path`
// and renamed into place, so a failure leaves no half-written GIF. On failure returns false and
// sets *error (if given) to a message naming the file.
bool writeGif(const QString& path, const QVector<QImage>& frames, int delayCentiseconds, QString* error);

// A GIF written one frame at a time, for recordings too long to hold in memory: the palette is
// made up front from sample frames (say the first, a middle and the last), and a colour of a
// later frame that it lacks gets its nearest entry. The file is a temporary one beside `path`
// until commit() renames it into place; a stream destroyed or cancelled before that leaves
// nothing behind. Errors name the file.
class GifStream {
public:
    GifStream();
    ~GifStream();
    GifStream(const GifStream&) = delete;
    GifStream& operator=(const GifStream&) = delete;

    // size: the logical screen; frames of another size are scaled to it.
    bool open(const QString& path, QSize size, const QVector<QImage>& paletteFrames, QString* error);
    bool add(const QImage& frame, int delayCentiseconds, QString* error);
    bool commit(QString* error);
    void cancel();
    int frameCount() const;

private:
    struct State;
    std::unique_ptr<State> d_;
};

}  // namespace downhill::ui
