// Replot cost of the landscape plot on a shown 1280x800 widget: a 256x256 grid with 12 contour
// levels, a 10,000-point path and the arrows. Prints the median of 50 runs for
//   full       QCustomPlot::replot(rpImmediateRefresh): every layer rendered and painted
//   path-only  appendPath + setCurrent + replotLive() + repaint(): the live layer alone
//   path+full  appendPath + setCurrent + replot(rpImmediateRefresh): what a timer tick costs
//              when the window asks for a full replot
//   seek       clearPath + appendPath(up to 100,000 points) + setCurrent + live layer: a move
//              along the timeline
// Run under QT_QPA_PLATFORM=offscreen (or xvfb-run). Target: full <= 8 ms.
//
//   bench_replot [--runs N] [--screenshot PATH]
//
// Also prints the loss plot's append + replot cost with 100,000 steps. With --screenshot (on by
// default, "" turns it off) it writes a fully dressed landscape (300-step momentum run spiralling
// into the minimum, arrows, captions, gradient field) to PATH (default /tmp/landscape_plot.png),
// and beside it *_early.png (large arrows after 12 steps), *_diverged.png (banner, stale map),
// *_loss.png and *_batch.png.
#include <QApplication>
#include <QElapsedTimer>
#include <QStringList>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <random>
#include <vector>

#include "window/run/batch_strip.h"
#include "core/geometry/contours.h"
#include "core/model/data_objective.h"
#include "core/landscape/landscape.h"
#include "plots/landscape_plot.h"
#include "plots/loss_plot.h"
#include "core/model/objective.h"

using namespace downhill;

namespace {

core::Samples makeSamples(int n, unsigned seed)
{
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> uniform(0.0, 2.0);
    std::normal_distribution<double> noise(0.0, 0.6);
    core::Samples s;
    s.x.resize(n);
    s.t.resize(n);
    for (int i = 0; i < n; ++i) {
        s.x[i] = uniform(rng);
        s.t[i] = 4.5 * s.x[i] + 1.0 + noise(rng);
    }
    return s;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

void settle(QWidget& w)
{
    for (int k = 0; k < 20; ++k)
        QApplication::processEvents();
    (void)w;
}

struct Scene {
    std::shared_ptr<const core::Objective> objective;
    core::Samples samples;
    core::LandscapeGrid grid;
    std::vector<core::ContourLevel> contours;
};

Scene makeScene(int resolution, int levels)
{
    Scene scene;
    scene.objective = core::makeObjective("linear", core::LossSettings{});
    scene.samples = makeSamples(200, 7);
    core::LandscapeRequest rq;
    rq.axis1 = 0;
    rq.axis2 = 1;
    rq.origin = core::Vec::Zero(2);
    rq.min1 = -2.0;
    rq.max1 = 11.0;
    rq.min2 = -6.0;
    rq.max2 = 8.0;
    rq.resolution = resolution;
    scene.grid = *core::computeLandscape(*scene.objective, scene.samples, rq);
    scene.contours = core::computeContours(scene.grid, core::contourLevels(scene.grid, levels));
    return scene;
}

}  // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    int runs = 50;
    QString screenshot = QStringLiteral("/tmp/landscape_plot.png");
    const QStringList args = app.arguments();
    for (int k = 1; k < args.size(); ++k) {
        if (args[k] == QLatin1String("--runs") && k + 1 < args.size())
            runs = std::max(1, args[++k].toInt());
        else if (args[k] == QLatin1String("--screenshot") && k + 1 < args.size())
            screenshot = args[++k];
    }

    const Scene scene = makeScene(256, 12);
    const auto& rq = scene.grid.request;
    const QPointF minimum(rq.value1(scene.grid.argmin1), rq.value2(scene.grid.argmin2));

