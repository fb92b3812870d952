#include "jsonhighlighter.h"

#include "theme/theme.h"

#include <QColor>
#include <QTextDocument>

namespace shardscope {

using namespace Qt::StringLiterals;

JsonHighlighter::JsonHighlighter(QTextDocument *document) : QSyntaxHighlighter(document)
{
    applyColours();
}

void JsonHighlighter::setPalette(const QPalette &palette)
{
    if (palette == m_palette)
        return;
    m_palette = palette;
    applyColours();
    rehighlight();
}

void JsonHighlighter::applyColours()
{
    m_key.setForeground(Theme::syntax(Theme::Syntax::Key, m_palette));
    m_key.setFontWeight(QFont::DemiBold);
    m_string.setForeground(Theme::syntax(Theme::Syntax::String, m_palette));
    m_number.setForeground(Theme::syntax(Theme::Syntax::Number, m_palette));
    m_keyword.setForeground(Theme::syntax(Theme::Syntax::Keyword, m_palette));
    m_keyword.setFontWeight(QFont::DemiBold);
    m_punctuation.setForeground(Theme::syntax(Theme::Syntax::Punctuation, m_palette));
}

QTextCharFormat JsonHighlighter::formatFor(Token token) const
{
    switch (token) {
    case Token::Key:
        return m_key;
    case Token::String:
        return m_string;
    case Token::Number:
        return m_number;
    case Token::Keyword:
        return m_keyword;
    case Token::Punctuation:
        return m_punctuation;
    }
    return {};
}

void JsonHighlighter::highlightBlock(const QString &text)
{
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        const QChar c = text.at(i);
        if (c == u'"') {
            qsizetype end = i + 1;
            while (end < n && text.at(end) != u'"') {
                if (text.at(end) == u'\\')
                    ++end;
                ++end;
            }
            end = std::min(end + 1, n);
            // A string followed by ':' is a member name.
            qsizetype after = end;
            while (after < n && text.at(after) == u' ')
                ++after;
            const bool isKey = after < n && text.at(after) == u':';
            setFormat(int(i), int(end - i), isKey ? m_key : m_string);
            i = end;
        } else if (c == u'-' || c.isDigit()) {
            qsizetype end = i + 1;
            while (end < n) {
                const QChar d = text.at(end);
                if (!(d.isDigit() || d == u'.' || d == u'e' || d == u'E' || d == u'+' || d == u'-'))
                    break;
                ++end;
            }
            setFormat(int(i), int(end - i), m_number);
            i = end;
        } else if (c == u't' || c == u'f' || c == u'n') {
            qsizetype end = i;
            while (end < n && text.at(end).isLetter())
                ++end;
            const QStringView word = QStringView(text).sliced(i, end - i);
            if (word == u"true"_s || word == u"false"_s || word == u"null"_s)
                setFormat(int(i), int(end - i), m_keyword);
            i = std::max(end, i + 1);
        } else if (c == u'{' || c == u'}' || c == u'[' || c == u']' || c == u':' || c == u',') {
            setFormat(int(i), 1, m_punctuation);
            ++i;
        } else {
            ++i;
        }
    }
}

} // namespace shardscope
