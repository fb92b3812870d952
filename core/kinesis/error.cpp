#include "error.h"

namespace shardscope {

QString Error::typeName() const
{
    switch (type) {
    case ErrorType::Validation: return QStringLiteral("ValidationException");
    case ErrorType::ResourceNotFound: return QStringLiteral("ResourceNotFoundException");
    case ErrorType::ResourceInUse: return QStringLiteral("ResourceInUseException");
    case ErrorType::InvalidArgument: return QStringLiteral("InvalidArgumentException");
    case ErrorType::LimitExceeded: return QStringLiteral("LimitExceededException");
    case ErrorType::ExpiredIterator: return QStringLiteral("ExpiredIteratorException");
    case ErrorType::ExpiredNextToken: return QStringLiteral("ExpiredNextTokenException");
    case ErrorType::ProvisionedThroughputExceeded:
        return QStringLiteral("ProvisionedThroughputExceededException");
    case ErrorType::KmsDisabled: return QStringLiteral("KMSDisabledException");
    case ErrorType::KmsInvalidState: return QStringLiteral("KMSInvalidStateException");
    case ErrorType::KmsAccessDenied: return QStringLiteral("KMSAccessDeniedException");
    case ErrorType::KmsNotFound: return QStringLiteral("KMSNotFoundException");
    case ErrorType::KmsOptInRequired: return QStringLiteral("KMSOptInRequired");
    case ErrorType::KmsThrottling: return QStringLiteral("KMSThrottlingException");
    case ErrorType::AccessDenied: return QStringLiteral("AccessDeniedException");
    case ErrorType::InternalFailure: return QStringLiteral("InternalFailureException");
    case ErrorType::Serialization: return QStringLiteral("SerializationException");
    case ErrorType::UnknownOperation: return QStringLiteral("UnknownOperationException");
    case ErrorType::MissingAuthenticationToken:
        return QStringLiteral("MissingAuthenticationTokenException");
    case ErrorType::IncompleteSignature: return QStringLiteral("IncompleteSignatureException");
    case ErrorType::InvalidSignature: return QStringLiteral("InvalidSignatureException");
    case ErrorType::UnrecognizedClient: return QStringLiteral("UnrecognizedClientException");
    }
    return QStringLiteral("InternalFailureException");
}

int Error::httpStatus() const
{
    // Kinesis answers every client error, authentication ones included, with 400.
    return type == ErrorType::InternalFailure ? 500 : 400;
}

Error Error::validation(const QStringList &violations)
{
    // Kinesis reports at most ten violations, and counts only those it reports.
    const QStringList reported = violations.mid(0, 10);
    const qsizetype n = reported.size();
    QString message = QString::number(n) %
                      (n == 1 ? QStringLiteral(" validation error detected: ")
                              : QStringLiteral(" validation errors detected: ")) %
                      reported.join(QStringLiteral("; "));
    return Error{ErrorType::Validation, message};
}

Error Error::streamNotFound(const QString &stream, const QString &account)
{
    return Error{ErrorType::ResourceNotFound,
                 u"Stream " % stream % u" under account " % account % u" not found."};
}

Error Error::internal(const QString &message)
{
    return Error{ErrorType::InternalFailure, message};
}

void ValidationErrors::add(const QString &field, const QString &valueText,
                           const QString &constraint)
{
    m_violations.append(u"Value '" % valueText % u"' at '" % field %
                        u"' failed to satisfy constraint: " % constraint);
}

void ValidationErrors::addNull(const QString &field)
{
    m_violations.append(u"Value null at '" % field %
                        u"' failed to satisfy constraint: Member must not be null");
}

void ValidationErrors::lengthAtLeast(const QString &field, const QString &value, qsizetype min)
{
    add(field, value,
        u"Member must have length greater than or equal to " % QString::number(min));
}

void ValidationErrors::lengthAtMost(const QString &field, const QString &value, qsizetype max)
{
    add(field, value, u"Member must have length less than or equal to " % QString::number(max));
}

void ValidationErrors::valueAtLeast(const QString &field, qint64 value, qint64 min)
{
    add(field, QString::number(value),
        u"Member must have value greater than or equal to " % QString::number(min));
}

void ValidationErrors::valueAtMost(const QString &field, qint64 value, qint64 max)
{
    add(field, QString::number(value),
        u"Member must have value less than or equal to " % QString::number(max));
}

void ValidationErrors::pattern(const QString &field, const QString &value, const QString &regex)
{
    add(field, value, u"Member must satisfy regular expression pattern: " % regex);
}

bool Error::isThrottling() const
{
    return type == ErrorType::ProvisionedThroughputExceeded || type == ErrorType::LimitExceeded ||
           type == ErrorType::KmsThrottling;
}

bool Error::isTransient() const
{
    return type == ErrorType::InternalFailure || type == ErrorType::Serialization;
}

} // namespace shardscope
