#pragma once

#include <QList>
#include <QWidget>

class QLabel;
class QPushButton;
class QStackedWidget;
class QTreeWidget;

namespace shardscope {

class GeneratorForm;
class LoadGenerator;
class ProducerDashboard;
class StreamBackend;
struct LoadGeneratorOptions;

// The Producers page: any number of load generators, each putting records into a stream of any
// connection through its own KPL-style Producer, with Start (the form), Pause/Resume, Stop and
// Remove, and the dashboard of the selected one. The page owns the generators: they keep
// running while other pages are shown (their charts pause while hidden and catch up when shown).
//
// Threads: GUI thread. Does not own the backends; a generator whose connection goes away stops.
class ProducersPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProducersPage)

public:
    explicit ProducersPage(QWidget *parent = nullptr);
    ~ProducersPage() override;

    // The connections the form offers.
    void setConnections(const QList<StreamBackend *> &connections);
    GeneratorForm *form() const { return m_form; }

    // Starts a generator with the form's settings; nullptr (and the reason in the form's message)
    // when it is refused.
    LoadGenerator *startGenerator();
    // Starts a generator with these settings (for the command line and tests); nullptr, with
    // the reason shown under the form, when it is refused.
    LoadGenerator *startGenerator(StreamBackend *backend, const QString &streamName,
                                  const LoadGeneratorOptions &options);
    QList<LoadGenerator *> generators() const;
    LoadGenerator *currentGenerator() const;
    ProducerDashboard *dashboard(LoadGenerator *generator) const;

private:
    struct Entry
    {
        LoadGenerator *generator = nullptr;
        ProducerDashboard *dashboard = nullptr;
    };

    void updateRow(LoadGenerator *generator);
    void updateButtons();
    int indexOf(LoadGenerator *generator) const;
    void removeCurrent();

    GeneratorForm *m_form;
    QTreeWidget *m_list;
    QPushButton *m_pauseButton;
    QPushButton *m_stopButton;
    QPushButton *m_removeButton;
    QLabel *m_startError;
    QStackedWidget *m_dashboards;
    QLabel *m_emptyHint;
    QList<Entry> m_entries;
};

} // namespace shardscope
