#include "shellwords.h"

#include <utility>

namespace shardscope {

std::optional<QStringList> splitShellWords(QStringView text)
{
    enum class State
    {
        Between,
        Word,
        Single,
        Double
    };
    QStringList words;
    QString word;
    State state = State::Between;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        switch (state) {
        case State::Between:
        case State::Word:
            if (c.isSpace()) {
                if (state == State::Word)
                    words.append(std::exchange(word, QString()));
                state = State::Between;
            } else if (c == u'\\') {
                if (++i == text.size())
                    return std::nullopt;
                word.append(text[i]);
                state = State::Word;
            } else if (c == u'\'') {
                state = State::Single;
            } else if (c == u'"') {
                state = State::Double;
            } else {
                word.append(c);
                state = State::Word;
            }
            break;
        case State::Single:
            if (c == u'\'')
                state = State::Word;
            else
                word.append(c);
            break;
        case State::Double:
            if (c == u'"') {
                state = State::Word;
            } else if (c == u'\\' && i + 1 < text.size() &&
                       (text[i + 1] == u'"' || text[i + 1] == u'\\')) {
                word.append(text[++i]);
            } else {
                word.append(c);
            }
            break;
        }
    }
    if (state == State::Single || state == State::Double)
        return std::nullopt;
    if (state == State::Word)
        words.append(word);
    return words;
}

} // namespace shardscope
