#pragma once

// Qt Test assertions for std::expected<T, Error> results, shared by the engine tests.

#include "kinesis/error.h"

#include <QByteArray>
#include <QString>
#include <QTest>

#include <expected>

namespace shardscope::testing {

// "success", or "<ErrorType>: <message>", for failure messages.
template<typename T>
QByteArray describe(const std::expected<T, Error> &result)
{
    if (result.has_value())
        return QByteArrayLiteral("success");
    return QString(result.error().typeName() % u": " % result.error().message).toUtf8();
}

inline QString typeNameOf(ErrorType type)
{
    return Error{type, QString()}.typeName();
}

} // namespace shardscope::testing

// Fails the test unless the std::expected holds a value.
#define VERIFY_OK(expression)                                                                      \
    do {                                                                                           \
        const auto &verifyOkResult_ = (expression);                                                \
        QVERIFY2(verifyOkResult_.has_value(),                                                      \
                 shardscope::testing::describe(verifyOkResult_).constData());                      \
    } while (false)

// Fails the test unless the std::expected holds an error of this type.
#define VERIFY_ERROR(expression, expectedType)                                                     \
    do {                                                                                           \
        const auto &verifyErrorResult_ = (expression);                                             \
        QVERIFY2(!verifyErrorResult_.has_value(), "expected an error, but the call succeeded");    \
        QCOMPARE(verifyErrorResult_.error().typeName(),                                            \
                 shardscope::testing::typeNameOf(expectedType));                                   \
    } while (false)

// Fails the test unless the std::expected holds exactly this error.
#define COMPARE_ERROR(expression, expectedType, expectedMessage)                                  \
    do {                                                                                           \
        const auto &compareErrorResult_ = (expression);                                            \
        QVERIFY2(!compareErrorResult_.has_value(), "expected an error, but the call succeeded");   \
        QCOMPARE(compareErrorResult_.error().typeName(),                                           \
                 shardscope::testing::typeNameOf(expectedType));                                   \
        QCOMPARE(compareErrorResult_.error().message, QString(expectedMessage));                   \
    } while (false)
