#pragma once

#include <chrono>

namespace shardscope {

// How AWS clients wait before retrying a throttled or failed call (the SDKs' "full jitter").
namespace AwsRetry {

// Uniform in [0, min(maxDelay, base * 2^retry)]; `random` is in [0, 1). `retry` counts from 0
// for the first retry.
std::chrono::milliseconds backoffDelay(int retry, std::chrono::milliseconds base,
                                       std::chrono::milliseconds maxDelay, double random);

} // namespace AwsRetry

} // namespace shardscope
