#pragma once
// Animated GIF output for recordings of a run (Qt reads GIFs but cannot write them), and the
// plain numbered-PNG fallback.
//
// The GIF is GIF89a, loops forever (NETSCAPE2.0 extension) and holds one shared 256-colour
// palette made by median cut over the pixels of all frames, so a colour never flickers from
// frame to frame; when the frames use at most 256 colours in all, the palette is exact and the
// GIF lossless. After the first frame only the rectangle that changed is stored (frames are
// drawn over the previous one), which keeps a recording of a moving path small.
#include <QImage>
#include <QString>
#include <QVector>

namespace downhill::ui {

// Writes the frames as an animated GIF, each shown for delayCentiseconds (browsers show delays
// below 2 as 10). The logical screen is the first frame's size; frames of another size are
// scaled to it; transparency is dropped. The file is written to a temporary file beside `path`
// and renamed into place, so a failure leaves no half-written GIF. On failure returns false and
// sets *error (if given) to a message naming the file.
bool writeGif(const QString& path, const QVector<QImage>& frames, int delayCentiseconds, QString* error);

// Writes frame_0000.png, frame_0001.png, ... into dir (created if missing), each through a
// temporary file. On failure returns false and sets *error (if given).
bool writeFrames(const QString& dir, const QVector<QImage>& frames, QString* error);

}  // namespace downhill::ui
