#pragma once

#include <QString>
#include <QStringList>

#include <expected>
#include <optional>

namespace shardscope {

// Checks a resource policy document before it is stored (PutResourcePolicy) or sent (the GUI's
// policy editor): at most KinesisLimits::kMaxResourcePolicyBytes of UTF-8, a JSON object with a
// Version ("2012-10-17" or "2008-10-17") and a Statement (one object or a non-empty list), each
// statement with Effect Allow or Deny, a Principal (or NotPrincipal), an Action (or NotAction)
// and a Resource (or NotResource), each a non-empty string or list of strings (Principal may
// also be an object). The document itself is never rewritten.
//
// Pure functions, any thread. Messages are in English (they go on the wire as they are).
namespace PolicyDocument {

// Nothing when the document is acceptable; otherwise what is wrong with it, in one sentence.
std::expected<void, QString> check(const QString &document);

// Who a policy names and what it lets them do, for showing it in a line.
struct Summary
{
    int statements = 0;     // 0: no policy ("{}" or nothing)
    QStringList principals; // distinct, in order of appearance; "*" for everyone
    QStringList actions;    // distinct, in order of appearance
    QStringList notActions; // the same for NotAction
    bool hasDeny = false;   // some statement has Effect Deny
};

// The summary of a document that is a JSON object (an empty or whitespace-only document is no
// policy); nothing when it is not. Does not check the document.
std::optional<Summary> summarize(const QString &document);

} // namespace PolicyDocument
} // namespace shardscope
