#pragma once

#include <QString>
#include <QStringList>

namespace shardscope {

// The error types Kinesis returns, by their wire names (the "__type" field).
enum class ErrorType {
    Validation,
    ResourceNotFound,
    ResourceInUse,
    InvalidArgument,
    LimitExceeded,
    ExpiredIterator,
    ExpiredNextToken,
    ProvisionedThroughputExceeded,
    KmsDisabled,
    KmsInvalidState,
    KmsAccessDenied,
    KmsNotFound,
    KmsOptInRequired,
    KmsThrottling,
    AccessDenied,
    InternalFailure,
    Serialization,
    UnknownOperation,
    MissingAuthenticationToken,
    IncompleteSignature,
    InvalidSignature,
    UnrecognizedClient,
};

// An error as Kinesis reports it: a type and a human-readable message. Errors are values:
// every engine operation returns std::expected<T, Error>.
struct Error
{
    ErrorType type = ErrorType::InternalFailure;
    QString message;

    QString typeName() const;     // e.g. "ResourceNotFoundException"
    int httpStatus() const;       // 400 for client errors, 500 for internal failures
    // Readers back off and retry on these: the shard's or the account's rate was exceeded.
    bool isThrottling() const;
    // Worth retrying at once a few times: the service failed, not the request.
    bool isTransient() const;
    bool operator==(const Error &) const = default;

    static Error validation(const QStringList &violations);
    static Error streamNotFound(const QString &stream, const QString &account);
    static Error internal(const QString &message);
};

// Collects constraint violations in the shape Kinesis reports them:
// "1 validation error detected: Value 'x' at 'field' failed to satisfy constraint: Member must ...".
class ValidationErrors final
{
public:
    void add(const QString &field, const QString &valueText, const QString &constraint);
    void addNull(const QString &field);

    void lengthAtLeast(const QString &field, const QString &value, qsizetype min);
    void lengthAtMost(const QString &field, const QString &value, qsizetype max);
    void valueAtLeast(const QString &field, qint64 value, qint64 min);
    void valueAtMost(const QString &field, qint64 value, qint64 max);
    void pattern(const QString &field, const QString &value, const QString &regex);

    bool isEmpty() const { return m_violations.isEmpty(); }
    Error toError() const { return Error::validation(m_violations); }

private:
    QStringList m_violations;
};

} // namespace shardscope