    // ---- timing scene: 10,000-point spiral path ----------------------------------------------
    {
        ui::LandscapePlot plot;
        plot.resize(1280, 800);
        plot.show();
        settle(plot);
        plot.setLandscape(scene.grid, scene.contours, QStringLiteral("w"), QStringLiteral("b"));
        const int pathPoints = 10000;
        auto spiral = [&](int k) {
            const double r = std::exp(-k / 3000.0);
            const double a = k * 0.013;
            return minimum + QPointF(5.5 * r * std::cos(a), 5.0 * r * std::sin(a));
        };
        QVector<QPointF> path;
        for (int k = 0; k < pathPoints; ++k)
            path.push_back(spiral(k));
        plot.appendPath(path);
        const QPointF last = path.back();
        const QPointF step = last - path[path.size() - 2];
        plot.setCurrent(last, (minimum - last) * 3.0, step, step * 0.6);
        plot.replot(QCustomPlot::rpImmediateRefresh);
        settle(plot);

        std::vector<double> full, pathOnly, pathFull;
        QElapsedTimer timer;
        for (int k = 0; k < runs; ++k) {
            timer.start();
            plot.replot(QCustomPlot::rpImmediateRefresh);
            full.push_back(static_cast<double>(timer.nsecsElapsed()) * 1e-6);
        }
        int next = pathPoints;
        for (int k = 0; k < runs; ++k) {
            const QPointF p = spiral(next++);
            timer.start();
            plot.appendPath({p});
            plot.setCurrent(p, (minimum - p) * 3.0, step, step * 0.6);
            plot.replotLive();
            plot.repaint();
            pathOnly.push_back(static_cast<double>(timer.nsecsElapsed()) * 1e-6);
        }
        for (int k = 0; k < runs; ++k) {
            const QPointF p = spiral(next++);
            timer.start();
            plot.appendPath({p});
            plot.setCurrent(p, (minimum - p) * 3.0, step, step * 0.6);
            plot.replot(QCustomPlot::rpImmediateRefresh);
            pathFull.push_back(static_cast<double>(timer.nsecsElapsed()) * 1e-6);
        }
        std::vector<double> appendOnly;
        for (int k = 0; k < runs; ++k) {
            const QPointF p = spiral(next++);
            timer.start();
            plot.appendPath({p});
            plot.setCurrent(p, (minimum - p) * 3.0, step, step * 0.6);
            appendOnly.push_back(static_cast<double>(timer.nsecsElapsed()) * 1e-6);
        }
        plot.replot(QCustomPlot::rpImmediateRefresh);
        std::printf("landscape 256x256, %zu contour levels, %d-point path, 1280x800, %d runs (QPA %s)\n",
            scene.contours.size(), plot.pathPointCount(), runs, qPrintable(QGuiApplication::platformName()));
        std::printf("  full replot            median %7.2f ms   (min %.2f, max %.2f)\n", median(full),
            *std::min_element(full.begin(), full.end()), *std::max_element(full.begin(), full.end()));
        std::printf("  path-only (live layer) median %7.2f ms   (min %.2f, max %.2f)\n", median(pathOnly),
            *std::min_element(pathOnly.begin(), pathOnly.end()), *std::max_element(pathOnly.begin(), pathOnly.end()));
        std::printf("  append + full replot   median %7.2f ms\n", median(pathFull));
        std::printf("  append + setCurrent    median %7.2f ms   (no drawing)\n", median(appendOnly));
        std::printf("  full / path-only       %7.2f x   (append + full / path-only %.2f x, same run)\n",
            median(full) / median(pathOnly), median(pathFull) / median(pathOnly));

        // A seek along the timeline (slider, Left key) redraws the path from the window's log of
        // the run, at most 100,000 rows, up to the step sought, then the live layer.
        QVector<QPointF> log;
        for (int k = 0; k < 100000; ++k)
            log.push_back(spiral(k));
        std::vector<double> seekTimes;
        for (int k = 0; k < runs; ++k) {
            const qsizetype upTo = (static_cast<qsizetype>(k) * 7919) % log.size() + 2;
            timer.start();
            plot.clearPath();
            plot.appendPath(log.first(upTo));
            plot.setCurrent(log[upTo - 1], (minimum - log[upTo - 1]) * 3.0, log[upTo - 1] - log[upTo - 2], QPointF());
            plot.replotLive();
            plot.repaint();
            seekTimes.push_back(static_cast<double>(timer.nsecsElapsed()) * 1e-6);
        }
        std::printf("  timeline seek          median %7.2f ms   (path redrawn from up to 100,000 rows)\n", median(seekTimes));
        std::fflush(stdout);
    }

