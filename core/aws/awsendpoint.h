#pragma once

#include <QByteArray>
#include <QString>
#include <QUrl>

namespace shardscope {

// Where an AWS service answers in a region, and the Host header SigV4 signs for a URL. Shared by
// every client that talks to AWS (Kinesis, KMS, CloudWatch, DynamoDB).
namespace AwsEndpoint {

// https://<service>.<region>.amazonaws.com, .amazonaws.com.cn for cn-* regions.
QUrl forService(const QString &service, const QString &region);
// host[:port] as it travels in the Host header; IPv6 hosts in brackets.
QByteArray hostHeader(const QUrl &url);

} // namespace AwsEndpoint

} // namespace shardscope
