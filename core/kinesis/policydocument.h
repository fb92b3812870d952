#pragma once

#include <QString>

#include <expected>

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

} // namespace PolicyDocument
} // namespace shardscope
