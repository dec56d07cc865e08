// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/GraphLayout.h"

#include <QByteArray>

#include <cmath>
#include <mutex>

// The only place Graphviz's headers are included: its macros (ND_coord, ED_spl, ...) and C
// names stay out of the rest of the window.
#include <gvc.h>

namespace cairn::ui {

namespace {

// Graphviz's layouts are not re-entrant, and its error handler is global.
std::mutex &graphvizMutex()
{
    static std::mutex mutex;
    return mutex;
}

// What Graphviz said while a layout held the mutex, instead of its stderr.
QByteArray &graphvizMessages()
{
    static QByteArray messages;
    return messages;
}

int collectMessage(char *message)
{
    graphvizMessages().append(message);
    return 0;
}

// Graphviz takes `char *` where it only reads: the text is copied into buffers of our own,
// which it may read but never outlives (cgraph copies every name and value it keeps).
class Text
{
public:
    explicit Text(const QByteArray &text)
        : m_text(text)
    { }
    explicit Text(const char *text)
        : m_text(text)
    { }
    char *get() { return m_text.data(); }

private:
    QByteArray m_text;
};

void set(void *object, const char *name, const QByteArray &value)
{
    Text n(name);
    Text v(value);
    Text none("");
    agsafeset(object, n.get(), v.get(), none.get());
}

void declare(Agraph_t *graph, int kind, const char *name, const char *value)
{
    Text n(name);
    Text v(value);
    agattr(graph, kind, n.get(), v.get());
}

QByteArray number(qreal value)
{
    return QByteArray::number(value, 'f', 4);
}

constexpr qreal PointsPerInch = 72.0;

// A label Graphviz places without measuring any text: an empty table cell of a fixed size.
QByteArray fixedLabel(const QSizeF &size)
{
    return QByteArrayLiteral("<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLPADDING=\"0\" CELLSPACING=\"0\"><TR>"
                             "<TD FIXEDSIZE=\"TRUE\" WIDTH=\"")
        + QByteArray::number(int(std::ceil(size.width()))) + QByteArrayLiteral("\" HEIGHT=\"")
        + QByteArray::number(int(std::ceil(size.height()))) + QByteArrayLiteral("\"></TD></TR></TABLE>");
}

// One context for the life of the program, made on first use under the mutex, as `dot`
// keeps one for all its graphs: making one reads Graphviz's plugin configuration, and
// Graphviz 2.43 leaks part of it each time. Never freed: the plugins it loaded stay
// loaded until the program ends anyway.
GVC_t *sharedContext()
{
    static GVC_t *const context = gvContext();
    return context;
}

// The graph and its layout, freed in the order Graphviz needs: the layout, then the graph.
class LaidOutGraph
{
public:
    LaidOutGraph(GVC_t *context, Agraph_t *graph)
        : m_context(context)
        , m_graph(graph)
    { }
    ~LaidOutGraph()
    {
        if (m_laidOut)
            gvFreeLayout(m_context, m_graph);
        agclose(m_graph);
    }
    LaidOutGraph(const LaidOutGraph &) = delete;
    LaidOutGraph &operator=(const LaidOutGraph &) = delete;

