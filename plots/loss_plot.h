#pragma once
// Loss over training: the batch loss of every step (faint), the training and validation loss of
// every epoch (with markers), the learning-rate schedule on the right axis and a marker at the
// current step. The view follows the data until the user zooms or drags; a double click
// returns to following.
#include <QVector>
#include <limits>
#include <optional>

#include <qcustomplot.h>

#include "session/run/thinned_log.h"

namespace downhill::ui {

class LossPlot : public QCustomPlot {
    Q_OBJECT
public:
    // At most this many step points (and as many epoch points) on the stride are kept, however
    // long the run, and the newest: every stride-th one, the stride doubling as the run grows
    // (see Series::append).
    static constexpr int kMaxPoints = 20000;

    explicit LossPlot(QWidget* parent = nullptr);

    // lr may be empty (no schedule to show); otherwise it has one value per step.
    void appendSteps(const QVector<double>& steps, const QVector<double>& batchLoss, const QVector<double>& lr);
    void appendEpoch(double step, double trainLoss, double valLoss);   // valLoss NaN if none
    void appendEpochs(const QVector<double>& steps, const QVector<double>& trainLoss, const QVector<double>& valLoss);
    void setCurrentStep(double step);
    void setLogScale(bool on);
    void clear();   // the run's own series; overlay series stay until clearOverlaySeries()

    // Further loss curves, one per run of a race (each run's loss by step), with a legend entry
    // each (while there are any, the legend lists only them, in columns of four) and the same
    // bounded memory as the step series; the axes fit them too. Ids count from 0 in the order
    // of addOverlaySeries(); removing one moves the later ones down by one, and all are void
    // after clearOverlaySeries(); calls with an unknown id do nothing.
    int addOverlaySeries(const QString& label, const QColor& color);
    void appendOverlaySteps(int id, const QVector<double>& steps, const QVector<double>& loss);
    // A diverged run's loss runs off to 1e300: the axes then fit only its values up to
    // kDivergedLossCap times its first, so that it leaves the top of the panel instead of
    // flattening every other curve.
    void setOverlayDiverged(int id, bool diverged);
    void resetOverlaySeries(int id);   // no points; its colour and legend entry stay
    void removeOverlaySeries(int id);
    void clearOverlaySeries();
    // Beside a race the legend names the race's curves; with this on, also the run's own that
    // have points (the learning rate is named by its axis), as "main run: batch loss", ....
    void setMainRunListed(bool listed);
    static constexpr double kDivergedLossCap = 100.0;
    // An earlier branch's batch loss, drawn grey under the current run (see LandscapePlot's
    // ghost path); with a label it gets a legend entry. Replaces the one before.
    void setGhostSeries(const QVector<double>& steps, const QVector<double>& loss, const QString& label = {});
    void clearGhostSeries();
    QCPGraph* ghostGraph() const { return ghost_.graph; }
    int ghostStoredCount() const { return static_cast<int>(ghost_.series.keys.size()); }
    bool exportImage(const QString& path, QString* error);

    bool logScale() const { return log_; }
    int storedStepCount() const { return static_cast<int>(stepSeries_.keys.size()); }
    qint64 appendedStepCount() const { return stepSeries_.appended; }
    int storedEpochCount() const { return static_cast<int>(epochSeries_.keys.size()); }
    QCPGraph* batchGraph() const { return batch_; }
    QCPGraph* trainGraph() const { return train_; }
    QCPGraph* valGraph() const { return val_; }
    QCPGraph* lrGraph() const { return lr_; }
    bool followsData() const { return follow_; }
    int overlaySeriesCount() const { return static_cast<int>(overlays_.size()); }
    int overlayStoredCount(int id) const;    // -1 for an unknown id
    QCPGraph* overlayGraph(int id) const;    // nullptr for an unknown id
    void followData();   // fit the axes to the data and keep them fitted

signals:
    void hoverInfo(double step, double loss);

protected:
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void leaveEvent(QEvent* event) override;

private:
    void updateGraphs();
    void fitAxes();
    void placeLegend();
    // The legend's least size; laid out again only when what it shows or its look changed
    // (asked each frame, the layout of its texts was a tenth of what playing cost the window).
    QSize legendSize();
    // Everything the legend's size follows: its entries' names and fonts (an empty cell of its
    // grid as no entry), its own font, icons, spacing, margins and columns.
    struct LegendLook {
        struct Entry {
            bool filled = false;
            QString name;
            QFont font;
            bool operator==(const Entry&) const = default;
        };
        QFont font;
        QSize iconSize;
        int iconTextPadding = 0, rowSpacing = 0, columnSpacing = 0, wrap = 0, fillOrder = 0;
        QMargins margins;
        QList<Entry> entries;
        bool operator==(const LegendLook&) const = default;
    };
    LegendLook legendLook() const;
    std::optional<LegendLook> legendMeasured_;   // what legendSize_ was measured from
    QSize legendSize_;
    void fitStepTicks();   // before each replot: as many step ticks as their labels fit
    void updateHover(QPointF pixel);
    void hideHover();

    // A key and two values per point, thinned together.
    struct Series {
        struct Point {
            qint64 step = 0;   // the ordinal: ThinnedLog's stride counts points, not steps
            double key = 0, a = 0, b = 0;
        };
        ThinnedLog<Point> log{static_cast<std::size_t>(kMaxPoints) + 1};
        QVector<double> keys, a, b;   // the log's points, as the graphs take them
        qint64 appended = 0;
        // How many of the first points the graphs already hold as they are: a new point
        // changes only the end, so a frame hands the graphs only what came after them.
        qsizetype synced = 0;
        void append(double key, double first, double second);
        void clear();
    };
    Series stepSeries_;   // a = batch loss, b = learning rate
    Series epochSeries_;  // a = training loss, b = validation loss
    static void syncGraphs(Series& series, QCPGraph* first, QCPGraph* second);
    struct Overlay {
        Series series;     // a = batch loss, b unused
        QCPGraph* graph = nullptr;
        bool diverged = false;
        void setId(int id);   // the graph's object name follows the id
    };
    void overlaysChanged();   // the legend and the axes after an overlay came or went
    void updateOwnLegend();   // which of the run's own curves the legend names, and how
    bool mainRunListed_ = false;
    QVector<Overlay> overlays_;
    Overlay ghost_;
    double currentStep_ = std::numeric_limits<double>::quiet_NaN();
    bool log_ = false;
    bool follow_ = true;

    QCPGraph* batch_ = nullptr;
    QCPGraph* train_ = nullptr;
    QCPGraph* val_ = nullptr;
    QCPGraph* lr_ = nullptr;
    QCPItemLine* currentMarker_ = nullptr;
    QCPItemTracer* hoverTracer_ = nullptr;
    QCPItemText* hoverText_ = nullptr;
};

}  // namespace downhill::ui
