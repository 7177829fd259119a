// The Network dock's cost per frame for mlp:16 on 12 x 12 pixels (lesson 11's network): the
// panel shown at 360 x 640, a real trainer's weights and gradient, and per frame
//   state+paint   setState() (norms, 16 unit images, the strip, the summary) + a synchronous
//                 repaint of the view
//   plot          the gradient-norm plot's replot (rpImmediateRefresh) with the points so far;
//                 the panel asks for it at most every 100 ms
// Prints the median and the maximum of --frames frames (default 300). Target: state+paint
// well under 2 ms. Run under QT_QPA_PLATFORM=offscreen (or xvfb-run).
//
//   bench_network_panel [--frames N] [--spec mlp:16:relu] [--input-size 12]
#include <QApplication>
#include <QElapsedTimer>
#include <QStringList>
#include <algorithm>
#include <cstdio>
#include <vector>

#include <qcustomplot.h>

#include "core/base/rng.h"
#include "core/model/mlp_objective.h"
#include "core/train/trainer.h"
#include "window/network/network_panel.h"
#include "window/network/network_view.h"

using namespace downhill;

namespace {

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    const auto option = [&](const char* name, const QString& fallback) {
        const auto i = args.indexOf(QLatin1String(name));
        return i >= 0 && i + 1 < args.size() ? args[i + 1] : fallback;
    };
    const int frames = option("--frames", QStringLiteral("300")).toInt();
    const std::string spec = option("--spec", QStringLiteral("mlp:16:relu")).toStdString();
    const int n = option("--input-size", QStringLiteral("12")).toInt();

    const auto net = std::make_shared<core::MlpObjective>(core::MlpSpec::parse(spec), n, core::Loss());
    core::TrainData data;
    data.inputSize = n;
    core::Rng rng(3);
    data.train.x = core::Array::Zero(256);
    data.train.t.resize(256);
    data.train.inputs.resize(n * n, 256);
    for (int i = 0; i < 256; ++i) {
        for (int k = 0; k < n * n; ++k)
            data.train.inputs(k, i) = rng.uniform();
        data.train.t[i] = rng.integer(0, 9);
    }
    core::TrainSettings settings;
    settings.batchSize = 32;
    settings.optimizer.kind = core::OptimizerKind::Adam;
    settings.optimizer.lr = 0.003;
    core::Trainer trainer(net, data, settings, net->initialParameters(1));

    ui::NetworkPanel panel;
    panel.resize(360, 640);
    panel.show();
    app.processEvents();
    panel.setNetwork(net);
    app.processEvents();
    auto* view = panel.findChild<ui::NetworkView*>();
    auto* plot = panel.findChild<QCustomPlot*>(QStringLiteral("gradientNormPlot"));

    std::vector<double> statePaint, replot;
    core::StepRecord record;
    for (int f = 0; f < frames; ++f) {
        trainer.step(&record);
        QElapsedTimer t;
        t.start();
        panel.setState(record.after, record.gradient, record.step);
        view->repaint();
        statePaint.push_back(static_cast<double>(t.nsecsElapsed()) * 1e-6);
        t.start();
        plot->replot(QCustomPlot::rpImmediateRefresh);
        replot.push_back(static_cast<double>(t.nsecsElapsed()) * 1e-6);
    }
    std::printf("%s on %d x %d, %d parameters, panel 360 x 640, %d frames\n", spec.c_str(), n, n, net->parameterCount(), frames);
    std::printf("  state+paint  median %.3f ms  max %.3f ms\n", median(statePaint), *std::max_element(statePaint.begin(), statePaint.end()));
    std::printf("  plot replot  median %.3f ms  max %.3f ms  (%d points per graph)\n", median(replot),
        *std::max_element(replot.begin(), replot.end()), panel.normPoints());
    return 0;
}