    Agraph_t *graph() const { return m_graph; }
    bool layOut()
    {
        m_laidOut = gvLayout(m_context, m_graph, "dot") == 0;
        return m_laidOut;
    }

private:
    GVC_t *m_context;
    Agraph_t *m_graph;
    bool m_laidOut = false;
};

// What Graphviz said, for a sentence that says what failed.
QString said()
{
    const QString messages = QString::fromUtf8(graphvizMessages()).trimmed();
    return messages.isEmpty() ? GraphLayout::tr("it gave no reason") : messages;
}

} // namespace

core::Result<GraphLayout::Placed> GraphLayout::compute(const Input &input)
{
    const std::lock_guard<std::mutex> lock(graphvizMutex());
    graphvizMessages().clear();
    const agusererrf previousHandler = agseterrf(collectMessage);
    const agerrlevel_t previousLevel = agseterr(AGERR);
    struct RestoreHandler
    {
        agusererrf handler;
        agerrlevel_t level;
        ~RestoreHandler()
        {
            agseterrf(handler);
            agseterr(level);
        }
    } restore { previousHandler, previousLevel };

    // The plugins come from Graphviz's own configuration (config6, written by `dot -c`
    // when it is installed): the same "dot" a packaged Graphviz lays out with.
    GVC_t *context = sharedContext();
    if (!context)
        return core::Error { tr("Graphviz could not start: %1").arg(said()) };

    Text name("neighbourhood");
    LaidOutGraph graph(context, agopen(name.get(), Agdirected, nullptr));
    if (!graph.graph())
        return core::Error { tr("Graphviz could not make a graph: %1").arg(said()) };
    Agraph_t *g = graph.graph();
    declare(g, AGRAPH, "rankdir", input.flow == Qt::Horizontal ? "LR" : "TB");
    declare(g, AGRAPH, "nodesep", number(input.nodeSeparation / PointsPerInch).constData());
    declare(g, AGRAPH, "ranksep", number(input.rankSeparation / PointsPerInch).constData());
    declare(g, AGNODE, "shape", "box");
    declare(g, AGNODE, "fixedsize", "true");
    declare(g, AGNODE, "label", "");
    declare(g, AGNODE, "width", "1");
    declare(g, AGNODE, "height", "0.5");
    declare(g, AGEDGE, "label", "");
    declare(g, AGEDGE, "dir", "forward");

    QList<Agnode_t *> nodes;
    nodes.reserve(input.nodes.size());
    for (qsizetype i = 0; i < input.nodes.size(); ++i) {
        Text id(QByteArray("n") + QByteArray::number(i));
        Agnode_t *node = agnode(g, id.get(), 1);
        const QSizeF size = input.nodes.at(i).size;
        set(node, "width", number(size.width() / PointsPerInch));
        set(node, "height", number(size.height() / PointsPerInch));
        nodes.append(node);
    }
    QList<Agedge_t *> edges;
    edges.reserve(input.edges.size());
    for (const Edge &edge : input.edges) {
        if (edge.tail < 0 || edge.tail >= nodes.size() || edge.head < 0 || edge.head >= nodes.size())
            return core::Error { QStringLiteral("GraphLayout: an edge names node %1 or %2 of %3")
                                     .arg(edge.tail)
                                     .arg(edge.head)
                                     .arg(nodes.size()) };
        Agedge_t *e = agedge(g, nodes.at(edge.tail), nodes.at(edge.head), nullptr, 1);
        if (!edge.labelSize.isEmpty()) {
            Text html(fixedLabel(edge.labelSize));
            char *label = agstrdup_html(g, html.get());
            Text labelName("label");
            Text none("");
            agsafeset(e, labelName.get(), label, none.get());
            agstrfree(g, label);
        }
        if (edge.arrowAtTail)
            set(e, "dir", "back");
        edges.append(e);
    }

    if (!graph.layOut())
        return core::Error { tr(
            "Graphviz could not lay out the graph (is its “dot” plugin installed and registered with `dot -c`?): %1")
                                 .arg(said()) };

    // Graphviz's y grows upwards from the bottom-left corner; the scene's grows downwards.
    const boxf box = GD_bb(g);
    auto toScene = [&box](pointf p) { return QPointF(p.x - box.LL.x, box.UR.y - p.y); };

    Placed placed;
    placed.bounds = QRectF(0, 0, box.UR.x - box.LL.x, box.UR.y - box.LL.y);
    for (qsizetype i = 0; i < nodes.size(); ++i) {
        const QSizeF size = input.nodes.at(i).size;
        const QPointF centre = toScene(ND_coord(nodes.at(i)));
        placed.nodes.append(
            QRectF(centre.x() - size.width() / 2, centre.y() - size.height() / 2, size.width(), size.height()));
    }
    for (qsizetype i = 0; i < edges.size(); ++i) {
        Agedge_t *e = edges.at(i);
        PlacedEdge out;
        if (const splines *spline = ED_spl(e)) {
            for (int b = 0; b < spline->size; ++b) {
                const bezier &curve = spline->list[b];
                if (curve.size < 1)
                    continue;
                out.path.moveTo(toScene(curve.list[0]));
                for (int p = 1; p + 2 < curve.size; p += 3)
                    out.path.cubicTo(toScene(curve.list[p]), toScene(curve.list[p + 1]), toScene(curve.list[p + 2]));
                if (curve.sflag)
                    out.arrows.append(QLineF(toScene(curve.list[0]), toScene(curve.sp)));
                if (curve.eflag)
                    out.arrows.append(QLineF(toScene(curve.list[curve.size - 1]), toScene(curve.ep)));
            }
        }
        if (const textlabel_t *label = ED_label(e))
            out.labelCentre = toScene(label->pos);
        placed.edges.append(std::move(out));
    }
    return placed;
}

QString GraphLayout::graphvizVersion()
{
    const std::lock_guard<std::mutex> lock(graphvizMutex());
    return QString::fromLatin1(gvcVersion(sharedContext()));
}

} // namespace cairn::ui
