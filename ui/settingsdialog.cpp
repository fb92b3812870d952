#include "settingsdialog.h"

#include "theme/appearance.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

namespace shardscope {

using namespace Qt::StringLiterals;

QString SettingsDialog::languageKey()
{
    return u"ui/language"_s;
}

QStringList SettingsDialog::languages()
{
    return {QString(), u"en"_s, u"de"_s, u"fr"_s};
}

SettingsDialog::SettingsDialog(QSettings *settings, QWidget *parent)
    : QDialog(parent), m_settings(settings), m_language(new QComboBox(this)),
      m_appearance(new QComboBox(this)),
      m_demoEvents(new QCheckBox(tr("Trickle sample events into the &demo stream"), this)),
      m_restartNote(new QLabel(this))
{
    setObjectName(u"settingsDialog"_s);
    setWindowTitle(tr("Settings"));
    m_language->setObjectName(u"language"_s);
    m_demoEvents->setObjectName(u"demoEvents"_s);
    m_appearance->setObjectName(u"appearance"_s);
    m_appearance->addItem(tr("System"), QString());
    m_appearance->addItem(tr("Light"), u"light"_s);
    m_appearance->addItem(tr("Dark"), u"dark"_s);
    m_appearance->setCurrentIndex(
        std::max(0, m_appearance->findData(m_settings->value(Appearance::settingsKey()).toString())));
    // Language names in their own language, so anyone can find theirs.
    m_language->addItem(tr("System language"), QString());
    m_language->addItem(u"English"_s, u"en"_s);
    m_language->addItem(u"Deutsch"_s, u"de"_s);
    m_language->addItem(u"Français"_s, u"fr"_s);
    const QString current = m_settings->value(languageKey()).toString();
    m_language->setCurrentIndex(std::max(0, m_language->findData(current)));
    m_demoEvents->setChecked(m_settings->value(u"demo/events"_s, true).toBool());
    m_restartNote->setObjectName(u"restartNote"_s);
    m_restartNote->setWordWrap(true);
    m_restartNote->setText(tr("The new language is used when Shardscope starts next time."));
    m_restartNote->setVisible(false);
    connect(m_language, &QComboBox::currentIndexChanged, this, [this, current] {
        m_restartNote->setVisible(m_language->currentData().toString() != current);
    });

    auto *form = new QFormLayout;
    auto *languageLabel = new QLabel(tr("&Language:"), this);
    languageLabel->setBuddy(m_language);
    form->addRow(languageLabel, m_language);
    form->addRow(QString(), m_restartNote);
    auto *appearanceLabel = new QLabel(tr("A&ppearance:"), this);
    appearanceLabel->setBuddy(m_appearance);
    form->addRow(appearanceLabel, m_appearance);
    form->addRow(QString(), m_demoEvents);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        apply();
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addStretch(1);
    layout->addWidget(buttons);
}

void SettingsDialog::apply()
{
    m_settings->setValue(languageKey(), m_language->currentData().toString());
    // The appearance changes at once: the palette reaches every open window.
    const QString appearance = m_appearance->currentData().toString();
    m_settings->setValue(Appearance::settingsKey(), appearance);
    Appearance::apply(appearance);
    const bool demo = m_demoEvents->isChecked();
    if (demo != m_settings->value(u"demo/events"_s, true).toBool()) {
        m_settings->setValue(u"demo/events"_s, demo);
        emit demoEventsChanged(demo);
    }
    m_settings->sync();
}

} // namespace shardscope
