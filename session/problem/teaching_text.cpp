#include "session/problem/teaching_text.h"

#include <QCoreApplication>

namespace downhill::ui {

namespace {

// The strings' context, "TeachingText", for lupdate and for the lookup alike (a free tr() would
// be filed under the namespace by lupdate and never found).
struct TeachingText {
    Q_DECLARE_TR_FUNCTIONS(TeachingText)
};

QString num(double v)
{
    return QString::number(v, 'g', 4);
}

QString describeSchedule(const core::Schedule& sch)
{
    switch (sch.kind) {
    case core::ScheduleKind::Constant: return TeachingText::tr("constant");
    case core::ScheduleKind::Exponential: return TeachingText::tr("×%1 every step").arg(num(sch.gamma));
    case core::ScheduleKind::Step: return TeachingText::tr("×%1 every %2 steps").arg(num(sch.gamma)).arg(sch.every);
    case core::ScheduleKind::Cosine: return TeachingText::tr("a half cosine over %1 steps").arg(sch.period);
    case core::ScheduleKind::CosineRestarts: return TeachingText::tr("cosine restarting after %1 steps").arg(sch.period);
    }
    return {};
}

}  // namespace

QString teachingText(const AppSettings& s, const Problem& problem)
{
    if (!problem.valid())
        return {};
    QStringList parts;
    const auto names = problem.parameterNames();
    const auto name = [&](int i) {
        return i >= 0 && i < static_cast<int>(names.size()) ? QString::fromStdString(names[static_cast<std::size_t>(i)]) : QString();
    };
    const bool onPlane = s.plane != PlotPlane::Axes;
    const QString a1 = onPlane ? TeachingText::tr("alpha") : name(s.axis1);
    const QString a2 = onPlane ? TeachingText::tr("beta") : name(s.axis2);

    if (const auto* analytic = problem.analytic()) {
        parts << TeachingText::tr("<b>The landscape</b> is the function %1 itself; darker is lower.")
                     .arg(QString::fromStdString(analytic->formula()).toHtmlEscaped());
        switch (analytic->kind()) {
        case core::AnalyticKind::Rosenbrock:
            parts << TeachingText::tr("A curved canyon with a flat floor: the gradient points down the steep walls, not along the floor to the minimum at (1, 1).");
            break;
        case core::AnalyticKind::Himmelblau:
            parts << TeachingText::tr("Four minima of equal height: where the run ends depends on where it starts. Click elsewhere to try.");
            break;
        case core::AnalyticKind::Beale:
            parts << TeachingText::tr("Flat plateaus and sharp ridges: the gradient is tiny on one and huge on the other.");
            break;
        case core::AnalyticKind::Saddle:
            parts << TeachingText::tr("A saddle point at (0, 0): uphill along x, downhill along y. The gradient vanishes there although it is no minimum.");
            break;
        case core::AnalyticKind::IllConditioned:
            parts << TeachingText::tr("50 times steeper across the canyon than along it: a rate large enough to move along it makes the run zig-zag across.");
            break;
        }
    } else {
        const bool hasVal = problem.data() && problem.data()->val.size() > 0;
        Surface surface = s.surface;
        if ((surface == Surface::Validation || surface == Surface::TrainAndVal) && !hasVal)
            surface = Surface::Train;
        switch (surface) {
        case Surface::Train:
            parts << TeachingText::tr("<b>The landscape</b> is the mean loss on the training set over %1 and %2; darker is lower, lines join equal loss.")
                         .arg(a1, a2);
            break;
        case Surface::Batch:
            parts << TeachingText::tr("<b>The landscape</b> is the mean loss on the current batch only (the samples of the last step) over "
                        "%1 and %2, redrawn at every step. Each step goes downhill on its own batch's landscape, and the "
                        "landscapes differ from batch to batch: that is why small batches zig-zag. The training set's "
                        "landscape is their average.").arg(a1, a2);
            break;
        case Surface::Validation:
            parts << TeachingText::tr("<b>The landscape</b> is the mean loss on the validation set over %1 and %2: samples training never "
                        "sees. Training descends the training loss, not this one; its minimum is where the model does best "
                        "on new data.").arg(a1, a2);
            break;
        case Surface::TrainAndVal:
            parts << TeachingText::tr("<b>Left</b>: the mean loss on the training set; <b>right</b>: on the validation set, over %1 and %2, "
                        "with the same path. A filled star marks each landscape's own minimum, a hollow star the other's. "
                        "With few training samples the two minima drift apart: training heads for the left one, but the "
                        "right one is what counts on new data. That gap is overfitting.").arg(a1, a2);
            break;
        }
        if (s.plane == PlotPlane::Random)
            parts << TeachingText::tr("alpha and beta move along two random directions through all %1 parameters at once, each unit's "
                        "incoming weights scaled to its own (Li et al. 2018): one flat slice through %1 dimensions. "
                        "The path is its shadow on the slice; the read-outs say how far off it the run is.")
                         .arg(names.size());
        else if (s.plane == PlotPlane::Pca)
            parts << TeachingText::tr("alpha and beta follow the path's first two principal components through its last point: the "
                        "plane of all %1 parameters the run moved in most.").arg(names.size());
        else if (names.size() > 2)
            parts << TeachingText::tr("The other parameters are held where the side panel sets them: this is one slice through the loss.");
        if (problem.network())
            parts << TeachingText::tr("A network reading the pixels: its gradient comes by backpropagation, from the output layer back "
                        "to the first.");
        if (const auto* d = problem.dataObjective()) {
            const auto model = d->model().name();
            if (model == "fold")
                parts << TeachingText::tr("This model has two valleys with a saddle between: runs starting at a &lt; 1 end in the worse one.");
            switch (d->loss().kind()) {
            case core::LossKind::Mse: break;
            case core::LossKind::Mae:
                parts << TeachingText::tr("With mae every sample pulls with the same strength: the steps do not shrink near the minimum.");
                break;
            case core::LossKind::Huber:
                parts << TeachingText::tr("Huber is squared for small errors and linear for large ones (delta %1).").arg(num(s.loss.delta));
                break;
            }
        }
    }

    parts << TeachingText::tr("<b>The arrows</b>: minus the gradient (the steepest way down) and the step actually taken.");
    const auto& opt = s.train.optimizer;
    switch (opt.kind) {
    case core::OptimizerKind::Sgd:
        if (opt.momentum > 0)
            parts << TeachingText::tr("With momentum %1 the step follows a running sum of gradients, b \u2190 %1·b + g: "
                        "it builds up speed in a straight valley and overshoots in a bend.").arg(num(opt.momentum));
        else
            parts << TeachingText::tr("Plain gradient descent: w \u2190 w \u2212 lr\u00b7g with lr = %1, so the step is the gradient scaled down.")
                         .arg(num(opt.lr));
        break;
    case core::OptimizerKind::Adam:
        parts << TeachingText::tr("Adam divides each parameter's step by its own gradient history: the step need not point along the gradient.");
        break;
    case core::OptimizerKind::RmsProp:
        parts << TeachingText::tr("RMSprop divides each step by a running root mean square of the gradient: steep and flat directions get similar steps.");
        break;
    case core::OptimizerKind::Adagrad:
        parts << TeachingText::tr("Adagrad divides by the root of all past squared gradients: its steps only ever get shorter.");
        break;
    }
    if (problem.usesData()) {
        const std::int64_t n = problem.trainSize();
        if (s.surface == Surface::Batch)
            parts << TeachingText::tr("Every arrow is the gradient of the batch shown, so it crosses that landscape's contour lines at "
                        "right angles.");
        else if (s.train.batchSize >= n)
            parts << TeachingText::tr("Full batch: every step follows the gradient of exactly the training set's landscape.");
        else
            parts << TeachingText::tr("Batches of %1 of %2 samples: each step sees a slightly different loss, so the path jitters around the "
                        "way down.").arg(s.train.batchSize).arg(n);
    }
    if (s.train.schedule.kind != core::ScheduleKind::Constant)
        parts << TeachingText::tr("The rate follows a schedule (%1): watch the steps change length.").arg(describeSchedule(s.train.schedule));
    parts << TeachingText::tr("<i>Click the landscape to start from there.</i>");
    return parts.join(QStringLiteral("<br><br>"));
}

}  // namespace downhill::ui