    // ---- the loss plot with 100,000 steps ---------------------------------------------------------
    {
        ui::LossPlot plot;
        plot.resize(1280, 400);
        plot.show();
        settle(plot);
        QVector<double> steps, loss, lr;
        std::mt19937 rng(5);
        std::lognormal_distribution<double> batchNoise(0.0, 0.35);
        for (int k = 0; k < 100000; ++k) {
            steps.push_back(k + 1);
            loss.push_back((2.0 * std::exp(-k / 8000.0) + 0.3) * batchNoise(rng));
            lr.push_back(0.05 * (1 + std::cos(3.141592653589793 * k / 100000.0)) / 2);
            if ((k + 1) % 1000 == 0)
                plot.appendEpoch(k + 1, 2.0 * std::exp(-k / 8000.0) + 0.3, 2.0 * std::exp(-k / 8000.0) + 0.35);
        }
        plot.appendSteps(steps, loss, lr);
        plot.setCurrentStep(100000);
        plot.replot(QCustomPlot::rpImmediateRefresh);
        std::vector<double> times;
        QElapsedTimer timer;
        for (int k = 0; k < runs; ++k) {
            timer.start();
            plot.appendSteps({100001.0 + k}, {0.3}, {0.0});
            plot.setCurrentStep(100001.0 + k);
            plot.replot(QCustomPlot::rpImmediateRefresh);
            times.push_back(static_cast<double>(timer.nsecsElapsed()) * 1e-6);
        }
        std::printf("loss plot 1280x400, 100,000 steps: append + full replot median %.2f ms\n", median(times));
        if (!screenshot.isEmpty()) {
            QString file = screenshot;
            file.replace(QStringLiteral(".png"), QStringLiteral("_loss.png"));
            plot.setLogScale(true);
            plot.replot(QCustomPlot::rpImmediateRefresh);
            QString error;
            if (plot.exportImage(file, &error))
                std::printf("screenshot: %s\n", qPrintable(file));
        }
    }
    if (!screenshot.isEmpty()) {
        // The batch strip: 20 synthetic 28x28 images, some predictions close, some far.
        ui::BatchStrip strip;
        QVector<ui::BatchStrip::Item> items;
        std::mt19937 rng(3);
        std::uniform_int_distribution<int> pixel(0, 60);
        for (int k = 0; k < 20; ++k) {
            QImage image(28, 28, QImage::Format_Grayscale8);
            for (int y = 0; y < 28; ++y)
                for (int x = 0; x < 28; ++x)
                    image.setPixel(x, y, qRgb(pixel(rng), pixel(rng), pixel(rng)));
            const int people = k % 6;
            for (int p = 0; p < people; ++p)
                for (int y = 8; y < 20; ++y)
                    for (int x = 2 + 4 * p; x < 4 + 4 * p; ++x)
                        image.setPixel(x, y, qRgb(230, 230, 230));
            items.push_back({image, static_cast<double>(people), people + (k % 4 - 1.2) * 0.6});
        }
        strip.setItems(items);
        strip.resize(strip.sizeHint().width() / 2 + 200, strip.sizeHint().height());
        strip.show();
        settle(strip);
        QString file = screenshot;
        file.replace(QStringLiteral(".png"), QStringLiteral("_batch.png"));
        if (strip.grab().save(file))
            std::printf("screenshot: %s\n", qPrintable(file));
    }

    // ---- screenshots: a real momentum run spiralling into the minimum --------------------------
    // SGD with momentum, PyTorch semantics: buf = mu buf + g; w -= lr buf. Heavy momentum so that
    // the run still spirals at step 300. `steps` updates; the arrows show the last one.
    auto dressedPlot = [&](int steps, bool field, const QString& file, bool diverged) {
        const Scene small = makeScene(256, 12);
        ui::LandscapePlot plot;
        plot.resize(1280, 800);
        plot.show();
        settle(plot);
        plot.setLandscape(small.grid, small.contours, QStringLiteral("w"), QStringLiteral("b"));
        if (field) {
            core::LandscapeRequest fieldRq = small.grid.request;
            fieldRq.resolution = 22;
            plot.setGradientField(*core::computeGradientField(*small.objective, small.samples, fieldRq));
            plot.setGradientFieldVisible(true);
        }
        const double lr = 0.012, mu = 0.985;
        core::Vec w(2), buf = core::Vec::Zero(2), g(2);
        w << -0.5, 6.0;
        core::Workspace ws;
        QVector<QPointF> path{QPointF(w[0], w[1])};
        QPointF negGrad, step, velocity;
        for (int k = 0; k < steps; ++k) {
            small.objective->evaluateWithGradient(w, small.samples, g, ws);
            const core::Vec momentum = -lr * mu * buf;
            buf = mu * buf + g;
            const core::Vec delta = -lr * buf;
            w += delta;
            path.push_back(QPointF(w[0], w[1]));
            negGrad = QPointF(-g[0], -g[1]);
            step = QPointF(delta[0], delta[1]);
            velocity = QPointF(momentum[0], momentum[1]);
        }
        plot.appendPath(path);
        plot.setCurrent(path.back(), negGrad, step, velocity);
        if (diverged) {
            plot.setDiverged(true, QStringLiteral("Diverged at step 17 — lower the learning rate and press Reset"));
            plot.setLandscapeStale(true);
        }
        plot.replot(QCustomPlot::rpImmediateRefresh);
        QString error;
        if (plot.exportImage(file, &error))
            std::printf("screenshot: %s\n", qPrintable(file));
        else
            std::printf("screenshot failed: %s\n", qPrintable(error));
    };
    if (!screenshot.isEmpty()) {
        auto variant = [&](const QString& suffix) {
            QString name = screenshot;
            return name.replace(QStringLiteral(".png"), suffix + QStringLiteral(".png"));
        };
        dressedPlot(300, true, screenshot, false);
        dressedPlot(12, false, variant(QStringLiteral("_early")), false);
        dressedPlot(40, false, variant(QStringLiteral("_diverged")), true);
    }
    return 0;
}
