#pragma once

// The clock is a value type of core/kinesis/ so that the consumer group can use it too.
#include "kinesis/clock.h"
