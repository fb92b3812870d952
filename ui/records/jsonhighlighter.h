#pragma once

#include <QPalette>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

class QTextDocument;

namespace shardscope {

// Colours pretty-printed JSON: member names, strings, numbers, true/false/null and punctuation,
// with one hand-written scan per line (no regular expressions: a 256 KiB payload highlights in
// a few milliseconds). The palette decides between colours for light and dark themes.
//
// Threads: GUI thread, like the document it highlights.
class JsonHighlighter final : public QSyntaxHighlighter
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JsonHighlighter)

public:
    enum class Token
    {
        Key,
        String,
        Number,
        Keyword,
        Punctuation
    };

    explicit JsonHighlighter(QTextDocument *document);

    // Takes the theme's syntax colours for `palette` (the view's) and re-highlights.
    void setPalette(const QPalette &palette);
    QTextCharFormat formatFor(Token token) const;

protected:
    void highlightBlock(const QString &text) override;

private:
    void applyColours();

    QPalette m_palette;
    QTextCharFormat m_key;
    QTextCharFormat m_string;
    QTextCharFormat m_number;
    QTextCharFormat m_keyword;
    QTextCharFormat m_punctuation;
};

} // namespace shardscope
